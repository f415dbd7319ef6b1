//! The partner's feedback ("you said, we did") and sending new feedback.

use api_types::{FeedbackItem, FieldError, NewFeedback, VendorReply};
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;

use crate::db::{parse_text, to_text};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, Partner};
use crate::seed::stamp;
use crate::AppState;

/// Length rules for new feedback, counted on trimmed text.
pub fn validate(feedback: &NewFeedback) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if !(3..=120).contains(&feedback.title.trim().chars().count()) {
        errors.push(FieldError {
            field: "title".into(),
            message: "Give your feedback a short title (3 to 120 characters).".into(),
        });
    }
    if !(10..=4000).contains(&feedback.body.trim().chars().count()) {
        errors.push(FieldError {
            field: "body".into(),
            message: "Tell us a little more (10 to 4000 characters).".into(),
        });
    }
    errors
}

/// `GET /feedback`: newest first.
pub async fn list_feedback(
    State(state): State<AppState>,
    partner: Partner,
) -> ApiResult<Json<Vec<FeedbackItem>>> {
    let conn = state.db.conn()?;
    let mut statement = conn.prepare(
        "SELECT id, category, title, body, status, submitted_at, updated_at, reply_json FROM feedback WHERE user_id = ?1 ORDER BY submitted_at DESC, id DESC",
    )?;
    let rows = statement.query_map([&partner.user_id], |r| {
        Ok((
            [
                r.get::<_, String>(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ],
            r.get::<_, Option<String>>(7)?,
        ))
    })?;
    let mut items = Vec::new();
    for row in rows {
        let ([id, category, title, body, status, submitted, updated], reply) = row?;
        items.push(FeedbackItem {
            id,
            category: parse_text(&category)?,
            title,
            body,
            status: parse_text(&status)?,
            submitted_at: parse_text(&submitted)?,
            updated_at: parse_text(&updated)?,
            reply: reply
                .map(|r| serde_json::from_str::<VendorReply>(&r))
                .transpose()?,
        });
    }
    Ok(Json(items))
}

/// `POST /feedback`.
pub async fn send_feedback(
    State(state): State<AppState>,
    partner: Partner,
    ApiJson(feedback): ApiJson<NewFeedback>,
) -> ApiResult<(StatusCode, Json<FeedbackItem>)> {
    let errors = validate(&feedback);
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    let conn = state.db.conn()?;
    let stamped = stamp(Utc::now());
    let now = parse_text(&stamped)?;
    let count: i64 = conn.query_row("SELECT COUNT(*) FROM feedback", [], |r| r.get(0))?;
    let item = FeedbackItem {
        id: format!("fb-{}", count + 1),
        category: feedback.category,
        title: feedback.title.trim().into(),
        body: feedback.body.trim().into(),
        status: api_types::FeedbackStatus::Received,
        submitted_at: now,
        updated_at: now,
        reply: None,
    };
    conn.execute(
        "INSERT INTO feedback (id, user_id, category, title, body, status, submitted_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'received', ?6, ?6)",
        rusqlite::params![item.id, partner.user_id, to_text(&item.category), item.title, item.body, stamped],
    )?;
    Ok((StatusCode::CREATED, Json(item)))
}
