//! Page state in the URL, the one way: a [`UrlState`] read from the router's query as a memo,
//! and links and navigations to another state of the same page.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::domain::UrlState;

/// The page's state, following the address.
pub fn use_url_state<S: UrlState + Send + Sync + 'static>() -> Memo<S> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| S::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v)))))
}

/// The link to `state`, prefixed with the hosting base.
pub fn href<S: UrlState>(state: &S) -> String {
    super::paths::href(&state.path())
}

/// Goes to `state`: `replace` for live inputs (no history entry per keystroke, no scroll).
pub fn use_go_to<S: UrlState>(replace: bool) -> impl Fn(&S) + Clone {
    let navigate = use_navigate();
    move |state: &S| {
        let options = NavigateOptions {
            replace,
            scroll: !replace,
            ..Default::default()
        };
        navigate(&state.path(), options);
    }
}
