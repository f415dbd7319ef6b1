//! Start-up: where the portal is hosted (its base path) and loading `config.json` from there.

use wasm_bindgen::JsCast;

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
    let address = format!("{}/{CONFIG_FILE}", router_base());
    match file_text("portalConfigRequest", &address).await {
        Ok(text) => PortalConfig::parse(&text),
        Err(FileError::Unreachable(why)) => Err(ConfigError::Unreachable(why)),
        Err(FileError::Status(status, status_text)) => Err(ConfigError::HttpStatus {
            status,
            status_text,
        }),
    }
}

/// Why a file next to `index.html` could not be read.
pub enum FileError {
    /// No answer (network down, wrong path).
    Unreachable(String),
    /// An answer that is not the file: status and its text.
    Status(u16, String),
}

/// A file next to `index.html` as text, never from the cache: the answer `index.html` asked
/// for under `window[early]` when it is for this address, else asked now. One function for
/// `config.json` and the catalogues, so its code is compiled once.
pub async fn file_text(early: &str, address: &str) -> Result<String, FileError> {
    let base = router_base();
    // `strip_prefix`, not `trim_start_matches`: the latter compiles a substring searcher.
    let relative = address.strip_prefix(base.as_str()).unwrap_or(address);
    let early = early_response(early)
        .await
        .filter(|r| r.url().ends_with(relative));
    let response = match early {
        Some(response) => response,
        None => gloo_net::http::Request::get(address)
            .cache(web_sys::RequestCache::NoCache)
            .send()
            .await
            .map_err(|e| FileError::Unreachable(e.to_string()))?,
    };
    if !response.ok() {
        return Err(FileError::Status(response.status(), response.status_text()));
    }
    response
        .text()
        .await
        .map_err(|e| FileError::Unreachable(e.to_string()))
}

/// The answer to a request `index.html` starts while the code downloads (`window[key]`:
/// `portalConfigRequest`, `portalSessionRequest`), taken once; `None` when there is none or it
/// failed, so a retry, or a page without the script, asks afresh.
pub async fn early_response(key: &str) -> Option<gloo_net::http::Response> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str(key);
    let request = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let promise = request.dyn_into::<js_sys::Promise>().ok()?;
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let response = answer.dyn_into::<web_sys::Response>().ok()?;
    Some(response.into())
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
