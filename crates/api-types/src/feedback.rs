//! Surveys to answer, and the partner's own feedback with the vendor's replies.

use std::collections::BTreeMap;

use crate::wire_name::wire_names;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// `GET /surveys`: a survey open for the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveySummary {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// What it is about and how long it takes.
    pub description: String,
    /// Last day to answer.
    #[serde(deserialize_with = "crate::dates::day")]
    pub due_on: NaiveDate,
    /// Number of questions.
    pub question_count: u32,
}

/// `GET /surveys/{id}`: a survey with its questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Survey {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// What it is about.
    pub description: String,
    /// Last day to answer.
    #[serde(deserialize_with = "crate::dates::day")]
    pub due_on: NaiveDate,
    /// Questions in order.
    pub questions: Vec<Question>,
}

/// One question (read in one pass: `flat_readers.rs`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "crate::flat_readers::QuestionFields")]
pub struct Question {
    /// Stable id; answers are keyed by it.
    pub id: String,
    /// The question.
    pub prompt: String,
    /// Whether an answer is needed to submit.
    pub required: bool,
    /// The kind of answer and its limits.
    #[serde(flatten)]
    pub kind: QuestionKind,
}

/// The kind of answer a question takes (read with its question).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// "How likely are you to recommend…", 0–10; answered with an integer.
    Nps,
    /// A rating from 1 to `max`; answered with an integer.
    Rating {
        /// Highest rating (5).
        max: u8,
    },
    /// One option; answered with the option's id.
    SingleChoice {
        /// The options.
        options: Vec<ChoiceOption>,
    },
    /// Several options; answered with a list of option ids.
    MultipleChoice {
        /// The options.
        options: Vec<ChoiceOption>,
        /// At most this many may be chosen.
        max_selected: u32,
    },
    /// Free text; answered with a string.
    Text {
        /// At most this many characters.
        max_length: u32,
    },
}

/// An option of a choice question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    /// Stable id.
    pub id: String,
    /// Label.
    pub label: String,
}

/// An answer: a number (NPS, rating), a text or option id, or a list of option ids (read by
/// `flat_readers.rs`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// For NPS and rating questions.
    Number(i64),
    /// For text and single-choice questions.
    Text(String),
    /// For multiple-choice questions.
    Choices(Vec<String>),
}

/// `POST /surveys/{id}/responses`: answers keyed by question id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyResponse {
    /// Answers; unanswered optional questions are left out.
    pub answers: BTreeMap<String, Answer>,
}

/// The receipt for a submitted survey.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyReceipt {
    /// The survey answered.
    pub survey_id: String,
    /// When.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub submitted_at: DateTime<Utc>,
    /// Program points the answer added to the company's score.
    #[serde(default)]
    pub points_earned: u32,
}

/// What a piece of feedback is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedbackCategory {
    /// The vendor's products.
    Product,
    /// The partner program: tiers, incentives, rules.
    Program,
    /// This portal.
    Portal,
    /// Support and the channel team.
    Support,
    /// Anything else.
    Other,
}

wire_names!(FeedbackCategory {
    Product = "product",
    Program = "program",
    Portal = "portal",
    Support = "support",
    Other = "other",
});

/// What happened to a piece of feedback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedbackStatus {
    /// Read, not yet decided.
    Received,
    /// Will be done.
    Planned,
    /// Done.
    Done,
    /// Will not be done; the reply says why.
    Declined,
}

wire_names!(FeedbackStatus {
    Received = "received",
    Planned = "planned",
    Done = "done",
    Declined = "declined",
});

/// A piece of feedback the partner gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackItem {
    /// Stable id.
    pub id: String,
    /// Topic.
    pub category: FeedbackCategory,
    /// Short summary.
    pub title: String,
    /// What the partner said.
    pub body: String,
    /// What happened to it.
    pub status: FeedbackStatus,
    /// When it was sent.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub submitted_at: DateTime<Utc>,
    /// When the status last changed.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub updated_at: DateTime<Utc>,
    /// The vendor's answer, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<VendorReply>,
}

/// The vendor's answer to feedback ("you said, we did").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendorReply {
    /// Who answered.
    pub author: String,
    /// The answer.
    pub body: String,
    /// When.
    #[serde(deserialize_with = "crate::dates::instant")]
    pub at: DateTime<Utc>,
}

/// `POST /feedback`: new feedback.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewFeedback {
    /// Topic.
    pub category: FeedbackCategory,
    /// Short summary (3–120 characters).
    pub title: String,
    /// The feedback (10–4000 characters).
    pub body: String,
}
