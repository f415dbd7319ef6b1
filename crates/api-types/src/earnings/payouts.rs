//! Payouts (the money actually sent, each with the lines it pays) and what the channel team
//! sends to move a line or record a payout.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::EarningStatus;
use crate::common::Money;
use crate::wire_name::wire_names;

/// Where a payout is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayoutStatus {
    /// Sent by the vendor, not yet in the partner's account.
    InProgress,
    /// Arrived.
    Paid,
}

wire_names!(PayoutStatus {
    InProgress = "in_progress",
    Paid = "paid",
});

/// One payment to the partner, in one currency, with the lines it pays.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Payout {
    /// Stable identifier, e.g. `pay-2026-0007`.
    pub id: String,
    /// Where it is.
    pub status: PayoutStatus,
    /// The sum of its lines, exactly.
    pub amount: Money,
    /// When the vendor sent it.
    #[serde(deserialize_with = "crate::dates::day")]
    pub started_on: NaiveDate,
    /// When it is expected in the partner's account (or arrived).
    #[serde(deserialize_with = "crate::dates::day")]
    pub expected_on: NaiveDate,
    /// When it arrived, once paid.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::optional_day"
    )]
    pub paid_on: Option<NaiveDate>,
    /// The earning lines it pays.
    pub line_ids: Vec<String>,
}

/// `PUT /ops/earnings/{id}`: the channel team moves a line on (approved, released) or
/// declines it with the reason; lines become paid only through a payout.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarningDecision {
    /// `approved`, `available` or `declined`.
    pub status: EarningStatus,
    /// Why, for `declined` (3–500 characters, not all spaces; shown to the partner as written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// When the line is expected to be paid, for `approved`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_payout_on: Option<NaiveDate>,
}

impl EarningDecision {
    /// Characters a decline's reason may have.
    pub const REASON_CHARS: (usize, usize) = (3, 500);

    /// The field the decision gets wrong, with a line moving from `from`: `status` for a step
    /// the line cannot take, `reason` or `expected_payout_on` when missing or out of place.
    pub fn broken_field(&self, from: EarningStatus) -> Option<&'static str> {
        let reason = self.reason.as_deref().unwrap_or("");
        let reason_ok = (Self::REASON_CHARS.0..=Self::REASON_CHARS.1)
            .contains(&reason.chars().count())
            && !reason.trim().is_empty();
        if self.status == EarningStatus::Paid || !from.may_become(self.status) {
            Some("status")
        } else if (self.status == EarningStatus::Declined) != reason_ok {
            Some("reason")
        } else if (self.status == EarningStatus::Approved) != self.expected_payout_on.is_some() {
            Some("expected_payout_on")
        } else {
            None
        }
    }
}

/// `POST /ops/payouts`: pay a partner's released lines of one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPayout {
    /// The partner company.
    pub partner_id: String,
    /// Its `available` lines to pay, all in one currency (1 to 500).
    pub line_ids: Vec<String>,
    /// When the money is expected in the partner's account.
    pub expected_on: NaiveDate,
}

impl NewPayout {
    /// Most lines one payout may pay.
    pub const MAX_LINES: usize = 500;
}

/// `POST /ops/payouts/{id}/arrival`: the day the money reached the partner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayoutArrival {
    /// That day.
    pub paid_on: NaiveDate,
}
