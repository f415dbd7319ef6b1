//! Home: the partner's starting point — who they are, their tier and engagement.

use api_types::Me;
use leptos::either::Either;
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::{ErrorNotice, Page, Skeleton};
use crate::partner::{partner_type_label, score_change, tier_label};

/// The home page; each card loads on its own so one failure never blanks the page.
#[component]
pub fn HomePage() -> impl IntoView {
    let api = use_api();
    let me = LocalResource::new(move || {
        let api = api.clone();
        async move { api.me().await }
    });
    view! {
        <Page title="Home">
            <section class="pp-card pp-welcome" aria-labelledby="pp-welcome-title">
                <Transition fallback=|| view! { <Skeleton lines=3 label="Loading your profile"/> }>
                    {move || Suspend::new(async move {
                        match me.await {
                            Ok(me) => Either::Left(view! { <Welcome me/> }),
                            Err(error) => Either::Right(view! {
                                <h2 id="pp-welcome-title" class="pp-card__title">"Your program"</h2>
                                <ErrorNotice error what="your profile" on_retry=move || me.refetch()/>
                            }),
                        }
                    })}
                </Transition>
            </section>
        </Page>
    }
}

/// Greets the partner user and says where their company stands.
#[component]
fn Welcome(me: Me) -> impl IntoView {
    let Me {
        user,
        company,
        engagement,
        ..
    } = me;
    view! {
        <h2 id="pp-welcome-title" class="pp-card__title">{format!("Welcome back, {}", user.name)}</h2>
        <p class="pp-welcome__company">
            <span class="pp-welcome__name">{company.name}</span>
            " · "
            {partner_type_label(company.partner_type)}
        </p>
        <dl class="pp-facts">
            <div>
                <dt>"Tier"</dt>
                <dd>{tier_label(company.tier)}</dd>
            </div>
            <div>
                <dt>"Engagement score"</dt>
                <dd>
                    {format!("{} of 100", engagement.score)}
                    <span class="pp-facts__note">{format!(" ({})", score_change(engagement.change))}</span>
                </dd>
            </div>
        </dl>
    }
}
