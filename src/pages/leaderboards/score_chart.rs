//! The partner's score over recent periods: an inline SVG bar chart, with the same numbers as a
//! table for screen readers and for anyone who prefers numbers.

use api_types::{Metric, ScorePoint};
use leptos::prelude::*;

use crate::context::use_locale;
use crate::domain::leaderboards::{bars, score_text};
use crate::text::dates::month_label;
use crate::text::format::count;
use crate::text::i18n::{t, tn};

const WIDTH: u64 = 480;
const HEIGHT: u64 = 160;
/// Room above the tallest bar for its value.
const TOP: u64 = 16;

/// The chart and its table.
#[component]
pub(super) fn ScoreChart(history: Vec<ScorePoint>, metric: Metric) -> impl IntoView {
    let locale = use_locale();
    let mut plotted = bars(&history, WIDTH, HEIGHT);
    // Time runs from the start side: right to left in a right-to-left language.
    if crate::text::i18n::direction() == "rtl" {
        for bar in &mut plotted {
            bar.x = WIDTH.saturating_sub(bar.x + bar.width);
        }
    }
    let summary = tn(
        "board.chart_summary",
        history.len() as i64,
        &[
            (
                "from",
                &score_text(metric, history.first().map_or(0, |p| p.score), &locale),
            ),
            (
                "to",
                &score_text(metric, history.last().map_or(0, |p| p.score), &locale),
            ),
        ],
    );
    view! {
        <section class="pp-card pp-chart" aria-labelledby="pp-chart-title">
            <h2 id="pp-chart-title" class="pp-card__title">{t("board.chart")}</h2>
            <svg class="pp-chart__svg" viewBox=format!("0 0 {WIDTH} {}", HEIGHT + 40) role="img" aria-label=summary>
                {plotted.into_iter().map(|bar| view! {
                    <g>
                        <rect class="pp-chart__bar" x=bar.x y=bar.y + TOP width=bar.width height=bar.height rx="3"></rect>
                        <text class="pp-chart__value" x=bar.x + bar.width / 2 y=bar.y + TOP - 4 text-anchor="middle">{count(bar.score, &locale)}</text>
                        <text class="pp-chart__label" x=bar.x + bar.width / 2 y=HEIGHT + TOP + 18 text-anchor="middle">{bar.label}</text>
                    </g>
                }).collect_view()}
            </svg>
            <details class="pp-chart__numbers">
                <summary>{t("board.chart_numbers")}</summary>
                <div class="pp-table-scroll">
                    <table class="pp-table">
                        <caption class="pp-visually-hidden">{t("board.chart_caption")}</caption>
                        <thead><tr><th scope="col">{t("board.period")}</th><th scope="col" class="pp-table__number">{t("board.col_score")}</th></tr></thead>
                        <tbody>
                            {history.into_iter().map(|p| view! { <tr><th scope="row">{month_label(&p.label)}</th><td class="pp-table__number">{score_text(metric, p.score, &locale)}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
