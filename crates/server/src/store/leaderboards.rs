//! Leaderboards: the boards and leagues on offer, and ranked pages with the caller's standing.
//! Ranking is standard competition ranking: equal scores share a rank ("1, 2, 2, 4"), and ties
//! are listed by display name.

use api_types::{
    Board, BoardParams, LeaderboardEntry, LeaderboardPage, Metric, MyStanding, Period, ScorePoint,
    Segment,
};
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension, Row};

use super::{Caller, Store};
use crate::error::{AppError, AppResult};

/// A board: (id, name, metric, description).
pub type BoardSpec = (&'static str, &'static str, Metric, &'static str);

/// The boards on offer.
pub const BOARDS: [BoardSpec; 3] = [
    ("engagement", "Engagement champions", Metric::EngagementPoints, "Points for training, certifications, feedback and registered deals: every partner can climb this one."),
    ("certifications", "Certified teams", Metric::CertificationsEarned, "Certifications earned by your people."),
    ("revenue", "Registered revenue", Metric::RegisteredRevenue, "Value of registered deals, in US dollars at the program's reference rates."),
];

/// The league of everyone.
const EVERYONE: (&str, &str) = ("all", "All partners");

/// The other leagues, by kind: (id prefix, company column it filters, [(value, label)]); a
/// league's id is `prefix:value`, e.g. `type:msp`.
#[rustfmt::skip]
const LEAGUES: [(&str, &str, &[(&str, &str)]); 3] = [
    ("region", "region", &[("AMER", "Americas"), ("EMEA", "Europe, Middle East & Africa"), ("APAC", "Asia Pacific")]),
    ("type", "partner_type", &[("reseller", "Resellers"), ("msp", "MSPs"), ("referral", "Referral partners"), ("distributor", "Distributors")]),
    ("tier", "tier", &[("registered", "Registered tier"), ("silver", "Silver tier"), ("gold", "Gold tier"), ("platinum", "Platinum tier")]),
];

/// Every league on offer, everyone first.
fn segments() -> Vec<Segment> {
    let everyone = Segment {
        id: EVERYONE.0.into(),
        label: EVERYONE.1.into(),
    };
    let leagues = LEAGUES.iter().flat_map(|(prefix, _, values)| {
        values.iter().map(move |(value, label)| Segment {
            id: format!("{prefix}:{value}"),
            label: (*label).into(),
        })
    });
    std::iter::once(everyone).chain(leagues).collect()
}

/// A league by id: its label and the (column, value) it filters on, `None` for everyone.
fn league(id: &str) -> Option<(&'static str, Option<(&'static str, &'static str)>)> {
    if id == EVERYONE.0 {
        return Some((EVERYONE.1, None));
    }
    let (prefix, wanted) = id.split_once(':')?;
    let (_, column, values) = LEAGUES.iter().find(|(p, _, _)| *p == prefix)?;
    let (value, label) = values.iter().find(|(v, _)| *v == wanted)?;
    Some((label, Some((column, value))))
}

fn entry(row: &Row, me: &str) -> rusqlite::Result<LeaderboardEntry> {
    let partner_id: String = row.get("company_id")?;
    let rank: u32 = row.get("rank")?;
    let previous: Option<u32> = row.get("previous_rank")?;
    let badges: String = row.get("badges_json")?;
    Ok(LeaderboardEntry {
        rank,
        is_me: partner_id == me,
        partner_id,
        display_name: row.get("name")?,
        score: row.get("score")?,
        rank_change: previous.map(|p| p as i32 - rank as i32),
        badges: serde_json::from_str(&badges).unwrap_or_default(),
    })
}

impl Store {
    /// The boards on offer, each with every period and league.
    pub fn boards(&self) -> Vec<Board> {
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
            .collect()
    }

    /// One ranked page of a board for a period and league, with the caller's standing.
    pub fn leaderboard(
        &self,
        caller: &Caller,
        board_id: &str,
        params: &BoardParams,
    ) -> AppResult<LeaderboardPage> {
        let board = BOARDS
            .iter()
            .find(|b| b.0 == board_id)
            .ok_or_else(|| AppError::NotFound(format!("There is no leaderboard {board_id:?}.")))?;
        let (period, segment_id) = (params.period, params.segment.as_str());
        let (segment_label, filter) = league(segment_id).ok_or_else(|| {
            AppError::NotFound(format!(
                "The board {board_id:?} has no segment {segment_id:?}."
            ))
        })?;
        let (column, value) = filter.unwrap_or_default();
        let (offset, limit) = (i64::from(params.offset), i64::from(params.limit));
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
            Sql::Text(board_id.to_owned()),
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
        let conn = self.reader()?;
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
                |r| entry(r, &caller.company_id),
            )?
            .collect::<Result<Vec<_>, _>>()?;
        let me = standing(
            &conn,
            &ranked,
            params(&[Sql::Text(caller.company_id.clone())]),
            n + 1,
            board_id,
            period,
        )?;
        Ok(LeaderboardPage {
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
        })
    }
}

/// The partner's entry, the points to the next better rank, and their recent history.
fn standing(
    conn: &Connection,
    ranked: &str,
    params: Vec<Sql>,
    me_param: usize,
    board_id: &str,
    period: Period,
) -> AppResult<Option<MyStanding>> {
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
            |r| Ok((r.get("score")?, r.get("rank")?)),
        )
        .optional()?;
    let mut statement = conn.prepare("SELECT label, score FROM score_history WHERE board_id = ?1 AND period = ?2 AND company_id = ?3 ORDER BY position")?;
    let history = statement
        .query_map(rusqlite::params![board_id, period.as_str(), me], |r| {
            Ok(ScorePoint {
                label: r.get("label")?,
                score: r.get("score")?,
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
