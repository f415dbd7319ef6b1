//! The registration form's fields, each bound to one member of the draft through the form kit.

use api_types::{FieldError, Product};
use leptos::prelude::*;

use crate::components::{Field, FieldState};
use crate::domain::register_deal::{DealDraft, NOTES_MAX};
use crate::text::i18n::{t, tr};

/// Reads one member of the draft.
pub type Getter = fn(&DealDraft) -> String;
/// Writes one member of the draft.
pub type Setter = fn(&mut DealDraft, String);

fn state(
    field: &'static str,
    errors: RwSignal<Vec<FieldError>>,
    hint: Option<&'static str>,
) -> FieldState {
    FieldState::new("deal", field, errors, hint.map(t).as_deref())
}

/// A text-like input bound to one draft member.
#[component]
pub fn TextField(
    draft: RwSignal<DealDraft>,
    errors: RwSignal<Vec<FieldError>>,
    /// The contract's name for the field (`contact.email`).
    field: &'static str,
    /// Catalogue keys of the label and the hint.
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = 120)] maxlength: u32,
    get: Getter,
    set: Setter,
) -> impl IntoView {
    let state = state(field, errors, hint);
    let (id, invalid, described_by) = (state.id.clone(), state.invalid(), state.described_by());
    view! {
        <Field state label=t(label) required>
            <input id=id class="pp-input" type=kind name=field autocomplete=autocomplete maxlength=maxlength
                required=required value=draft.with_untracked(get) aria-invalid=invalid aria-describedby=described_by
                on:input=move |event| draft.update(|d| set(d, event_target_value(&event)))/>
        </Field>
    }
}

/// A `<select>` bound to one draft member.
#[component]
pub fn SelectField(
    draft: RwSignal<DealDraft>,
    errors: RwSignal<Vec<FieldError>>,
    field: &'static str,
    label: &'static str,
    /// `(value, text)` pairs.
    options: Vec<(String, String)>,
    get: Getter,
    set: Setter,
) -> impl IntoView {
    let state = state(field, errors, None);
    let (id, invalid, described_by) = (state.id.clone(), state.invalid(), state.described_by());
    let current = draft.with_untracked(get);
    view! {
        <Field state label=t(label) required=true>
            <select id=id class="pp-input" required=true aria-invalid=invalid aria-describedby=described_by
                on:change=move |event| draft.update(|d| set(d, event_target_value(&event)))>
                <option value="" selected=current.is_empty()>{t("deal_form.choose")}</option>
                {options.into_iter().map(|(value, text)| {
                    let selected = value == current;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </Field>
    }
}

/// The products of the backend's catalogue, as checkboxes in a group.
#[component]
pub fn ProductChoice(
    draft: RwSignal<DealDraft>,
    errors: RwSignal<Vec<FieldError>>,
    catalogue: Vec<Product>,
) -> impl IntoView {
    let state = state("products", errors, None);
    let error = state.error;
    let chosen = draft.with_untracked(|d| d.products.clone());
    view! {
        <fieldset class="pp-field pp-choices" class:pp-field--invalid=move || error.with(Option::is_some)
            aria-describedby=move || error.with(Option::is_some).then_some("deal-products-error")>
            <legend class="pp-field__label">{t("deal.products")}<span class="pp-field__required">{t("deal_form.one_or_more")}</span></legend>
            {move || error.get().map(|message| view! { <p class="pp-field__error" id="deal-products-error">{message}</p> })}
            {catalogue.into_iter().enumerate().map(|(i, product)| {
                let id = if i == 0 { state.id.clone() } else { format!("deal-product-{}", product.code) };
                let checked = chosen.contains(&product.code);
                let code = product.code;
                view! {
                    <div class="pp-choice">
                        <input type="checkbox" id=id.clone() value=code.clone() checked=checked
                            on:change=move |event| {
                                let on = event_target_checked(&event);
                                draft.update(|d| {
                                    d.products.retain(|p| *p != code);
                                    if on {
                                        d.products.push(code.clone());
                                    }
                                });
                            }/>
                        <label for=id>{product.name}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Free notes with a live character count.
#[component]
pub fn NotesField(draft: RwSignal<DealDraft>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let state = state("notes", errors, Some("deal_form.notes_hint"));
    let (id, invalid) = (state.id.clone(), state.invalid());
    let used = move || draft.with(|d| d.notes.chars().count());
    view! {
        <Field state label=t("deal_form.notes")>
            <textarea id=id class="pp-input" rows="4" maxlength=NOTES_MAX aria-invalid=invalid
                aria-describedby="deal-notes-hint deal-notes-count"
                on:input=move |event| draft.update(|d| d.notes = event_target_value(&event))
            >{draft.with_untracked(|d| d.notes.clone())}</textarea>
            <p class="pp-field__count" id="deal-notes-count" aria-live="polite">{move || tr("form.characters", &[("used", &used()), ("max", &NOTES_MAX)])}</p>
        </Field>
    }
}
