//! Leaderboards: boards that count engagement as well as revenue, per period and league, with
//! the partner's own row always visible and a chart of their recent scores.

use api_types::{Board, LeaderboardPage, Period};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::api::use_api;
use crate::components::{EmptyState, FilterChoice, FilterLinks, Loaded, Page, Skeleton};
use crate::config::use_locale;
use crate::format::count;
use crate::leaderboard::BoardView;
use crate::paths::href;

mod ranking;
mod score_chart;

use ranking::RankingTable;
use score_chart::ScoreChart;

fn board_href(view: &BoardView) -> String {
    href(&format!("/leaderboards{}", view.to_url_query().to_suffix()))
}

fn period_label(period: Period) -> &'static str {
    match period {
        Period::Month => "This month",
        Period::Quarter => "This quarter",
        Period::AllTime => "All time",
    }
}

/// The leaderboards page.
#[component]
pub fn LeaderboardsPage() -> impl IntoView {
    let api = use_api();
    let url = use_query_map();
    let view_state = Memo::new(move |_| {
        url.with(|q| BoardView::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let boards = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.boards().await }
        }
    });
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
    let page = LocalResource::new(move || {
        let view = view_state.get();
        let board = if view.board.is_empty() {
            chosen.get().map(|b| b.id)
        } else {
            Some(view.board.clone())
        };
        let api = api.clone();
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
            .map(|b| FilterChoice {
                label: b.name.clone(),
                current: current.as_deref() == Some(b.id.as_str()),
                href: board_href(&view.with(|v| v.board = b.id)),
            })
            .collect::<Vec<_>>()
    });
    let period_choices = Signal::derive(move || {
        let view = view_state.get();
        Period::ALL
            .into_iter()
            .map(|p| FilterChoice {
                label: period_label(p).into(),
                href: board_href(&view.with(|v| v.period = p)),
                current: view.period == p,
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Page title="Leaderboards">
            <p class="pp-lead">"Rankings count training, certifications and feedback as well as revenue. Choose a league to compare yourself with partners like you."</p>
            <Loaded resource=boards what="the leaderboards" lines=2 render={move |boards: Vec<Board>| {
                if boards.is_empty() {
                    return view! { <EmptyState title="No leaderboards yet"><p>"The program has not opened any leaderboards."</p></EmptyState> }.into_any();
                }
                view! {
                    <div class="pp-filters">
                        <FilterLinks label="Board" choices=board_choices/>
                        <FilterLinks label="Period" choices=period_choices/>
                        <SegmentForm view_state chosen/>
                    </div>
                    {move || chosen.get().map(|b| view! { <p class="pp-board__description">{b.description}</p> })}
                    <Loaded resource=page what="this leaderboard" lines=10 render={move |page: Option<LeaderboardPage>| match page {
                        None => view! { <Skeleton lines=10 label="Loading this leaderboard"/> }.into_any(),
                        Some(page) => view! { <BoardPage page view=view_state.get_untracked()/> }.into_any(),
                    }}/>
                }
                .into_any()
            }}/>
        </Page>
    }
}

/// The league, chosen from a list and applied with a button (a GET form: the URL changes).
#[component]
fn SegmentForm(view_state: Memo<BoardView>, chosen: Memo<Option<Board>>) -> impl IntoView {
    view! {
        <Form method="GET" action="" attr:class="pp-segment-form">
            {move || {
                let view = view_state.get();
                view! {
                    <input type="hidden" name="board" value=view.board.clone()/>
                    <input type="hidden" name="period" value=view.period.as_str()/>
                    <label for="pp-segment" class="pp-filter__label">"League"</label>
                    <select id="pp-segment" name="segment" class="pp-input pp-input--inline">
                        {chosen.get().map(|b| b.segments).unwrap_or_default().into_iter().map(|s| {
                            let selected = s.id == view.segment;
                            view! { <option value=s.id selected=selected>{s.label}</option> }
                        }).collect_view()}
                    </select>
                    <button type="submit" class="pp-button">"Show league"</button>
                }
            }}
        </Form>
    }
}

/// One page of a board: the partner's standing, the ranking and the chart.
#[component]
fn BoardPage(page: LeaderboardPage, view: BoardView) -> impl IntoView {
    let locale = use_locale();
    let me = page.me.clone();
    view! {
        <section class="pp-card pp-standing" aria-labelledby="pp-standing-title">
            <h2 id="pp-standing-title" class="pp-card__title">"Where you stand"</h2>
            {match &me {
                None => view! { <p>"You are not ranked in this league for this period yet."</p> }.into_any(),
                Some(me) => view! {
                    <p class="pp-standing__rank">
                        {format!("Rank {} of {} in {}", count(u64::from(me.entry.rank), &locale), count(u64::from(page.total), &locale), page.segment.label)}
                    </p>
                    <p>{match (me.points_to_next_rank, me.next_rank) {
                        (Some(points), Some(rank)) => format!("{} points to reach rank {}.", count(points, &locale), count(u64::from(rank), &locale)),
                        _ => "You lead this league. Well done!".into(),
                    }}</p>
                }.into_any(),
            }}
        </section>
        <RankingTable page=page.clone() view=view.clone()/>
        {me.filter(|m| !m.history.is_empty()).map(|me| view! { <ScoreChart history=me.history/> })}
    }
}
