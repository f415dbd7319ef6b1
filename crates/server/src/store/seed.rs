//! Demo data for a believable program, written by the storage layer after the store is opened: companies of every type and country, a demo partner
//! mid-way through onboarding, deals in every status, leaderboards, training, surveys, feedback.
//! Dates are relative to the day the database is created, so the demo always looks current.

use chrono::{DateTime, Utc};
use rusqlite::Transaction;

use super::Store;
use crate::error::AppResult;

pub(super) mod deals;
mod engagement;
mod learning;
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
    engagement::seed_leaderboards(tx, &companies, today, &mut rng)?;
    crate::store::leaderboards::refresh_ranks(tx)?;
    engagement::seed_surveys(tx, today, now)?;
    engagement::seed_feedback(tx, now)?;
    Ok(())
}
