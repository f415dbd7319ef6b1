//! One small card per section: how far along the partner is, linking to the section.

use api_types::{CourseStatus, LeaderboardPage, Onboarding, PipelineStage, Training};
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::{Loaded, ProgressBar};
use crate::context::use_locale;
use crate::domain::onboarding::overall;
use crate::platform::paths::href;
use crate::text::format::count;
use crate::text::labels::deal_stage_on_home;

/// A card with a heading linking to its section.
#[component]
fn SummaryCard(
    #[prop(into)] title: String,
    #[prop(into)] path: String,
    children: Children,
) -> impl IntoView {
    view! {
        <article class="pp-card pp-summary">
            <h2 class="pp-summary__title"><a href=href(&path)>{title}</a></h2>
            {children()}
        </article>
    }
}

/// Onboarding: share of steps done.
#[component]
pub(super) fn OnboardingSummary(
    onboarding: LocalResource<Result<Onboarding, ApiError>>,
) -> impl IntoView {
    view! {
        <SummaryCard title="Onboarding" path="/onboarding">
            <Loaded resource=onboarding what="onboarding" lines=2 render=|onboarding: Onboarding| {
                let progress = overall(&onboarding.phases);
                view! {
                    <p class="pp-summary__figure">{format!("{} %", progress.percent())}</p>
                    <ProgressBar label="Onboarding steps done" value=progress.done max=progress.total/>
                }
            }/>
        </SummaryCard>
    }
}

/// Training: courses in progress and certifications held.
#[component]
pub(super) fn TrainingSummary(
    training: LocalResource<Result<Training, ApiError>>,
) -> impl IntoView {
    view! {
        <SummaryCard title="Training" path="/training">
            <Loaded resource=training what="training" lines=2 render=|training: Training| {
                let in_progress = training.courses.iter().filter(|c| c.status == CourseStatus::InProgress).count();
                let completed = training.courses.iter().filter(|c| c.status == CourseStatus::Completed).count();
                view! {
                    <p class="pp-summary__figure">{format!("{in_progress} in progress")}</p>
                    <p class="pp-summary__note">{format!("{completed} of {} courses completed", training.courses.len())}</p>
                }
            }/>
        </SummaryCard>
    }
}

/// Deals: open deals by status.
#[component]
pub(super) fn DealsSummary(
    pipeline: LocalResource<Result<Vec<PipelineStage>, ApiError>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <SummaryCard title="Deals" path="/deals">
            <Loaded resource=pipeline what="your deals" lines=3 render={move |stages: Vec<PipelineStage>| {
                let open: Vec<PipelineStage> = stages.into_iter().filter(|s| s.status.is_open()).collect();
                let total: u64 = open.iter().map(|s| s.count).sum();
                let locale = locale.clone();
                view! {
                    <p class="pp-summary__figure">{format!("{} open", count(total, &locale))}</p>
                    <ul class="pp-summary__list">
                        {open.into_iter().map(|stage| view! {
                            <li>{format!("{}: {}", deal_stage_on_home(stage.status), count(stage.count, &locale))}</li>
                        }).collect_view()}
                    </ul>
                }
            }}/>
        </SummaryCard>
    }
}

/// Leaderboard: own rank on the engagement board this month.
#[component]
pub(super) fn LeaderboardSummary(
    standing: LocalResource<Result<LeaderboardPage, ApiError>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <SummaryCard title="Leaderboard" path="/leaderboards">
            <Loaded resource=standing what="your rank" lines=2 render=move |page: LeaderboardPage| {
                let locale = locale.clone();
                match page.me {
                    Some(me) => view! {
                        <p class="pp-summary__figure">{format!("Rank {}", count(u64::from(me.entry.rank), &locale))}</p>
                        <p class="pp-summary__note">
                            {format!("of {} partners in engagement this month", count(u64::from(page.total), &locale))}
                            {me.points_to_next_rank.map(|points| format!("; {} points to the next rank", count(points, &locale)))}
                        </p>
                    }.into_any(),
                    None => view! { <p class="pp-summary__note">"You are not ranked this month yet. Complete training or register a deal to join."</p> }.into_any(),
                }
            }/>
        </SummaryCard>
    }
}
