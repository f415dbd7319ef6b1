//! The reference backend: implements `api/openapi.yaml` on SQLite and serves the built portal.

mod db;
mod error;
mod extract;
mod routes;
mod seed;
mod settings;
mod static_files;

pub use db::Db;
pub use extract::AuthMode;
pub use seed::{SeedSize, DEMO_TOKEN, OTHER_PARTNER_TOKEN};
pub use settings::Settings;

use axum::extract::DefaultBodyLimit;
use axum::Router;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The store.
    pub db: Db,
    /// Whether missing credentials mean the demo user or a 401.
    pub auth: AuthMode,
}

/// The whole HTTP application: the API under `/api/v1` and the portal's files beside it.
pub fn app(settings: &Settings, state: AppState) -> Router {
    let api = routes::api()
        .layer(DefaultBodyLimit::max(256 * 1024))
        .with_state(state);
    let portal = static_files::router(&settings.static_dir);
    let site = Router::new().nest(api_types::API_PREFIX, api).merge(portal);
    if settings.base_path.is_empty() {
        site
    } else {
        Router::new().nest_service(&settings.base_path, site)
    }
}
