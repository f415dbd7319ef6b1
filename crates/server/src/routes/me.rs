//! `GET /me`: the signed-in user, their company, tier progress and engagement.

use api_types::Me;
use axum::extract::State;
use axum::Json;

use crate::error::AppResult;
use crate::store::Caller;
use crate::AppState;

/// Who is signed in and where their company stands.
pub async fn get_me(State(state): State<AppState>, caller: Caller) -> AppResult<Json<Me>> {
    Ok(Json(state.store.run(move |s| s.me(&caller)).await?))
}
