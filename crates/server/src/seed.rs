//! Demo data for a believable program: companies of every type and country, a demo partner
//! mid-way through onboarding, deals in every status, leaderboards, training, surveys, feedback.
//! Dates are relative to the day the database is created, so the demo always looks current.

use chrono::{DateTime, Utc};
use rusqlite::Transaction;

mod deals;
mod engagement;
mod learning;
mod partners;

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

/// Fills an empty database.
pub fn seed(tx: &Transaction, size: SeedSize, now: DateTime<Utc>) -> rusqlite::Result<()> {
    let today = now.date_naive();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let companies = partners::seed_companies(tx, size, today, &mut rng)?;
    partners::seed_users(tx)?;
    learning::seed_onboarding(tx, today)?;
    learning::seed_training(tx, today)?;
    deals::seed_deals(tx, size, now, &mut rng)?;
    engagement::seed_leaderboards(tx, &companies, today, &mut rng)?;
    engagement::seed_surveys(tx, today, now)?;
    engagement::seed_feedback(tx, now)
}

/// Normalises a company name for conflict checks: case, accents-as-written and punctuation ignored.
pub fn customer_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// RFC 3339 in UTC with seconds, as stored and sent.
pub fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
