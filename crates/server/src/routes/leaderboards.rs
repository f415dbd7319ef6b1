//! Leaderboards: boards on offer and ranked pages with the signed-in partner's standing.
//! Ranking is standard competition ranking: equal scores share a rank ("1, 2, 2, 4"), and ties
//! are listed by display name.

use api_types::{
    Board, LeaderboardEntry, LeaderboardPage, Metric, MyStanding, Period, ScorePoint, Segment,
};
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension, Row};

use super::query::Query;
use crate::error::{ApiError, ApiResult};
use crate::extract::Partner;
use crate::AppState;

const BOARDS: [(&str, &str, Metric, &str); 3] = [
    ("engagement", "Engagement champions", Metric::EngagementPoints, "Points for training, certifications, feedback and registered deals: every partner can climb this one."),
    ("certifications", "Certified teams", Metric::CertificationsEarned, "Certifications earned by your people."),
    ("revenue", "Registered revenue", Metric::RegisteredRevenue, "Value of registered deals, in US dollars at the program's reference rates."),
];

/// Leagues every board offers: (id, label, SQL column it filters, value).
const SEGMENTS: [(&str, &str, &str, &str); 12] = [
    ("all", "All partners", "", ""),
    ("region:AMER", "Americas", "region", "AMER"),
    (
        "region:EMEA",
        "Europe, Middle East & Africa",
        "region",
        "EMEA",
    ),
    ("region:APAC", "Asia Pacific", "region", "APAC"),
    ("type:reseller", "Resellers", "partner_type", "reseller"),
    ("type:msp", "MSPs", "partner_type", "msp"),
    (
        "type:referral",
        "Referral partners",
        "partner_type",
        "referral",
    ),
    (
        "type:distributor",
        "Distributors",
        "partner_type",
        "distributor",
    ),
    ("tier:registered", "Registered tier", "tier", "registered"),
    ("tier:silver", "Silver tier", "tier", "silver"),
    ("tier:gold", "Gold tier", "tier", "gold"),
    ("tier:platinum", "Platinum tier", "tier", "platinum"),
];

fn segments() -> Vec<Segment> {
    SEGMENTS
        .iter()
        .map(|(id, label, _, _)| Segment {
            id: (*id).into(),
            label: (*label).into(),
        })
        .collect()
}

/// `GET /leaderboards`.
pub async fn list_boards(_partner: Partner) -> Json<Vec<Board>> {
    Json(
        BOARDS
            .iter()
            .map(|(id, name, metric, description)| Board {
                id: (*id).into(),
                name: (*name).into(),
                metric: *metric,
                description: (*description).into(),
                periods: Period::ALL.to_vec(),
                segments: segments(),
            })
            .collect(),
    )
}

fn entry(row: &Row, me: &str) -> rusqlite::Result<LeaderboardEntry> {
    let partner_id: String = row.get(0)?;
    let rank: u32 = row.get(3)?;
    let previous: Option<u32> = row.get(4)?;
    let badges: String = row.get(5)?;
    Ok(LeaderboardEntry {
        rank,
        is_me: partner_id == me,
        partner_id,
        display_name: row.get(1)?,
        score: row.get(2)?,
        rank_change: previous.map(|p| p as i32 - rank as i32),
        badges: serde_json::from_str(&badges).unwrap_or_default(),
    })
}

/// `GET /leaderboards/{board_id}?period&segment&offset&limit`.
pub async fn get_board(
    State(state): State<AppState>,
    partner: Partner,
    Path(board_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<LeaderboardPage>> {
    let board = BOARDS
        .iter()
        .find(|b| b.0 == board_id)
        .ok_or_else(|| ApiError::NotFound(format!("There is no leaderboard {board_id:?}.")))?;
    let query = Query::parse(raw.as_deref());
    let period = match query.one("period")? {
        None => Period::Month,
        Some(p) => Period::parse(p).ok_or_else(|| {
            ApiError::BadRequest(format!(
                "`period` {p:?} must be month, quarter or all_time."
            ))
        })?,
    };
    let segment_id = query.one("segment")?.unwrap_or("all");
    let (_, segment_label, column, value) =
        SEGMENTS.iter().find(|s| s.0 == segment_id).ok_or_else(|| {
            ApiError::NotFound(format!(
                "The board {board_id:?} has no segment {segment_id:?}."
            ))
        })?;
    let offset = query.int("offset", 0, 1_000_000, 0)?;
    let limit = query.int("limit", 1, 100, 25)?;

    let segment_filter = if column.is_empty() {
        String::new()
    } else {
        format!(" AND c.{column} = ?3")
    };
    let ranked = format!(
        "WITH ranked AS (
           SELECT s.company_id, c.name, s.score,
             RANK() OVER (ORDER BY s.score DESC) AS rank,
             CASE WHEN s.previous_score IS NULL THEN NULL ELSE RANK() OVER (ORDER BY s.previous_score DESC) END AS previous_rank,
             s.badges_json
           FROM scores s JOIN companies c ON c.id = s.company_id
           WHERE s.board_id = ?1 AND s.period = ?2{segment_filter})"
    );
    let base = vec![
        Sql::Text(board_id.clone()),
        Sql::Text(period.as_str().into()),
        Sql::Text((*value).into()),
    ];
    let params = |extra: &[Sql]| -> Vec<Sql> {
        let mut all = if column.is_empty() {
            base[..2].to_vec()
        } else {
            base.clone()
        };
        all.extend_from_slice(extra);
        all
    };
    let conn = state.db.conn()?;
    let n = if column.is_empty() { 2 } else { 3 };
    let total: u32 = conn.query_row(
        &format!("{ranked} SELECT COUNT(*) FROM ranked"),
        rusqlite::params_from_iter(params(&[])),
        |r| r.get(0),
    )?;
    let mut statement = conn.prepare(&format!(
        "{ranked} SELECT * FROM ranked ORDER BY rank, name, company_id LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2
    ))?;
    let entries = statement
        .query_map(
            rusqlite::params_from_iter(params(&[Sql::Integer(limit), Sql::Integer(offset)])),
            |r| entry(r, &partner.company_id),
        )?
        .collect::<Result<Vec<_>, _>>()?;
    let me = standing(
        &conn,
        &ranked,
        params(&[Sql::Text(partner.company_id.clone())]),
        n + 1,
        &board_id,
        period,
    )?;
    Ok(Json(LeaderboardPage {
        board_id: board.0.into(),
        period,
        segment: Segment {
            id: segment_id.into(),
            label: (*segment_label).into(),
        },
        entries,
        offset: offset as u32,
        total,
        me,
    }))
}

/// The partner's entry, the points to the next better rank, and their recent history.
fn standing(
    conn: &Connection,
    ranked: &str,
    params: Vec<Sql>,
    me_param: usize,
    board_id: &str,
    period: Period,
) -> ApiResult<Option<MyStanding>> {
    let me = match params.last() {
        Some(Sql::Text(me)) => me.clone(),
        _ => return Ok(None),
    };
    let entry = conn
        .query_row(
            &format!("{ranked} SELECT * FROM ranked WHERE company_id = ?{me_param}"),
            rusqlite::params_from_iter(params.clone()),
            |r| entry(r, &me),
        )
        .optional()?;
    let Some(entry) = entry else { return Ok(None) };
    let mut above = params;
    above.pop();
    above.push(Sql::Integer(entry.score as i64));
    let next: Option<(u64, u32)> = conn
        .query_row(
            &format!("{ranked} SELECT score, rank FROM ranked WHERE score > ?{me_param} ORDER BY score ASC LIMIT 1"),
            rusqlite::params_from_iter(above),
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let mut statement = conn.prepare("SELECT label, score FROM score_history WHERE board_id = ?1 AND period = ?2 AND company_id = ?3 ORDER BY position")?;
    let history = statement
        .query_map(rusqlite::params![board_id, period.as_str(), me], |r| {
            Ok(ScorePoint {
                label: r.get(0)?,
                score: r.get(1)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(MyStanding {
        points_to_next_rank: next.map(|(score, _)| score - entry.score),
        next_rank: next.map(|(_, rank)| rank),
        entry,
        history,
    }))
}
