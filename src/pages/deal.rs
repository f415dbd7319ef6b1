//! One registered deal, addressed by its reference in the URL.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::{Page, SectionPlaceholder};

/// One deal's page; the reference comes from the URL and is shown as text only.
#[component]
pub fn DealPage() -> impl IntoView {
    let params = use_params_map();
    let reference = params.with_untracked(|p| p.get("id").unwrap_or_default());
    view! {
        <Page title=format!("Deal {reference}")>
            <SectionPlaceholder coming="This deal's details, its status timeline and what you can do next will appear here."/>
        </Page>
    }
}
