//! The partner portal's API contract (`api/openapi.yaml`) as serde types, shared by the app
//! and the reference backend so the two cannot disagree about a field.

mod common;
mod deals;
mod feedback;
mod leaderboards;
mod me;
mod onboarding;
mod survey_rules;
mod training;

pub use common::*;
pub use deals::*;
pub use feedback::*;
pub use leaderboards::*;
pub use me::*;
pub use onboarding::*;
pub use survey_rules::check_answers;
pub use training::*;

/// The versioned prefix every endpoint lives under.
pub const API_PREFIX: &str = "/api/v1";
