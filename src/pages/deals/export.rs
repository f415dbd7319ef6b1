//! What the deal list exports: every page of the filtered view, as CSV (`ExportCsv` does the
//! fetching, progress and saving).

use std::rc::Rc;

use leptos::prelude::*;

use crate::components::{ExportPage, ExportSpec};
use crate::context::use_api;
use crate::domain::deals::export::{deal_line, DEAL_HEADER};
use crate::domain::deals::DealListQuery;

/// Rows per request while exporting (the API's maximum).
const EXPORT_PAGE: u32 = 100;

/// The deal list's export of the view in `query`.
pub(super) fn export_spec(query: Memo<DealListQuery>) -> ExportSpec {
    let api = use_api();
    ExportSpec {
        file: "deals.csv",
        header: &DEAL_HEADER,
        fetch: Rc::new(move |cursor| {
            let (api, view) = (api.clone(), query.get_untracked().first_page());
            Box::pin(async move {
                let request = DealListQuery { cursor, ..view }.to_api_query(EXPORT_PAGE);
                let page = api.deals(&request).await.map_err(|e| e.message())?;
                Ok(ExportPage {
                    csv: page.items.iter().map(deal_line).collect(),
                    rows: page.items.len() as u64,
                    total: page.total,
                    next: page.next_cursor,
                })
            })
        }),
        button: "export.button",
        fetched: "export.fetched",
        done: "export.done",
    }
}
