//! Who is calling: the [`Caller`] every query is scoped to, from a session cookie (with its
//! CSRF proof on writes), an access token of the vendor's OpenID Connect provider, or, in demo
//! mode only, a fixed demo token. Nothing else gets in.

mod oidc;
mod operator;
mod passwords;
mod throttle;
mod tokens;

pub use oidc::{trusted_url, Identity, Oidc, OidcSettings};
pub use operator::{Operator, API_KEY_PREFIX, DEMO_OPS_KEY};
pub use passwords::{hash_password, verify_password};
pub use throttle::SignInThrottle;
pub use tokens::{new_token, token_hash};

use api_types::{problem_code, CSRF_HEADER, SESSION_COOKIE};
use axum::extract::FromRequestParts;
use http::header::{AUTHORIZATION, COOKIE, HOST, ORIGIN};
use http::request::Parts;
use http::Method;

use crate::error::{AppError, AppResult};
use crate::store::{Caller, SessionLookup};
use crate::AppState;

/// Production (the default) accepts only sessions; demo mode also has demo accounts with a
/// known password and fixed tokens, and listens only on loopback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthMode {
    /// The README's run command: demo accounts, fixed tokens, loopback only.
    Demo,
    /// Only a session that signed in with a password is accepted.
    Production,
}

/// The password of every demo account (demo mode only).
pub const DEMO_PASSWORD: &str = "partner-demo";

/// A signed-in caller and, for a cookie session, its token hash and times (Unix seconds).
pub struct Authenticated {
    pub caller: Caller,
    pub session: Option<SessionTimes>,
}

/// When a session started and was last used.
pub struct SessionTimes {
    pub created_at: i64,
    pub seen_at: i64,
}

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        if let Some(token) = bearer_token(parts) {
            if operator::is_operations_key(&token) {
                return Err(operator::wrong_side(
                    "API keys are for the vendor's operations API, not for partner endpoints.",
                ));
            }
            // Bearer tokens carry no ambient authority, so they need no CSRF proof.
            if let Some(oidc) = state.oidc.as_ref().filter(|_| token.contains('.')) {
                if let Some(Identity(who)) = oidc.verify(&token).await {
                    if let Some(caller) = state
                        .store
                        .run(move |s| s.caller_for_identity(&who))
                        .await?
                    {
                        return Ok(Self {
                            caller,
                            session: None,
                        });
                    }
                }
                return Err(AppError::Unauthorized(problem_code::SESSION_EXPIRED));
            }
            if state.auth == AuthMode::Demo {
                if let Some(caller) = state
                    .store
                    .run(move |s| s.caller_for_demo_token(&token))
                    .await?
                {
                    return Ok(Self {
                        caller,
                        session: None,
                    });
                }
            }
            return Err(AppError::Unauthorized(problem_code::SESSION_EXPIRED));
        }
        let Some(token) = session_cookie(parts) else {
            return Err(AppError::Unauthorized(problem_code::NO_SESSION));
        };
        check_csrf(parts)?;
        let (hash, now, lifetimes) = (token_hash(&token), now(), state.lifetimes);
        match state
            .store
            .run(move |s| s.session(&hash, now, lifetimes))
            .await?
        {
            SessionLookup::Valid {
                caller,
                created_at,
                seen_at,
            } => Ok(Self {
                caller,
                session: Some(SessionTimes {
                    created_at,
                    seen_at,
                }),
            }),
            SessionLookup::Ended => Err(AppError::Unauthorized(problem_code::SESSION_EXPIRED)),
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        Ok(Authenticated::from_request_parts(parts, state)
            .await?
            .caller)
    }
}

/// Now, in Unix seconds.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// A write signed by the browser's cookie must carry [`CSRF_HEADER`] (which another site
/// cannot add without CORS consent) and, when the browser names its origin, come from this one.
pub fn check_csrf(parts: &Parts) -> AppResult<()> {
    if matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(());
    }
    let refuse = |detail: &str| AppError::Forbidden {
        code: problem_code::CSRF,
        detail: detail.into(),
    };
    if !parts.headers.contains_key(CSRF_HEADER) {
        return Err(refuse(
            "This request must come from the portal (it lacks the X-Portal-Request header).",
        ));
    }
    if let Some(origin) = parts.headers.get(ORIGIN) {
        let host = parts
            .headers
            .get(HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default();
        let same = origin
            .to_str()
            .ok()
            .and_then(|o| o.split_once("://"))
            .is_some_and(|(scheme, authority)| {
                matches!(scheme, "http" | "https") && authority.eq_ignore_ascii_case(host)
            });
        if !same {
            return Err(refuse("This request comes from another site."));
        }
    }
    Ok(())
}

fn bearer_token(parts: &Parts) -> Option<String> {
    let value = parts.headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

/// The session cookie's value, if the browser sent one.
pub fn session_cookie(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == SESSION_COOKIE && !value.is_empty())
        .map(|(_, value)| value.to_owned())
}
