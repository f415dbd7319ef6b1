//! One error type for every call to the backend, and the plain words a partner sees for it.

use crate::text::i18n::{t, tr};
use api_types::{problem_code, FieldError, Problem};
use std::fmt;

/// Why a call to the backend did not give the expected answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// The request never got an answer: offline, server down, blocked.
    Network(String),
    /// No answer within the time limit.
    Timeout,
    /// The server answered with an error status, with its problem details when it sent them.
    Http {
        /// The HTTP status.
        status: u16,
        /// RFC 9457 details, if the body was a problem document.
        problem: Option<Problem>,
        /// The seconds the server asked to wait before asking again (`Retry-After`).
        retry_after: Option<u32>,
    },
    /// The answer does not match the contract; `field` is where decoding failed.
    Contract {
        /// Path of the field that failed, e.g. `items[3].value.currency`.
        field: String,
        /// What was wrong with it.
        detail: String,
    },
}

impl ApiError {
    /// The HTTP status, for errors that have one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Http { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Per-field errors of a 422 answer (empty otherwise).
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Self::Http {
                problem: Some(problem),
                ..
            } => &problem.errors,
            _ => &[],
        }
    }

    /// The problem details the server sent, if any.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            Self::Http { problem, .. } => problem.as_ref(),
            _ => None,
        }
    }

    /// The problem's `code` (see `api_types::problem_code`), if the server sent one.
    pub fn code(&self) -> Option<&str> {
        self.problem().and_then(|p| p.code.as_deref())
    }

    /// Whether the answer says the session is over (a 401 other than a failed sign-in).
    pub fn session_ended(&self) -> bool {
        self.status() == Some(401) && self.code() != Some(problem_code::INVALID_CREDENTIALS)
    }

    /// Whether trying the same request again may work.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Network(_) | Self::Timeout => true,
            Self::Http { status, .. } => *status >= 500 || *status == 429 || *status == 408,
            Self::Contract { .. } => false,
        }
    }

    /// Whether the backend as a whole is out of reach (offline, down, overloaded), rather than
    /// one request failing: the page then says so once, for every section it affects.
    pub fn is_unreachable(&self) -> bool {
        match self {
            Self::Network(_) | Self::Timeout => true,
            Self::Http { status, .. } => matches!(status, 429 | 502 | 503 | 504),
            Self::Contract { .. } => false,
        }
    }

    /// How long the server asked to be left alone, in seconds (`Retry-After`).
    pub fn retry_after(&self) -> Option<u32> {
        match self {
            Self::Http { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// What happened, in words a partner understands.
    pub fn message(&self) -> String {
        match self {
            Self::Network(_) => t("error.network"),
            Self::Timeout => t("error.timeout"),
            Self::Http { status: 401, .. } if self.session_ended() => t("error.session_ended"),
            Self::Http { status: 403, .. } if self.code() != Some(problem_code::CSRF) => {
                t("error.forbidden")
            }
            Self::Http { status, .. } if *status >= 500 => t("error.server"),
            Self::Http {
                status, problem, ..
            } => match problem {
                Some(Problem {
                    detail: Some(detail),
                    ..
                }) => detail.clone(),
                Some(problem) => problem.title.clone(),
                None if *status == 404 => t("error.not_found"),
                None => tr("error.refused", &[("status", status)]),
            },
            Self::Contract { field, .. } => tr("error.contract", &[("field", field)]),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Network(why) => write!(f, "network error: {why}"), // text: for logs
            Self::Timeout => write!(f, "timed out"),                 // text: for logs
            Self::Http { status, .. } => write!(f, "HTTP {status}"), // text: for logs
            Self::Contract { field, detail } => {
                write!(f, "contract mismatch at {field}: {detail}") // text: for logs
            }
        }
    }
}

/// Decodes a successful body, naming the field that did not match the contract.
pub fn decode<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    serde_json::from_str(body).map_err(|e| contract_error(body, &e))
}

/// The error for a body that does not match the contract; once for every type (not generic).
#[inline(never)]
fn contract_error(body: &str, e: &serde_json::Error) -> ApiError {
    let detail = e.to_string();
    let missing = detail.starts_with("missing field");
    ApiError::Contract {
        field: match super::json_path::path_at(body, e.line(), e.column(), missing) {
            path if path.is_empty() => "(whole response)".into(), // text: a JSON path
            path => path,
        },
        detail,
    }
}

/// Whole seconds, as `Retry-After` gives them ("7"); anything else is `None`.
fn seconds(value: &str) -> Option<u32> {
    let digits = value.trim();
    if digits.is_empty() || digits.len() > 6 {
        return None;
    }
    digits.bytes().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// Reads an error answer: problem details when the body is one, the bare status otherwise.
pub fn from_status(status: u16, body: &str, retry_after: Option<&str>) -> ApiError {
    let problem = serde_json::from_str::<Problem>(body).ok();
    ApiError::Http {
        status,
        problem,
        // Only the delay in seconds; the rarer HTTP-date form is left to the usual pauses.
        retry_after: retry_after.and_then(seconds),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::Money;

    #[test]
    fn a_contract_mismatch_names_the_field() {
        let err = decode::<Vec<Money>>(
            r#"[{"amount_minor": 1, "currency": "EUR"}, {"amount_minor": "x", "currency": "EUR"}]"#,
        )
        .unwrap_err();
        assert_eq!(
            err,
            ApiError::Contract {
                field: "[1].amount_minor".into(),
                detail: "invalid type: string \"x\", expected i64 at line 1 column 61".into(),
            }
        );
        assert!(err.message().contains("[1].amount_minor"));
        assert!(!err.is_retryable());
    }

    #[test]
    fn problem_details_become_the_message_and_field_errors() {
        let body = r#"{"type":"about:blank","title":"Some fields need attention","status":422,
            "detail":"Please correct the fields.","errors":[{"field":"country","message":"Choose a country."}]}"#;
        let err = from_status(422, body, None);
        assert_eq!(err.message(), "Please correct the fields.");
        assert_eq!(err.field_errors()[0].field, "country");
        assert_eq!(err.status(), Some(422));
    }

    #[test]
    fn statuses_without_details_still_read_plainly() {
        assert_eq!(
            from_status(404, "<html>", None).message(),
            "We could not find what you asked for."
        );
        assert!(from_status(503, "", None)
            .message()
            .starts_with("Something went wrong on our side"));
        assert!(from_status(503, "", None).is_retryable());
        assert_eq!(
            from_status(401, "", None).message(),
            "Your session has ended. Please sign in again."
        );
        assert!(ApiError::Timeout.is_retryable());
        assert!(ApiError::Network("offline".into())
            .message()
            .contains("connection"));
    }

    #[test]
    fn an_unreachable_backend_is_told_apart_from_one_failing_request() {
        let busy = from_status(503, "", Some(" 7 "));
        assert!(busy.is_unreachable());
        assert_eq!(busy.retry_after(), Some(7));
        assert_eq!(
            from_status(429, "", Some("Wed, 21 Oct 2026 07:28:00 GMT")).retry_after(),
            None
        );
        assert!(ApiError::Network("offline".into()).is_unreachable());
        assert!(ApiError::Timeout.is_unreachable());
        // A bug in one endpoint, or a refusal, is that section's own error.
        assert!(!from_status(500, "", None).is_unreachable());
        assert!(!from_status(404, "", None).is_unreachable());
    }
}
