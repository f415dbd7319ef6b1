//! Who is signed in, for the whole app. The session is asked for once at start-up
//! (`GET /session`); it ends on sign-out or when the backend answers that it has (any 401), and
//! then resumes in place: the page and what the partner typed stay while they sign in again.

use api_types::Session;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{Api, ApiError};
use crate::platform::paths::href;
use crate::platform::storage;

pub mod oidc;

/// Where the session stands. (Not `PartialEq`: comparing sessions whole was code every page
/// downloaded for two checks that `matches!` does.)
#[derive(Clone, Debug)]
pub enum SessionState {
    /// Asking the backend, at start-up.
    Checking,
    /// Signed in.
    SignedIn(Session),
    /// Was signed in, and the backend said the session is over: the page stays and a dialog
    /// asks this person to sign in again.
    Ended(Session),
    /// Not signed in: every page leads to the sign-in page.
    SignedOut,
    /// The backend could not be asked (offline, down): says so, with a retry.
    Unreachable(ApiError),
}

/// The session, shared by the shell and the pages.
#[derive(Clone, Copy)]
pub struct SessionContext {
    /// Where it stands.
    pub state: RwSignal<SessionState>,
    /// Counts sign-ins that resumed an ended session; reads run again when it changes.
    pub resumed: RwSignal<u32>,
}

impl SessionContext {
    /// A session still to be checked; `ended` fires when an answer says it is over.
    pub fn new(ended: ArcTrigger) -> Self {
        let session = Self {
            state: RwSignal::new(SessionState::Checking),
            resumed: RwSignal::new(0),
        };
        Effect::new(move |_| {
            ended.track();
            session.state.update(|state| {
                if let SessionState::SignedIn(who) = state {
                    *state = SessionState::Ended(who.clone());
                }
            });
        });
        session
    }

    /// Asks the backend who is signed in (again, after it was unreachable).
    pub fn check(self, api: Api) {
        self.state.set(SessionState::Checking);
        spawn_local(async move {
            if let Some(early) = crate::platform::boot::early_response("portalSessionRequest").await
            {
                crate::api::answered_early(early);
            }
            let state = match api.session().await {
                Ok(session) => {
                    storage::set_owner(&session.user.id);
                    SessionState::SignedIn(session)
                }
                Err(error) if error.status() == Some(401) => SessionState::SignedOut,
                Err(error) => SessionState::Unreachable(error),
            };
            // A sign-in that finished meanwhile (back from the provider) is not undone.
            self.state.update(|current| {
                if matches!(current, SessionState::Checking) {
                    *current = state;
                }
            });
        });
    }

    /// The person who just signed in. Returns `false` when that is someone else than the one
    /// whose session ended: the caller then reloads, so nothing of theirs stays on screen.
    pub fn signed_in(self, session: Session) -> bool {
        let previous = self.state.get_untracked();
        storage::set_owner(&session.user.id);
        let same = match &previous {
            SessionState::Ended(before) => before.user.id == session.user.id,
            _ => true,
        };
        self.state.set(SessionState::SignedIn(session));
        if matches!(previous, SessionState::Ended(_)) && same {
            self.resumed.update(|n| *n += 1);
        }
        same
    }

    /// The signed-in person, if any (also while their ended session waits to resume).
    pub fn who(self) -> Option<Session> {
        self.state.with(|state| match state {
            SessionState::SignedIn(who) | SessionState::Ended(who) => Some(who.clone()),
            _ => None,
        })
    }
}

/// Signs out: ends the session on the backend, removes this browser's drafts, and reloads the
/// portal at the sign-in page, so nothing the partner saw stays in memory for the next person.
pub fn sign_out(api: Api) {
    let sign_in = href("/sign-in");
    spawn_local(async move {
        // Even if the backend cannot be reached, this browser forgets everything.
        let _ = api.sign_out().await;
        storage::forget_drafts();
        reload(&sign_in);
    });
}

/// Loads the portal afresh at `url`, dropping everything in memory.
pub fn reload(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// The current address below the portal's base, with its query: where to come back to.
pub fn here(base: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    let search = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let path = path.strip_prefix(base).unwrap_or(&path);
    format!("{}{search}", if path.is_empty() { "/" } else { path })
}

/// Where to go after signing in: the `next` the sign-in page was given if it is a path of this
/// portal (never another site), Home otherwise.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.starts_with("/sign-in") =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_is_a_path_of_this_portal_or_home() {
        assert_eq!(
            safe_next(Some("/deals/DR-1042?tab=timeline")),
            "/deals/DR-1042?tab=timeline"
        );
        for unsafe_next in [
            None,
            Some("https://evil.example/"),
            Some("//evil.example"),
            Some("/\\evil.example"),
            Some("deals"),
            Some("/sign-in?next=/"),
        ] {
            assert_eq!(safe_next(unsafe_next), "/", "{unsafe_next:?}");
        }
    }
}
