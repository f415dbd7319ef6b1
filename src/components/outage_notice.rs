//! The one notice a page shows while the backend is out of reach, with the one retry that
//! brings every waiting section back (they also retry by themselves: `context::outage`).

use leptos::prelude::*;

use super::ErrorNotice;
use crate::context::{outage, retry_waiting};
use crate::text::i18n::t;

/// Shown over the foot of the page, so its coming and going moves nothing on it. Built once
/// per outage: sections coming and going under it (each retry) neither rebuild it nor make a
/// screen reader announce it again.
#[component]
pub fn OutageNotice() -> impl IntoView {
    let on = Memo::new(move |_| outage().is_some());
    move || {
        on.get().then(|| untrack(outage)).flatten().map(|error| {
            view! {
                <div class="pp-outage">
                    <ErrorNotice error what=t("what.everything") on_retry=Callback::new(|()| retry_waiting())/>
                </div>
            }
        })
    }
}
