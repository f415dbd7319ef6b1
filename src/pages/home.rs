//! Home: where the partner stands and what to do next. Every card loads on its own, so one
//! slow or failing endpoint never blanks the page.

use leptos::prelude::*;

use api_types::{BoardParams, LeaderboardPage, PipelineStage};

use crate::components::{Loaded, Page};
use crate::context::{use_locale, use_read};
use crate::domain::deals::needs_you;

mod next_steps;
mod summaries;
mod welcome;

use crate::text::i18n::t;
use next_steps::NextSteps;
use summaries::{
    deals_summary, leaderboard_summary, onboarding_summary, training_summary, SummaryCard,
};
use welcome::WelcomeCard;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    // Each read is created here, at the top, and shared by the cards that need it.
    let locale = use_locale();
    let me = use_read(|api| async move { api.me().await });
    let onboarding = use_read(|api| async move { api.onboarding().await });
    let training = use_read(|api| async move { api.training().await });
    // Deals waiting for the partner: questions to answer, and protection running short.
    let deals = use_read(|api| async move { api.deals(&needs_you()).await.map(|page| page.items) });
    let surveys = use_read(|api| async move { api.surveys().await });
    let pipeline = use_read(|api| async move { api.pipeline().await });
    let deals_figures = {
        let locale = locale.clone();
        move |stages: Vec<PipelineStage>| deals_summary(stages, &locale)
    };
    // Her place in her own league (the board's default), in program points this month.
    let standing = use_read(|api| async move {
        let params = BoardParams {
            limit: 1,
            ..BoardParams::default()
        };
        api.leaderboard("engagement", &params).await
    });
    let rank = move |page: LeaderboardPage| leaderboard_summary(page, &locale);
    view! {
        <Page title=t("nav.home")>
            <div class="pp-home">
                // What needs the partner comes first, on a phone as on a desktop.
                <NextSteps me onboarding training deals surveys/>
                <WelcomeCard me/>
                <section class="pp-home__summaries" aria-label=t("home.sections")>
                    <SummaryCard title="nav.onboarding" path="/onboarding"><Loaded resource=onboarding what=t("what.onboarding") lines=2 render=onboarding_summary/></SummaryCard>
                    <SummaryCard title="nav.training" path="/training"><Loaded resource=training what=t("what.training") lines=2 render=training_summary/></SummaryCard>
                    <SummaryCard title="nav.deals" path="/deals"><Loaded resource=pipeline what=t("what.deals") lines=3 render=deals_figures/></SummaryCard>
                    <SummaryCard title="home.leaderboard" path="/leaderboards"><Loaded resource=standing what=t("what.rank") lines=2 render=rank/></SummaryCard>
                </section>
            </div>
        </Page>
    }
}
