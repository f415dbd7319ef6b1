//! One small card per section: how far along the partner is, linking to the section.

use api_types::{CourseStatus, LeaderboardPage, Onboarding, PipelineStage, Training};
use leptos::prelude::*;

use crate::components::ProgressBar;
use crate::domain::onboarding::overall;
use crate::platform::paths::href;
use crate::text::format::count;
use crate::text::labels::deal_stage_on_home;

/// A card with a heading linking to its section; the children show the summary.
#[component]
pub(super) fn SummaryCard(
    title: &'static str,
    path: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <article class="pp-card pp-summary">
            <h2 class="pp-summary__title"><a href=href(path)>{title}</a></h2>
            {children()}
        </article>
    }
}

/// Onboarding: share of steps done.
pub(super) fn onboarding_summary(onboarding: Onboarding) -> impl IntoView {
    let progress = overall(&onboarding.phases);
    view! {
        <p class="pp-summary__figure">{format!("{} %", progress.percent())}</p>
        <ProgressBar label="Onboarding steps done" value=progress.done max=progress.total/>
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
        <p class="pp-summary__figure">{format!("{in_progress} in progress")}</p>
        <p class="pp-summary__note">{format!("{completed} of {} courses completed by you", training.courses.len())}</p>
    }
}

/// Deals: open deals by status.
pub(super) fn deals_summary(stages: Vec<PipelineStage>, locale: &str) -> impl IntoView {
    let open: Vec<PipelineStage> = stages.into_iter().filter(|s| s.status.is_open()).collect();
    let total: u64 = open.iter().map(|s| s.count).sum();
    view! {
        <p class="pp-summary__figure">{format!("{} open", count(total, locale))}</p>
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
            <p class="pp-summary__figure">{format!("Rank {}", count(u64::from(me.entry.rank), locale))}</p>
            <p class="pp-summary__note">
                {format!("of {} {}, in program points this month", count(u64::from(page.total), locale), page.segment.label)}
                {me.points_to_next_rank.map(|points| format!("; {} points to the next rank", count(points, locale)))}
            </p>
        }.into_any(),
        None => view! { <p class="pp-summary__note">"You are not ranked this month yet. Complete training or register a deal to join."</p> }.into_any(),
    }
}
