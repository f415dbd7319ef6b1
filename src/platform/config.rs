//! Runtime configuration: `config.json`, fetched at start-up so vendors can re-point and re-brand
//! the built portal without rebuilding it.
// text: for the vendor who hosts the portal, read before any language is loaded.

use std::fmt;

use crate::text::json::{JsonError, JsonField, JsonObject};

/// The file name the portal loads its settings from, next to `index.html`.
pub const CONFIG_FILE: &str = "config.json";

/// Validated settings for one vendor's deployment of the portal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortalConfig {
    /// Where the backend's JSON API lives: an `http(s)://` URL, a path on this host (`/api/v1`),
    /// or a path relative to the portal (`api/v1`), which follows it onto any sub-path.
    pub api_base_url: String,
    /// The program's name as partners know it, shown in the header and page titles.
    pub brand_name: String,
    /// Address of the logo image shown next to the brand name.
    pub logo_url: String,
    /// The language (BCP 47 tag, e.g. `en-US`) for partners whose browser asks for none of
    /// `languages`; it is one of them.
    pub default_locale: String,
    /// The languages offered (`languages`, each a catalogue `locales/<tag>.json`), in the order
    /// the language switch lists them; `[default_locale]` when absent.
    pub languages: Vec<String>,
    /// Optional brand accent as `#rrggbb`; text on and around it is kept readable.
    pub accent_color: Option<String>,
    /// Optional favicon address.
    pub favicon_url: Option<String>,
    /// Optional sign-in through the vendor's OpenID Connect provider.
    pub sign_in_provider: Option<SignInProvider>,
    /// How often the notification feed is asked for news (`notifications_poll_seconds`,
    /// 5–3600, default 30); each ask costs one small conditional request.
    pub poll_seconds: u32,
}

/// The vendor's OpenID Connect provider (`oidc_issuer`, `oidc_client_id`, `oidc_scopes`,
/// `oidc_name` in `config.json`): the portal signs in with the Authorization Code flow and PKCE.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInProvider {
    /// The issuer's URL, exactly as its tokens name it.
    pub issuer: String,
    /// The portal's client id at the provider (a public client: no secret).
    pub client_id: String,
    /// Scopes to ask for, space-separated; `openid` is always among them.
    pub scopes: String,
    /// What the button calls it: "Sign in with {name}".
    pub name: String,
}

/// Why `config.json` could not be used, phrased for the vendor who has to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// The file could not be fetched at all (network down, wrong path).
    Unreachable(String),
    /// The server answered, but not with the file (e.g. 404).
    HttpStatus { status: u16, status_text: String },
    /// The body is not JSON.
    NotJson(String),
    /// The JSON is not an object of settings.
    NotAnObject,
    /// A required field is absent.
    Missing(&'static str),
    /// A field is present with an unusable value; `expected` says what it must be.
    Invalid {
        field: &'static str,
        expected: &'static str,
        found: String,
    },
    /// The language's catalogue (`locales/<tag>.json`) could not be loaded or read.
    Catalogue(String),
    /// A text field is longer than the portal can show.
    TooLong {
        field: &'static str,
        max_chars: usize,
        found: usize,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreachable(why) => write!(f, "{CONFIG_FILE} could not be loaded: {why}"),
            Self::HttpStatus { status, status_text } => write!(
                f,
                "{CONFIG_FILE} could not be loaded: the server answered {status} {status_text}"
            ),
            Self::NotJson(why) => write!(f, "{CONFIG_FILE} is not valid JSON: {why}"),
            Self::Catalogue(why) => f.write_str(why),
            Self::NotAnObject => write!(f, "{CONFIG_FILE} must hold a JSON object of settings"),
            Self::Missing(field) => write!(f, "{CONFIG_FILE}: field `{field}` is missing"),
            Self::Invalid { field, expected, found } => {
                write!(f, "{CONFIG_FILE}: field `{field}` must be {expected}, found {found}")
            }
            Self::TooLong { field, max_chars, found } => write!(
                f,
                "{CONFIG_FILE}: field `{field}` must be at most {max_chars} characters, found {found}"
            ),
        }
    }
}

impl PortalConfig {
    /// The API's address for a portal hosted at `base`: relative paths follow the portal.
    pub fn api_base_for(&self, base: &str) -> String {
        let url = &self.api_base_url;
        if url.starts_with('/') || url.contains("://") {
            url.clone()
        } else {
            crate::platform::paths::join(base, url)
        }
    }

    /// Parses and validates the text of `config.json`.
    pub fn parse(text: &str) -> Result<Self, ConfigError> {
        let fields = JsonObject::parse(text).map_err(|error| match error {
            JsonError::NotJson(why) => ConfigError::NotJson(why),
            JsonError::NotAnObject => ConfigError::NotAnObject,
        })?;
        let api_base_url = text_field(&fields, "api_base_url", 2048)?;
        let api_base = "an http(s):// URL or a path such as /api/v1 or api/v1";
        require(
            is_api_base(&api_base_url),
            "api_base_url",
            api_base,
            &api_base_url,
        )?;
        let brand_name = text_field(&fields, "brand_name", 80)?;
        let logo_url = text_field(&fields, "logo_url", 2048)?;
        let default_locale = text_field(&fields, "default_locale", 35)?;
        let tag = "a language tag such as \"en-US\"";
        require(
            is_language_tag(&default_locale),
            "default_locale",
            tag,
            &default_locale,
        )?;
        let languages = languages(&fields, &default_locale)?;
        let accent_color = optional_text(&fields, "accent_color", 7)?;
        if let Some(accent) = &accent_color {
            let colour =
                crate::platform::brand::Rgb::parse(accent).is_some() && accent.starts_with('#');
            require(
                colour,
                "accent_color",
                "a colour such as \"#1f5fbf\"",
                accent,
            )?;
        }
        let sign_in_provider = match optional_text(&fields, "oidc_issuer", 2048)? {
            None => None,
            Some(issuer) => {
                let secure = issuer.starts_with("https://")
                    || ["http://127.0.0.1", "http://localhost"]
                        .iter()
                        .any(|l| issuer.starts_with(l));
                require(secure, "oidc_issuer", "an https:// URL", &issuer)?;
                let scopes = optional_text(&fields, "oidc_scopes", 500)?
                    .unwrap_or_else(|| "openid email".into());
                Some(SignInProvider {
                    client_id: text_field(&fields, "oidc_client_id", 200)?,
                    scopes: if scopes.split(' ').any(|s| s == "openid") {
                        scopes
                    } else {
                        format!("openid {scopes}")
                    },
                    name: optional_text(&fields, "oidc_name", 60)?
                        .unwrap_or_else(|| "your company account".into()),
                    issuer,
                })
            }
        };
        let poll_seconds = match fields.get("notifications_poll_seconds") {
            JsonField::Absent => 30,
            JsonField::Number(n) if n.fract() == 0.0 && (5.0..=3600.0).contains(&n) => n as u32,
            other => {
                // Not the number itself: writing a float would bring its formatting code along.
                let found = match other {
                    JsonField::Number(_) => "a number outside that range",
                    other => other.kind(),
                };
                return Err(ConfigError::Invalid {
                    field: "notifications_poll_seconds",
                    expected: "a whole number of seconds from 5 to 3600",
                    found: found.to_owned(),
                });
            }
        };
        Ok(Self {
            poll_seconds,
            sign_in_provider,
            api_base_url: api_base_url.trim_end_matches('/').to_owned(),
            brand_name,
            logo_url,
            default_locale,
            languages,
            accent_color,
            favicon_url: optional_text(&fields, "favicon_url", 2048)?,
        })
    }
}

/// `Ok` when `ok`, else the field's value named as not what was `expected`.
fn require(
    ok: bool,
    field: &'static str,
    expected: &'static str,
    found: &str,
) -> Result<(), ConfigError> {
    if ok {
        Ok(())
    } else {
        Err(invalid(field, expected, found))
    }
}

fn invalid(field: &'static str, expected: &'static str, found: &str) -> ConfigError {
    ConfigError::Invalid {
        field,
        expected,
        // Quoted by hand: `{:?}` would bring the escaping tables of `Debug` into the start-up code.
        found: format!("\"{found}\""),
    }
}

/// A required, non-blank string of at most `max_chars` characters, trimmed.
fn text_field(
    fields: &JsonObject,
    field: &'static str,
    max_chars: usize,
) -> Result<String, ConfigError> {
    match fields.get(field) {
        JsonField::Absent => Err(ConfigError::Missing(field)),
        JsonField::Text(s) if s.trim().is_empty() => Err(invalid(field, "a non-empty text", &s)),
        JsonField::Text(s) if s.trim().chars().count() > max_chars => Err(ConfigError::TooLong {
            field,
            max_chars,
            found: s.trim().chars().count(),
        }),
        JsonField::Text(s) => Ok(s.trim().to_owned()),
        other => Err(ConfigError::Invalid {
            field,
            expected: "a text in quotes",
            found: other.kind().to_owned(),
        }),
    }
}

/// An optional text field: absent or null is `None`, anything else must be valid text.
fn optional_text(
    fields: &JsonObject,
    field: &'static str,
    max_chars: usize,
) -> Result<Option<String>, ConfigError> {
    match fields.get(field) {
        JsonField::Absent => Ok(None),
        _ => text_field(fields, field, max_chars).map(Some),
    }
}

/// `languages`: a list of 1–20 distinct language tags that holds `default_locale`.
fn languages(fields: &JsonObject, default: &str) -> Result<Vec<String>, ConfigError> {
    const EXPECTED: &str =
        "a list of language tags such as [\"en-US\", \"de-DE\"] that holds default_locale";
    let list = match fields.get("languages") {
        JsonField::Absent => return Ok(vec![default.to_owned()]),
        JsonField::List(list) => list,
        other => return Err(invalid("languages", EXPECTED, other.kind())),
    };
    let mut tags: Vec<String> = Vec::new();
    for item in list {
        match item {
            JsonField::Text(tag) if is_language_tag(&tag) && !tags.contains(&tag) => tags.push(tag),
            JsonField::Text(tag) => return Err(invalid("languages", EXPECTED, &tag)),
            other => return Err(invalid("languages", EXPECTED, other.kind())),
        }
    }
    if tags.is_empty() || tags.len() > 20 || !tags.iter().any(|t| t == default) {
        return Err(invalid("languages", EXPECTED, "a list without it"));
    }
    Ok(tags)
}

fn is_api_base(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let relative_path = |p: &str| {
        !p.is_empty()
            && !p.split('/').any(|segment| segment == "..")
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~/".contains(c))
    };
    let shape_ok = match rest {
        Some(host_and_path) => !host_and_path.is_empty() && !host_and_path.starts_with('/'),
        None if url.starts_with("//") => false,
        None => relative_path(url.trim_start_matches('/')),
    };
    shape_ok && !url.chars().any(char::is_whitespace)
}

/// Accepts the shape of BCP 47 tags: a 2–3 letter language, then alphanumeric subtags of 1–8.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests;
