//! The one typed client for the portal's backend contract (`api/openapi.yaml`).
//!
//! Every endpoint is a method on [`Api`] returning `Result<T, ApiError>`; the base URL comes
//! from `config.json`, never from the build.

mod client;
mod error;
mod query;

pub use client::Api;
pub use error::ApiError;
pub use query::QueryString;

/// The client for the current deployment, provided by the shell.
pub fn use_api() -> Api {
    leptos::prelude::use_context::<Api>().unwrap_or_else(|| Api::new("/api/v1"))
}
