//! What the partner may do on a deal, and the requests the forms build.

use super::*;
use api_types::{Contact, DealEvent, DealSummary, Money};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

const TODAY: &str = "2026-11-24";

fn event(
    step: DealStepKind,
    status: DealStatus,
    note: Option<&str>,
    ends: Option<&str>,
) -> DealEvent {
    DealEvent {
        step,
        status,
        at: "2026-11-20T10:00:00Z".parse().unwrap(),
        actor: "Channel team (Dana Whitfield)".into(),
        note: note.map(str::to_owned),
        protection_ends_on: ends.map(day),
    }
}

fn deal(status: DealStatus, ends: Option<&str>, timeline: Vec<DealEvent>) -> Deal {
    Deal {
        summary: DealSummary {
            reference: "DR-2026-00042".into(),
            customer_company: "Müller Logistik GmbH".into(),
            country: "DE".into(),
            value: Money {
                amount_minor: 100,
                currency: "EUR".into(),
            },
            expected_close_on: day("2027-01-31"),
            status,
            protection_expires_on: ends.map(day),
            updated_at: "2026-11-20T10:00:00Z".parse().unwrap(),
        },
        contact: Contact {
            name: "Jonas".into(),
            email: "j@m.de".into(),
            phone: None,
        },
        products: vec![],
        notes: None,
        submitted_at: "2026-11-01T10:00:00Z".parse().unwrap(),
        timeline,
        points_earned: None,
        expected_earnings: vec![],
    }
}

#[test]
fn a_question_waits_for_the_partner_with_its_words() {
    use DealStepKind::*;
    let asked = deal(
        DealStatus::MoreInfoRequested,
        None,
        vec![
            event(Submitted, DealStatus::Submitted, None, None),
            event(
                InformationRequested,
                DealStatus::MoreInfoRequested,
                Some("Which sites?"),
                None,
            ),
        ],
    );
    let steps = partner_steps(&asked, day(TODAY));
    assert_eq!(steps.question.as_deref(), Some("Which sites?"));
    assert_eq!(steps.extension, Extension::NotNow);
    assert!(steps.can_withdraw);
    assert!(next_step(&asked, day(TODAY)).contains("answer their question below"));
}

#[test]
fn protection_can_be_extended_once_until_the_channel_team_decides() {
    use DealStepKind::*;
    let approved = vec![event(
        Approved,
        DealStatus::Approved,
        None,
        Some("2027-01-31"),
    )];
    let open = deal(DealStatus::Approved, Some("2027-01-31"), approved.clone());
    assert_eq!(
        partner_steps(&open, day(TODAY)).extension,
        Extension::Open(day("2027-01-31"))
    );
    let mut asked = approved;
    asked.push(event(
        ExtensionRequested,
        DealStatus::Approved,
        Some("Tender"),
        Some("2027-03-31"),
    ));
    let waiting = deal(DealStatus::Approved, Some("2027-01-31"), asked);
    assert_eq!(
        partner_steps(&waiting, day(TODAY)).extension,
        Extension::Waiting(Some(day("2027-03-31")))
    );
    let over = deal(DealStatus::Approved, Some("2026-11-01"), vec![]);
    assert_eq!(
        partner_steps(&over, day(TODAY)).extension,
        Extension::NotNow
    );
    let won = deal(DealStatus::Won, Some("2027-01-31"), vec![]);
    let steps = partner_steps(&won, day(TODAY));
    assert_eq!(
        (steps.extension, steps.can_withdraw),
        (Extension::NotNow, false)
    );
}

#[test]
fn drafts_become_requests_or_say_what_to_fix() {
    let open = deal(DealStatus::Approved, Some("2027-01-31"), vec![]);
    let at = position(&open);
    let draft = |note: &str, until: &str| StepDraft {
        note: note.into(),
        until: until.into(),
    };
    let fields = |result: Result<DealStepRequest, Vec<FieldError>>| -> Vec<String> {
        result.unwrap_err().into_iter().map(|e| e.field).collect()
    };
    let today = day(TODAY);
    assert_eq!(
        fields(draft("", "").request(StepName::Answer, at, today)),
        ["note"]
    );
    assert_eq!(
        fields(draft("Tender", "").request(StepName::RequestExtension, at, today)),
        ["protection_ends_on"]
    );
    let too_early =
        draft("The tender runs long.", "2027-01-15").request(StepName::RequestExtension, at, today);
    assert_eq!(
        too_early.unwrap_err()[0].message,
        "Choose a day after the current end of protection, 31 Jan 2027."
    );
    let asked = draft("  The tender runs long. ", "2027-03-31")
        .request(StepName::RequestExtension, at, today)
        .unwrap();
    assert_eq!(asked.note.as_deref(), Some("The tender runs long."));
    assert_eq!(asked.protection_ends_on, Some(day("2027-03-31")));
    let withdraw = draft("  ", "")
        .request(StepName::Withdraw, at, today)
        .unwrap();
    assert_eq!(withdraw.note, None, "a reason to withdraw is optional");
    assert_eq!(
        fields(draft("no", "").request(StepName::Withdraw, at, today)),
        ["note"]
    );
}

#[test]
fn a_draft_is_kept_as_two_texts_and_read_back_leniently() {
    let draft = StepDraft {
        note: "Two sites".into(),
        until: "2027-03-31".into(),
    };
    assert_eq!(StepDraft::from_parts(draft.parts()), draft);
    assert_eq!(StepDraft::from_parts(vec![]), StepDraft::default());
    assert_eq!(
        StepDraft::from_parts(vec!["only a note".into()]).note,
        "only a note"
    );
}

#[test]
fn a_deal_waits_for_the_partner_when_asked_or_when_protection_runs_short() {
    let today = day(TODAY);
    let summary = |status, ends| deal(status, ends, vec![]).summary;
    assert!(
        waiting_reason(&summary(DealStatus::MoreInfoRequested, None), today)
            .unwrap()
            .starts_with("The channel team asked a question")
    );
    assert_eq!(
        waiting_reason(&summary(DealStatus::Approved, Some("2026-12-01")), today).as_deref(),
        Some("Protection ends in 7 days.")
    );
    // Expected close 31 Jan 2027; protection until 1 Jan leaves 30 days uncovered.
    assert_eq!(
        waiting_reason(&summary(DealStatus::Approved, Some("2027-01-01")), today).as_deref(),
        Some("Protection ends on 1 Jan 2027, 30 days before the expected close: ask for longer protection.")
    );
    assert_eq!(
        waiting_reason(&summary(DealStatus::Approved, Some("2027-03-01")), today),
        None
    );
    assert_eq!(waiting_reason(&summary(DealStatus::Won, None), today), None);
}

#[test]
fn protection_is_worded_for_each_state() {
    let summary = |status| deal(status, None, vec![]).summary;
    assert_eq!(
        protected_until(&summary(DealStatus::Submitted)),
        "Not protected yet"
    );
    assert_eq!(
        protected_until(&summary(DealStatus::Rejected)),
        "Not protected"
    );
    assert_eq!(
        protected_until(&summary(DealStatus::Withdrawn)),
        "Not protected"
    );
    assert_eq!(protected_until(&summary(DealStatus::Won)), "Not protected");
    assert_eq!(
        protected_until(&deal(DealStatus::Approved, Some("2027-03-01"), vec![]).summary),
        "1 Mar 2027"
    );
}
