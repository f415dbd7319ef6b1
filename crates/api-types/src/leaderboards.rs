//! Leaderboards that count engagement as well as revenue.

use crate::wire_name::wire_names;
use serde::{Deserialize, Serialize};

/// What a board ranks by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// Engagement points (training, certifications, feedback, deals).
    EngagementPoints,
    /// Certifications earned by the company's people.
    CertificationsEarned,
    /// Value of registered deals, in the board's currency.
    RegisteredRevenue,
}

wire_names!(Metric {
    EngagementPoints = "engagement_points",
    CertificationsEarned = "certifications_earned",
    RegisteredRevenue = "registered_revenue",
});

/// The time span a board covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// This calendar month.
    Month,
    /// This calendar quarter.
    Quarter,
    /// Since joining.
    AllTime,
}

wire_names!(Period {
    Month = "month",
    Quarter = "quarter",
    AllTime = "all_time",
});

/// A league partners can be compared within, e.g. "EMEA" or "MSPs".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Stable id used in queries: `all`, `region:EMEA`, `type:msp`, `tier:gold`.
    pub id: String,
    /// Label, e.g. "MSPs".
    pub label: String,
}

/// `GET /leaderboards`: a board on offer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    /// Stable id used in URLs.
    pub id: String,
    /// Name, e.g. "Program points".
    pub name: String,
    /// What it ranks by.
    pub metric: Metric,
    /// What it is for, in a sentence.
    pub description: String,
    /// Periods it can be viewed for (the portal offers the contract's three, so does not read
    /// this).
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub periods: Vec<Period>,
    /// Leagues it can be narrowed to; the first is everyone.
    pub segments: Vec<Segment>,
}

/// One ranked partner. Equal scores share a rank and the next rank skips ("1, 2, 2, 4").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderboardEntry {
    /// Rank; equal scores share it.
    pub rank: u32,
    /// The partner company's id.
    pub partner_id: String,
    /// Name shown on the board.
    pub display_name: String,
    /// Score in the board's metric (revenue in whole units of the board's currency).
    pub score: u64,
    /// Rank change since the previous period: positive moved up; absent if new.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank_change: Option<i32>,
    /// Badge names to show.
    pub badges: Vec<String>,
    /// Whether this is the signed-in partner.
    pub is_me: bool,
}

/// The signed-in partner's place, always present even when off the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyStanding {
    /// Their entry.
    pub entry: LeaderboardEntry,
    /// Points needed to reach the next better rank; absent at rank 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_to_next_rank: Option<u64>,
    /// The rank those points would reach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_rank: Option<u32>,
    /// Their score over recent periods, oldest first.
    pub history: Vec<ScorePoint>,
}

/// A score at the end of a past period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScorePoint {
    /// Period label, e.g. "2026-08".
    pub label: String,
    /// Score then.
    pub score: u64,
}

/// `GET /leaderboards/{id}`: one page of a board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderboardPage {
    /// The board.
    pub board_id: String,
    /// Period shown.
    pub period: Period,
    /// Segment shown.
    pub segment: Segment,
    /// Entries of this page, best first.
    pub entries: Vec<LeaderboardEntry>,
    /// Position of the first entry in the whole board (0-based).
    pub offset: u32,
    /// Entries in the whole board (segment and period applied).
    pub total: u32,
    /// The signed-in partner's standing; absent if not in this segment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub me: Option<MyStanding>,
}
