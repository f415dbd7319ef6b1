//! The built portal is served with deep-link fallback, sub-path hosting and a cache policy.

use axum::body::Body;
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use portal_server::{app, AppState, Settings, Store};
use tower::ServiceExt;

/// A throwaway `dist` folder with an index page, a hashed asset and the config file.
fn dist() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "portal-dist-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>portal</title>",
    )
    .unwrap();
    let wasm = dir.join("wasm-0123456789abcdef");
    std::fs::create_dir_all(&wasm).unwrap();
    std::fs::write(wasm.join("partner-portal_bg.wasm"), b"\0asm").unwrap();
    // Stands in for the build's brotli copy: what is sent shows which file was chosen.
    std::fs::write(wasm.join("partner-portal_bg.wasm.br"), b"brotli").unwrap();
    std::fs::write(dir.join("config.json"), "{}").unwrap();
    dir
}

async fn get(settings: &Settings, path: &str) -> (StatusCode, String, String) {
    get_encoded(settings, path, "identity").await
}

async fn get_encoded(
    settings: &Settings,
    path: &str,
    accept_encoding: &str,
) -> (StatusCode, String, String) {
    let state = AppState::new(Store::in_memory().unwrap(), settings);
    let request = Request::get(path)
        .header("accept-encoding", accept_encoding)
        .body(Body::empty())
        .unwrap();
    let response = app(settings, state).oneshot(request).await.unwrap();
    let status = response.status();
    let cache = response
        .headers()
        .get("cache-control")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, cache, String::from_utf8_lossy(&body).into_owned())
}

fn settings(base_path: &str) -> Settings {
    let mut settings = Settings::from_args([]).unwrap();
    settings.static_dir = dist();
    settings.base_path = base_path.into();
    settings
}

#[tokio::test]
async fn deep_links_get_the_app_page() {
    let (status, cache, body) = get(&settings(""), "/deals/DR-1042").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<title>portal</title>"));
    assert_eq!(cache, "no-cache");
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_config_is_revalidated() {
    let s = settings("");
    let (status, cache, body) = get(&s, "/wasm-0123456789abcdef/partner-portal_bg.wasm").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cache, "public, max-age=31536000, immutable");
    assert_eq!(body, "\0asm");
    let (status, cache, body) = get(&s, "/config.json").await;
    assert_eq!(
        (status, cache.as_str(), body.as_str()),
        (StatusCode::OK, "no-cache", "{}")
    );
}

#[tokio::test]
async fn a_sub_path_serves_the_portal_and_its_deep_links() {
    let s = settings("/portal");
    assert_eq!(get(&s, "/portal/config.json").await.2, "{}");
    assert!(get(&s, "/portal/training").await.2.contains("portal"));
    assert_eq!(get(&s, "/elsewhere").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn precompressed_copies_go_to_browsers_that_take_them() {
    let s = settings("");
    let path = "/wasm-0123456789abcdef/partner-portal_bg.wasm";
    let (status, _, body) = get_encoded(&s, path, "gzip, deflate, br").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "brotli"));
    let (_, _, body) = get_encoded(&s, path, "gzip").await;
    assert_eq!(
        body, "\0asm",
        "no gzip copy: the file itself, compressed on the fly or not"
    );
}

#[tokio::test]
async fn a_missing_file_is_a_404_that_is_never_kept() {
    let s = settings("");
    for path in [
        "/partner-portal-ffffffffffffffff_bg.wasm",
        "/wasm-0123456789abcdef/pack_gone.bin",
        "/favicon.ico",
    ] {
        let (status, cache, body) = get(&s, path).await;
        assert_eq!(
            (status, cache.as_str()),
            (StatusCode::NOT_FOUND, "no-store"),
            "{path}"
        );
        assert!(
            !body.contains("<title>portal</title>"),
            "{path} answered the app page"
        );
    }
    for probe in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/wasm-0123456789abcdef/..%2f..%2fCargo.toml",
    ] {
        let (status, _, body) = get(&s, probe).await;
        assert!(
            matches!(status, StatusCode::BAD_REQUEST | StatusCode::NOT_FOUND),
            "{probe}: {status}"
        );
        assert!(
            !body.contains("[package]"),
            "{probe} read outside the portal"
        );
    }
}

#[tokio::test]
async fn unknown_api_addresses_answer_problem_json() {
    let s = settings("");
    for path in ["/api/v2/deals", "/api", "/api/v1/nothing-here"] {
        let (status, cache, body) = get(&s, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(body.contains("\"status\":404"), "{path}: {body}");
        assert_ne!(cache, "public, max-age=31536000, immutable");
    }
    let (status, _, body) = get(&s, "/api/v1/deals/%FF").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("\"status\":400"), "{body}");
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let s = settings("");
    std::fs::write(
        s.static_dir.join("index.html"),
        "<!doctype html><title>portal</title><script>boot()</script>",
    )
    .unwrap();
    for path in [
        "/",
        "/deals/DR-1042",
        "/config.json",
        "/wasm-0123456789abcdef/partner-portal_bg.wasm",
        "/api/v1/me",
        "/api/v1/nothing",
        "/missing.js",
    ] {
        let state = AppState::new(Store::in_memory().unwrap(), &s);
        let request = Request::get(path).body(Body::empty()).unwrap();
        let response = app(&s, state).oneshot(request).await.unwrap();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default()
        };
        let csp = header("content-security-policy");
        // sha256 of "boot()", the page's one inline script.
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
            "{path}: {csp}"
        );
        let scripts = csp
            .split(";")
            .find(|d| d.trim_start().starts_with("script-src"));
        assert!(
            !scripts.unwrap_or_default().contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"));
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header("referrer-policy"), "no-referrer", "{path}");
        assert!(!header("permissions-policy").is_empty(), "{path}");
        if path.starts_with("/api/") {
            assert_eq!(header("cache-control"), "no-store", "{path}");
            assert!(header("vary").contains("Cookie"), "{path}");
        }
    }
}
