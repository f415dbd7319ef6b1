//! The lines of earnings: the totals they add up to, a table with sortable headers (links,
//! with `aria-sort`), each line's reason or payout, empty states that say what to do, and
//! export of the filtered view as CSV.

use api_types::earnings::{
    EarningLine, EarningSortKey, EarningStatus, EarningsParams, EarningsReport,
};
use leptos::prelude::*;

use super::Totals;
use crate::components::{Badge, EmptyState, Loaded};
use crate::context::{use_api, use_locale, ApiRead, ApiWrite};
use crate::domain::deals::export::line;
use crate::domain::earnings::{aria_sort, csv_line, sorted_by, CSV_HEADER, PAGE_SIZE};
use crate::platform::download::save_csv;
use crate::platform::paths::href;
use crate::platform::url_state::href as view_href;
use crate::text::dates::{machine_instant, short_date};
use crate::text::format::money;
use crate::text::i18n::{t, tr};
use crate::text::labels::Label;

/// The headers: catalogue key and, for sortable ones, the key.
const COLUMNS: [(&str, Option<EarningSortKey>); 5] = [
    ("earnings.col_earned", Some(EarningSortKey::EarnedAt)),
    ("earnings.col_for", None),
    ("earnings.col_amount", Some(EarningSortKey::Amount)),
    ("earnings.status", None),
    (
        "earnings.col_payout",
        Some(EarningSortKey::ExpectedPayoutOn),
    ),
];

/// Totals and lines of the view in the address.
#[component]
pub(super) fn EarningLines(
    report: ApiRead<EarningsReport>,
    view_state: Memo<EarningsParams>,
) -> impl IntoView {
    view! {
        <Loaded resource=report what=t("what.earnings") lines=8 render={move |report: EarningsReport| {
            let current = view_state.get_untracked();
            if report.lines.is_empty() {
                return empty_state(&current).into_any();
            }
            let shown = tr("earnings.showing", &[("shown", &report.lines.len()), ("total", &report.total)]);
            view! {
                <Totals totals=report.totals/>
                <p class="pp-table-summary" role="status">{shown}</p>
                <div class="pp-table-scroll" role="region" aria-label=t("earnings.table") tabindex="0">
                    <table class="pp-table pp-earnings-table" role="table">
                        <caption class="pp-visually-hidden">{t("earnings.table")}</caption>
                        <thead>
                            <tr role="row">
                                {COLUMNS.iter().map(|(label, key)| match key {
                                    Some(key) => {
                                        let sort = aria_sort(&current, *key);
                                        let mark = match sort { "ascending" => "▲", "descending" => "▼", _ => "" };
                                        view! {
                                            <th scope="col" role="columnheader" aria-sort=sort>
                                                <a class="pp-sort-link" href=view_href(&sorted_by(&current, *key))>
                                                    {t(label)}<span class="pp-sort-link__mark" aria-hidden="true">{mark}</span>
                                                </a>
                                            </th>
                                        }.into_any()
                                    }
                                    None => view! { <th scope="col" role="columnheader">{t(label)}</th> }.into_any(),
                                }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {report.lines.into_iter().map(|earning| view! { <LineRow earning/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }}/>
    }
}

fn empty_state(view_state: &EarningsParams) -> impl IntoView {
    if view_state.status.is_some() || view_state.kind.is_some() {
        let all = EarningsParams::default();
        view! {
            <EmptyState title=t("earnings.no_match")>
                <p><a href=view_href(&all)>{t("earnings.show_all")}</a></p>
            </EmptyState>
        }
        .into_any()
    } else {
        view! {
            <EmptyState title=t("earnings.none_yet")>
                <p>{t("earnings.first_hint")}</p>
                <p><a href=href("/deals/new")>{t("deals.register_first")}</a></p>
            </EmptyState>
        }
        .into_any()
    }
}

#[component]
fn LineRow(earning: EarningLine) -> impl IntoView {
    let locale = use_locale();
    let deal = earning.deal_id.map(|id| {
        let path = href(&format!("/deals/{id}"));
        view! { " · " <a href=path>{id}</a> }
    });
    let what = match earning.program {
        Some(program) => format!("{} · {program}", earning.kind.label()),
        None => earning.kind.label(),
    };
    let payout = match (earning.status, earning.expected_payout_on) {
        (EarningStatus::Declined, _) | (_, None) => "—".to_owned(),
        (EarningStatus::Paid, Some(day)) => tr("earnings.paid_on", &[("day", &short_date(day))]),
        (_, Some(day)) => short_date(day),
    };
    view! {
        <tr role="row">
            <td role="cell" data-label=t("earnings.col_earned")><time datetime=machine_instant(earning.earned_at)>{short_date(earning.earned_at.date_naive())}</time></td>
            <th scope="row" role="rowheader" class="pp-earnings-table__for">
                {earning.description}
                <span class="pp-meta">{what}{deal}</span>
            </th>
            <td role="cell" class="pp-table__number" data-label=t("earnings.col_amount")>{money(&earning.amount, &locale)}</td>
            <td role="cell" class="pp-earnings-table__status">
                <Badge text=earning.status.label() tone=earning.status.tone()/>
                {earning.declined_reason.map(|why| view! { <span class="pp-earnings-table__reason">{why}</span> })}
            </td>
            <td role="cell" data-label=t("earnings.col_payout")>{payout}</td>
        </tr>
    }
}

/// The export button and its outcome: every line of the view, all pages, saved as CSV.
#[component]
pub(super) fn ExportCsv(view_state: Memo<EarningsParams>) -> impl IntoView {
    let api = use_api();
    let outcome = RwSignal::new(None::<Result<u64, String>>);
    let export = ApiWrite::new(move |_: &()| {
        let (api, view) = (api.clone(), view_state.get_untracked());
        async move {
            let mut csv = line(&CSV_HEADER.map(String::from));
            let (mut cursor, mut rows) = (None, 0u64);
            loop {
                let request = EarningsParams {
                    cursor,
                    limit: Some(PAGE_SIZE),
                    ..view.clone()
                };
                let page = match api.earnings(&request).await {
                    Ok(page) => page,
                    Err(error) => return outcome.set(Some(Err(error.message()))),
                };
                rows += page.lines.len() as u64;
                page.lines.iter().for_each(|l| csv.push_str(&csv_line(l)));
                cursor = page.next_cursor;
                if cursor.is_none() {
                    break;
                }
            }
            outcome.set(Some(save_csv("earnings.csv", &csv).map(|()| rows)));
        }
    });
    view! {
        <div class="pp-export">
            <button type="button" class="pp-button" disabled=move || export.pending().get() on:click=move |_| { export.dispatch(()); }>
                {t("earnings.export")}
            </button>
            <div class="pp-export__status" role="status">
                {move || outcome.get().map(|done| match done {
                    Ok(rows) => view! { <span>{tr("earnings.exported", &[("rows", &rows)])}</span> }.into_any(),
                    Err(why) => view! { <span class="pp-export__error">{tr("export.failed", &[("why", &why)])}</span> }.into_any(),
                })}
            </div>
        </div>
    }
}
