//! How a registered deal moves, the contract's rule written once for the backend, the
//! operations API and the portal: which step each side may take from which status, and what
//! the step needs (a question, a reason, a protection end date after the current one).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::deal_rules::{check_length, Broken, Rule};
use crate::wire_name::wire_names;
use crate::{DealEvent, DealStatus};

/// Who takes a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The partner who registered the deal.
    Partner,
    /// The vendor's channel team (a person or an integration).
    ChannelTeam,
}

/// What happened at one point of a deal's timeline (the step, in the past tense).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealStepKind {
    /// The partner registered it.
    Submitted,
    /// The channel team started looking at it.
    ReviewStarted,
    /// The channel team asked a question.
    InformationRequested,
    /// The partner answered it.
    Answered,
    /// Protected for the partner.
    Approved,
    /// Not accepted.
    Rejected,
    /// The customer bought.
    Won,
    /// The customer did not buy.
    Lost,
    /// Protection ran out.
    Expired,
    /// The partner took the registration back.
    Withdrawn,
    /// The partner asked for longer protection.
    ExtensionRequested,
    /// Protection was extended.
    ExtensionGranted,
    /// Protection was not extended.
    ExtensionRefused,
}

wire_names!(DealStepKind {
    Submitted = "submitted",
    ReviewStarted = "review_started",
    InformationRequested = "information_requested",
    Answered = "answered",
    Approved = "approved",
    Rejected = "rejected",
    Won = "won",
    Lost = "lost",
    Expired = "expired",
    Withdrawn = "withdrawn",
    ExtensionRequested = "extension_requested",
    ExtensionGranted = "extension_granted",
    ExtensionRefused = "extension_refused",
});

impl DealStepKind {
    /// The step that leads to `status` when a timeline names no step (older records).
    pub fn reaching(status: DealStatus) -> Self {
        match status {
            DealStatus::Submitted => Self::Submitted,
            DealStatus::UnderReview => Self::ReviewStarted,
            DealStatus::MoreInfoRequested => Self::InformationRequested,
            DealStatus::Approved => Self::Approved,
            DealStatus::Rejected => Self::Rejected,
            DealStatus::Won => Self::Won,
            DealStatus::Lost => Self::Lost,
            DealStatus::Expired => Self::Expired,
            DealStatus::Withdrawn => Self::Withdrawn,
        }
    }
}

/// The step a request asks for, by its wire name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepName {
    /// Channel team: start looking at it.
    StartReview,
    /// Channel team: ask a question (`note`).
    RequestInformation,
    /// Partner: answer the question (`note`).
    Answer,
    /// Channel team: protect it until `protection_ends_on`.
    Approve,
    /// Channel team: refuse it with a reason (`note`).
    Reject,
    /// Channel team: the customer bought.
    RecordWon,
    /// Channel team: the customer did not buy.
    RecordLost,
    /// Partner: take the registration back (`note` optional).
    Withdraw,
    /// Partner: ask for protection until `protection_ends_on`, with a reason (`note`).
    RequestExtension,
    /// Channel team: extend protection to `protection_ends_on`.
    GrantExtension,
    /// Channel team: keep the end date, with a reason (`note`).
    RefuseExtension,
}

wire_names!(StepName {
    StartReview = "start_review",
    RequestInformation = "request_information",
    Answer = "answer",
    Approve = "approve",
    Reject = "reject",
    RecordWon = "record_won",
    RecordLost = "record_lost",
    Withdraw = "withdraw",
    RequestExtension = "request_extension",
    GrantExtension = "grant_extension",
    RefuseExtension = "refuse_extension",
});

/// `POST /deals/{reference}/steps` and its operations twin: one step with what it needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DealStepRequest {
    /// Which step.
    pub step: StepName,
    /// The question, answer or reason (3–2000 characters), where the step has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The new last day of protection, for approving and extending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::dates::optional_day")]
    pub protection_ends_on: Option<NaiveDate>,
}

/// A step with what it needs, once read from a [`DealStepRequest`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DealStep {
    /// The channel team starts looking at it.
    StartReview,
    /// The channel team needs to know more, and asks.
    RequestInformation { question: String },
    /// The partner answers the question; the deal goes back to review.
    Answer { answer: String },
    /// Protected for the partner until `protection_ends_on`.
    Approve { protection_ends_on: NaiveDate },
    /// Not accepted, with the reason the partner sees.
    Reject { reason: String },
    /// The customer bought.
    RecordWon,
    /// The customer did not buy.
    RecordLost,
    /// The partner takes the registration back, perhaps saying why.
    Withdraw { reason: Option<String> },
    /// The partner asks for protection until `until`, saying why.
    RequestExtension { until: NaiveDate, reason: String },
    /// The channel team extends protection.
    GrantExtension { protection_ends_on: NaiveDate },
    /// The channel team keeps the end date, saying why.
    RefuseExtension { reason: String },
}

/// Questions, answers and reasons: 3 to 2000 characters once trimmed.
pub const NOTE_CHARS: (usize, usize) = (3, 2000);

impl DealStepRequest {
    /// The step, or the first field it lacks or breaks (`note`, `protection_ends_on`).
    pub fn read(&self) -> Result<DealStep, Broken> {
        let note = || {
            let text = self.note.as_deref().unwrap_or_default();
            match check_length(text, NOTE_CHARS) {
                Some(rule) => Err(Broken {
                    field: "note",
                    rule,
                }),
                None => Ok(text.trim().to_owned()),
            }
        };
        let day = || {
            self.protection_ends_on.ok_or(Broken {
                field: "protection_ends_on",
                rule: Rule::Missing,
            })
        };
        Ok(match self.step {
            StepName::StartReview => DealStep::StartReview,
            StepName::RequestInformation => DealStep::RequestInformation { question: note()? },
            StepName::Answer => DealStep::Answer { answer: note()? },
            StepName::Approve => DealStep::Approve {
                protection_ends_on: day()?,
            },
            StepName::Reject => DealStep::Reject { reason: note()? },
            StepName::RecordWon => DealStep::RecordWon,
            StepName::RecordLost => DealStep::RecordLost,
            StepName::Withdraw => DealStep::Withdraw {
                reason: match self.note.as_deref().map(str::trim) {
                    None | Some("") => None,
                    Some(_) => Some(note()?),
                },
            },
            StepName::RequestExtension => {
                let until = day()?;
                DealStep::RequestExtension {
                    until,
                    reason: note()?,
                }
            }
            StepName::GrantExtension => DealStep::GrantExtension {
                protection_ends_on: day()?,
            },
            StepName::RefuseExtension => DealStep::RefuseExtension { reason: note()? },
        })
    }
}

/// Where a deal stands, as far as its next step is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DealPosition {
    /// Its status.
    pub status: DealStatus,
    /// Its last day of protection, if approved.
    pub protection_expires_on: Option<NaiveDate>,
    /// Whether the partner asked for an extension that is not yet decided.
    pub extension_pending: bool,
}

/// What a step did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepTaken {
    /// The timeline entry's kind.
    pub kind: DealStepKind,
    /// The status after it.
    pub status: DealStatus,
    /// The last day of protection after it.
    pub protection_expires_on: Option<NaiveDate>,
}

/// Why a step cannot be taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepRefused {
    /// This side does not take this step.
    NotYourStep,
    /// Not from the deal's current status (a conflict with its state).
    NotFrom(DealStatus),
    /// An extension is already waiting for a decision, or none is waiting to be decided.
    Extension { pending: bool },
    /// The date must be after today and after the current end of protection.
    DateNotAhead,
    /// Protection has already ended, so there is nothing to extend.
    ProtectionOver,
}

impl DealStep {
    /// The side that takes this step.
    pub fn side(&self) -> Side {
        match self {
            Self::Answer { .. } | Self::Withdraw { .. } | Self::RequestExtension { .. } => {
                Side::Partner
            }
            _ => Side::ChannelTeam,
        }
    }

    /// The statuses this step starts from.
    pub fn from(&self) -> &'static [DealStatus] {
        use DealStatus::*;
        match self {
            Self::StartReview => &[Submitted],
            Self::RequestInformation { .. } | Self::Approve { .. } => &[Submitted, UnderReview],
            Self::Answer { .. } => &[MoreInfoRequested],
            Self::Reject { .. } => &[Submitted, UnderReview, MoreInfoRequested],
            Self::Withdraw { .. } => &[Submitted, UnderReview, MoreInfoRequested, Approved],
            Self::RecordWon
            | Self::RecordLost
            | Self::RequestExtension { .. }
            | Self::GrantExtension { .. }
            | Self::RefuseExtension { .. } => &[Approved],
        }
    }

    /// What the timeline calls this step.
    pub fn kind(&self) -> DealStepKind {
        match self {
            Self::StartReview => DealStepKind::ReviewStarted,
            Self::RequestInformation { .. } => DealStepKind::InformationRequested,
            Self::Answer { .. } => DealStepKind::Answered,
            Self::Approve { .. } => DealStepKind::Approved,
            Self::Reject { .. } => DealStepKind::Rejected,
            Self::RecordWon => DealStepKind::Won,
            Self::RecordLost => DealStepKind::Lost,
            Self::Withdraw { .. } => DealStepKind::Withdrawn,
            Self::RequestExtension { .. } => DealStepKind::ExtensionRequested,
            Self::GrantExtension { .. } => DealStepKind::ExtensionGranted,
            Self::RefuseExtension { .. } => DealStepKind::ExtensionRefused,
        }
    }

    /// The last day of protection the step sets or asks for.
    pub fn protection_ends_on(&self) -> Option<NaiveDate> {
        match self {
            Self::Approve { protection_ends_on } | Self::GrantExtension { protection_ends_on } => {
                Some(*protection_ends_on)
            }
            Self::RequestExtension { until, .. } => Some(*until),
            _ => None,
        }
    }

    /// The words that go on the timeline with the step, if it has any.
    pub fn note(&self) -> Option<&str> {
        match self {
            Self::RequestInformation { question: text }
            | Self::Answer { answer: text }
            | Self::Reject { reason: text }
            | Self::RequestExtension { reason: text, .. }
            | Self::RefuseExtension { reason: text } => Some(text),
            Self::Withdraw { reason } => reason.as_deref(),
            _ => None,
        }
    }
}

/// Whether the timeline ends with an extension request that has no decision yet.
pub fn extension_pending(timeline: &[DealEvent]) -> bool {
    timeline
        .iter()
        .rev()
        .find_map(|e| match e.step {
            DealStepKind::ExtensionRequested => Some(true),
            DealStepKind::ExtensionGranted | DealStepKind::ExtensionRefused => Some(false),
            _ => None,
        })
        .unwrap_or(false)
}

/// What `step`, taken by `side` on a deal at `position` on `today`, does, or why it cannot.
pub fn take_step(
    position: DealPosition,
    step: &DealStep,
    side: Side,
    today: NaiveDate,
) -> Result<StepTaken, StepRefused> {
    if step.side() != side {
        return Err(StepRefused::NotYourStep);
    }
    if !step.from().contains(&position.status) {
        return Err(StepRefused::NotFrom(position.status));
    }
    let ends = position.protection_expires_on;
    let ahead = |day: NaiveDate| day > today && ends.is_none_or(|end| day > end);
    let mut protection = ends;
    match step {
        DealStep::Approve { protection_ends_on } => {
            if *protection_ends_on <= today {
                return Err(StepRefused::DateNotAhead);
            }
            protection = Some(*protection_ends_on);
        }
        DealStep::RequestExtension { until, .. } => {
            if position.extension_pending {
                return Err(StepRefused::Extension { pending: true });
            }
            if ends.is_some_and(|end| end < today) {
                return Err(StepRefused::ProtectionOver);
            }
            if !ahead(*until) {
                return Err(StepRefused::DateNotAhead);
            }
        }
        DealStep::GrantExtension { protection_ends_on } => {
            if !position.extension_pending {
                return Err(StepRefused::Extension { pending: false });
            }
            if !ahead(*protection_ends_on) {
                return Err(StepRefused::DateNotAhead);
            }
            protection = Some(*protection_ends_on);
        }
        DealStep::RefuseExtension { .. } if !position.extension_pending => {
            return Err(StepRefused::Extension { pending: false });
        }
        _ => {}
    }
    let status = match step {
        DealStep::StartReview | DealStep::Answer { .. } => DealStatus::UnderReview,
        DealStep::RequestInformation { .. } => DealStatus::MoreInfoRequested,
        DealStep::Approve { .. } => DealStatus::Approved,
        DealStep::Reject { .. } => DealStatus::Rejected,
        DealStep::RecordWon => DealStatus::Won,
        DealStep::RecordLost => DealStatus::Lost,
        DealStep::Withdraw { .. } => DealStatus::Withdrawn,
        _ => position.status,
    };
    Ok(StepTaken {
        kind: step.kind(),
        status,
        protection_expires_on: protection,
    })
}

#[cfg(test)]
mod tests;
