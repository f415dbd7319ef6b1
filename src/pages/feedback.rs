//! Surveys to answer and what happened to the feedback the partner gave.

use leptos::prelude::*;

use crate::components::{Page, SectionPlaceholder};

/// Surveys to answer and what happened to the feedback the partner gave.
#[component]
pub fn FeedbackPage() -> impl IntoView {
    view! {
        <Page title="Feedback">
            <SectionPlaceholder coming="Open surveys, and every piece of feedback you sent with its status and our reply, will appear here."/>
        </Page>
    }
}
