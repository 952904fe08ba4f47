//! The one error type of this crate.

use std::fmt;

use crate::Format;

/// An input, or one record of an input, that could not be read.
///
/// # Design
///
/// There is a single opaque error type, as in ripgrep and jiff: callers mostly print it, and
/// the few that branch on the cause ask [`Error::kind`]. Its message always names the input
/// (a path, `path:line` for a JSON Lines record, `path#N` for the N-th record of a feed or a
/// WARC file) so that it can be shown as it is, for example
/// `weekly.html: not a text file (binary content)`.
///
/// An error for one record of a multi-document input is a warning: it comes back in
/// [`Batch::warnings`](crate::Batch::warnings) next to the documents that could be read.
#[derive(Debug, Clone)]
pub struct Error {
    input: String,
    kind: ErrorKind,
    detail: String,
}

/// What went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file or folder does not exist.
    NotFound,
    /// The input is not text: NUL bytes or mostly control characters near its start.
    Binary,
    /// The input is larger than [`Reader::max_bytes`](crate::Reader::max_bytes).
    TooLarge,
    /// The input, or one record of it, does not have the shape its format requires.
    Malformed {
        /// The format the input was read as.
        format: Format,
    },
    /// A folder links back to one of its own ancestors.
    SymlinkLoop,
    /// Any other failure to read: permissions, a broken pipe, a folder given as a file.
    Io,
    /// A file met while walking a folder that is not a report (hidden, binary, a system or
    /// configuration file): left alone on purpose, not a failure. The detail says why.
    Skipped,
    /// A file over the size given to [`Walk::stream_above`](crate::Walk::stream_above), left
    /// unread for the caller to read in parts: not a failure.
    Large,
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The input the error is about: a path, `path:line` or `path#N`.
    pub fn input(&self) -> &str {
        &self.input
    }

    pub(crate) fn new(input: &str, kind: ErrorKind, detail: impl Into<String>) -> Error {
        Error { input: input.to_string(), kind, detail: detail.into() }
    }

    pub(crate) fn malformed(input: &str, format: Format, detail: impl Into<String>) -> Error {
        Error::new(input, ErrorKind::Malformed { format }, detail)
    }

    pub(crate) fn io(input: &str, err: &std::io::Error) -> Error {
        let kind = match err.kind() {
            std::io::ErrorKind::NotFound => ErrorKind::NotFound,
            _ => ErrorKind::Io,
        };
        Error::new(input, kind, lowercase_first(&err.to_string()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.input)?;
        match self.kind {
            ErrorKind::NotFound => f.write_str("no such file or folder"),
            ErrorKind::Binary => f.write_str("not a text file (binary content)"),
            ErrorKind::TooLarge => write!(f, "too large ({})", self.detail),
            ErrorKind::Malformed { format } => {
                write!(f, "malformed {}: {}", format.description(), self.detail)
            }
            ErrorKind::SymlinkLoop => f.write_str("symbolic link loop, skipped"),
            ErrorKind::Io => f.write_str(&self.detail),
            ErrorKind::Skipped => write!(f, "skipped ({})", self.detail),
            ErrorKind::Large => write!(f, "left to be read in parts ({})", self.detail),
        }
    }
}

impl std::error::Error for Error {}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_input() {
        let e = Error::new("weekly.html", ErrorKind::Binary, "");
        assert_eq!(e.to_string(), "weekly.html: not a text file (binary content)");
        let e = Error::malformed("feed.jsonl:3", Format::Jsonl, "expected a JSON object");
        assert_eq!(e.to_string(), "feed.jsonl:3: malformed JSON Lines: expected a JSON object");
        assert_eq!(e.kind(), ErrorKind::Malformed { format: Format::Jsonl });
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file");
        assert_eq!(Error::io("x.txt", &io).kind(), ErrorKind::NotFound);
    }
}
