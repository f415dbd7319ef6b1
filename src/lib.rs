//! Partner portal for channel programs: onboarding, training, deals, leaderboards and feedback.

pub mod api;
pub mod app;
pub mod boot;
pub mod brand;
pub mod components;
pub mod config;
pub mod csv;
pub mod dates;
pub mod deal_form;
pub mod deal_list;
pub mod draft_store;
pub mod format;
pub mod leaderboard;
pub mod next_actions;
pub mod onboarding;
pub mod pages;
pub mod partner;
pub mod paths;
pub mod survey;
pub mod theme;
pub mod training;
