//! Text as partners read it: numbers, money and dates in their locale, and every wire enum in
//! words with the tone it is shown in.

pub mod dates;
pub mod format;
pub mod json;
pub mod labels;
