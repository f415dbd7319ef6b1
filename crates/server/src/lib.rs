//! The reference backend: the portal's static files with deep-link fallback (and, later, its API).

mod settings;
mod static_files;

pub use settings::Settings;

use axum::Router;

/// The whole HTTP application, built from settings; tests drive it without a socket.
pub fn app(settings: &Settings) -> Router {
    let portal = static_files::router(&settings.static_dir);
    if settings.base_path.is_empty() {
        portal
    } else {
        Router::new().nest_service(&settings.base_path, portal)
    }
}
