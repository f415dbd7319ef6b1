//! The caller's feedback ("you said, we did") and storing new feedback.

use api_types::{FeedbackItem, FeedbackStatus, NewFeedback};
use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{parse_text, stamp, to_text, Caller, Store};
use crate::error::AppResult;

impl Store {
    /// The caller's feedback, newest first.
    pub fn feedback(&self, caller: &Caller) -> AppResult<Vec<FeedbackItem>> {
        let conn = self.reader()?;
        let mut statement = conn.prepare(
            "SELECT id, category, title, body, status, submitted_at, updated_at, reply_json
             FROM feedback WHERE user_id = ?1 ORDER BY submitted_at DESC, id DESC",
        )?;
        let mut rows = statement.query([&caller.user_id])?;
        let mut items = Vec::new();
        while let Some(row) = rows.next()? {
            let text = |column: &str| row.get::<_, String>(column);
            let reply: Option<String> = row.get("reply_json")?;
            items.push(FeedbackItem {
                id: text("id")?,
                category: parse_text(&text("category")?)?,
                title: text("title")?,
                body: text("body")?,
                status: parse_text(&text("status")?)?,
                submitted_at: parse_text(&text("submitted_at")?)?,
                updated_at: parse_text(&text("updated_at")?)?,
                reply: reply.map(|r| serde_json::from_str(&r)).transpose()?,
            });
        }
        Ok(items)
    }

    /// Stores checked feedback as received, trimmed, and answers it.
    pub fn add_feedback(
        &self,
        caller: &Caller,
        feedback: &NewFeedback,
        now: DateTime<Utc>,
    ) -> AppResult<FeedbackItem> {
        let conn = self.conn()?;
        let stamped = stamp(now);
        let at = parse_text(&stamped)?;
        let count: i64 = conn.query_row("SELECT COUNT(*) FROM feedback", [], |r| r.get(0))?;
        let item = FeedbackItem {
            id: format!("fb-{}", count + 1),
            category: feedback.category,
            title: feedback.title.trim().into(),
            body: feedback.body.trim().into(),
            status: FeedbackStatus::Received,
            submitted_at: at,
            updated_at: at,
            reply: None,
        };
        conn.execute(
            "INSERT INTO feedback (id, user_id, category, title, body, status, submitted_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                item.id,
                caller.user_id,
                to_text(&item.category),
                item.title,
                item.body,
                to_text(&item.status),
                stamped
            ],
        )?;
        Ok(item)
    }
}
