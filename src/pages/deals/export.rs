//! Export of the filtered view as CSV: every page, fetched one after another with progress,
//! cancellable, and saved as a file when done.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::context::{use_api, ApiWrite};
use crate::domain::deals::export::{deal_line, line, DEAL_HEADER};
use crate::domain::deals::DealListQuery;
use crate::text::i18n::{t, tr};

/// Rows per request while exporting (the API's maximum).
const EXPORT_PAGE: u32 = 100;

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
pub(super) fn ExportCsv(query: Memo<DealListQuery>) -> impl IntoView {
    let api = use_api();
    let state = RwSignal::new(ExportState::Idle);
    let cancelled = StoredValue::new(false);
    let export = ApiWrite::new(move |_: &()| {
        let (api, view) = (api.clone(), query.get_untracked().first_page());
        async move {
            cancelled.set_value(false);
            state.set(ExportState::Running {
                fetched: 0,
                total: 0,
            });
            let mut csv = line(&DEAL_HEADER.map(String::from));
            let mut cursor: Option<String> = None;
            let mut fetched = 0u64;
            loop {
                let request = DealListQuery {
                    cursor: cursor.clone(),
                    ..view.clone()
                }
                .to_api_query(EXPORT_PAGE);
                let page = match api.deals(&request).await {
                    Ok(page) => page,
                    Err(error) => return state.set(ExportState::Failed(error.message())),
                };
                if cancelled.get_value() {
                    return state.set(ExportState::Cancelled);
                }
                fetched += page.items.len() as u64;
                for deal in &page.items {
                    csv.push_str(&deal_line(deal));
                }
                state.set(ExportState::Running {
                    fetched,
                    total: page.total,
                });
                match page.next_cursor {
                    Some(next) => cursor = Some(next),
                    None => break,
                }
            }
            match save("deals.csv", &csv) {
                Ok(()) => state.set(ExportState::Done { rows: fetched }),
                Err(why) => state.set(ExportState::Failed(why)),
            }
        }
    });
    let running = move || matches!(state.get(), ExportState::Running { .. });
    view! {
        <div class="pp-export">
            <button type="button" class="pp-button" disabled=running on:click=move |_| { export.dispatch(()); }>
                {t("export.csv")}
            </button>
            <div class="pp-export__status" role="status">
                {move || match state.get() {
                    ExportState::Idle => ().into_any(),
                    ExportState::Running { fetched, total } => view! {
                        <progress max=total.max(1) value=fetched aria-label=t("export.progress")></progress>
                        <span>" "{tr("export.fetched", &[("fetched", &fetched), ("total", &total)])}" "</span>
                        <button type="button" class="pp-button" on:click=move |_| cancelled.set_value(true)>{t("export.cancel")}</button>
                    }.into_any(),
                    ExportState::Done { rows } => view! { <span>{tr("export.done", &[("rows", &rows)])}</span> }.into_any(),
                    ExportState::Cancelled => view! { <span>{t("export.cancelled")}</span> }.into_any(),
                    ExportState::Failed(why) => view! { <span class="pp-export__error">{tr("export.failed", &[("why", &why)])}</span> }.into_any(),
                }}
            </div>
        </div>
    }
}

/// Offers `text` as a download named `name`.
fn save(name: &str, text: &str) -> Result<(), String> {
    let fail = |_| t("export.refused");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| t("export.refused"))?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url).map_err(fail)
}
