//! The signed-in partner user, their company, its tier and engagement.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::wire_name::wire_names;
use crate::Money;

/// How a partner company sells the vendor's products.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartnerType {
    /// Buys and resells; cares about margins and deal protection.
    Reseller,
    /// Managed service provider; cares about recurring revenue and technical training.
    Msp,
    /// Refers customers for a commission.
    Referral,
    /// Sells in volume to resellers.
    Distributor,
}

wire_names!(PartnerType {
    Reseller = "reseller",
    Msp = "msp",
    Referral = "referral",
    Distributor = "distributor",
});

/// The partner's level in the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TierLevel {
    /// Entry level.
    Registered,
    /// Second level.
    Silver,
    /// Third level.
    Gold,
    /// Highest level.
    Platinum,
}

wire_names!(TierLevel {
    Registered = "registered",
    Silver = "silver",
    Gold = "gold",
    Platinum = "platinum",
});

/// What a user may do for their company.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserRole {
    /// Manages the company's people and sees everything.
    Admin,
    /// A sales rep or engineer.
    Member,
}

wire_names!(UserRole {
    Admin = "admin",
    Member = "member",
});

/// `GET /me`: who is signed in and where their company stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    /// The signed-in person.
    pub user: PartnerUser,
    /// Their company.
    pub company: Company,
    /// What the company's current tier gives it.
    #[serde(default)]
    pub tier_benefits: Vec<String>,
    /// The current tier's share of a won deal's value, in basis points (a rebate, or a
    /// commission for referral partners). Not shown by the portal yet.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub rebate_basis_points: u32,
    /// Requirement by requirement progress to the next tier; absent at the top tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_tier: Option<TierProgress>,
    /// How active the company is, with the factors behind the score. The portal shows the
    /// leaderboard's program points instead (one score everywhere), so it does not read this:
    /// skipping it keeps Home's WebAssembly smaller.
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub engagement: Engagement,
}

/// A person at a partner company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerUser {
    /// Stable id.
    pub id: String,
    /// Full name as the person writes it (any script).
    pub name: String,
    /// Work e-mail.
    pub email: String,
    /// What the person may do.
    pub role: UserRole,
}

/// A partner company in the program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    /// Stable id.
    pub id: String,
    /// Registered name.
    pub name: String,
    /// How it sells.
    pub partner_type: PartnerType,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Sales region, e.g. "EMEA".
    pub region: String,
    /// ISO 4217 currency the company reports in.
    pub currency: String,
    /// Current tier.
    pub tier: TierLevel,
    /// Day the company joined the program.
    #[serde(deserialize_with = "crate::dates::day")]
    pub joined_on: NaiveDate,
}

/// Progress to the next tier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TierProgress {
    /// The tier being worked towards.
    pub tier: TierLevel,
    /// Each requirement with current and target numbers.
    pub requirements: Vec<TierRequirement>,
    /// What that tier gives, beyond the current one's.
    #[serde(default)]
    pub benefits: Vec<String>,
    /// That tier's share of a won deal's value, in basis points. Not shown by the portal yet.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub rebate_basis_points: u32,
}

/// One requirement of a tier, e.g. "2 of 3 certified engineers".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TierRequirement {
    /// Stable id.
    pub id: String,
    /// What is required, e.g. "Certified engineers".
    pub label: String,
    /// How far along the company is.
    pub current: Measure,
    /// What the tier needs.
    pub target: Measure,
    /// What will lower `current` soon unless someone acts, in words, when something will:
    /// "Amélie Dubois’s Certified Cloud Associate lapses on 19 Dec 2026: this falls to 1."
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_risk: Option<String>,
}

/// A count or an amount of money. Read by a small reader of its own (`measure.rs`): serde's
/// derive for a tagged enum buffers the whole value first, 8 KB of WebAssembly on Home.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "unit", rename_all = "snake_case")]
pub enum Measure {
    /// People, courses, deals…
    Count {
        /// How many.
        value: u64,
    },
    /// Revenue and other amounts.
    Money {
        /// The amount.
        value: Money,
    },
}

/// The engagement score and the factors it is made of.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Engagement {
    /// Score from 0 to 100.
    pub score: u32,
    /// Change since last month, in points.
    pub change: i32,
    /// What adds up to the score; points sum to `score`.
    pub factors: Vec<EngagementFactor>,
}

/// One part of the engagement score, with a hint on how to raise it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngagementFactor {
    /// Stable id, e.g. `training`.
    pub id: String,
    /// What it counts, e.g. "Training completed".
    pub label: String,
    /// Points earned.
    pub points: u32,
    /// Points possible.
    pub max_points: u32,
    /// How to earn more.
    pub hint: String,
}
