//! The onboarding checklist: items in phases, with "overdue" worked out on read, and ticking
//! self-attested items off.

use api_types::{
    CompletedBy, NotificationKind, Onboarding, OnboardingDecision, OnboardingItem, OnboardingPhase,
    OnboardingStatus, OnboardingVerdict, Subject, SubjectKind,
};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::notifications::{notify, NewNotification};
use super::{parse_text, stamp, Caller, Store};
use crate::error::{AppError, AppResult};

const PHASES: [(u8, &str, &str, u32); 3] = [
    (1, "days-30", "First 30 days", 30),
    (2, "days-60", "Days 31 to 60", 60),
    (3, "days-90", "Days 61 to 90", 90),
];

/// What a partner sees: stored progress, with "overdue" when the due date has passed.
pub fn item_status(state: &str, due_on: NaiveDate, today: NaiveDate) -> OnboardingStatus {
    match state {
        "done" => OnboardingStatus::Done,
        "blocked" => OnboardingStatus::Blocked,
        _ if due_on < today => OnboardingStatus::Overdue,
        "in_progress" => OnboardingStatus::InProgress,
        _ => OnboardingStatus::Todo,
    }
}

/// Something a partner did that the backend sees happen; onboarding steps that wait for it
/// (`onboarding_items.observes`) complete themselves.
#[derive(Clone, Copy, Debug)]
pub enum Observed<'a> {
    /// A deal was registered.
    DealRegistered,
    /// A registered deal was won.
    DealWon,
    /// Someone at the company earned a certification.
    CertificationEarned,
    /// Someone finished this course.
    CourseCompleted(&'a str),
    /// Someone answered this survey.
    SurveyAnswered(&'a str),
}

impl Observed<'_> {
    /// How `onboarding_items.observes` names it.
    pub fn key(self) -> String {
        match self {
            Self::DealRegistered => "deal_registered".into(),
            Self::DealWon => "deal_won".into(),
            Self::CertificationEarned => "certification_earned".into(),
            Self::CourseCompleted(id) => format!("course:{id}"),
            Self::SurveyAnswered(id) => format!("survey:{id}"),
        }
    }
}

/// Completes the company's open steps that wait for `what`, as of `at`, in the caller's
/// transaction (so a registration and the step it completes are one change).
pub fn observe(
    conn: &Connection,
    company_id: &str,
    what: Observed,
    at: DateTime<Utc>,
) -> AppResult<()> {
    conn.execute(
        "UPDATE onboarding_items SET state = 'done', completed_at = ?3, blocked_reason = NULL
         WHERE company_id = ?1 AND observes = ?2 AND state <> 'done'",
        params![company_id, what.key(), stamp(at)],
    )?;
    Ok(())
}

/// Why an item cannot be ticked off by the partner.
pub enum TickRefusal {
    /// No such item for the caller's company.
    NotFound,
    /// The channel team confirms it.
    VendorConfirms,
    /// Something blocks it.
    Blocked,
    /// It completes itself when the backend sees it happen.
    CompletesItself,
}

fn load_items(
    conn: &Connection,
    company_id: &str,
    only: Option<&str>,
) -> AppResult<Vec<(u8, OnboardingItem)>> {
    let today = Utc::now().date_naive();
    let mut statement = conn.prepare_cached(
        "SELECT phase, id, title, description, kind, due_on, state, completed_by, completed_at, blocked_reason, links_json, completes_when
         FROM onboarding_items WHERE company_id = ?1 AND (?2 IS NULL OR id = ?2) ORDER BY phase, position",
    )?;
    let mut rows = statement.query(params![company_id, only])?;
    let mut items = Vec::new();
    while let Some(row) = rows.next()? {
        let text = |column: &str| row.get::<_, String>(column);
        let due_on: NaiveDate = parse_text(&text("due_on")?)?;
        let completed_at: Option<String> = row.get("completed_at")?;
        items.push((
            row.get("phase")?,
            OnboardingItem {
                id: text("id")?,
                title: text("title")?,
                description: text("description")?,
                kind: parse_text(&text("kind")?)?,
                due_on,
                status: item_status(&text("state")?, due_on, today),
                completed_by: parse_text(&text("completed_by")?)?,
                completed_at: completed_at.map(|t| parse_text(&t)).transpose()?,
                blocked_reason: row.get("blocked_reason")?,
                links: serde_json::from_str(&text("links_json")?)?,
                completes_when: row.get("completes_when")?,
            },
        ));
    }
    Ok(items)
}

impl Store {
    /// The caller's company's checklist in phases.
    pub fn onboarding(&self, caller: &Caller) -> AppResult<Onboarding> {
        let conn = self.reader()?;
        let started: String = conn.query_row(
            "SELECT joined_on FROM companies WHERE id = ?1",
            [&caller.company_id],
            |r| r.get("joined_on"),
        )?;
        let mut items = load_items(&conn, &caller.company_id, None)?;
        let phases = PHASES
            .iter()
            .map(|(number, id, title, ends_on_day)| OnboardingPhase {
                id: (*id).into(),
                title: (*title).into(),
                ends_on_day: *ends_on_day,
                items: items
                    .extract_if(.., |(p, _)| p == number)
                    .map(|(_, item)| item)
                    .collect(),
            })
            .collect();
        Ok(Onboarding {
            started_on: parse_text(&started)?,
            phases,
        })
    }

    /// Ticks a partner-attested, unblocked item off (or undoes it) and answers it as now seen.
    pub fn set_item_done(
        &self,
        caller: &Caller,
        item_id: &str,
        done: bool,
    ) -> AppResult<Result<OnboardingItem, TickRefusal>> {
        let conn = self.conn()?;
        let current: Option<(String, String, Option<String>)> = conn
            .query_row(
                "SELECT completed_by, state, observes FROM onboarding_items WHERE company_id = ?1 AND id = ?2",
                [&caller.company_id, item_id],
                |r| Ok((r.get("completed_by")?, r.get("state")?, r.get("observes")?)),
            )
            .optional()?;
        let Some((by, stored, observes)) = current else {
            return Ok(Err(TickRefusal::NotFound));
        };
        if observes.is_some() {
            return Ok(Err(TickRefusal::CompletesItself));
        }
        if parse_text::<CompletedBy>(&by)? == CompletedBy::Vendor {
            return Ok(Err(TickRefusal::VendorConfirms));
        }
        if stored == "blocked" {
            return Ok(Err(TickRefusal::Blocked));
        }
        let (state, completed_at) = if done {
            ("done", Some(stamp(Utc::now())))
        } else {
            ("todo", None)
        };
        conn.execute(
            "UPDATE onboarding_items SET state = ?1, completed_at = ?2 WHERE company_id = ?3 AND id = ?4",
            params![state, completed_at, caller.company_id, item_id],
        )?;
        load_items(&conn, &caller.company_id, Some(item_id))?
            .pop()
            .map(|(_, item)| Ok(item))
            .ok_or_else(|| AppError::Internal("updated item vanished".into()))
    }
}

/// What a channel team decision on an item came to.
pub enum Decided {
    /// The item as the partner now sees it.
    Item(OnboardingItem),
    /// No such partner or item.
    NotFound,
    /// The partner ticks this one off; the vendor does not decide it.
    PartnerTicks,
}

impl Store {
    /// The channel team verifies a vendor-confirmed item, or sends it back with a reason (shown
    /// to the partner as what blocks it), and tells the partner's people.
    pub fn decide_onboarding_item(
        &self,
        company_id: &str,
        item_id: &str,
        decision: &OnboardingDecision,
        now: chrono::DateTime<Utc>,
    ) -> AppResult<Decided> {
        self.write(|tx| {
            let current: Option<(String, String)> = tx
                .query_row(
                    "SELECT completed_by, title FROM onboarding_items WHERE company_id = ?1 AND id = ?2",
                    [company_id, item_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((by, title)) = current else {
                return Ok(Decided::NotFound);
            };
            if parse_text::<CompletedBy>(&by)? == CompletedBy::Partner {
                return Ok(Decided::PartnerTicks);
            }
            let reason = decision.reason.as_deref().map(str::trim);
            let (state, completed_at, blocked, kind) = match decision.verdict {
                OnboardingVerdict::Verified => ("done", Some(stamp(now)), None, NotificationKind::OnboardingVerified),
                OnboardingVerdict::SentBack => ("blocked", None, reason, NotificationKind::OnboardingSentBack),
            };
            tx.execute(
                "UPDATE onboarding_items SET state = ?1, completed_at = ?2, blocked_reason = ?3 WHERE company_id = ?4 AND id = ?5",
                params![state, completed_at, blocked, company_id, item_id],
            )?;
            notify(
                tx,
                &NewNotification {
                    company_id,
                    user_id: None,
                    kind,
                    subject: Subject {
                        kind: SubjectKind::OnboardingItem,
                        id: item_id.to_owned(),
                        title,
                    },
                    note: reason,
                    at: now,
                },
            )?;
            load_items(tx, company_id, Some(item_id))?
                .pop()
                .map(|(_, item)| Decided::Item(item))
                .ok_or_else(|| AppError::Internal("decided item vanished".into()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_due_open_items_are_overdue_but_done_and_blocked_stay() {
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        let cases = [
            ("todo", "2026-11-22", OnboardingStatus::Overdue),
            ("in_progress", "2026-11-01", OnboardingStatus::Overdue),
            ("todo", "2026-11-23", OnboardingStatus::Todo),
            ("in_progress", "2026-12-01", OnboardingStatus::InProgress),
            ("done", "2026-01-01", OnboardingStatus::Done),
            ("blocked", "2026-01-01", OnboardingStatus::Blocked),
        ];
        for (state, due, expected) in cases {
            assert_eq!(
                item_status(state, due.parse().unwrap(), today),
                expected,
                "{state} due {due}"
            );
        }
    }
}
