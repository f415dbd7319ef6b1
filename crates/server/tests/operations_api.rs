//! The rest of the operations API over real HTTP: feedback answered, what the LMS reports,
//! what ends soon told once, onboarding decisions, surveys for an audience, partners and people
//! (one by one and from CSV), and the program's promises, each reaching the partner concerned.

mod support;

use portal_server::{AuthMode, DEMO_OPS_KEY};
use serde_json::{json, Value};
use support::{in_days, new_deal, start, Server};

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
        server
            .get("/leaderboards/engagement?segment=all&limit=1")
            .body["total"]
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
