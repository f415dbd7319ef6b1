//! The onboarding checklist's logic: progress per phase, the filter held in the URL, optimistic
//! ticks and noticing a phase that was just finished.

use api_types::{CompletedBy, OnboardingItem, OnboardingPhase, OnboardingStatus};
use chrono::NaiveDate;

use api_types::QueryString;

use super::UrlState;
use crate::text::format::percent;

/// Which items the checklist shows (`?show=todo|done`; absent means all).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChecklistFilter {
    /// Every item.
    #[default]
    All,
    /// Items not done yet.
    Todo,
    /// Finished items.
    Done,
}

impl ChecklistFilter {
    /// Reads `?show=`; anything unknown shows everything rather than failing.
    pub fn from_query(value: Option<&str>) -> Self {
        match value {
            Some("todo") => Self::Todo,
            Some("done") => Self::Done,
            _ => Self::All,
        }
    }

    /// The `show` value for the URL, `None` for the default.
    pub fn as_query(self) -> Option<&'static str> {
        match self {
            Self::All => None,
            Self::Todo => Some("todo"),
            Self::Done => Some("done"),
        }
    }

    /// Whether `item` is shown.
    pub fn shows(self, item: &OnboardingItem) -> bool {
        let done = item.status == OnboardingStatus::Done;
        match self {
            Self::All => true,
            Self::Todo => !done,
            Self::Done => done,
        }
    }
}

impl UrlState for ChecklistFilter {
    const PATH: &'static str = "/onboarding";

    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self::from_query(
            pairs
                .into_iter()
                .find(|(n, _)| *n == "show")
                .map(|(_, v)| v),
        )
    }

    fn to_query(&self) -> QueryString {
        QueryString::new().push_opt("show", self.as_query())
    }
}

/// Done of total, with the percentage for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Items finished.
    pub done: u32,
    /// Items in all.
    pub total: u32,
}

impl Progress {
    /// Progress over some items.
    pub fn of<'a>(items: impl IntoIterator<Item = &'a OnboardingItem>) -> Self {
        items
            .into_iter()
            .fold(Self { done: 0, total: 0 }, |p, item| Self {
                done: p.done + u32::from(item.status == OnboardingStatus::Done),
                total: p.total + 1,
            })
    }

    /// Whole percent done (0 for no items).
    pub fn percent(self) -> u32 {
        percent(u64::from(self.done), u64::from(self.total))
    }

    /// True when there was something to do and all of it is done.
    pub fn complete(self) -> bool {
        self.total > 0 && self.done == self.total
    }
}

/// Progress over every phase.
pub fn overall(phases: &[OnboardingPhase]) -> Progress {
    Progress::of(phases.iter().flat_map(|p| &p.items))
}

/// Whether the partner may tick this item off themselves (and so undo it): not one the
/// channel team confirms, one that is blocked, or one the backend completes when it sees it.
pub fn partner_can_tick(item: &OnboardingItem) -> bool {
    item.completed_by == CompletedBy::Partner
        && item.status != OnboardingStatus::Blocked
        && item.completes_when.is_none()
}

/// The item as it will look once the backend has saved `done`, shown before it answers.
pub fn ticked(item: &OnboardingItem, done: bool, today: NaiveDate) -> OnboardingItem {
    let status = if done {
        OnboardingStatus::Done
    } else if item.due_on < today {
        OnboardingStatus::Overdue
    } else {
        OnboardingStatus::Todo
    };
    OnboardingItem {
        status,
        completed_at: if done { item.completed_at } else { None },
        ..item.clone()
    }
}

/// Replaces one item (by id) in the phases.
pub fn replace_item(phases: &mut [OnboardingPhase], item: OnboardingItem) {
    for phase in phases {
        for slot in &mut phase.items {
            if slot.id == item.id {
                *slot = item.clone();
            }
        }
    }
}

/// The title of a phase that is complete in `after` but was not in `before`.
pub fn newly_completed(before: &[OnboardingPhase], after: &[OnboardingPhase]) -> Option<String> {
    after.iter().find_map(|phase| {
        let was = before
            .iter()
            .find(|b| b.id == phase.id)
            .map(|b| Progress::of(&b.items));
        let now = Progress::of(&phase.items);
        (now.complete() && !was.is_some_and(Progress::complete)).then(|| phase.title.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::OnboardingItemKind;

    fn item(id: &str, status: OnboardingStatus, by: CompletedBy) -> OnboardingItem {
        OnboardingItem {
            id: id.into(),
            title: id.into(),
            description: String::new(),
            kind: OnboardingItemKind::Task,
            due_on: "2026-11-20".parse().unwrap(),
            status,
            completed_by: by,
            completed_at: None,
            blocked_reason: None,
            links: vec![],
            completes_when: None,
        }
    }

    fn phase(id: &str, items: Vec<OnboardingItem>) -> OnboardingPhase {
        OnboardingPhase {
            id: id.into(),
            title: format!("Phase {id}"),
            ends_on_day: 30,
            items,
        }
    }

    #[test]
    fn progress_counts_done_items_and_handles_none() {
        use OnboardingStatus::*;
        let items = [
            item("a", Done, CompletedBy::Partner),
            item("b", Overdue, CompletedBy::Partner),
            item("c", Done, CompletedBy::Vendor),
        ];
        assert_eq!(Progress::of(&items), Progress { done: 2, total: 3 });
        assert_eq!(Progress::of(&items).percent(), 66);
        let none = Progress::of(&[]);
        assert_eq!((none.percent(), none.complete()), (0, false));
        assert!(Progress::of(&items[..1]).complete());
    }

    #[test]
    fn the_filter_round_trips_through_the_url_and_tolerates_junk() {
        for filter in [
            ChecklistFilter::All,
            ChecklistFilter::Todo,
            ChecklistFilter::Done,
        ] {
            assert_eq!(ChecklistFilter::from_query(filter.as_query()), filter);
        }
        assert_eq!(
            ChecklistFilter::from_query(Some("<script>")),
            ChecklistFilter::All
        );
        let done = item("a", OnboardingStatus::Done, CompletedBy::Partner);
        let blocked = item("b", OnboardingStatus::Blocked, CompletedBy::Partner);
        assert!(ChecklistFilter::Done.shows(&done) && !ChecklistFilter::Done.shows(&blocked));
        assert!(ChecklistFilter::Todo.shows(&blocked) && !ChecklistFilter::Todo.shows(&done));
    }

    #[test]
    fn unticking_an_item_past_its_due_date_makes_it_overdue_again() {
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        let done = item("a", OnboardingStatus::Done, CompletedBy::Partner);
        assert_eq!(
            ticked(&done, false, today).status,
            OnboardingStatus::Overdue
        );
        assert_eq!(
            ticked(&done, false, "2026-11-01".parse().unwrap()).status,
            OnboardingStatus::Todo
        );
        assert_eq!(ticked(&done, true, today).status, OnboardingStatus::Done);
    }

    #[test]
    fn only_partner_items_that_are_not_blocked_can_be_ticked() {
        assert!(partner_can_tick(&item(
            "a",
            OnboardingStatus::Todo,
            CompletedBy::Partner
        )));
        assert!(!partner_can_tick(&item(
            "a",
            OnboardingStatus::Todo,
            CompletedBy::Vendor
        )));
        assert!(!partner_can_tick(&item(
            "a",
            OnboardingStatus::Blocked,
            CompletedBy::Partner
        )));
        let observed = OnboardingItem {
            completes_when: Some("Done by itself when you register a deal.".into()),
            ..item("a", OnboardingStatus::Todo, CompletedBy::Partner)
        };
        assert!(!partner_can_tick(&observed), "the backend completes it");
    }

    #[test]
    fn a_phase_finished_by_the_last_tick_is_noticed_once() {
        use OnboardingStatus::*;
        let before = vec![phase(
            "1",
            vec![
                item("a", Done, CompletedBy::Partner),
                item("b", Todo, CompletedBy::Partner),
            ],
        )];
        let mut after = before.clone();
        replace_item(&mut after, item("b", Done, CompletedBy::Partner));
        assert_eq!(newly_completed(&before, &after).as_deref(), Some("Phase 1"));
        assert_eq!(newly_completed(&after, &after), None);
        assert_eq!(overall(&after), Progress { done: 2, total: 2 });
    }
}
