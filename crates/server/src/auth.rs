//! Sign-in, sessions, API tokens, accounts, and who may do what.
//!
//! A request is made by a [`Caller`]: anonymous, a browser session (cookie
//! `litopys_session`), or a script (`Authorization: Bearer lit_...`). Reading needs a
//! viewer unless the server is public; reviewing needs an editor; accounts need an admin.
//! A state-changing request made with the session cookie must carry the session's CSRF token
//! in `X-CSRF-Token` (the page reads it from `GET /api/session`); token requests need none,
//! since browsers never attach them by themselves. `POST /api/session` takes JSON only,
//! which a cross-site form cannot send. A token can be listed and revoked by its owner or an
//! admin (`GET /api/tokens`, `DELETE /api/tokens/{id}`); since every request looks its token
//! up in the accounts file, a revoked token is refused from the next request on.

use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::accounts::{same_secret, Account, Role};
use crate::{ApiError, AppState};

const COOKIE: &str = "litopys_session";

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/session", get(whoami).post(sign_in).delete(sign_out))
        .route("/api/tokens", get(list_tokens).post(create_token))
        .route("/api/tokens/{id}", delete(revoke_token))
        .route("/api/users", get(list_users).post(add_user))
}

/// Who is making a request.
pub(crate) struct Caller {
    account: Option<Account>,
    session: Option<(String, String)>,
}

impl Caller {
    /// The account, if its role is at least `role`; else why not (401 or 403).
    pub(crate) fn require(&self, role: Role) -> Result<&Account, ApiError> {
        match &self.account {
            None => Err(ApiError::Unauthorized(format!(
                "sign in (POST /api/session) or send an API token (Authorization: Bearer ...); this needs the {} role",
                role.as_str()
            ))),
            Some(a) if a.role < role => {
                Err(ApiError::Forbidden(format!("{} has the {} role; this needs the {} role", a.name, a.role.as_str(), role.as_str())))
            }
            Some(a) => Ok(a),
        }
    }

    /// Ok if the caller may read: anyone on a public server, else any account.
    pub(crate) fn require_read(&self, state: &AppState) -> Result<(), ApiError> {
        if state.config.public {
            return Ok(());
        }
        self.require(Role::Viewer).map(|_| ())
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Caller, ApiError> {
        if let Some(auth) = parts.headers.get(header::AUTHORIZATION) {
            let token = auth
                .to_str()
                .ok()
                .and_then(|v| v.strip_prefix("Bearer "))
                .ok_or_else(|| ApiError::Unauthorized("the Authorization header must be 'Bearer <token>'".into()))?
                .trim()
                .to_string();
            let account = state.with_accounts(move |a| Ok(a.token_account(&token)?)).await?;
            let account = account.ok_or_else(|| ApiError::Unauthorized("API token not recognised; create one with `litopys user token NAME`".into()))?;
            return Ok(Caller { account: Some(account), session: None });
        }
        let Some(id) = session_cookie(&parts.headers) else {
            return Ok(Caller { account: None, session: None });
        };
        let Some(session) = state.sessions().get(&id) else {
            return Ok(Caller { account: None, session: None });
        };
        let safe = matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
        if !safe {
            let sent = parts.headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or("");
            if !same_secret(sent, &session.csrf) {
                return Err(ApiError::Forbidden("missing or wrong X-CSRF-Token header; read the token from GET /api/session".into()));
            }
        }
        Ok(Caller { account: Some(session.account), session: Some((id, session.csrf)) })
    }
}

fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_string())
}

fn cookie(state: &AppState, value: &str, max_age: u64) -> String {
    let secure = if state.config.secure_cookies { "; Secure" } else { "" };
    format!("{COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}")
}

async fn whoami(State(state): State<AppState>, caller: Caller) -> Json<serde_json::Value> {
    let public = state.config.public;
    match (&caller.account, &caller.session) {
        (Some(a), Some((_, csrf))) => Json(json!({ "user": { "name": a.name, "role": a.role.as_str() }, "csrf": csrf, "public": public })),
        (Some(a), None) => Json(json!({ "user": { "name": a.name, "role": a.role.as_str() }, "csrf": null, "public": public })),
        _ => Json(json!({ "user": null, "csrf": null, "public": public })),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignIn {
    name: String,
    password: String,
}

async fn sign_in(State(state): State<AppState>, body: Result<Json<SignIn>, axum::extract::rejection::JsonRejection>) -> Result<Response, ApiError> {
    let Json(SignIn { name, password }) = body?;
    if let Some(wait) = state.sessions().locked_out(&name) {
        let minutes = wait.as_secs().div_ceil(60);
        return Err(ApiError::TooManyRequests(format!(
            "too many failed sign-ins for {name}; try again in {minutes} minute(s), or ask an admin to reset the password"
        )));
    }
    let tried = name.clone();
    let account = state.with_accounts(move |a| Ok(a.verify(&name, &password)?)).await?;
    let Some(account) = account else {
        state.sessions().failed(&tried);
        return Err(ApiError::Unauthorized("wrong name or password".into()));
    };
    state.sessions().succeeded(&tried);
    let (id, session) = state.sessions().start(account.clone());
    let body = json!({ "user": { "name": account.name, "role": account.role.as_str() }, "csrf": session.csrf, "public": state.config.public });
    let max_age = crate::accounts::SESSION_IDLE.as_secs();
    Ok(([(header::SET_COOKIE, cookie(&state, &id, max_age))], Json(body)).into_response())
}

async fn sign_out(State(state): State<AppState>, caller: Caller) -> Response {
    if let Some((id, _)) = &caller.session {
        state.sessions().end(id);
    }
    (StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie(&state, "", 0))]).into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewToken {
    #[serde(default)]
    label: String,
}

async fn create_token(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<Json<NewToken>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    let account = caller.require(Role::Viewer)?.clone();
    let Json(NewToken { label }) = body?;
    let name = account.name.clone();
    let token = state.with_accounts(move |a| Ok(a.create_token(&name, &label)?)).await?;
    Ok((StatusCode::CREATED, Json(json!({ "token": token, "user": account.name, "role": account.role.as_str() }))))
}

/// Whose tokens a caller may see and revoke: an admin's, everyone's; anyone else's, their own.
fn token_owner(account: &Account) -> Option<String> {
    (account.role < Role::Admin).then(|| account.name.clone())
}

/// `GET /api/tokens`: the caller's tokens (every token for an admin), never the secrets.
async fn list_tokens(State(state): State<AppState>, caller: Caller) -> Result<Json<serde_json::Value>, ApiError> {
    let owner = token_owner(caller.require(Role::Viewer)?);
    let tokens = state.with_accounts(move |a| Ok(a.tokens(owner.as_deref())?)).await?;
    let tokens: Vec<_> = tokens
        .iter()
        .map(|t| {
            json!({ "id": t.id, "owner": t.owner, "role": t.role.as_str(), "label": t.label,
                    "created_at": t.created_at, "last_used_at": t.last_used_at })
        })
        .collect();
    Ok(Json(json!({ "tokens": tokens })))
}

/// `DELETE /api/tokens/{id}`: revokes one of the caller's tokens (any token for an admin);
/// the next request with it gets 401.
async fn revoke_token(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> Result<StatusCode, ApiError> {
    let owner = token_owner(caller.require(Role::Viewer)?);
    let shown = id.clone();
    let revoked = state.with_accounts(move |a| Ok(a.revoke_token(&id, owner.as_deref())?)).await?;
    if !revoked {
        return Err(ApiError::NotFound(format!("no token {shown} that you may revoke; list them with GET /api/tokens")));
    }
    Ok(StatusCode::NO_CONTENT)
}

async fn list_users(State(state): State<AppState>, caller: Caller) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require(Role::Admin)?;
    let users = state.with_accounts(|a| Ok(a.users()?)).await?;
    let users: Vec<_> = users.iter().map(|u| json!({ "name": u.name, "role": u.role.as_str() })).collect();
    Ok(Json(json!({ "users": users })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewUser {
    name: String,
    password: String,
    role: String,
}

async fn add_user(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<Json<NewUser>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    caller.require(Role::Admin)?;
    let Json(NewUser { name, password, role }) = body?;
    let role = Role::parse(&role).ok_or_else(|| ApiError::BadRequest(format!("role: expected viewer, editor or admin, got {role:?}")))?;
    if name.trim().is_empty() || name.len() > 64 || name.chars().any(|c| c.is_control()) {
        return Err(ApiError::BadRequest("name: 1 to 64 characters, no control characters".into()));
    }
    if password.chars().count() < 8 {
        return Err(ApiError::BadRequest("password: at least 8 characters".into()));
    }
    let body = json!({ "name": name, "role": role.as_str() });
    state
        .with_accounts(move |a| {
            if a.exists(&name)? {
                return Err(ApiError::Conflict(format!("there is already an account called {name}")));
            }
            Ok(a.set_user(&name, &password, role)?)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(body)))
}
