//! The banner: brand, primary navigation (a menu button on narrow screens), the signed-in
//! person's menu, and the skip link. Signed out, only the brand and the theme switch show.

use leptos::ev;
use leptos::html::Button;
use leptos::prelude::*;
use leptos_router::components::A;

use api_types::{Session, UserRole};

use crate::session::SessionState;

use super::{LanguageSwitch, ThemeSwitch, UserMenu};
use crate::domain::notifications::unread_phrase;
use crate::platform::paths::href;
use crate::text::i18n::{t, tr};

/// The sections a partner can go to, in navigation order: (path, label's key, match exactly).
const SECTIONS: [(&str, &str, bool); 6] = [
    ("/", "nav.home", true),
    ("/onboarding", "nav.onboarding", false),
    ("/training", "nav.training", false),
    ("/deals", "nav.deals", false),
    ("/leaderboards", "nav.leaderboards", false),
    ("/feedback", "nav.feedback", false),
];

/// The first focusable element: jumps past the header straight to the page's content.
#[component]
pub fn SkipLink() -> impl IntoView {
    // A plain `#main` would resolve against `<base href>` and leave the page when the portal
    // lives under a sub-path, so focus the landmark directly.
    let skip = |event: ev::MouseEvent| {
        event.prevent_default();
        if let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = main.focus();
        }
    };
    view! { <a class="pp-skip-link" href="#main" on:click=skip>{t("nav.skip")}</a> }
}

/// The site header with the program's brand and the primary navigation.
#[component]
pub fn SiteHeader(
    /// The program's name, e.g. "Northwind Partner Network".
    #[prop(into)]
    brand_name: String,
    /// The logo's address; decorative next to the brand name.
    #[prop(into)]
    logo_url: String,
    /// Who is signed in; the navigation and the user menu show only then.
    signed_in: Signal<Option<Session>>,
    /// Unread notifications, once known.
    unread: Signal<Option<u32>>,
    /// Signs out.
    on_sign_out: Callback<()>,
) -> impl IntoView {
    let (menu_open, set_menu_open) = signal(false);
    let menu_button = NodeRef::<Button>::new();
    let close_on_escape = move |event: ev::KeyboardEvent| {
        if event.key() == "Escape" && menu_open.get_untracked() {
            set_menu_open.set(false);
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let signed_in_now = Memo::new(move |_| signed_in.with(Option::is_some));
    let session = crate::context::use_session();
    let signed_out =
        Memo::new(move |_| session.state.with(|s| matches!(s, SessionState::SignedOut)));
    // Only partner admins manage the team; members are not shown a door they cannot open.
    let is_admin = Memo::new(move |_| {
        signed_in.with(|s| s.as_ref().is_some_and(|s| s.user.role == UserRole::Admin))
    });
    view! {
        <header class="pp-site-header" on:keydown=close_on_escape>
            <A href=href("/") attr:class="pp-brand">
                <img class="pp-brand__logo" src=logo_url alt="" width="32" height="32"/>
                <span class="pp-brand__name">{brand_name}</span>
            </A>
            {move || signed_in_now.get().then(|| view! {
                <button
                    type="button"
                    class="pp-menu-button"
                    aria-controls="pp-primary-nav"
                    aria-expanded=move || menu_open.get().to_string()
                    node_ref=menu_button
                    on:click=move |_| set_menu_open.update(|open| *open = !*open)
                >
                    <span class="pp-menu-button__icon" aria-hidden="true"></span>
                    <span class="pp-menu-button__label">{t("nav.menu")}</span>
                </button>
                <nav
                    id="pp-primary-nav"
                    class="pp-nav"
                    class:pp-nav--open=menu_open
                    aria-label=t("nav.primary")
                >
                    // Any click on a link ends the menu's job; the route change shows the new page.
                    <ul class="pp-nav__list" on:click=move |_| set_menu_open.set(false)>
                        {SECTIONS
                            .into_iter()
                            .map(|(path, label, exact)| {
                                view! {
                                    <li>
                                        <A href=href(path) exact attr:class="pp-nav__link">{t(label)}</A>
                                    </li>
                                }
                            })
                            .collect_view()}
                        {move || is_admin.get().then(|| view! {
                            <li><A href=href("/team") attr:class="pp-nav__link">{t("nav.team")}</A></li>
                        })}
                    </ul>
                </nav>
            })}
            {move || signed_in_now.get().then(|| view! { <NotificationsLink unread/> })}
            {move || signed_in.get().map(|session| view! { <UserMenu session on_sign_out/> })}
            // Signed in, the language is chosen in the account menu (the row is full); signed
            // out, here, just before the theme switch, which stays put at the end of the row.
            {move || signed_out.get().then(|| view! { <LanguageSwitch/> })}
            // Last and at the end of the row in every state, so it never moves when the
            // session arrives (what appears before it is new, not shifted).
            <ThemeSwitch/>
        </header>
    }
}

/// The way to the notification feed, with the unread count on it (a badge of fixed place, so
/// its arrival moves nothing).
#[component]
fn NotificationsLink(unread: Signal<Option<u32>>) -> impl IntoView {
    let count = move || unread.get().filter(|n| *n > 0);
    let name = move || match count().and_then(unread_phrase) {
        Some(unread) => tr("nav.notifications_unread", &[("unread", &unread)]),
        None => t("nav.notifications"),
    };
    view! {
        <A href=href("/notifications") attr:class="pp-bell" attr:aria-label=name>
            <span class="pp-bell__icon" aria-hidden="true"></span>
            {move || count().map(|n| view! {
                <span class="pp-bell__count" aria-hidden="true">{if n > 99 { "99+".to_owned() } else { n.to_string() }}</span>
            })}
        </A>
    }
}
