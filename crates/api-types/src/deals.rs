//! Deal registrations: the list, one deal with its timeline, and registering a new one.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::deal_flow::DealStepKind;
use crate::wire_name::wire_names;
use crate::Money;

/// Where a registered deal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DealStatus {
    /// Received, not yet looked at.
    Submitted,
    /// The vendor is checking it.
    UnderReview,
    /// The vendor needs an answer from the partner.
    MoreInfoRequested,
    /// Protected for the partner until the protection expiry.
    Approved,
    /// Not accepted; the timeline says why.
    Rejected,
    /// The customer bought.
    Won,
    /// The customer did not buy.
    Lost,
    /// Protection ran out before the deal closed.
    Expired,
    /// The partner took the registration back.
    Withdrawn,
}

wire_names!(DealStatus {
    Submitted = "submitted",
    UnderReview = "under_review",
    MoreInfoRequested = "more_info_requested",
    Approved = "approved",
    Rejected = "rejected",
    Won = "won",
    Lost = "lost",
    Expired = "expired",
    Withdrawn = "withdrawn",
});

impl DealStatus {
    /// Whether the registration still claims its customer (and so can conflict with others).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Self::Submitted | Self::UnderReview | Self::MoreInfoRequested | Self::Approved
        )
    }
}

/// A deal as listed: enough for a table row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealSummary {
    /// The registration's reference, e.g. `DR-2026-00042`; also its id in URLs.
    pub reference: String,
    /// The customer's company.
    pub customer_company: String,
    /// ISO 3166-1 alpha-2 code of the customer's country.
    pub country: String,
    /// Estimated deal value.
    pub value: Money,
    /// When the partner expects the deal to close.
    #[serde(deserialize_with = "crate::dates::day")]
    pub expected_close_on: NaiveDate,
    /// Where it stands.
    pub status: DealStatus,
    /// Last day of protection, for approved deals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::dates::optional_day")]
    pub protection_expires_on: Option<NaiveDate>,
    /// When anything about the deal last changed.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub updated_at: DateTime<Utc>,
}

/// One deal with everything about it (read in one pass: `flat_readers.rs`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "crate::flat_readers::DealFields")]
pub struct Deal {
    /// The list fields.
    #[serde(flatten)]
    pub summary: DealSummary,
    /// The customer's contact person.
    pub contact: Contact,
    /// Products the deal is for.
    pub products: Vec<String>,
    /// The partner's notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// When it was registered.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub submitted_at: DateTime<Utc>,
    /// Every step, oldest first.
    pub timeline: Vec<DealEvent>,
    /// Only in the answer to its registration: program points it added to the company's score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_earned: Option<u32>,
    /// While the deal is open: what it is expected to earn once won (not shown by the portal yet).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expected_earnings: Vec<crate::earnings::ExpectedEarning>,
}

/// The customer's contact person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Full name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// Phone, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// One step in a deal's life: who did what, when, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealEvent {
    /// What happened.
    pub step: DealStepKind,
    /// The deal's status after it.
    pub status: DealStatus,
    /// When.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub at: DateTime<Utc>,
    /// Who made the change, e.g. "Channel team (Dana Whitfield)".
    pub actor: String,
    /// Why, or what is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The last day of protection the step set or asked for (approval, extensions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::dates::optional_day")]
    pub protection_ends_on: Option<NaiveDate>,
}

/// `POST /deals`: what a partner fills in to register a deal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewDeal {
    /// The customer's company (2–120 characters).
    pub customer_company: String,
    /// The customer's contact person.
    pub contact: Contact,
    /// ISO 3166-1 alpha-2 code of the customer's country.
    pub country: String,
    /// Estimated value; positive.
    pub value: Money,
    /// Expected close; today or later.
    #[serde(deserialize_with = "crate::dates::day")]
    pub expected_close_on: NaiveDate,
    /// Product codes from the catalogue; at least one.
    pub products: Vec<String>,
    /// Anything the vendor should know (at most 2000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// `GET /deals/pipeline`: how many deals, and what value, per status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PipelineStage {
    /// The status.
    pub status: DealStatus,
    /// Deals in it.
    pub count: u64,
    /// Their estimated value, one amount per currency.
    pub value: Vec<Money>,
    /// Their value in the partner's own currency, converted at the program's reference rates
    /// where the deals are in other currencies (whole units); absent when the stage is empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Money>,
    /// How many of these deals wait for the partner (the `needs_you` rule of `GET /deals`);
    /// absent when none do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_you: Option<u64>,
}

/// A product a deal can be registered for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// Code used in registrations, e.g. `NW-CLOUD`.
    pub code: String,
    /// Name.
    pub name: String,
}

/// Countries a deal can be registered in (ISO 3166-1 alpha-2).
pub const COUNTRIES: [&str; 37] = [
    "AE", "AR", "AT", "AU", "BE", "BR", "CA", "CH", "CN", "CZ", "DE", "DK", "ES", "FI", "FR", "GB",
    "HK", "IE", "IL", "IN", "IT", "JP", "KR", "LU", "MX", "NL", "NO", "NZ", "PL", "PT", "SA", "SE",
    "SG", "TR", "TW", "US", "ZA",
];
