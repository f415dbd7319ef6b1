//! The checklist for a partner's first 30, 60 and 90 days.

use leptos::prelude::*;

use crate::components::{Page, SectionPlaceholder};

/// The checklist for a partner's first 30, 60 and 90 days.
#[component]
pub fn OnboardingPage() -> impl IntoView {
    view! {
        <Page title="Onboarding">
            <SectionPlaceholder coming="Your checklist for the first 30, 60 and 90 days will appear here: what is next, what is overdue, and who completes each step."/>
        </Page>
    }
}
