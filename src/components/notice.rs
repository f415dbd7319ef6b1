//! A message about what just happened, in a tone: problems interrupt (`role="alert"`), news
//! is announced politely (`role="status"`).

use leptos::prelude::*;

use crate::text::labels::Tone;

/// The notice: an optional title, then what to know or do.
#[component]
pub fn Notice(
    /// How it feels; danger and warning interrupt a screen reader, the others wait.
    #[prop(optional)]
    tone: Tone,
    /// A short first line in bold.
    #[prop(optional, into)]
    title: Option<Oco<'static, str>>,
    /// The message and any actions.
    children: Children,
) -> impl IntoView {
    let class = match tone {
        Tone::Neutral => "pp-notice".to_owned(),
        other => format!("pp-notice pp-notice--{}", other.as_str()),
    };
    let role = if matches!(tone, Tone::Danger | Tone::Warning) {
        "alert"
    } else {
        "status"
    };
    view! {
        <div class=class role=role>
            {title.map(|title| view! { <p class="pp-notice__title">{title}</p> })}
            {children()}
        </div>
    }
}
