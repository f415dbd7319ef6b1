//! Start-up: where the portal is hosted (its base path) and loading `config.json` from there.

use crate::platform::config::{ConfigError, PortalConfig, CONFIG_FILE};

/// The router's base for a page whose `<base href>` resolves to `base_uri`:
/// `""` at the site root, `"/portal"` when hosted under `/portal/`.
pub fn router_base_from(base_uri: &str) -> String {
    let after_scheme = base_uri
        .split_once("://")
        .map_or(base_uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    // A base may name a file (`/portal/index.html`); the folder holding it is the base.
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    folder.trim_end_matches('/').to_owned()
}

/// The router's base for this page, from the `<base>` element Trunk writes with the public URL.
pub fn router_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .map(|uri| router_base_from(&uri))
        .unwrap_or_default()
}

/// Fetches and validates `config.json` from next to `index.html`.
pub async fn load_config() -> Result<PortalConfig, ConfigError> {
    let url = format!("{}/{CONFIG_FILE}", router_base());
    let response = gloo_net::http::Request::get(&url)
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| ConfigError::Unreachable(e.to_string()))?;
    if !response.ok() {
        return Err(ConfigError::HttpStatus {
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let text = response
        .text()
        .await
        .map_err(|e| ConfigError::Unreachable(e.to_string()))?;
    PortalConfig::parse(&text)
}

#[cfg(test)]
mod tests {
    use super::router_base_from;

    #[test]
    fn base_is_empty_at_the_site_root() {
        assert_eq!(router_base_from("http://127.0.0.1:8080/"), "");
        assert_eq!(router_base_from("https://partners.example.com"), "");
    }

    #[test]
    fn base_is_the_sub_path_without_trailing_slash() {
        assert_eq!(
            router_base_from("https://vendor.example/portal/"),
            "/portal"
        );
        assert_eq!(
            router_base_from("https://vendor.example/a/b/index.html"),
            "/a/b"
        );
        assert_eq!(
            router_base_from("https://vendor.example/portal/?x=1#y"),
            "/portal"
        );
    }
}
