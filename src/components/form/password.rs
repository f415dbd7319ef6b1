//! A password input with *Show password*, for signing in and for choosing one.

use crate::text::i18n::t;
use leptos::prelude::*;

/// The input (its `id` ties it to its [`super::Field`]'s label) and the checkbox that shows
/// what was typed.
#[component]
pub fn PasswordInput(
    /// The control's id.
    id: &'static str,
    /// `current-password` to sign in, `new-password` to choose one.
    autocomplete: &'static str,
    /// What is typed.
    value: Signal<String>,
    /// Called with each change.
    on_input: Callback<String>,
    /// `aria-invalid` (from the field's state).
    invalid: Signal<Option<&'static str>>,
    /// `aria-describedby` (from the field's state).
    described_by: Signal<Option<String>>,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    view! {
        <input id=id class="pp-input" autocomplete=autocomplete
            type=move || if shown.get() { "text" } else { "password" }
            prop:value=value
            on:input=move |e| on_input.run(event_target_value(&e))
            aria-invalid=invalid aria-describedby=described_by/>
        <label class="pp-check">
            <input type="checkbox" prop:checked=shown on:change=move |e| shown.set(event_target_checked(&e))/>
            " "{t("form.show_password")}
        </label>
    }
}
