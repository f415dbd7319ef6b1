//! The deal table: sortable column headers (links, with `aria-sort`), rows keyed by reference,
//! cursor paging, and empty states that say what to do.

use api_types::{DealSummary, Page as ResultPage};
use leptos::prelude::*;

use crate::components::{DealStatusBadge, EmptyState, Loaded};
use crate::context::use_locale;
use crate::context::ApiRead;
use crate::domain::deals::{DealColumn, DealListQuery, PAGE_SIZE};
use crate::platform::paths::href;
use crate::platform::url_state::href as list_href;
use crate::text::dates::{days_until, machine_instant, short_date, today};
use crate::text::format::{count, money};
use crate::text::i18n::{t, tn, tr};

const COLUMNS: [(&str, Option<DealColumn>); 7] = [
    ("deals.col_reference", Some(DealColumn::Reference)),
    ("deals.col_customer", Some(DealColumn::Customer)),
    ("deals.col_value", Some(DealColumn::Value)),
    ("deals.col_close", Some(DealColumn::ExpectedClose)),
    ("deals.status", None),
    ("deals.col_protected", None),
    ("deals.col_updated", Some(DealColumn::Updated)),
];

/// The current page of deals.
#[component]
pub(super) fn DealTable(
    page: ApiRead<ResultPage<DealSummary>>,
    query: Memo<DealListQuery>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Loaded resource=page what=t("what.deals") lines=8 render={move |page: ResultPage<DealSummary>| {
            let current = query.get_untracked();
            let locale = locale.clone();
            if page.items.is_empty() {
                return empty_state(&current).into_any();
            }
            let range = current.range_text(page.items.len(), page.total);
            let next = page.next_cursor.as_deref().map(|cursor| list_href(&current.next_page(cursor)));
            view! {
                <p class="pp-table-summary" role="status">{tr("deals.showing", &[("range", &range)])}</p>
                <div class="pp-table-scroll" role="region" aria-label=t("deals.table") tabindex="0">
                    // Explicit roles keep the table a table for assistive technology when the phone
                    // layout (style/deals.css) turns each row into a card.
                    <table class="pp-table pp-deal-table" role="table">
                        <caption class="pp-visually-hidden">{tr("deals.caption", &[("range", &range)])}</caption>
                        <thead>
                            <tr role="row">
                                {COLUMNS.iter().map(|(label, column)| match column {
                                    Some(column) => view! {
                                        <th scope="col" role="columnheader" aria-sort=current.sort.aria_sort(*column)>
                                            <a class="pp-sort-link" href=list_href(&DealListQuery { sort: current.sort.toggled(*column), ..current.first_page() })>
                                                {t(label)}
                                                <span class="pp-sort-link__mark" aria-hidden="true">
                                                    {match current.sort.aria_sort(*column) { "ascending" => "▲", "descending" => "▼", _ => "" }}
                                                </span>
                                            </a>
                                        </th>
                                    }.into_any(),
                                    None => view! { <th scope="col" role="columnheader" class="pp-deal-table__unsorted">{t(label)}</th> }.into_any(),
                                }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {page.items.into_iter().map(|deal| view! { <DealRow deal locale=locale.clone()/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <nav class="pp-pager" aria-label=t("pager.pages")>
                    {(current.page > 1).then(|| view! { <a class="pp-button" href=list_href(&current.first_page())>{t("pager.first")}</a> })}
                    <span class="pp-pager__where">{tr("pager.where", &[("page", &count(current.page.into(), &locale)), ("pages", &count(page.total.div_ceil(u64::from(PAGE_SIZE)).max(1), &locale))])}</span>
                    {next.map(|next| view! { <a class="pp-button" href=next>{t("pager.next")}</a> })}
                </nav>
            }
            .into_any()
        }}/>
    }
}

fn empty_state(query: &DealListQuery) -> impl IntoView {
    let filtered = !query.statuses.is_empty() || !query.search.trim().is_empty();
    if filtered {
        view! {
            <EmptyState title=t("deals.no_match")>
                <p><a href=list_href(&DealListQuery { page: 1, ..DealListQuery::default() })>{t("deals.show_all")}</a></p>
            </EmptyState>
        }
        .into_any()
    } else {
        view! {
            <EmptyState title=t("deals.none_yet")>
                <p>{t("deals.first_hint")}</p>
                <p><a href=href("/deals/new")>{t("deals.register_first")}</a></p>
            </EmptyState>
        }
        .into_any()
    }
}

#[component]
fn DealRow(deal: DealSummary, locale: String) -> impl IntoView {
    let protection = deal.protection_expires_on.map(|day| {
        let left = days_until(day, today());
        let note = match left {
            l if l < 0 => t("deals.protection_ended"),
            0 => t("deals.last_day"),
            l => tn("deals.days_left", l, &[]),
        };
        format!("{} ({note})", short_date(day))
    });
    view! {
        <tr role="row">
            <th scope="row" role="rowheader" class="pp-deal-table__reference"><a href=href(&format!("/deals/{}", deal.reference))>{deal.reference.clone()}</a></th>
            <td role="cell" class="pp-table__customer pp-deal-table__customer">{deal.customer_company}</td>
            <td role="cell" class="pp-table__number" data-label=t("deals.col_value")>{money(&deal.value, &locale)}</td>
            <td role="cell" data-label=t("deals.col_close")>{short_date(deal.expected_close_on)}</td>
            <td role="cell" class="pp-deal-table__status"><DealStatusBadge status=deal.status/></td>
            <td role="cell" data-label=t("deals.col_protected")>{protection.unwrap_or_else(|| "—".into())}</td>
            <td role="cell" data-label=t("deals.col_updated")><time datetime=machine_instant(deal.updated_at)>{short_date(deal.updated_at.date_naive())}</time></td>
        </tr>
    }
}
