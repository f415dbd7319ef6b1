//! The partner's language: every sentence the portal writes comes from a message catalogue
//! loaded at run time (`locales/<tag>.json` next to `config.json`, see README "Languages"), so
//! a vendor corrects or adds a language without rebuilding. Placeholders are named (`{count}`);
//! counts pick `key_one`, `key_few`, `key_other` … by the browser's `Intl.PluralRules`. A key
//! missing from a catalogue falls back to English and is reported once in the console.
// text: for the vendor and the console, about catalogues.

use std::cell::RefCell;
use std::fmt::Display;

use super::json::JsonObject;

/// One language's messages: key → text.
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    tag: String,
    messages: JsonObject,
}

impl Catalogue {
    /// Reads a catalogue's text: a JSON object of strings (anything else is left out).
    pub fn parse(tag: &str, text: &str) -> Result<Self, String> {
        match JsonObject::parse(text) {
            Ok(messages) => Ok(Self {
                tag: tag.to_owned(),
                messages,
            }),
            Err(super::json::JsonError::NotAnObject) => {
                Err("it is not a JSON object of messages".into())
            }
            Err(super::json::JsonError::NotJson(why)) => Err(why),
        }
    }

    /// The same messages, formatting numbers and dates as `tag`.
    pub fn speaking_as(mut self, tag: &str) -> Self {
        tag.clone_into(&mut self.tag);
        self
    }

    fn get(&self, key: &str) -> Option<String> {
        self.messages.text(key)
    }
}

#[derive(Default)]
struct Languages {
    active: Catalogue,
    english: Option<Catalogue>,
    reported: Vec<String>,
}

thread_local! {
    static LANGUAGES: RefCell<Languages> = RefCell::new(Languages {
        active: built_in_english(),
        ..Languages::default()
    });
}

/// Native builds (tests) read English from the repository; the portal itself starts empty and
/// is given its catalogue before anything renders.
fn built_in_english() -> Catalogue {
    #[cfg(not(target_arch = "wasm32"))]
    {
        Catalogue::parse("en-US", include_str!("../../public/locales/en-US.json"))
            .unwrap_or_default()
    }
    #[cfg(target_arch = "wasm32")]
    Catalogue::default()
}

/// Makes `active` the language of every message from now on; `english` answers keys it lacks.
pub fn install(active: Catalogue, english: Option<Catalogue>) {
    LANGUAGES.with(|l| {
        *l.borrow_mut() = Languages {
            active,
            english,
            reported: Vec::new(),
        }
    });
}

/// The active language's tag (`de-DE`): the locale of every number, date and plural rule.
pub fn locale() -> String {
    LANGUAGES.with(|l| l.borrow().active.tag.clone())
}

/// `rtl` when the active language is written right to left (its catalogue's `direction`).
pub fn direction() -> &'static str {
    if t("direction") == "rtl" {
        "rtl"
    } else {
        "ltr"
    }
}

/// The words for `key` in the partner's language.
pub fn t(key: &str) -> String {
    LANGUAGES.with(|l| {
        let mut languages = l.borrow_mut();
        if let Some(text) = languages.active.get(key) {
            return text;
        }
        let fallback = languages.english.as_ref().and_then(|e| e.get(key));
        if !languages.reported.iter().any(|k| k == key) {
            languages.reported.push(key.to_owned());
            report_missing(key, &languages.active.tag);
        }
        fallback.unwrap_or_else(|| key.to_owned())
    })
}

/// The words for `key` with its named placeholders filled: `tr("deal.by", &[("name", &who)])`.
pub fn tr(key: &str, args: &[(&str, &dyn Display)]) -> String {
    fill(&t(key), args)
}

/// A count in words: `key_one`, `key_other` … as the language's plural rules pick for `count`,
/// with `{count}` written in the locale's digits and any other placeholders filled.
pub fn tn(key: &str, count: i64, args: &[(&str, &dyn Display)]) -> String {
    let category = plural_category(count);
    let exact = format!("{key}_{category}");
    let template = LANGUAGES.with(|l| l.borrow().active.get(&exact));
    let template = template.unwrap_or_else(|| t(&format!("{key}_other")));
    let number = super::format::count(count.unsigned_abs(), &locale());
    let number = if count < 0 {
        format!("-{number}")
    } else {
        number
    };
    let mut all: Vec<(&str, &dyn Display)> = vec![("count", &number)];
    all.extend_from_slice(args);
    fill(&template, &all)
}

/// Replaces each `{name}` in `template` with its value; unknown names stay as written. In a
/// right-to-left language each value is isolated (U+2068 … U+2069), so a number, a reference or
/// a Latin name keeps its own direction inside the sentence.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let isolate = !args.is_empty() && direction() == "rtl";
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            rest = &rest[open..];
            break;
        };
        let name = &after[..close];
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, value)) if isolate => {
                out.push('\u{2068}');
                out.push_str(&value.to_string());
                out.push('\u{2069}');
            }
            Some((_, value)) => out.push_str(&value.to_string()),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The plural category (`zero`, `one`, `two`, `few`, `many`, `other`) of `count`.
fn plural_category(count: i64) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(category) = intl_plural(count) {
        return category;
    }
    if count.abs() == 1 { "one" } else { "other" }.to_owned()
}

#[cfg(target_arch = "wasm32")]
fn intl_plural(count: i64) -> Option<String> {
    let n = [wasm_bindgen::JsValue::from_f64(count.unsigned_abs() as f64)];
    super::intl::text(&locale(), "plural", "PluralRules", &[], "select", &n)
}

fn report_missing(key: &str, tag: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use js_sys::{Function, Reflect};
        let console = Reflect::get(&js_sys::global(), &"console".into());
        let warn = console
            .as_ref()
            .ok()
            .and_then(|c| Reflect::get(c, &"warn".into()).ok());
        if let (Ok(console), Some(warn)) = (&console, warn) {
            if let Some(warn) = wasm_bindgen::JsCast::dyn_ref::<Function>(&warn) {
                let _ = warn.call1(
                    console,
                    &format!("portal: no message \"{key}\" in {tag}").into(),
                );
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, tag);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_name_and_unknown_ones_stay() {
        let n = 3;
        assert_eq!(
            fill("{n} of {total} done", &[("n", &n), ("total", &"5")]),
            "3 of 5 done"
        );
        assert_eq!(fill("a {missing} b", &[]), "a {missing} b");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(fill("", &[]), "");
    }

    #[test]
    fn missing_keys_fall_back_to_english_then_to_the_key() {
        let english = Catalogue::parse("en-US", r#"{"a": "Apple", "b": "Banana"}"#).unwrap();
        let german = Catalogue::parse(
            "de-DE",
            r#"{"a": "Apfel", "n_one": "{count} Tag", "n_other": "{count} Tage"}"#,
        )
        .unwrap();
        install(german, Some(english));
        assert_eq!(t("a"), "Apfel");
        assert_eq!(t("b"), "Banana");
        assert_eq!(t("c"), "c");
        assert_eq!(tn("n", 1, &[]), "1 Tag");
        assert_eq!(tn("n", 1234, &[]), "1,234 Tage");
        assert_eq!(locale(), "de-DE");
        let arabic = Catalogue::parse("ar", r#"{"direction": "rtl", "x": "الصفقة {r}"}"#).unwrap();
        install(arabic, None);
        assert_eq!(direction(), "rtl");
        assert_eq!(tr("x", &[("r", &"DR-1")]), "الصفقة \u{2068}DR-1\u{2069}");
        install(built_in_english(), None);
    }

    #[test]
    fn catalogues_must_be_objects() {
        assert!(Catalogue::parse("x", "[1]").is_err());
        assert!(Catalogue::parse("x", "{").is_err());
    }
}
