//! Home: where the partner stands and what to do next. Every card loads on its own, so one
//! slow or failing endpoint never blanks the page.

use leptos::prelude::*;

use api_types::{BoardParams, DealListParams, DealStatus, Period};

use crate::components::Page;
use crate::context::use_read;

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
    // Each read is created here, at the top, and shared by the cards that need it.
    let me = use_read(|api| async move { api.me().await });
    let onboarding = use_read(|api| async move { api.onboarding().await });
    let training = use_read(|api| async move { api.training().await });
    let waiting = use_read(|api| async move {
        let params = DealListParams {
            statuses: vec![DealStatus::MoreInfoRequested],
            limit: Some(10),
            ..DealListParams::default()
        };
        api.deals(&params).await
    });
    let surveys = use_read(|api| async move { api.surveys().await });
    let pipeline = use_read(|api| async move { api.pipeline().await });
    let standing = use_read(|api| async move {
        let params = BoardParams {
            period: Period::Month,
            limit: 1,
            ..BoardParams::default()
        };
        api.leaderboard("engagement", &params).await
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
