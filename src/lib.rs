//! Partner portal for channel programs: onboarding, training, deals, leaderboards and feedback.
//!
//! The layers, and what each may use, are mapped in `ARCHITECTURE.md` at the repository root.

pub mod api;
pub mod app;
pub mod components;
pub mod context;
pub mod domain;
pub mod pages;
pub mod platform;
pub mod session;
pub mod text;
