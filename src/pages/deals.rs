//! The deal list: what waits for the partner first, the pipeline in their own currency (open
//! work first, closed deals below), status filters, debounced search, sortable columns and
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

use crate::text::i18n::{t, tr};
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
        let all = FilterChoice::to(
            t("deals.all_statuses"),
            &DealListQuery {
                needs_you: false,
                ..all
            },
            current.statuses.is_empty() && !current.needs_you,
        );
        let waiting = FilterChoice::to(
            t("home.waiting_for_you"),
            &DealListQuery {
                needs_you: !current.needs_you,
                ..current.first_page()
            },
            current.needs_you,
        );
        [all, waiting].into_iter().chain(each).collect::<Vec<_>>()
    });
    view! {
        <Page title=t("nav.deals")>
            <div class="pp-page-actions">
                <p class="pp-lead">{t("deals.lead")}</p>
                <a class="pp-button pp-button--primary" href=href("/deals/new")>{t("deals.register")}</a>
            </div>
            <Section heading_id="pp-pipeline-title" title=t("deals.pipeline")>
                <Loaded resource=pipeline what=t("what.pipeline") placeholder=PipelinePlaceholder render={move |stages: Vec<PipelineStage>| view! { <Pipeline stages/> }}/>
            </Section>
            <Section heading_id="pp-deal-list-title" title=t("deals.yours")>
                <div class="pp-deal-controls">
                    <SearchBox value=Signal::derive(move || query.get().search) on_search/>
                    <FilterLinks label=t("deals.status") choices=status_choices/>
                </div>
                <DealTable page query/>
                <ExportCsv query/>
            </Section>
        </Page>
    }
}

/// The pipeline's tiles, empty, while it loads: what waits for the partner, then every status
/// (closed ones smaller), always of fixed size, so the deal list below never moves when the
/// figures arrive.
#[component]
fn PipelinePlaceholder() -> impl IntoView {
    let tile = |closed: bool| {
        view! {
            <li class="pp-pipeline__stage" class:pp-pipeline__stage--closed=closed>
                <span class="pp-pipeline__link">
                    <span class="pp-pipeline__label pp-skeleton">"\u{a0}"</span>
                    <span class="pp-pipeline__count">"\u{a0}"</span>
                    <span class="pp-pipeline__value pp-skeleton">"\u{a0}"</span>
                </span>
            </li>
        }
    };
    view! {
        <ul class="pp-pipeline" aria-hidden="true">
            {tile(false)}
            {in_order().map(|status| tile(!status.is_open())).collect_view()}
        </ul>
    }
}

/// Open statuses first, then closed ones.
fn in_order() -> impl Iterator<Item = DealStatus> {
    let open = DealStatus::ALL.into_iter().filter(|s| s.is_open());
    open.chain(DealStatus::ALL.into_iter().filter(|s| !s.is_open()))
}

/// What waits for the partner first, then open work, then closed deals (smaller), each with
/// its count and value in the partner's currency, each linking to the list filtered so.
#[component]
fn Pipeline(stages: Vec<PipelineStage>) -> impl IntoView {
    let locale = use_locale();
    let filtered = |status| {
        url_state::href(&DealListQuery {
            statuses: vec![status],
            page: 1,
            ..DealListQuery::default()
        })
    };
    // Values in the partner's currency; a stage with deals in other currencies shows its total
    // converted at the program's reference rates, as an estimate ("about").
    let value = |stage: &PipelineStage| match &stage.total {
        Some(total) if stage.value.iter().any(|v| v.currency != total.currency) => {
            tr("deals.about", &[("value", &money(total, &locale))])
        }
        Some(total) => money(total, &locale),
        None => t("deals.none"),
    };
    let stage = |status| stages.iter().find(|s| s.status == status);
    let waiting = |status| stage(status).and_then(|s| s.needs_you).unwrap_or(0);
    let (questions, ending) = (
        waiting(DealStatus::MoreInfoRequested),
        waiting(DealStatus::Approved),
    );
    let waiting_words = match (questions, ending) {
        (0, 0) => t("deals.nothing_now"),
        (q, 0) => tr("deals.to_answer", &[("questions", &q)]),
        (0, p) => tr("deals.running_short", &[("ending", &p)]),
        (q, p) => tr(
            "deals.to_answer_and_short",
            &[("questions", &q), ("ending", &p)],
        ),
    };
    let waiting_href = url_state::href(&DealListQuery {
        needs_you: true,
        page: 1,
        ..DealListQuery::default()
    });
    view! {
        <ul class="pp-pipeline">
            <li class="pp-pipeline__stage pp-pipeline__stage--waiting">
                <a href=waiting_href class="pp-pipeline__link">
                    <span class="pp-pipeline__label">{t("home.waiting_for_you")}</span>
                    <span class="pp-pipeline__count">{count(questions + ending, &locale)}</span>
                    <span class="pp-pipeline__value">{waiting_words}</span>
                </a>
            </li>
            {in_order().filter_map(stage).map(|stage| {
                let (label, tone) = (stage.status.label(), stage.status.tone().as_str());
                view! {
                    <li class=format!("pp-pipeline__stage pp-pipeline__stage--{tone}") class:pp-pipeline__stage--closed=!stage.status.is_open()>
                        <a href=filtered(stage.status) class="pp-pipeline__link">
                            <span class="pp-pipeline__label">{label}</span>
                            <span class="pp-pipeline__count">{count(stage.count, &locale)}</span>
                            <span class="pp-pipeline__value">{value(stage)}</span>
                        </a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
