//! Demo data for a believable program, written by the storage layer after the store is opened: companies of every type and country, a demo partner
//! mid-way through onboarding, deals in every status, leaderboards, training, surveys, feedback.
//! Dates are relative to the day the database is created, so the demo always looks current.

use chrono::{DateTime, Utc};
use rusqlite::Transaction;

use super::Store;
use crate::error::AppResult;

pub(super) mod deals;
mod engagement;
mod funds;
mod learning;
mod lumiere;
mod money;
pub(super) mod partners;

/// The demo partner user's session token (the run command's demo mode signs everyone in as them).
pub const DEMO_TOKEN: &str = "demo-token";
/// A user at another partner company, for conflict tests.
pub const OTHER_PARTNER_TOKEN: &str = "sakura-token";
/// The demo partner's company.
pub const DEMO_COMPANY: &str = "c-lumiere";

/// How much data to create.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeedSize {
    /// A few hundred partners and ~100 deals.
    Demo,
    /// 50,000 deals for the demo partner and 20,000 leaderboard entries, for performance work.
    Large,
}

/// Small deterministic generator so every seed is the same.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// How long ago the demo partner joined: six weeks into onboarding. Everything it did is
/// dated from that day.
const JOINED_DAYS_AGO: i64 = 41;

/// Who acts for the vendor in deal timelines and feedback replies.
const VENDOR: &str = "Channel team (Dana Whitfield)";

/// Fills the store with the demo program if it holds no company yet (a first start).
pub fn seed_if_empty(store: &Store, size: SeedSize) -> Result<(), String> {
    store
        .write(|tx| {
            let companies: i64 =
                tx.query_row("SELECT COUNT(*) FROM companies", [], |r| r.get(0))?;
            if companies == 0 {
                seed(tx, size, chrono::Utc::now())?;
            }
            Ok(())
        })
        .map_err(|e| format!("cannot seed: {e:?}"))
}

fn seed(tx: &Transaction, size: SeedSize, now: DateTime<Utc>) -> AppResult<()> {
    let today = now.date_naive();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let companies = partners::seed_companies(tx, size, today, &mut rng)?;
    partners::seed_tiers(tx)?;
    deals::seed_products(tx)?;
    partners::seed_users(tx)?;
    learning::seed_onboarding(tx, today)?;
    learning::seed_training(tx, today)?;
    deals::seed_deals(tx, size, now, &mut rng)?;
    engagement::seed_surveys(tx, today, now)?;
    engagement::seed_feedback(tx, now)?;
    replay_observed(tx, now)?;
    money::seed_money(tx, now)?;
    funds::seed_funds(tx, now)?;
    engagement::seed_leaderboards(tx, &companies, now, &mut rng)?;
    crate::store::leaderboards::refresh_ranks(tx)?;
    Ok(())
}

/// Walks the demo partner's events in the order they happened through the same
/// `onboarding::observe` as live activity, so the steps that complete themselves are done on
/// the day they would have been.
fn replay_observed(tx: &Transaction, now: DateTime<Utc>) -> AppResult<()> {
    use crate::store::onboarding::{observe, Observed};
    let at = |text: String| -> AppResult<DateTime<Utc>> { crate::store::parse_text(&text) };
    let rows = |sql: &str| -> AppResult<Vec<(String, String)>> {
        let mut statement = tx.prepare(sql)?;
        let found = statement
            .query_map([DEMO_COMPANY], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(found)
    };
    let mut events: Vec<(DateTime<Utc>, Observed, String)> = Vec::new();
    for (when, _) in rows("SELECT submitted_at, reference FROM deals WHERE company_id = ?1")? {
        events.push((at(when)?, Observed::DealRegistered, String::new()));
    }
    for (when, _) in rows(
        "SELECT e.at, d.reference FROM deal_events e JOIN deals d ON d.seq = e.deal_seq
         WHERE d.company_id = ?1 AND e.status = 'won'",
    )? {
        events.push((at(when)?, Observed::DealWon, String::new()));
    }
    for (day, _) in rows(
        "SELECT c.earned_on, c.id FROM certifications c JOIN users u ON u.id = c.user_id
         WHERE u.company_id = ?1 AND c.earned_on IS NOT NULL",
    )? {
        events.push((
            at(format!("{day}T12:00:00Z"))?,
            Observed::CertificationEarned,
            String::new(),
        ));
    }
    for (when, survey) in rows(
        "SELECT r.submitted_at, r.survey_id FROM survey_responses r JOIN users u ON u.id = r.user_id
         WHERE u.company_id = ?1",
    )? {
        events.push((at(when)?, Observed::CertificationEarned, survey));
    }
    events.sort_by_key(|e| e.0);
    let joined = (now.date_naive() - chrono::Duration::days(JOINED_DAYS_AGO))
        .and_time(chrono::NaiveTime::MIN)
        .and_utc();
    for (when, what, survey) in &events {
        // What a partner did before joining (a certification it brought) completes nothing.
        if *when < joined {
            continue;
        }
        let what = if survey.is_empty() {
            *what
        } else {
            Observed::SurveyAnswered(survey)
        };
        observe(tx, DEMO_COMPANY, what, (*when).min(now))?;
    }
    Ok(())
}
