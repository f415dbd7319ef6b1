use super::*;

fn line(status: EarningStatus, amount_minor: i64, currency: &str) -> EarningLine {
    EarningLine {
        id: "ern-1".into(),
        kind: EarningKind::Rebate,
        status,
        amount: Money {
            amount_minor,
            currency: currency.into(),
        },
        description: "Hôtel Beaumont SA".into(),
        deal_id: Some("DR-2026-00003".into()),
        program: None,
        certificate_id: None,
        earned_at: "2026-10-01T09:00:00Z".parse().unwrap(),
        expected_payout_on: None,
        payout_id: (status == EarningStatus::Paid).then(|| "pay-1".into()),
        declined_reason: (status == EarningStatus::Declined).then(|| "Deal lost".into()),
    }
}

#[test]
fn totals_add_each_currency_by_status_exactly() {
    let lines = [
        line(EarningStatus::Pending, 125_050, "EUR"),
        line(EarningStatus::Paid, 1, "EUR"),
        line(EarningStatus::Pending, 98_000, "JPY"),
        line(EarningStatus::Pending, 2, "EUR"),
        line(EarningStatus::Declined, 500, "EUR"),
    ];
    let totals = totals(&lines).unwrap();
    assert_eq!(totals.len(), 2);
    assert_eq!(totals[0].currency, "EUR");
    assert_eq!(totals[0].pending_minor, 125_052);
    assert_eq!(totals[0].paid_minor, 1);
    assert_eq!(totals[0].declined_minor, 500);
    assert_eq!(totals[1].currency, "JPY");
    assert_eq!(totals[1].pending_minor, 98_000);
    let huge = [
        line(EarningStatus::Pending, i64::MAX, "EUR"),
        line(EarningStatus::Pending, 1, "EUR"),
    ];
    assert_eq!(super::totals(&huge), None);
}

#[test]
fn a_line_keeps_the_money_rules_or_names_the_one_it_breaks() {
    assert_eq!(line(EarningStatus::Paid, 100, "USD").broken_rules(), []);
    assert_eq!(line(EarningStatus::Declined, 100, "USD").broken_rules(), []);
    let mut silent = line(EarningStatus::Declined, 100, "USD");
    silent.declined_reason = Some("  ".into());
    assert_eq!(silent.broken_rules(), [EarningRuleBroken::ReasonMismatch]);
    let mut in_payout = line(EarningStatus::Available, 100, "USD");
    in_payout.payout_id = Some("pay-2".into());
    assert_eq!(in_payout.broken_rules(), []);
    let mut unpaid = line(EarningStatus::Approved, 0, "XXX");
    unpaid.payout_id = Some("pay-1".into());
    unpaid.deal_id = None;
    assert_eq!(
        unpaid.broken_rules(),
        [
            EarningRuleBroken::AmountNotPositive,
            EarningRuleBroken::UnknownCurrency,
            EarningRuleBroken::PayoutMismatch,
            EarningRuleBroken::Untied,
        ]
    );
}

#[test]
fn lines_move_forward_one_step_or_are_declined_before_payment() {
    use EarningStatus::*;
    assert!(Pending.may_become(Approved));
    assert!(Available.may_become(Paid));
    assert!(Approved.may_become(Declined));
    assert!(!Pending.may_become(Paid));
    assert!(!Paid.may_become(Declined));
    assert!(!Declined.may_become(Approved));
}

#[test]
fn statuses_and_kinds_read_and_write_their_wire_names() {
    let text = serde_json::to_string(&line(EarningStatus::Available, 4_200, "JPY")).unwrap();
    assert!(text.contains(r#""status":"available""#), "{text}");
    assert!(text.contains(r#""kind":"rebate""#), "{text}");
    let back: EarningLine = serde_json::from_str(&text).unwrap();
    assert_eq!(back, line(EarningStatus::Available, 4_200, "JPY"));
    assert_eq!(
        EarningKind::parse("certification_bonus"),
        Some(EarningKind::CertificationBonus)
    );
}

#[test]
fn a_decision_names_the_field_it_gets_wrong() {
    use EarningStatus::*;
    let decide = |status, reason: Option<&str>, day: Option<&str>| EarningDecision {
        status,
        reason: reason.map(Into::into),
        expected_payout_on: day.map(|d| d.parse().unwrap()),
    };
    let approve = decide(Approved, None, Some("2026-12-15"));
    assert_eq!(approve.broken_field(Pending), None);
    assert_eq!(approve.broken_field(Approved), Some("status"));
    assert_eq!(
        decide(Approved, None, None).broken_field(Pending),
        Some("expected_payout_on")
    );
    assert_eq!(
        decide(Paid, None, None).broken_field(Available),
        Some("status")
    );
    assert_eq!(
        decide(Declined, Some("   "), None).broken_field(Pending),
        Some("reason")
    );
    assert_eq!(
        decide(Declined, Some("Deal lost"), None).broken_field(Approved),
        None
    );
    assert_eq!(
        decide(Declined, Some("Deal lost"), None).broken_field(Paid),
        Some("status")
    );
    assert_eq!(
        decide(Available, Some("why"), None).broken_field(Approved),
        Some("reason")
    );
}

#[test]
fn the_list_parameters_read_back_what_they_write_and_refuse_the_rest() {
    let params = EarningsParams {
        status: Some(EarningStatus::Declined),
        kind: Some(EarningKind::Spiff),
        sort: EarningSort::parse("amount").unwrap(),
        cursor: Some("100".into()),
        limit: Some(50),
    };
    let query = params.to_query();
    assert_eq!(EarningsParams::parse(query.pairs()), Ok(params));
    assert_eq!(EarningsParams::default().to_query().to_suffix(), "");
    let parse = |pairs: &[(&str, &str)]| EarningsParams::parse(pairs.iter().copied());
    assert!(parse(&[("status", "lost")]).is_err());
    assert!(parse(&[("kind", "rebate"), ("kind", "spiff")]).is_err());
    assert!(parse(&[("sort", "-value")]).is_err());
    assert!(parse(&[("limit", "501")]).is_err());
}
