//! The light/dark switch in the header: System → Light → Dark, remembered across visits.

use leptos::prelude::*;

use crate::platform::theme::{apply_choice, saved_choice};
use crate::text::i18n::tr;

/// A button that shows the current choice and moves to the next one.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let choice = RwSignal::new(saved_choice());
    let switch = move |_| {
        let next = choice.get_untracked().next();
        apply_choice(next);
        choice.set(next);
    };
    view! {
        <button type="button" class="pp-button pp-theme-switch" on:click=switch aria-live="polite">
            <span class="pp-theme-switch__icon" aria-hidden="true">"◐"</span>
            <span class="pp-theme-switch__label">{move || tr("theme.current", &[("theme", &choice.get().label())])}</span>
        </button>
    }
}
