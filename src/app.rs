//! The portal's shell: start-up from `config.json`, the page layout and the one route table.

mod gate;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::{BootSplash, ConfigErrorPage, OutageNotice, SiteHeader, SkipLink};
use crate::pages::{
    DealRoute, DealsRoute, FeedbackRoute, GalleryRoute, HomeRoute, JoinRoute, LeaderboardsRoute,
    NotFoundPage, NotificationsRoute, OnboardingRoute, RegisterDealRoute, SignInRoute, SurveyRoute,
    TeamRoute, TrainingRoute,
};
use crate::platform::config::{ConfigError, PortalConfig};
use crate::platform::{boot, language};
use gate::SessionGate;

/// The whole app: loads `config.json` and the partner's language, then shows the portal or a
/// page saying what is wrong.
#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(|| async {
        let config = boot::load_config().await?;
        let tag = language::initial(&config.languages, &config.default_locale);
        language::load(boot::router_base(), tag, config.languages.clone())
            .await
            .map_err(ConfigError::Catalogue)?;
        Ok::<_, ConfigError>(config)
    });
    view! {
        <Suspense fallback=BootSplash>
            {move || Suspend::new(async move {
                match config.await {
                    Ok(config) => Either::Left(view! { <PortalShell config base=boot::router_base()/> }),
                    Err(error) => Either::Right(view! {
                        <ConfigErrorPage error on_retry=move || config.refetch()/>
                    }),
                }
            })}
        </Suspense>
    }
}

/// The layout (header, navigation, main landmark) around the routed page, behind the session gate.
#[component]
pub fn PortalShell(
    /// The vendor's validated settings.
    config: PortalConfig,
    /// Where the portal is hosted: `""` at the root, `"/portal"` under a sub-path.
    #[prop(into)]
    base: String,
) -> impl IntoView {
    crate::platform::theme::apply_brand(
        config.accent_color.as_deref(),
        config.favicon_url.as_deref(),
    );
    crate::platform::theme::apply_choice(crate::platform::theme::saved_choice());
    let brand_name = config.brand_name.clone();
    let logo_url = config.logo_url.clone();
    let session = crate::context::provide_portal(config, base.clone());
    let api = crate::context::use_api();
    session.check(api.clone());
    let signed_in = Signal::from(Memo::new(move |_| session.who()));
    let on_sign_out = Callback::new(move |()| crate::session::sign_out(api.clone()));
    let unread = crate::context::use_notifications().unread();
    let language = crate::context::use_language();
    // The router is made once; a new language draws what is inside it again, in place: the
    // address (and with it the page and its URL state) stays, forms come back from drafts.
    view! {
        <Router base>
            {move || {
                language.track();
                let (brand_name, logo_url) = (brand_name.clone(), logo_url.clone());
                view! {
                    <SkipLink/>
                    <SiteHeader brand_name logo_url signed_in unread on_sign_out/>
                    <main id="main" class="pp-main" tabindex="-1">
                        <OutageNotice/>
                        <SessionGate>
                        <Routes fallback=NotFoundPage>
                            <Route path=path!("/sign-in") view=SignInRoute/>
                            <Route path=path!("/join") view=JoinRoute/>
                            <Route path=path!("/") view=HomeRoute/>
                            <Route path=path!("/onboarding") view=OnboardingRoute/>
                            <Route path=path!("/training") view=TrainingRoute/>
                            <Route path=path!("/deals") view=DealsRoute/>
                            <Route path=path!("/deals/new") view=RegisterDealRoute/>
                            <Route path=path!("/deals/:id") view=DealRoute/>
                            <Route path=path!("/leaderboards") view=LeaderboardsRoute/>
                            <Route path=path!("/feedback") view=FeedbackRoute/>
                            <Route path=path!("/feedback/surveys/:id") view=SurveyRoute/>
                            <Route path=path!("/team") view=TeamRoute/>
                            <Route path=path!("/notifications") view=NotificationsRoute/>
                            <Route path=path!("/gallery") view=GalleryRoute/>
                        </Routes>
                        </SessionGate>
                    </main>
                }
            }}
        </Router>
    }
}
