//! The deal's timeline: each step with who took it, when, why, and the protection it set.

use api_types::{DealEvent, DealStepKind};
use leptos::prelude::*;

use crate::components::Badge;
use crate::text::dates::{machine_instant, moment, short_date};
use crate::text::i18n::{t, tr};
use crate::text::labels::Label;

/// Every step, oldest first.
#[component]
pub(super) fn Timeline(events: Vec<DealEvent>) -> impl IntoView {
    view! {
        <section class="pp-card" aria-labelledby="pp-timeline-title">
            <h2 id="pp-timeline-title" class="pp-card__title">{t("deal.timeline")}</h2>
            <ol class="pp-timeline">
                {events.into_iter().map(|event| {
                    let protection = event.protection_ends_on.map(|day| match event.step {
                        DealStepKind::ExtensionRequested => tr("deal.asked_until", &[("date", &short_date(day))]),
                        _ => tr("deal.protected_until", &[("date", &short_date(day))]),
                    });
                    view! {
                        <li class="pp-timeline__event">
                            <div class="pp-timeline__when">
                                <Badge text=event.step.label() tone=event.step.tone()/>
                                <time datetime=machine_instant(event.at)>{format!(" {}", moment(event.at))}</time>
                            </div>
                            <p class="pp-timeline__who">{tr("deal.by", &[("who", &event.actor)])}</p>
                            {protection.map(|text| view! { <p class="pp-timeline__protection">{text}</p> })}
                            {event.note.map(|note| view! { <p class="pp-timeline__note">{note}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
