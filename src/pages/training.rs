//! Courses, learning paths, certifications and badges.

use leptos::prelude::*;

use crate::components::{Page, SectionPlaceholder};

/// Courses, learning paths, certifications and badges.
#[component]
pub fn TrainingPage() -> impl IntoView {
    view! {
        <Page title="Training">
            <SectionPlaceholder coming="Your courses, learning paths, certifications with their expiry dates, and badges will appear here."/>
        </Page>
    }
}
