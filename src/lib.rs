//! Partner portal for channel programs: onboarding, training, deals, leaderboards and feedback.

pub mod api;
pub mod app;
pub mod boot;
pub mod components;
pub mod config;
pub mod pages;
pub mod partner;
pub mod paths;
