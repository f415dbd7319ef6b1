//! Earnings: what the partner earned and where each amount is on its way — totals per currency
//! that the lines below add up to exactly, every line with its status, reason and expected
//! payout (filters and order in the address), CSV export, and the payouts with what they pay.

use api_types::earnings::{
    CurrencyTotals, EarningKind, EarningStatus, EarningsParams, EarningsReport, Payout,
};
use leptos::prelude::*;

use crate::components::{Badge, ExportCsv, FilterChoice, FilterLinks, Loaded, Page, Section};
use crate::context::{use_locale, use_read};
use crate::domain::earnings::PAGE_SIZE;
use crate::platform::url_state::use_url_state;
use crate::text::dates::short_date;
use crate::text::format::exact_money;
use crate::text::i18n::{t, tn, tr};
use crate::text::labels::Label;

mod lines;

use lines::{export_spec, EarningLines};

/// The earnings page.
#[component]
pub fn EarningsPage() -> impl IntoView {
    let view_state = use_url_state::<EarningsParams>();
    let report = use_read(move |api| {
        let request = EarningsParams {
            limit: Some(PAGE_SIZE),
            ..view_state.get()
        };
        async move { api.earnings(&request).await }
    });
    let statuses = Signal::derive(move || {
        let current = view_state.get();
        let to = |status: Option<EarningStatus>, label: String| {
            let target = EarningsParams {
                status,
                ..current.clone()
            };
            FilterChoice::to(label, &target, current.status == status)
        };
        let each = EarningStatus::ALL.map(|s| to(Some(s), s.label()));
        std::iter::once(to(None, t("earnings.all_statuses")))
            .chain(each)
            .collect::<Vec<_>>()
    });
    let kinds = Signal::derive(move || {
        let current = view_state.get();
        let to = |kind: Option<EarningKind>, label: String| {
            let target = EarningsParams {
                kind,
                ..current.clone()
            };
            FilterChoice::to(label, &target, current.kind == kind)
        };
        let each = EarningKind::ALL.map(|k| to(Some(k), k.label()));
        std::iter::once(to(None, t("earnings.all_kinds")))
            .chain(each)
            .collect::<Vec<_>>()
    });
    view! {
        <Page title=t("nav.earnings")>
            <p class="pp-lead">{t("earnings.lead")}</p>
            <Section heading_id="pp-earnings-title" title=t("earnings.lines")>
                <div class="pp-deal-controls">
                    <FilterLinks label=t("earnings.status") choices=statuses/>
                    <FilterLinks label=t("earnings.kind") choices=kinds/>
                </div>
                <EarningLines report view_state/>
                <ExportCsv spec=export_spec(view_state)/>
            </Section>
            <Section heading_id="pp-payouts-title" title=t("earnings.payouts")>
                <Loaded resource=report what=t("what.payouts") render={|report: EarningsReport| view! { <Payouts payouts=report.payouts/> }}/>
            </Section>
        </Page>
    }
}

/// One row per currency: how much is pending, approved, on its way, paid and declined.
#[component]
pub(super) fn Totals(totals: Vec<CurrencyTotals>) -> impl IntoView {
    let locale = use_locale();
    let sum = move |currency: &str, amount_minor: i64| {
        let value = api_types::Money {
            amount_minor,
            currency: currency.to_owned(),
        };
        exact_money(&value, &locale)
    };
    view! {
        <div class="pp-table-scroll" role="region" aria-label=t("earnings.totals") tabindex="0">
            <table class="pp-table pp-earnings-totals">
                <caption>{t("earnings.totals")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("earnings.currency")}</th>
                        {EarningStatus::ALL.into_iter().map(|s| view! { <th scope="col" class="pp-table__number">{s.label()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {totals.into_iter().map(|total| {
                        let c = total.currency.clone();
                        let cells = [total.pending_minor, total.approved_minor, total.available_minor, total.paid_minor, total.declined_minor];
                        view! {
                            <tr>
                                <th scope="row">{total.currency}</th>
                                {cells.into_iter().map(|minor| view! { <td class="pp-table__number">{sum(&c, minor)}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p class="pp-meta">{t("earnings.totals_note")}</p>
    }
}

/// Payouts, newest first: amount, where it is, when, and how many lines it pays.
#[component]
fn Payouts(payouts: Vec<Payout>) -> impl IntoView {
    let locale = use_locale();
    if payouts.is_empty() {
        return view! { <p class="pp-empty__title">{t("earnings.no_payouts")}</p> }.into_any();
    }
    view! {
        <ul class="pp-payouts">
            {payouts.into_iter().map(|payout| {
                let when = match payout.paid_on {
                    Some(day) => tr("earnings.payout_arrived", &[("day", &short_date(day))]),
                    None => tr("earnings.payout_under_way", &[("sent", &short_date(payout.started_on)), ("expected", &short_date(payout.expected_on))]),
                };
                let lines = tn("earnings.payout_lines", payout.line_ids.len() as i64, &[]);
                view! {
                    <li class="pp-payouts__item">
                        <strong class="pp-payouts__amount">{exact_money(&payout.amount, &locale)}</strong>
                        <Badge text=payout.status.label() tone=payout.status.tone()/>
                        <span class="pp-meta">{when}" · "{lines}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
