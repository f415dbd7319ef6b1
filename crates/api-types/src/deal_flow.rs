//! How a registered deal moves, the contract's rule written once for the backend, the
//! operations API and the portal: which step each side may take from which status, and what
//! the step needs (a question, a reason, a protection end date after today).

use chrono::NaiveDate;

use crate::deal_rules::{check_length, Rule};
use crate::DealStatus;

/// Who takes a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The partner who registered the deal.
    Partner,
    /// The vendor's channel team (a person or an integration).
    ChannelTeam,
}

/// A step in a deal's life.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DealStep {
    /// The channel team starts looking at it.
    StartReview,
    /// The channel team needs to know more, and asks.
    RequestInformation {
        /// The question, shown to the partner.
        question: String,
    },
    /// The partner answers the question; the deal goes back to review.
    Answer {
        /// The answer, shown to the channel team.
        answer: String,
    },
    /// Protected for the partner until `protection_ends_on`.
    Approve {
        /// The last day of protection.
        protection_ends_on: NaiveDate,
    },
    /// Not accepted, with the reason the partner sees.
    Reject {
        /// Why.
        reason: String,
    },
    /// The customer bought.
    RecordWon,
    /// The customer did not buy.
    RecordLost,
}

/// Questions, answers and reasons: 3 to 2000 characters once trimmed.
pub const NOTE_CHARS: (usize, usize) = (3, 2000);

/// Why a step cannot be taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepRefused {
    /// This side does not take this step.
    NotYourStep,
    /// Not from the deal's current status (a conflict with its state).
    NotFrom(DealStatus),
    /// The question, answer or reason breaks [`NOTE_CHARS`].
    Note(Rule),
    /// Protection must end after today.
    ProtectionNotAhead,
}

impl DealStep {
    /// The side that takes this step.
    pub fn side(&self) -> Side {
        match self {
            Self::Answer { .. } => Side::Partner,
            _ => Side::ChannelTeam,
        }
    }

    /// The statuses this step starts from.
    pub fn from(&self) -> &'static [DealStatus] {
        use DealStatus::*;
        match self {
            Self::StartReview => &[Submitted],
            Self::RequestInformation { .. } => &[Submitted, UnderReview],
            Self::Answer { .. } => &[MoreInfoRequested],
            Self::Approve { .. } => &[Submitted, UnderReview],
            Self::Reject { .. } => &[Submitted, UnderReview, MoreInfoRequested],
            Self::RecordWon | Self::RecordLost => &[Approved],
        }
    }

    /// The status the deal has after this step.
    pub fn to(&self) -> DealStatus {
        match self {
            Self::StartReview | Self::Answer { .. } => DealStatus::UnderReview,
            Self::RequestInformation { .. } => DealStatus::MoreInfoRequested,
            Self::Approve { .. } => DealStatus::Approved,
            Self::Reject { .. } => DealStatus::Rejected,
            Self::RecordWon => DealStatus::Won,
            Self::RecordLost => DealStatus::Lost,
        }
    }

    /// The words that go on the timeline with the step, if it has any.
    pub fn note(&self) -> Option<&str> {
        match self {
            Self::RequestInformation { question: text }
            | Self::Answer { answer: text }
            | Self::Reject { reason: text } => Some(text.trim()),
            _ => None,
        }
    }
}

/// The status after `step`, taken by `side` on a deal in `current` status on `today`, or why not.
pub fn take_step(
    current: DealStatus,
    step: &DealStep,
    side: Side,
    today: NaiveDate,
) -> Result<DealStatus, StepRefused> {
    if step.side() != side {
        return Err(StepRefused::NotYourStep);
    }
    if let Some(rule) = step.note().and_then(|note| check_length(note, NOTE_CHARS)) {
        return Err(StepRefused::Note(rule));
    }
    if matches!(step, DealStep::Approve { protection_ends_on } if *protection_ends_on <= today) {
        return Err(StepRefused::ProtectionNotAhead);
    }
    if !step.from().contains(&current) {
        return Err(StepRefused::NotFrom(current));
    }
    Ok(step.to())
}

#[cfg(test)]
mod tests {
    use super::*;
    use DealStatus::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    const TODAY: &str = "2026-11-24";

    fn channel(current: DealStatus, step: &DealStep) -> Result<DealStatus, StepRefused> {
        take_step(current, step, Side::ChannelTeam, day(TODAY))
    }

    #[test]
    fn a_deal_goes_from_review_through_a_question_to_approval_and_a_win() {
        let question = DealStep::RequestInformation {
            question: "Which sites does the customer run?".into(),
        };
        let answer = DealStep::Answer {
            answer: "Two: Lyon and Grenoble.".into(),
        };
        let approve = DealStep::Approve {
            protection_ends_on: day("2027-02-22"),
        };
        assert_eq!(channel(Submitted, &DealStep::StartReview), Ok(UnderReview));
        assert_eq!(channel(UnderReview, &question), Ok(MoreInfoRequested));
        assert_eq!(
            take_step(MoreInfoRequested, &answer, Side::Partner, day(TODAY)),
            Ok(UnderReview)
        );
        assert_eq!(channel(UnderReview, &approve), Ok(Approved));
        assert_eq!(channel(Approved, &DealStep::RecordWon), Ok(Won));
    }

    #[test]
    fn each_side_takes_only_its_own_steps_and_only_from_the_right_status() {
        let answer = DealStep::Answer {
            answer: "Here it is.".into(),
        };
        assert_eq!(
            channel(MoreInfoRequested, &answer),
            Err(StepRefused::NotYourStep)
        );
        assert_eq!(
            take_step(Submitted, &DealStep::StartReview, Side::Partner, day(TODAY)),
            Err(StepRefused::NotYourStep)
        );
        assert_eq!(
            take_step(UnderReview, &answer, Side::Partner, day(TODAY)),
            Err(StepRefused::NotFrom(UnderReview))
        );
        for closed in [Rejected, Won, Lost, Expired] {
            for step in [
                DealStep::StartReview,
                DealStep::RecordWon,
                DealStep::RecordLost,
            ] {
                assert_eq!(channel(closed, &step), Err(StepRefused::NotFrom(closed)));
            }
        }
        assert_eq!(
            channel(Submitted, &DealStep::RecordWon),
            Err(StepRefused::NotFrom(Submitted)),
            "only an approved deal is won or lost"
        );
    }

    #[test]
    fn questions_and_reasons_need_words_and_protection_must_end_after_today() {
        let blank = DealStep::Reject {
            reason: "   ".into(),
        };
        assert_eq!(
            channel(UnderReview, &blank),
            Err(StepRefused::Note(Rule::Missing))
        );
        let today = DealStep::Approve {
            protection_ends_on: day(TODAY),
        };
        assert_eq!(
            channel(UnderReview, &today),
            Err(StepRefused::ProtectionNotAhead)
        );
        let reason = DealStep::Reject {
            reason: " The customer is already registered by another partner. ".into(),
        };
        assert_eq!(
            reason.note(),
            Some("The customer is already registered by another partner.")
        );
        assert_eq!(channel(MoreInfoRequested, &reason), Ok(Rejected));
    }
}
