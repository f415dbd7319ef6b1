//! The form's building blocks: a labelled field with hint and error, and the error summary that
//! takes focus and links to each field.

use api_types::FieldError;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::deal_form::DealDraft;

/// The id of the control for a contract field name: `contact.email` → `deal-contact-email`.
pub fn field_id(field: &str) -> String {
    format!("deal-{}", field.replace(['.', '_'], "-"))
}

/// The first error for `field`, if any.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

/// Moves focus to a field (hash links would resolve against `<base>` and leave the page).
pub fn focus_field(field: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&field_id(field)))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
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

/// "There is a problem": every error as a link to its field; takes focus when it appears.
#[component]
pub fn ErrorSummary(errors: RwSignal<Vec<FieldError>>, summary: NodeRef<Div>) -> impl IntoView {
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div class="pp-error-summary" role="alert" tabindex="-1" node_ref=summary aria-labelledby="pp-error-summary-title">
                <h2 id="pp-error-summary-title" class="pp-error-summary__title">"Please check these fields"</h2>
                <ul>
                    {move || errors.get().into_iter().map(|error| {
                        let field = error.field.clone();
                        view! {
                            <li>
                                <a href=format!("#{}", field_id(&error.field)) on:click=move |event| {
                                    event.prevent_default();
                                    focus_field(&field);
                                }>{error.message}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
