use chrono::{NaiveDate, TimeZone, Utc};

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fund() -> Fund {
    Fund {
        id: "fund-0001".into(),
        kind: FundKind::Mdf,
        name: "MDF H2 2026".into(),
        currency: "EUR".into(),
        amounts: FundAmounts::default(),
        starts_on: day(2026, 7, 1),
        expires_on: day(2026, 12, 31),
    }
}

fn request(
    status: FundRequestStatus,
    amount: i64,
    claim: Option<(ClaimStatus, i64, Option<i64>)>,
) -> FundRequest {
    FundRequest {
        id: "frq-0001".into(),
        fund_id: "fund-0001".into(),
        status,
        activity: "Webinar".into(),
        starts_on: None,
        ends_on: None,
        amount_minor: Some(amount),
        currency: "EUR".into(),
        expected_outcome: "Leads".into(),
        declined_reason: None,
        updated_at: Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
        submitted_at: None,
        claim: claim.map(|(status, claimed_minor, approved_minor)| FundClaim {
            status,
            claimed_minor,
            approved_minor,
            reason: None,
            proof_link: Some("https://example.com/proof".into()),
            proof_file_name: None,
            submitted_at: Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
            paid_on: None,
        }),
    }
}

#[test]
fn every_request_is_counted_once_where_its_money_is() {
    use ClaimStatus as C;
    use FundRequestStatus as R;
    let requests = [
        request(R::Draft, 999, None),
        request(R::Declined, 999, None),
        request(R::Submitted, 100, None),
        request(R::PreApproved, 200, None),
        request(R::PreApproved, 300, Some((C::Declined, 300, None))),
        request(R::PreApproved, 400, Some((C::Submitted, 350, None))),
        request(
            R::PreApproved,
            500,
            Some((C::PartlyApproved, 500, Some(450))),
        ),
        request(R::PreApproved, 600, Some((C::Paid, 600, Some(600)))),
    ];
    let a = fund_amounts(10_000, &requests).unwrap();
    assert_eq!(
        (
            a.requested_minor,
            a.approved_minor,
            a.claimed_minor,
            a.paid_minor
        ),
        (100, 500, 800, 600)
    );
    assert_eq!(a.remaining_minor, 10_000 - 100 - 500 - 800 - 600);
    assert_eq!(
        fund_amounts(i64::MIN, &requests),
        None,
        "an overflow is refused, not wrapped"
    );
}

#[test]
fn a_draft_may_be_incomplete_but_a_submitted_request_must_be_whole_and_fit() {
    let today = day(2026, 11, 23);
    let mut draft = FundRequestDraft {
        fund_id: "fund-0001".into(),
        activity: "We".into(),
        ..FundRequestDraft::default()
    };
    assert!(draft.problems(&fund(), 1000, today).is_empty());
    draft.submit = true;
    let fields: Vec<_> = draft
        .problems(&fund(), 1000, today)
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        ["activity", "expected_outcome", "amount_minor", "starts_on"]
    );
    draft.activity = "Webinar for hospitals".into();
    draft.expected_outcome = "40 attendees".into();
    draft.amount_minor = Some(1001);
    draft.starts_on = Some(day(2026, 12, 1));
    draft.ends_on = Some(day(2027, 1, 2));
    let fields: Vec<_> = draft
        .problems(&fund(), 1000, today)
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["amount_minor", "ends_on"]);
    draft.amount_minor = Some(1000);
    draft.ends_on = Some(day(2026, 12, 2));
    assert!(draft.problems(&fund(), 1000, today).is_empty());
    assert_eq!(
        draft.problems(&fund(), 1000, day(2027, 1, 1))[0].field,
        "fund_id"
    );
}

#[test]
fn a_claim_has_one_proof_of_a_kind_and_size_allowed() {
    let pre_approved = request(FundRequestStatus::PreApproved, 500, None);
    let link = NewClaim {
        amount_minor: 500,
        proof_link: Some("https://example.com/photos".into()),
        proof_file: None,
    };
    assert!(link.problems(&pre_approved).is_empty());
    let too_much = NewClaim {
        amount_minor: 501,
        ..link.clone()
    };
    assert_eq!(too_much.problems(&pre_approved)[0].field, "amount_minor");
    let script = NewClaim {
        proof_link: Some("javascript:alert(1)".into()),
        ..link.clone()
    };
    assert_eq!(script.problems(&pre_approved)[0].field, "proof_link");
    let file = ProofFile {
        name: "attendees.pdf".into(),
        media_type: "application/pdf".into(),
        content_base64: "JVBERi0xLjQK".into(),
    };
    assert_eq!(file.decoded_len(), 9);
    let both = NewClaim {
        proof_file: Some(file.clone()),
        ..link.clone()
    };
    assert_eq!(both.problems(&pre_approved)[0].field, "proof_link");
    let mut with_file = NewClaim {
        proof_link: None,
        proof_file: Some(file),
        amount_minor: 1,
    };
    assert!(with_file.problems(&pre_approved).is_empty());
    if let Some(f) = with_file.proof_file.as_mut() {
        f.media_type = "text/html".into();
        f.content_base64 = "A".repeat(MAX_FILE_BYTES / 3 * 4 + 8);
    }
    let fields: Vec<_> = with_file
        .problems(&pre_approved)
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        ["proof_file.media_type", "proof_file.content_base64"]
    );
    let none = NewClaim {
        amount_minor: 1,
        ..NewClaim::default()
    };
    assert_eq!(none.problems(&pre_approved)[0].field, "proof_file");
}

#[test]
fn decisions_go_one_step_at_a_time_and_refusals_say_why() {
    use ClaimStatus as C;
    use FundRequestStatus as R;
    let why = Some("Outside the program's target market".to_owned());
    let approve = RequestDecision {
        status: R::PreApproved,
        reason: None,
    };
    let decline = RequestDecision {
        status: R::Declined,
        reason: why.clone(),
    };
    assert_eq!(approve.broken_field(R::Submitted), None);
    assert_eq!(decline.broken_field(R::Submitted), None);
    assert_eq!(approve.broken_field(R::Draft), Some("status"));
    let silent = RequestDecision {
        status: R::Declined,
        reason: Some("  ".into()),
    };
    assert_eq!(silent.broken_field(R::Submitted), Some("reason"));

    let claim = |status, approved_minor, reason: &Option<String>, paid_on| ClaimDecision {
        status,
        approved_minor,
        reason: reason.clone(),
        paid_on,
    };
    assert_eq!(
        claim(C::Approved, None, &None, None).broken_field(C::Submitted, 500),
        None
    );
    assert_eq!(
        claim(C::PartlyApproved, Some(400), &why, None).broken_field(C::Submitted, 500),
        None
    );
    assert_eq!(
        claim(C::PartlyApproved, Some(500), &why, None).broken_field(C::Submitted, 500),
        Some("approved_minor")
    );
    assert_eq!(
        claim(C::PartlyApproved, Some(400), &None, None).broken_field(C::Submitted, 500),
        Some("reason")
    );
    assert_eq!(
        claim(C::Declined, None, &why, None).broken_field(C::Submitted, 500),
        None
    );
    assert_eq!(
        claim(C::Paid, None, &None, Some(day(2026, 11, 20))).broken_field(C::Approved, 500),
        None
    );
    assert_eq!(
        claim(C::Paid, None, &None, None).broken_field(C::Approved, 500),
        Some("paid_on")
    );
    assert_eq!(
        claim(C::Paid, None, &None, Some(day(2026, 11, 20))).broken_field(C::Submitted, 500),
        Some("status")
    );
    assert!(may_claim(R::PreApproved, Some(C::Declined)));
    assert!(!may_claim(R::PreApproved, Some(C::Submitted)));
    assert!(!may_claim(R::Submitted, None));
}
