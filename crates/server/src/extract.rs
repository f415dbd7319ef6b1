//! Request extractors: JSON bodies with problem-details rejections, and the signed-in user.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::Json;
use http::header::{AUTHORIZATION, COOKIE};
use http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use crate::AppState;

/// A JSON body; a bad one is answered as problem details, never as plain text.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let Json(value) = Json::<T>::from_request(request, state).await?;
        Ok(Self(value))
    }
}

/// Whether requests without credentials act as the demo user (demo) or get 401 (required).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthMode {
    /// The demo partner is signed in for anyone (the README's run command).
    Demo,
    /// Only a known bearer token or `pp_session` cookie is accepted.
    Required,
}

/// The signed-in partner user.
#[derive(Clone, Debug)]
pub struct Partner {
    /// User id.
    pub user_id: String,
    /// Their company's id.
    pub company_id: String,
    /// Display name, used as the actor in deal timelines.
    pub name: String,
}

impl FromRequestParts<AppState> for Partner {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer_token(parts).or_else(|| session_cookie(parts));
        let token = match (token, state.auth) {
            (Some(token), _) => token,
            (None, AuthMode::Demo) => crate::seed::DEMO_TOKEN.to_owned(),
            (None, AuthMode::Required) => return Err(ApiError::Unauthorized),
        };
        state
            .db
            .partner_for_token(&token)?
            .ok_or(ApiError::Unauthorized)
    }
}

fn bearer_token(parts: &Parts) -> Option<String> {
    let value = parts.headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

fn session_cookie(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| pair.trim().strip_prefix("pp_session=").map(str::to_owned))
}
