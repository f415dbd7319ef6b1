//! The rest of the program over real HTTP: authentication, onboarding ticks, leaderboard
//! ranking, survey validation and feedback.

mod support;

use portal_server::{AuthMode, DEMO_TOKEN, OTHER_PARTNER_TOKEN};
use serde_json::{json, Value};
use support::start;

#[test]
fn fixed_tokens_work_only_in_demo_mode() {
    let production = start(AuthMode::Production);
    let anonymous = production.get("/me");
    assert_eq!(
        (anonymous.status, anonymous.body["code"].as_str()),
        (401, Some("no-session"))
    );
    for token in [DEMO_TOKEN, OTHER_PARTNER_TOKEN, "wrong"] {
        let bearer = production.call(
            "GET",
            "/me",
            &[("Authorization", &format!("Bearer {token}"))],
            None,
        );
        assert_eq!(
            (bearer.status, bearer.body["code"].as_str()),
            (401, Some("session-expired")),
            "{token}"
        );
        let cookie = production.call(
            "GET",
            "/me",
            &[("Cookie", &format!("pp_session={token}"))],
            None,
        );
        assert_eq!(cookie.status, 401, "a fixed token is no session: {token}");
    }
    let demo = start(AuthMode::Demo).anonymous();
    assert_eq!(
        demo.get("/me").status,
        401,
        "the demo signs no one in without credentials"
    );
    let bearer = demo.call(
        "GET",
        "/me",
        &[("Authorization", &format!("Bearer {DEMO_TOKEN}"))],
        None,
    );
    assert_eq!(bearer.body["user"]["name"], "Amélie Dubois");
    let other = demo.call(
        "GET",
        "/me",
        &[("Authorization", &format!("Bearer {OTHER_PARTNER_TOKEN}"))],
        None,
    );
    assert_eq!(other.body["company"]["id"], "c-sakura");
}

#[test]
fn self_attested_items_can_be_ticked_and_vendor_items_cannot() {
    let server = start(AuthMode::Demo);
    let put = |id: &str, done: bool| {
        server.call(
            "PUT",
            &format!("/onboarding/items/{id}/completion"),
            &[("Content-Type", "application/json")],
            Some(json!({"done": done}).to_string().as_bytes()),
        )
    };
    let ticked = put("ob-payout", true);
    assert_eq!(
        (ticked.status, ticked.body["status"].as_str()),
        (200, Some("done"))
    );
    assert!(ticked.body["completed_at"].is_string());
    let undone = put("ob-payout", false);
    assert_eq!(undone.body["status"], "overdue", "its due date has passed");
    assert_eq!(put("ob-directory", true).status, 409);
    assert_eq!(put("ob-demo-env", true).status, 409, "blocked");
    assert_eq!(put("ob-nope", true).status, 404);
}

#[test]
fn leaderboards_rank_ties_together_and_always_include_me() {
    let server = start(AuthMode::Demo);
    let page = server
        .get("/leaderboards/engagement?period=month&segment=all&limit=100")
        .body;
    let entries = page["entries"].as_array().unwrap();
    for pair in entries.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a["score"] == b["score"] {
            assert_eq!(a["rank"], b["rank"], "equal scores share a rank");
        } else {
            assert!(a["score"].as_u64() > b["score"].as_u64());
        }
    }
    let position_of = |i: usize| entries[i]["rank"].as_u64().unwrap();
    assert!(
        (1..entries.len())
            .all(|i| position_of(i) == position_of(i - 1) || position_of(i) == i as u64 + 1),
        "ranks skip after ties"
    );
    let me = &page["me"];
    assert_eq!(me["entry"]["is_me"], true);
    assert!(
        me["entry"]["rank"].as_u64().unwrap() > 100,
        "the demo partner is off this page"
    );
    let gap = me["points_to_next_rank"].as_u64().unwrap();
    assert!(gap > 0);
    assert!(
        me["history"].as_array().unwrap().len() >= 2,
        "a point per month since joining"
    );
    let msp = server.get("/leaderboards/engagement?segment=type:msp").body;
    assert!(msp["total"].as_u64().unwrap() < page["total"].as_u64().unwrap());
    assert_eq!(
        server
            .get("/leaderboards/engagement?segment=planet:mars")
            .status,
        404
    );
    assert_eq!(server.get("/leaderboards/nope").status, 404);
}

#[test]
fn surveys_are_validated_per_question_and_answered_once() {
    let server = start(AuthMode::Demo);
    let invalid = server.post(
        "/surveys/srv-q4-pulse/responses",
        &json!({"answers": {"q-nps": 11}}),
        &[],
    );
    assert_eq!(invalid.status, 422);
    let fields: Vec<&str> = invalid.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["q-nps", "q-deal-reg", "q-focus"]);
    let answers = json!({"answers": {"q-nps": 9, "q-deal-reg": 4, "q-focus": "cloud", "q-help": ["mdf", "faster"], "q-change": "Faster approvals."}});
    let receipt = server.post("/surveys/srv-q4-pulse/responses", &answers, &[]);
    assert_eq!(
        (receipt.status, &receipt.body["points_earned"]),
        (201, &json!(10))
    );
    let open: Vec<Value> = serde_json::from_value(server.get("/surveys").body).unwrap();
    assert!(open.iter().all(|s| s["id"] != "srv-q4-pulse"));
    assert_eq!(
        server
            .post("/surveys/srv-q4-pulse/responses", &answers, &[])
            .status,
        409
    );
}

#[test]
fn feedback_is_listed_newest_first_with_its_status() {
    let server = start(AuthMode::Demo);
    let sent = server.post("/feedback", &json!({"category": "portal", "title": "Dark mode", "body": "Please add a dark theme for late nights."}), &[]);
    assert_eq!(sent.status, 201);
    let list = server.get("/feedback").body;
    assert_eq!(list[0]["title"], "Dark mode");
    assert_eq!(list[0]["status"], "received");
    assert_eq!(
        server
            .post(
                "/feedback",
                &json!({"category": "portal", "title": "  ", "body": "short"}),
                &[]
            )
            .status,
        422
    );
}

#[test]
fn feedback_sent_twice_with_one_idempotency_key_is_stored_once() {
    let server = start(AuthMode::Demo);
    let body = json!({"category": "program", "title": "Faster approvals", "body": "Two business days is long in December."});
    let key = [("Idempotency-Key", "feedback-retry-0001")];
    let first = server.post("/feedback", &body, &key);
    let again = server.post("/feedback", &body, &key);
    assert_eq!((first.status, again.status), (201, 201));
    assert_eq!(first.body, again.body);
    let titled = |list: &serde_json::Value| {
        list.as_array()
            .unwrap()
            .iter()
            .filter(|f| f["title"] == "Faster approvals")
            .count()
    };
    assert_eq!(titled(&server.get("/feedback").body), 1);
    let other = json!({"category": "program", "title": "Something else", "body": "Another thing entirely."});
    let reused = server.post("/feedback", &other, &key);
    assert_eq!(
        (reused.status, reused.body["errors"][0]["field"].as_str()),
        (422, Some("Idempotency-Key"))
    );
    assert_eq!(
        server
            .post("/feedback", &body, &[("Idempotency-Key", "x")])
            .status,
        400
    );
}
