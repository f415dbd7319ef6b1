//! One labelled field: the label with "(required)" or "(optional)", a hint, the error at the
//! field, and the ids that tie them to the control for assistive technology.

use api_types::FieldError;
use leptos::prelude::*;

use super::{control_id, error_for};
use crate::text::i18n::t;

/// A field's ids and current error, shared by [`Field`] and the control inside it.
#[derive(Clone)]
pub struct FieldState {
    /// The control's id, e.g. `deal-contact-email`.
    pub id: String,
    /// The hint under the label, if any.
    pub hint: Option<String>,
    /// The error the contract's field has now.
    pub error: Signal<Option<String>>,
}

impl FieldState {
    /// The state of the contract's `field` (or a survey question's id) in a form whose ids
    /// start with `prefix`.
    pub fn new(
        prefix: &str,
        field: impl Into<String>,
        errors: RwSignal<Vec<FieldError>>,
        hint: Option<&str>,
    ) -> Self {
        let field: String = field.into();
        Self {
            id: control_id(prefix, &field),
            hint: hint.map(str::to_owned),
            error: Signal::derive(move || errors.with(|e| error_for(e, &field))),
        }
    }

    /// `aria-invalid` for the control.
    pub fn invalid(&self) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
        let error = self.error;
        move || error.with(Option::is_some).then_some("true")
    }

    /// `aria-describedby` for the control: the hint, then the error when there is one.
    pub fn described_by(&self) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let (id, hint, error) = (self.id.clone(), self.hint.is_some(), self.error);
        move || {
            let mut ids = Vec::new();
            if hint {
                ids.push(format!("{id}-hint"));
            }
            if error.with(Option::is_some) {
                ids.push(format!("{id}-error"));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }
}

/// The field around a control (the children), which uses the same [`FieldState`].
#[component]
pub fn Field(
    /// Ids and error.
    state: FieldState,
    /// The label.
    #[prop(into)]
    label: String,
    /// Whether an answer is required (else the label says "optional").
    #[prop(optional)]
    required: bool,
    /// The control.
    children: Children,
) -> impl IntoView {
    let FieldState { id, hint, error } = state;
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    view! {
        <div class="pp-field" class:pp-field--invalid=move || error.with(Option::is_some)>
            <label for=id class="pp-field__label">
                {label}
                <span class=if required { "pp-field__required" } else { "pp-field__optional" }>
                    {t(if required { "form.required" } else { "form.optional" })}
                </span>
            </label>
            {hint.map(|hint| view! { <p class="pp-field__hint" id=hint_id>{hint}</p> })}
            {move || error.get().map(|message| view! { <p class="pp-field__error" id=error_id.clone()>{message}</p> })}
            {children()}
        </div>
    }
}
