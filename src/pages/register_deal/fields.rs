//! The form's building blocks: a labelled field with hint and error, and the error summary that
//! takes focus and links to each field.

use api_types::FieldError;
use leptos::prelude::*;

use crate::deal_form::DealDraft;

pub use crate::components::error_for;

/// The id of the control for a contract field name: `contact.email` → `deal-contact-email`.
pub fn field_id(field: &str) -> String {
    crate::components::control_id("deal", field)
}

/// A text-like input bound to one draft field.
#[component]
pub fn TextField(
    draft: RwSignal<DealDraft>,
    errors: RwSignal<Vec<FieldError>>,
    /// The contract's name for the field (`contact.email`).
    field: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = 120)] maxlength: u32,
    get: fn(&DealDraft) -> String,
    set: fn(&mut DealDraft, String),
) -> impl IntoView {
    let id = field_id(field);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error = move || errors.with(|e| error_for(e, field));
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="pp-field" class:pp-field--invalid=move || error().is_some()>
            <label for=id.clone() class="pp-field__label">
                {label}
                {if required { view! { <span class="pp-field__required">" (required)"</span> }.into_any() } else { view! { <span class="pp-field__optional">" (optional)"</span> }.into_any() }}
            </label>
            {hint.map(|hint| view! { <p class="pp-field__hint" id=hint_id.clone()>{hint}</p> })}
            {move || error().map(|message| view! { <p class="pp-field__error" id=error_id.clone()>{message}</p> })}
            <input
                id=id
                class="pp-input"
                type=kind
                name=field
                autocomplete=autocomplete
                maxlength=maxlength
                required=required
                value=draft.with_untracked(get)
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=described_by
                on:input=move |event| draft.update(|d| set(d, event_target_value(&event)))
            />
        </div>
    }
}
