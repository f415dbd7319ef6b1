//! What the partner earns: its lines with their totals, and its payouts.

use api_types::earnings::{EarningsParams, EarningsReport};
use axum::extract::State;
use axum::Json;

use crate::error::{AppError, AppResult};
use crate::extract::QueryPairs;
use crate::store::Caller;
use crate::AppState;

/// `GET /earnings`.
pub async fn list_earnings(
    State(state): State<AppState>,
    caller: Caller,
    query: QueryPairs,
) -> AppResult<Json<EarningsReport>> {
    let params = EarningsParams::parse(query.iter()).map_err(AppError::BadRequest)?;
    Ok(Json(
        state
            .store
            .run(move |s| s.earnings(&caller, &params))
            .await?,
    ))
}
