//! The caller's feedback ("you said, we did") and storing new feedback.

use api_types::{
    FeedbackDecision, FeedbackItem, FeedbackStatus, NewFeedback, NotificationKind, Subject,
    SubjectKind, VendorReply,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::leaderboards::{add_points, points};
use super::notifications::{notify, NewNotification};
use super::{parse_text, stamp, to_text, Caller, Store};
use crate::error::AppResult;

const COLUMNS: &str = "id, category, title, body, status, submitted_at, updated_at, reply_json";

fn item(row: &rusqlite::Row) -> AppResult<FeedbackItem> {
    let text = |column: &str| row.get::<_, String>(column);
    let reply: Option<String> = row.get("reply_json")?;
    Ok(FeedbackItem {
        id: text("id")?,
        category: parse_text(&text("category")?)?,
        title: text("title")?,
        body: text("body")?,
        status: parse_text(&text("status")?)?,
        submitted_at: parse_text(&text("submitted_at")?)?,
        updated_at: parse_text(&text("updated_at")?)?,
        reply: reply.map(|r| serde_json::from_str(&r)).transpose()?,
    })
}

impl Store {
    /// The caller's feedback, newest first.
    pub fn feedback(&self, caller: &Caller) -> AppResult<Vec<FeedbackItem>> {
        let conn = self.reader()?;
        let mut statement = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM feedback WHERE user_id = ?1 ORDER BY submitted_at DESC, id DESC"
        ))?;
        let mut rows = statement.query([&caller.user_id])?;
        let mut items = Vec::new();
        while let Some(row) = rows.next()? {
            items.push(item(row)?);
        }
        Ok(items)
    }

    /// What an earlier submission with this idempotency key came to: `Ok(Some(item))` for the
    /// same body, `Err(())` for another body, `Ok(None)` for a new key.
    pub fn earlier_feedback(
        &self,
        caller: &Caller,
        feedback: &NewFeedback,
        key: &str,
    ) -> AppResult<Result<Option<FeedbackItem>, ()>> {
        let conn = self.reader()?;
        let earlier: Option<(String, String)> = conn
            .query_row(
                "SELECT body_json, feedback_id FROM feedback_keys WHERE user_id = ?1 AND key = ?2",
                params![caller.user_id, key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((body, id)) = earlier else {
            return Ok(Ok(None));
        };
        if body != serde_json::to_string(feedback)? {
            return Ok(Err(()));
        }
        let found = conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM feedback WHERE id = ?1"),
                [&id],
                |row| Ok(item(row)),
            )
            .optional()?
            .transpose()?;
        Ok(Ok(found))
    }

    /// Stores checked feedback as received, trimmed, and answers it; with an idempotency key,
    /// remembers it, so a retry answers this item instead of storing it twice.
    pub fn add_feedback(
        &self,
        caller: &Caller,
        feedback: &NewFeedback,
        key: Option<&str>,
        now: DateTime<Utc>,
    ) -> AppResult<FeedbackItem> {
        self.write(|conn| {
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
            if let Some(key) = key {
                conn.execute(
                    "INSERT INTO feedback_keys (user_id, key, body_json, feedback_id) VALUES (?1, ?2, ?3, ?4)",
                    params![caller.user_id, key, serde_json::to_string(feedback)?, item.id],
                )?;
            }
            add_points(conn, &caller.company_id, "engagement", points::FEEDBACK)?;
            Ok(item)
        })
    }

    /// The vendor's decision on any partner's feedback, told to the person who gave it;
    /// `None` when there is no such feedback.
    pub fn decide_feedback(
        &self,
        id: &str,
        decision: &FeedbackDecision,
        author: &str,
        now: DateTime<Utc>,
    ) -> AppResult<Option<FeedbackItem>> {
        self.write(|tx| {
            let owner: Option<(String, String)> = tx
                .query_row(
                    "SELECT f.user_id, u.company_id FROM feedback f JOIN users u ON u.id = f.user_id WHERE f.id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((user_id, company_id)) = owner else {
                return Ok(None);
            };
            let reply = decision.reply.as_deref().map(|body| VendorReply {
                author: author.to_owned(),
                body: body.trim().to_owned(),
                at: now,
            });
            tx.execute(
                "UPDATE feedback SET status = ?2, updated_at = ?3, reply_json = COALESCE(?4, reply_json) WHERE id = ?1",
                params![
                    id,
                    to_text(&decision.status),
                    stamp(now),
                    reply.as_ref().map(serde_json::to_string).transpose()?
                ],
            )?;
            let updated = tx.query_row(
                &format!("SELECT {COLUMNS} FROM feedback WHERE id = ?1"),
                [id],
                |row| Ok(item(row)),
            )??;
            notify(
                tx,
                &NewNotification {
                    company_id: &company_id,
                    user_id: Some(&user_id),
                    kind: NotificationKind::FeedbackReply,
                    subject: Subject {
                        kind: SubjectKind::Feedback,
                        id: id.to_owned(),
                        title: updated.title.clone(),
                    },
                    note: decision.reply.as_deref().map(str::trim),
                    at: now,
                },
            )?;
            Ok(Some(updated))
        })
    }
}
