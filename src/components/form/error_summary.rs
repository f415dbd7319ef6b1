//! t("form.check_fields"): every error as a link to its control; takes focus when shown.

use crate::text::i18n::t;
use api_types::FieldError;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the control for a field: (`deal`, `contact.email`) → `deal-contact-email`.
pub fn control_id(prefix: &str, field: &str) -> String {
    format!("{prefix}-{}", field.replace(['.', '_'], "-"))
}

/// The first error for `field`, if any.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

/// Moves focus to a control (hash links would resolve against `<base>` and leave the page).
pub fn focus_control(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Focuses the summary on the next frame, once it is in the page.
pub fn focus_when_shown(summary: NodeRef<Div>) {
    request_animation_frame(move || {
        if let Some(summary) = summary.get_untracked() {
            let _ = summary.focus();
        }
    });
}

/// The summary; `id_prefix` maps field names to control ids as [`control_id`] does.
#[component]
pub fn ErrorSummary(
    /// The errors to list.
    errors: RwSignal<Vec<FieldError>>,
    /// Where focus goes when errors appear.
    summary: NodeRef<Div>,
    /// Prefix of the controls' ids.
    id_prefix: &'static str,
) -> impl IntoView {
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div class="pp-error-summary" role="alert" tabindex="-1" node_ref=summary aria-labelledby="pp-error-summary-title">
                <h2 id="pp-error-summary-title" class="pp-error-summary__title">{t("form.check_fields")}</h2>
                <ul>
                    {move || errors.get().into_iter().map(|error| {
                        let id = control_id(id_prefix, &error.field);
                        let target = id.clone();
                        view! {
                            <li>
                                <a href=format!("#{id}") on:click=move |event| {
                                    event.prevent_default();
                                    focus_control(&target);
                                }>{error.message}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
