//! The one typed client for the portal's backend contract (`api/openapi.yaml`).
//!
//! Every endpoint is a method on [`Api`] returning `Result<T, ApiError>`; the base URL comes
//! from `config.json`, never from the build.

mod client;
mod error;
mod json_path;

pub use client::{answered_early, set_bearer, Api, Polled};
pub use error::ApiError;
