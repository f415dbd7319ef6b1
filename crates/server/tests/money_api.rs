//! Money over real HTTP: the demo partner's lines keep the contract's money rules and add up
//! to their totals exactly, page by page; a deal won earns at the partner's tier in the deal's
//! currency (yen without decimals); the channel team declines with a reason the partner sees
//! in a notification, and pays released lines in a payout that arrives.

mod support;

use api_types::earnings::{totals, EarningLine, EarningStatus, EarningsReport};
use portal_server::{AuthMode, DEMO_OPS_KEY};
use serde_json::{json, Value};
use support::{in_days, new_deal, start, Server};

/// Every line of `path`, page by page, and the totals the first page gave.
fn all_lines(server: &Server, path: &str) -> (Vec<EarningLine>, EarningsReport) {
    let separator = if path.contains('?') { '&' } else { '?' };
    let first: EarningsReport =
        serde_json::from_value(server.get(&format!("{path}{separator}limit=4")).body).unwrap();
    let mut lines = first.lines.clone();
    let mut cursor = first.next_cursor.clone();
    while let Some(next) = cursor {
        let page = server.get(&format!("{path}{separator}limit=4&cursor={next}"));
        assert_eq!(page.status, 200, "{}", page.body);
        let page: EarningsReport = serde_json::from_value(page.body).unwrap();
        assert_eq!(page.totals, first.totals, "every page has the same totals");
        lines.extend(page.lines);
        cursor = page.next_cursor;
    }
    (lines, first)
}

#[test]
fn the_demo_partners_lines_keep_the_rules_and_add_up_to_the_totals() {
    let partner = start(AuthMode::Demo);
    let (lines, report) = all_lines(&partner, "/earnings");
    assert!(lines.len() >= 10, "six weeks of money: {}", lines.len());
    assert_eq!(report.total, lines.len() as u64);
    let mut ids: Vec<&str> = lines.iter().map(|l| l.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), lines.len(), "no line on two pages");
    for line in &lines {
        assert_eq!(line.broken_rules(), [], "{line:?}");
    }
    let mut ours = totals(&lines).unwrap();
    ours.sort_by(|a, b| a.currency.cmp(&b.currency));
    assert_eq!(
        ours, report.totals,
        "the totals are the lines' sums, exactly"
    );
    for status in [
        EarningStatus::Pending,
        EarningStatus::Approved,
        EarningStatus::Available,
        EarningStatus::Paid,
        EarningStatus::Declined,
    ] {
        assert!(
            lines.iter().any(|l| l.status == status),
            "the demo shows a line {status:?}"
        );
    }
    let currencies: Vec<&str> = report.totals.iter().map(|t| t.currency.as_str()).collect();
    assert_eq!(currencies, ["CHF", "EUR"]);
    let declined = partner.get("/earnings?status=declined");
    let declined: EarningsReport = serde_json::from_value(declined.body).unwrap();
    assert_eq!(declined.total, 1);
    assert!(declined.lines[0]
        .declined_reason
        .as_deref()
        .is_some_and(|r| r.contains("maritime distributor")));
    let payouts = serde_json::to_value(&report.payouts).unwrap();
    let statuses: Vec<&str> = payouts
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["in_progress", "paid"], "newest first");
    for payout in payouts.as_array().unwrap() {
        let paid: i64 = lines
            .iter()
            .filter(|l| l.payout_id.as_deref() == payout["id"].as_str())
            .map(|l| l.amount.amount_minor)
            .sum();
        assert_eq!(payout["amount"]["amount_minor"], paid, "{payout}");
    }
    assert_eq!(partner.get("/earnings?status=lost").status, 400);
    assert_eq!(partner.get("/earnings?cursor=-1").status, 400);
    assert_eq!(partner.get("/earnings?cursor=99999999999").status, 400);
}

fn decide(channel: &Server, id: &str, body: Value) -> support::Reply {
    channel.put(&format!("/ops/earnings/{id}"), &body)
}

#[test]
fn a_deal_won_in_yen_earns_without_decimals_and_the_channel_team_declines_and_pays() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    let mut deal = new_deal("Kyoto Ryokan Group", "NW-SEC");
    deal["country"] = json!("JP");
    deal["value"] = json!({"amount_minor": 1_234_567, "currency": "JPY"});
    let registered = partner.post("/deals", &deal, &[]);
    assert_eq!(registered.status, 201, "{}", registered.body);
    let reference = registered.body["reference"].as_str().unwrap().to_owned();
    let steps = format!("/ops/deals/{reference}/steps");
    let mut expected = Value::Null;
    for body in [
        json!({"step": "start_review"}),
        json!({"step": "approve", "protection_ends_on": in_days(90)}),
        json!({"step": "record_won", "note": "Signed."}),
    ] {
        // While open, the deal says what it will earn once won, at the tier's rate today.
        expected = partner.get(&format!("/deals/{reference}")).body["expected_earnings"].clone();
        let taken = channel.post(&steps, &body, &[]);
        assert_eq!(taken.status, 200, "{body}: {}", taken.body);
    }
    let rebate_only =
        json!({"kind": "rebate", "amount": {"amount_minor": 61_728, "currency": "JPY"}});
    let push = json!({"kind": "spiff", "program": "Secure Access push",
        "amount": {"amount_minor": 24_691, "currency": "JPY"}});
    assert_eq!(
        expected,
        json!([rebate_only, push]),
        "the lines it earned, foretold"
    );
    let closed = partner.get(&format!("/deals/{reference}")).body;
    assert!(
        closed.get("expected_earnings").is_none(),
        "a won deal's lines are in /earnings"
    );
    let me = partner.get("/me").body;
    assert_eq!(
        (
            me["rebate_basis_points"].as_u64(),
            me["next_tier"]["rebate_basis_points"].as_u64()
        ),
        (Some(500), Some(800))
    );
    let mine: EarningsReport =
        serde_json::from_value(partner.get("/earnings?status=pending").body).unwrap();
    let won: Vec<&EarningLine> = mine
        .lines
        .iter()
        .filter(|l| l.deal_id.as_deref() == Some(&reference))
        .collect();
    // Silver: 5 % of ¥1,234,567 is ¥61,728.35, rounded to ¥61,728; the push adds 2 %.
    assert_eq!(won.len(), 2, "{won:?}");
    let rebate = won.iter().find(|l| l.program.is_none()).unwrap();
    assert_eq!(
        (rebate.amount.amount_minor, rebate.amount.currency.as_str()),
        (61_728, "JPY")
    );
    let spiff = won.iter().find(|l| l.program.is_some()).unwrap();
    assert_eq!(spiff.amount.amount_minor, 24_691);
    let yen = mine.totals.iter().find(|t| t.currency == "JPY").unwrap();
    assert_eq!(yen.pending_minor, 61_728 + 24_691);

    // A decline says why, and only a decline.
    let silent = decide(&channel, &spiff.id, json!({"status": "declined"}));
    assert_eq!(silent.status, 422);
    assert_eq!(silent.body["errors"][0]["field"], "reason");
    let reason = "Kyoto is outside the Secure Access push's regions.";
    let declined = decide(
        &channel,
        &spiff.id,
        json!({"status": "declined", "reason": reason}),
    );
    assert_eq!(declined.status, 200, "{}", declined.body);
    let feed = partner.get("/notifications").body;
    let items = feed["items"].as_array().unwrap();
    let told = items
        .iter()
        .find(|n| n["kind"] == "earning_declined")
        .unwrap();
    assert_eq!(told["subject"]["id"], spiff.id.as_str());
    assert_eq!(told["note"], reason);
    let again = decide(&channel, &spiff.id, json!({"status": "approved"}));
    assert_eq!(again.status, 409, "a declined line stays declined");

    // Approve, release, pay: the partner sees it under way, then paid.
    let approve = json!({"status": "approved", "expected_payout_on": in_days(14)});
    assert_eq!(decide(&channel, &rebate.id, approve).status, 200);
    let early = channel.post(
        "/ops/payouts",
        &json!({"partner_id": "c-lumiere", "line_ids": [rebate.id], "expected_on": in_days(4)}),
        &[],
    );
    assert_eq!(early.status, 409, "only released lines are paid");
    assert!(early.body["detail"]
        .as_str()
        .is_some_and(|d| d.contains("line_ids[0]")));
    assert_eq!(
        decide(&channel, &rebate.id, json!({"status": "available"})).status,
        200
    );
    let mixed = channel.post(
        "/ops/payouts",
        &json!({"partner_id": "c-sakura", "line_ids": [rebate.id], "expected_on": in_days(4)}),
        &[],
    );
    assert_eq!(
        mixed.status, 409,
        "another partner's line is not theirs to pay"
    );
    let sent = channel.post(
        "/ops/payouts",
        &json!({"partner_id": "c-lumiere", "line_ids": [rebate.id], "expected_on": in_days(4)}),
        &[],
    );
    assert_eq!(sent.status, 201, "{}", sent.body);
    assert_eq!(sent.body["status"], "in_progress");
    assert_eq!(
        sent.body["amount"],
        json!({"amount_minor": 61_728, "currency": "JPY"})
    );
    let payout = sent.body["id"].as_str().unwrap().to_owned();
    assert_eq!(
        partner.get("/earnings?status=declined").body["payouts"][0]["id"],
        payout.as_str(),
        "every payout, whatever the filters"
    );
    let arrival = format!("/ops/payouts/{payout}/arrival");
    let arrived = channel.post(&arrival, &json!({"paid_on": in_days(0)}), &[]);
    assert_eq!(arrived.status, 200, "{}", arrived.body);
    assert_eq!(arrived.body["status"], "paid");
    assert_eq!(
        channel
            .post(&arrival, &json!({"paid_on": in_days(0)}), &[])
            .status,
        409
    );
    let paid: EarningsReport =
        serde_json::from_value(partner.get("/earnings?status=paid&kind=rebate").body).unwrap();
    assert!(paid
        .lines
        .iter()
        .any(|l| l.id == rebate.id && l.payout_id.as_deref() == Some(&payout)));
    let feed = partner.get("/notifications").body;
    let paid_told = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "payout_paid");
    assert_eq!(paid_told.unwrap()["subject"]["title"], "JPY 61728");
}

#[test]
fn only_the_channel_team_reaches_the_money_side() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    assert_eq!(partner.get("/ops/partners/c-lumiere/earnings").status, 403);
    let declined = json!({"status": "declined", "reason": "Not ours to decide"});
    assert_eq!(partner.put("/ops/earnings/ern-1", &declined).status, 403);
    assert_eq!(channel.get("/earnings").status, 403);
    assert_eq!(channel.get("/ops/partners/c-nobody/earnings").status, 404);
    assert_eq!(decide(&channel, "ern-999999", declined.clone()).status, 404);
    assert_eq!(decide(&channel, "pay-1", declined).status, 404);
    let theirs = channel.get("/ops/partners/c-lumiere/earnings").body;
    let ours = partner.get("/earnings").body;
    assert_eq!(
        theirs["totals"], ours["totals"],
        "both sides see the same money"
    );
}
