//! What the shell provides to every page, and the one way to read each. A page rendered
//! outside the shell is a programming error, so reading a missing context fails loudly at
//! once (with the context's name) instead of silently falling back to a guess.

use std::future::Future;

use leptos::prelude::*;

use crate::api::{Api, ApiError};
use crate::platform::config::PortalConfig;
use crate::platform::paths::PortalBase;
use crate::session::SessionContext;

mod notifications;
mod outage;
mod read;
mod write;

pub use notifications::Notifications;
pub use outage::{outage, retry_waiting, wait_for_backend};
pub use read::{typed, ApiRead, Erased, ErasedResult};
pub use write::ApiWrite;

/// Everything the shell provides, as one context: one lookup compiled for every `use_*`.
struct Portal {
    api: Api,
    config: PortalConfig,
    base: PortalBase,
    session: SessionContext,
    notifications: Notifications,
    language: ArcTrigger,
}

/// Provides the deployment's settings, its API client, where the portal is hosted, the
/// partner's language and the session (still to be checked).
pub fn provide_portal(config: PortalConfig, base: String) -> SessionContext {
    let ended = ArcTrigger::new();
    let api = Api::new(config.api_base_for(&base)).on_session_end(ended.clone());
    let session = SessionContext::new(ended);
    let notifications = Notifications::start(api.clone(), session, config.poll_seconds);
    // `platform::paths::href` reads the base on its own (platform sits below this layer).
    provide_context(PortalBase(base.clone()));
    provide_context(std::sync::Arc::new(Portal {
        api,
        config,
        base: PortalBase(base),
        session,
        notifications,
        language: ArcTrigger::new(),
    }));
    session
}

/// The shell's context; its absence is a programming error, said at once.
fn portal() -> std::sync::Arc<Portal> {
    expect_context::<std::sync::Arc<Portal>>()
}

/// The notification feed's unread count and changes, polled while someone is signed in.
pub fn use_notifications() -> Notifications {
    portal().notifications
}

/// The session: who is signed in, and whether it ended.
pub fn use_session() -> SessionContext {
    portal().session
}

/// The client for this deployment's backend.
pub fn use_api() -> Api {
    portal().api.clone()
}

/// The vendor's validated `config.json`.
pub fn use_config() -> PortalConfig {
    portal().config.clone()
}

/// The locale numbers, money and dates are formatted in: the partner's language.
pub fn use_locale() -> String {
    crate::text::i18n::locale()
}

/// Moves when the header's switch has put a new language in place (`text::i18n::locale()`
/// says which); the shell draws everything again then.
pub fn use_language() -> ArcTrigger {
    portal().language.clone()
}

/// Where the portal is hosted: `""` at the root, `"/portal"` under a sub-path.
pub fn use_base() -> PortalBase {
    portal().base.clone()
}

/// One read of the backend for the calling component, created at its top. The read runs again
/// whenever a signal that `call` reads changes (a filter in the URL, an action's version), and
/// when the partner signs in again after their session ended.
pub fn use_read<T, Fut>(call: impl Fn(Api) -> Fut + 'static) -> ApiRead<T>
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let api = use_api();
    let resumed = use_session().resumed;
    ApiRead::new(move || {
        resumed.track();
        call(api.clone())
    })
}
