//! The headers every response carries: a strict Content-Security-Policy worked out from the
//! built `index.html` (the hash of each inline script, no `unsafe-inline` for scripts) and
//! `config.json` (where the API and the sign-in provider are), and the usual hardening. API
//! answers also say `no-store` (they hold personal data) and vary by what identifies the caller.

use std::path::Path;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use http::header::{HeaderName, HeaderValue, CACHE_CONTROL, VARY};
use sha2::{Digest, Sha256};

/// The headers, worked out once at start-up.
#[derive(Clone, Debug)]
pub struct SecurityHeaders {
    csp: HeaderValue,
}

/// The policy for a portal whose `index.html` is `index` and whose API and sign-in provider
/// live at `origins` (besides its own).
pub fn content_security_policy(index: &str, origins: &[String]) -> String {
    let scripts: String = inline_scripts(index)
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let connect: String = origins.iter().map(|o| format!(" {o}")).collect();
    // `base-uri 'self'`, not 'none': index.html's <base href> is how sub-path hosting works.
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self'; \
         connect-src 'self'{connect}; object-src 'none'; base-uri 'self'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// The text of every inline `<script>` (those without `src`), exactly as the browser hashes it.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, body) = rest.split_once('>')?;
        if attributes.contains("src=") {
            return None;
        }
        body.split_once("</script>").map(|(script, _)| script)
    })
}

/// The origin (`https://host:port`) of an absolute http(s) URL; `None` for a relative one.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

impl SecurityHeaders {
    /// Reads the built portal in `dir`; `issuer` is the sign-in provider the server trusts.
    pub fn for_portal(dir: &Path, issuer: Option<&str>) -> Self {
        let index = std::fs::read_to_string(dir.join("index.html")).unwrap_or_default();
        let config: serde_json::Value = std::fs::read_to_string(dir.join("config.json"))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        let mut origins: Vec<String> = ["api_base_url", "oidc_issuer"]
            .iter()
            .filter_map(|key| config[*key].as_str().and_then(origin))
            .chain(issuer.and_then(origin))
            .collect();
        origins.sort();
        origins.dedup();
        let policy = content_security_policy(&index, &origins);
        Self {
            csp: HeaderValue::from_str(&policy)
                .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'")),
        }
    }

    /// Adds the headers to `response`; `api` marks an answer of the API.
    fn apply(&self, response: &mut Response, api: bool) {
        let headers = response.headers_mut();
        let set = |headers: &mut http::HeaderMap, name: &'static str, value: &'static str| {
            headers.insert(
                HeaderName::from_static(name),
                HeaderValue::from_static(value),
            );
        };
        headers.insert(
            HeaderName::from_static("content-security-policy"),
            self.csp.clone(),
        );
        set(headers, "x-content-type-options", "nosniff");
        set(headers, "referrer-policy", "no-referrer");
        set(headers, "x-frame-options", "DENY");
        set(
            headers,
            "permissions-policy",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        );
        set(headers, "cross-origin-opener-policy", "same-origin");
        if api {
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
            headers.insert(
                VARY,
                HeaderValue::from_static("Authorization, Cookie, Accept-Encoding"),
            );
        }
    }
}

/// The middleware: every response gets the headers; API answers `no-store` too.
pub async fn add_headers(
    axum::extract::State(headers): axum::extract::State<SecurityHeaders>,
    request: Request,
    next: Next,
) -> Response {
    let api = request.uri().path().contains("/api/");
    let mut response = next.run(request).await;
    headers.apply(&mut response, api);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_inline_script_is_hashed_and_nothing_else_is_allowed_inline() {
        let index = "<script>a()</script><script src=\"x.js\"></script>\n<script type=\"module\">\n  b();\n</script>";
        let scripts: Vec<&str> = inline_scripts(index).collect();
        assert_eq!(scripts, ["a()", "\n  b();\n"]);
        let policy = content_security_policy(index, &["https://id.example.com".into()]);
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
            "{policy}"
        );
        assert_eq!(policy.matches("'sha256-").count(), 2);
        assert!(!policy.contains("script-src 'self' 'unsafe-inline'"));
        assert!(policy.contains("connect-src 'self' https://id.example.com;"));
        assert!(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"));
    }

    #[test]
    fn origins_come_only_from_absolute_web_addresses() {
        assert_eq!(
            origin("https://api.example.com/v1/"),
            Some("https://api.example.com".into())
        );
        assert_eq!(
            origin("http://127.0.0.1:4000"),
            Some("http://127.0.0.1:4000".into())
        );
        assert_eq!(origin("api/v1"), None);
        assert_eq!(origin("javascript://x"), None);
    }
}
