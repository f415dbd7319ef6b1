//! One routed page: its `<h1>`, the browser tab's title, and focus after navigation.

use std::cell::Cell;

use leptos::html::H1;
use leptos::prelude::*;

use crate::context::use_config;

thread_local! {
    /// The first page shown keeps focus where the browser put it; later ones take it.
    static HAS_NAVIGATED: Cell<bool> = const { Cell::new(false) };
}

/// Frames a page: sets `document.title` to "Title · Brand" and, after an in-app navigation,
/// moves focus to the heading so screen-reader users hear where they arrived.
#[component]
pub fn Page(
    /// The page's heading, also used for the tab title.
    #[prop(into)]
    title: String,
    /// The page's content under the heading.
    children: Children,
) -> impl IntoView {
    let brand = use_config().brand_name;
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{title} · {brand}")); // text: names only
    }
    let heading = NodeRef::<H1>::new();
    heading.on_load(|h1| {
        if HAS_NAVIGATED.replace(true) {
            // A page whose code just arrived is built before it is in the document, where
            // focus cannot go: focus once it is on screen.
            request_animation_frame(move || {
                let _ = h1.focus();
            });
        }
    });
    view! {
        <div class="pp-page">
            <h1 class="pp-page__title" tabindex="-1" node_ref=heading>{title}</h1>
            {children()}
        </div>
    }
}
