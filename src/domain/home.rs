//! Home's logic: the welcome card's tier progress and the next steps ranked across every
//! section.

pub mod next_steps;
pub mod welcome;
