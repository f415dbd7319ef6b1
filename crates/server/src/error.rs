//! One error type for every handler, answered as RFC 9457 `application/problem+json`.

use api_types::{problem_code, FieldError, Problem};
use axum::extract::rejection::JsonRejection;
use axum::response::{IntoResponse, Response};
use http::header::{CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use http::{HeaderValue, StatusCode};

/// Why a request failed, in the words its answer will use.
#[derive(Debug)]
pub enum AppError {
    /// Malformed query, path or JSON syntax (400).
    BadRequest(String),
    /// No valid credentials (401), with the problem code saying why.
    Unauthorized(&'static str),
    /// Signed in, but not allowed (403): a write without the CSRF proof, or a role that may not.
    Forbidden { code: &'static str, detail: String },
    /// Too many failed sign-ins (429) for this many more seconds.
    LockedOut(u64),
    /// Nothing with that id for this user (404).
    NotFound(String),
    /// The request clashes with the current state (409), optionally naming a deal.
    Conflict {
        title: String,
        detail: String,
        reference: Option<String>,
    },
    /// One of the caller's own open registrations already covers this (409, `already-yours`).
    AlreadyYours {
        /// That registration.
        reference: String,
        /// The customer, as the caller typed it.
        customer: String,
    },
    /// The body is larger than allowed (413).
    TooLarge,
    /// The body is not JSON (415).
    UnsupportedMediaType,
    /// Well-formed but wrong fields (422).
    Invalid(Vec<FieldError>),
    /// The body does not match the contract's types (422), e.g. a text where a number belongs.
    Undecodable(String),
    /// Anything that is the server's fault (500); details are logged, not sent.
    Internal(String),
    /// Too many requests at once, or one took too long (503 with `Retry-After`).
    Busy,
}

/// Shorthand for handler results.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// A 422 for a single field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldError {
            field: field.into(),
            message: message.into(),
        }])
    }

    fn problem(self) -> Problem {
        match self {
            Self::BadRequest(detail) => Problem::new(400, "Bad request", detail),
            Self::Unauthorized(code) => Problem {
                code: Some(code.into()),
                ..Problem::new(
                    401,
                    if code == problem_code::INVALID_CREDENTIALS {
                        "Wrong e-mail or password"
                    } else {
                        "Sign in required"
                    },
                    match code {
                        problem_code::INVALID_CREDENTIALS => {
                            "The e-mail and password do not match an account. Check both and try again."
                        }
                        problem_code::NO_SESSION => "Please sign in.",
                        _ => "Your session has ended. Please sign in again.",
                    },
                )
            },
            Self::Forbidden { code, detail } => Problem {
                code: Some(code.into()),
                ..Problem::new(403, "Not allowed", detail)
            },
            Self::LockedOut(seconds) => Problem {
                code: Some(problem_code::LOCKED_OUT.into()),
                ..Problem::new(
                    429,
                    "Too many attempts",
                    format!(
                        "Signing in is paused after several wrong passwords. Try again in {} minute{}.",
                        seconds.div_ceil(60),
                        if seconds.div_ceil(60) == 1 { "" } else { "s" }
                    ),
                )
            },
            Self::NotFound(detail) => Problem::new(404, "Not found", detail),
            Self::Conflict {
                title,
                detail,
                reference,
            } => Problem {
                conflicting_reference: reference,
                ..Problem::new(409, title, detail)
            },
            Self::AlreadyYours {
                reference,
                customer,
            } => Problem {
                code: Some(problem_code::ALREADY_YOURS.into()),
                conflicting_reference: Some(reference.clone()),
                ..Problem::new(
                    409,
                    "You already registered this customer",
                    format!(
                        "Your registration {reference} already covers {customer} for one of these products. Open it to follow it up, or change the products."
                    ),
                )
            },
            Self::TooLarge => Problem::new(
                413,
                "Request too large",
                "The request body is larger than 256 KiB.",
            ),
            Self::UnsupportedMediaType => Problem::new(
                415,
                "Unsupported media type",
                "Send the body as JSON with Content-Type: application/json.",
            ),
            Self::Invalid(errors) => Problem {
                errors,
                ..Problem::new(
                    422,
                    "Some fields need attention",
                    "Please correct the fields listed in `errors`.",
                )
            },
            Self::Undecodable(detail) => {
                Problem::new(422, "The request does not match the API contract", detail)
            }
            Self::Busy => Problem::new(
                503,
                "The server is busy",
                "Too many requests are in progress. Please try again in a moment.",
            ),
            Self::Internal(details) => {
                eprintln!("portal-server: internal error: {details}");
                Problem::new(
                    500,
                    "Something went wrong on our side",
                    "Please try again in a moment.",
                )
            }
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let unauthorized = matches!(self, Self::Unauthorized(_));
        let retry_after = match self {
            Self::Busy => Some(1),
            Self::LockedOut(seconds) => Some(seconds.max(1)),
            _ => None,
        };
        let mut response = problem_response(self.problem(), unauthorized);
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// Serialises a problem with its status and media type.
pub fn problem_response(problem: Problem, ask_for_credentials: bool) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    if ask_for_credentials {
        headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}

impl From<rusqlite::Error> for AppError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Internal(format!("database: {e}"))
    }
}

impl From<serde_json::Error> for AppError {
    fn from(e: serde_json::Error) -> Self {
        Self::Internal(format!("stored JSON: {e}"))
    }
}

impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::JsonDataError(e) => Self::Undecodable(e.body_text()),
            JsonRejection::JsonSyntaxError(e) => Self::BadRequest(e.body_text()),
            JsonRejection::MissingJsonContentType(_) => Self::UnsupportedMediaType,
            JsonRejection::BytesRejection(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Self::TooLarge
            }
            other => Self::BadRequest(other.body_text()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_server_says_when_to_come_back() {
        let response = AppError::Busy.into_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()[RETRY_AFTER], "1");
        assert_eq!(response.headers()[CONTENT_TYPE], "application/problem+json");
    }
}

/// Refuses an address whose escapes do not decode to text (`/deals/%FF`) with a problem+json
/// 400, before any extractor answers it in plain text.
pub async fn readable_path(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if percent_encoding::percent_decode_str(request.uri().path())
        .decode_utf8()
        .is_err()
    {
        return problem_response(
            Problem::new(
                400,
                "Bad request",
                "The address has escapes that are not UTF-8 text.",
            ),
            false,
        );
    }
    next.run(request).await
}
