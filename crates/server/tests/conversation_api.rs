//! The deal conversation over real HTTP: the partner and the channel team taking turns, the
//! partner's notifications with conditional polling, the numbers a step moves, and each side's
//! credentials kept to its own endpoints.

mod support;

use portal_server::{program_store, run_task, AdminTask, AuthMode, DEMO_OPS_KEY};
use serde_json::{json, Value};
use support::{in_days, new_deal, start, start_with, Server};

fn step(server: &Server, path: &str, body: Value) -> support::Reply {
    server.post(path, &body, &[])
}

fn steps_of(deal: &Value) -> Vec<(String, String)> {
    deal["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["step"].as_str().unwrap().into(),
                e["actor"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn a_question_answered_leads_to_approval_an_extension_and_notifications() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    let registered = partner.post("/deals", &new_deal("Brasserie du Port", "NW-EDGE"), &[]);
    assert_eq!(registered.status, 201);
    let reference = registered.body["reference"].as_str().unwrap().to_owned();
    let ops = format!("/ops/deals/{reference}/steps");
    let ours = format!("/deals/{reference}/steps");

    let seen = partner.get("/notifications");
    assert_eq!(seen.status, 200, "{}", seen.body);
    let tag = seen.header("etag").unwrap().to_owned();
    let unchanged = partner.call("GET", "/notifications", &[("If-None-Match", &tag)], None);
    assert_eq!(unchanged.status, 304, "nothing new, nothing sent");

    assert_eq!(
        step(&channel, &ops, json!({"step": "start_review"})).status,
        200
    );
    let asked = step(
        &channel,
        &ops,
        json!({"step": "request_information", "note": "Which sites does the customer run?"}),
    );
    assert_eq!(asked.status, 200, "{}", asked.body);
    assert_eq!(asked.body["status"], "more_info_requested");
    assert_eq!(asked.body["partner_id"], "c-lumiere");

    let polled = partner.call("GET", "/notifications", &[("If-None-Match", &tag)], None);
    assert_eq!(polled.status, 200, "a new entry changes the tag");
    let newest = &polled.body["items"][0];
    assert_eq!(newest["kind"], "deal_question");
    assert_eq!(newest["subject"]["id"], reference.as_str());
    assert_eq!(newest["subject"]["title"], "Brasserie du Port");
    assert_eq!(newest["note"], "Which sites does the customer run?");
    assert_eq!(newest["read"], false);
    let unread = polled.body["unread"].as_u64().unwrap();
    assert!(unread >= 1);

    let early = step(
        &partner,
        &ours,
        json!({"step": "request_extension", "note": "Long tender", "protection_ends_on": in_days(200)}),
    );
    assert_eq!(early.status, 409, "nothing to extend before approval");
    let answered = step(
        &partner,
        &ours,
        json!({"step": "answer", "note": "Two: Lyon and Grenoble."}),
    );
    assert_eq!(answered.status, 200, "{}", answered.body);
    assert_eq!(answered.body["status"], "under_review");
    assert!(
        answered.body.get("partner_id").is_none(),
        "the partner sees the partner view"
    );
    let again = step(
        &partner,
        &ours,
        json!({"step": "answer", "note": "Once more."}),
    );
    assert_eq!(again.status, 409, "{}", again.body);

    let approved = step(
        &channel,
        &ops,
        json!({"step": "approve", "protection_ends_on": in_days(90)}),
    );
    assert_eq!(approved.status, 200, "{}", approved.body);
    assert_eq!(approved.body["protection_expires_on"], in_days(90));
    let asked_longer = step(
        &partner,
        &ours,
        json!({"step": "request_extension", "note": "The board meets in spring.", "protection_ends_on": in_days(150)}),
    );
    assert_eq!(asked_longer.status, 200, "{}", asked_longer.body);
    let twice = step(
        &partner,
        &ours,
        json!({"step": "request_extension", "note": "Again", "protection_ends_on": in_days(160)}),
    );
    assert_eq!(twice.status, 409, "one request waits at a time");
    let granted = step(
        &channel,
        &ops,
        json!({"step": "grant_extension", "protection_ends_on": in_days(150)}),
    );
    assert_eq!(granted.status, 200, "{}", granted.body);

    let deal = partner.get(&format!("/deals/{reference}")).body;
    assert_eq!(deal["protection_expires_on"], in_days(150));
    let demo = "Channel team (demo)".to_owned();
    let amelie = "Amélie Dubois".to_owned();
    assert_eq!(
        steps_of(&deal),
        vec![
            ("submitted".into(), amelie.clone()),
            ("review_started".into(), demo.clone()),
            ("information_requested".into(), demo.clone()),
            ("answered".into(), amelie.clone()),
            ("approved".into(), demo.clone()),
            ("extension_requested".into(), amelie),
            ("extension_granted".into(), demo),
        ]
    );
    assert_eq!(deal["timeline"][3]["note"], "Two: Lyon and Grenoble.");
    assert_eq!(
        deal["timeline"][5]["protection_ends_on"],
        in_days(150),
        "the day asked for"
    );
    assert_eq!(deal["timeline"][5]["note"], "The board meets in spring.");

    let feed = partner.get("/notifications").body;
    let kinds: Vec<&str> = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .take(3)
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["extension_granted", "deal_approved", "deal_question"]
    );
    let first = feed["items"][0]["id"].as_str().unwrap();
    assert_eq!(
        partner
            .call("PUT", &format!("/notifications/{first}/read"), &[], None)
            .status,
        204
    );
    assert_eq!(
        partner.get("/notifications").body["unread"],
        feed["unread"].as_u64().unwrap() - 1
    );
    assert_eq!(
        partner
            .call("POST", "/notifications/read-all", &[], None)
            .status,
        204
    );
    assert_eq!(partner.get("/notifications").body["unread"], 0);
    assert_eq!(
        partner
            .call("PUT", "/notifications/n-999999/read", &[], None)
            .status,
        404
    );

    let won = step(&channel, &ops, json!({"step": "record_won"}));
    assert_eq!(won.body["status"], "won");
    let withdraw = step(&partner, &ours, json!({"step": "withdraw"}));
    assert_eq!(withdraw.status, 409, "a won deal stays won");
}

#[test]
fn each_side_takes_only_its_steps_with_what_they_need() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    let reference = partner
        .post("/deals", &new_deal("Café des Arts", "NW-SEC"), &[])
        .body["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    let ours = format!("/deals/{reference}/steps");
    let ops = format!("/ops/deals/{reference}/steps");
    let refused = step(
        &partner,
        &ours,
        json!({"step": "approve", "protection_ends_on": in_days(90)}),
    );
    assert_eq!(
        (refused.status, refused.body["errors"][0]["field"].as_str()),
        (422, Some("step"))
    );
    let theirs = step(
        &channel,
        &ops,
        json!({"step": "answer", "note": "Not mine"}),
    );
    assert_eq!(theirs.status, 422);
    let no_question = step(&channel, &ops, json!({"step": "request_information"}));
    assert_eq!(no_question.body["errors"][0]["field"], "note");
    let no_date = step(&channel, &ops, json!({"step": "approve"}));
    assert_eq!(no_date.body["errors"][0]["field"], "protection_ends_on");
    let past = step(
        &channel,
        &ops,
        json!({"step": "approve", "protection_ends_on": in_days(0)}),
    );
    assert_eq!(past.body["errors"][0]["field"], "protection_ends_on");
    let unknown = step(&channel, &ops, json!({"step": "teleport"}));
    assert_eq!(unknown.status, 422);
    assert_eq!(
        step(
            &channel,
            "/ops/deals/DR-1999-00001/steps",
            json!({"step": "start_review"})
        )
        .status,
        404
    );

    let withdrawn = step(
        &partner,
        &ours,
        json!({"step": "withdraw", "note": "The customer chose to wait a year."}),
    );
    assert_eq!(withdrawn.body["status"], "withdrawn");
    let review = step(&channel, &ops, json!({"step": "start_review"}));
    assert_eq!(review.status, 409, "{}", review.body);
    let view = channel.get(&format!("/ops/deals/{reference}"));
    assert_eq!(
        (view.status, view.body["partner_name"].as_str()),
        (200, Some("Lumière Cloud Services SARL"))
    );
}

#[test]
fn operations_and_partner_credentials_stay_on_their_own_side() {
    let server = start(AuthMode::Demo);
    let partner_on_ops = server.get("/ops/deals/DR-2026-00001");
    assert_eq!(
        (partner_on_ops.status, partner_on_ops.body["code"].as_str()),
        (403, Some("forbidden"))
    );
    let browser = server.signed_in("amelie.dubois@lumiere-cloud.fr", "partner-demo");
    assert_eq!(browser.get("/ops/deals/DR-2026-00001").status, 403);
    let channel = server.with_token(DEMO_OPS_KEY);
    for path in ["/me", "/deals?limit=1", "/notifications"] {
        let reply = channel.get(path);
        assert_eq!(
            (reply.status, reply.body["code"].as_str()),
            (403, Some("forbidden")),
            "{path}"
        );
    }
    assert_eq!(
        server.anonymous().get("/ops/deals/DR-2026-00001").status,
        401
    );
    assert_eq!(
        server
            .with_token("ppk_not-a-key")
            .get("/ops/deals/DR-2026-00001")
            .status,
        401
    );
}

#[test]
fn production_takes_only_keys_it_issued() {
    let store = program_store().unwrap();
    let made = run_task(&store, &AdminTask::CreateApiKey("CRM sync".into())).unwrap();
    let key = made.lines().last().unwrap().to_owned();
    assert!(key.starts_with("ppk_") && key.len() > 60, "{made}");
    let server = start_with(store, AuthMode::Production);
    assert_eq!(
        server
            .with_token(DEMO_OPS_KEY)
            .get("/ops/deals/DR-2026-00001")
            .status,
        401
    );
    let reply = server.with_token(&key).get("/ops/deals/DR-2026-00001");
    assert!(matches!(reply.status, 200 | 404), "{}", reply.body);
    let feedback = server.with_token(&key).put(
        "/ops/feedback/fb-export",
        &json!({"status": "planned", "reply": "On the roadmap."}),
    );
    assert_eq!(feedback.status, 200, "{}", feedback.body);
    assert_eq!(feedback.body["reply"]["author"], "Channel team (CRM sync)");
}

fn requirement(me: &Value, id: &str) -> Value {
    me["next_tier"]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap()["current"]
        .clone()
}

fn board_score(server: &Server, board: &str) -> u64 {
    server
        .get(&format!("/leaderboards/{board}?period=month"))
        .body["me"]["entry"]["score"]
        .as_u64()
        .unwrap()
}

#[test]
fn a_won_deal_a_finished_course_and_a_certification_move_the_partners_numbers() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    let me = partner.get("/me").body;
    assert_eq!(me["next_tier"]["tier"], "gold");
    assert!(!me["tier_benefits"].as_array().unwrap().is_empty());
    assert!(!me["next_tier"]["benefits"].as_array().unwrap().is_empty());
    let (points, revenue) = (
        board_score(&partner, "engagement"),
        board_score(&partner, "revenue"),
    );

    // Registering counts at once (engagement and registered revenue); winning, on tier progress.
    let reference = partner
        .post("/deals", &new_deal("Numbers Bistro", "NW-DATA"), &[])
        .body["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(board_score(&partner, "engagement"), points + 10);
    assert_eq!(
        board_score(&partner, "revenue"),
        revenue + 45_900,
        "€42,500 in US dollars"
    );
    let ops = format!("/ops/deals/{reference}/steps");
    channel.post(
        &ops,
        &json!({"step": "approve", "protection_ends_on": in_days(90)}),
        &[],
    );
    let won_before = requirement(&partner.get("/me").body, "revenue")["value"]["amount_minor"]
        .as_i64()
        .unwrap();
    assert_eq!(
        channel
            .post(&ops, &json!({"step": "record_won"}), &[])
            .status,
        200
    );
    let won_after = requirement(&partner.get("/me").body, "revenue")["value"]["amount_minor"]
        .as_i64()
        .unwrap();
    assert_eq!(
        won_after - won_before,
        4_250_000,
        "the win adds its value to this year's revenue"
    );

    // A course finished through the LMS: courses completed, engagement points and the factor.
    let before = partner.get("/me").body;
    let course = partner.get("/training").body["courses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["status"] == "not_started")
        .unwrap()
        .clone();
    let path = format!(
        "/ops/users/u-theo/courses/{}",
        course["id"].as_str().unwrap()
    );
    let points = board_score(&partner, "engagement");
    assert_eq!(
        channel
            .put(&path, &json!({"modules_done": course["modules_total"]}))
            .status,
        204
    );
    let after = partner.get("/me").body;
    assert_eq!(
        requirement(&after, "courses")["value"].as_u64().unwrap(),
        requirement(&before, "courses")["value"].as_u64().unwrap() + 1
    );
    let training = |me: &Value| me["engagement"]["factors"][0]["points"].as_u64().unwrap();
    assert_eq!(training(&after), (training(&before) + 5).min(25));
    assert_eq!(board_score(&partner, "engagement"), points + 20);

    // A certification for someone who held none: certified people and the certifications board.
    let certified = requirement(&after, "engineers")["value"].as_u64().unwrap();
    let certifications = board_score(&partner, "certifications");
    let grant = json!({"earned_on": in_days(0), "expires_on": in_days(730)});
    let training = partner.get("/training").body;
    let held = training["certifications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["earned_on"].is_null())
        .expect("a certification not yet earned")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let granted = channel.put(
        &format!("/ops/users/u-amelie/certifications/{held}"),
        &grant,
    );
    assert_eq!(granted.status, 204);
    let now = partner.get("/me").body;
    assert!(requirement(&now, "engineers")["value"].as_u64().unwrap() >= certified);
    assert_eq!(board_score(&partner, "certifications"), certifications + 1);
}
