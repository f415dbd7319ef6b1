//! "Sign in with …": the vendor's OpenID Connect provider, when `config.json` names one. The
//! button leaves for the provider; back on the sign-in page with a code, the sign-in finishes
//! here and the partner goes on where they were headed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::set_bearer;
use crate::components::Notice;
use crate::context::{use_api, use_session};
use crate::platform::config::SignInProvider;
use crate::platform::paths::href;
use crate::session::oidc::{finish, start};
use crate::session::{reload, safe_next};
use crate::text::i18n::{t, tr};
use crate::text::labels::Tone;

/// The provider's button, and the end of a sign-in that comes back from it.
#[component]
pub fn ProviderSignIn(
    /// The vendor's provider.
    provider: SignInProvider,
    /// Where to go once signed in (a path of this portal).
    next: String,
) -> impl IntoView {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let redirect_uri = format!("{origin}{}", href("/sign-in"));
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let query = use_query_map().get_untracked();
    let (code, state, error) = (query.get("code"), query.get("state"), query.get("error"));
    if code.is_some() || error.is_some() {
        busy.set(true);
        let (api, session, navigate) = (use_api(), use_session(), use_navigate());
        let (provider, redirect_uri) = (provider.clone(), redirect_uri.clone());
        spawn_local(async move {
            let returned = finish(
                &provider,
                &redirect_uri,
                code.as_deref(),
                state.as_deref(),
                error.as_deref(),
            )
            .await;
            let signed_in = match returned {
                Ok((token, next)) => {
                    set_bearer(Some(token));
                    match api.session().await {
                        Ok(who) => Ok((who, safe_next(Some(&next)))),
                        Err(error) => {
                            set_bearer(None);
                            Err(error.message())
                        }
                    }
                }
                Err(message) => Err(message),
            };
            match signed_in {
                Ok((who, next)) => {
                    if session.signed_in(who) {
                        navigate(
                            &next,
                            NavigateOptions {
                                replace: true,
                                ..Default::default()
                            },
                        );
                    } else {
                        reload(&href(&next));
                    }
                }
                Err(message) => {
                    problem.set(Some(message));
                    busy.set(false);
                }
            }
        });
    }
    let name = provider.name.clone();
    let go = move |_| {
        let (provider, redirect_uri, next) = (provider.clone(), redirect_uri.clone(), next.clone());
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            if let Err(message) = start(&provider, &redirect_uri, &next).await {
                problem.set(Some(message));
                busy.set(false);
            }
        });
    };
    view! {
        <div class="pp-provider">
            <div role="status">{move || problem.get().map(|text| view! {
                <Notice tone=Tone::Danger title=t("sign_in.not_yet")><p>{text}</p></Notice>
            })}</div>
            <button type="button" class="pp-button pp-button--primary pp-provider__button" disabled=busy on:click=go>
                {move || if busy.get() { t("sign_in.signing_you_in") } else { tr("sign_in.with", &[("name", &name)]) }}
            </button>
            <p class="pp-provider__or pp-muted">{t("sign_in.or")}</p>
        </div>
    }
}
