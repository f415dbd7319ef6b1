//! The form to register a new deal for protection.

use leptos::prelude::*;

use crate::components::{Page, SectionPlaceholder};

/// The form to register a new deal for protection.
#[component]
pub fn RegisterDealPage() -> impl IntoView {
    view! {
        <Page title="Register a deal">
            <SectionPlaceholder coming="The form to register a deal for protection will appear here."/>
        </Page>
    }
}
