//! Light, dark or the system's choice, remembered across visits; the vendor's accent from
//! `config.json`; and a guard that keeps text readable whatever accent a brand brings.

use wasm_bindgen::JsCast;

use crate::platform::brand::{contrast, readable_on, with_contrast, Rgb};

const STORAGE_KEY: &str = "pp-theme";

/// The partner's choice of colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Follow the operating system (`prefers-color-scheme`).
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// What the switch offers next: System → Light → Dark → System.
    pub fn next(self) -> Self {
        match self {
            Self::System => Self::Light,
            Self::Light => Self::Dark,
            Self::Dark => Self::System,
        }
    }

    /// The label of the current choice.
    pub fn label(self) -> String {
        crate::text::i18n::t(match self {
            Self::System => "theme.system",
            Self::Light => "theme.light",
            Self::Dark => "theme.dark",
        })
    }

    fn stored(self) -> Option<&'static str> {
        match self {
            Self::System => None,
            Self::Light => Some("light"),
            Self::Dark => Some("dark"),
        }
    }

    /// Reads a stored value; anything else means the system's choice.
    pub fn parse(value: Option<&str>) -> Self {
        match value {
            Some("light") => Self::Light,
            Some("dark") => Self::Dark,
            _ => Self::System,
        }
    }
}

fn root() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .document_element()?
        .dyn_into()
        .ok()
}

/// The remembered choice.
pub fn saved_choice() -> ThemeChoice {
    let stored = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    ThemeChoice::parse(stored.as_deref())
}

/// Applies and remembers `choice` (`data-theme` on `<html>`), then re-checks contrast.
pub fn apply_choice(choice: ThemeChoice) {
    if let Some(root) = root() {
        let _ = match choice.stored() {
            Some(value) => root.set_attribute("data-theme", value),
            None => root.remove_attribute("data-theme"),
        };
    }
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = match choice.stored() {
            Some(value) => storage.set_item(STORAGE_KEY, value),
            None => storage.remove_item(STORAGE_KEY),
        };
    }
    keep_text_readable();
}

/// Sets the vendor's accent (from `config.json`) and favicon.
pub fn apply_brand(accent: Option<&str>, favicon: Option<&str>) {
    if let (Some(root), Some(accent)) = (root(), accent.and_then(Rgb::parse)) {
        let _ = root
            .style()
            .set_property("--pp-color-accent", &accent.hex());
    }
    if let Some(href) = favicon {
        if let Some(icon) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("link[rel=icon]").ok().flatten())
        {
            let _ = icon.set_attribute("href", href);
        }
    }
}

/// The colour a token resolves to in the current theme, read through a probe element (custom
/// properties themselves are reported unresolved, e.g. as `light-dark(…)`).
fn resolved(token: &str) -> Option<Rgb> {
    let document = web_sys::window()?.document()?;
    let probe: web_sys::HtmlElement = document.create_element("span").ok()?.dyn_into().ok()?;
    probe
        .style()
        .set_property("color", &format!("var({token})"))
        .ok()?;
    document.body()?.append_child(&probe).ok()?;
    let color = web_sys::window()?
        .get_computed_style(&probe)
        .ok()??
        .get_property_value("color")
        .ok();
    probe.remove();
    Rgb::parse(&color?)
}

/// If the theme's accent (a brand's, perhaps) would make unreadable text, override the text
/// colours that sit on it or use it: button text, links and selected filters.
pub fn keep_text_readable() {
    let Some(root) = root() else { return };
    let style = root.style();
    let _ = style.remove_property("--pp-color-on-accent");
    let _ = style.remove_property("--pp-color-link");
    let (Some(accent), Some(on_accent), Some(surface), Some(page)) = (
        resolved("--pp-color-accent"),
        resolved("--pp-color-on-accent"),
        resolved("--pp-color-surface-raised"),
        resolved("--pp-color-surface-sunken"),
    ) else {
        return;
    };
    if contrast(on_accent, accent) < 4.5 {
        let _ = style.set_property("--pp-color-on-accent", &readable_on(accent).hex());
    }
    let worst = if contrast(accent, surface) < contrast(accent, page) {
        surface
    } else {
        page
    };
    if contrast(accent, worst) < 4.5 {
        let link = with_contrast(with_contrast(accent, surface, 4.5), page, 4.5);
        let _ = style.set_property("--pp-color-link", &link.hex());
    }
}

#[cfg(test)]
mod tests {
    use super::ThemeChoice;

    #[test]
    fn the_switch_cycles_and_storage_round_trips() {
        let mut choice = ThemeChoice::System;
        for expected in [ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::System] {
            choice = choice.next();
            assert_eq!(choice, expected);
            assert_eq!(ThemeChoice::parse(choice.stored()), choice);
        }
        assert_eq!(ThemeChoice::parse(Some("neon")), ThemeChoice::System);
    }
}
