//! Browser plumbing: start-up and `config.json`, links under the hosting base, URL state,
//! local storage, and the theme and brand applied to the document.

pub mod boot;
pub mod brand;
pub mod config;
pub mod paths;
pub mod storage;
pub mod theme;
pub mod url_state;
