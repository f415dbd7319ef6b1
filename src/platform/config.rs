//! Runtime configuration: `config.json`, fetched at start-up so vendors can re-point and re-brand
//! the built portal without rebuilding it.

use serde_json::{Map, Value};
use std::fmt;

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
    /// Language tag (BCP 47, e.g. `en-US`) used for `<html lang>` and formatting.
    pub default_locale: String,
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
        let value: Value =
            serde_json::from_str(text).map_err(|e| ConfigError::NotJson(e.to_string()))?;
        let Value::Object(fields) = value else {
            return Err(ConfigError::NotAnObject);
        };
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
            None | Some(Value::Null) => 30,
            Some(Value::Number(n)) => match n.as_u64() {
                Some(seconds @ 5..=3600) => seconds as u32,
                _ => {
                    return Err(invalid(
                        "notifications_poll_seconds",
                        "a whole number of seconds from 5 to 3600",
                        &n.to_string(),
                    ))
                }
            },
            Some(other) => {
                return Err(ConfigError::Invalid {
                    field: "notifications_poll_seconds",
                    expected: "a whole number of seconds from 5 to 3600",
                    found: json_kind(other).to_owned(),
                })
            }
        };
        Ok(Self {
            poll_seconds,
            sign_in_provider,
            api_base_url: api_base_url.trim_end_matches('/').to_owned(),
            brand_name,
            logo_url,
            default_locale,
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
        found: format!("{found:?}"),
    }
}

/// A required, non-blank string of at most `max_chars` characters, trimmed.
fn text_field(
    fields: &Map<String, Value>,
    field: &'static str,
    max_chars: usize,
) -> Result<String, ConfigError> {
    match fields.get(field) {
        None | Some(Value::Null) => Err(ConfigError::Missing(field)),
        Some(Value::String(s)) if s.trim().is_empty() => Err(invalid(field, "a non-empty text", s)),
        Some(Value::String(s)) if s.trim().chars().count() > max_chars => {
            Err(ConfigError::TooLong {
                field,
                max_chars,
                found: s.trim().chars().count(),
            })
        }
        Some(Value::String(s)) => Ok(s.trim().to_owned()),
        Some(other) => Err(ConfigError::Invalid {
            field,
            expected: "a text in quotes",
            found: json_kind(other).to_owned(),
        }),
    }
}

/// An optional text field: absent or null is `None`, anything else must be valid text.
fn optional_text(
    fields: &Map<String, Value>,
    field: &'static str,
    max_chars: usize,
) -> Result<Option<String>, ConfigError> {
    match fields.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => text_field(fields, field, max_chars).map(Some),
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
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
mod tests {
    use super::*;

    const GOOD: &str = r#"{
        "api_base_url": "/api/v1/",
        "brand_name": " Northwind Partner Network ",
        "logo_url": "logo.svg",
        "default_locale": "en-US",
        "unknown_future_setting": true
    }"#;

    #[test]
    fn parses_a_complete_config_and_tidies_it() {
        let config = PortalConfig::parse(GOOD).expect("valid config");
        assert_eq!(config.api_base_url, "/api/v1");
        assert_eq!(config.brand_name, "Northwind Partner Network");
        assert_eq!(config.logo_url, "logo.svg");
        assert_eq!(config.default_locale, "en-US");
    }

    #[test]
    fn a_sign_in_provider_needs_https_and_a_client_and_always_asks_for_openid() {
        let with = |extra: &str| {
            PortalConfig::parse(&GOOD.replace("\"unknown_future_setting\": true", extra))
        };
        assert_eq!(with("\"x\": 1").unwrap().sign_in_provider, None);
        let provider = with(r#""oidc_issuer": "https://id.example.com", "oidc_client_id": "portal", "oidc_scopes": "email api""#)
            .unwrap()
            .sign_in_provider
            .unwrap();
        assert_eq!(provider.scopes, "openid email api");
        assert_eq!(provider.name, "your company account");
        let plain = with(r#""oidc_issuer": "http://id.example.com", "oidc_client_id": "portal""#);
        assert!(matches!(
            plain,
            Err(ConfigError::Invalid {
                field: "oidc_issuer",
                ..
            })
        ));
        let no_client = with(r#""oidc_issuer": "https://id.example.com""#);
        assert_eq!(no_client, Err(ConfigError::Missing("oidc_client_id")));
    }

    #[test]
    fn the_notification_poll_is_every_half_minute_unless_set_within_bounds() {
        let with = |extra: &str| {
            PortalConfig::parse(&GOOD.replace("\"unknown_future_setting\": true", extra))
        };
        assert_eq!(with("\"x\": 1").unwrap().poll_seconds, 30);
        assert_eq!(
            with("\"notifications_poll_seconds\": 5")
                .unwrap()
                .poll_seconds,
            5
        );
        for bad in ["4", "3601", "2.5", "\"30\""] {
            let found = with(&format!("\"notifications_poll_seconds\": {bad}"));
            assert!(
                matches!(
                    found,
                    Err(ConfigError::Invalid {
                        field: "notifications_poll_seconds",
                        ..
                    })
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn names_the_missing_field() {
        let text = GOOD.replace(r#""api_base_url": "/api/v1/","#, "");
        let err = PortalConfig::parse(&text).unwrap_err();
        assert_eq!(err, ConfigError::Missing("api_base_url"));
        assert_eq!(
            err.to_string(),
            "config.json: field `api_base_url` is missing"
        );
    }

    #[test]
    fn null_counts_as_missing() {
        let text = GOOD.replace(r#""logo.svg""#, "null");
        assert_eq!(
            PortalConfig::parse(&text),
            Err(ConfigError::Missing("logo_url"))
        );
    }

    #[test]
    fn rejects_malformed_json_with_position() {
        let err = PortalConfig::parse("{ \"api_base_url\": ").unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("config.json is not valid JSON:"),
            "{message}"
        );
        assert!(message.contains("line 1"), "{message}");
    }

    #[test]
    fn rejects_empty_file_and_non_objects() {
        assert!(matches!(
            PortalConfig::parse(""),
            Err(ConfigError::NotJson(_))
        ));
        assert_eq!(PortalConfig::parse("[1, 2]"), Err(ConfigError::NotAnObject));
        assert_eq!(PortalConfig::parse("\"hi\""), Err(ConfigError::NotAnObject));
    }

    #[test]
    fn rejects_wrong_types_and_says_what_was_found() {
        let text = GOOD.replace(r#"" Northwind Partner Network ""#, "42");
        let err = PortalConfig::parse(&text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "config.json: field `brand_name` must be a text in quotes, found a number"
        );
    }

    #[test]
    fn rejects_blank_and_overlong_text() {
        let blank = GOOD.replace(r#"" Northwind Partner Network ""#, r#""   ""#);
        assert!(matches!(
            PortalConfig::parse(&blank),
            Err(ConfigError::Invalid {
                field: "brand_name",
                ..
            })
        ));
        let long = GOOD.replace("Northwind Partner Network", &"é".repeat(81));
        let err = PortalConfig::parse(&long).unwrap_err();
        assert_eq!(
            err.to_string(),
            "config.json: field `brand_name` must be at most 80 characters, found 81"
        );
    }

    #[test]
    fn api_base_url_must_be_http_or_a_local_path() {
        for good in [
            "https://partners.example.com/api/v1",
            "http://127.0.0.1:8080/api",
            "/api",
            "api/v1",
        ] {
            let text = GOOD.replace("/api/v1/", good);
            assert!(PortalConfig::parse(&text).is_ok(), "{good}");
        }
        for bad in [
            "ftp://x",
            "../api",
            "/",
            "//evil.example",
            "https://",
            "/api v1",
            "javascript:alert(1)",
        ] {
            let text = GOOD.replace("/api/v1/", bad);
            let err = PortalConfig::parse(&text).unwrap_err();
            assert!(
                matches!(
                    err,
                    ConfigError::Invalid {
                        field: "api_base_url",
                        ..
                    }
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn default_locale_must_look_like_a_language_tag() {
        for good in ["en", "de-DE", "ja-JP", "zh-Hant-TW", "es-419"] {
            let text = GOOD.replace("en-US", good);
            assert!(PortalConfig::parse(&text).is_ok(), "{good}");
        }
        for bad in ["english", "e", "en_US", "en-", "-US", "en-toolongsubtag"] {
            let text = GOOD.replace("en-US", bad);
            let err = PortalConfig::parse(&text).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!(
                    "config.json: field `default_locale` must be a language tag such as \"en-US\", found {bad:?}"
                )
            );
        }
    }

    #[test]
    fn a_relative_api_base_follows_the_portal_onto_its_sub_path() {
        let config = PortalConfig::parse(&GOOD.replace("/api/v1/", "api/v1")).unwrap();
        assert_eq!(config.api_base_for(""), "/api/v1");
        assert_eq!(config.api_base_for("/portal"), "/portal/api/v1");
        let absolute = PortalConfig::parse(GOOD).unwrap();
        assert_eq!(absolute.api_base_for("/portal"), "/api/v1");
    }

    #[test]
    fn brand_extras_are_optional_and_checked() {
        let plain = PortalConfig::parse(GOOD).unwrap();
        assert_eq!((plain.accent_color, plain.favicon_url), (None, None));
        let branded = GOOD.replace(r#""default_locale""#, r##""accent_color": "#ffd400", "favicon_url": "themes/aurora/icon.svg", "default_locale""##);
        let config = PortalConfig::parse(&branded).unwrap();
        assert_eq!(config.accent_color.as_deref(), Some("#ffd400"));
        let bad = GOOD.replace(
            r#""default_locale""#,
            r#""accent_color": "yellow", "default_locale""#,
        );
        assert!(matches!(
            PortalConfig::parse(&bad),
            Err(ConfigError::Invalid {
                field: "accent_color",
                ..
            })
        ));
    }

    #[test]
    fn http_errors_read_plainly() {
        let err = ConfigError::HttpStatus {
            status: 404,
            status_text: "Not Found".into(),
        };
        assert_eq!(
            err.to_string(),
            "config.json could not be loaded: the server answered 404 Not Found"
        );
    }
}
