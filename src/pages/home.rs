//! Home: where the partner stands and what to do next. Every card loads on its own, so one
//! slow or failing endpoint never blanks the page.

use leptos::prelude::*;

use std::future::Future;

use crate::api::{use_api, Api, ApiError, QueryString};
use crate::components::Page;

mod engagement;
mod next_steps;
mod summaries;
mod welcome;

use engagement::EngagementCard;
use next_steps::NextSteps;
use summaries::{DealsSummary, LeaderboardSummary, OnboardingSummary, TrainingSummary};
use welcome::WelcomeCard;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let api = use_api();
    // Each read is created here, at the top, and shared by the cards that need it.
    let me = read(&api, |api| async move { api.me().await });
    let onboarding = read(&api, |api| async move { api.onboarding().await });
    let training = read(&api, |api| async move { api.training().await });
    let waiting = read(&api, |api| async move {
        api.deals(
            &QueryString::new()
                .push("status", "more_info_requested")
                .push("limit", "10"),
        )
        .await
    });
    let surveys = read(&api, |api| async move { api.surveys().await });
    let pipeline = read(&api, |api| async move { api.pipeline().await });
    let standing = read(&api, |api| async move {
        api.leaderboard(
            "engagement",
            &QueryString::new()
                .push("period", "month")
                .push("limit", "1"),
        )
        .await
    });
    view! {
        <Page title="Home">
            <div class="pp-home">
                <WelcomeCard me/>
                <NextSteps onboarding training waiting surveys/>
                <section class="pp-home__summaries" aria-label="Your sections at a glance">
                    <OnboardingSummary onboarding/>
                    <TrainingSummary training/>
                    <DealsSummary pipeline/>
                    <LeaderboardSummary standing/>
                </section>
                <EngagementCard me/>
            </div>
        </Page>
    }
}

/// One read of the backend for this page.
fn read<T, Fut>(
    api: &Api,
    call: impl Fn(Api) -> Fut + 'static,
) -> LocalResource<Result<T, ApiError>>
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let api = api.clone();
    LocalResource::new(move || call(api.clone()))
}
