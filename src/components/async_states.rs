//! The shared shapes of an async view that is not showing data: loading, empty and error.

use leptos::prelude::*;

use super::Notice;
use crate::api::ApiError;
use crate::text::i18n::{t, tr};
use crate::text::labels::Tone;

/// Grey placeholder lines the size of the content to come, so nothing jumps when it arrives.
#[component]
pub fn Skeleton(
    /// How many lines of text to stand in for.
    #[prop(default = 3)]
    lines: usize,
    /// What is loading, for screen readers ("Loading your profile").
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <div class="pp-skeleton-group" role="status" aria-live="polite">
            <span class="pp-visually-hidden">{label}</span>
            {(0..lines)
                .map(|i| {
                    view! {
                        <span
                            class="pp-skeleton pp-skeleton--line"
                            class:pp-skeleton--short=i + 1 == lines
                            aria-hidden="true"
                        ></span>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Says what failed in plain words and, when asking again may help, offers to try again (a
/// missing deal or a refusal would only fail the same way: the page's own links lead back).
#[component]
pub fn ErrorNotice(
    /// What went wrong.
    error: ApiError,
    /// What the partner was waiting for, e.g. "your profile".
    #[prop(into)]
    what: String,
    /// Asks again (a `Callback`, so every call site shares one copy of this view).
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <Notice tone=Tone::Danger title=tr("state.could_not_load", &[("what", &what)])>
            <p>{error.message()}</p>
            {error.is_retryable().then(|| view! {
                <button type="button" class="pp-button" on:click=move |_| on_retry.run(())>
                    {t("state.try_again")}
                </button>
            })}
        </Notice>
    }
}

/// An empty list that says what to do next.
#[component]
pub fn EmptyState(
    /// What is empty, e.g. "No deals yet".
    #[prop(into)]
    title: String,
    /// What to do about it.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="pp-empty">
            <p class="pp-empty__title">{title}</p>
            {children()}
        </div>
    }
}
