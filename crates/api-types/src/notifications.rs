//! What changed for the partner: decisions on deals, questions, replies, lapsing
//! certifications, new surveys, declined earnings and payouts, decisions on funds, each linking to its subject,
//! with read state kept by the backend.

use crate::wire_name::wire_names;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a notification is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotificationKind {
    /// The channel team asked about a deal.
    DealQuestion,
    /// A deal was approved (protected).
    DealApproved,
    /// A deal was not accepted.
    DealRejected,
    /// A deal was recorded as won.
    DealWon,
    /// A deal was recorded as lost.
    DealLost,
    /// A deal's protection was extended.
    ExtensionGranted,
    /// A deal's protection was not extended.
    ExtensionRefused,
    /// A deal's protection ends soon.
    ProtectionEnding,
    /// The vendor answered feedback.
    FeedbackReply,
    /// A course was completed.
    CourseCompleted,
    /// A certification was granted.
    CertificationGranted,
    /// A certification was revoked.
    CertificationRevoked,
    /// A certification lapses soon.
    CertificationExpiring,
    /// A new survey is open.
    SurveyPublished,
    /// The channel team confirmed an onboarding item.
    OnboardingVerified,
    /// The channel team sent an onboarding item back, saying why.
    OnboardingSentBack,
    /// A line of earnings was declined, with the reason.
    EarningDeclined,
    /// A payout was sent.
    PayoutSent,
    /// A payout arrived.
    PayoutPaid,
    /// A fund request was pre-approved, or its claim approved (in part: with the reason).
    FundApproved,
    /// A fund request or its claim was declined, with the reason.
    FundDeclined,
    /// A fund claim was paid.
    FundPaid,
}

wire_names!(NotificationKind {
    DealQuestion = "deal_question",
    DealApproved = "deal_approved",
    DealRejected = "deal_rejected",
    DealWon = "deal_won",
    DealLost = "deal_lost",
    ExtensionGranted = "extension_granted",
    ExtensionRefused = "extension_refused",
    ProtectionEnding = "protection_ending",
    FeedbackReply = "feedback_reply",
    CourseCompleted = "course_completed",
    CertificationGranted = "certification_granted",
    CertificationRevoked = "certification_revoked",
    CertificationExpiring = "certification_expiring",
    SurveyPublished = "survey_published",
    OnboardingVerified = "onboarding_verified",
    OnboardingSentBack = "onboarding_sent_back",
    EarningDeclined = "earning_declined",
    PayoutSent = "payout_sent",
    PayoutPaid = "payout_paid",
    FundApproved = "fund_approved",
    FundDeclined = "fund_declined",
    FundPaid = "fund_paid",
});

/// The kind of thing a notification links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectKind {
    /// A deal, by reference.
    Deal,
    /// Feedback, by id.
    Feedback,
    /// A course, by id.
    Course,
    /// A certification, by id.
    Certification,
    /// A survey, by id.
    Survey,
    /// An onboarding item, by id.
    OnboardingItem,
    /// A line of earnings, by id.
    Earning,
    /// A payout, by id.
    Payout,
    /// A fund request (and its claim), by id.
    FundRequest,
}

wire_names!(SubjectKind {
    Deal = "deal",
    Feedback = "feedback",
    Course = "course",
    Certification = "certification",
    Survey = "survey",
    OnboardingItem = "onboarding_item",
    Earning = "earning",
    Payout = "payout",
    FundRequest = "fund_request",
});

/// What a notification links to, with its name as the backend writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subject {
    /// The kind of thing.
    pub kind: SubjectKind,
    /// Its id (a deal's reference).
    pub id: String,
    /// Its name: a customer, a feedback title, a course or survey title; for a line of
    /// earnings what it was earned for, for a payout its amount (`EUR 1234.50`).
    pub title: String,
}

/// One entry of the feed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    /// Stable id.
    pub id: String,
    /// What happened.
    pub kind: NotificationKind,
    /// What it is about.
    pub subject: Subject,
    /// The question, reason or reply, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub created_at: DateTime<Utc>,
    /// Whether this user has read it.
    pub read: bool,
}

/// `GET /notifications`: the newest entries and how many are unread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationFeed {
    /// Unread entries in all (not only those listed).
    pub unread: u32,
    /// The newest entries, newest first.
    pub items: Vec<Notification>,
}

/// How many entries the feed lists.
pub const FEED_LENGTH: usize = 30;
