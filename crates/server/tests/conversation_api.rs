//! The vendor's half of the loop over real HTTP: the deal conversation between a partner and
//! the channel team, the partner's notification feed with conditional polling, feedback
//! answered, what the LMS reports, and each side's credentials kept to its own endpoints.

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

#[test]
fn feedback_answered_reaches_the_partner_who_gave_it() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    partner.get("/notifications"); // what ends soon is told first, so news below is newest
    let sent = partner.post(
        "/feedback",
        &json!({"category": "portal", "title": "Deal reminders", "body": "Remind us a week before protection ends."}),
        &[],
    );
    let id = sent.body["id"].as_str().unwrap().to_owned();
    let path = format!("/ops/feedback/{id}");
    let bare = channel.put(&path, &json!({"status": "declined"}));
    assert_eq!(
        (bare.status, bare.body["errors"][0]["field"].as_str()),
        (422, Some("reply"))
    );
    let decided = channel.put(
        &path,
        &json!({"status": "planned", "reply": "Coming in the December release."}),
    );
    assert_eq!(decided.status, 200, "{}", decided.body);
    let mine = partner.get("/feedback").body;
    let item = mine
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id.as_str())
        .unwrap();
    assert_eq!(
        (item["status"].as_str(), item["reply"]["body"].as_str()),
        (Some("planned"), Some("Coming in the December release."))
    );
    let newest = &partner.get("/notifications").body["items"][0];
    assert_eq!(
        (newest["kind"].as_str(), newest["subject"]["id"].as_str()),
        (Some("feedback_reply"), Some(id.as_str()))
    );
    let other = partner
        .with_token(portal_server::OTHER_PARTNER_TOKEN)
        .get("/notifications")
        .body;
    assert!(
        !other.to_string().contains("December release"),
        "another company never sees it"
    );
    assert_eq!(
        channel
            .put("/ops/feedback/fb-none", &json!({"status": "done"}))
            .status,
        404
    );
}

#[test]
fn what_the_lms_reports_shows_in_training_and_the_feed() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    partner.get("/notifications"); // what ends soon is told first, so news below is newest
    let training = partner.get("/training").body;
    let course = training["courses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["status"] != "completed")
        .unwrap();
    let (id, total) = (
        course["id"].as_str().unwrap(),
        course["modules_total"].as_u64().unwrap(),
    );
    let path = format!("/ops/users/u-amelie/courses/{id}");
    let too_many = channel.put(&path, &json!({"modules_done": total + 1}));
    assert_eq!(
        (
            too_many.status,
            too_many.body["errors"][0]["field"].as_str()
        ),
        (422, Some("modules_done"))
    );
    assert_eq!(
        channel.put(&path, &json!({"modules_done": total})).status,
        204
    );
    let after = partner.get("/training").body;
    let done = after["courses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap();
    assert_eq!(done["status"], "completed");
    assert_eq!(
        partner.get("/notifications").body["items"][0]["kind"],
        "course_completed"
    );
    assert_eq!(
        channel
            .put("/ops/users/u-nobody/courses/x", &json!({"modules_done": 1}))
            .status,
        404
    );

    let certification = after["certifications"].as_array().unwrap()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let cert_path = format!("/ops/users/u-amelie/certifications/{certification}");
    let backwards = channel.put(
        &cert_path,
        &json!({"earned_on": in_days(0), "expires_on": in_days(-1)}),
    );
    assert_eq!(backwards.status, 422);
    let granted = channel.put(
        &cert_path,
        &json!({"earned_on": in_days(0), "expires_on": in_days(730)}),
    );
    assert_eq!(granted.status, 204);
    let held = partner.get("/training").body["certifications"][0].clone();
    assert_eq!(
        (held["status"].as_str(), held["expires_on"].clone()),
        (Some("earned"), json!(in_days(730)))
    );
    assert_eq!(channel.call("DELETE", &cert_path, &[], None).status, 204);
    let feed = partner.get("/notifications").body;
    assert_eq!(feed["items"][0]["kind"], "certification_revoked");
    assert_eq!(feed["items"][1]["kind"], "certification_granted");
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

#[test]
fn what_ends_soon_is_told_once() {
    let partner = start(AuthMode::Demo);
    let kinds = |feed: &Value, kind: &str| {
        feed["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["kind"] == kind)
            .count()
    };
    let first = partner.get("/notifications").body;
    let lapsing = kinds(&first, "certification_expiring");
    assert!(
        lapsing >= 1,
        "Amélie's certification lapsing within 30 days: {first}"
    );
    let again = partner.get("/notifications").body;
    assert_eq!(
        kinds(&again, "certification_expiring"),
        lapsing,
        "told once"
    );
    assert_eq!(again["unread"], first["unread"]);
    // Another person at the company is not told about Amélie's certification.
    let theo = partner
        .signed_in("theo.laurent@lumiere-cloud.fr", "partner-demo")
        .get("/notifications")
        .body;
    let entries = theo["items"].as_array().unwrap();
    assert!(entries
        .iter()
        .filter(|n| n["kind"] == "certification_expiring")
        .all(|n| !first["items"].as_array().unwrap().contains(n)));

    // A deal whose protection ends within 14 days is told to the company.
    let channel = partner.with_token(DEMO_OPS_KEY);
    let reference = partner
        .post("/deals", &new_deal("Ending Soon SARL", "NW-SEC"), &[])
        .body["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    let ops = format!("/ops/deals/{reference}/steps");
    channel.post(
        &ops,
        &json!({"step": "approve", "protection_ends_on": in_days(10)}),
        &[],
    );
    let feed = partner.get("/notifications").body;
    let ending = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "protection_ending" && n["subject"]["id"] == reference.as_str());
    assert!(ending.is_some(), "{feed}");
}

#[test]
fn onboarding_items_the_vendor_confirms_are_verified_or_sent_back_with_a_reason() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    partner.get("/notifications");
    let items: Vec<Value> = partner.get("/onboarding").body["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["items"].as_array().unwrap().clone())
        .collect();
    let vendor = items
        .iter()
        .find(|i| i["completed_by"] == "vendor")
        .unwrap();
    let own = items
        .iter()
        .find(|i| i["completed_by"] == "partner")
        .unwrap();
    let path = |item: &Value| {
        format!(
            "/ops/partners/c-lumiere/onboarding/{}",
            item["id"].as_str().unwrap()
        )
    };
    let bare = channel.put(&path(vendor), &json!({"verdict": "sent_back"}));
    assert_eq!(
        (bare.status, bare.body["errors"][0]["field"].as_str()),
        (422, Some("reason"))
    );
    let back = channel.put(
        &path(vendor),
        &json!({"verdict": "sent_back", "reason": "The insurance certificate has expired."}),
    );
    assert_eq!(back.status, 200, "{}", back.body);
    assert_eq!(
        (
            back.body["status"].as_str(),
            back.body["blocked_reason"].as_str()
        ),
        (
            Some("blocked"),
            Some("The insurance certificate has expired.")
        )
    );
    let told = &partner.get("/notifications").body["items"][0];
    assert_eq!(
        (told["kind"].as_str(), told["note"].as_str()),
        (
            Some("onboarding_sent_back"),
            Some("The insurance certificate has expired.")
        )
    );
    let verified = channel.put(&path(vendor), &json!({"verdict": "verified"}));
    assert_eq!(verified.body["status"], "done");
    assert_eq!(
        partner.get("/notifications").body["items"][0]["kind"],
        "onboarding_verified"
    );
    assert_eq!(
        channel
            .put(&path(own), &json!({"verdict": "verified"}))
            .status,
        409,
        "the partner ticks it"
    );
    assert_eq!(
        channel
            .put(
                "/ops/partners/c-nobody/onboarding/x",
                &json!({"verdict": "verified"})
            )
            .status,
        404
    );
}

#[test]
fn a_survey_reaches_its_audience_only_and_closes() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    let other = partner.with_token(portal_server::OTHER_PARTNER_TOKEN);
    partner.get("/notifications");
    let survey = |title: &str, audience: Value| {
        json!({
            "title": title,
            "description": "Two questions, one minute.",
            "due_on": in_days(14),
            "questions": [
                {"id": "q-clear", "prompt": "How clear is the checklist?", "required": true, "type": "rating", "max": 5},
                {"id": "q-more", "prompt": "What is missing?", "required": false, "type": "text", "max_length": 500}
            ],
            "audience": audience
        })
    };
    // Lumière is an MSP in EMEA; Sakura a distributor in APAC.
    let msps = channel.put(
        "/ops/surveys/s-msp-check",
        &survey(
            "MSP check-in",
            json!({"partner_types": ["msp"], "regions": ["EMEA"]}),
        ),
    );
    assert_eq!(msps.status, 200, "{}", msps.body);
    let listed = |server: &Server| {
        server
            .get("/surveys")
            .body
            .to_string()
            .contains("s-msp-check")
    };
    assert!(listed(&partner));
    assert!(!listed(&other), "not meant for a distributor in APAC");
    assert_eq!(other.get("/surveys/s-msp-check").status, 404);
    let told = &partner.get("/notifications").body["items"][0];
    assert_eq!(
        (told["kind"].as_str(), told["subject"]["id"].as_str()),
        (Some("survey_published"), Some("s-msp-check"))
    );
    assert!(!other
        .get("/notifications")
        .body
        .to_string()
        .contains("s-msp-check"));

    let broken = survey("No", json!({}));
    let refused = channel.put("/ops/surveys/s-broken", &broken);
    assert_eq!(
        (refused.status, refused.body["errors"][0]["field"].as_str()),
        (422, Some("title"))
    );
    let answered = partner.post(
        "/surveys/s-msp-check/responses",
        &json!({"answers": {"q-clear": 4}}),
        &[],
    );
    assert_eq!(answered.status, 201, "{}", answered.body);
    let changed = channel.put(
        "/ops/surveys/s-msp-check",
        &survey("MSP check-in, again", json!({})),
    );
    assert_eq!(changed.status, 409, "answered questions stay as they were");
    let everyone = channel.put("/ops/surveys/s-all", &survey("Everyone", json!({})));
    assert_eq!(everyone.status, 200);
    assert!(other.get("/surveys").body.to_string().contains("s-all"));
    assert_eq!(
        channel
            .call("POST", "/ops/surveys/s-all/close", &[], None)
            .status,
        204
    );
    assert!(
        !other.get("/surveys").body.to_string().contains("s-all"),
        "closed"
    );
    assert_eq!(
        channel
            .call("POST", "/ops/surveys/s-none/close", &[], None)
            .status,
        404
    );
}

#[test]
fn the_channel_team_adds_partners_and_people_one_by_one_or_from_csv() {
    let server = start(AuthMode::Demo);
    let channel = server.with_token(DEMO_OPS_KEY);
    let total = |server: &Server| {
        server.get("/leaderboards/engagement?limit=1").body["total"]
            .as_u64()
            .unwrap()
    };
    let before = total(&server);
    let partner = json!({"name": "Fjordlys Data AS", "partner_type": "reseller", "country": "NO", "region": "EMEA", "currency": "EUR", "tier": "registered"});
    assert_eq!(
        channel.put("/ops/partners/c-fjordlys", &partner).status,
        201
    );
    assert_eq!(
        channel.put("/ops/partners/c-fjordlys", &partner).status,
        200,
        "the same again is an update"
    );
    assert_eq!(
        total(&server),
        before + 1,
        "a new partner is on the boards at once"
    );
    let bad = channel.put("/ops/partners/C_Bad", &json!({"name": "X", "partner_type": "reseller", "country": "XX", "region": "MARS", "currency": "EUR", "tier": "gold"}));
    let fields: Vec<&str> = bad.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["partnerId", "name", "country", "region"]);
    let ingrid = json!({"name": "Ingrid Berg", "email": "ingrid@fjordlys.no", "role": "admin"});
    assert_eq!(
        channel
            .put("/ops/partners/c-fjordlys/users/u-ingrid", &ingrid)
            .status,
        201
    );
    let clash = channel.put(
        "/ops/partners/c-fjordlys/users/u-other",
        &json!({"name": "Someone", "email": "INGRID@fjordlys.no", "role": "member"}),
    );
    assert_eq!(clash.status, 409);
    assert_eq!(
        channel
            .put("/ops/partners/c-none/users/u-x", &ingrid)
            .status,
        404
    );

    let csv = "partner_id,partner_name,partner_type,country,region,currency,tier,user_id,user_name,user_email,user_role\n\
        c-aurora,\"Aurora Systems, Inc.\",msp,US,AMER,USD,silver,u-maya,Maya Chen,maya@aurora.example,admin\n\
        c-aurora,\"Aurora Systems, Inc.\",msp,US,AMER,USD,silver,u-raj,Raj Patel,raj@aurora.example,member\n\
        c-bad,B,wholesaler,ZZ,AMER,USD,silver,,,,\n\
        c-fjordlys,Fjordlys Data AS,reseller,NO,EMEA,EUR,silver,u-lars,Lars Berg,ingrid@fjordlys.no,member\n";
    let imported = channel.call(
        "POST",
        "/ops/partners/import",
        &[("Content-Type", "text/csv")],
        Some(csv.as_bytes()),
    );
    assert_eq!(imported.status, 200, "{}", imported.body);
    let report = &imported.body;
    assert_eq!(
        (
            report["created"].as_u64(),
            report["updated"].as_u64(),
            report["rejected"].as_u64()
        ),
        (Some(2), Some(0), Some(2))
    );
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(rows[0]["line"], 2);
    let rejected: Vec<&str> = rows[2]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(rejected, ["partner_type", "partner_name", "country"]);
    assert_eq!(
        rows[3]["errors"][0]["field"], "user_email",
        "the e-mail is Ingrid's"
    );
    assert_eq!(
        total(&server),
        before + 2,
        "Aurora joined; the rejected rows wrote nothing"
    );
    // The row rejected for its person left its partner unchanged (still registered tier).
    let fjordlys = channel.put("/ops/partners/c-fjordlys", &partner);
    assert_eq!(fjordlys.status, 200);
    let json_body = channel.post("/ops/partners/import", &json!({}), &[]);
    assert_eq!(json_body.status, 415);
    let headless = channel.call(
        "POST",
        "/ops/partners/import",
        &[("Content-Type", "text/csv")],
        Some(b"partner_id,name\nc-x,X\n"),
    );
    assert_eq!(
        (
            headless.status,
            headless.body["errors"][0]["field"].as_str()
        ),
        (422, Some("file"))
    );
}

#[test]
fn the_program_states_its_promises_and_the_channel_team_changes_them() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    assert_eq!(
        partner.get("/program").body,
        json!({"review_business_days": 2, "protection_days": 90})
    );
    let changed = json!({"review_business_days": 3, "protection_days": 120});
    assert_eq!(channel.put("/ops/program", &changed).status, 200);
    assert_eq!(partner.get("/program").body, changed);
    let wrong = channel.put(
        "/ops/program",
        &json!({"review_business_days": 0, "protection_days": 400}),
    );
    assert_eq!(wrong.body["errors"].as_array().unwrap().len(), 2);
    assert_eq!(partner.put("/ops/program", &changed).status, 403);
}
