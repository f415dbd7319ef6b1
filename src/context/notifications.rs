//! The partner's notification feed, kept fresh while they are signed in: one conditional
//! request (`If-None-Match`) every `poll_seconds`, and at once when the tab comes back into
//! view. Nothing is sent while the tab is hidden, and a poll never overlaps the last one.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{Api, Polled};
use crate::session::{SessionContext, SessionState};

/// What the shell and the notifications page share about the feed.
#[derive(Clone, Copy)]
pub struct Notifications {
    /// Unread entries, once known.
    unread: RwSignal<Option<u32>>,
    /// Counts changes of the feed; the notifications page reads again when it moves.
    changed: RwSignal<usize>,
    tag: StoredValue<Option<String>, LocalStorage>,
    polling: StoredValue<bool, LocalStorage>,
    api: StoredValue<Api, LocalStorage>,
    session: SessionContext,
}

impl Notifications {
    /// Starts polling for the signed-in partner.
    pub fn start(api: Api, session: SessionContext, every_seconds: u32) -> Self {
        let feed = Self {
            unread: RwSignal::new(None),
            changed: RwSignal::new(0),
            tag: StoredValue::new_local(None),
            polling: StoredValue::new_local(false),
            api: StoredValue::new_local(api),
            session,
        };
        // Ask as soon as someone is signed in; forget everything when no one is.
        Effect::new(move |_| match session.state.get() {
            SessionState::SignedIn(_) => feed.poll_now(),
            SessionState::SignedOut | SessionState::Checking => {
                feed.tag.set_value(None);
                feed.unread.set(None);
            }
            _ => {}
        });
        let _ = set_interval_with_handle(
            move || feed.poll_now(),
            Duration::from_secs(u64::from(every_seconds)),
        );
        let _ = window_event_listener(leptos::ev::visibilitychange, move |_| feed.poll_now());
        feed
    }

    /// Unread entries, once known.
    pub fn unread(self) -> Signal<Option<u32>> {
        self.unread.into()
    }

    /// Moves whenever the feed changed; a read that tracks it runs again.
    pub fn changed(self) -> RwSignal<usize> {
        self.changed
    }

    /// Marks one entry read (or all, with `None`), then asks for news so the count follows.
    /// Kept here, not in a page, so it finishes even when the partner follows the entry away.
    pub fn mark_read(self, id: Option<String>) {
        let api = self.api.get_value();
        spawn_local(async move {
            let done = match id {
                Some(id) => api.mark_read(&id).await,
                None => api.mark_all_read().await,
            };
            if done.is_ok() {
                self.polling.set_value(false);
                self.poll_now();
            }
        });
    }

    /// Asks for news now, unless a poll is under way, no one is signed in or the tab is hidden.
    pub fn poll_now(self) {
        let signed_in = matches!(
            self.session.state.get_untracked(),
            SessionState::SignedIn(_)
        );
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if !signed_in || hidden || self.polling.get_value() {
            return;
        }
        self.polling.set_value(true);
        let api = self.api.get_value();
        let tag = self.tag.get_value();
        spawn_local(async move {
            // A failed poll changes nothing: the next one tries again.
            if let Ok(Polled::Changed(unread, tag)) = api.notifications(tag.as_deref()).await {
                self.tag.set_value(tag);
                self.unread.set(Some(unread));
                self.changed.update(|n| *n += 1);
            }
            self.polling.set_value(false);
        });
    }
}
