//! The onboarding checklist and ticking self-attested items off.

use api_types::{
    CompletedBy, ItemCompletion, Onboarding, OnboardingItem, OnboardingPhase, OnboardingStatus,
};
use axum::extract::{Path, State};
use axum::Json;
use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};

use crate::db::parse_text;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, Partner};
use crate::seed::stamp;
use crate::AppState;

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

fn load_items(
    conn: &Connection,
    company_id: &str,
    only: Option<&str>,
) -> ApiResult<Vec<(u8, OnboardingItem)>> {
    let today = Utc::now().date_naive();
    let mut statement = conn.prepare(
        "SELECT phase, id, title, description, kind, due_on, state, completed_by, completed_at, blocked_reason, links_json
         FROM onboarding_items WHERE company_id = ?1 AND (?2 IS NULL OR id = ?2) ORDER BY phase, position",
    )?;
    let rows = statement.query_map(rusqlite::params![company_id, only], |r| {
        Ok((
            r.get::<_, u8>(0)?,
            [
                r.get::<_, String>(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(10)?,
            ],
            r.get::<_, Option<String>>(8)?,
            r.get::<_, Option<String>>(9)?,
        ))
    })?;
    let mut items = Vec::new();
    for row in rows {
        let (
            phase,
            [id, title, description, kind, due, state, by, links],
            completed_at,
            blocked_reason,
        ) = row?;
        let due_on: NaiveDate = parse_text(&due)?;
        items.push((
            phase,
            OnboardingItem {
                id,
                title,
                description,
                kind: parse_text(&kind)?,
                due_on,
                status: item_status(&state, due_on, today),
                completed_by: parse_text(&by)?,
                completed_at: completed_at.map(|t| parse_text(&t)).transpose()?,
                blocked_reason,
                links: serde_json::from_str(&links)?,
            },
        ));
    }
    Ok(items)
}

/// `GET /onboarding`.
pub async fn get_onboarding(
    State(state): State<AppState>,
    partner: Partner,
) -> ApiResult<Json<Onboarding>> {
    let conn = state.db.conn()?;
    let started: String = conn.query_row(
        "SELECT joined_on FROM companies WHERE id = ?1",
        [&partner.company_id],
        |r| r.get(0),
    )?;
    let mut items = load_items(&conn, &partner.company_id, None)?;
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
    Ok(Json(Onboarding {
        started_on: parse_text(&started)?,
        phases,
    }))
}

/// `PUT /onboarding/items/{id}/completion`: only partner-attested, unblocked items.
pub async fn set_completion(
    State(state): State<AppState>,
    partner: Partner,
    Path(item_id): Path<String>,
    ApiJson(body): ApiJson<ItemCompletion>,
) -> ApiResult<Json<OnboardingItem>> {
    let conn = state.db.conn()?;
    let current: Option<(String, String)> = conn
        .query_row(
            "SELECT completed_by, state FROM onboarding_items WHERE company_id = ?1 AND id = ?2",
            [&partner.company_id, &item_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (by, stored) = current
        .ok_or_else(|| ApiError::NotFound(format!("There is no onboarding item {item_id:?}.")))?;
    if parse_text::<CompletedBy>(&by)? == CompletedBy::Vendor {
        return Err(ApiError::Conflict {
            title: "The channel team confirms this item".into(),
            detail: "This step is marked done by the channel team when they have checked it."
                .into(),
            reference: None,
        });
    }
    if stored == "blocked" {
        return Err(ApiError::Conflict {
            title: "This item is blocked".into(),
            detail: "It can be ticked off once what blocks it is resolved.".into(),
            reference: None,
        });
    }
    let (new_state, completed_at) = if body.done {
        ("done", Some(stamp(Utc::now())))
    } else {
        ("todo", None)
    };
    conn.execute(
        "UPDATE onboarding_items SET state = ?1, completed_at = ?2 WHERE company_id = ?3 AND id = ?4",
        rusqlite::params![new_state, completed_at, partner.company_id, item_id],
    )?;
    let item = load_items(&conn, &partner.company_id, Some(&item_id))?
        .pop()
        .map(|(_, item)| item);
    item.map(Json)
        .ok_or_else(|| ApiError::Internal("updated item vanished".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn past_due_open_items_are_overdue_but_done_and_blocked_stay() {
        let today = day("2026-11-23");
        assert_eq!(
            item_status("todo", day("2026-11-22"), today),
            OnboardingStatus::Overdue
        );
        assert_eq!(
            item_status("in_progress", day("2026-11-01"), today),
            OnboardingStatus::Overdue
        );
        assert_eq!(
            item_status("todo", day("2026-11-23"), today),
            OnboardingStatus::Todo
        );
        assert_eq!(
            item_status("in_progress", day("2026-12-01"), today),
            OnboardingStatus::InProgress
        );
        assert_eq!(
            item_status("done", day("2026-01-01"), today),
            OnboardingStatus::Done
        );
        assert_eq!(
            item_status("blocked", day("2026-01-01"), today),
            OnboardingStatus::Blocked
        );
    }
}
