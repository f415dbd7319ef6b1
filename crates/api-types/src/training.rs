//! Courses, learning paths, certifications and badges.

use crate::wire_name::wire_names;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// `GET /training`: everything about a user's learning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Training {
    /// Courses and learning paths with the user's progress.
    pub courses: Vec<Course>,
    /// Items suggested to the user, with the reason.
    pub recommended: Vec<Recommendation>,
    /// Certifications held or in progress.
    pub certifications: Vec<Certification>,
    /// Badges earned.
    pub badges: Vec<Badge>,
}

/// A single course or a learning path of several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CourseKind {
    /// One course.
    Course,
    /// A sequence of courses.
    LearningPath,
}

wire_names!(CourseKind {
    Course = "course",
    LearningPath = "learning_path",
});

/// Difficulty level of a course or certification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// For newcomers.
    Foundation,
    /// For practitioners.
    Professional,
    /// For experts.
    Expert,
}

wire_names!(Level {
    Foundation = "foundation",
    Professional = "professional",
    Expert = "expert",
});

/// How far a user is through a course.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CourseStatus {
    /// No module done.
    NotStarted,
    /// Some modules done.
    InProgress,
    /// All modules done.
    Completed,
}

wire_names!(CourseStatus {
    NotStarted = "not_started",
    InProgress = "in_progress",
    Completed = "completed",
});

/// A course or learning path with the user's progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Course {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Course or learning path.
    pub kind: CourseKind,
    /// Difficulty.
    pub level: Level,
    /// Modules in all.
    pub modules_total: u32,
    /// Modules the user finished.
    pub modules_done: u32,
    /// Estimated minutes to finish what is left.
    pub minutes_left: u32,
    /// Where the user stands.
    pub status: CourseStatus,
    /// Where to take it.
    pub url: String,
}

/// A suggestion, with why it is suggested.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    /// The suggested course's id.
    pub course_id: String,
    /// Why, e.g. "Needed for your Gold tier".
    pub reason: String,
}

/// Where a certification stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertificationStatus {
    /// No requirement met yet.
    NotStarted,
    /// Some requirements met.
    InProgress,
    /// Held and valid.
    Earned,
    /// Held, expires within 60 days.
    Expiring,
    /// No longer valid; recertify.
    Expired,
}

wire_names!(CertificationStatus {
    NotStarted = "not_started",
    InProgress = "in_progress",
    Earned = "earned",
    Expiring = "expiring",
    Expired = "expired",
});

/// A certification and what it takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certification {
    /// Stable id.
    pub id: String,
    /// Name, e.g. "Certified Cloud Engineer".
    pub name: String,
    /// Level.
    pub level: Level,
    /// Where it stands.
    pub status: CertificationStatus,
    /// When it was earned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::dates::optional_day")]
    pub earned_on: Option<NaiveDate>,
    /// When it stops being valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::dates::optional_day")]
    pub expires_on: Option<NaiveDate>,
    /// What earning it takes, as a checklist.
    pub requirements: Vec<CertificationRequirement>,
    /// What renewing it takes, e.g. "Pass the 30-minute recertification exam".
    pub recertification: String,
    /// Earned before the holder's company joined the program (brought from an earlier
    /// employer): it counts, but is not something the company did since joining.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried_over: bool,
}

/// One requirement of a certification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificationRequirement {
    /// What is required.
    pub label: String,
    /// Whether the user met it.
    pub done: bool,
}

/// An achievement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Badge {
    /// Stable id.
    pub id: String,
    /// Name, e.g. "First deal won".
    pub name: String,
    /// What it was awarded for.
    pub description: String,
    /// When.
    #[serde(deserialize_with = "crate::dates::day")]
    pub earned_on: NaiveDate,
}
