//! Funds over real HTTP: the demo partner's funds add up (every request counted once, where its
//! money is) with a fund about to expire and a declined claim; a request kept as a draft comes
//! back as typed, is submitted only when whole and within what is left; the channel team
//! pre-approves, declines a claim with a reason the partner is told, approves another in part
//! and pays it; the proof file comes back as a download; each side's credentials stay its own.

mod support;

use api_types::funds::{fund_amounts, ClaimStatus, FundRequestStatus, FundsOverview};
use chrono::{Duration, Utc};
use portal_server::{AuthMode, DEMO_OPS_KEY};
use serde_json::{json, Value};
use support::{in_days, start, Server};

fn overview(server: &Server) -> FundsOverview {
    let reply = server.get("/funds");
    assert_eq!(reply.status, 200, "{}", reply.body);
    serde_json::from_value(reply.body).unwrap()
}

fn field(reply: &support::Reply) -> String {
    assert_eq!(reply.status, 422, "{}", reply.body);
    reply.body["errors"][0]["field"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn the_demo_partners_funds_add_up_and_tell_its_story() {
    let partner = start(AuthMode::Demo);
    let seen = overview(&partner);
    assert!(!seen.funds.is_empty());
    for fund in &seen.funds {
        let own: Vec<_> = seen
            .requests
            .iter()
            .filter(|r| r.fund_id == fund.id)
            .cloned()
            .collect();
        assert_eq!(
            Some(fund.amounts),
            fund_amounts(fund.amounts.allocated_minor, &own),
            "the amounts count each request once"
        );
    }
    let today = Utc::now().date_naive();
    let launch = seen.funds.iter().find(|f| f.name == "Launch fund").unwrap();
    let coop = seen
        .funds
        .iter()
        .find(|f| f.name.starts_with("Co-op"))
        .unwrap();
    assert!(
        coop.expires_on > launch.expires_on,
        "the year's co-op fund lasts longer"
    );
    assert!(launch.expires_on > today && launch.expires_on <= today + Duration::days(30));
    assert!(
        launch.amounts.remaining_minor > 0,
        "money left that will expire"
    );
    let declined = seen
        .requests
        .iter()
        .find_map(|r| {
            r.claim
                .as_ref()
                .filter(|c| c.status == ClaimStatus::Declined)
        })
        .expect("a declined claim");
    assert!(declined
        .reason
        .as_deref()
        .is_some_and(|r| r.contains("attendee list")));
    assert!(seen
        .requests
        .iter()
        .any(|r| r.status == FundRequestStatus::Draft));
    assert!(seen.requests.iter().any(|r| r
        .claim
        .as_ref()
        .is_some_and(|c| c.status == ClaimStatus::Paid)));
    // The channel team never sees a draft.
    let theirs = partner
        .with_token(DEMO_OPS_KEY)
        .get("/ops/partners/c-lumiere/funds");
    assert_eq!(theirs.status, 200);
    assert!(!theirs.body.to_string().contains("\"draft\""));
}

#[test]
fn a_draft_comes_back_as_typed_and_is_submitted_only_when_whole() {
    let partner = start(AuthMode::Demo);
    let fund = overview(&partner).funds[0].clone();
    let draft =
        json!({"fund_id": fund.id, "activity": "Breakfast seminar", "amount_minor": 50_000});
    let saved = partner.post("/funds/requests", &draft, &[]);
    assert_eq!(saved.status, 201, "{}", saved.body);
    assert_eq!(saved.body["status"], "draft");
    let id = saved.body["id"].as_str().unwrap().to_owned();
    let path = format!("/funds/requests/{id}");
    // She leaves and comes back: the draft is there, as typed, counting nothing.
    let back = overview(&partner);
    let kept = back.requests.iter().find(|r| r.id == id).unwrap();
    assert_eq!(
        (kept.activity.as_str(), kept.amount_minor),
        ("Breakfast seminar", Some(50_000))
    );
    assert_eq!(back.funds[0].amounts, fund.amounts);
    // Submitting needs the whole request, within the fund's dates and what is left.
    let mut whole = json!({"fund_id": fund.id, "activity": "Breakfast seminar", "amount_minor": 50_000,
        "expected_outcome": "15 clinic owners, 4 meetings", "submit": true});
    assert_eq!(field(&partner.put(&path, &whole)), "starts_on");
    whole["starts_on"] = json!(in_days(3));
    whole["ends_on"] = json!(in_days(3));
    whole["amount_minor"] = json!(fund.amounts.remaining_minor + 1);
    assert_eq!(field(&partner.put(&path, &whole)), "amount_minor");
    whole["amount_minor"] = json!(50_000);
    let sent = partner.put(&path, &whole);
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert_eq!(sent.body["status"], "submitted");
    let after = overview(&partner).funds[0].amounts;
    assert_eq!(after.requested_minor, fund.amounts.requested_minor + 50_000);
    assert_eq!(after.remaining_minor, fund.amounts.remaining_minor - 50_000);
    assert_eq!(
        partner.put(&path, &whole).status,
        409,
        "a sent request is not edited"
    );
    assert_eq!(partner.call("DELETE", &path, &[], None).status, 409);
    // A new draft is discarded.
    let other = partner.post("/funds/requests", &draft, &[]);
    let other_path = format!("/funds/requests/{}", other.body["id"].as_str().unwrap());
    assert_eq!(partner.call("DELETE", &other_path, &[], None).status, 204);
    assert_eq!(partner.call("DELETE", &other_path, &[], None).status, 404);
    let no_fund = json!({"fund_id": "fund-9999", "activity": "x"});
    assert_eq!(
        field(&partner.post("/funds/requests", &no_fund, &[])),
        "fund_id"
    );
}

/// Submits a whole request for `amount` against the partner's first fund; its id.
fn submitted(partner: &Server, amount: i64) -> String {
    let fund = overview(partner).funds[0].id.clone();
    let body = json!({"fund_id": fund, "activity": "Partner day in Nantes", "amount_minor": amount,
        "expected_outcome": "20 customers; 3 deals registered", "starts_on": in_days(2),
        "ends_on": in_days(2), "submit": true});
    let reply = partner.post("/funds/requests", &body, &[]);
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.body["id"].as_str().unwrap().to_owned()
}

fn feed_notes(partner: &Server, kind: &str) -> Vec<Value> {
    partner.get("/notifications").body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .cloned()
        .collect()
}

#[test]
fn the_channel_team_decides_with_reasons_the_partner_is_told_and_pays() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    let id = submitted(&partner, 80_000);
    let request = format!("/ops/fund-requests/{id}");
    let claim = format!("/funds/requests/{id}/claim");
    let link = json!({"amount_minor": 80_000, "proof_link": "https://photos.example.com/day"});
    assert_eq!(
        partner.post(&claim, &link, &[]).status,
        409,
        "not pre-approved yet"
    );
    assert_eq!(
        field(&channel.put(&request, &json!({"status": "declined", "reason": "  "}))),
        "reason"
    );
    assert_eq!(
        channel
            .put(&request, &json!({"status": "pre_approved"}))
            .status,
        200
    );
    assert_eq!(
        channel
            .put(&request, &json!({"status": "pre_approved"}))
            .status,
        409
    );
    // A proof file: sent inline, checked, and downloadable by both sides only.
    let file = json!({"amount_minor": 80_000, "proof_file": {"name": "attendees.pdf",
        "media_type": "application/pdf", "content_base64": "JVBERi0xLjQK"}});
    let bad = json!({"amount_minor": 80_000, "proof_file": {"name": "x.html",
        "media_type": "text/html", "content_base64": "PGgxPg=="}});
    assert_eq!(
        field(&partner.post(&claim, &bad, &[])),
        "proof_file.media_type"
    );
    let sent = partner.post(&claim, &file, &[]);
    assert_eq!(sent.status, 201, "{}", sent.body);
    assert_eq!(sent.body["claim"]["proof_file_name"], "attendees.pdf");
    let proof = channel.get(&format!("{request}/proof"));
    assert_eq!(proof.status, 200);
    assert_eq!(proof.header("content-type"), Some("application/pdf"));
    assert!(proof
        .header("content-disposition")
        .is_some_and(|d| d.starts_with("attachment")));
    assert_eq!(
        partner.get(&format!("/funds/requests/{id}/proof")).status,
        200
    );
    assert_eq!(
        partner.post(&claim, &link, &[]).status,
        409,
        "one claim on its way"
    );
    // Declined with the reason, told to the partner; she claims again.
    let why = "The photos do not show the event's date: add the invitation.";
    let decline = json!({"status": "declined", "reason": why});
    assert_eq!(
        channel.put(&format!("{request}/claim"), &decline).status,
        200
    );
    let told = feed_notes(&partner, "fund_declined");
    assert!(told
        .iter()
        .any(|n| n["note"] == why && n["subject"]["id"] == id.as_str()));
    assert_eq!(partner.post(&claim, &link, &[]).status, 201);
    // Approved in part (with the reason), then paid.
    let part = json!({"status": "partly_approved", "approved_minor": 60_000});
    assert_eq!(
        field(&channel.put(&format!("{request}/claim"), &part)),
        "reason"
    );
    let part = json!({"status": "partly_approved", "approved_minor": 60_000,
        "reason": "Catering is not covered by market development funds."});
    let approved = channel.put(&format!("{request}/claim"), &part);
    assert_eq!(approved.status, 200, "{}", approved.body);
    let before = overview(&partner).funds[0].amounts;
    let paid_on = Utc::now().date_naive();
    let paid = json!({"status": "paid", "paid_on": paid_on});
    assert_eq!(channel.put(&format!("{request}/claim"), &paid).status, 200);
    let after = overview(&partner).funds[0].amounts;
    assert_eq!(after.paid_minor, before.paid_minor + 60_000);
    assert_eq!(after.claimed_minor, before.claimed_minor - 60_000);
    assert_eq!(
        feed_notes(&partner, "fund_paid").len(),
        2,
        "the demo's and this one"
    );
    assert_eq!(channel.put(&format!("{request}/claim"), &paid).status, 409);
}

#[test]
fn each_side_keeps_its_own_credentials() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    assert_eq!(partner.get("/ops/partners/c-lumiere/funds").status, 403);
    let decision = json!({"status": "pre_approved"});
    assert_eq!(
        partner.put("/ops/fund-requests/frq-1", &decision).status,
        403
    );
    assert_eq!(channel.get("/ops/partners/c-nobody/funds").status, 404);
    assert_eq!(
        channel.put("/ops/fund-requests/frq-9999", &decision).status,
        404
    );
    let fund = json!({"partner_id": "c-lumiere", "kind": "coop", "name": "Co-op 2027",
        "currency": "EUR", "allocated_minor": 300_000, "starts_on": in_days(30), "expires_on": in_days(395)});
    let made = channel.post("/ops/funds", &fund, &[]);
    assert_eq!(made.status, 201, "{}", made.body);
    assert_eq!(made.body["amounts"]["remaining_minor"], 300_000);
    assert!(overview(&partner)
        .funds
        .iter()
        .any(|f| f.name == "Co-op 2027"));
    let mut wrong = fund.clone();
    wrong["currency"] = json!("XYZ");
    assert_eq!(field(&channel.post("/ops/funds", &wrong, &[])), "currency");
    wrong["partner_id"] = json!("c-nobody");
    assert_eq!(channel.post("/ops/funds", &wrong, &[]).status, 404);
    assert_eq!(partner.anonymous().get("/funds").status, 401);
}
