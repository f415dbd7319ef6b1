//! Serves the built portal: deep links fall back to `index.html`, hashed assets cache forever
//! and go out as the build's brotli or gzip copies (compressed once, at the highest level).

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
        .precompressed_br()
        .precompressed_gzip()
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

/// `portal-0f3c9a1b2d4e5f60.css` and everything in `wasm-0f3c9a1b2d4e5f60/` are hashed;
/// `config.json` is not.
fn is_hashed_asset(path: &str) -> bool {
    let mut segments = path.rsplit('/');
    let name = segments.next().unwrap_or_default();
    let hashed = |stem: &str| {
        stem.rsplit_once('-').is_some_and(|(_, hash)| {
            hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit())
        })
    };
    hashed(name.split('.').next().unwrap_or_default())
        || segments
            .next()
            .is_some_and(|folder| folder.starts_with("wasm-") && hashed(folder))
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn recognises_trunk_hashes() {
        assert!(is_hashed_asset(
            "/wasm-0f3c9a1b2d4e5f60/partner-portal_bg.wasm"
        ));
        assert!(is_hashed_asset(
            "/portal/wasm-0f3c9a1b2d4e5f60/pack_home_page.bin"
        ));
        assert!(is_hashed_asset("/portal/portal-0f3c9a1b2d4e5f60.css"));
        assert!(!is_hashed_asset("/portal/wasm-notahash/partner-portal.js"));
        assert!(!is_hashed_asset("/config.json"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/deals/DR-2024-0001"));
    }
}
