//! One deal: every field, the status timeline, protection with days left, and what the
//! partner can do next.

use api_types::{Deal, DealStatus, Product};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::{DealStatusBadge, Loaded, Notice, Page};
use crate::context::{use_locale, use_read};
use crate::platform::paths::href;
use crate::text::dates::{days_until, short_date, today};
use crate::text::format::money;
use crate::text::labels::Tone;

/// One deal's page; the reference comes from the URL and is only ever shown as text.
#[component]
pub fn DealPage() -> impl IntoView {
    let params = use_params_map();
    let reference = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let just_registered = use_query_map().with_untracked(|q| q.get("registered").is_some());
    let deal = use_read({
        let reference = reference.clone();
        move |api| {
            let reference = reference.clone();
            async move { api.deal(&reference).await }
        }
    });
    // Names come from the backend's catalogue; until it answers (or if it cannot), codes show.
    let catalogue = use_read(|api| async move { api.products().await });
    let products = Signal::derive(move || catalogue.get().and_then(Result::ok).unwrap_or_default());
    view! {
        <Page title=format!("Deal {reference}")>
            {just_registered.then(|| view! {
                <Notice tone=Tone::Success>
                    <p>{format!("Deal {reference} is registered. The channel team reviews new registrations within two business days; you will see their decision here.")}</p>
                </Notice>
            })}
            <p><a href=href("/deals")>"Back to your deals"</a></p>
            <Loaded resource=deal what="this deal" lines=8 render=move |deal: Deal| view! { <DealDetails deal products/> }/>
        </Page>
    }
}

fn product_name(code: &str, catalogue: &[Product]) -> String {
    catalogue
        .iter()
        .find(|p| p.code == code)
        .map_or_else(|| code.to_owned(), |p| p.name.clone())
}

/// What the partner can expect or do, by status.
fn next_step(deal: &Deal) -> String {
    let last_note = deal
        .timeline
        .last()
        .and_then(|e| e.note.clone())
        .unwrap_or_default();
    let today = today();
    match deal.summary.status {
        DealStatus::Submitted | DealStatus::UnderReview => "The channel team is reviewing this registration. Their decision will appear here.".into(),
        DealStatus::MoreInfoRequested => format!("The channel team needs more information: “{last_note}” Send the details to your channel manager; the registration stays in review meanwhile."),
        DealStatus::Approved => match deal.summary.protection_expires_on {
            Some(day) if days_until(day, today) >= 0 => format!("This deal is protected for you until {} ({} days left). Close it before then, or ask your channel manager to extend the protection.", short_date(day), days_until(day, today)),
            _ => "This deal is approved.".into(),
        },
        DealStatus::Rejected => format!("This registration was not accepted: “{last_note}”"),
        DealStatus::Won => "Won. It counts towards your tier and rebates.".into(),
        DealStatus::Lost => "This deal is closed as lost.".into(),
        DealStatus::Expired => "Protection ended before the deal closed. If the opportunity is still open, register it again.".into(),
    }
}

#[component]
fn DealDetails(deal: Deal, products: Signal<Vec<Product>>) -> impl IntoView {
    let locale = use_locale();
    let next = next_step(&deal);
    let summary = deal.summary.clone();
    view! {
        <section class="pp-card pp-deal" aria-labelledby="pp-deal-title">
            <div class="pp-deal__head">
                <h2 id="pp-deal-title" class="pp-card__title">{summary.customer_company.clone()}</h2>
                <DealStatusBadge status=summary.status/>
            </div>
            <p class="pp-deal__next">{next}</p>
            <dl class="pp-deal__fields">
                <div><dt>"Reference"</dt><dd>{summary.reference.clone()}</dd></div>
                <div><dt>"Estimated value"</dt><dd>{money(&summary.value, &locale)}</dd></div>
                <div><dt>"Expected close"</dt><dd>{short_date(summary.expected_close_on)}</dd></div>
                <div><dt>"Country"</dt><dd>{summary.country.clone()}</dd></div>
                <div><dt>"Protected until"</dt><dd>{summary.protection_expires_on.map_or_else(|| "Not protected yet".to_owned(), short_date)}</dd></div>
                <div><dt>"Products"</dt><dd>{
                    let codes = deal.products.clone();
                    move || products.with(|catalogue| codes.iter().map(|p| product_name(p, catalogue)).collect::<Vec<_>>().join(", "))
                }</dd></div>
                <div><dt>"Contact"</dt><dd>{deal.contact.name.clone()}<br/>{deal.contact.email.clone()}{deal.contact.phone.clone().map(|p| view! { <br/>{p} })}</dd></div>
                <div><dt>"Registered"</dt><dd>{short_date(deal.submitted_at.date_naive())}</dd></div>
            </dl>
            {deal.notes.clone().map(|notes| view! { <h3>"Your notes"</h3><p class="pp-deal__notes">{notes}</p> })}
        </section>
        <section class="pp-card" aria-labelledby="pp-timeline-title">
            <h2 id="pp-timeline-title" class="pp-card__title">"Timeline"</h2>
            <ol class="pp-timeline">
                {deal.timeline.into_iter().map(|event| view! {
                    <li class="pp-timeline__event">
                        <div class="pp-timeline__when">
                            <DealStatusBadge status=event.status/>
                            <time datetime=event.at.to_rfc3339()>{format!(" {} at {} UTC", short_date(event.at.date_naive()), event.at.format("%H:%M"))}</time>
                        </div>
                        <p class="pp-timeline__who">{format!("By {}", event.actor)}</p>
                        {event.note.map(|note| view! { <p class="pp-timeline__note">{note}</p> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
