//! What shows while `config.json` loads: the header's outline, so nothing jumps when it arrives.
// text: announced before config.json and the language are loaded.

use leptos::prelude::*;

/// A skeleton of the shell, announced to assistive technology as loading.
#[component]
pub fn BootSplash() -> impl IntoView {
    view! {
        <div class="pp-boot" aria-busy="true">
            <div class="pp-site-header pp-site-header--skeleton" aria-hidden="true">
                <span class="pp-skeleton pp-skeleton--logo"></span>
                <span class="pp-skeleton pp-skeleton--text"></span>
            </div>
            <main class="pp-main">
                <p class="pp-visually-hidden" role="status">"Loading the portal…"</p>
                <span class="pp-skeleton pp-skeleton--heading" aria-hidden="true"></span>
                <span class="pp-skeleton pp-skeleton--block" aria-hidden="true"></span>
            </main>
        </div>
    }
}
