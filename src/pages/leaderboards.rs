//! Leaderboards: boards that count engagement as well as revenue, per period and league, with
//! the partner's own row always visible and a chart of their recent scores.

use api_types::{Board, LeaderboardPage, Metric, Period};
use leptos::prelude::*;

use crate::components::{EmptyState, FilterChoice, FilterLinks, Loaded, Page, Skeleton};
use crate::context::{use_locale, use_read, ApiRead};
use crate::domain::leaderboards::{gap_text, way_to_climb, BoardView};
use crate::platform::paths::href;
use crate::platform::url_state::{use_go_to, use_url_state};
use crate::text::format::count;
use crate::text::labels::Label;

mod ranking;
mod score_chart;

use crate::text::i18n::{t, tr};
use ranking::RankingTable;
use score_chart::ScoreChart;

/// The leaderboards page.
#[component]
pub fn LeaderboardsPage() -> impl IntoView {
    let view_state = use_url_state::<BoardView>();
    let boards = use_read(|api| async move { api.boards().await });
    let offered = move || boards.get().and_then(Result::ok).unwrap_or_default();
    // Resources and memos live here, at the top: created inside a suspended view they would
    // stop following the URL.
    let chosen = Memo::new(move |_| {
        let view = view_state.get();
        let offered = offered();
        offered
            .iter()
            .find(|b| b.id == view.board)
            .or_else(|| offered.first())
            .cloned()
    });
    let page = use_read(move |api| {
        let view = view_state.get();
        let board = if view.board.is_empty() {
            chosen.get().map(|b| b.id)
        } else {
            Some(view.board.clone())
        };
        async move {
            match board {
                Some(board) => api
                    .leaderboard(&board, &view.to_api_query())
                    .await
                    .map(Some),
                None => Ok(None),
            }
        }
    });
    let board_choices = Signal::derive(move || {
        let (view, current) = (view_state.get(), chosen.get().map(|b| b.id));
        offered()
            .into_iter()
            .map(|b| {
                let chosen = current.as_deref() == Some(b.id.as_str());
                FilterChoice::to(b.name, &view.with(|v| v.board = b.id), chosen)
            })
            .collect::<Vec<_>>()
    });
    let period_choices = Signal::derive(move || {
        let view = view_state.get();
        Period::ALL
            .into_iter()
            .map(|p| FilterChoice::to(p.label(), &view.with(|v| v.period = p), view.period == p))
            .collect::<Vec<_>>()
    });
    view! {
        <Page title=t("nav.leaderboards")>
            <p class="pp-lead">{t("board.lead")}</p>
            <Loaded resource=boards what=t("what.leaderboards") lines=2 render={move |boards: Vec<Board>| {
                if boards.is_empty() {
                    return view! { <EmptyState title=t("board.none")><p>{t("board.none_hint")}</p></EmptyState> }.into_any();
                }
                view! {
                    <div class="pp-filters">
                        <FilterLinks label=t("board.board") choices=board_choices/>
                        <FilterLinks label=t("board.period") choices=period_choices/>
                        <SegmentForm view_state chosen page/>
                    </div>
                    {move || chosen.get().map(|b| view! { <p class="pp-board__description">{b.description}</p> })}
                    <Loaded resource=page what=t("what.leaderboard") lines=10 render={move |page: Option<LeaderboardPage>| match page {
                        None => view! { <Skeleton lines=10 label=tr("state.loading", &[("what", &t("what.leaderboard"))])/> }.into_any(),
                        Some(page) => {
                            let metric = chosen.get_untracked().map_or(Metric::EngagementPoints, |b| b.metric);
                            view! { <BoardPage page metric view=view_state.get_untracked()/> }.into_any()
                        }
                    }}/>
                }
                .into_any()
            }}/>
        </Page>
    }
}

/// The league, chosen from a list and applied with a button; the address changes to the
/// board's own state with the new league, so it reads like every other link on the page.
/// With no league in the address, the one the backend chose (the partner's own) is selected.
#[component]
fn SegmentForm(
    view_state: Memo<BoardView>,
    chosen: Memo<Option<Board>>,
    page: ApiRead<Option<LeaderboardPage>>,
) -> impl IntoView {
    let go_to = use_go_to::<BoardView>(false);
    let select = NodeRef::<leptos::html::Select>::new();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if let Some(select) = select.get_untracked() {
            go_to(
                &view_state
                    .get_untracked()
                    .with(|v| v.segment = select.value()),
            );
        }
    };
    view! {
        <form class="pp-segment-form" on:submit=on_submit>
            <label for="pp-segment" class="pp-filter__label pp-meta">{t("board.league")}</label>
            <select id="pp-segment" name="segment" class="pp-input pp-input--inline" node_ref=select>
                {move || {
                    let mut current = view_state.get().segment;
                    if current.is_empty() {
                        if let Some(Ok(Some(page))) = page.get() {
                            current = page.segment.id;
                        }
                    }
                    chosen.get().map(|b| b.segments).unwrap_or_default().into_iter().map(|s| {
                        let selected = s.id == current;
                        view! { <option value=s.id selected=selected>{s.label}</option> }
                    }).collect_view()
                }}
            </select>
            <button type="submit" class="pp-button">{t("board.show_league")}</button>
        </form>
    }
}

/// One page of a board: the partner's standing with how to climb, the ranking and the chart.
#[component]
fn BoardPage(page: LeaderboardPage, metric: Metric, view: BoardView) -> impl IntoView {
    let locale = use_locale();
    let me = page.me.clone();
    view! {
        <section class="pp-card pp-standing" aria-labelledby="pp-standing-title">
            <h2 id="pp-standing-title" class="pp-card__title">{t("board.where_you_stand")}</h2>
            {match &me {
                None => view! { <p>{t("board.not_ranked")}</p> }.into_any(),
                Some(me) => view! {
                    <p class="pp-standing__rank">
                        {tr("board.rank_of_in", &[("rank", &count(u64::from(me.entry.rank), &locale)), ("total", &count(u64::from(page.total), &locale)), ("league", &page.segment.label)])}
                    </p>
                    <p>{match (me.points_to_next_rank, me.next_rank) {
                        (Some(points), Some(rank)) => gap_text(metric, points, rank, &locale),
                        _ => t("board.you_lead"),
                    }}</p>
                }.into_any(),
            }}
            {let (label, path) = way_to_climb(metric); view! { <p><a href=href(path)>{t(label)}</a></p> }}
        </section>
        <RankingTable page=page.clone() metric view=view.clone()/>
        {me.filter(|m| !m.history.is_empty()).map(|me| view! { <ScoreChart history=me.history metric/> })}
    }
}
