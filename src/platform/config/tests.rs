//! Reading `config.json`: what is accepted, tidied and refused, with the field named.
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
    let with =
        |extra: &str| PortalConfig::parse(&GOOD.replace("\"unknown_future_setting\": true", extra));
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
    let with =
        |extra: &str| PortalConfig::parse(&GOOD.replace("\"unknown_future_setting\": true", extra));
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
    let branded = GOOD.replace(
        r#""default_locale""#,
        r##""accent_color": "#ffd400", "favicon_url": "themes/aurora/icon.svg", "default_locale""##,
    );
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

#[test]
fn languages_default_to_the_default_locale_and_must_hold_it() {
    let with =
        |extra: &str| PortalConfig::parse(&GOOD.replace("\"unknown_future_setting\": true", extra));
    assert_eq!(with("\"x\": 1").unwrap().languages, ["en-US"]);
    assert_eq!(
        with(r#""languages": ["de-DE", "en-US", "ar"]"#)
            .unwrap()
            .languages,
        ["de-DE", "en-US", "ar"]
    );
    for bad in [
        r#""languages": ["de-DE"]"#,
        r#""languages": []"#,
        r#""languages": "en-US""#,
        r#""languages": ["en-US", "en-US"]"#,
        r#""languages": ["en-US", "../x"]"#,
        r#""languages": ["en-US", 7]"#,
    ] {
        assert!(
            matches!(
                with(bad),
                Err(ConfigError::Invalid {
                    field: "languages",
                    ..
                })
            ),
            "{bad}"
        );
    }
}
