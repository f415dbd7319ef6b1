//! The reference backend: implements `api/openapi.yaml` on SQLite and serves the built portal.
//!
//! Layers, top to bottom (no module imports one above it): `routes` (thin handlers) →
//! `auth` and `extract` (who is calling, request bodies) → `store` (all SQL, and the demo
//! seed) → `error`. `settings` and `static_files` stand beside them.

mod auth;
mod error;
mod extract;
mod routes;
mod security;
mod settings;
mod static_files;
pub mod store;

pub use auth::{AuthMode, OidcSettings, DEMO_OPS_KEY, DEMO_PASSWORD};
pub use settings::{AdminTask, Settings};
pub use store::{Lifetimes, SeedSize, SessionLookup, Store, DEMO_TOKEN, OTHER_PARTNER_TOKEN};

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
    /// Production, or demo mode with its demo accounts and fixed tokens.
    pub auth: AuthMode,
    /// How long sessions live.
    pub lifetimes: Lifetimes,
    /// Failed sign-ins, per account and per address.
    pub throttle: std::sync::Arc<auth::SignInThrottle>,
    /// The session cookie's `Path`: the portal's base path, so two portals on one host (or
    /// one port's neighbour on loopback) never mix their sessions.
    pub cookie_path: String,
    /// The OpenID Connect provider whose access tokens are accepted, if one is configured.
    pub oidc: Option<std::sync::Arc<auth::Oidc>>,
}

impl AppState {
    /// The state for `store` under `settings`.
    pub fn new(store: Store, settings: &Settings) -> Self {
        Self {
            store,
            auth: settings.auth,
            lifetimes: settings.lifetimes,
            throttle: Default::default(),
            cookie_path: format!("{}/", settings.base_path),
            // Settings checked the issuer; should the client still fail, tokens are refused.
            oidc: settings.oidc.clone().and_then(|oidc| {
                auth::Oidc::new(oidc)
                    .map_err(|e| eprintln!("portal-server: OpenID Connect is off: {e}"))
                    .ok()
                    .map(std::sync::Arc::new)
            }),
        }
    }
}

/// Opens the database at `path` and, on a first start, fills it with the `seed` program.
pub fn open_seeded(path: &std::path::Path, seed: SeedSize) -> Result<Store, String> {
    let store = Store::open(path)?;
    store::seed::seed_if_empty(&store, seed)?;
    Ok(store)
}

/// A throwaway in-memory database with the demo program and no passwords, for tests.
pub fn program_store() -> Result<Store, String> {
    let store = Store::in_memory()?;
    store::seed::seed_if_empty(&store, SeedSize::Demo)?;
    Ok(store)
}

/// [`program_store`] with the demo passwords, as demo mode has it.
pub fn demo_store() -> Result<Store, String> {
    let store = program_store()?;
    give_demo_passwords(&store)?;
    Ok(store)
}

/// Demo mode: every account without a password gets [`DEMO_PASSWORD`].
pub fn give_demo_passwords(store: &Store) -> Result<(), String> {
    let give = || -> error::AppResult<()> {
        for user in store.users_without_password()? {
            store.set_password_hash(&user, &auth::hash_password(DEMO_PASSWORD)?)?;
        }
        Ok(())
    };
    give().map_err(|e| format!("cannot set the demo passwords: {e:?}"))
}

/// Does a one-off task on the database and says what was done.
pub fn run_task(store: &Store, task: &AdminTask) -> Result<String, String> {
    match task {
        AdminTask::SetPassword(email) => {
            let password = std::env::var("PORTAL_PASSWORD").unwrap_or_default();
            set_password(store, email, &password)
                .map(|()| format!("password set for {email}"))
                .map_err(|message| format!("{message} (give it in PORTAL_PASSWORD)"))
        }
        AdminTask::CreateApiKey(name) => {
            let made = || -> error::AppResult<String> {
                let key = format!("{}{}", auth::API_KEY_PREFIX, auth::new_token()?);
                store.add_api_key(&auth::token_hash(&key), name, auth::now())?;
                Ok(key)
            };
            made()
                .map(|key| format!("API key for {name:?} (shown only now; keep it secret):\n{key}"))
                .map_err(|e| format!("cannot create the key: {e:?}"))
        }
        AdminTask::AddChannelMember { name, email } => store
            .add_channel_member(email, name)
            .map(|()| format!("{name} <{email}> is on the channel team"))
            .map_err(|e| format!("cannot add the member: {e:?}")),
    }
}

/// Sets the password of the user with `email` (the `--set-password` command).
pub fn set_password(store: &Store, email: &str, password: &str) -> Result<(), String> {
    if api_types::team_rules::check_password(password).is_some() {
        let (min, max) = api_types::team_rules::PASSWORD_CHARS;
        return Err(format!("a password needs {min} to {max} characters"));
    }
    let set = || -> error::AppResult<bool> {
        let Some(account) = store.account_by_email(email)? else {
            return Ok(false);
        };
        store.set_password_hash(&account.user_id, &auth::hash_password(password)?)?;
        Ok(true)
    };
    match set() {
        Ok(true) => Ok(()),
        Ok(false) => Err(format!("no user has the e-mail {email}")),
        Err(e) => Err(format!("cannot set the password: {e:?}")),
    }
}

/// The whole HTTP application: the API under `/api/v1` and the portal's files beside it,
/// inside the [`safety_net`].
pub fn app(settings: &Settings, state: AppState) -> Router {
    let headers = security::SecurityHeaders::for_portal(
        &settings.static_dir,
        settings.oidc.as_ref().map(|o| o.issuer.as_str()),
    );
    safety_net(site(settings, state)).layer(axum::middleware::from_fn_with_state(
        headers,
        security::add_headers,
    ))
}

/// A handler that panics answers a problem+json 500 and the server goes on serving.
pub fn safety_net(router: Router) -> Router {
    router.layer(tower_http::catch_panic::CatchPanicLayer::custom(
        |_: Box<dyn std::any::Any + Send>| {
            eprintln!("portal-server: a request handler panicked; answered 500");
            error::problem_response(
                api_types::Problem::new(
                    500,
                    "Something went wrong",
                    "The server could not answer this request. Try again; if it keeps failing, tell the channel team.",
                ),
                false,
            )
        },
    ))
}

/// The API and the portal's files, without the safety net (tests add routes to it).
pub fn site(settings: &Settings, state: AppState) -> Router {
    let api = routes::api()
        .layer(axum::middleware::from_fn(error::readable_path))
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
