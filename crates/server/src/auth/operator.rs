//! Who is calling the operations API (`/ops/…`): an integration with an API key, or a channel
//! team member with an access token of the vendor's provider. Partner credentials are refused
//! here, and these credentials are refused on the partner endpoints.

use api_types::problem_code;
use axum::extract::FromRequestParts;
use http::request::Parts;

use super::{bearer_token, session_cookie, token_hash, AuthMode, Identity};
use crate::error::{AppError, AppResult};
use crate::AppState;

/// Every API key starts so, which tells it from a session or a provider's token at a glance.
pub const API_KEY_PREFIX: &str = "ppk_";

/// The key of the demo channel team (demo mode only, like the demo partner tokens).
pub const DEMO_OPS_KEY: &str = "ppk_demo-channel-team";

/// A caller of the operations API, by the name the deal timeline shows.
pub struct Operator {
    /// "Channel team (CRM sync)", "Channel team (Dana Whitfield)".
    pub actor: String,
}

/// Whether `token` is meant for the operations API (and so never for a partner endpoint).
pub fn is_operations_key(token: &str) -> bool {
    token.starts_with(API_KEY_PREFIX)
}

/// The answer when one side's credentials reach the other side's endpoints.
pub fn wrong_side(detail: &str) -> AppError {
    AppError::Forbidden {
        code: problem_code::FORBIDDEN,
        detail: detail.into(),
    }
}

impl FromRequestParts<AppState> for Operator {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let partner =
            || wrong_side("This is the vendor's operations API; partner accounts cannot use it.");
        let Some(token) = bearer_token(parts) else {
            return Err(if session_cookie(parts).is_some() {
                partner()
            } else {
                AppError::Unauthorized(problem_code::NO_SESSION)
            });
        };
        if is_operations_key(&token) {
            if state.auth == AuthMode::Demo && token == DEMO_OPS_KEY {
                return Ok(Self {
                    actor: "Channel team (demo)".into(),
                });
            }
            let hash = token_hash(&token);
            return match state.store.run(move |s| s.api_key_name(&hash)).await? {
                Some(name) => Ok(Self {
                    actor: format!("Channel team ({name})"),
                }),
                None => Err(AppError::Unauthorized(problem_code::SESSION_EXPIRED)),
            };
        }
        if let Some(oidc) = state.oidc.as_ref().filter(|_| token.contains('.')) {
            if let Some(Identity(who)) = oidc.verify(&token).await {
                let email = who.clone();
                if let Some(name) = state.store.run(move |s| s.channel_member(&email)).await? {
                    return Ok(Self {
                        actor: format!("Channel team ({name})"),
                    });
                }
                let partner_user = state
                    .store
                    .run(move |s| s.caller_for_identity(&who))
                    .await?;
                if partner_user.is_some() {
                    return Err(partner());
                }
            }
            return Err(AppError::Unauthorized(problem_code::SESSION_EXPIRED));
        }
        if state.auth == AuthMode::Demo {
            let demo = state
                .store
                .run(move |s| s.caller_for_demo_token(&token))
                .await?;
            if demo.is_some() {
                return Err(partner());
            }
        }
        Err(AppError::Unauthorized(problem_code::SESSION_EXPIRED))
    }
}
