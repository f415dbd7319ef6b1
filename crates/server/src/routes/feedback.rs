//! The partner's feedback ("you said, we did") and sending new feedback.

use api_types::feedback_rules::check_new_feedback;
use api_types::{FeedbackItem, FieldError, NewFeedback};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;

use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::store::Caller;
use crate::AppState;

/// `GET /feedback`: newest first.
pub async fn list_feedback(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Json<Vec<FeedbackItem>>> {
    Ok(Json(state.store.run(move |s| s.feedback(&caller)).await?))
}

/// The contract's rules for new feedback, in the backend's words.
pub fn validate(feedback: &NewFeedback) -> Vec<FieldError> {
    check_new_feedback(feedback)
        .into_iter()
        .map(|broken| FieldError {
            field: broken.field.into(),
            message: match broken.field {
                "title" => "Give your feedback a short title (3 to 120 characters).",
                _ => "Tell us a little more (10 to 4000 characters).",
            }
            .into(),
        })
        .collect()
}

/// `POST /feedback`.
pub async fn send_feedback(
    State(state): State<AppState>,
    caller: Caller,
    headers: http::HeaderMap,
    ApiJson(feedback): ApiJson<NewFeedback>,
) -> AppResult<(StatusCode, Json<FeedbackItem>)> {
    let key = crate::extract::idempotency_key(&headers)?;
    // A retry is answered from what was stored, before the rules run again.
    if let Some(key) = key.clone() {
        let (c, f) = (caller.clone(), feedback.clone());
        match state
            .store
            .run(move |s| s.earlier_feedback(&c, &f, &key))
            .await?
        {
            Ok(Some(item)) => return Ok((StatusCode::CREATED, Json(item))),
            Ok(None) => {}
            Err(()) => {
                return Err(AppError::field(
                    "Idempotency-Key",
                    "This key was already used for different feedback.",
                ))
            }
        }
    }
    let errors = validate(&feedback);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let item = state
        .store
        .run(move |s| s.add_feedback(&caller, &feedback, key.as_deref(), Utc::now()))
        .await?;
    Ok((StatusCode::CREATED, Json(item)))
}
