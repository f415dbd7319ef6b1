//! The search box: typing is never blocked; the URL (and so the request) follows after a pause.

use crate::text::i18n::t;
use leptos::html::Input;
use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use std::time::Duration;

/// Waits this long after the last keystroke before searching.
const PAUSE: Duration = Duration::from_millis(300);

/// A labelled search field that calls `on_search` once typing pauses.
#[component]
pub(super) fn SearchBox(
    /// The search in the URL (changes on back/forward too).
    value: Signal<String>,
    /// Runs with the text after a pause in typing.
    on_search: impl Fn(String) + Clone + 'static,
) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let typed = StoredValue::new(value.get_untracked());
    // The box follows the URL only when the URL changed for another reason (back button, a
    // link): text the partner is still typing is never replaced by an older search.
    Effect::new(move |_| {
        let from_url = value.get();
        if from_url != typed.get_value() {
            typed.set_value(from_url.clone());
            if let Some(input) = input.get() {
                input.set_value(&from_url);
            }
        }
    });
    on_cleanup(move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
    });
    let on_input = move |_| {
        let Some(element) = input.get_untracked() else {
            return;
        };
        let text = element.value();
        typed.set_value(text.clone());
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let on_search = on_search.clone();
        let handle = set_timeout_with_handle(move || on_search(text), PAUSE).ok();
        pending.set_value(handle);
    };
    view! {
        <div class="pp-search">
            <label for="pp-deal-search" class="pp-search__label">{t("deals.search")}</label>
            <input
                id="pp-deal-search"
                class="pp-input"
                type="search"
                node_ref=input
                value=value.get_untracked()
                placeholder=t("deals.search_hint")
                autocomplete="off"
                maxlength="100"
                on:input=on_input
            />
        </div>
    }
}
