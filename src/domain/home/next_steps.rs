//! "What should I do next?": the few most urgent things across sections, ranked so the partner
//! sees what costs them most first (overdue work, deals waiting on them, lapsing certifications).

use api_types::{
    Certification, DealStatus, DealSummary, OnboardingPhase, OnboardingStatus, SurveySummary,
};
use chrono::NaiveDate;

use crate::domain::onboarding::partner_can_tick;
use crate::domain::training::{expiry_warning, ExpiryWarning};
use crate::text::dates::{days_until, due_phrase, expiry_phrase};

/// How loud an action should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    /// Late or lapsing: costs the partner now.
    High,
    /// Coming up soon.
    Medium,
    /// Worth doing.
    Low,
}

impl Urgency {
    /// Modifier for CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::High => "high",
            Self::Medium => "medium",
            Self::Low => "low",
        }
    }
}

/// One suggested step with where it is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextAction {
    /// What to do.
    pub title: String,
    /// Why now.
    pub detail: String,
    /// The app path where it is done.
    pub path: String,
    /// How loud to show it.
    pub urgency: Urgency,
    rank: (u8, i64),
}

/// What each section supplied; a section that failed to load is `None` and simply adds nothing.
#[derive(Clone, Copy, Default)]
pub struct Sources<'a> {
    /// Onboarding phases.
    pub onboarding: Option<&'a [OnboardingPhase]>,
    /// The user's certifications.
    pub certifications: Option<&'a [Certification]>,
    /// Deals (any status; only those waiting on the partner count).
    pub deals: Option<&'a [DealSummary]>,
    /// Approved deals, soonest end of protection first (those ending within 14 days count).
    pub protected: Option<&'a [DealSummary]>,
    /// Open surveys.
    pub surveys: Option<&'a [SurveySummary]>,
}

/// An approved deal whose protection ends within this many days is worth a step.
pub const PROTECTION_WARNING_DAYS: i64 = 14;

/// The `limit` most urgent actions, most urgent first.
pub fn next_actions(sources: Sources, today: NaiveDate, limit: usize) -> Vec<NextAction> {
    let mut actions = Vec::new();
    for item in sources
        .onboarding
        .unwrap_or_default()
        .iter()
        .flat_map(|p| &p.items)
    {
        if !partner_can_tick(item) || item.status == OnboardingStatus::Done {
            continue;
        }
        let days = days_until(item.due_on, today);
        let class = match days {
            d if d < 0 => 0,
            d if d <= 7 => 3,
            _ => continue,
        };
        actions.push(NextAction {
            title: item.title.clone(),
            detail: format!("Onboarding, {}", due_phrase(item.due_on, today)),
            path: "/onboarding?show=todo".into(),
            urgency: if class == 0 {
                Urgency::High
            } else {
                Urgency::Medium
            },
            rank: (class, days),
        });
    }
    for deal in sources
        .deals
        .unwrap_or_default()
        .iter()
        .filter(|d| d.status == DealStatus::MoreInfoRequested)
    {
        actions.push(NextAction {
            title: format!("Answer the channel team about {}", deal.customer_company),
            detail: format!(
                "Deal {} is waiting for more information from you",
                deal.reference
            ),
            path: format!("/deals/{}", deal.reference),
            urgency: Urgency::High,
            rank: (1, deal.updated_at.timestamp()),
        });
    }
    for deal in sources.protected.unwrap_or_default() {
        let Some(ends) = deal
            .protection_expires_on
            .filter(|_| deal.status == DealStatus::Approved)
        else {
            continue;
        };
        let days = days_until(ends, today);
        if !(0..=PROTECTION_WARNING_DAYS).contains(&days) {
            continue;
        }
        actions.push(NextAction {
            title: format!("Close or extend: {}", deal.customer_company),
            detail: format!(
                "Deal {}: protection ends {}",
                deal.reference,
                match days {
                    0 => "today".to_owned(),
                    1 => "tomorrow".to_owned(),
                    n => format!("in {n} days"),
                }
            ),
            path: format!("/deals/{}", deal.reference),
            urgency: if days <= 3 {
                Urgency::High
            } else {
                Urgency::Medium
            },
            rank: (2, days),
        });
    }
    for cert in sources.certifications.unwrap_or_default() {
        let (days, detail) = match (expiry_warning(cert, today), cert.expires_on) {
            (ExpiryWarning::Soon(d), Some(expiry)) if d <= 30 => (d, expiry_phrase(expiry, today)),
            (ExpiryWarning::Expired(d), Some(expiry)) => (-d, expiry_phrase(expiry, today)),
            _ => continue,
        };
        actions.push(NextAction {
            title: format!("Recertify: {}", cert.name),
            detail: format!("Certification {detail}"),
            path: "/training".into(),
            urgency: if days < 0 {
                Urgency::High
            } else {
                Urgency::Medium
            },
            rank: (2, days),
        });
    }
    for survey in sources.surveys.unwrap_or_default() {
        actions.push(NextAction {
            title: format!("Answer “{}”", survey.title),
            detail: format!("Survey, {}", due_phrase(survey.due_on, today)),
            path: format!("/feedback/surveys/{}", survey.id),
            urgency: Urgency::Low,
            rank: (4, days_until(survey.due_on, today)),
        });
    }
    crate::domain::stable_sort::sort_by_key(&mut actions, |a| a.rank);
    actions.truncate(limit);
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::{
        CertificationStatus, CompletedBy, Level, Money, OnboardingItem, OnboardingItemKind,
    };

    fn today() -> NaiveDate {
        "2026-11-23".parse().unwrap()
    }

    fn item(id: &str, due: &str, status: OnboardingStatus, by: CompletedBy) -> OnboardingItem {
        OnboardingItem {
            id: id.into(),
            title: id.into(),
            description: String::new(),
            kind: OnboardingItemKind::Task,
            due_on: due.parse().unwrap(),
            status,
            completed_by: by,
            completed_at: None,
            blocked_reason: None,
            links: vec![],
        }
    }

    fn phases() -> Vec<OnboardingPhase> {
        use OnboardingStatus::*;
        let items = vec![
            item("a little late", "2026-11-20", Overdue, CompletedBy::Partner),
            item("very late", "2026-11-01", Overdue, CompletedBy::Partner),
            item("vendor late", "2026-11-01", Overdue, CompletedBy::Vendor),
            item("soon", "2026-11-25", Todo, CompletedBy::Partner),
            item("later", "2027-01-25", Todo, CompletedBy::Partner),
            item("done", "2026-11-01", Done, CompletedBy::Partner),
        ];
        vec![OnboardingPhase {
            id: "p".into(),
            title: "P".into(),
            ends_on_day: 30,
            items,
        }]
    }

    fn cert(expires: &str) -> Certification {
        Certification {
            id: expires.into(),
            name: format!("Cert {expires}"),
            level: Level::Foundation,
            status: CertificationStatus::Earned,
            earned_on: Some("2024-01-01".parse().unwrap()),
            expires_on: Some(expires.parse().unwrap()),
            requirements: vec![],
            recertification: String::new(),
        }
    }

    fn deal(status: DealStatus) -> DealSummary {
        DealSummary {
            reference: "DR-2026-00007".into(),
            customer_company: "Café Olé SARL".into(),
            country: "FR".into(),
            value: Money {
                amount_minor: 1,
                currency: "EUR".into(),
            },
            expected_close_on: today(),
            status,
            protection_expires_on: None,
            updated_at: "2026-11-20T10:00:00Z".parse().unwrap(),
        }
    }

    #[test]
    fn overdue_work_comes_first_then_waiting_deals_then_lapsing_certifications() {
        let phases = phases();
        let certs = [cert("2026-12-10"), cert("2027-06-01"), cert("2026-10-01")];
        let deals = [
            deal(DealStatus::Approved),
            deal(DealStatus::MoreInfoRequested),
        ];
        let surveys = [SurveySummary {
            id: "s".into(),
            title: "Pulse".into(),
            description: String::new(),
            due_on: "2026-12-01".parse().unwrap(),
            question_count: 5,
        }];
        let mut ending = deal(DealStatus::Approved);
        ending.protection_expires_on = Some("2026-12-03".parse().unwrap());
        let mut later = deal(DealStatus::Approved);
        later.protection_expires_on = Some("2027-03-01".parse().unwrap());
        let protected = [ending, later];
        let sources = Sources {
            onboarding: Some(&phases),
            certifications: Some(&certs),
            deals: Some(&deals),
            protected: Some(&protected),
            surveys: Some(&surveys),
        };
        let titles: Vec<String> = next_actions(sources, today(), 10)
            .into_iter()
            .map(|a| a.title)
            .collect();
        assert_eq!(
            titles,
            [
                "very late",
                "a little late",
                "Answer the channel team about Café Olé SARL",
                "Recertify: Cert 2026-10-01",
                "Close or extend: Café Olé SARL",
                "Recertify: Cert 2026-12-10",
                "soon",
                "Answer “Pulse”",
            ]
        );
        assert_eq!(next_actions(sources, today(), 2).len(), 2);
    }

    #[test]
    fn sections_that_failed_to_load_add_nothing_and_nothing_is_fine() {
        assert!(next_actions(Sources::default(), today(), 5).is_empty());
        let phases = phases();
        let only = next_actions(
            Sources {
                onboarding: Some(&phases),
                ..Sources::default()
            },
            today(),
            5,
        );
        assert_eq!(only[0].path, "/onboarding?show=todo");
        assert_eq!(only[0].detail, "Onboarding, 22 days overdue");
        assert_eq!(only[0].urgency, Urgency::High);
    }
}
