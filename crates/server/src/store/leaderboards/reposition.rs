//! Keeping one league's ranking up to date when one partner's score changes, without ranking
//! the league again: find the partner's new place by binary search over the positions, shift
//! the rows in between by one, and correct the ranks from there while ties last. A board of
//! 20,000 partners takes a few dozen row reads for a typical event.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::AppResult;

/// A league of one board in one period: (board, period, segment).
pub type League<'a> = (&'a str, &'a str, &'a str);

/// What orders a row: higher score first, then name, then id.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Key {
    score: i64,
    name: String,
    company: String,
}

impl Key {
    /// Whether `self` is listed before `other`.
    fn before(&self, other: &Key) -> bool {
        (std::cmp::Reverse(self.score), &self.name, &self.company)
            < (std::cmp::Reverse(other.score), &other.name, &other.company)
    }
}

/// The row at `position`, with its current score.
fn at(conn: &Connection, league: League, position: i64) -> AppResult<Option<Key>> {
    Ok(conn
        .prepare_cached(
            "SELECT r.company_id, s.score, c.name FROM ranks r
             JOIN scores s ON s.board_id = r.board_id AND s.period = r.period AND s.company_id = r.company_id
             JOIN companies c ON c.id = r.company_id
             WHERE r.board_id = ?1 AND r.period = ?2 AND r.segment = ?3 AND r.position = ?4",
        )?
        .query_row(params![league.0, league.1, league.2, position], |r| {
            Ok(Key {
                company: r.get(0)?,
                score: r.get(1)?,
                name: r.get(2)?,
            })
        })
        .optional()?)
}

/// Moves `company` to where its current score places it in `league`, fixing the positions and
/// ranks of the rows it passes; `false` when the company is not in that league yet.
pub fn reposition(conn: &Connection, league: League, company: &str) -> AppResult<bool> {
    let (board, period, segment) = league;
    let found: Option<(i64, i64)> = conn
        .prepare_cached(
            "SELECT position, (SELECT MAX(position) FROM ranks WHERE board_id = ?1 AND period = ?2 AND segment = ?3)
             FROM ranks WHERE board_id = ?1 AND period = ?2 AND segment = ?3 AND company_id = ?4",
        )?
        .query_row(params![board, period, segment, company], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((old, size)) = found else {
        return Ok(false);
    };
    let Some(me) = at(conn, league, old)? else {
        return Ok(false);
    };
    // Positions run 1..=size. The others, in order, are those without `old`: the i-th (0-based) sits at
    // i + 1 before `old` and at i + 2 after it. Count those listed before the partner now.
    let position_of = |i: i64| if i + 1 < old { i + 1 } else { i + 2 };
    let (mut low, mut high) = (0, size - 1);
    while low < high {
        let middle = (low + high) / 2;
        match at(conn, league, position_of(middle))? {
            Some(other) if other.before(&me) => low = middle + 1,
            _ => high = middle,
        }
    }
    let new = low + 1;
    if new != old {
        // Positions are the key: park the moving rows at negative positions, then bring them back.
        let (from, to, step) = if new < old {
            (new, old - 1, 1)
        } else {
            (old + 1, new, -1)
        };
        conn.prepare_cached(
            "UPDATE ranks SET position = -(position + ?5)
             WHERE board_id = ?1 AND period = ?2 AND segment = ?3 AND position BETWEEN ?4 AND ?6",
        )?
        .execute(params![board, period, segment, from, step, to])?;
        conn.prepare_cached(
            "UPDATE ranks SET position = ?5 WHERE board_id = ?1 AND period = ?2 AND segment = ?3 AND company_id = ?4",
        )?
        .execute(params![board, period, segment, company, new])?;
        conn.prepare_cached(
            "UPDATE ranks SET position = -position WHERE board_id = ?1 AND period = ?2 AND segment = ?3 AND position < 0",
        )?
        .execute(params![board, period, segment])?;
    }
    fix_ranks(conn, league, new.min(old), new.max(old))?;
    Ok(true)
}

/// Sets ranks from `from` through `through` (positions just moved), and on past them while a
/// stored rank is wrong: a row tied with the one before shares its rank, others rank at their
/// position.
fn fix_ranks(conn: &Connection, league: League, from: i64, through: i64) -> AppResult<()> {
    let (board, period, segment) = league;
    let mut position = from;
    let mut previous = match position {
        1 => None,
        p => match at(conn, league, p - 1)? {
            Some(key) => Some((key.score, rank_at(conn, league, p - 1)?)),
            None => None,
        },
    };
    let mut set_rank = conn.prepare_cached(
        "UPDATE ranks SET rank = ?5 WHERE board_id = ?1 AND period = ?2 AND segment = ?3 AND position = ?4",
    )?;
    while let Some(row) = at(conn, league, position)? {
        let rank = match previous {
            Some((score, rank)) if score == row.score => rank,
            _ => position,
        };
        // Past the moved span, positions stand; stop at the first rank that is already right.
        if position > through && rank_at(conn, league, position)? == rank {
            break;
        }
        set_rank.execute(params![board, period, segment, position, rank])?;
        previous = Some((row.score, rank));
        position += 1;
    }
    Ok(())
}

/// Adds `company` (with a score on the board) to `league`: at the end, then where it belongs.
pub fn enter(conn: &Connection, league: League, company: &str) -> AppResult<()> {
    let (board, period, segment) = league;
    conn.prepare_cached(
        "INSERT INTO ranks (board_id, period, segment, company_id, rank, position)
         SELECT ?1, ?2, ?3, ?4, n, n FROM (SELECT COALESCE(MAX(position), 0) + 1 AS n FROM ranks
           WHERE board_id = ?1 AND period = ?2 AND segment = ?3)",
    )?
    .execute(params![board, period, segment, company])?;
    reposition(conn, league, company).map(|_| ())
}

/// Takes `company` out of `league`, closing the gap it leaves.
pub fn leave(conn: &Connection, league: League, company: &str) -> AppResult<()> {
    let (board, period, segment) = league;
    let position: Option<i64> = conn
        .prepare_cached(
            "DELETE FROM ranks WHERE board_id = ?1 AND period = ?2 AND segment = ?3 AND company_id = ?4
             RETURNING position",
        )?
        .query_row(params![board, period, segment, company], |r| r.get(0))
        .optional()?;
    let Some(position) = position else {
        return Ok(());
    };
    conn.prepare_cached(
        "UPDATE ranks SET position = -(position - 1) WHERE board_id = ?1 AND period = ?2 AND segment = ?3 AND position > ?4",
    )?
    .execute(params![board, period, segment, position])?;
    conn.prepare_cached(
        "UPDATE ranks SET position = -position WHERE board_id = ?1 AND period = ?2 AND segment = ?3 AND position < 0",
    )?
    .execute(params![board, period, segment])?;
    // Groups of equal scores that began after the place left begin one earlier; the partner's
    // own group (and any before it) still begins where it did.
    conn.prepare_cached(
        "UPDATE ranks SET rank = rank - 1
         WHERE board_id = ?1 AND period = ?2 AND segment = ?3 AND position >= ?4 AND rank > ?4",
    )?
    .execute(params![board, period, segment, position])?;
    Ok(())
}

fn rank_at(conn: &Connection, league: League, position: i64) -> AppResult<i64> {
    Ok(conn
        .prepare_cached(
            "SELECT rank FROM ranks WHERE board_id = ?1 AND period = ?2 AND segment = ?3 AND position = ?4",
        )?
        .query_row(params![league.0, league.1, league.2, position], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use crate::store::leaderboards::{add_points, refresh_ranks};
    use crate::store::seed::{seed_if_empty, SeedSize};
    use crate::store::Store;

    fn ranks(store: &Store) -> Vec<(String, String, String, i64, String, i64)> {
        let conn = store.conn().unwrap();
        let mut statement = conn
            .prepare("SELECT board_id, period, segment, position, company_id, rank FROM ranks ORDER BY 1, 2, 3, 4")
            .unwrap();
        statement
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn moving_one_partner_at_a_time_ranks_exactly_like_ranking_everything_again() {
        let store = Store::in_memory().unwrap();
        seed_if_empty(&store, SeedSize::Demo).unwrap();
        let companies: Vec<String> = {
            let conn = store.conn().unwrap();
            let mut statement = conn
                .prepare("SELECT id FROM companies ORDER BY id")
                .unwrap();
            statement
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        // Up and down, into ties (steps of 10 on scores rounded to 10) and to zero.
        let deltas = [10, -10, 250, -40, 30, 5000, -5000, 20, -999_999, 60];
        for (i, delta) in deltas.iter().cycle().take(150).enumerate() {
            let company = &companies[(i * 37 + i / 7) % companies.len()];
            let board = ["engagement", "certifications", "revenue"][i % 3];
            store
                .write(|tx| add_points(tx, company, board, *delta))
                .unwrap();
        }
        // A partner changing tier and region, and a new one, leave and enter leagues.
        let changed = |tier, region: &str| api_types::NewPartner {
            name: "Zeta Moved SARL".into(),
            partner_type: api_types::PartnerType::Msp,
            country: "FR".into(),
            region: region.into(),
            currency: "EUR".into(),
            tier,
        };
        let moved = &companies[3];
        same_as_ranked_again(&store, "points added");
        store
            .write(|tx| {
                crate::store::partners::put_partner(
                    tx,
                    moved,
                    &changed(api_types::TierLevel::Platinum, "APAC"),
                    "2026-11-24",
                )
            })
            .unwrap();
        same_as_ranked_again(&store, "a partner changed tier, region and name");
        store
            .write(|tx| {
                crate::store::partners::put_partner(
                    tx,
                    "c-new",
                    &changed(api_types::TierLevel::Registered, "EMEA"),
                    "2026-11-24",
                )?;
                add_points(tx, "c-new", "engagement", 40)
            })
            .unwrap();
        same_as_ranked_again(&store, "a new partner");
    }

    #[test]
    fn leaving_and_entering_a_league_closes_and_opens_a_place() {
        let store = Store::in_memory().unwrap();
        seed_if_empty(&store, SeedSize::Demo).unwrap();
        let league = ("certifications", "quarter", "region:EMEA");
        for company in ["c-lumiere", "c-gen-00050", "c-gen-00148"] {
            store.write(|tx| super::leave(tx, league, company)).unwrap();
            store.write(|tx| super::enter(tx, league, company)).unwrap();
            same_as_ranked_again(&store, &format!("{company} left and came back"));
        }
    }

    /// The ranks as they are equal the ranks after ranking everything again.
    fn same_as_ranked_again(store: &Store, after: &str) {
        let moved = ranks(&store);
        store.write(|tx| refresh_ranks(tx)).unwrap();
        let fresh = ranks(&store);
        let first = moved.iter().zip(&fresh).position(|(a, b)| a != b);
        if let Some(i) = first {
            for j in i.saturating_sub(4)..(i + 3).min(moved.len()) {
                eprintln!("{:?} | {:?}", moved[j], fresh[j]);
            }
        }
        assert_eq!(
            first.map(|i| (&moved[i], &fresh[i])),
            None,
            "the first row that differs after {after}"
        );
        assert_eq!(moved.len(), fresh.len());
    }
}
