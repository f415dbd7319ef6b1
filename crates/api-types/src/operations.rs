//! The vendor's side of the contract (`/ops/…`): what the channel team's tools and the
//! vendor's CRM or LMS send. The portal itself never calls these.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Deal, FeedbackStatus};

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
