//! One deal's page: where it stands in words, what the partner can do on it now (answer the
//! channel team, ask for longer protection, withdraw), and each step's request, checked by the
//! contract's own rule (`api_types::deal_flow`) before it is sent.

use api_types::deal_flow::{
    extension_pending, take_step, DealPosition, Side, StepRefused, NOTE_CHARS,
};
use api_types::{
    Deal, DealListParams, DealStatus, DealStepKind, DealStepRequest, DealSummary, FieldError,
    StepName,
};
use chrono::NaiveDate;

use crate::text::dates::{days_until, relative_days, short_date};
use crate::text::i18n::{t, tn, tr};

/// Where protection stands for an extension request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Extension {
    /// The partner may ask; protection ends on this day.
    Open(NaiveDate),
    /// Asked on the timeline; the channel team has not decided.
    Waiting(Option<NaiveDate>),
    /// Not an approved deal with protection left.
    NotNow,
}

/// What the partner can do on the deal now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerSteps {
    /// The channel team's question, when it waits for an answer.
    pub question: Option<String>,
    /// Whether longer protection can be asked for, or is being decided.
    pub extension: Extension,
    /// Whether the registration can still be withdrawn.
    pub can_withdraw: bool,
}

/// Where the deal stands, as the contract's rule reads it.
pub fn position(deal: &Deal) -> DealPosition {
    DealPosition {
        status: deal.summary.status,
        protection_expires_on: deal.summary.protection_expires_on,
        extension_pending: extension_pending(&deal.timeline),
    }
}

/// The steps open to the partner on `deal` on `today`.
pub fn partner_steps(deal: &Deal, today: NaiveDate) -> PartnerSteps {
    let status = deal.summary.status;
    let question = (status == DealStatus::MoreInfoRequested).then(|| {
        deal.timeline
            .iter()
            .rev()
            .find(|e| e.step == DealStepKind::InformationRequested)
            .and_then(|e| e.note.clone())
            .unwrap_or_default()
    });
    let extension = match (status, deal.summary.protection_expires_on) {
        _ if extension_pending(&deal.timeline) => Extension::Waiting(
            deal.timeline
                .iter()
                .rev()
                .find(|e| e.step == DealStepKind::ExtensionRequested)
                .and_then(|e| e.protection_ends_on),
        ),
        (DealStatus::Approved, Some(ends)) if ends >= today => Extension::Open(ends),
        _ => Extension::NotNow,
    };
    PartnerSteps {
        question,
        extension,
        can_withdraw: status.is_open(),
    }
}

/// Why a deal waits for the partner, if it does: a question to answer, or protection that ends
/// soon or before the customer expects to close (the contract's `needs_you` rule, in words).
pub fn waiting_reason(deal: &DealSummary, today: NaiveDate) -> Option<String> {
    match (deal.status, deal.protection_expires_on) {
        (DealStatus::MoreInfoRequested, _) => Some(t("deal.question_waiting")),
        (DealStatus::Approved, Some(ends)) => {
            let days = days_until(ends, today);
            let gap = days_until(deal.expected_close_on, ends);
            if days <= DealListParams::PROTECTION_WARNING_DAYS {
                Some(match days {
                    d if d < 0 => t("deal.protection_has_ended"),
                    d => tr("deal.protection_ends", &[("when", &relative_days(d))]),
                })
            } else if gap > 0 {
                Some(tn(
                    "deal.ends_before_close",
                    gap,
                    &[("date", &short_date(ends))],
                ))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// "12 Dec 2026", or what protection means for a deal without an end date in its state.
pub fn protected_until(deal: &DealSummary) -> String {
    match (deal.protection_expires_on, deal.status) {
        (Some(day), _) => short_date(day),
        (None, status) if status.is_open() => t("deal.not_protected_yet"),
        (None, _) => t("deal.not_protected"),
    }
}

/// What the partner can expect or do, by status.
pub fn next_step(deal: &Deal, today: NaiveDate) -> String {
    let last_note = deal
        .timeline
        .last()
        .and_then(|e| e.note.clone())
        .unwrap_or_default();
    match deal.summary.status {
        DealStatus::Submitted | DealStatus::UnderReview => t("deal.reviewing"),
        DealStatus::MoreInfoRequested => t("deal.needs_info"),
        DealStatus::Approved => match deal.summary.protection_expires_on {
            Some(day) if days_until(day, today) >= 0 => {
                let gap = days_until(deal.summary.expected_close_on, day);
                let before_close = if gap > 0 {
                    tn("deal.gap_before_close", gap, &[])
                } else {
                    String::new()
                };
                let left = tn("deals.days_left", days_until(day, today), &[]);
                tr(
                    "deal.protected_for_you",
                    &[
                        ("date", &short_date(day)),
                        ("left", &left),
                        ("gap", &before_close),
                    ],
                )
            }
            _ => t("deal.approved"),
        },
        DealStatus::Rejected => tr("deal.rejected", &[("note", &last_note)]),
        DealStatus::Won => t("deal.won"),
        DealStatus::Lost => t("deal.lost"),
        DealStatus::Expired => t("deal.expired"),
        DealStatus::Withdrawn => t("deal.withdrawn"),
    }
}

/// What the partner typed for a step, kept across reloads until it is sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepDraft {
    /// The answer or reason.
    pub note: String,
    /// The day asked for, as a date input holds it (`YYYY-MM-DD`).
    pub until: String,
}

impl StepDraft {
    /// The draft from what storage kept (`[note, day]`); anything else starts empty.
    pub fn from_parts(parts: Vec<String>) -> Self {
        let mut parts = parts.into_iter();
        Self {
            note: parts.next().unwrap_or_default(),
            until: parts.next().unwrap_or_default(),
        }
    }

    /// What storage keeps.
    pub fn parts(&self) -> Vec<String> {
        vec![self.note.clone(), self.until.clone()]
    }

    /// The request for `step` on a deal at `position`, or what to fix, in the partner's words.
    pub fn request(
        &self,
        step: StepName,
        position: DealPosition,
        today: NaiveDate,
    ) -> Result<DealStepRequest, Vec<FieldError>> {
        let note = self.note.trim();
        let request = DealStepRequest {
            step,
            note: (!note.is_empty()).then(|| note.to_owned()),
            protection_ends_on: api_types::dates::parse_day(&self.until),
        };
        let (min, max) = NOTE_CHARS;
        let key = match step {
            StepName::Answer => "deal.answer_length",
            StepName::RequestExtension => "deal.extension_length",
            _ => "deal.reason_length",
        };
        let words = tr(key, &[("min", &min), ("max", &max)]);
        let read = request.read().map_err(|broken| match broken.field {
            "protection_ends_on" => vec![FieldError::new(
                "protection_ends_on",
                &t("deal.choose_until"),
            )],
            field => vec![FieldError::new(field, &words)],
        })?;
        match take_step(position, &read, Side::Partner, today) {
            Err(StepRefused::DateNotAhead) => Err(vec![FieldError::new(
                "protection_ends_on",
                &match position.protection_expires_on {
                    Some(ends) => tr("deal.after_current_end", &[("date", &short_date(ends))]),
                    None => t("deal.after_today"),
                },
            )]),
            // Anything else the backend answers in its own words (the deal changed meanwhile).
            _ => Ok(request),
        }
    }
}

#[cfg(test)]
mod tests;
