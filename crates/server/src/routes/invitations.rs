//! `/invitations` (no session needed): what an invitation link offers, and accepting it once
//! with a name and a password, which signs the new teammate in. The secret travels in the
//! body, never in a URL, so it stays out of access logs.

use api_types::team_rules::check_acceptance;
use api_types::{AcceptInvitation, FieldError, InvitationDetails, InvitationToken};
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

use super::session::{served_over_tls, session_started};
use crate::auth;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::store::{InvitationRefused, Joining};
use crate::AppState;

fn ended() -> AppError {
    AppError::NotFound(
        "This invitation has been used, withdrawn or has expired. Ask your partner admin for a new one."
            .into(),
    )
}

/// `POST /invitations/lookup`.
pub async fn lookup(
    State(state): State<AppState>,
    ApiJson(InvitationToken { token }): ApiJson<InvitationToken>,
) -> AppResult<Json<InvitationDetails>> {
    let (hash, now) = (auth::token_hash(&token), auth::now());
    let details = state
        .store
        .run(move |s| s.invitation_details(&hash, now))
        .await?;
    details.map(Json).ok_or_else(ended)
}

/// `POST /invitations/accept`: 201 with the new session (and its cookie).
pub async fn accept(State(state): State<AppState>, request: Request) -> AppResult<Response> {
    let (parts, body) = request.into_parts();
    // Starting a session is a write the browser's cookie could be used for: same proof as sign-in.
    auth::check_csrf(&parts)?;
    let secure = served_over_tls(&parts.headers);
    let ApiJson(acceptance) =
        ApiJson::<AcceptInvitation>::from_request(Request::from_parts(parts, body), &state).await?;
    let errors: Vec<FieldError> = check_acceptance(&acceptance)
        .into_iter()
        .map(|broken| FieldError {
            field: broken.field.into(),
            message: match broken.field {
                "name" => "Enter your name (2 to 120 characters).",
                _ => "Choose a password of 12 to 128 characters.",
            }
            .into(),
        })
        .collect();
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let AcceptInvitation {
        token,
        name,
        password,
    } = acceptance;
    let password_hash = tokio::task::spawn_blocking(move || auth::hash_password(&password))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))??;
    let session_token = auth::new_token()?;
    let user_id = format!("u-{}", &auth::new_token()?[..16]);
    let (token_hash, session_hash, now) = (
        auth::token_hash(&token),
        auth::token_hash(&session_token),
        auth::now(),
    );
    let joined = state
        .store
        .run(move |s| {
            s.accept_invitation(&Joining {
                token_hash: &token_hash,
                user_id: &user_id,
                name: &name,
                password_hash: &password_hash,
                session_hash: &session_hash,
                now,
            })
        })
        .await?;
    match joined {
        Ok(caller) => Ok(session_started(
            &state,
            caller,
            &session_token,
            now,
            secure,
            StatusCode::CREATED,
        )),
        Err(InvitationRefused::Ended) => Err(ended()),
        Err(InvitationRefused::AlreadyHasAccount) => Err(AppError::Conflict {
            title: "Already has an account".into(),
            detail: "This e-mail already has a portal account. Sign in instead.".into(),
            reference: None,
        }),
    }
}
