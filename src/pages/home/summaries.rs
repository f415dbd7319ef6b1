//! One small card per section: how far along the partner is, linking to the section.

use api_types::{CourseStatus, LeaderboardPage, Onboarding, PipelineStage, Training};
use leptos::prelude::*;

use crate::components::ProgressBar;
use crate::domain::onboarding::overall;
use crate::platform::paths::href;
use crate::text::format::count;
use crate::text::i18n::{t, tn, tr};
use crate::text::labels::deal_stage_on_home;

/// A card with a heading (`title`, a catalogue key) linking to its section; the children show
/// the summary.
#[component]
pub(super) fn SummaryCard(
    title: &'static str,
    path: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <article class="pp-card pp-summary">
            <h2 class="pp-summary__title"><a href=href(path)>{t(title)}</a></h2>
            {children()}
        </article>
    }
}

/// Onboarding: share of steps done.
pub(super) fn onboarding_summary(onboarding: Onboarding) -> impl IntoView {
    let progress = overall(&onboarding.phases);
    view! {
        <p class="pp-summary__figure">{format!("{} %", progress.percent())}</p>
        <ProgressBar label=t("home.onboarding_done") value=progress.done max=progress.total/>
    }
}

/// Training: courses in progress and completed.
pub(super) fn training_summary(training: Training) -> impl IntoView {
    let with = |status| {
        training
            .courses
            .iter()
            .filter(|c| c.status == status)
            .count()
    };
    let (in_progress, completed) = (
        with(CourseStatus::InProgress),
        with(CourseStatus::Completed),
    );
    view! {
        <p class="pp-summary__figure">{tr("home.in_progress", &[("count", &in_progress)])}</p>
        <p class="pp-summary__note">{tn("home.courses_completed", training.courses.len() as i64, &[("done", &completed)])}</p>
    }
}

/// Deals: open deals by status.
pub(super) fn deals_summary(stages: Vec<PipelineStage>, locale: &str) -> impl IntoView {
    let open: Vec<PipelineStage> = stages.into_iter().filter(|s| s.status.is_open()).collect();
    let total: u64 = open.iter().map(|s| s.count).sum();
    view! {
        <p class="pp-summary__figure">{tr("home.open", &[("count", &count(total, locale))])}</p>
        <ul class="pp-summary__list">
            {open.into_iter().map(|stage| view! {
                <li>{format!("{}: {}", deal_stage_on_home(stage.status), count(stage.count, locale))}</li>
            }).collect_view()}
        </ul>
    }
}

/// Leaderboard: own rank in program points this month, in the partner's own league.
pub(super) fn leaderboard_summary(page: LeaderboardPage, locale: &str) -> impl IntoView {
    match page.me {
        Some(me) => view! {
            <p class="pp-summary__figure">{tr("home.rank", &[("rank", &count(u64::from(me.entry.rank), locale))])}</p>
            <p class="pp-summary__note">
                {tr("home.rank_of", &[("total", &count(u64::from(page.total), locale)), ("league", &page.segment.label)])}
                {me.points_to_next_rank.map(|points| tn("home.points_to_next", points as i64, &[]))}
            </p>
        }.into_any(),
        None => view! { <p class="pp-summary__note">{t("home.not_ranked")}</p> }.into_any(),
    }
}
