//! What each side sends about funds, and the rules both sides check: a draft may be
//! incomplete but a submitted request must be whole and fit the fund; a claim carries its proof
//! as a link or a small file; the channel team's decisions go one step at a time, a refusal or
//! a partial approval always with its reason.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ClaimStatus, Fund, FundKind, FundRequest, FundRequestStatus};
use crate::catalogue::is_web_address;
use crate::common::{currency_digits, FieldError};

/// Largest proof file, in bytes (1 MiB: a PDF report or a few photos of the event).
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// The kinds of file a proof may be.
pub const FILE_TYPES: [&str; 3] = ["application/pdf", "image/png", "image/jpeg"];

/// Characters of an activity, an expected outcome and a reason: (least when sent, most).
const ACTIVITY_CHARS: (usize, usize) = (3, 200);
const OUTCOME_CHARS: (usize, usize) = (3, 1000);
const REASON_CHARS: (usize, usize) = (3, 500);

/// Whether `text`, trimmed, has between `least` and `most` characters.
fn fits(text: &str, (least, most): (usize, usize)) -> bool {
    (least..=most).contains(&text.trim().chars().count())
}

/// Whether an optional reason is given and fits.
fn reason_given(reason: &Option<String>) -> bool {
    reason.as_deref().is_some_and(|r| fits(r, REASON_CHARS))
}

/// `POST /funds/requests` and `PUT /funds/requests/{id}`: a request as the partner typed it,
/// saved as a draft, or submitted when `submit` is true.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundRequestDraft {
    /// The fund it spends.
    pub fund_id: String,
    /// What the partner will do (3–200 characters when submitted).
    #[serde(default)]
    pub activity: String,
    /// When the activity starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_on: Option<NaiveDate>,
    /// When it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_on: Option<NaiveDate>,
    /// How much, in the fund's currency's minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_minor: Option<i64>,
    /// What the partner expects from it (3–1000 characters when submitted).
    #[serde(default)]
    pub expected_outcome: String,
    /// Send it to the channel team now, rather than keep it as a draft.
    #[serde(default)]
    pub submit: bool,
}

impl FundRequestDraft {
    /// The fields that break a rule, with why, for `fund` on `today`. A draft only has to fit
    /// (lengths, a positive amount); a submitted request must be whole, take place within the
    /// fund's dates and ask for no more than `remaining` (what the fund has left to request).
    pub fn problems(&self, fund: &Fund, remaining: i64, today: NaiveDate) -> Vec<FieldError> {
        let mut out = Vec::new();
        let mut say = |field: &str, why: &str| out.push(FieldError::new(field, why));
        let (least_activity, least_outcome) = if self.submit {
            (ACTIVITY_CHARS.0, OUTCOME_CHARS.0)
        } else {
            (0, 0)
        };
        if !fits(&self.activity, (least_activity, ACTIVITY_CHARS.1)) {
            say("activity", "Say what you will do in 3 to 200 characters.");
        }
        if !fits(&self.expected_outcome, (least_outcome, OUTCOME_CHARS.1)) {
            say(
                "expected_outcome",
                "Say what you expect from it in 3 to 1000 characters.",
            );
        }
        match self.amount_minor {
            Some(amount) if amount <= 0 => say("amount_minor", "Ask for more than zero."),
            Some(amount) if self.submit && amount > remaining => say(
                "amount_minor",
                "This is more than the fund has left to request.",
            ),
            None if self.submit => say("amount_minor", "Say how much you need."),
            _ => {}
        }
        if !self.submit {
            return out;
        }
        match (self.starts_on, self.ends_on) {
            (None, _) => say("starts_on", "Say when the activity starts."),
            (_, None) => say("ends_on", "Say when the activity ends."),
            (Some(starts), Some(ends)) => {
                if starts < fund.starts_on {
                    say("starts_on", "The fund can be used from its first day only.");
                }
                if ends < starts {
                    say("ends_on", "The activity cannot end before it starts.");
                } else if ends > fund.expires_on {
                    say(
                        "ends_on",
                        "The activity must end by the day the fund expires.",
                    );
                }
            }
        }
        if today > fund.expires_on {
            say("fund_id", "This fund has expired.");
        }
        out
    }
}

/// `POST /funds/requests/{id}/claim`: the proof that a pre-approved activity took place, and
/// what it cost; the proof is a link or a file, not both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewClaim {
    /// What the partner claims, at most the request's amount.
    pub amount_minor: i64,
    /// A link to the proof (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof_link: Option<String>,
    /// The proof as a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof_file: Option<ProofFile>,
}

/// A proof file, sent inline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProofFile {
    /// Its name, e.g. `webinar-attendees.pdf` (1–200 characters).
    pub name: String,
    /// One of [`FILE_TYPES`].
    pub media_type: String,
    /// Its bytes in standard base64, at most [`MAX_FILE_BYTES`] once decoded.
    pub content_base64: String,
}

impl ProofFile {
    /// The size its base64 decodes to (exact for well-formed base64).
    pub fn decoded_len(&self) -> usize {
        let text = self.content_base64.trim_end_matches('=');
        text.len() / 4 * 3 + (text.len() % 4).saturating_sub(1)
    }
}

impl NewClaim {
    /// The fields that break a rule for a claim against `request`, with why. Whether the file's
    /// bytes are base64 at all is the receiver's to check when it decodes them.
    pub fn problems(&self, request: &FundRequest) -> Vec<FieldError> {
        let mut out = Vec::new();
        let mut say = |field: &str, why: &str| out.push(FieldError::new(field, why));
        let limit = request.amount_minor.unwrap_or(0);
        if self.amount_minor <= 0 || self.amount_minor > limit {
            say(
                "amount_minor",
                "Claim more than zero and at most what was approved.",
            );
        }
        match (&self.proof_link, &self.proof_file) {
            (Some(_), Some(_)) => say(
                "proof_link",
                "Give the proof as a link or a file, not both.",
            ),
            (None, None) => say("proof_file", "Add the proof: a file or a link."),
            (Some(link), None) if !is_web_address(link) => say(
                "proof_link",
                "Give a web address starting with https:// or http://.",
            ),
            (None, Some(file)) => {
                if !fits(&file.name, (1, 200)) {
                    say("proof_file.name", "Name the file in 1 to 200 characters.");
                }
                if !FILE_TYPES.contains(&file.media_type.as_str()) {
                    say("proof_file.media_type", "Send a PDF, PNG or JPEG file.");
                }
                if file.content_base64.is_empty() || file.decoded_len() > MAX_FILE_BYTES {
                    say("proof_file.content_base64", "Send a file of at most 1 MB.");
                }
            }
            _ => {}
        }
        out
    }
}

/// `POST /ops/funds`: the channel team allocates a fund to a partner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewFund {
    /// The partner company.
    pub partner_id: String,
    /// MDF or co-op.
    pub kind: FundKind,
    /// Its name (3–100 characters).
    pub name: String,
    /// One of the program's currencies.
    pub currency: String,
    /// How much, in minor units (more than zero).
    pub allocated_minor: i64,
    /// First day of use.
    pub starts_on: NaiveDate,
    /// Last day of use (on or after the first).
    pub expires_on: NaiveDate,
}

impl NewFund {
    /// The fields that break a rule, with why.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        if !fits(&self.name, (3, 100)) {
            out.push(FieldError::new(
                "name",
                "Name the fund in 3 to 100 characters.",
            ));
        }
        if currency_digits(&self.currency).is_none() {
            out.push(FieldError::new(
                "currency",
                "Use one of the program's currencies.",
            ));
        }
        if self.allocated_minor <= 0 {
            out.push(FieldError::new(
                "allocated_minor",
                "Allocate more than zero.",
            ));
        }
        if self.expires_on < self.starts_on {
            out.push(FieldError::new(
                "expires_on",
                "A fund cannot expire before it starts.",
            ));
        }
        out
    }
}

/// `PUT /ops/fund-requests/{id}`: pre-approve a submitted request, or decline it with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDecision {
    /// `pre_approved` or `declined`.
    pub status: FundRequestStatus,
    /// Why, for `declined` (3–500 characters; shown to the partner as written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl RequestDecision {
    /// The field it gets wrong for a request that is `from`: `status` for a step the request
    /// cannot take, `reason` when missing or out of place.
    pub fn broken_field(&self, from: FundRequestStatus) -> Option<&'static str> {
        use FundRequestStatus::*;
        if from != Submitted || !matches!(self.status, PreApproved | Declined) {
            Some("status")
        } else if reason_given(&self.reason) != (self.status == Declined) {
            Some("reason")
        } else {
            None
        }
    }
}

/// `PUT /ops/fund-requests/{id}/claim`: approve a claim (in full or in part, a part with the
/// reason), decline it with the reason, or record that an approved claim was paid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimDecision {
    /// `approved`, `partly_approved`, `declined` or `paid`.
    pub status: ClaimStatus,
    /// For `partly_approved`: how much, more than zero and less than claimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_minor: Option<i64>,
    /// Why, for `partly_approved` and `declined` (3–500 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// For `paid`: the day the money was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_on: Option<NaiveDate>,
}

impl ClaimDecision {
    /// The field it gets wrong for a claim of `claimed` that is `from`.
    pub fn broken_field(&self, from: ClaimStatus, claimed: i64) -> Option<&'static str> {
        use ClaimStatus::*;
        let step_ok = match self.status {
            Approved | PartlyApproved | Declined => from == Submitted,
            Paid => matches!(from, Approved | PartlyApproved),
            Submitted => false,
        };
        let needs_reason = matches!(self.status, PartlyApproved | Declined);
        let part_ok = match (self.status, self.approved_minor) {
            (PartlyApproved, Some(part)) => part > 0 && part < claimed,
            (PartlyApproved, None) => false,
            (_, part) => part.is_none(),
        };
        if !step_ok {
            Some("status")
        } else if reason_given(&self.reason) != needs_reason {
            Some("reason")
        } else if !part_ok {
            Some("approved_minor")
        } else if self.paid_on.is_some() != (self.status == Paid) {
            Some("paid_on")
        } else {
            None
        }
    }
}

/// Whether a request that is `status`, with its latest claim `claim`, can be claimed now: once
/// pre-approved, and again after a declined claim.
pub fn may_claim(status: FundRequestStatus, claim: Option<ClaimStatus>) -> bool {
    status == FundRequestStatus::PreApproved && matches!(claim, None | Some(ClaimStatus::Declined))
}
