//! Export of a page's filtered view as CSV: every page of it, fetched one after another with
//! progress, cancellable, and saved as a file when done. The page says how to fetch one page;
//! the component (compiled once for every list that exports) does the rest.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;

use crate::context::ApiWrite;
use crate::domain::deals::export::line;
use crate::platform::download::save_csv;
use crate::text::i18n::{t, tr};

/// One page of an export: its rows as CSV lines, how many, of how many, and where the next
/// page starts.
pub struct ExportPage {
    /// The rows, each a CRLF-ended CSV line.
    pub csv: String,
    /// Rows on this page.
    pub rows: u64,
    /// Rows in the whole view.
    pub total: u64,
    /// The cursor of the next page, if any.
    pub next: Option<String>,
}

/// Fetches the page that starts at a cursor (`None`: the first); the error in plain words.
pub type ExportFetch =
    Rc<dyn Fn(Option<String>) -> Pin<Box<dyn Future<Output = Result<ExportPage, String>>>>>;

/// What a list exports: the file, its header row, how to fetch a page, and the catalogue keys
/// of the button and of "fetched {fetched} of {total}…" and "exported {rows}…".
#[derive(Clone)]
pub struct ExportSpec {
    /// The file's name, e.g. `deals.csv`.
    pub file: &'static str,
    /// The header row.
    pub header: &'static [&'static str],
    /// How to fetch one page.
    pub fetch: ExportFetch,
    /// The button's key.
    pub button: &'static str,
    /// The progress message's key, with `{fetched}` and `{total}`.
    pub fetched: &'static str,
    /// The outcome's key, with `{rows}`.
    pub done: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
enum ExportState {
    Idle,
    Running { fetched: u64, total: u64 },
    Done { rows: u64 },
    Cancelled,
    Failed(String),
}

/// The export button, its progress and its outcome.
#[component]
pub fn ExportCsv(spec: ExportSpec) -> impl IntoView {
    let state = RwSignal::new(ExportState::Idle);
    let cancelled = StoredValue::new(false);
    let (file, header, fetch) = (spec.file, spec.header, spec.fetch);
    let export = ApiWrite::new(move |_: &()| {
        let fetch = fetch.clone();
        async move {
            cancelled.set_value(false);
            state.set(ExportState::Running {
                fetched: 0,
                total: 0,
            });
            let mut csv = line(&header.iter().map(|h| h.to_string()).collect::<Vec<_>>());
            let (mut cursor, mut fetched) = (None, 0u64);
            loop {
                let page = match fetch(cursor).await {
                    Ok(page) => page,
                    Err(why) => return state.set(ExportState::Failed(why)),
                };
                if cancelled.get_value() {
                    return state.set(ExportState::Cancelled);
                }
                fetched += page.rows;
                csv.push_str(&page.csv);
                state.set(ExportState::Running {
                    fetched,
                    total: page.total,
                });
                cursor = page.next;
                if cursor.is_none() {
                    break;
                }
            }
            match save_csv(file, &csv) {
                Ok(()) => state.set(ExportState::Done { rows: fetched }),
                Err(why) => state.set(ExportState::Failed(why)),
            }
        }
    });
    let running = move || matches!(state.get(), ExportState::Running { .. });
    let (fetched_key, done_key) = (spec.fetched, spec.done);
    view! {
        <div class="pp-export">
            <button type="button" class="pp-button" disabled=running on:click=move |_| { export.dispatch(()); }>
                {t(spec.button)}
            </button>
            <div class="pp-export__status" role="status">
                {move || match state.get() {
                    ExportState::Idle => ().into_any(),
                    ExportState::Running { fetched, total } => view! {
                        <progress max=total.max(1) value=fetched aria-label=t("export.progress")></progress>
                        <span>" "{tr(fetched_key, &[("fetched", &fetched), ("total", &total)])}" "</span>
                        <button type="button" class="pp-button" on:click=move |_| cancelled.set_value(true)>{t("export.cancel")}</button>
                    }.into_any(),
                    ExportState::Done { rows } => view! { <span>{tr(done_key, &[("rows", &rows)])}</span> }.into_any(),
                    ExportState::Cancelled => view! { <span>{t("export.cancelled")}</span> }.into_any(),
                    ExportState::Failed(why) => view! { <span class="pp-export__error">{tr("export.failed", &[("why", &why)])}</span> }.into_any(),
                }}
            </div>
        </div>
    }
}
