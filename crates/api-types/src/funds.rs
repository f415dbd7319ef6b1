//! Marketing development and co-op funds: what the vendor allocated to a partner, the
//! requests the partner makes against it (kept as drafts until submitted) and the claim with
//! proof of performance that turns a pre-approved request into money. A fund's amounts are
//! worked out from its requests by [`fund_amounts`], so they always add up to what it holds.
//! The bodies and the rules each side checks are in `requests`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::wire_name::wire_names;

mod requests;

pub use requests::{
    may_claim, ClaimDecision, FundRequestDraft, NewClaim, NewFund, ProofFile, RequestDecision,
    FILE_TYPES, MAX_FILE_BYTES,
};

/// What a fund pays for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundKind {
    /// Market development funds: the vendor pays for the partner's campaigns.
    Mdf,
    /// Co-op: earned as a share of sales, spent on joint marketing.
    Coop,
}

wire_names!(FundKind {
    Mdf = "mdf",
    Coop = "coop",
});

/// Where a fund request is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundRequestStatus {
    /// Saved by the partner, not yet sent: only its author's company sees it.
    Draft,
    /// Sent, waiting for the channel team.
    Submitted,
    /// Approved before the activity: the money is set aside, to be claimed with proof.
    PreApproved,
    /// Refused, always with the reason.
    Declined,
}

wire_names!(FundRequestStatus {
    Draft = "draft",
    Submitted = "submitted",
    PreApproved = "pre_approved",
    Declined = "declined",
});

/// Where a claim is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimStatus {
    /// Sent with its proof, waiting for the channel team.
    Submitted,
    /// Approved in full, to be paid.
    Approved,
    /// Approved for less than claimed, with the reason, to be paid.
    PartlyApproved,
    /// Refused with the reason; the partner may claim again with better proof.
    Declined,
    /// Paid.
    Paid,
}

wire_names!(ClaimStatus {
    Submitted = "submitted",
    Approved = "approved",
    PartlyApproved = "partly_approved",
    Declined = "declined",
    Paid = "paid",
});

/// One allocation of funds to a partner company, with where its money is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fund {
    /// Stable identifier, e.g. `fund-0003`.
    pub id: String,
    /// MDF or co-op.
    pub kind: FundKind,
    /// Its name, e.g. "MDF H2 2026".
    pub name: String,
    /// ISO 4217 code of every amount of the fund and its requests.
    pub currency: String,
    /// Where its money is, in whole minor units.
    pub amounts: FundAmounts,
    /// First day activities may take place.
    #[serde(deserialize_with = "crate::dates::day")]
    pub starts_on: NaiveDate,
    /// Last day: what remains unrequested then is lost.
    #[serde(deserialize_with = "crate::dates::day")]
    pub expires_on: NaiveDate,
}

/// A fund's money by where it is; every request is counted in one place at most, and
/// `remaining_minor` is what is left to request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundAmounts {
    /// What the vendor allocated.
    pub allocated_minor: i64,
    /// Submitted requests, waiting for a decision.
    pub requested_minor: i64,
    /// Pre-approved requests not yet claimed (or whose claim was declined).
    pub approved_minor: i64,
    /// Claims sent or approved, not yet paid (approved claims at the amount approved).
    pub claimed_minor: i64,
    /// Claims paid.
    pub paid_minor: i64,
    /// Left to request: the allocation less everything above.
    pub remaining_minor: i64,
}

/// A partner's request to spend part of a fund on an activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundRequest {
    /// Stable identifier, e.g. `frq-0012`.
    pub id: String,
    /// The fund it spends.
    pub fund_id: String,
    /// Where it is.
    pub status: FundRequestStatus,
    /// What the partner will do, e.g. "Webinar: zero trust for hospitals".
    pub activity: String,
    /// When the activity starts (a draft may not say yet).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::optional_day"
    )]
    pub starts_on: Option<NaiveDate>,
    /// When it ends.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::optional_day"
    )]
    pub ends_on: Option<NaiveDate>,
    /// How much it asks for, in the fund's currency's minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_minor: Option<i64>,
    /// The fund's currency.
    pub currency: String,
    /// What the partner expects from it, e.g. "40 attendees, 5 opportunities".
    pub expected_outcome: String,
    /// Why it was declined, only when declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_reason: Option<String>,
    /// Last saved.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub updated_at: DateTime<Utc>,
    /// When it was submitted.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::optional_instant"
    )]
    pub submitted_at: Option<DateTime<Utc>>,
    /// The claim against it, once the partner sent one (the latest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<FundClaim>,
}

/// A claim for a pre-approved request, with its proof of performance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundClaim {
    /// Where it is.
    pub status: ClaimStatus,
    /// What the partner claims (at most the request's amount).
    pub claimed_minor: i64,
    /// What the channel team approved, once approved (in full or in part).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_minor: Option<i64>,
    /// Why it was declined or approved only in part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// A link to the proof, when it was given as a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof_link: Option<String>,
    /// The proof file's name, when it was given as a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof_file_name: Option<String>,
    /// When it was sent.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub submitted_at: DateTime<Utc>,
    /// When it was paid.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::optional_day"
    )]
    pub paid_on: Option<NaiveDate>,
}

/// `GET /funds`: the company's funds, newest first, and every request against them, drafts
/// included, most recently changed first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundsOverview {
    /// The funds with their amounts.
    pub funds: Vec<Fund>,
    /// The requests with their claims.
    pub requests: Vec<FundRequest>,
}

/// Where `allocated` is, given every request against the fund; `None` if a sum would overflow.
pub fn fund_amounts(allocated: i64, requests: &[FundRequest]) -> Option<FundAmounts> {
    let mut a = FundAmounts {
        allocated_minor: allocated,
        ..FundAmounts::default()
    };
    for request in requests {
        let amount = request.amount_minor.unwrap_or(0);
        let (sum, value) = match (request.status, &request.claim) {
            (FundRequestStatus::Submitted, _) => (&mut a.requested_minor, amount),
            (FundRequestStatus::PreApproved, None) => (&mut a.approved_minor, amount),
            (FundRequestStatus::PreApproved, Some(claim)) => match claim.status {
                ClaimStatus::Declined => (&mut a.approved_minor, amount),
                ClaimStatus::Submitted => (&mut a.claimed_minor, claim.claimed_minor),
                ClaimStatus::Approved | ClaimStatus::PartlyApproved => {
                    (&mut a.claimed_minor, claim.approved_minor.unwrap_or(0))
                }
                ClaimStatus::Paid => (&mut a.paid_minor, claim.approved_minor.unwrap_or(0)),
            },
            (FundRequestStatus::Draft | FundRequestStatus::Declined, _) => continue,
        };
        *sum = sum.checked_add(value)?;
    }
    a.remaining_minor = [
        a.requested_minor,
        a.approved_minor,
        a.claimed_minor,
        a.paid_minor,
    ]
    .into_iter()
    .try_fold(allocated, i64::checked_sub)?;
    Some(a)
}

#[cfg(test)]
mod tests;
