//! The deal list: pipeline summary, status filters, debounced search, sortable columns and
//! cursor pages, all held in the URL; and export of the filtered view as CSV.

use api_types::{DealStatus, PipelineStage};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::use_api;
use crate::components::{deal_status_text, FilterChoice, FilterLinks, Loaded, Page};
use crate::config::use_locale;
use crate::deal_list::{DealListQuery, PAGE_SIZE};
use crate::format::{count, money};
use crate::paths::href;

mod export;
mod search;
mod table;

use export::ExportCsv;
use search::SearchBox;
use table::DealTable;

/// The address of a view of the list.
pub(crate) fn list_href(query: &DealListQuery) -> String {
    href(&format!("/deals{}", query.to_url_query().to_suffix()))
}

/// The deals page.
#[component]
pub fn DealsPage() -> impl IntoView {
    let api = use_api();
    let url = use_query_map();
    let query = Memo::new(move |_| {
        url.with(|q| DealListQuery::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let page = LocalResource::new({
        let api = api.clone();
        move || {
            let (api, request) = (api.clone(), query.get().to_api_query(PAGE_SIZE));
            async move { api.deals(&request).await }
        }
    });
    let pipeline = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.pipeline().await }
        }
    });
    let navigate = use_navigate();
    let on_search = move |text: String| {
        let next = DealListQuery {
            search: text,
            ..query.get_untracked().first_page()
        };
        navigate(
            &format!("/deals{}", next.to_url_query().to_suffix()),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let status_choices = Signal::derive(move || {
        let current = query.get();
        let mut choices = vec![FilterChoice {
            label: "All statuses".into(),
            href: list_href(&DealListQuery {
                statuses: vec![],
                ..current.first_page()
            }),
            current: current.statuses.is_empty(),
        }];
        choices.extend(DealStatus::ALL.into_iter().map(|status| FilterChoice {
            label: deal_status_text(status).0.into(),
            href: list_href(&current.toggle_status(status)),
            current: current.statuses.contains(&status),
        }));
        choices
    });
    view! {
        <Page title="Deals">
            <div class="pp-page-actions">
                <p class="pp-lead">"Every deal you registered, where it stands and how long it is protected."</p>
                <a class="pp-button pp-button--primary" href=href("/deals/new")>"Register a deal"</a>
            </div>
            <section class="pp-section" aria-labelledby="pp-pipeline-title">
                <h2 id="pp-pipeline-title">"Pipeline"</h2>
                <Loaded resource=pipeline what="your pipeline" lines=2 render={move |stages: Vec<PipelineStage>| view! { <Pipeline stages/> }}/>
            </section>
            <section class="pp-section" aria-labelledby="pp-deal-list-title">
                <h2 id="pp-deal-list-title">"Your deals"</h2>
                <div class="pp-deal-controls">
                    <SearchBox value=Signal::derive(move || query.get().search) on_search/>
                    <FilterLinks label="Status" choices=status_choices/>
                </div>
                <DealTable page query/>
                <ExportCsv query/>
            </section>
        </Page>
    }
}

/// Count and value per status; each links to the list filtered by that status.
#[component]
fn Pipeline(stages: Vec<PipelineStage>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <ul class="pp-pipeline">
            {stages.into_iter().map(|stage| {
                let (label, tone) = deal_status_text(stage.status);
                let filtered = DealListQuery { statuses: vec![stage.status], page: 1, ..DealListQuery::default() };
                let values: Vec<String> = stage.value.iter().map(|m| money(m, &locale)).collect();
                view! {
                    <li class=format!("pp-pipeline__stage pp-pipeline__stage--{tone}")>
                        <a href=list_href(&filtered) class="pp-pipeline__link">
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
