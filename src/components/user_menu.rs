//! Who is signed in, in the header: a button with the person's name that opens their company,
//! role and *Sign out*.

use api_types::Session;
use leptos::ev;
use leptos::html::Button;
use leptos::prelude::*;

use super::LanguageSwitch;

use crate::text::i18n::t;
use crate::text::labels::Label;

/// The signed-in person's menu.
#[component]
pub fn UserMenu(
    /// Who is signed in.
    session: Session,
    /// Signs out (the shell ends the session and clears this browser).
    on_sign_out: Callback<()>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<Button>::new();
    let close_on_escape = move |event: ev::KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            event.stop_propagation();
            open.set(false);
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    // Focus moving to something outside the menu (Tab past its end, a click on a link or field)
    // closes it. Focus going nowhere does not: Safari moves no focus to a clicked button.
    let close_on_leave = move |event: ev::FocusEvent| {
        let node = |t: Option<web_sys::EventTarget>| {
            t.and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
        };
        if let (Some(to), Some(menu)) = (node(event.related_target()), node(event.current_target()))
        {
            if !menu.contains(Some(&to)) {
                open.set(false);
            }
        }
    };
    let signing_out = RwSignal::new(false);
    view! {
        <div class="pp-user-menu" on:keydown=close_on_escape on:focusout=close_on_leave>
            <button type="button" class="pp-user-menu__button" node_ref=button
                aria-expanded=move || open.get().to_string() aria-controls="pp-user-menu-panel"
                on:click=move |_| open.update(|o| *o = !*o)>
                <span class="pp-visually-hidden">{t("shell.account")}</span>
                {session.user.name.clone()}
            </button>
            <div id="pp-user-menu-panel" class="pp-user-menu__panel" hidden=move || !open.get()>
                <p class="pp-user-menu__name">{session.user.name.clone()}</p>
                <p class="pp-user-menu__detail">{session.company_name.clone()}</p>
                <p class="pp-user-menu__detail">{session.user.role.label()}</p>
                <p class="pp-user-menu__detail">{session.user.email.clone()}</p>
                <LanguageSwitch/>
                <button type="button" class="pp-button" disabled=signing_out
                    on:click=move |_| {
                        signing_out.set(true);
                        on_sign_out.run(());
                    }>
                    {move || t(if signing_out.get() { "shell.signing_out" } else { "shell.sign_out" })}
                </button>
            </div>
        </div>
    }
}
