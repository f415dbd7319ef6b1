//! The partner's starting point: where they stand and what to do next.

use leptos::prelude::*;

use crate::components::{Page, SectionPlaceholder};

/// The partner's starting point: where they stand and what to do next.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Page title="Home">
            <SectionPlaceholder coming="Your tier and what the next one needs, your most urgent next steps, and a summary of every section will appear here."/>
        </Page>
    }
}
