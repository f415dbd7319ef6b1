//! A row of links that set one URL parameter (a filter, sort or level), the current one marked.

use leptos::prelude::*;

use crate::domain::UrlState;
use crate::platform::url_state;

/// One choice: its label, where it leads, and whether it is the current one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterChoice {
    /// What the partner reads.
    pub label: String,
    /// The full in-app address with the parameter set.
    pub href: String,
    /// Whether this is the choice in force.
    pub current: bool,
}

impl FilterChoice {
    /// A link to `target`, another state of the same page, marked when it is the `current` one.
    pub fn to<S: UrlState>(label: impl Into<String>, target: &S, current: bool) -> Self {
        Self {
            label: label.into(),
            href: url_state::href(target),
            current,
        }
    }
}

/// Links rather than buttons: each view has its own address to bookmark, share and go back to.
#[component]
pub fn FilterLinks(
    /// Names the group for assistive technology, e.g. "Show".
    #[prop(into)]
    label: String,
    /// The choices, recomputed when the URL changes.
    #[prop(into)]
    choices: Signal<Vec<FilterChoice>>,
) -> impl IntoView {
    let visible_label = label.clone();
    view! {
        <nav class="pp-filter" aria-label=label>
            <span class="pp-filter__label pp-meta" aria-hidden="true">{visible_label}</span>
            <ul class="pp-filter__list">
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .map(|choice| {
                            view! {
                                <li>
                                    <a
                                        class="pp-filter__link"
                                        href=choice.href
                                        aria-current=choice.current.then_some("true")
                                        data-noscroll="true"
                                    >
                                        {choice.label}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}
