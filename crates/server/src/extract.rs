//! Request extractors that answer problem details when they reject: JSON bodies and the
//! decoded pairs of a query string.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::Json;
use http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// A JSON body; a bad one is answered as problem details, never as plain text.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        let Json(value) = Json::<T>::from_request(request, state).await?;
        Ok(Self(value))
    }
}

/// The query string's `name=value` pairs, percent-decoded, in order.
pub struct QueryPairs(pub Vec<(String, String)>);

impl QueryPairs {
    /// The pairs as borrowed strings, for the contract's typed parameter parsers.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for QueryPairs {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, AppError> {
        let raw = parts.uri.query().unwrap_or_default();
        Ok(Self(
            form_urlencoded::parse(raw.as_bytes())
                .into_owned()
                .collect(),
        ))
    }
}

/// The `Idempotency-Key` header, when sent: 8 to 100 letters, digits, `-` or `_`; a 400 otherwise.
pub fn idempotency_key(headers: &http::HeaderMap) -> crate::error::AppResult<Option<String>> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = value.to_str().unwrap_or_default();
    let valid = (8..=100).contains(&key.len())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return Err(AppError::BadRequest(
            "`Idempotency-Key` must be 8 to 100 letters, digits, - or _.".into(),
        ));
    }
    Ok(Some(key.to_owned()))
}
