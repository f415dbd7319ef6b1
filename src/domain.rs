//! The portal's pure logic, one module per page of `pages/` with the same name: no Leptos, no
//! browser APIs, so all of it runs as native `cargo test`.

pub mod deal;
pub mod deals;
pub mod feedback;
pub mod home;
pub mod leaderboards;
pub mod notifications;
pub mod onboarding;
pub mod register_deal;
pub mod sign_in;
pub mod stable_sort;
pub mod survey;
pub mod team;
pub mod training;

use api_types::QueryString;

/// A page's state held in its address (filters, sort, page): read leniently, so junk in a
/// shared link falls back to defaults; written with defaults left out, so a plain address
/// stays plain. Pages read it with `platform::url_state::use_url_state` and link with `href`.
pub trait UrlState: Clone + PartialEq {
    /// The page's path, e.g. `/deals`.
    const PATH: &'static str;

    /// Reads the query's decoded pairs; unknown names and values are ignored.
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self;

    /// The query for the address, defaults left out.
    fn to_query(&self) -> QueryString;

    /// The in-app path with its query, before the hosting base is added.
    fn path(&self) -> String {
        format!("{}{}", Self::PATH, self.to_query().to_suffix())
    }
}
