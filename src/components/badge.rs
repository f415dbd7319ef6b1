//! A status as a badge: words first, colour second, the colour from its [`Tone`].

use api_types::DealStatus;
use leptos::prelude::*;

use crate::text::labels::{Label, Tone};

/// A short status in a tone: `pp-badge pp-badge--{tone}`.
#[component]
pub fn Badge(
    /// The words.
    #[prop(into)]
    text: Oco<'static, str>,
    /// How it feels at a glance.
    tone: Tone,
    /// Extra classes, for designers who style one kind of status.
    #[prop(optional, into)]
    class: Option<String>,
) -> impl IntoView {
    let class = match class {
        Some(extra) => format!("pp-badge pp-badge--{} {extra}", tone.as_str()),
        None => format!("pp-badge pp-badge--{}", tone.as_str()),
    };
    view! { <span class=class>{text}</span> }
}

/// A deal's status, with a per-status class for designers.
#[component]
pub fn DealStatusBadge(
    /// The deal's status.
    status: DealStatus,
) -> impl IntoView {
    let class = format!("pp-deal-status pp-deal-status--{}", status.as_str());
    view! { <Badge text=status.label() tone=status.tone() class/> }
}
