//! The API's one error type: every failure becomes JSON `{"error": "..."}` with a status code.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// What went wrong while answering a request.
///
/// # Design
///
/// One enum for every module, as in realworld-axum-sqlx: handlers return
/// `Result<_, ApiError>` and `?` the store's errors. Messages of 4xx errors are meant for the
/// person making the request (what was wrong and what to send instead); a 500's cause is
/// logged and never shown, since it may carry SQL or paths.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A parameter or body that cannot be used (400).
    #[error("{0}")]
    BadRequest(String),
    /// No credentials, or credentials that are not valid (401).
    #[error("{0}")]
    Unauthorized(String),
    /// Valid credentials whose role is not enough (403).
    #[error("{0}")]
    Forbidden(String),
    /// No such event, document or user (404).
    #[error("{0}")]
    NotFound(String),
    /// A well-formed request that conflicts with what is stored (409).
    #[error("{0}")]
    Conflict(String),
    /// A review action that cannot be applied to this event (422).
    #[error("{0}")]
    Unprocessable(String),
    /// Too many failed sign-ins for one name (429).
    #[error("{0}")]
    TooManyRequests(String),
    /// Anything else: logged, shown as "internal error" (500).
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let message = match &self {
            ApiError::Internal(cause) => {
                tracing::error!("internal error: {cause}");
                "internal error; the server log has the details".to_string()
            }
            other => other.to_string(),
        };
        (status, Json(serde_json::json!({ "error": message }))).into_response()
    }
}

impl From<litopys_store::Error> for ApiError {
    fn from(e: litopys_store::Error) -> ApiError {
        use litopys_store::ErrorKind;
        match e.kind() {
            ErrorKind::NotFound => ApiError::NotFound(e.to_string()),
            ErrorKind::InvalidAction => ApiError::Unprocessable(e.to_string()),
            _ => ApiError::Internal(e.to_string()),
        }
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> ApiError {
        ApiError::Internal(format!("accounts database: {e}"))
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(e: tokio::task::JoinError) -> ApiError {
        ApiError::Internal(format!("blocking task: {e}"))
    }
}

impl From<axum::extract::rejection::QueryRejection> for ApiError {
    fn from(e: axum::extract::rejection::QueryRejection) -> ApiError {
        ApiError::BadRequest(e.body_text())
    }
}

impl From<axum::extract::rejection::JsonRejection> for ApiError {
    fn from(e: axum::extract::rejection::JsonRejection) -> ApiError {
        ApiError::BadRequest(e.body_text())
    }
}

impl From<axum::extract::rejection::PathRejection> for ApiError {
    fn from(e: axum::extract::rejection::PathRejection) -> ApiError {
        ApiError::BadRequest(e.body_text())
    }
}
