//! A partner's funds: the overview, requests saved as drafts or submitted (a draft changed or
//! discarded), a claim with its proof (a link, or a small file sent inline as base64), and the
//! proof file back.

use api_types::funds::{FundRequest, FundRequestDraft, FundsOverview, NewClaim};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use chrono::Utc;

use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::store::funds::{ProofBytes, Refused};
use crate::store::Caller;
use crate::AppState;

/// `GET /funds`.
pub async fn overview(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Json<FundsOverview>> {
    Ok(Json(state.store.run(move |s| s.funds(&caller)).await?))
}

/// The answer for a refused change of request `id`.
pub(super) fn refused(refused: Refused, id: &str) -> AppError {
    match refused {
        Refused::NotFound => AppError::NotFound(format!("There is no fund request {id:?}.")),
        Refused::NotNow(detail) => AppError::Conflict {
            title: "Not possible at this step".into(),
            detail: detail.into(),
            reference: None,
        },
        Refused::Invalid(errors) => AppError::Invalid(errors),
    }
}

/// `POST /funds/requests`: a new request, as a draft or submitted.
pub async fn create_request(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(draft): ApiJson<FundRequestDraft>,
) -> AppResult<(StatusCode, Json<FundRequest>)> {
    let saved = state
        .store
        .run(move |s| s.save_fund_request(&caller, None, &draft, Utc::now()))
        .await?;
    let request = saved.map_err(|r| refused(r, ""))?;
    Ok((StatusCode::CREATED, Json(request)))
}

/// `PUT /funds/requests/{id}`: a draft changed, and submitted if asked.
pub async fn update_request(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(draft): ApiJson<FundRequestDraft>,
) -> AppResult<Json<FundRequest>> {
    let key = id.clone();
    let saved = state
        .store
        .run(move |s| s.save_fund_request(&caller, Some(&key), &draft, Utc::now()))
        .await?;
    saved.map(Json).map_err(|r| refused(r, &id))
}

/// `DELETE /funds/requests/{id}`: a draft discarded.
pub async fn discard_request(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let key = id.clone();
    let done = state
        .store
        .run(move |s| s.discard_fund_request(&caller, &key))
        .await?;
    done.map(|()| StatusCode::NO_CONTENT)
        .map_err(|r| refused(r, &id))
}

/// `POST /funds/requests/{id}/claim`.
pub async fn claim(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(new): ApiJson<NewClaim>,
) -> AppResult<(StatusCode, Json<FundRequest>)> {
    let file = match &new.proof_file {
        None => None,
        Some(file) => Some(
            base64::engine::general_purpose::STANDARD
                .decode(file.content_base64.trim())
                .map_err(|_| {
                    AppError::field(
                        "proof_file.content_base64",
                        "Send the file's bytes as standard base64.",
                    )
                })?,
        ),
    };
    let key = id.clone();
    let claimed = state
        .store
        .run(move |s| s.claim_funds(&caller, &key, &new, file, Utc::now()))
        .await?;
    let request = claimed.map_err(|r| refused(r, &id))?;
    Ok((StatusCode::CREATED, Json(request)))
}

/// A proof file as an answer: its own type, always downloaded (never shown in the portal's
/// origin, so a file cannot run as a page of it).
pub(super) fn proof_file(found: Option<ProofBytes>, id: &str) -> AppResult<Response> {
    let (name, media_type, bytes) = found
        .ok_or_else(|| AppError::NotFound(format!("Fund request {id:?} has no proof file.")))?;
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok((
        [
            (header::CONTENT_TYPE, media_type),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{safe}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// `GET /funds/requests/{id}/proof`.
pub async fn proof(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let key = id.clone();
    let found = state
        .store
        .run(move |s| s.fund_proof(Some(&caller.company_id), &key))
        .await?;
    proof_file(found, &id)
}
