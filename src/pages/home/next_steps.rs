//! t("home.next_steps"): everything waiting for the partner, most consequential first, each linking
//! to where it is done; the first few shown, the rest one click away.

use api_types::{DealSummary, Me, Onboarding, SurveySummary, Training};
use leptos::prelude::*;

use crate::components::{EmptyState, Skeleton};
use crate::context::ApiRead;
use crate::domain::home::next_steps::{next_actions, Sources};
use crate::platform::paths::href;
use crate::text::dates::today;
use crate::text::format::list;
use crate::text::i18n::{t, tr};

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
            <h2 id="pp-next-title" class="pp-card__title">{t("home.next_steps")}</h2>
            {move || match loaded() {
                None => view! { <Skeleton lines=4 label=t("home.finding_steps")/> }.into_any(),
                Some((onboarding, training, deals, surveys, me)) => {
                    let mut unchecked = Vec::new();
                    for (failed, name) in [
                        (onboarding.is_err(), "what.onboarding"),
                        (training.is_err(), "what.training"),
                        (deals.is_err(), "what.deals_plain"),
                        (surveys.is_err(), "what.surveys"),
                    ] {
                        if failed {
                            unchecked.push(t(name));
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
                                <EmptyState title=t("home.caught_up")>
                                    <p>{t("home.caught_up_text")}</p>
                                </EmptyState>
                            }.into_any()
                        } else if actions.is_empty() {
                            ().into_any()
                        } else {
                            view! {
                                <p class="pp-meta">{tr("home.waiting_count", &[("count", &total)])}</p>
                                <ol class="pp-actions">
                                    {actions.into_iter().map(|action| view! {
                                        <li class=format!("pp-action pp-action--{}", action.urgency.as_str())>
                                            <a class="pp-action__title" href=href(&action.path)>{action.title}</a>
                                            <span class="pp-action__detail">{action.detail}</span>
                                        </li>
                                    }).collect_view()}
                                </ol>
                                {(total > FIRST).then(|| view! {
                                    <details class="pp-next__more"><summary>{tr("home.show_all", &[("count", &total)])}</summary></details>
                                })}
                            }.into_any()
                        }}
                        {(!unchecked.is_empty()).then(|| view! {
                            <p class="pp-next__partial" role="status">
                                {tr("home.unchecked", &[("sections", &list(&unchecked))])}
                            </p>
                        })}
                    }.into_any()
                }
            }}
        </section>
    }
}
