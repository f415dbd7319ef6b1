//! The page for addresses the portal does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::Page;
use crate::platform::paths::href;

/// Says the page does not exist and offers the way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Page title="Page not found">
            <p>"There is no page at this address. It may have moved, or the link may be mistyped."</p>
            <p><A href=href("/")>"Go to your home page"</A></p>
        </Page>
    }
}
