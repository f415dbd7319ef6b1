//! The page for addresses the portal does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::Page;
use crate::platform::paths::href;
use crate::text::i18n::t;

/// Says the page does not exist and offers the way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Page title=t("not_found.title")>
            <p>{t("not_found.text")}</p>
            <p><A href=href("/")>{t("not_found.home")}</A></p>
        </Page>
    }
}
