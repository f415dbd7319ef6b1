//! The partner portal's API contract (`api/openapi.yaml`) as serde types, shared by the app
//! and the reference backend so the two cannot disagree about a field.

pub mod catalogue;
mod common;
pub mod dates;
pub mod deal_flow;
pub mod deal_rules;
mod deals;
pub mod earnings;
mod feedback;
pub mod feedback_rules;
mod flat_readers;
pub mod funds;
mod leaderboards;
mod list_params;
mod me;
mod measure;
mod notifications;
mod onboarding;
mod operations;
mod query;
mod session;
mod survey_rules;
mod team;
pub mod team_rules;
mod training;
mod wire_name;

pub use catalogue::{
    is_web_address, CourseDefinition, ProductDefinition, ProductUpdate, TierDefinition, TierMetric,
    TierRequirementDefinition, TierUpdate,
};
pub use common::*;
pub use deal_flow::{DealStepKind, DealStepRequest, StepName};
pub use deals::*;
pub use feedback::*;
pub use leaderboards::*;
pub use list_params::*;
pub use me::*;
pub use notifications::*;
pub use onboarding::*;
pub use operations::*;
pub use query::{encode, QueryString};
pub use session::*;
pub use survey_rules::{check_answers, is_blank};
pub use team::*;
pub use training::*;

/// The versioned prefix every endpoint lives under.
pub const API_PREFIX: &str = "/api/v1";
