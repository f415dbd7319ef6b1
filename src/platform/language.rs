//! Which language the portal speaks and loading its catalogue: the partner's own choice
//! (remembered on this computer), else the first of the browser's languages the vendor offers,
//! else the vendor's default. `<html lang>` and `dir` follow it.
// text: for the vendor (a catalogue that cannot be read), before any language is loaded.

use crate::text::i18n::{self, Catalogue};

/// The English catalogue the portal ships (`public/locales/en-US.json`).
const SHIPPED_ENGLISH: &str = "en-US";

/// Where the partner's choice is remembered (not personal: it stays after signing out).
const CHOICE_KEY: &str = "pp.language";

/// The language to speak: `chosen` if offered, else the first of `preferred` (the browser's, by
/// its language or, failing that, its primary language) that is offered, else `default`.
pub fn pick(
    chosen: Option<&str>,
    preferred: &[String],
    offered: &[String],
    default: &str,
) -> String {
    let offered_as = |want: &str| offered.iter().find(|o| o.eq_ignore_ascii_case(want));
    if let Some(tag) = chosen.and_then(offered_as) {
        return tag.clone();
    }
    let primary = |tag: &str| tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    for want in preferred {
        if let Some(tag) =
            offered_as(want).or_else(|| offered.iter().find(|o| primary(o) == primary(want)))
        {
            return tag.clone();
        }
    }
    default.to_owned()
}

/// The English catalogue among `offered`, which answers keys another language lacks.
pub fn english_of(offered: &[String]) -> Option<&String> {
    offered
        .iter()
        .find(|tag| tag.split('-').next() == Some("en"))
}

/// The language for this visit, from what the partner chose before and the browser's list.
pub fn initial(offered: &[String], default: &str) -> String {
    let window = web_sys::window();
    let chosen = window
        .as_ref()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(CHOICE_KEY).ok().flatten());
    let preferred: Vec<String> = window
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    pick(chosen.as_deref(), &preferred, offered, default)
}

/// Remembers the partner's choice on this computer.
pub fn remember(tag: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(CHOICE_KEY, tag);
    }
}

/// What [`load`] answers: boxed, so the one state machine serves start-up and the switch.
pub type Loading = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>>>>;

/// Loads `tag`'s catalogue (and English beside it for missing keys), makes it the portal's
/// language and sets `<html lang dir>`. Fails with plain words when the file cannot be read.
pub fn load(base: String, tag: String, offered: Vec<String>) -> Loading {
    Box::pin(async move { load_now(&base, &tag, &offered).await })
}

async fn load_now(base: &str, tag: &str, offered: &[String]) -> Result<(), String> {
    let english = english_of(offered).filter(|e| *e != tag);
    let active = match fetch(base, tag).await {
        Ok(active) => active,
        // A language offered without its file (a vendor's `en-GB`, say) speaks the shipped
        // English in its own formats rather than not starting; one that could not be fetched
        // (offline) is an error, said as such.
        Err((why, true)) if tag != SHIPPED_ENGLISH => fetch(base, SHIPPED_ENGLISH)
            .await
            .map(|english| english.speaking_as(tag))
            .map_err(|_| why)?,
        Err((why, _)) => return Err(why),
    };
    let english = match english {
        // Only for keys a vendor's file lacks: without it the key itself shows, not an error.
        Some(english) => fetch(base, english).await.ok(),
        None => None,
    };
    i18n::install(active, english);
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
        let _ = root.set_attribute("dir", i18n::direction());
    }
    Ok(())
}

/// The catalogue of `tag`, or why not and whether the server said it has no such file (404).
async fn fetch(base: &str, tag: &str) -> Result<Catalogue, (String, bool)> {
    use super::boot::{file_text, FileError};
    let address = format!("{base}/locales/{tag}.json");
    let text = match file_text("portalCatalogueRequest", &address).await {
        Ok(text) => text,
        Err(FileError::Unreachable(why)) => {
            return Err((format!("{address} could not be loaded: {why}"), false))
        }
        Err(FileError::Status(status, _)) => {
            return Err((
                format!("{address} could not be loaded: the server answered {status}"),
                status == 404,
            ))
        }
    };
    Catalogue::parse(tag, &text)
        .map_err(|why| (format!("{address} is not a catalogue: {why}"), false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn her_choice_wins_then_the_browser_then_the_default() {
        let offered = tags(&["en-US", "de-DE", "ar"]);
        assert_eq!(pick(Some("ar"), &tags(&["de-DE"]), &offered, "en-US"), "ar");
        assert_eq!(
            pick(Some("xx"), &tags(&["de-DE"]), &offered, "en-US"),
            "de-DE"
        );
        assert_eq!(
            pick(None, &tags(&["fr-FR", "de-AT"]), &offered, "en-US"),
            "de-DE"
        );
        assert_eq!(pick(None, &tags(&["ar-EG"]), &offered, "en-US"), "ar");
        assert_eq!(pick(None, &tags(&["ja-JP"]), &offered, "en-US"), "en-US");
        assert_eq!(pick(None, &[], &offered, "de-DE"), "de-DE");
        assert_eq!(english_of(&offered).map(String::as_str), Some("en-US"));
    }
}
