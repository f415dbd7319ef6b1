//! The ranked table: one page of entries, the partner's row highlighted, or pinned above or
//! below the page when it is elsewhere; change shown in words as well as symbols.

use api_types::{LeaderboardEntry, LeaderboardPage, Metric};
use leptos::prelude::*;

use crate::context::use_locale;
use crate::domain::leaderboards::{
    page_of, pinned, rank_change, score_cell, score_column, BoardView, Pinned, BOARD_PAGE,
};
use crate::platform::url_state::href as board_href;
use crate::text::format::count;
use crate::text::i18n::{t, tr};

/// The table and its pager.
#[component]
pub(super) fn RankingTable(
    page: LeaderboardPage,
    metric: Metric,
    view: BoardView,
) -> impl IntoView {
    let locale = use_locale();
    let me = page.me.as_ref().map(|m| m.entry.clone());
    let position = me.as_ref().map(|m| pinned(m, &page.entries));
    let row = |entry: LeaderboardEntry, pinned_row: bool| view! { <EntryRow entry pinned_row metric locale=locale.clone()/> };
    let first = page.offset + 1;
    let last = page.offset + page.entries.len() as u32;
    let previous =
        (page.offset > 0).then(|| board_href(&view.at(page.offset.saturating_sub(BOARD_PAGE))));
    let next = (last < page.total).then(|| board_href(&view.at(page.offset + BOARD_PAGE)));
    // Pinned elsewhere: one step to the partners just above and below her.
    let around = me
        .as_ref()
        .filter(|_| position != Some(Pinned::OnPage))
        .map(|m| board_href(&view.at(page_of(m.rank))));
    view! {
        <div class="pp-table-scroll" role="region" aria-label=t("board.ranking") tabindex="0">
            <table class="pp-table pp-ranking">
                <caption class="pp-visually-hidden">{tr("board.caption", &[("league", &page.segment.label), ("first", &first), ("last", &last), ("total", &page.total)])}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("board.col_rank")}</th>
                        <th scope="col">{t("board.col_partner")}</th>
                        <th scope="col" class="pp-table__number">{score_column(metric)}</th>
                        <th scope="col">{t("board.col_change")}</th>
                        <th scope="col" class="pp-ranking__badges">{t("training.badges")}</th>
                    </tr>
                </thead>
                {(position == Some(Pinned::Above)).then(|| me.clone().map(|m| view! { <tbody class="pp-ranking__pinned">{row(m, true)}</tbody> }))}
                <tbody>
                    {page.entries.into_iter().map(|entry| row(entry, false)).collect_view()}
                </tbody>
                {(position == Some(Pinned::Below)).then(|| me.clone().map(|m| view! { <tbody class="pp-ranking__pinned">{row(m, true)}</tbody> }))}
            </table>
        </div>
        <nav class="pp-pager" aria-label=t("board.pages")>
            {previous.map(|href| view! { <a class="pp-button" href=href>{t("board.previous")}</a> })}
            <span class="pp-pager__where">{tr("board.places", &[("first", &count(u64::from(first), &locale)), ("last", &count(u64::from(last), &locale)), ("total", &count(u64::from(page.total), &locale))])}</span>
            {next.map(|href| view! { <a class="pp-button" href=href>{t("board.next")}</a> })}
            {around.map(|href| view! { <a class="pp-button" href=href>{t("board.around")}</a> })}
        </nav>
    }
}

#[component]
fn EntryRow(
    entry: LeaderboardEntry,
    pinned_row: bool,
    metric: Metric,
    locale: String,
) -> impl IntoView {
    let (change, symbol) = rank_change(entry.rank_change);
    let tone = match entry.rank_change {
        Some(n) if n > 0 => "up",
        Some(n) if n < 0 => "down",
        _ => "same",
    };
    view! {
        <tr class:pp-ranking__me=entry.is_me class:pp-ranking__pinned-row=pinned_row>
            <td class="pp-ranking__rank">{count(u64::from(entry.rank), &locale)}</td>
            <th scope="row" class="pp-ranking__partner">
                {entry.display_name.clone()}
                {entry.is_me.then(|| view! { <span class="pp-ranking__you">{t("board.you")}</span> })}
                {pinned_row.then(|| view! { <span class="pp-visually-hidden">{t("board.pinned")}</span> })}
            </th>
            <td class="pp-table__number">{score_cell(metric, entry.score, &locale)}</td>
            <td class=format!("pp-ranking__change pp-ranking__change--{tone}")>
                <span aria-hidden="true">{symbol}" "</span>{change}
            </td>
            <td class="pp-ranking__badges">{entry.badges.join(", ")}</td>
        </tr>
    }
}
