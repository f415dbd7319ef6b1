//! The language switch in the header: the vendor's languages, each named in itself; the page,
//! its address and any form in progress stay as they are.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::context::{use_base, use_config, use_language};
use crate::platform::language;
use crate::text::format::language_name;
use crate::text::i18n::t;

/// A labelled menu of the offered languages; nothing when the vendor offers one.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let offered = use_config().languages;
    (offered.len() > 1).then(|| {
        let current = use_language();
        let base = use_base().0;
        let failed = RwSignal::new(false);
        let (tags, now) = (offered.clone(), crate::text::i18n::locale());
        let fill = move |menu: web_sys::Element| fill(menu, &tags, &now);
        let choose = move |event: leptos::ev::Event| {
            let tag = event_target_value(&event);
            let (base, offered, current) = (base.clone(), offered.clone(), current.clone());
            failed.set(false);
            leptos::task::spawn_local(async move {
                // The new catalogue is in place before anything is drawn in it.
                match language::load(base, tag.clone(), offered).await {
                    Ok(()) => {
                        language::remember(&tag);
                        current.notify();
                    }
                    Err(_) => failed.set(true),
                }
            });
        };
        view! {
            <span class="pp-language-switch">
                <label>
                    <span class="pp-visually-hidden">{t("shell.language")}</span>
                    <select class="pp-language-switch__menu" use:fill on:change=choose></select>
                </label>
                {move || failed.get().then(|| view! {
                    <span class="pp-language-switch__failed" role="alert">{t("shell.language_failed")}</span>
                })}
            </span>
        }
    })
}

/// The options, written into the menu as it is made (a list of views, or a node reference's
/// effect, would each compile far more): each language named in itself, with its own `lang`
/// for screen readers; `now` selected.
fn fill(select: web_sys::Element, tags: &[String], now: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for tag in tags {
        if let Ok(option) = document.create_element("option") {
            let _ = option.set_attribute("value", tag);
            let _ = option.set_attribute("lang", tag);
            option.set_text_content(Some(&language_name(tag)));
            let _ = select.append_child(&option);
        }
    }
    select
        .unchecked_into::<web_sys::HtmlSelectElement>()
        .set_value(now);
}
