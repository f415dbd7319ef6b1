//! Drafts kept in the browser's local storage, so nothing typed is lost to a reload, a closed
//! tab or an ended session. Every draft belongs to the signed-in user: it is stored under their
//! id, never read for anyone else, and removed at sign-out or when another user signs in on
//! this browser. Anything unreadable found there is dropped, never trusted.

use std::cell::RefCell;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Every draft's key starts with this, then the owner's id and a colon.
const DRAFTS: &str = "pp-draft:";

thread_local! {
    /// Whose drafts are read and written; none before sign-in.
    static OWNER: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The full key of the owner's draft `key`, if someone is signed in.
fn owned(key: &str) -> Option<String> {
    OWNER.with(|owner| {
        owner
            .borrow()
            .as_ref()
            .map(|id| format!("{DRAFTS}{id}:{key}"))
    })
}

/// Drafts of versions before sign-in, which belong to no one: removed like another's.
const UNOWNED: [&str; 2] = ["pp-deal-draft", "pp-survey-"];

/// Every draft key in storage, with its owner's id (empty for an unowned one).
fn draft_keys(storage: &web_sys::Storage) -> Vec<(String, String)> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| {
            let owner = match key.strip_prefix(DRAFTS) {
                Some(rest) => rest.split(':').next()?.to_owned(),
                None if UNOWNED.iter().any(|p| key.starts_with(p)) => String::new(),
                None => return None,
            };
            Some((key, owner))
        })
        .collect()
}

/// Drafts are `user_id`'s from now on; any other user's left on this browser are removed.
pub fn set_owner(user_id: &str) {
    OWNER.with(|owner| *owner.borrow_mut() = Some(user_id.to_owned()));
    if let Some(storage) = storage() {
        for (key, owner) in draft_keys(&storage) {
            if owner != user_id {
                let _ = storage.remove_item(&key);
            }
        }
    }
}

/// Sign-out: every draft on this browser is removed, and none is kept until the next sign-in.
pub fn forget_drafts() {
    OWNER.with(|owner| *owner.borrow_mut() = None);
    if let Some(storage) = storage() {
        for (key, _) in draft_keys(&storage) {
            let _ = storage.remove_item(&key);
        }
    }
}

/// The signed-in user's draft saved under `key`, if there is a readable one.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let (storage, key) = (storage()?, owned(key)?);
    let text = storage.get_item(&key).ok().flatten()?;
    match serde_json::from_str(&text) {
        Ok(value) => Some(value),
        Err(_) => {
            let _ = storage.remove_item(&key);
            None
        }
    }
}

/// Saves `value` as the signed-in user's draft `key` (quietly does nothing where storage is
/// off, e.g. private mode, or before sign-in).
pub fn save<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Some(key), Ok(text)) =
        (storage(), owned(key), serde_json::to_string(value))
    {
        let _ = storage.set_item(&key, &text);
    }
}

/// Forgets the signed-in user's draft `key`.
pub fn clear(key: &str) {
    if let (Some(storage), Some(key)) = (storage(), owned(key)) {
        let _ = storage.remove_item(&key);
    }
}

/// A fresh random key for one submission (`Idempotency-Key`), 32 hex characters.
pub fn new_key() -> String {
    (0..4)
        .map(|_| {
            format!(
                "{:08x}",
                (js_sys::Math::random() * f64::from(u32::MAX)) as u32
            )
        })
        .collect()
}
