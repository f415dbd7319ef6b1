//! The welcome card: who is signed in, their company, tier, and each requirement of the next tier.

use api_types::Me;
use leptos::prelude::*;

use crate::components::Loaded;
use crate::context::use_locale;
use crate::context::ApiRead;
use crate::domain::home::welcome::requirement_progress;
use crate::text::i18n::{t, tn, tr};
use crate::text::labels::Label;

/// Greets the partner user and shows progress to the next tier, requirement by requirement.
#[component]
pub(super) fn WelcomeCard(me: ApiRead<Me>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="pp-card pp-welcome" aria-labelledby="pp-welcome-title">
            <Loaded resource=me what=t("what.profile") lines=4 render=move |me: Me| {
                let Me { user, company, next_tier, tier_benefits, .. } = me;
                let locale = locale.clone();
                view! {
                    <h2 id="pp-welcome-title" class="pp-card__title">{tr("home.welcome", &[("name", &user.name)])}</h2>
                    <p class="pp-welcome__company">
                        <span class="pp-welcome__name">{company.name}</span>
                        " · "
                        {company.partner_type.label()}
                    </p>
                    <p class="pp-welcome__tier">
                        {t("home.your_tier")} " " <strong class=format!("pp-tier pp-tier--{}", company.tier.as_str())>{company.tier.label()}</strong>
                    </p>

                    <Benefits tier=company.tier.label() own=tier_benefits next=next_tier.as_ref().map(|n| (n.tier.label(), n.benefits.clone()))/>
                    {match next_tier {
                        None => view! { <p>{t("home.highest_tier")}</p> }.into_any(),
                        Some(next) => {
                            let met = next.requirements.iter().filter(|r| requirement_progress(r, &locale).met).count();
                            view! {
                                <h3 class="pp-welcome__next">
                                    {tn("home.to_reach", next.requirements.len() as i64, &[("tier", &next.tier.label()), ("met", &met)])}
                                </h3>
                                <ul class="pp-requirements">
                                    {next.requirements.iter().map(|requirement| {
                                        let progress = requirement_progress(requirement, &locale);
                                        view! {
                                            <li class="pp-requirement" class:pp-requirement--met=progress.met>
                                                <span class="pp-requirement__label">{requirement.label.clone()}</span>
                                                <progress class="pp-progress__bar" max="100" value=progress.percent aria-label=requirement.label.clone()></progress>
                                                <span class="pp-requirement__numbers pp-meta">
                                                    {progress.standing.clone()}
                                                    <span class="pp-requirement__left">{format!(" — {}", progress.left)}</span>
                                                </span>
                                                {requirement.at_risk.clone().map(|w| view! { <span class="pp-requirement__risk">{w}</span> })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>

                            }.into_any()
                        }
                    }}
                }
            }/>
        </section>
    }
}

/// The tier's benefits and what the next tier adds, as the backend lists them, folded into one
/// line until opened (so the card keeps its size as it loads); nothing when none are listed.
#[component]
fn Benefits(tier: String, own: Vec<String>, next: Option<(String, Vec<String>)>) -> impl IntoView {
    let next = next.filter(|(_, benefits)| !benefits.is_empty());
    let list = |benefits: Vec<String>| {
        view! { <ul class="pp-benefits__list">{benefits.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul> }
    };
    let summary = match &next {
        Some((next, _)) => tr("home.benefits_and_next", &[("tier", &tier), ("next", next)]),
        None => tr("home.benefits", &[("tier", &tier)]),
    };
    (!own.is_empty() || next.is_some()).then(|| {
        view! {
            <details class="pp-benefits">
                <summary class="pp-benefits__title">{summary}</summary>
                {(!own.is_empty()).then(|| view! { <h3 class="pp-benefits__heading">{tier}</h3> {list(own)} })}
                {next.map(|(next, benefits)| view! { <h3 class="pp-benefits__heading">{tr("home.next_adds", &[("next", &next)])}</h3> {list(benefits)} })}
            </details>
        }
    })
}
