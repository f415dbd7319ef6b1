//! Text as partners read it: every sentence from their language's catalogue, numbers, money and
//! dates in their locale, and every wire enum in words with the tone it is shown in.

pub mod dates;
pub mod format;
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod intl;
pub mod json;
pub mod labels;
