//! Leaderboards: the boards and leagues on offer, and ranked pages with the caller's standing.
//! Ranking is standard competition ranking: equal scores share a rank ("1, 2, 2, 4"), and ties
//! are listed by display name.

use api_types::{
    Board, BoardParams, LeaderboardEntry, LeaderboardPage, Metric, MyStanding, Period, ScorePoint,
    Segment,
};
use rusqlite::{Connection, OptionalExtension, Row};

use super::{Caller, Store};
use reposition::{enter, leave, reposition};

mod reposition;
use crate::error::{AppError, AppResult};

/// A board: (id, name, metric, description).
pub type BoardSpec = (&'static str, &'static str, Metric, &'static str);

/// The boards on offer.
pub const BOARDS: [BoardSpec; 3] = [
    ("engagement", "Program points", Metric::EngagementPoints, "10 points for each deal registered, 20 for a course completed, 30 for a certification earned, 10 for a survey answered and 5 for feedback: every partner can climb this one."),
    ("certifications", "Certified teams", Metric::CertificationsEarned, "Certifications earned by your people."),
    ("revenue", "Registered revenue", Metric::RegisteredRevenue, "Value of registered deals, in US dollars at the program's reference rates."),
];

/// What each thing a partner does adds to the engagement board (its points, not the 0–100
/// engagement score of `/me`, which `program` works out from the same events).
pub mod points {
    /// A deal registered.
    pub const DEAL_REGISTERED: i64 = 10;
    /// A course completed.
    pub const COURSE_COMPLETED: i64 = 20;
    /// A certification earned.
    pub const CERTIFICATION: i64 = 30;
    /// Feedback sent.
    pub const FEEDBACK: i64 = 5;
    /// A survey answered.
    pub const SURVEY: i64 = 10;
}

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
        let conn = self.reader()?;
        let own_league = || -> AppResult<String> {
            let kind: String = conn.query_row(
                "SELECT partner_type FROM companies WHERE id = ?1",
                [&caller.company_id],
                |r| r.get(0),
            )?;
            Ok(format!("type:{kind}"))
        };
        let segment_id = match &params.segment {
            Some(segment) => segment.clone(),
            None => own_league()?,
        };
        let (period, segment_id) = (params.period, segment_id.as_str());
        let (segment_label, _) = league(segment_id).ok_or_else(|| {
            AppError::NotFound(format!(
                "The board {board_id:?} has no segment {segment_id:?}."
            ))
        })?;
        let (offset, limit) = (i64::from(params.offset), i64::from(params.limit));
        let key = [board_id, period.as_str(), segment_id];
        let total: u32 = conn.query_row(
            "SELECT COUNT(*) FROM ranks WHERE board_id = ?1 AND period = ?2 AND segment = ?3",
            key,
            |r| r.get(0),
        )?;
        let mut statement = conn.prepare_cached(&format!(
            "{RANKED} SELECT * FROM ranked ORDER BY position LIMIT ?4 OFFSET ?5"
        ))?;
        let entries = statement
            .query_map(
                rusqlite::params![key[0], key[1], key[2], limit, offset],
                |r| entry(r, &caller.company_id),
            )?
            .collect::<Result<Vec<_>, _>>()?;
        let me = standing(&conn, key, &caller.company_id)?;
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

/// One board, period and league's entries in rank order (`?1`, `?2`, `?3`), read from the
/// ranks [`refresh_ranks`] keeps, so a page is an index range, not a ranking of every score.
const RANKED: &str = "WITH ranked AS (
    SELECT r.company_id, c.name, s.score, r.rank, r.previous_rank, r.position, s.badges_json
    FROM ranks r
    JOIN scores s ON s.board_id = r.board_id AND s.period = r.period AND s.company_id = r.company_id
    JOIN companies c ON c.id = r.company_id
    WHERE r.board_id = ?1 AND r.period = ?2 AND r.segment = ?3)";

/// Ranks every board, period and league afresh from the scores: standard competition ranking
/// ("1, 2, 2, 4"), the previous period's rank, and the listing position (ties by name).
/// Run after seeding or an upgrade; events re-rank only what they touch ([`add_points`]).
/// Ranked here rather than by SQL window functions: one read and one sort per league is about
/// five times faster on the large seed.
pub fn refresh_ranks(conn: &Connection) -> AppResult<()> {
    rank(conn, None)
}

/// Adds `delta` to `company`'s score on `board` in every period (never below zero), then ranks
/// again the leagues the company is in on that board: as events arrive, not per request.
pub fn add_points(conn: &Connection, company: &str, board: &str, delta: i64) -> AppResult<()> {
    if delta == 0 {
        return Ok(());
    }
    for period in Period::ALL {
        conn.execute(
            "INSERT INTO scores (board_id, period, company_id, score) VALUES (?1, ?2, ?3, MAX(?4, 0))
             ON CONFLICT (board_id, period, company_id) DO UPDATE SET score = MAX(score + ?4, 0)",
            rusqlite::params![board, period.as_str(), company, delta],
        )?;
    }
    let Some(segments) = leagues_now(conn, company)? else {
        return Err(AppError::Internal(format!(
            "no partner {company:?} to score"
        )));
    };
    for period in Period::ALL {
        for segment in &segments {
            if !reposition(conn, (board, period.as_str(), segment), company)? {
                // A partner not ranked yet: rank its leagues afresh, once.
                return rank(conn, Some((board, company)));
            }
        }
    }
    Ok(())
}

/// The leagues a partner with this region, type and tier is in.
fn leagues_of(region: &str, partner_type: &str, tier: &str) -> [String; 4] {
    [
        EVERYONE.0.to_owned(),
        format!("region:{region}"),
        format!("type:{partner_type}"),
        format!("tier:{tier}"),
    ]
}

/// Puts a partner on every board (score 0 where it has none), in the leagues of its region,
/// type and tier; `was` names the leagues it was in before a change, which it leaves.
pub fn place_partner(conn: &Connection, company: &str, was: Option<[String; 4]>) -> AppResult<()> {
    let Some(now) = leagues_now(conn, company)? else {
        return Err(AppError::Internal(format!(
            "no partner {company:?} to place"
        )));
    };
    for (board, ..) in BOARDS {
        for period in Period::ALL {
            conn.execute(
                "INSERT OR IGNORE INTO scores (board_id, period, company_id, score) VALUES (?1, ?2, ?3, 0)",
                rusqlite::params![board, period.as_str(), company],
            )?;
            for (i, segment) in now.iter().enumerate() {
                let league = (board, period.as_str(), segment.as_str());
                match &was {
                    // Still in it: a new name may reorder it among equal scores.
                    Some(before) if before[i] == *segment => {
                        reposition(conn, league, company)?;
                    }
                    Some(before) => {
                        leave(conn, (board, period.as_str(), before[i].as_str()), company)?;
                        enter(conn, league, company)?;
                    }
                    None => enter(conn, league, company)?,
                }
            }
        }
    }
    Ok(())
}

/// The leagues `company` is in now, to pass to [`place_partner`] after changing it.
pub fn leagues_now(conn: &Connection, company: &str) -> AppResult<Option<[String; 4]>> {
    Ok(conn
        .query_row(
            "SELECT region, partner_type, tier FROM companies WHERE id = ?1",
            [company],
            |r| {
                Ok(leagues_of(
                    &r.get::<_, String>(0)?,
                    &r.get::<_, String>(1)?,
                    &r.get::<_, String>(2)?,
                ))
            },
        )
        .optional()?)
}

/// Ranks every group, or with `only = (board, company)` the groups of that board holding that
/// company (every period; everyone, its region, type and tier).
fn rank(conn: &Connection, only: Option<(&str, &str)>) -> AppResult<()> {
    struct Score {
        board: String,
        period: String,
        company: String,
        name: String,
        score: i64,
        previous: Option<i64>,
        leagues: [String; 3],
    }
    let leagues_of: Option<[String; 3]> = match only {
        Some((_, company)) => Some(conn.query_row(
            "SELECT region, partner_type, tier FROM companies WHERE id = ?1",
            [company],
            |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?]),
        )?),
        None => None,
    };
    let mut statement = conn.prepare(
        "SELECT s.board_id, s.period, s.company_id, c.name, s.score, s.previous_score,
                c.region, c.partner_type, c.tier
         FROM scores s JOIN companies c ON c.id = s.company_id
         WHERE ?1 IS NULL OR s.board_id = ?1",
    )?;
    let scores = statement
        .query_map([only.map(|(board, _)| board)], |r| {
            Ok(Score {
                board: r.get(0)?,
                period: r.get(1)?,
                company: r.get(2)?,
                name: r.get(3)?,
                score: r.get(4)?,
                previous: r.get(5)?,
                leagues: [r.get(6)?, r.get(7)?, r.get(8)?],
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    // Every (board, period, league) group, as indexes into `scores`.
    let mut groups: std::collections::HashMap<(&str, &str, String), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, s) in scores.iter().enumerate() {
        let mut add = |segment: String| {
            groups
                .entry((s.board.as_str(), s.period.as_str(), segment))
                .or_default()
                .push(i)
        };
        add(EVERYONE.0.to_owned());
        for (((prefix, _, _), value), wanted) in LEAGUES.iter().zip(&s.leagues).zip(0..) {
            // A partial ranking keeps only the company's own leagues.
            if leagues_of.as_ref().is_none_or(|own| own[wanted] == *value) {
                add(format!("{prefix}:{value}"));
            }
        }
    }
    let mut delete = conn.prepare_cached(
        "DELETE FROM ranks WHERE (?1 IS NULL OR (board_id = ?1 AND period = ?2 AND segment = ?3))",
    )?;
    if only.is_none() {
        delete.execute(rusqlite::params![
            None::<String>,
            None::<String>,
            None::<String>
        ])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO ranks (board_id, period, segment, company_id, rank, previous_rank, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for ((board, period, segment), mut members) in groups {
        if only.is_some() {
            delete.execute(rusqlite::params![board, period, segment])?;
        }
        // Previous ranks: competition ranking of the previous scores; none without one.
        let mut by_previous: Vec<i64> =
            members.iter().filter_map(|&i| scores[i].previous).collect();
        by_previous.sort_unstable_by(|a, b| b.cmp(a));
        let previous_rank =
            |previous: i64| by_previous.partition_point(|&p| p > previous) as i64 + 1;
        members.sort_by(|&a, &b| {
            let (a, b) = (&scores[a], &scores[b]);
            b.score
                .cmp(&a.score)
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.company.cmp(&b.company))
        });
        let mut rank = 0;
        for (position, &i) in members.iter().enumerate() {
            let s = &scores[i];
            if position == 0 || scores[members[position - 1]].score != s.score {
                rank = position as i64 + 1;
            }
            insert.execute(rusqlite::params![
                board,
                period,
                segment,
                s.company,
                rank,
                s.previous.map(previous_rank),
                position as i64 + 1
            ])?;
        }
    }
    Ok(())
}

/// The partner's entry, the points to the next better rank, and their recent history.
fn standing(conn: &Connection, key: [&str; 3], me: &str) -> AppResult<Option<MyStanding>> {
    let entry = conn
        .prepare_cached(&format!(
            "{RANKED} SELECT * FROM ranked WHERE company_id = ?4"
        ))?
        .query_row(rusqlite::params![key[0], key[1], key[2], me], |r| {
            Ok((entry(r, me)?, r.get::<_, i64>("position")?))
        })
        .optional()?;
    let Some((entry, position)) = entry else {
        return Ok(None);
    };
    let next: Option<(u64, u32)> = conn
        .prepare_cached(&format!(
            "{RANKED} SELECT score, rank FROM ranked WHERE position < ?4 AND rank < ?5
             ORDER BY position DESC LIMIT 1"
        ))?
        .query_row(
            rusqlite::params![key[0], key[1], key[2], position, entry.rank],
            |r| Ok((r.get("score")?, r.get("rank")?)),
        )
        .optional()?;
    let mut statement = conn.prepare_cached("SELECT label, score FROM score_history WHERE board_id = ?1 AND period = ?2 AND company_id = ?3 ORDER BY position")?;
    let history = statement
        .query_map(rusqlite::params![key[0], key[1], me], |r| {
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
