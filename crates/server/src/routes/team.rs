//! `/team` (partner admins only): the company's members with their certifications and
//! courses, changing a role, removing a member, and inviting a teammate.

use api_types::team_rules::{check_invitation, INVITATION_DAYS};
use api_types::{
    problem_code, InvitationCreated, NewInvitation, RoleChange, Team, TeamMember, UserRole,
};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;

use super::found;
use crate::auth::{self, Authenticated};
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::store::{Caller, InvitationDraft, InvitationRefused};
use crate::{AppState, AuthMode};

/// The caller, if they are a partner admin; 403 `forbidden` for anyone else.
fn admin(who: Authenticated) -> AppResult<Caller> {
    match who.caller.role {
        UserRole::Admin => Ok(who.caller),
        UserRole::Member => Err(AppError::Forbidden {
            code: problem_code::FORBIDDEN,
            detail: "Only partner admins can see and manage the team.".into(),
        }),
    }
}

/// An admin may not change or remove themselves, so a company always keeps one admin.
fn not_yourself(caller: &Caller, user_id: &str, what: &str) -> AppResult<()> {
    if caller.user_id == user_id {
        return Err(AppError::Conflict {
            title: "Not on yourself".into(),
            detail: format!("You cannot {what} yourself. Ask another partner admin."),
            reference: None,
        });
    }
    Ok(())
}

/// `GET /team`.
pub async fn get_team(State(state): State<AppState>, who: Authenticated) -> AppResult<Json<Team>> {
    let caller = admin(who)?;
    let now = auth::now();
    Ok(Json(state.store.run(move |s| s.team(&caller, now)).await?))
}

/// `PUT /team/members/{user_id}/role`.
pub async fn set_role(
    State(state): State<AppState>,
    who: Authenticated,
    Path(user_id): Path<String>,
    ApiJson(change): ApiJson<RoleChange>,
) -> AppResult<Json<TeamMember>> {
    let caller = admin(who)?;
    not_yourself(&caller, &user_id, "change the role of")?;
    let now = auth::now();
    let member = state
        .store
        .run(move |s| {
            Ok(if s.set_role(&caller, &user_id, change.role)? {
                s.team_member(&caller, &user_id, now)?
            } else {
                None
            })
        })
        .await?;
    found(member, || "There is no such member on your team.".into())
}

/// `DELETE /team/members/{user_id}`: they can no longer sign in; their sessions end.
pub async fn remove_member(
    State(state): State<AppState>,
    who: Authenticated,
    Path(user_id): Path<String>,
) -> AppResult<StatusCode> {
    let caller = admin(who)?;
    not_yourself(&caller, &user_id, "remove")?;
    let now = auth::now();
    if state
        .store
        .run(move |s| s.remove_member(&caller, &user_id, now))
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound(
            "There is no such member on your team.".into(),
        ))
    }
}

/// `POST /team/invitations`: the secret for the link is answered this once. With no mail
/// server, the admin passes the link on; in demo mode it is also logged.
pub async fn invite(
    State(state): State<AppState>,
    who: Authenticated,
    ApiJson(invitation): ApiJson<NewInvitation>,
) -> AppResult<(StatusCode, Json<InvitationCreated>)> {
    let caller = admin(who)?;
    if !check_invitation(&invitation).is_empty() {
        return Err(AppError::field(
            "email",
            "Enter an e-mail address like name@company.com.",
        ));
    }
    let token = auth::new_token()?;
    let id = format!("inv-{}", &auth::new_token()?[..16]);
    let (token_hash, now) = (auth::token_hash(&token), auth::now());
    let email = invitation.email.trim().to_owned();
    let created = state
        .store
        .run(move |s| {
            s.create_invitation(
                &caller,
                &InvitationDraft {
                    id: &id,
                    token_hash: &token_hash,
                    email: &email,
                    role: invitation.role,
                    now,
                    expires_at: now + INVITATION_DAYS * 86_400,
                },
            )
        })
        .await?;
    match created {
        Ok(invitation) => {
            if state.auth == AuthMode::Demo {
                println!(
                    "portal-server: demo invitation for {}: {}join#{token}",
                    invitation.email, state.cookie_path
                );
            }
            Ok((
                StatusCode::CREATED,
                Json(InvitationCreated { invitation, token }),
            ))
        }
        Err(InvitationRefused::AlreadyHasAccount | InvitationRefused::Ended) => {
            Err(AppError::Conflict {
                title: "Already has an account".into(),
                detail: "This e-mail already has a portal account.".into(),
                reference: None,
            })
        }
    }
}

/// `DELETE /team/invitations/{invitation_id}`: the link stops working.
pub async fn withdraw_invitation(
    State(state): State<AppState>,
    who: Authenticated,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let caller = admin(who)?;
    let now = auth::now();
    if state
        .store
        .run(move |s| s.withdraw_invitation(&caller, &id, now))
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound(
            "There is no such open invitation for your team.".into(),
        ))
    }
}
