//! One deal: every field, the timeline of who did what and why, protection with days left,
//! and the partner's side of the conversation (answer, ask for longer protection, withdraw).

mod conversation;
mod timeline;

use api_types::{Deal, Product};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::{DealStatusBadge, Loaded, Notice, Page};
use crate::context::{use_locale, use_read};
use crate::domain::deal::{next_step, protected_until};
use crate::platform::paths::href;
use crate::text::dates::{short_date, today};
use crate::text::format::{country_name, money, points_earned};
use crate::text::i18n::{t, tn, tr};
use crate::text::labels::Tone;
use conversation::{Conversation, StepForms};
use timeline::Timeline;

/// One deal's page; the reference comes from the URL and is only ever shown as text.
#[component]
pub fn DealPage() -> impl IntoView {
    let params = use_params_map();
    let reference = params.with_untracked(|p| p.get("id").unwrap_or_default());
    // Set by the registration form: the points come from the backend's answer to it.
    let (just_registered, points) = use_query_map().with_untracked(|q| {
        let points = q.get("points").and_then(|p| p.parse().ok()).unwrap_or(0);
        (q.get("registered").is_some(), points)
    });
    let forms = StepForms::new(&reference);
    let step = forms.action(&reference);
    let deal = use_read({
        let reference = reference.clone();
        move |api| {
            step.version().track();
            let reference = reference.clone();
            async move { api.deal(&reference).await }
        }
    });
    // Names come from the backend's catalogue; until it answers (or if it cannot), codes show.
    let catalogue = use_read(|api| async move { api.products().await });
    let products = Signal::derive(move || catalogue.get().and_then(Result::ok).unwrap_or_default());
    // The review time is the program's promise, as the backend states it.
    let program = use_read(|api| async move { api.program().await });
    let registered = {
        let reference = reference.clone();
        move || {
            let promise = program
                .get()
                .and_then(Result::ok)
                .map(|p| tn("deal.decides_within", p.review_business_days.into(), &[]))
                .unwrap_or_else(|| t("deal.will_review"));
            let points = points_earned(points);
            tr(
                "deal.registered",
                &[
                    ("reference", &reference),
                    ("points", &points),
                    ("promise", &promise),
                ],
            )
        }
    };
    view! {
        <Page title=tr("deal.title", &[("reference", &reference)])>
            {just_registered.then(|| view! {
                <Notice tone=Tone::Success>
                    <p>{registered.clone()}</p>
                </Notice>
            })}
            <p><a href=href("/deals")>{t("deal.back")}</a></p>
            <Loaded resource=deal what=t("what.deal") lines=8 render=move |deal: Deal| view! {
                <DealDetails deal=deal.clone() products/>
                <Conversation deal=deal.clone() forms step/>
                <Timeline events=deal.timeline/>
            }/>
        </Page>
    }
}

fn product_name(code: &str, catalogue: &[Product]) -> String {
    catalogue
        .iter()
        .find(|p| p.code == code)
        .map_or_else(|| code.to_owned(), |p| p.name.clone())
}

#[component]
fn DealDetails(deal: Deal, products: Signal<Vec<Product>>) -> impl IntoView {
    let locale = use_locale();
    let next = next_step(&deal, today());
    let summary = deal.summary.clone();
    view! {
        <section class="pp-card pp-deal" aria-labelledby="pp-deal-title">
            <div class="pp-deal__head">
                <h2 id="pp-deal-title" class="pp-card__title">{summary.customer_company.clone()}</h2>
                <DealStatusBadge status=summary.status/>
            </div>
            <p class="pp-deal__next">{next}</p>
            <dl class="pp-deal__fields">
                <div><dt>{t("deals.col_reference")}</dt><dd>{summary.reference.clone()}</dd></div>
                <div><dt>{t("deal.estimated_value")}</dt><dd>{money(&summary.value, &locale)}</dd></div>
                <div><dt>{t("deals.col_close")}</dt><dd>{short_date(summary.expected_close_on)}</dd></div>
                <div><dt>{t("deal.country")}</dt><dd>{country_name(&summary.country, &locale)}</dd></div>
                <div><dt>{t("deals.col_protected")}</dt><dd>{protected_until(&summary)}</dd></div>
                <div><dt>{t("deal.products")}</dt><dd>{
                    let codes = deal.products.clone();
                    move || products.with(|catalogue| codes.iter().map(|p| product_name(p, catalogue)).collect::<Vec<_>>().join(", "))
                }</dd></div>
                <div><dt>{t("deal.contact")}</dt><dd>{deal.contact.name.clone()}<br/>{deal.contact.email.clone()}{deal.contact.phone.clone().map(|p| view! { <br/>{p} })}</dd></div>
                <div><dt>{t("deal.registered_on")}</dt><dd>{short_date(deal.submitted_at.date_naive())}</dd></div>
            </dl>
            {deal.notes.clone().map(|notes| view! { <h3>{t("deal.notes")}</h3><p class="pp-deal__notes">{notes}</p> })}
        </section>
    }
}
