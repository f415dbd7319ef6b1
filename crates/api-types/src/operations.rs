//! The vendor's side of the contract (`/ops/…`): what the channel team's tools and the
//! vendor's CRM or LMS send. The portal itself never calls these.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::wire_name::wire_names;
use crate::{Deal, FeedbackStatus, FieldError, PartnerType, Question, TierLevel, UserRole};

/// `GET /ops/deals/{reference}`: a deal with the partner company that registered it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperationsDeal {
    /// The registering company's id.
    pub partner_id: String,
    /// The registering company's name.
    pub partner_name: String,
    /// The deal as the partner sees it.
    #[serde(flatten)]
    pub deal: Deal,
}

/// `PUT /ops/feedback/{id}`: the vendor's decision on feedback, with the reply the partner reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackDecision {
    /// The new status.
    pub status: FeedbackStatus,
    /// The reply (3–4000 characters); required when declining.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
}

/// `PUT /ops/users/{id}/courses/{courseId}`: progress an LMS reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseProgressReport {
    /// Modules finished, at most the course's module count.
    pub modules_done: u32,
}

/// `PUT /ops/users/{id}/certifications/{certificationId}`: a certification granted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificationGrant {
    /// The day it was earned.
    #[serde(deserialize_with = "crate::dates::day")]
    pub earned_on: NaiveDate,
    /// The day it lapses, after `earned_on`.
    #[serde(deserialize_with = "crate::dates::day")]
    pub expires_on: NaiveDate,
}

/// Reply texts: 3 to 4000 characters once trimmed.
pub const REPLY_CHARS: (usize, usize) = (3, 4000);

/// What the channel team decided about an onboarding item it confirms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnboardingVerdict {
    /// Confirmed: the item is done.
    Verified,
    /// Not yet: the partner has to do more, and the reason says what.
    SentBack,
}

wire_names!(OnboardingVerdict {
    Verified = "verified",
    SentBack = "sent_back",
});

/// `PUT /ops/partners/{partnerId}/onboarding/{itemId}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnboardingDecision {
    /// Verified or sent back.
    pub verdict: OnboardingVerdict,
    /// What is missing (3–2000 characters); required to send back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Who a survey is for; an empty list means any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyAudience {
    /// Only these kinds of partner.
    #[serde(default)]
    pub partner_types: Vec<PartnerType>,
    /// Only these tiers.
    #[serde(default)]
    pub tiers: Vec<TierLevel>,
    /// Only these sales regions, e.g. "EMEA".
    #[serde(default)]
    pub regions: Vec<String>,
}

/// `PUT /ops/surveys/{surveyId}`: a survey published to an audience.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewSurvey {
    /// Title (3–120 characters).
    pub title: String,
    /// What it is about and how long it takes.
    pub description: String,
    /// Last day to answer; today or later.
    #[serde(deserialize_with = "crate::dates::day")]
    pub due_on: NaiveDate,
    /// The questions, 1 to 20, ids unique.
    pub questions: Vec<Question>,
    /// Who it is for.
    #[serde(default)]
    pub audience: SurveyAudience,
}

/// `PUT /ops/partners/{partnerId}`: a partner company joining the program, or its details changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewPartner {
    /// Registered name (2–120 characters).
    pub name: String,
    /// How it sells.
    pub partner_type: PartnerType,
    /// ISO 3166-1 alpha-2 country code, from the contract's list.
    pub country: String,
    /// Sales region: `AMER`, `EMEA` or `APAC`.
    pub region: String,
    /// ISO 4217 currency it reports in, from the contract's list.
    pub currency: String,
    /// Its tier.
    pub tier: TierLevel,
}

/// `PUT /ops/partners/{partnerId}/users/{userId}`: a person at a partner who may sign in
/// (through the vendor's provider, or with a password an admin sets).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewPartnerUser {
    /// Full name (2–120 characters).
    pub name: String,
    /// Work e-mail; unique across the program.
    pub email: String,
    /// What they may do for their company.
    pub role: UserRole,
}

/// What happened to one row of an import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A new partner or person.
    Created,
    /// Details of an existing one changed (or were already so).
    Updated,
    /// Nothing written; `errors` says why.
    Rejected,
}

wire_names!(ImportOutcome {
    Created = "created",
    Updated = "updated",
    Rejected = "rejected",
});

/// One row of an import's report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    /// The row's line number in the file (the header is line 1).
    pub line: u32,
    /// What happened.
    pub outcome: ImportOutcome,
    /// Why it was rejected, by column.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// `POST /ops/partners/import`: what each row came to, and the totals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Rows created.
    pub created: u32,
    /// Rows that updated an existing partner or person.
    pub updated: u32,
    /// Rows rejected.
    pub rejected: u32,
    /// Every row, in file order.
    pub rows: Vec<ImportRow>,
}

/// The columns of a partner import, in order; the first line of the file names them.
pub const IMPORT_COLUMNS: [&str; 11] = [
    "partner_id",
    "partner_name",
    "partner_type",
    "country",
    "region",
    "currency",
    "tier",
    "user_id",
    "user_name",
    "user_email",
    "user_role",
];

/// Sales regions a partner belongs to.
pub const REGIONS: [&str; 3] = ["AMER", "EMEA", "APAC"];

/// `GET /program`, `PUT /ops/program`: the promises the program makes, which the portal shows
/// as the backend states them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramPolicies {
    /// Business days within which the channel team decides on a new registration (1–30).
    pub review_business_days: u32,
    /// Days an approved registration is usually protected (1–365).
    pub protection_days: u32,
}
