//! "Your next steps": everything waiting for the partner, most consequential first, each linking
//! to where it is done; the first few shown, the rest one click away.

use api_types::{DealSummary, Me, Onboarding, SurveySummary, Training};
use leptos::prelude::*;

use crate::components::{EmptyState, Skeleton};
use crate::context::ApiRead;
use crate::domain::home::next_steps::{next_actions, Sources};
use crate::platform::paths::href;
use crate::text::dates::today;

/// How many steps show before "Show all" (`style/home.css` hides the rest until it is open).
const FIRST: usize = 5;

/// Ranks what loaded; a section that failed is named, and the rest still show.
#[component]
pub(super) fn NextSteps(
    me: ApiRead<Me>,
    onboarding: ApiRead<Onboarding>,
    training: ApiRead<Training>,
    deals: ApiRead<Vec<DealSummary>>,
    surveys: ApiRead<Vec<SurveySummary>>,
) -> impl IntoView {
    let loaded = move || {
        Some((
            onboarding.get()?,
            training.get()?,
            deals.get()?,
            surveys.get()?,
            me.get()?,
        ))
    };
    view! {
        <section class="pp-card pp-next" aria-labelledby="pp-next-title">
            <h2 id="pp-next-title" class="pp-card__title">"Your next steps"</h2>
            {move || match loaded() {
                None => view! { <Skeleton lines=4 label="Finding your next steps"/> }.into_any(),
                Some((onboarding, training, deals, surveys, me)) => {
                    let mut unchecked = Vec::new();
                    for (failed, name) in [
                        (onboarding.is_err(), "onboarding"),
                        (training.is_err(), "training"),
                        (deals.is_err(), "deals"),
                        (surveys.is_err(), "surveys"),
                    ] {
                        if failed {
                            unchecked.push(name);
                        }
                    }
                    let sources = Sources {
                        onboarding: onboarding.as_ref().ok().map(|o| o.phases.as_slice()),
                        certifications: training.as_ref().ok().map(|t| t.certifications.as_slice()),
                        deals: deals.as_ref().ok().map(Vec::as_slice),
                        surveys: surveys.as_ref().ok().map(Vec::as_slice),
                        tier: me.as_ref().ok().and_then(|me| me.next_tier.as_ref()),
                    };
                    let actions = next_actions(sources, today());
                    let total = actions.len();
                    view! {
                        {if actions.is_empty() && unchecked.is_empty() {
                            view! {
                                <EmptyState title="You are all caught up">
                                    <p>"Nothing is overdue or waiting for you. A good moment to register a deal or take a course."</p>
                                </EmptyState>
                            }.into_any()
                        } else if actions.is_empty() {
                            ().into_any()
                        } else {
                            view! {
                                <p class="pp-meta">{format!("{total} waiting for you, the most pressing first")}</p>
                                <ol class="pp-actions">
                                    {actions.into_iter().map(|action| view! {
                                        <li class=format!("pp-action pp-action--{}", action.urgency.as_str())>
                                            <a class="pp-action__title" href=href(&action.path)>{action.title}</a>
                                            <span class="pp-action__detail">{action.detail}</span>
                                        </li>
                                    }).collect_view()}
                                </ol>
                                {(total > FIRST).then(|| view! {
                                    <details class="pp-next__more"><summary>{format!("Show all {total}")}</summary></details>
                                })}
                            }.into_any()
                        }}
                        {(!unchecked.is_empty()).then(|| view! {
                            <p class="pp-next__partial" role="status">
                                {format!("We could not check your {} just now, so steps from there may be missing.", unchecked.join(", "))}
                            </p>
                        })}
                    }.into_any()
                }
            }}
        </section>
    }
}
