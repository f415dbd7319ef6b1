//! Every deal the partner registered, with its status.

use leptos::prelude::*;

use crate::components::{Page, SectionPlaceholder};

/// Every deal the partner registered, with its status.
#[component]
pub fn DealsPage() -> impl IntoView {
    view! {
        <Page title="Deals">
            <SectionPlaceholder coming="Every deal you registered will be listed here with its status, protection expiry and value."/>
        </Page>
    }
}
