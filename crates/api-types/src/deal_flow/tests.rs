//! The deal conversation's rules, step by step.

use super::*;
use DealStatus::*;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

const TODAY: &str = "2026-11-24";

fn at(status: DealStatus) -> DealPosition {
    DealPosition {
        status,
        protection_expires_on: None,
        extension_pending: false,
    }
}

fn protected(until: &str, extension_pending: bool) -> DealPosition {
    DealPosition {
        status: Approved,
        protection_expires_on: Some(day(until)),
        extension_pending,
    }
}

fn request(step: StepName, note: Option<&str>, date: Option<&str>) -> DealStepRequest {
    DealStepRequest {
        step,
        note: note.map(str::to_owned),
        protection_ends_on: date.map(day),
    }
}

fn by(side: Side, position: DealPosition, step: DealStepRequest) -> Result<StepTaken, StepRefused> {
    take_step(
        position,
        &step.read().expect("a complete request"),
        side,
        day(TODAY),
    )
}

fn channel(position: DealPosition, step: DealStepRequest) -> Result<DealStatus, StepRefused> {
    by(Side::ChannelTeam, position, step).map(|taken| taken.status)
}

#[test]
fn a_deal_goes_from_review_through_a_question_to_approval_and_a_win() {
    use StepName::*;
    assert_eq!(
        channel(at(Submitted), request(StartReview, None, None)),
        Ok(UnderReview)
    );
    let question = request(RequestInformation, Some("Which sites?"), None);
    assert_eq!(channel(at(UnderReview), question), Ok(MoreInfoRequested));
    let answer = request(Answer, Some("Two: Lyon and Grenoble."), None);
    let answered = by(Side::Partner, at(MoreInfoRequested), answer).unwrap();
    assert_eq!(
        (answered.kind, answered.status),
        (DealStepKind::Answered, UnderReview)
    );
    let approved = by(
        Side::ChannelTeam,
        at(UnderReview),
        request(Approve, None, Some("2027-02-22")),
    )
    .unwrap();
    assert_eq!(approved.protection_expires_on, Some(day("2027-02-22")));
    assert_eq!(
        channel(
            protected("2027-02-22", false),
            request(RecordWon, None, None)
        ),
        Ok(Won)
    );
}

#[test]
fn each_side_takes_only_its_own_steps_and_only_from_the_right_status() {
    use StepName::*;
    let answer = || request(Answer, Some("Here it is."), None);
    assert_eq!(
        channel(at(MoreInfoRequested), answer()),
        Err(StepRefused::NotYourStep)
    );
    assert_eq!(
        by(
            Side::Partner,
            at(Submitted),
            request(StartReview, None, None)
        ),
        Err(StepRefused::NotYourStep)
    );
    assert_eq!(
        by(Side::Partner, at(UnderReview), answer()),
        Err(StepRefused::NotFrom(UnderReview))
    );
    for closed in [Rejected, Won, Lost, Expired, Withdrawn] {
        for step in [StartReview, RecordWon, RecordLost] {
            assert_eq!(
                channel(at(closed), request(step, None, None)),
                Err(StepRefused::NotFrom(closed))
            );
        }
        assert_eq!(
            by(Side::Partner, at(closed), request(Withdraw, None, None)),
            Err(StepRefused::NotFrom(closed))
        );
    }
    assert_eq!(
        channel(at(Submitted), request(RecordWon, None, None)),
        Err(StepRefused::NotFrom(Submitted)),
        "only an approved deal is won or lost"
    );
}

#[test]
fn questions_and_reasons_need_words_and_dates_must_be_given() {
    use StepName::*;
    let broken = |step, note: Option<&str>, date| request(step, note, date).read().unwrap_err();
    assert_eq!(
        broken(Reject, Some("   "), None),
        Broken {
            field: "note",
            rule: Rule::Missing
        }
    );
    assert_eq!(broken(RequestInformation, None, None).field, "note");
    assert_eq!(
        broken(Approve, None, None),
        Broken {
            field: "protection_ends_on",
            rule: Rule::Missing
        }
    );
    assert_eq!(
        broken(RequestExtension, Some("A long tender"), None).field,
        "protection_ends_on"
    );
    assert_eq!(
        broken(Withdraw, Some("no"), None),
        Broken {
            field: "note",
            rule: Rule::Length { min: 3, max: 2000 }
        },
        "a reason to withdraw is optional, but if given it says something"
    );
    assert_eq!(
        request(Withdraw, Some("  "), None).read(),
        Ok(DealStep::Withdraw { reason: None })
    );
    let reason = request(
        Reject,
        Some(" Already registered by another partner. "),
        None,
    );
    assert_eq!(
        reason.read().unwrap().note(),
        Some("Already registered by another partner.")
    );
    assert_eq!(
        channel(at(UnderReview), request(Approve, None, Some(TODAY))),
        Err(StepRefused::DateNotAhead)
    );
}

#[test]
fn a_partner_asks_once_for_longer_protection_and_the_channel_team_decides() {
    use StepName::*;
    let ask = |until| {
        request(
            RequestExtension,
            Some("The tender runs into March."),
            Some(until),
        )
    };
    assert_eq!(
        by(
            Side::Partner,
            protected("2027-01-31", false),
            ask("2027-01-15")
        ),
        Err(StepRefused::DateNotAhead),
        "an extension ends after the current protection"
    );
    let asked = by(
        Side::Partner,
        protected("2027-01-31", false),
        ask("2027-03-31"),
    )
    .unwrap();
    assert_eq!(
        (asked.kind, asked.status, asked.protection_expires_on),
        (
            DealStepKind::ExtensionRequested,
            Approved,
            Some(day("2027-01-31"))
        )
    );
    assert_eq!(
        by(
            Side::Partner,
            protected("2027-01-31", true),
            ask("2027-03-31")
        ),
        Err(StepRefused::Extension { pending: true })
    );
    assert_eq!(
        by(
            Side::Partner,
            protected("2026-11-01", false),
            ask("2027-03-31")
        ),
        Err(StepRefused::ProtectionOver)
    );
    let granted = by(
        Side::ChannelTeam,
        protected("2027-01-31", true),
        request(GrantExtension, None, Some("2027-03-31")),
    )
    .unwrap();
    assert_eq!(granted.protection_expires_on, Some(day("2027-03-31")));
    assert_eq!(
        by(
            Side::ChannelTeam,
            protected("2027-01-31", false),
            request(RefuseExtension, Some("No."), None)
        ),
        Err(StepRefused::Extension { pending: false })
    );
}

#[test]
fn the_last_extension_step_says_whether_one_is_waiting() {
    let event = |step| DealEvent {
        step,
        status: DealStatus::Approved,
        at: chrono::DateTime::UNIX_EPOCH,
        actor: "Amélie".into(),
        note: None,
        protection_ends_on: None,
    };
    use DealStepKind::*;
    assert!(!extension_pending(&[event(Approved)]));
    assert!(extension_pending(&[
        event(Approved),
        event(ExtensionRequested)
    ]));
    assert!(!extension_pending(&[
        event(ExtensionRequested),
        event(ExtensionRefused)
    ]));
    assert!(extension_pending(&[
        event(ExtensionGranted),
        event(ExtensionRequested),
        event(Won)
    ]));
}
