//! Serves the built portal: deep links (paths without a file extension) get `index.html`,
//! hashed assets cache forever and go out as the build's brotli or gzip copies (compressed
//! once, at the highest level). A missing file is a 404 that is never cached (after a deploy a
//! browser holding an old `index.html` must not keep a page for an asset), and an address under
//! `/api/` that no API answers is a problem+json 404.

use std::path::Path;

use api_types::Problem;
use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use http::header::{HeaderValue, CACHE_CONTROL};
use http::Uri;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

use crate::error::problem_response;

/// A router for the portal's files under `dir`.
pub fn router(dir: &Path) -> Router {
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(true);
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(pages_and_files))
        .layer(middleware::from_fn(cache_policy))
        .layer(CompressionLayer::new())
}

/// What an address asks for: an app page (no extension: `index.html`, the router shows the
/// page), a file (served, or a 404), or an API that does not exist.
async fn pages_and_files(mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        return problem_response(
            Problem::new(404, "Not found", "There is no API at this address."),
            false,
        )
        .into_response();
    }
    if is_page(path) {
        *request.uri_mut() = Uri::from_static("/index.html");
    }
    next.run(request).await
}

/// `/deals/DR-2026-00042` is a page; `/config.json` and `/wasm-…/x` are files.
fn is_page(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    !name.contains('.') && !is_hashed_asset(path)
}

/// Trunk puts a content hash in asset names, so those never change; everything else
/// (index.html, config.json, theme files) must be revalidated so vendors' edits show at once;
/// and what was not found is not kept at all.
async fn cache_policy(request: Request, next: Next) -> Response {
    let immutable = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    let found =
        response.status().is_success() || response.status() == http::StatusCode::NOT_MODIFIED;
    let policy = match (found, immutable) {
        (false, _) => "no-store",
        (true, true) => "public, max-age=31536000, immutable",
        (true, false) => "no-cache",
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

    #[test]
    fn pages_are_addresses_without_an_extension() {
        assert!(super::is_page("/"));
        assert!(super::is_page("/deals/DR-2024-0001"));
        assert!(super::is_page("/portal/feedback/surveys/s-1"));
        assert!(!super::is_page("/config.json"));
        assert!(!super::is_page("/partner-portal-ffffffffffffffff_bg.wasm"));
        assert!(!super::is_page("/wasm-0f3c9a1b2d4e5f60/pack_home_page"));
    }
}
