//! When the backend cannot be reached, the page says so once: every section that failed for
//! that reason waits under one notice with one retry, and all of them are asked again by
//! themselves after a pause that doubles each time (2 s up to a minute), or as long as the
//! server's `Retry-After` asks. Kept in one place per tab (there is one page at a time), so
//! it costs the first screen almost nothing.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::ErasedResult;
use crate::api::ApiError;

const FIRST_PAUSE_S: u32 = 2;
const LONGEST_PAUSE_S: u32 = 60;

/// The sections waiting, and when they are asked again.
#[derive(Default)]
struct Waiting {
    next_id: u32,
    /// The next pause, once the first failed (0: the first pause).
    pause_s: u32,
    scheduled: bool,
    reads: Vec<(u32, LocalResource<ErasedResult>, ApiError)>,
}

thread_local! {
    static WAITING: RefCell<Waiting> = RefCell::new(Waiting::default());
    static CHANGED: ArcTrigger = ArcTrigger::new();
}

fn changed() {
    CHANGED.with(|changed| changed.notify());
}

/// Why the page's waiting sections wait, if any does (tracked).
pub fn outage() -> Option<ApiError> {
    CHANGED.with(|changed| changed.track());
    WAITING.with(|w| w.borrow().reads.first().map(|(_, _, error)| error.clone()))
}

/// Keeps `read`, which failed with `error`, waiting for the backend until the calling view
/// goes (it showed its data, or the partner left); the first to wait starts the retries.
pub fn wait_for_backend(read: LocalResource<ErasedResult>, error: ApiError) {
    let retry_after = error.retry_after();
    let (id, pause_s) = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let id = w.next_id;
        w.next_id = id.wrapping_add(1);
        w.reads.push((id, read, error));
        if w.scheduled {
            return (id, None);
        }
        w.scheduled = true;
        let pause_s = retry_after.unwrap_or(w.pause_s.max(FIRST_PAUSE_S));
        w.pause_s = (pause_s * 2).min(LONGEST_PAUSE_S);
        (id, Some(pause_s.clamp(1, LONGEST_PAUSE_S)))
    });
    on_cleanup(move || {
        WAITING.with(|w| {
            let mut w = w.borrow_mut();
            w.reads.retain(|(other, _, _)| *other != id);
            if w.reads.is_empty() {
                w.pause_s = 0;
            }
        });
        changed();
    });
    if let (Some(pause_s), Some(window)) = (pause_s, web_sys::window()) {
        let later = Closure::<dyn FnMut()>::new(|| {
            WAITING.with(|w| w.borrow_mut().scheduled = false);
            retry_waiting();
        });
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            later.into_js_value().unchecked_ref(),
            (pause_s * 1000) as i32,
        );
    }
    changed();
}

/// Asks every waiting section again, now.
pub fn retry_waiting() {
    let reads: Vec<_> =
        WAITING.with(|w| w.borrow().reads.iter().map(|(_, read, _)| *read).collect());
    for read in reads {
        read.refetch();
    }
}
