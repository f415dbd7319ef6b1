//! `GET /training`: courses with progress, recommendations, certifications and badges.

use api_types::Training;
use axum::extract::State;
use axum::Json;

use crate::error::AppResult;
use crate::store::Caller;
use crate::AppState;

/// The caller's learning.
pub async fn get_training(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Json<Training>> {
    Ok(Json(state.store.run(move |s| s.training(&caller)).await?))
}
