//! What a partner earns: every rebate, commission, SPIFF and certification bonus is one line
//! with a status, and the totals are worked out from the lines, per currency, in whole minor
//! units — so they reconcile exactly with what the partner sees line by line. Payouts and the
//! channel team's decisions are in `payouts`, the list's parameters in `params`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::common::{currency_digits, Money};
use crate::wire_name::wire_names;

mod params;
mod payouts;

pub use params::{EarningSort, EarningSortKey, EarningsParams};
pub use payouts::{EarningDecision, NewPayout, Payout, PayoutArrival, PayoutStatus};

/// What a line of earnings is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EarningKind {
    /// A share of a won deal's value, by the partner's tier.
    Rebate,
    /// A commission on a referral or a resold deal.
    Commission,
    /// A sales incentive for a product in a set period.
    Spiff,
    /// A bonus for a certification earned.
    CertificationBonus,
}

wire_names!(EarningKind {
    Rebate = "rebate",
    Commission = "commission",
    Spiff = "spiff",
    CertificationBonus = "certification_bonus",
});

/// Where a line of earnings is on its way to the partner's account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EarningStatus {
    /// Earned, waiting for the channel team's approval.
    Pending,
    /// Approved, to be released on its payout date.
    Approved,
    /// Released: paid with the next payout (it names the payout once one is under way).
    Available,
    /// Paid out (the line names its payout).
    Paid,
    /// Refused, always with the reason.
    Declined,
}

wire_names!(EarningStatus {
    Pending = "pending",
    Approved = "approved",
    Available = "available",
    Paid = "paid",
    Declined = "declined",
});

impl EarningStatus {
    /// Whether the channel team may move a line from `self` to `next`: forward one step at a
    /// time, or declined before it is paid.
    pub fn may_become(self, next: Self) -> bool {
        use EarningStatus::*;
        matches!(
            (self, next),
            (Pending, Approved)
                | (Approved, Available)
                | (Available, Paid)
                | (Pending | Approved | Available, Declined)
        )
    }
}

/// One line of earnings, tied to the deal, program or certificate it is for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EarningLine {
    /// Stable identifier, e.g. `ern-2026-0042`.
    pub id: String,
    /// What it is for.
    pub kind: EarningKind,
    /// Where it is.
    pub status: EarningStatus,
    /// How much, in whole minor units (never a float).
    pub amount: Money,
    /// What it was earned for, in words: the deal's customer, the certification's name, or
    /// the incentive's program.
    pub description: String,
    /// The deal it was earned on, for rebates and commissions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The program or promotion, for SPIFFs ("Q4 firewall push").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
    /// The certificate, for certification bonuses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_id: Option<String>,
    /// When it was earned.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub earned_at: DateTime<Utc>,
    /// When it is expected to be paid, once approved.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::optional_day"
    )]
    pub expected_payout_on: Option<NaiveDate>,
    /// The payout that pays it: under way while `available`, done once `paid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_id: Option<String>,
    /// Why it was declined (display text, in the backend's language), only when declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_reason: Option<String>,
}

/// What an open deal is expected to earn once won, at the partner's tier today: its share and
/// each incentive its products qualify for, worked out as a won deal's lines are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedEarning {
    /// A rebate or commission, or a SPIFF.
    pub kind: EarningKind,
    /// The incentive's program, for SPIFFs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
    /// How much, in the deal's currency.
    pub amount: Money,
}

/// A rule of the contract a line of earnings breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EarningRuleBroken {
    /// The amount is zero or negative.
    AmountNotPositive,
    /// The currency is not one the program trades in.
    UnknownCurrency,
    /// A declined line without a reason, or a reason on a line that is not declined.
    ReasonMismatch,
    /// A paid line without its payout, or a payout on a line not yet released.
    PayoutMismatch,
    /// Not tied to what it was earned for (a deal, a program or a certificate, by kind).
    Untied,
}

impl EarningLine {
    /// Every rule the line breaks, in a fixed order (empty when it keeps them all).
    pub fn broken_rules(&self) -> Vec<EarningRuleBroken> {
        use EarningRuleBroken::*;
        let has = |text: &Option<String>| text.as_deref().is_some_and(|t| !t.trim().is_empty());
        let mut broken = Vec::new();
        if self.amount.amount_minor <= 0 {
            broken.push(AmountNotPositive);
        }
        if currency_digits(&self.amount.currency).is_none() {
            broken.push(UnknownCurrency);
        }
        if has(&self.declined_reason) != (self.status == EarningStatus::Declined) {
            broken.push(ReasonMismatch);
        }
        let payout_allowed = matches!(self.status, EarningStatus::Available | EarningStatus::Paid);
        if (self.status == EarningStatus::Paid && !has(&self.payout_id))
            || (self.payout_id.is_some() && !payout_allowed)
        {
            broken.push(PayoutMismatch);
        }
        let tied = match self.kind {
            EarningKind::Rebate | EarningKind::Commission => has(&self.deal_id),
            EarningKind::Spiff => has(&self.program),
            EarningKind::CertificationBonus => has(&self.certificate_id),
        };
        if !tied {
            broken.push(Untied);
        }
        broken
    }
}

/// `GET /earnings`: a page of the lines that match the filters, the totals per currency of
/// every line that matches (all pages), which the lines add up to exactly, and the payouts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EarningsReport {
    /// This page's lines, in the requested order.
    pub lines: Vec<EarningLine>,
    /// The sums of every matching line, per currency in code order ([`totals`]).
    pub totals: Vec<CurrencyTotals>,
    /// How many lines match in all.
    pub total: u64,
    /// Opaque cursor for the next page; absent on the last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    /// Every payout of the company, newest first, whatever the filters (one read for the page).
    pub payouts: Vec<Payout>,
}

/// The sums of one currency's lines by status, in whole minor units.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrencyTotals {
    /// ISO 4217 code.
    pub currency: String,
    /// Pending lines.
    pub pending_minor: i64,
    /// Approved lines.
    pub approved_minor: i64,
    /// Available lines.
    pub available_minor: i64,
    /// Paid lines.
    pub paid_minor: i64,
    /// Declined lines (shown, never added to what the partner gets).
    pub declined_minor: i64,
}

/// The totals of `lines` per currency, in the order each currency first appears; `None` if a
/// sum would overflow (it never does with real amounts; a malicious list must not wrap).
pub fn totals(lines: &[EarningLine]) -> Option<Vec<CurrencyTotals>> {
    let mut out: Vec<CurrencyTotals> = Vec::new();
    for line in lines {
        let index = match out.iter().position(|t| t.currency == line.amount.currency) {
            Some(index) => index,
            None => {
                out.push(CurrencyTotals {
                    currency: line.amount.currency.clone(),
                    ..CurrencyTotals::default()
                });
                out.len() - 1
            }
        };
        let total = &mut out[index];
        let sum = match line.status {
            EarningStatus::Pending => &mut total.pending_minor,
            EarningStatus::Approved => &mut total.approved_minor,
            EarningStatus::Available => &mut total.available_minor,
            EarningStatus::Paid => &mut total.paid_minor,
            EarningStatus::Declined => &mut total.declined_minor,
        };
        *sum = sum.checked_add(line.amount.amount_minor)?;
    }
    Some(out)
}

#[cfg(test)]
mod tests;
