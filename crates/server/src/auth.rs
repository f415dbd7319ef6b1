//! Who is calling: the auth mode, and the extractor that turns a bearer token or the
//! `pp_session` cookie into the [`Caller`] every query is scoped to.

use axum::extract::FromRequestParts;
use http::header::{AUTHORIZATION, COOKIE};
use http::request::Parts;

use crate::error::AppError;
use crate::store::Caller;
use crate::AppState;

/// Whether requests without credentials act as the demo user (demo) or get 401 (required).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthMode {
    /// The demo partner is signed in for anyone (the README's run command).
    Demo,
    /// Only a known bearer token or `pp_session` cookie is accepted.
    Required,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let caller = match (
            bearer_token(parts).or_else(|| session_cookie(parts)),
            state.auth,
        ) {
            (Some(token), _) => state.store.run(move |s| s.caller_for_token(&token)).await?,
            (None, AuthMode::Demo) => state.store.run(|s| s.demo_caller()).await?,
            (None, AuthMode::Required) => None,
        };
        caller.ok_or(AppError::Unauthorized)
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
