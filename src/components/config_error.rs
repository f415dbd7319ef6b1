//! The full-page error shown when `config.json` is missing or wrong: never a blank page.
// text: for the vendor, shown when config.json or a catalogue cannot be read (so no language is loaded).

use leptos::prelude::*;

use super::Notice;
use crate::platform::config::{ConfigError, CONFIG_FILE};
use crate::text::labels::Tone;

/// Names the file and the problem, tells a partner whom to ask, and offers to try again.
#[component]
pub fn ConfigErrorPage(
    /// What went wrong while loading or reading the file.
    error: ConfigError,
    /// Loads the file again (after the vendor fixed it, or the network came back).
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <main id="main" class="pp-main pp-fatal" tabindex="-1">
            <h1>"The portal cannot start"</h1>
            <Notice tone=Tone::Danger title=error.to_string()>
                <p>
                    "The portal reads its settings from "<code>{CONFIG_FILE}</code>
                    ", next to index.html. If you host this portal, fix that file; "
                    "if you are a partner, please tell your channel team."
                </p>
            </Notice>
            <button type="button" class="pp-button pp-button--primary" on:click=move |_| on_retry()>
                "Try again"
            </button>
        </main>
    }
}
