//! What changed for a partner's people: entries written in the same transaction as the change
//! they report, read state per user, and a cheap tag for conditional polling.

use api_types::{Notification, NotificationFeed, NotificationKind, Subject, FEED_LENGTH};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::{parse_text, stamp, to_text, Caller, Store};
use crate::error::AppResult;

/// One entry to write.
pub struct NewNotification<'a> {
    /// The partner company it concerns.
    pub company_id: &'a str,
    /// One person only, or everyone at the company.
    pub user_id: Option<&'a str>,
    /// What happened.
    pub kind: NotificationKind,
    /// What it is about.
    pub subject: Subject,
    /// The question, reason or reply.
    pub note: Option<&'a str>,
    /// When.
    pub at: DateTime<Utc>,
}

/// Writes `entry` on the connection of the change it reports.
pub(super) fn notify(conn: &Connection, entry: &NewNotification) -> AppResult<()> {
    conn.prepare_cached(
        "INSERT INTO notifications (company_id, user_id, kind, subject_kind, subject_id, subject_title, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        entry.company_id,
        entry.user_id,
        to_text(&entry.kind),
        to_text(&entry.subject.kind),
        entry.subject.id,
        entry.subject.title,
        entry.note,
        stamp(entry.at),
    ])?;
    Ok(())
}

/// The entries a caller sees: their company's, addressed to everyone or to them.
const VISIBLE: &str = "n.company_id = ?1 AND (n.user_id IS NULL OR n.user_id = ?2)";

/// `n-17` ↔ 17.
fn seq_of(id: &str) -> Option<i64> {
    id.strip_prefix("n-")?.parse().ok()
}

/// What ends soon and has not been told yet: (company, user, kind, subject kind, id, title).
type Ending = (
    String,
    Option<String>,
    &'static str,
    &'static str,
    String,
    String,
);

/// Lapsing certifications (within 30 days, the caller's own) and protection ending (within 14
/// days, the company's), each told at most once a month.
const ENDING: &str = "
    SELECT c.id AS subject_id, c.name AS title, u.company_id, u.id AS user_id, 'certification_expiring' AS kind
    FROM certifications c JOIN users u ON u.id = c.user_id
    WHERE c.user_id = ?2 AND c.earned_on IS NOT NULL AND c.expires_on BETWEEN ?3 AND ?4
      AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = ?2 AND n.kind = 'certification_expiring'
                      AND n.subject_id = c.id AND n.created_at > ?6)
    UNION ALL
    SELECT d.reference, d.customer_company, d.company_id, NULL, 'protection_ending'
    FROM deals d
    WHERE d.company_id = ?1 AND d.status = 'approved' AND d.protection_expires_on BETWEEN ?3 AND ?5
      AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.company_id = ?1 AND n.kind = 'protection_ending'
                      AND n.subject_id = d.reference AND n.created_at > ?6)";

impl Store {
    /// Writes what ends soon into the caller's feed, once: a certification of theirs lapsing
    /// within 30 days, a deal of their company whose protection ends within 14. Read first, so
    /// a poll with nothing new takes no write lock.
    pub fn notice_what_ends_soon(&self, caller: &Caller, now: DateTime<Utc>) -> AppResult<()> {
        let today = now.date_naive();
        let days = |n: i64| (today + chrono::Duration::days(n)).to_string();
        let args = params![
            caller.company_id,
            caller.user_id,
            today.to_string(),
            days(30),
            days(14),
            stamp(now - chrono::Duration::days(30))
        ];
        let ending: Vec<Ending> = {
            let conn = self.reader()?;
            let mut statement = conn.prepare_cached(ENDING)?;
            let ending = statement
                .query_map(args, |r| {
                    let kind: String = r.get("kind")?;
                    let certification = kind == "certification_expiring";
                    Ok((
                        r.get("company_id")?,
                        r.get("user_id")?,
                        if certification {
                            "certification_expiring"
                        } else {
                            "protection_ending"
                        },
                        if certification {
                            "certification"
                        } else {
                            "deal"
                        },
                        r.get("subject_id")?,
                        r.get("title")?,
                    ))
                })?
                .collect::<Result<_, _>>()?;
            ending
        };
        if ending.is_empty() {
            return Ok(());
        }
        self.write(|tx| {
            // Looked up again under the write lock, so two polls at once tell it once.
            let mut statement = tx.prepare_cached(ENDING)?;
            let still: Vec<(String, String)> = statement
                .query_map(args, |r| Ok((r.get("kind")?, r.get("subject_id")?)))?
                .collect::<Result<_, _>>()?;
            drop(statement);
            for (company, user, kind, subject_kind, id, title) in &ending {
                if !still.iter().any(|(k, s)| k == kind && s == id) {
                    continue;
                }
                tx.execute(
                    "INSERT INTO notifications (company_id, user_id, kind, subject_kind, subject_id, subject_title, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![company, user, kind, subject_kind, id, title, stamp(now)],
                )?;
            }
            Ok(())
        })
    }

    /// A tag that changes whenever the caller's feed would: a new entry or a change of read state.
    pub fn feed_tag(&self, caller: &Caller) -> AppResult<String> {
        let conn = self.reader()?;
        let (newest, unread): (Option<i64>, i64) = conn.query_row(
            &format!(
                "SELECT MAX(n.seq), COUNT(*) - COUNT(r.seq) FROM notifications n
                 LEFT JOIN notification_reads r ON r.seq = n.seq AND r.user_id = ?2 WHERE {VISIBLE}"
            ),
            [&caller.company_id, &caller.user_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(format!("\"{}-{unread}\"", newest.unwrap_or(0)))
    }

    /// The newest entries and the unread count.
    pub fn notifications(&self, caller: &Caller) -> AppResult<NotificationFeed> {
        let conn = self.reader()?;
        let unread: u32 = conn.query_row(
            &format!(
                "SELECT COUNT(*) FROM notifications n WHERE {VISIBLE}
                 AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.seq = n.seq AND r.user_id = ?2)"
            ),
            [&caller.company_id, &caller.user_id],
            |r| r.get(0),
        )?;
        let mut statement = conn.prepare(&format!(
            "SELECT n.seq, n.kind, n.subject_kind, n.subject_id, n.subject_title, n.note, n.created_at,
               r.seq IS NOT NULL AS read
             FROM notifications n LEFT JOIN notification_reads r ON r.seq = n.seq AND r.user_id = ?2
             WHERE {VISIBLE} ORDER BY n.seq DESC LIMIT ?3"
        ))?;
        let mut rows = statement.query(params![
            caller.company_id,
            caller.user_id,
            FEED_LENGTH as i64
        ])?;
        let mut items = Vec::new();
        while let Some(row) = rows.next()? {
            let text = |column: &str| row.get::<_, String>(column);
            items.push(Notification {
                id: format!("n-{}", row.get::<_, i64>("seq")?),
                kind: parse_text(&text("kind")?)?,
                subject: Subject {
                    kind: parse_text(&text("subject_kind")?)?,
                    id: text("subject_id")?,
                    title: text("subject_title")?,
                },
                note: row.get("note")?,
                created_at: parse_text(&text("created_at")?)?,
                read: row.get("read")?,
            });
        }
        Ok(NotificationFeed { unread, items })
    }

    /// Marks one of the caller's entries read; `false` when they have no such entry.
    pub fn mark_read(&self, caller: &Caller, id: &str) -> AppResult<bool> {
        let Some(seq) = seq_of(id) else {
            return Ok(false);
        };
        let conn = self.conn()?;
        let visible: Option<i64> = conn
            .query_row(
                &format!("SELECT n.seq FROM notifications n WHERE {VISIBLE} AND n.seq = ?3"),
                params![caller.company_id, caller.user_id, seq],
                |r| r.get(0),
            )
            .optional()?;
        if visible.is_some() {
            conn.execute(
                "INSERT OR IGNORE INTO notification_reads (user_id, seq) VALUES (?1, ?2)",
                params![caller.user_id, seq],
            )?;
        }
        Ok(visible.is_some())
    }

    /// Marks every entry the caller sees read.
    pub fn mark_all_read(&self, caller: &Caller) -> AppResult<()> {
        self.conn()?.execute(
            &format!(
                "INSERT OR IGNORE INTO notification_reads (user_id, seq)
                 SELECT ?2, n.seq FROM notifications n WHERE {VISIBLE}"
            ),
            [&caller.company_id, &caller.user_id],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_name_their_sequence_number_and_nothing_else() {
        assert_eq!(super::seq_of("n-17"), Some(17));
        assert_eq!(super::seq_of("17"), None);
        assert_eq!(super::seq_of("n-x"), None);
    }
}
