//! One step of the checklist: tick box or "confirmed by the channel team", due date in words,
//! status, help links, and the reason a save failed.

use api_types::{CompletedBy, OnboardingItem, OnboardingStatus};
use leptos::prelude::*;

use super::Ticks;
use crate::components::{Badge, ExternalLink};
use crate::context::ApiWrite;
use crate::domain::onboarding::partner_can_tick;
use crate::text::dates::{due_phrase, short_date, today};
use crate::text::i18n::{t, tr};
use crate::text::labels::Label;

/// A checklist row; its status, tick and messages follow `item` without re-creating the row.
#[component]
pub(super) fn ChecklistItem(
    item: Memo<Option<OnboardingItem>>,
    ticks: Ticks,
    toggle: ApiWrite<(OnboardingItem, bool)>,
) -> impl IntoView {
    let Some(initial) = item.get_untracked() else {
        return ().into_any();
    };
    let id = initial.id.clone();
    let box_id = format!("pp-item-{id}");
    let meta_id = format!("pp-item-meta-{id}");
    let status = Memo::new(move |_| {
        item.with(|i| i.as_ref().map(|i| i.status))
            .unwrap_or(OnboardingStatus::Todo)
    });
    let done = move || status.get() == OnboardingStatus::Done;
    let tone = move || status.get().tone().as_str();
    let saving = {
        let id = id.clone();
        move || ticks.pending.with(|p| p.contains_key(&id))
    };
    let failure = {
        let id = id.clone();
        move || ticks.failed.with(|f| f.get(&id).cloned())
    };
    // A step the backend sees happen says what completes it, instead of asking for a tick.
    let who = initial
        .completes_when
        .clone()
        .unwrap_or_else(|| match initial.completed_by {
            CompletedBy::Partner => t("onboarding.you_tick"),
            CompletedBy::Vendor => t("onboarding.team_confirms"),
        });
    let due_on = initial.due_on;
    let due = move || match item.with(|i| i.as_ref().and_then(|i| i.completed_at)) {
        Some(at) if done() => tr(
            "onboarding.done_on",
            &[("date", &short_date(at.date_naive()))],
        ),
        _ if done() => t("onboarding.done"),
        _ => format!("{} ({})", due_phrase(due_on, today()), short_date(due_on)),
    };
    let title = if partner_can_tick(&initial) {
        view! {
            <input
                type="checkbox"
                id=box_id.clone()
                class="pp-task__box"
                prop:checked=done
                aria-describedby=meta_id.clone()
                on:change=move |_| {
                    if let Some(current) = item.get_untracked() {
                        let done = current.status == OnboardingStatus::Done;
                        toggle.dispatch((current, !done));
                    }
                }
            />
            <label for=box_id class="pp-task__title">{initial.title.clone()}</label>
        }
        .into_any()
    } else {
        view! {
            <span class="pp-task__marker" aria-hidden="true">{move || if done() { "✓" } else { "" }}</span>
            <span class="pp-task__title">{initial.title.clone()}</span>
        }
        .into_any()
    };
    view! {
        <li class=move || format!("pp-task pp-task--{}", tone())>
            <div class="pp-task__head">{title}</div>
            <p class="pp-task__description">{initial.description.clone()}</p>
            <ul class="pp-task__meta" id=meta_id>
                <li>{initial.kind.label()}</li>
                <li>
                    {move || {
                        let status = status.get();
                        view! { <Badge text=status.label() tone=status.tone()/> }
                    }}
                </li>
                <li>
                    <time datetime=due_on.to_string()>{due}</time>
                </li>
                <li>{who}</li>
                {move || saving().then(|| view! { <li class="pp-task__saving pp-muted">{t("onboarding.saving")}</li> })}
            </ul>
            {initial.blocked_reason.clone().map(|why| view! { <p class="pp-task__blocked">{tr("onboarding.blocked", &[("why", &why)])}</p> })}
            {(!initial.links.is_empty()).then(|| view! {
                <ul class="pp-task__links">
                    {initial.links.iter().map(|link| view! {
                        <li><ExternalLink url=link.url.clone() text=link.label.clone()/></li>
                    }).collect_view()}
                </ul>
            })}
            {move || failure().map(|message| view! { <p class="pp-task__error" role="alert">{message}</p> })}
        </li>
    }
    .into_any()
}
