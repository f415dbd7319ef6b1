//! Leaderboards: the boards on offer and one ranked page with the caller's standing.

use api_types::{Board, BoardParams, LeaderboardPage};
use axum::extract::{Path, State};
use axum::Json;

use crate::error::{AppError, AppResult};
use crate::extract::QueryPairs;
use crate::store::Caller;
use crate::AppState;

/// `GET /leaderboards`.
pub async fn list_boards(State(state): State<AppState>, _caller: Caller) -> Json<Vec<Board>> {
    Json(state.store.boards())
}

/// `GET /leaderboards/{board_id}?period&segment&offset&limit`.
pub async fn get_board(
    State(state): State<AppState>,
    caller: Caller,
    Path(board_id): Path<String>,
    query: QueryPairs,
) -> AppResult<Json<LeaderboardPage>> {
    let params = BoardParams::parse(query.iter()).map_err(AppError::BadRequest)?;
    Ok(Json(
        state
            .store
            .run(move |s| s.leaderboard(&caller, &board_id, &params))
            .await?,
    ))
}
