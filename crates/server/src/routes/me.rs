//! `GET /me`: the signed-in user, their company, tier progress and engagement; `GET /program`:
//! the promises the program makes.

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

/// `GET /program`: the program's promises (review time, protection), as the portal shows them.
pub async fn get_program(
    State(state): State<AppState>,
    _caller: Caller,
) -> AppResult<Json<api_types::ProgramPolicies>> {
    Ok(Json(state.store.run(|s| s.policies()).await?))
}
