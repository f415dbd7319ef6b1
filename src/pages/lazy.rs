//! Route-level code splitting: each page's code is its own WebAssembly chunk, fetched the first
//! time the partner opens that page, so the first screen carries only the shell and one page.
//!
//! The release build (`scripts/build-wasm.mjs`, run by Trunk) compiles with `--cfg portal_split`
//! and cuts the module at the functions below; every other build (tests, `cargo check`) calls
//! them directly, so the pages behave the same with or without splitting.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::{
    DealPage, DealsPage, FeedbackPage, GalleryPage, HomePage, JoinPage, LeaderboardsPage,
    NotificationsPage, OnboardingPage, RegisterDealPage, SignInPage, SurveyPage, TeamPage,
    TrainingPage,
};
use crate::components::Notice;
use crate::text::i18n::t;
use crate::text::labels::Tone;

/// A page's code could not be fetched (offline, or a deploy replaced the files).
#[derive(Debug, Clone, Copy)]
pub struct ChunkError;

#[cfg(portal_split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Self
    }
}

/// Fetches a page's chunk (at once when it is already here) and builds the page.
type PageLoader = fn() -> Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>> + Send>>;

/// For each page: a loader that is a split point in the release build, and a component for
/// the route table that shows the page once its code is here.
macro_rules! split_pages {
    ($($route:ident: $page:ident in $chunk:ident;)*) => {$(
        #[cfg(portal_split)]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $chunk() -> Result<AnyView, ChunkError> {
            Ok(view! { <$page/> }.into_any())
        }

        #[cfg(not(portal_split))]
        async fn $chunk() -> Result<AnyView, ChunkError> {
            Ok(view! { <$page/> }.into_any())
        }

        /// The route's page, its code fetched on first use.
        #[component]
        pub fn $route() -> impl IntoView {
            view! { <SplitPage load=|| Box::pin(SendWrapper::new($chunk()))/> }
        }
    )*};
}

split_pages! {
    HomeRoute: HomePage in home_page;
    OnboardingRoute: OnboardingPage in onboarding_page;
    TrainingRoute: TrainingPage in training_page;
    DealsRoute: DealsPage in deals_page;
    RegisterDealRoute: RegisterDealPage in register_deal_page;
    DealRoute: DealPage in deal_page;
    LeaderboardsRoute: LeaderboardsPage in leaderboards_page;
    FeedbackRoute: FeedbackPage in feedback_page;
    SurveyRoute: SurveyPage in survey_page;
    GalleryRoute: GalleryPage in gallery_page;
    SignInRoute: SignInPage in sign_in_page;
    TeamRoute: TeamPage in team_page;
    JoinRoute: JoinPage in join_page;
    NotificationsRoute: NotificationsPage in notifications_page;
}

/// Shows the page once `load` succeeds: a page-sized placeholder until then, and a plain
/// message with *Try again* if the code cannot be fetched (a retry fetches it afresh).
#[component]
fn SplitPage(load: PageLoader) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=PagePlaceholder>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    match load().await {
                        Ok(page) => page,
                        Err(ChunkError) => view! {
                            <Notice tone=Tone::Danger title=t("shell.page_failed")>
                                <p>
                                    {t("shell.page_failed_why")}
                                </p>
                                <button
                                    type="button"
                                    class="pp-button"
                                    on:click=move |_| attempt.update(|n| *n += 1)
                                >
                                    {t("state.try_again")}
                                </button>
                            </Notice>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The outline of a page while its code arrives: a heading and a block, as the boot splash.
#[component]
fn PagePlaceholder() -> impl IntoView {
    view! {
        <div class="pp-page" aria-busy="true">
            <p class="pp-visually-hidden" role="status">{t("shell.loading_page")}</p>
            <span class="pp-skeleton pp-skeleton--heading" aria-hidden="true"></span>
            <span class="pp-skeleton pp-skeleton--block" aria-hidden="true"></span>
        </div>
    }
}
