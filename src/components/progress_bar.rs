//! A labelled progress bar: the native `<progress>` plus the numbers in words.

use leptos::prelude::*;

use crate::text::format::percent;
use crate::text::i18n::tr;

/// "3 of 5 done (60 %)" with a bar; `value` is clamped to `max`.
#[component]
pub fn ProgressBar(
    /// What is measured, e.g. "First 30 days"; becomes the bar's accessible name.
    #[prop(into)]
    label: String,
    /// Amount done.
    #[prop(into)]
    value: Signal<u32>,
    /// Amount in all.
    #[prop(into)]
    max: Signal<u32>,
    /// The numbers in words: a catalogue key whose message fills `{value}`, `{max}` and
    /// `{percent}` ("3 of 5 done (60 %)").
    #[prop(default = "progress.done")]
    words: &'static str,
) -> impl IntoView {
    let text = move || {
        let (value, max) = (value.get().min(max.get()), max.get());
        let percent = percent(u64::from(value), u64::from(max));
        tr(
            words,
            &[("value", &value), ("max", &max), ("percent", &percent)],
        )
    };
    view! {
        <div class="pp-progress">
            <progress
                class="pp-progress__bar"
                aria-label=label
                value=move || value.get().min(max.get())
                max=move || max.get().max(1)
            ></progress>
            <span class="pp-progress__text">{text}</span>
        </div>
    }
}
