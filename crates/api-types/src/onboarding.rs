//! The checklist for a partner's first 30, 60 and 90 days.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::wire_name::wire_names;
use crate::ResourceLink;

/// `GET /onboarding`: the checklist in phases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Onboarding {
    /// Day the company's onboarding started (not shown, so not read by the portal).
    #[serde(deserialize_with = "crate::dates::day")]
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub started_on: NaiveDate,
    /// Phases in order: first 30, 60, 90 days.
    pub phases: Vec<OnboardingPhase>,
}

/// A phase of onboarding, e.g. "First 30 days".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnboardingPhase {
    /// Stable id, e.g. `days-30`.
    pub id: String,
    /// Heading, e.g. "First 30 days".
    pub title: String,
    /// Last day of the phase, counted from the start.
    pub ends_on_day: u32,
    /// The items to complete in this phase.
    pub items: Vec<OnboardingItem>,
}

/// What kind of step an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnboardingItemKind {
    /// Something to do.
    Task,
    /// A course to take.
    Course,
    /// A document to read or sign.
    Document,
    /// Company or personal profile details to fill in.
    Profile,
}

wire_names!(OnboardingItemKind {
    Task = "task",
    Course = "course",
    Document = "document",
    Profile = "profile",
});

/// Where an item stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnboardingStatus {
    /// Not started.
    Todo,
    /// Started.
    InProgress,
    /// Finished (ticked off or verified).
    Done,
    /// Past its due date and not done.
    Overdue,
    /// Waiting on something else first.
    Blocked,
}

wire_names!(OnboardingStatus {
    Todo = "todo",
    InProgress = "in_progress",
    Done = "done",
    Overdue = "overdue",
    Blocked = "blocked",
});

/// Who marks an item done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletedBy {
    /// The partner ticks it off themselves.
    Partner,
    /// The vendor confirms it.
    Vendor,
}

wire_names!(CompletedBy {
    Partner = "partner",
    Vendor = "vendor",
});

/// One step of the checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnboardingItem {
    /// Stable id.
    pub id: String,
    /// What to do.
    pub title: String,
    /// Details and why it matters.
    pub description: String,
    /// Kind of step.
    pub kind: OnboardingItemKind,
    /// When it should be done.
    #[serde(deserialize_with = "crate::dates::day")]
    pub due_on: NaiveDate,
    /// Where it stands.
    pub status: OnboardingStatus,
    /// Who marks it done.
    pub completed_by: CompletedBy,
    /// When it was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::dates::optional_instant")]
    pub completed_at: Option<DateTime<Utc>>,
    /// Why it is blocked, when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_reason: Option<String>,
    /// Help and resources.
    pub links: Vec<ResourceLink>,
    /// What completes this step by itself when the backend sees it happen (e.g. "Done by
    /// itself when you register a deal."), in words; the partner is not asked to tick it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completes_when: Option<String>,
}

/// `PUT /onboarding/items/{id}/completion`: tick a self-attested item off, or undo that.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemCompletion {
    /// `true` to mark done, `false` to undo.
    pub done: bool,
}
