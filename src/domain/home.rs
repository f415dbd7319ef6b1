//! Home's logic: the welcome card's tier progress, the engagement score's change, and the
//! next steps ranked across every section.

pub mod engagement;
pub mod next_steps;
pub mod welcome;
