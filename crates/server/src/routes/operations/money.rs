//! The channel team's side of earnings: a partner's lines, a decision on one (a decline with
//! its reason), a payout of released lines, and its arrival.

use api_types::earnings::{
    EarningDecision, EarningLine, EarningsParams, EarningsReport, NewPayout, Payout, PayoutArrival,
};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;

use crate::auth::Operator;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, QueryPairs};
use crate::routes::found;
use crate::store::earnings::{Arrived, Decided, PayoutRefused};
use crate::AppState;

/// `GET /ops/partners/{partner_id}/earnings`.
pub async fn partner_earnings(
    State(state): State<AppState>,
    _operator: Operator,
    Path(partner_id): Path<String>,
    query: QueryPairs,
) -> AppResult<Json<EarningsReport>> {
    let params = EarningsParams::parse(query.iter()).map_err(AppError::BadRequest)?;
    let key = partner_id.clone();
    found(
        state
            .store
            .run(move |s| s.partner_earnings(&key, &params))
            .await?,
        || format!("There is no partner with the id {partner_id:?}."),
    )
}

/// `PUT /ops/earnings/{id}`.
pub async fn decide_earning(
    State(state): State<AppState>,
    _operator: Operator,
    Path(id): Path<String>,
    ApiJson(decision): ApiJson<EarningDecision>,
) -> AppResult<Json<EarningLine>> {
    let key = id.clone();
    let decided = state
        .store
        .run(move |s| s.decide_earning(&key, &decision, Utc::now()))
        .await?;
    match decided {
        Decided::Done(line) => Ok(Json(*line)),
        Decided::NotFound => Err(AppError::NotFound(format!(
            "There is no line of earnings {id:?}."
        ))),
        Decided::Refused("status") => Err(AppError::Conflict {
            title: "Not a step this line can take".into(),
            detail: "A line moves pending → approved → available, or is declined before it is paid; payouts pay it.".into(),
            reference: None,
        }),
        Decided::Refused(field) => Err(AppError::field(
            field,
            match field {
                "reason" => "Say why when declining (3 to 500 characters: the partner reads it), and only then.",
                _ => "Give the expected payout day when approving, and only then.",
            },
        )),
    }
}

/// `POST /ops/payouts`.
pub async fn send_payout(
    State(state): State<AppState>,
    _operator: Operator,
    ApiJson(new): ApiJson<NewPayout>,
) -> AppResult<(StatusCode, Json<Payout>)> {
    let partner = new.partner_id.clone();
    match state
        .store
        .run(move |s| s.send_payout(&new, Utc::now()))
        .await?
    {
        Ok(payout) => Ok((StatusCode::CREATED, Json(payout))),
        Err(PayoutRefused::NoPartner) => Err(AppError::NotFound(format!(
            "There is no partner with the id {partner:?}."
        ))),
        Err(PayoutRefused::Lines(errors)) => Err(AppError::Conflict {
            title: "These lines cannot be paid".into(),
            detail: errors
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect::<Vec<_>>()
                .join(" "),
            reference: None,
        }),
    }
}

/// `POST /ops/payouts/{id}/arrival`: the money reached the partner; its lines are paid.
pub async fn payout_arrived(
    State(state): State<AppState>,
    _operator: Operator,
    Path(id): Path<String>,
    ApiJson(arrival): ApiJson<PayoutArrival>,
) -> AppResult<Json<Payout>> {
    let key = id.clone();
    let arrived = state
        .store
        .run(move |s| s.payout_arrived(&key, arrival.paid_on, Utc::now()))
        .await?;
    match arrived {
        Arrived::Done(payout) => Ok(Json(payout)),
        Arrived::NotFound => Err(AppError::NotFound(format!("There is no payout {id:?}."))),
        Arrived::AlreadyPaid => Err(AppError::Conflict {
            title: "Already arrived".into(),
            detail: format!("Payout {id:?} was recorded as arrived before."),
            reference: None,
        }),
    }
}
