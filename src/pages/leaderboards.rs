//! Rankings that count engagement, with the partner's own rank always visible.

use leptos::prelude::*;

use crate::components::{Page, SectionPlaceholder};

/// Rankings that count engagement, with the partner's own rank always visible.
#[component]
pub fn LeaderboardsPage() -> impl IntoView {
    view! {
        <Page title="Leaderboards">
            <SectionPlaceholder coming="Rankings that count training, certifications and feedback as well as revenue will appear here, with your own rank always visible."/>
        </Page>
    }
}
