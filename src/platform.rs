//! Browser plumbing: start-up and `config.json`, links under the hosting base, URL state,
//! the partner's language, local storage, and the theme and brand applied to the document.

pub mod boot;
pub mod brand;
pub mod config;
pub mod language;
pub mod paths;
pub mod storage;
pub mod theme;
pub mod url_state;
