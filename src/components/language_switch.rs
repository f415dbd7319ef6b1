//! The language switch in the header: the vendor's languages, each named in itself; the page,
//! its address and any form in progress stay as they are.

use leptos::prelude::*;

use crate::context::{use_base, use_config, use_language};
use crate::platform::language;
use crate::text::format::language_name;
use crate::text::i18n::t;

/// A labelled menu of the offered languages; nothing when the vendor offers one.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let offered = use_config().languages;
    let current = use_language();
    let base = use_base().0;
    let failed = RwSignal::new(false);
    let all = StoredValue::new(offered.clone());
    let choose = move |event: leptos::ev::Event| {
        let tag = event_target_value(&event);
        failed.set(false);
        let (base, offered) = (base.clone(), all.get_value());
        leptos::task::spawn_local(async move {
            // The new catalogue is in place before anything is drawn in it.
            match language::load(&base, &tag, &offered).await {
                Ok(()) => {
                    language::remember(&tag);
                    current.set(tag);
                }
                Err(_) => failed.set(true),
            }
        });
    };
    (offered.len() > 1).then(|| {
        let now = current.get_untracked();
        view! {
            <label class="pp-language-switch">
                <span class="pp-visually-hidden">{t("shell.language")}</span>
                <select class="pp-language-switch__menu" on:change=choose>
                    {offered
                        .into_iter()
                        .map(|tag| {
                            let selected = tag == now;
                            view! {
                                <option value=tag.clone() lang=tag.clone() selected=selected>
                                    {language_name(&tag)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                {move || failed.get().then(|| view! {
                    <span class="pp-language-switch__failed" role="alert">{t("shell.language_failed")}</span>
                })}
            </label>
        }
    })
}
