//! The channel team's side of funds: a partner's funds and sent requests, a new allocation,
//! decisions on requests and claims (a refusal or a partial approval with its reason), and the
//! proof a claim came with.

use api_types::funds::{ClaimDecision, Fund, FundRequest, FundsOverview, NewFund, RequestDecision};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use chrono::Utc;

use crate::auth::Operator;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::routes::found;
use crate::routes::funds::proof_file;
use crate::store::funds::decisions::Decided;
use crate::AppState;

/// `GET /ops/partners/{partner_id}/funds`.
pub async fn partner_funds(
    State(state): State<AppState>,
    _operator: Operator,
    Path(partner_id): Path<String>,
) -> AppResult<Json<FundsOverview>> {
    let key = partner_id.clone();
    found(
        state.store.run(move |s| s.partner_funds(&key)).await?,
        || format!("There is no partner with the id {partner_id:?}."),
    )
}

/// `POST /ops/funds`.
pub async fn allocate_fund(
    State(state): State<AppState>,
    _operator: Operator,
    ApiJson(new): ApiJson<NewFund>,
) -> AppResult<(StatusCode, Json<Fund>)> {
    let partner = new.partner_id.clone();
    match state.store.run(move |s| s.allocate_fund(&new)).await? {
        None => Err(AppError::NotFound(format!(
            "There is no partner with the id {partner:?}."
        ))),
        Some(Err(errors)) => Err(AppError::Invalid(errors)),
        Some(Ok(fund)) => Ok((StatusCode::CREATED, Json(fund))),
    }
}

/// The answer for a decision on request `id`.
fn answer(decided: Decided, id: &str, steps: &str) -> AppResult<Json<FundRequest>> {
    match decided {
        Decided::Done(request) => Ok(Json(*request)),
        Decided::NotFound => Err(AppError::NotFound(format!(
            "There is no fund request {id:?} with that to decide."
        ))),
        Decided::Refused("status") => Err(AppError::Conflict {
            title: "Not a step this can take".into(),
            detail: steps.into(),
            reference: None,
        }),
        Decided::Refused(field) => Err(AppError::field(
            field,
            match field {
                "reason" => "Say why when declining or approving in part (3 to 500 characters: the partner reads it), and only then.",
                "approved_minor" => "For a partial approval, give an amount above zero and below what was claimed, and only then.",
                _ => "Give the day it was paid when recording a payment, and only then.",
            },
        )),
    }
}

/// `PUT /ops/fund-requests/{id}`.
pub async fn decide_request(
    State(state): State<AppState>,
    _operator: Operator,
    Path(id): Path<String>,
    ApiJson(decision): ApiJson<RequestDecision>,
) -> AppResult<Json<FundRequest>> {
    let key = id.clone();
    let decided = state
        .store
        .run(move |s| s.decide_fund_request(&key, &decision, Utc::now()))
        .await?;
    answer(
        decided,
        &id,
        "A submitted request is pre-approved or declined, once.",
    )
}

/// `PUT /ops/fund-requests/{id}/claim`.
pub async fn decide_claim(
    State(state): State<AppState>,
    _operator: Operator,
    Path(id): Path<String>,
    ApiJson(decision): ApiJson<ClaimDecision>,
) -> AppResult<Json<FundRequest>> {
    let key = id.clone();
    let decided = state
        .store
        .run(move |s| s.decide_fund_claim(&key, &decision, Utc::now()))
        .await?;
    answer(
        decided,
        &id,
        "A submitted claim is approved, approved in part or declined; an approved one is paid.",
    )
}

/// `GET /ops/fund-requests/{id}/proof`.
pub async fn proof(
    State(state): State<AppState>,
    _operator: Operator,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let key = id.clone();
    let found = state.store.run(move |s| s.fund_proof(None, &key)).await?;
    proof_file(found, &id)
}
