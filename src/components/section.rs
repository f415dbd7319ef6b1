//! A titled part of a page: a `<section>` named by its `<h2>` for assistive technology.

use leptos::prelude::*;

/// The section; `heading_id` must be unique on the page.
#[component]
pub fn Section(
    /// The heading's id, which names the section.
    heading_id: &'static str,
    /// The heading.
    #[prop(into)]
    title: String,
    /// The content under the heading.
    children: Children,
) -> impl IntoView {
    view! {
        <section class="pp-section" aria-labelledby=heading_id>
            <h2 id=heading_id>{title}</h2>
            {children()}
        </section>
    }
}
