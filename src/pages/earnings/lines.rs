//! The lines of earnings: the totals they add up to, a table with sortable headers (links,
//! with `aria-sort`), each line's reason or payout, empty states that say what to do, and
//! export of the filtered view as CSV.

use api_types::earnings::{
    EarningLine, EarningSortKey, EarningStatus, EarningsParams, EarningsReport,
};
use std::rc::Rc;

use leptos::prelude::*;

use super::Totals;
use crate::components::{Badge, EmptyState, ExportPage, ExportSpec, Loaded};
use crate::context::{use_api, use_locale, ApiRead};
use crate::domain::earnings::{aria_sort, csv_line, sorted_by, CSV_HEADER, PAGE_SIZE};
use crate::platform::paths::href;
use crate::platform::url_state::href as view_href;
use crate::text::dates::{machine_instant, short_date};
use crate::text::format::exact_money;
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
            <td role="cell" class="pp-table__number" data-label=t("earnings.col_amount")>{exact_money(&earning.amount, &locale)}</td>
            <td role="cell" class="pp-earnings-table__status">
                <Badge text=earning.status.label() tone=earning.status.tone()/>
                {earning.declined_reason.map(|why| view! { <span class="pp-earnings-table__reason">{why}</span> })}
            </td>
            <td role="cell" data-label=t("earnings.col_payout")>{payout}</td>
        </tr>
    }
}

/// The earnings' export of the view in the address: every line, all pages.
pub(super) fn export_spec(view_state: Memo<EarningsParams>) -> ExportSpec {
    let api = use_api();
    ExportSpec {
        file: "earnings.csv",
        header: &CSV_HEADER,
        fetch: Rc::new(move |cursor| {
            let (api, view) = (api.clone(), view_state.get_untracked());
            Box::pin(async move {
                let request = EarningsParams {
                    cursor,
                    limit: Some(PAGE_SIZE),
                    ..view
                };
                let page = api.earnings(&request).await.map_err(|e| e.message())?;
                Ok(ExportPage {
                    csv: page.lines.iter().map(csv_line).collect(),
                    rows: page.lines.len() as u64,
                    total: page.total,
                    next: page.next_cursor,
                })
            })
        }),
        button: "earnings.export",
        fetched: "earnings.fetched",
        done: "earnings.exported",
    }
}
