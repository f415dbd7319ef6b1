//! The onboarding checklist for the first 30/60/90 days: progress per phase, optimistic ticks
//! that roll back with a message when saving fails, a filter in the URL, and a quiet
//! announcement when a phase is finished.

use std::collections::HashMap;

use api_types::{Onboarding, OnboardingItem, OnboardingPhase};
use leptos::prelude::*;

use crate::components::{Badge, EmptyState, FilterChoice, FilterLinks, Loaded, Page, ProgressBar};
use crate::context::{use_api, use_read, ApiWrite};
use crate::domain::onboarding::{
    newly_completed, overall, replace_item, ticked, ChecklistFilter, Progress,
};
use crate::platform::url_state::use_url_state;
use crate::text::dates::today;
use crate::text::labels::Tone;

mod checklist_item;

use crate::text::i18n::{t, tr};
use checklist_item::ChecklistItem;

/// What the partner changed that the loaded checklist does not show yet.
#[derive(Clone, Copy)]
pub(crate) struct Ticks {
    /// Items whose saved state differs from the loaded checklist (confirmed by the backend).
    saved: RwSignal<HashMap<String, OnboardingItem>>,
    /// Ticks shown before the backend answered: item id → done.
    pending: RwSignal<HashMap<String, bool>>,
    /// Why the last save of an item failed.
    failed: RwSignal<HashMap<String, String>>,
    /// The phase just finished, for the announcement.
    celebrated: RwSignal<Option<String>>,
}

impl Ticks {
    /// The phases as the partner should see them now: loaded, then saved, then pending ticks.
    fn apply(&self, mut phases: Vec<OnboardingPhase>, tracked: bool) -> Vec<OnboardingPhase> {
        let (saved, pending) = if tracked {
            (self.saved.get(), self.pending.get())
        } else {
            (self.saved.get_untracked(), self.pending.get_untracked())
        };
        let today = today();
        for item in saved.into_values() {
            replace_item(&mut phases, item);
        }
        for phase in &mut phases {
            for item in &mut phase.items {
                if let Some(done) = pending.get(&item.id) {
                    *item = ticked(item, *done, today);
                }
            }
        }
        phases
    }
}

/// The checklist page.
#[component]
pub fn OnboardingPage() -> impl IntoView {
    let api = use_api();
    let filter = use_url_state::<ChecklistFilter>();
    let checklist = use_read(|api| async move { api.onboarding().await });
    let ticks = Ticks {
        saved: RwSignal::new(HashMap::new()),
        pending: RwSignal::new(HashMap::new()),
        failed: RwSignal::new(HashMap::new()),
        celebrated: RwSignal::new(None),
    };
    let loaded_phases = move || {
        checklist
            .get_untracked()
            .and_then(Result::ok)
            .map(|o| o.phases)
            .unwrap_or_default()
    };
    let toggle = ApiWrite::new(move |(item, done): &(OnboardingItem, bool)| {
        let (api, item, done) = (api.clone(), item.clone(), *done);
        async move {
            let before = ticks.apply(loaded_phases(), false);
            ticks.failed.update(|f| {
                f.remove(&item.id);
            });
            ticks.pending.update(|p| {
                p.insert(item.id.clone(), done);
            });
            let result = api.set_item_done(&item.id, done).await;
            ticks.pending.update(|p| {
                p.remove(&item.id);
            });
            match result {
                Ok(saved) => {
                    ticks.saved.update(|s| {
                        s.insert(saved.id.clone(), saved);
                    });
                    let after = ticks.apply(loaded_phases(), false);
                    if let Some(phase) = newly_completed(&before, &after) {
                        ticks.celebrated.set(Some(phase));
                    }
                }
                Err(error) => {
                    let key = if done {
                        "onboarding.tick_failed"
                    } else {
                        "onboarding.undo_failed"
                    };
                    ticks.failed.update(|f| {
                        f.insert(item.id.clone(), tr(key, &[("why", &error.message())]));
                    });
                }
            }
        }
    });

    let choices = Signal::derive(move || {
        let current = filter.get();
        [
            (ChecklistFilter::All, "filter.all"),
            (ChecklistFilter::Todo, "onboarding_status.todo"),
            (ChecklistFilter::Done, "onboarding_status.done"),
        ]
        .into_iter()
        .map(|(choice, label)| FilterChoice::to(t(label), &choice, choice == current))
        .collect::<Vec<_>>()
    });

    view! {
        <Page title=t("nav.onboarding")>
            <p class="pp-lead">{t("onboarding.lead")}</p>
            <p class="pp-visually-hidden" role="status" aria-live="polite">
                {move || ticks.celebrated.get().map(|phase| tr("onboarding.finished", &[("phase", &phase)]))}
            </p>
            {move || ticks.celebrated.get().map(|phase| view! {
                <div class="pp-celebration" aria-hidden="true">
                    <span class="pp-celebration__mark">"★"</span>
                    {tr("onboarding.finished_next", &[("phase", &phase)])}
                </div>
            })}
            <Loaded resource=checklist what=t("what.checklist") lines=6 render=move |onboarding: Onboarding| {
                let phases = Memo::new(move |_| ticks.apply(onboarding.phases.clone(), true));
                let total = Memo::new(move |_| phases.with(|p| overall(p)));
                view! {
                    <section class="pp-card pp-overall" aria-labelledby="pp-overall-title">
                        <h2 id="pp-overall-title" class="pp-card__title">{t("onboarding.overall")}</h2>
                        <ProgressBar
                            label=t("onboarding.overall_progress")
                            value=Signal::derive(move || total.get().done)
                            max=Signal::derive(move || total.get().total)
                        />
                    </section>
                    <FilterLinks label=t("filter.show") choices/>
                    // Keyed by id so a tick updates its row in place and keyboard focus stays put.
                    <For each=move || phases.with(|p| p.iter().map(|phase| phase.id.clone()).collect::<Vec<_>>()) key=|id| id.clone() let:phase_id>
                        <PhaseSection
                            phase=Memo::new(move |_| phases.with(|p| p.iter().find(|phase| phase.id == phase_id).cloned()))
                            filter
                            ticks
                            toggle
                        />
                    </For>
                }
            }/>
        </Page>
    }
}

/// One phase: heading, progress and the items the filter lets through.
#[component]
fn PhaseSection(
    phase: Memo<Option<OnboardingPhase>>,
    filter: Memo<ChecklistFilter>,
    ticks: Ticks,
    toggle: ApiWrite<(OnboardingItem, bool)>,
) -> impl IntoView {
    let Some(initial) = phase.get_untracked() else {
        return ().into_any();
    };
    let progress = Memo::new(move |_| {
        phase
            .with(|p| p.as_ref().map(|p| Progress::of(&p.items)))
            .unwrap_or(Progress { done: 0, total: 0 })
    });
    let heading_id = format!("pp-phase-{}", initial.id);
    let labelled_by = heading_id.clone();
    let shown = Memo::new(move |_| {
        let filter = filter.get();
        phase.with(|p| {
            p.iter()
                .flat_map(|p| &p.items)
                .filter(|i| filter.shows(i))
                .map(|i| i.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let empty = move || match filter.get() {
        ChecklistFilter::Todo => t("onboarding.none_todo"),
        ChecklistFilter::Done => t("onboarding.none_done"),
        ChecklistFilter::All => t("onboarding.none"),
    };
    view! {
        <section class="pp-card pp-phase" class:pp-phase--complete=move || progress.get().complete() aria-labelledby=labelled_by>
            <div class="pp-phase__header">
                <h2 id=heading_id class="pp-card__title">{initial.title.clone()}</h2>
                {move || progress.get().complete().then(|| view! { <Badge text=t("onboarding.complete") tone=Tone::Success/> })}
            </div>
            <ProgressBar
                label=tr("onboarding.phase_progress", &[("phase", &initial.title)])
                value=Signal::derive(move || progress.get().done)
                max=Signal::derive(move || progress.get().total)
            />
            <Show when=move || !shown.with(Vec::is_empty) fallback=move || view! { <EmptyState title=empty()><span></span></EmptyState> }>
                <ul class="pp-checklist">
                    <For each=move || shown.get() key=|id| id.clone() let:item_id>
                        <ChecklistItem
                            item=Memo::new(move |_| phase.with(|p| p.iter().flat_map(|p| &p.items).find(|i| i.id == item_id).cloned()))
                            ticks
                            toggle
                        />
                    </For>
                </ul>
            </Show>
        </section>
    }
    .into_any()
}
