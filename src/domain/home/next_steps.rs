//! "What should I do next?": everything waiting for the partner across sections, ranked by
//! consequence: a lapse that costs a tier requirement first, then overdue work, then deals
//! waiting for them, then what ends soon, then what is merely due.

use api_types::{
    Certification, CompletedBy, DealStatus, DealSummary, OnboardingPhase, OnboardingStatus,
    SurveySummary, TierProgress,
};
use chrono::NaiveDate;

use crate::domain::deal::waiting_reason;
use crate::domain::training::{expiry_warning, ExpiryWarning};
use crate::text::dates::{days_until, due_phrase, expiry_phrase};
use crate::text::i18n::tr;
use crate::text::labels::Label;

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
    /// Deals waiting for the partner (`needs_you`): questions, and protection running short.
    pub deals: Option<&'a [DealSummary]>,
    /// Open surveys.
    pub surveys: Option<&'a [SurveySummary]>,
    /// The next tier: a requirement the backend says is at risk puts its lapse first.
    pub tier: Option<&'a TierProgress>,
}

/// Every action waiting for the partner, most urgent first.
pub fn next_actions(sources: Sources, today: NaiveDate) -> Vec<NextAction> {
    let mut actions = Vec::new();
    let certifications = sources.certifications.unwrap_or_default();
    // A requirement of the next tier that a lapse would lower, and what the backend says of it.
    let risk = sources.tier.and_then(|tier| {
        tier.requirements.iter().find_map(|r| {
            let words = r.at_risk.as_ref()?;
            Some((
                tr(
                    "next.requirement_for",
                    &[("requirement", &r.label), ("tier", &tier.tier.label())],
                ),
                words,
            ))
        })
    });
    // The partner's own part in it: their only current certification, lapsing within 30 days.
    let own_lapse = certifications
        .iter()
        .filter_map(|c| Some((c, c.expires_on?)))
        .find(|(c, ends)| {
            (0..=30).contains(&days_until(*ends, today))
                && !certifications.iter().any(|o| {
                    o.id != c.id && o.earned_on.is_some() && o.expires_on.is_none_or(|e| e > *ends)
                })
        })
        .map(|(c, _)| c.id.as_str())
        .filter(|_| risk.is_some());
    if let (Some((requirement, words)), None) = (&risk, own_lapse) {
        // Someone else's lapse: the team page shows whose, and they renew it.
        actions.push(NextAction {
            title: tr("next.keep", &[("requirement", requirement)]),
            detail: (*words).clone(),
            path: "/team".into(),
            urgency: Urgency::High,
            rank: (0, 0),
        });
    }
    for item in sources
        .onboarding
        .unwrap_or_default()
        .iter()
        .flat_map(|p| &p.items)
    {
        // The partner's own open work, including steps that complete themselves once done.
        if item.completed_by != CompletedBy::Partner
            || matches!(
                item.status,
                OnboardingStatus::Done | OnboardingStatus::Blocked
            )
        {
            continue;
        }
        let days = days_until(item.due_on, today);
        let class = match days {
            d if d < 0 => 1,
            d if d <= 7 => 4,
            _ => continue,
        };
        actions.push(NextAction {
            title: item.title.clone(),
            detail: tr(
                "next.onboarding",
                &[("due", &due_phrase(item.due_on, today))],
            ),
            path: "/onboarding?show=todo".into(),
            urgency: if class == 1 {
                Urgency::High
            } else {
                Urgency::Medium
            },
            rank: (class, days),
        });
    }
    for deal in sources.deals.unwrap_or_default() {
        let Some(reason) = waiting_reason(deal, today) else {
            continue;
        };
        let (title, urgency, rank) = match deal.protection_expires_on {
            _ if deal.status == DealStatus::MoreInfoRequested => (
                "next.answer_about",
                Urgency::High,
                (2, deal.updated_at.timestamp()),
            ),
            Some(ends) => {
                let days = days_until(ends, today);
                let urgency = if days <= 3 {
                    Urgency::High
                } else {
                    Urgency::Medium
                };
                ("next.close_or_extend", urgency, (3, days))
            }
            None => continue,
        };
        actions.push(NextAction {
            title: tr(title, &[("customer", &deal.customer_company)]),
            detail: tr(
                "next.deal",
                &[("reference", &deal.reference), ("reason", &reason)],
            ),
            path: format!("/deals/{}", deal.reference),
            urgency,
            rank,
        });
    }
    for cert in certifications {
        let (days, detail) = match (expiry_warning(cert, today), cert.expires_on) {
            (ExpiryWarning::Soon(d), Some(expiry)) if d <= 30 => (d, expiry_phrase(expiry, today)),
            (ExpiryWarning::Expired(d), Some(expiry)) => (-d, expiry_phrase(expiry, today)),
            _ => continue,
        };
        let cost = (own_lapse == Some(cert.id.as_str()))
            .then(|| risk.as_ref().map(|(requirement, _)| requirement))
            .flatten();
        actions.push(NextAction {
            title: tr("next.recertify", &[("name", &cert.name)]),
            detail: match cost {
                Some(requirement) => tr(
                    "next.cert_falls",
                    &[("when", &detail), ("requirement", requirement)],
                ),
                None => tr("next.cert", &[("when", &detail)]),
            },
            path: "/training".into(),
            urgency: if days < 0 || cost.is_some() {
                Urgency::High
            } else {
                Urgency::Medium
            },
            rank: (if cost.is_some() { 0 } else { 3 }, days),
        });
    }
    for survey in sources.surveys.unwrap_or_default() {
        actions.push(NextAction {
            title: tr("next.answer_survey", &[("title", &survey.title)]),
            detail: tr("next.survey", &[("due", &due_phrase(survey.due_on, today))]),
            path: format!("/feedback/surveys/{}", survey.id),
            urgency: Urgency::Low,
            rank: (5, days_until(survey.due_on, today)),
        });
    }
    crate::domain::stable_sort::sort_by_key(&mut actions, |a| a.rank);
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::{
        CertificationStatus, Level, Measure, Money, OnboardingItem, OnboardingItemKind, TierLevel,
        TierRequirement,
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
            completes_when: None,
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
            carried_over: false,
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
        let mut uncovered = deal(DealStatus::Approved);
        uncovered.customer_company = "Thalès Maritime".into();
        uncovered.protection_expires_on = Some("2027-01-10".parse().unwrap());
        uncovered.expected_close_on = "2027-03-01".parse().unwrap();
        let deals = [
            deal(DealStatus::Approved),
            deal(DealStatus::MoreInfoRequested),
            ending,
            later,
            uncovered,
        ];
        let sources = Sources {
            onboarding: Some(&phases),
            certifications: Some(&certs),
            deals: Some(&deals),
            surveys: Some(&surveys),
            tier: None,
        };
        let titles: Vec<String> = next_actions(sources, today())
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
                "Close or extend: Thalès Maritime",
                "soon",
                "Answer “Pulse”",
            ]
        );
    }

    #[test]
    fn a_lapse_that_costs_a_tier_requirement_comes_first() {
        let phases = phases();
        let tier = |at_risk: Option<&str>| TierProgress {
            tier: TierLevel::Gold,
            requirements: vec![TierRequirement {
                id: "people".into(),
                label: "Certified people".into(),
                current: Measure::Count { value: 2 },
                target: Measure::Count { value: 3 },
                at_risk: at_risk.map(str::to_owned),
            }],
            benefits: vec![],
            rebate_basis_points: 800,
        };
        let at_risk = tier(Some(
            "Théo Laurent’s Cert 2026-12-10 lapses on 10 Dec 2026: this falls to 1.",
        ));
        // Her only current certification lapses: renewing it comes first.
        let certs = [cert("2026-12-10"), cert("2026-10-01")];
        let sources = Sources {
            onboarding: Some(&phases),
            certifications: Some(&certs),
            tier: Some(&at_risk),
            ..Sources::default()
        };
        let first = &next_actions(sources, today())[0];
        assert_eq!(first.title, "Recertify: Cert 2026-12-10");
        assert_eq!(
            first.detail,
            "Certification expires in 17 days; Certified people for Gold falls with it"
        );
        assert_eq!(first.urgency, Urgency::High);
        // She holds another one for longer: the lapse is someone else's.
        let longer = [cert("2026-12-10"), cert("2027-06-01")];
        let actions = next_actions(
            Sources {
                certifications: Some(&longer),
                ..sources
            },
            today(),
        );
        assert_eq!(actions[0].title, "Keep Certified people for Gold");
        assert_eq!(actions[0].path, "/team");
        assert_eq!(actions[1].title, "very late");
        // Nothing at risk: a lapse is one step among others.
        let calm = tier(None);
        let actions = next_actions(
            Sources {
                tier: Some(&calm),
                ..sources
            },
            today(),
        );
        assert_eq!(actions[0].title, "very late");
    }

    #[test]
    fn sections_that_failed_to_load_add_nothing_and_nothing_is_fine() {
        assert!(next_actions(Sources::default(), today()).is_empty());
        let phases = phases();
        let only = next_actions(
            Sources {
                onboarding: Some(&phases),
                ..Sources::default()
            },
            today(),
        );
        assert_eq!(only[0].path, "/onboarding?show=todo");
        assert_eq!(only[0].detail, "Onboarding, 22 days overdue");
        assert_eq!(only[0].urgency, Urgency::High);
    }
}
