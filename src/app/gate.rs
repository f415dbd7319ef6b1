//! The way into the portal's pages: none without a session. While the session is checked the
//! page's outline shows; signed out, the partner is sent to sign in and brought back; when a
//! session ends mid-task, a dialog asks to sign in again over the page, which stays as it was.

use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::components::{ErrorNotice, Page};
use crate::context::{use_api, use_base, use_session};
use crate::pages::SignInRoute;
use crate::session::SessionState;
use crate::text::i18n::t;

/// The routed pages (children), once someone is signed in; signing in and joining are always open.
#[component]
pub fn SessionGate(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    // Signing in and joining by invitation are open to anyone.
    let on_sign_in = move || {
        location.pathname.with(|p| {
            let p = p.trim_end_matches('/');
            p.ends_with("/sign-in") || p.ends_with("/join")
        })
    };
    let admitted = Memo::new(move |_| {
        on_sign_in()
            || session
                .state
                .with(|s| matches!(s, SessionState::SignedIn(_) | SessionState::Ended(_)))
    });
    // Signed out on any other page: to the sign-in page, which brings the partner back here.
    let navigate = use_navigate();
    let base = use_base().0;
    Effect::new(move |_| {
        if session.state.with(|s| matches!(s, SessionState::SignedOut)) && !on_sign_in() {
            let next = crate::session::here(&base);
            let encoded = String::from(js_sys::encode_uri_component(&next));
            navigate(
                &format!("/sign-in?next={encoded}"),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    let api = use_api();
    let retry = move || session.check(api.clone());
    view! {
        <Show when=move || admitted.get() fallback=move || match session.state.get() {
            SessionState::Unreachable(error) => {
                let retry = retry.clone();
                view! {
                    <Page title=t("shell.signing_in")>
                        <ErrorNotice error what=t("what.session") on_retry=Callback::new(move |()| retry())/>
                    </Page>
                }
                .into_any()
            }
            _ => view! {
                <div class="pp-page" aria-busy="true">
                    <p class="pp-visually-hidden" role="status">{t("shell.checking_session")}</p>
                    <span class="pp-skeleton pp-skeleton--heading" aria-hidden="true"></span>
                    <span class="pp-skeleton pp-skeleton--block" aria-hidden="true"></span>
                </div>
            }.into_any(),
        }>
            {children()}
        </Show>
        {move || session.state.with(|s| matches!(s, SessionState::Ended(_))).then(|| view! { <SignInAgain/> })}
    }
}

/// A modal dialog over the page: the rest of the page is inert until the partner signs in.
#[component]
fn SignInAgain() -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    dialog.on_load(|dialog| {
        let _ = dialog.show_modal();
    });
    view! {
        // Escape must not close it: without a session nothing on the page would work.
        <dialog class="pp-dialog" node_ref=dialog aria-labelledby="pp-sign-in-again-title"
            on:cancel=|event: web_sys::Event| event.prevent_default()>
            <SignInRoute/>
        </dialog>
    }
}
