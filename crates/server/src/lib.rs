//! The reference backend: implements `api/openapi.yaml` on SQLite and serves the built portal.
//!
//! Layers, top to bottom (no module imports one above it): `routes` (thin handlers) →
//! `auth` and `extract` (who is calling, request bodies) → `store` (all SQL, and the demo
//! seed) → `error`. `settings` and `static_files` stand beside them.

mod auth;
mod error;
mod extract;
mod routes;
mod settings;
mod static_files;
pub mod store;

pub use auth::AuthMode;
pub use settings::Settings;
pub use store::{SeedSize, Store, DEMO_TOKEN, OTHER_PARTNER_TOKEN};

use std::time::Duration;

use axum::error_handling::HandleErrorLayer;
use axum::extract::DefaultBodyLimit;
use axum::Router;
use tower::ServiceBuilder;

/// At most this many API requests are worked on at once; more are refused at once with 503
/// and `Retry-After` rather than queued without end.
const MAX_IN_FLIGHT: usize = 512;

/// An API request that takes longer than this is answered 503.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The storage layer.
    pub store: Store,
    /// Whether missing credentials mean the demo user or a 401.
    pub auth: AuthMode,
}

/// Opens the database at `path` and, on a first start, fills it with the `seed` program.
pub fn open_seeded(path: &std::path::Path, seed: SeedSize) -> Result<Store, String> {
    let store = Store::open(path)?;
    store::seed::seed_if_empty(&store, seed)?;
    Ok(store)
}

/// A throwaway in-memory database with the demo program, for tests.
pub fn demo_store() -> Result<Store, String> {
    let store = Store::in_memory()?;
    store::seed::seed_if_empty(&store, SeedSize::Demo)?;
    Ok(store)
}

/// The whole HTTP application: the API under `/api/v1` and the portal's files beside it.
pub fn app(settings: &Settings, state: AppState) -> Router {
    let api = routes::api()
        .layer(DefaultBodyLimit::max(256 * 1024))
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(|_: tower::BoxError| async {
                    error::AppError::Busy
                }))
                .load_shed()
                .concurrency_limit(MAX_IN_FLIGHT)
                .timeout(REQUEST_TIMEOUT),
        )
        .with_state(state);
    let portal = static_files::router(&settings.static_dir);
    let site = Router::new().nest(api_types::API_PREFIX, api).merge(portal);
    if settings.base_path.is_empty() {
        site
    } else {
        Router::new().nest_service(&settings.base_path, site)
    }
}
