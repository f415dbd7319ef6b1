//! Serves the built portal: deep links fall back to `index.html`, hashed assets cache forever.

use std::path::Path;

use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use http::header::{HeaderValue, CACHE_CONTROL};
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

/// A router for the portal's files under `dir`.
pub fn router(dir: &Path) -> Router {
    let files = ServeDir::new(dir)
        .append_index_html_on_directories(true)
        .fallback(ServeFile::new(dir.join("index.html")));
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(cache_policy))
        .layer(CompressionLayer::new())
}

/// Trunk puts a content hash in asset names, so those never change; everything else
/// (index.html, config.json, theme files) must be revalidated so vendors' edits show at once.
async fn cache_policy(request: Request, next: Next) -> Response {
    let immutable = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    let policy = if immutable {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// `partner-portal-0f3c9a1b2d4e5f60_bg.wasm` is hashed; `config.json` is not.
fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_end_matches("_bg");
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn recognises_trunk_hashes() {
        assert!(is_hashed_asset("/partner-portal-0f3c9a1b2d4e5f60_bg.wasm"));
        assert!(is_hashed_asset("/portal/tokens-0f3c9a1b2d4e5f60.css"));
        assert!(!is_hashed_asset("/config.json"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/deals/DR-2024-0001"));
    }
}
