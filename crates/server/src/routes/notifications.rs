//! The partner's notification feed, answered 304 while nothing changed so polling costs one
//! small query.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use http::header::{ETAG, IF_NONE_MATCH};
use http::HeaderValue;

use crate::error::{AppError, AppResult};
use crate::store::Caller;
use crate::AppState;

/// `GET /notifications`, conditional on `If-None-Match`.
pub async fn feed(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
) -> AppResult<Response> {
    let seen = headers.get(IF_NONE_MATCH).cloned();
    let store = state.store.clone();
    let reader = caller.clone();
    let tag = state
        .store
        .run(move |s| {
            s.notice_what_ends_soon(&reader, chrono::Utc::now())?;
            s.feed_tag(&reader)
        })
        .await?;
    let tag_value = HeaderValue::from_str(&tag)
        .map_err(|_| AppError::Internal("an ETag that is not a header".into()))?;
    if seen.as_ref() == Some(&tag_value) {
        return Ok((StatusCode::NOT_MODIFIED, [(ETAG, tag_value)]).into_response());
    }
    let feed = store.run(move |s| s.notifications(&caller)).await?;
    Ok(([(ETAG, tag_value)], Json(feed)).into_response())
}

/// `PUT /notifications/{id}/read`.
pub async fn mark_read(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let key = id.clone();
    if state.store.run(move |s| s.mark_read(&caller, &key)).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound(format!(
            "You have no notification {id:?}."
        )))
    }
}

/// `POST /notifications/read-all`.
pub async fn mark_all_read(State(state): State<AppState>, caller: Caller) -> AppResult<StatusCode> {
    state.store.run(move |s| s.mark_all_read(&caller)).await?;
    Ok(StatusCode::NO_CONTENT)
}
