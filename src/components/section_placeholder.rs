//! An honest notice for a section that is planned but not built yet.

use leptos::prelude::*;

/// Says plainly that the section is not available yet and what it will show.
#[component]
pub fn SectionPlaceholder(
    /// What the finished section will let a partner do.
    #[prop(into)]
    coming: String,
) -> impl IntoView {
    view! {
        <section class="pp-card pp-placeholder" aria-labelledby="pp-placeholder-title">
            <h2 id="pp-placeholder-title" class="pp-card__title">"This section is not built yet"</h2>
            <p>{coming}</p>
        </section>
    }
}
