//! The deal list: pipeline summary, status filters, debounced search, sortable columns and
//! cursor pages, all held in the URL; and export of the filtered view as CSV.

use api_types::{DealStatus, PipelineStage};
use leptos::prelude::*;

use crate::components::{FilterChoice, FilterLinks, Loaded, Page, Section};
use crate::context::use_locale;
use crate::context::use_read;
use crate::domain::deals::{DealListQuery, PAGE_SIZE};
use crate::platform::paths::href;
use crate::platform::url_state::{self, use_go_to, use_url_state};
use crate::text::format::{count, money};
use crate::text::labels::Label;

mod export;
mod search;
mod table;

use export::ExportCsv;
use search::SearchBox;
use table::DealTable;

/// The deals page.
#[component]
pub fn DealsPage() -> impl IntoView {
    let query = use_url_state::<DealListQuery>();
    let page = use_read(move |api| {
        let request = query.get().to_api_query(PAGE_SIZE);
        async move { api.deals(&request).await }
    });
    let pipeline = use_read(|api| async move { api.pipeline().await });
    let go_to = use_go_to::<DealListQuery>(true);
    let on_search = move |text: String| {
        go_to(&DealListQuery {
            search: text,
            ..query.get_untracked().first_page()
        });
    };
    let status_choices = Signal::derive(move || {
        let current = query.get();
        let all = DealListQuery {
            statuses: vec![],
            ..current.first_page()
        };
        let shown = |status| current.statuses.contains(&status);
        let each = DealStatus::ALL.into_iter().map(|status| {
            FilterChoice::to(
                status.label(),
                &current.toggle_status(status),
                shown(status),
            )
        });
        let all = FilterChoice::to("All statuses", &all, current.statuses.is_empty());
        std::iter::once(all).chain(each).collect::<Vec<_>>()
    });
    view! {
        <Page title="Deals">
            <div class="pp-page-actions">
                <p class="pp-lead">"Every deal you registered, where it stands and how long it is protected."</p>
                <a class="pp-button pp-button--primary" href=href("/deals/new")>"Register a deal"</a>
            </div>
            <Section heading_id="pp-pipeline-title" title="Pipeline">
                <Loaded resource=pipeline what="your pipeline" placeholder=PipelinePlaceholder render={move |stages: Vec<PipelineStage>| view! { <Pipeline stages/> }}/>
            </Section>
            <Section heading_id="pp-deal-list-title" title="Your deals">
                <div class="pp-deal-controls">
                    <SearchBox value=Signal::derive(move || query.get().search) on_search/>
                    <FilterLinks label="Status" choices=status_choices/>
                </div>
                <DealTable page query/>
                <ExportCsv query/>
            </Section>
        </Page>
    }
}

/// The pipeline's tiles, empty, while it loads: every status always has a tile of fixed size,
/// so the deal list below never moves when the figures arrive.
#[component]
fn PipelinePlaceholder() -> impl IntoView {
    view! {
        <ul class="pp-pipeline" aria-hidden="true">
            {DealStatus::ALL.map(|_| view! {
                <li class="pp-pipeline__stage">
                    <span class="pp-pipeline__link">
                        <span class="pp-pipeline__label pp-skeleton">"\u{a0}"</span>
                        <span class="pp-pipeline__count">"\u{a0}"</span>
                        <span class="pp-pipeline__value pp-skeleton">"\u{a0}"</span>
                    </span>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// Count and value per status; each links to the list filtered by that status.
#[component]
fn Pipeline(stages: Vec<PipelineStage>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <ul class="pp-pipeline">
            {stages.into_iter().map(|stage| {
                let (label, tone) = (stage.status.label(), stage.status.tone().as_str());
                let filtered = DealListQuery { statuses: vec![stage.status], page: 1, ..DealListQuery::default() };
                let values: Vec<String> = stage.value.iter().map(|m| money(m, &locale)).collect();
                view! {
                    <li class=format!("pp-pipeline__stage pp-pipeline__stage--{tone}")>
                        <a href=url_state::href(&filtered) class="pp-pipeline__link">
                            <span class="pp-pipeline__label">{label}</span>
                            <span class="pp-pipeline__count">{count(stage.count, &locale)}</span>
                            <span class="pp-pipeline__value">{if values.is_empty() { "No deals".to_owned() } else { values.join(" + ") }}</span>
                        </a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
