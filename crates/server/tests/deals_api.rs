//! Deals over real HTTP: registration with conflicts, idempotent retries and field errors,
//! pagination stable under inserts, server-side filters, bad input, and persistence.

mod support;

use portal_server::{open_seeded, AuthMode, SeedSize, OTHER_PARTNER_TOKEN};
use serde_json::json;
use support::{in_days, new_deal, references, start, start_with};

#[test]
fn registering_a_deal_creates_it_with_a_timeline() {
    let server = start(AuthMode::Demo);
    let reply = server.post("/deals", &new_deal("Fromagerie Lyonnaise", "NW-EDGE"), &[]);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let reference = reply.body["reference"].as_str().unwrap().to_owned();
    assert_eq!(
        reply.header("location"),
        Some(format!("/api/v1/deals/{reference}").as_str())
    );
    assert_eq!(reply.body["status"], "submitted");
    assert_eq!(reply.body["timeline"][0]["actor"], "Amélie Dubois");
    assert_eq!(reply.body["points_earned"], 10, "the confirmation's points");

    let one = server.get(&format!("/deals/{reference}"));
    assert_eq!(one.status, 200);
    assert_eq!(one.body["customer_company"], "Fromagerie Lyonnaise");
    assert!(
        one.body.get("points_earned").is_none(),
        "only the registration's answer"
    );
    let list = server.get("/deals?limit=5");
    assert_eq!(
        references(&list.body)[0],
        reference,
        "newest update comes first"
    );
}

#[test]
fn a_retry_with_the_same_idempotency_key_never_creates_two_deals() {
    let server = start(AuthMode::Demo);
    let before = server.get("/deals?limit=1").body["total"].as_u64().unwrap();
    let body = new_deal("Boulangerie Paul", "NW-DATA");
    let key = [("Idempotency-Key", "retry-key-0001")];
    let first = server.post("/deals", &body, &key);
    let second = server.post("/deals", &body, &key);
    assert_eq!((first.status, second.status), (201, 201));
    assert_eq!(first.body["reference"], second.body["reference"]);
    assert_eq!(
        server.get("/deals?limit=1").body["total"].as_u64().unwrap(),
        before + 1
    );

    let changed = server.post("/deals", &new_deal("Boulangerie Paul", "NW-SEC"), &key);
    assert_eq!(changed.status, 422);
    assert_eq!(changed.body["errors"][0]["field"], "Idempotency-Key");
    let bad_key = server.post("/deals", &body, &[("Idempotency-Key", "x")]);
    assert_eq!(bad_key.status, 400);
}

#[test]
fn a_registration_conflicting_with_another_partner_is_409_naming_it() {
    let server = start(AuthMode::Demo);
    let reply = server.post("/deals", &new_deal("NORDWIND ENERGIE AG", "NW-CLOUD"), &[]);
    assert_eq!(reply.status, 409, "{}", reply.body);
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    let reference = reply.body["conflicting_reference"].as_str().unwrap();
    assert!(reference.starts_with("DR-"), "{reference}");
    assert!(reply.body["detail"].as_str().unwrap().contains(reference));

    // The same customer for a product nobody registered is fine.
    assert_eq!(
        server
            .post("/deals", &new_deal("Nordwind Energie AG", "NW-EDGE"), &[])
            .status,
        201
    );
    // And the demo partner's own open deal now blocks another partner.
    let other = server.post(
        "/deals",
        &new_deal("Nordwind Energie AG", "NW-EDGE"),
        &[("Authorization", &format!("Bearer {OTHER_PARTNER_TOKEN}"))],
    );
    assert_eq!(other.status, 409);
}

#[test]
fn registering_one_of_your_own_open_deals_again_is_caught_naming_it() {
    let server = start(AuthMode::Demo);
    let first = server.post("/deals", &new_deal("Twice Registered SAS", "NW-EDGE"), &[]);
    assert_eq!(first.status, 201, "{}", first.body);
    // The form asks before sending, by the same rule (case and spacing do not matter).
    let repeats = |query: &str| server.get(&format!("/deals/repeats?{query}"));
    let customer = "customer_company=%20twice%20REGISTERED%20sas";
    let reference = first.body["reference"].clone();
    assert_eq!(repeats(customer).body, json!([reference]));
    assert_eq!(
        repeats(&format!("{customer}&product=NW-EDGE")).body,
        json!([reference])
    );
    assert_eq!(
        repeats(&format!("{customer}&product=NW-DATA")).body,
        json!([])
    );
    assert_eq!(
        repeats("customer_company=Nobody%20Else%20SA").body,
        json!([])
    );
    for bad in [
        "",
        "customer_company=%20%20",
        "customer_company=A&product=lower",
    ] {
        let reply = repeats(bad);
        assert_eq!(
            (reply.status, reply.body["status"].as_u64()),
            (400, Some(400)),
            "{bad:?}"
        );
    }
    let again = server.post("/deals", &new_deal("TWICE REGISTERED SAS", "NW-EDGE"), &[]);
    assert_eq!(again.status, 409, "{}", again.body);
    assert_eq!(again.body["code"], "already-yours");
    assert_eq!(
        again.body["conflicting_reference"], first.body["reference"],
        "names the partner's own deal"
    );
    // Another product for the same customer is another opportunity.
    let other_product = server.post("/deals", &new_deal("Twice Registered SAS", "NW-DATA"), &[]);
    assert_eq!(other_product.status, 201, "{}", other_product.body);
    let both = json!([reference, other_product.body["reference"]]);
    assert_eq!(repeats(customer).body, both, "oldest first");
}

#[test]
fn a_retry_is_answered_from_what_was_stored_before_the_rules_run_again() {
    let server = start(AuthMode::Demo);
    let channel = server.with_token(portal_server::DEMO_OPS_KEY);
    let body = new_deal("Replay Werke AG", "NW-SUPPORT");
    let key = [("Idempotency-Key", "retry-after-a-change-1")];
    let first = server.post("/deals", &body, &key);
    assert_eq!(first.status, 201, "{}", first.body);
    // The rules would refuse it now (the product is retired), as they would a close date
    // that became "past" at midnight: the retry still answers the deal it created.
    let retired = channel.put(
        "/ops/products/NW-SUPPORT",
        &serde_json::json!({"name": "Premium Support", "active": false}),
    );
    assert_eq!(retired.status, 200);
    let retry = server.post("/deals", &body, &key);
    assert_eq!((retry.status, &retry.body), (201, &first.body));
    let fresh = server.post("/deals", &new_deal("Replay Werke AG", "NW-SUPPORT"), &[]);
    assert_eq!(fresh.status, 422);
}

#[test]
fn one_customer_typed_another_way_is_still_the_same_customer() {
    let server = start(AuthMode::Demo);
    let ours = server.post("/deals", &new_deal("Müller Präzision GmbH", "NW-DATA"), &[]);
    assert_eq!(ours.status, 201, "{}", ours.body);
    let other = [("Authorization", format!("Bearer {OTHER_PARTNER_TOKEN}"))];
    let other: Vec<(&str, &str)> = other.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for variant in [
        "Mu\u{308}ller Pra\u{308}zision GmbH",
        "MÜLLER PRÄZISION GMBH",
        "ＭÜＬＬＥＲ　ＰＲÄＺＩＳＩＯＮ　ＧｍｂＨ",
    ] {
        let theirs = server.post("/deals", &new_deal(variant, "NW-DATA"), &other);
        assert_eq!(theirs.status, 409, "{variant:?}: {}", theirs.body);
    }
    let hidden = server.post(
        "/deals",
        &new_deal("Müller\u{202e}Präzision", "NW-DATA"),
        &other,
    );
    assert_eq!(
        (hidden.status, hidden.body["errors"][0]["field"].as_str()),
        (422, Some("customer_company"))
    );
}

#[test]
fn a_registration_of_a_quarter_mebibyte_of_products_is_refused_at_once() {
    let server = start(AuthMode::Demo);
    let mut body = new_deal("Grenzfall AG", "NW-EDGE");
    let codes: Vec<String> = (0..18_000).map(|i| format!("NW-{i:08}")).collect();
    body["products"] = json!(codes);
    let size = serde_json::to_string(&body).unwrap().len();
    assert!((240_000..256 * 1024).contains(&size), "{size}");
    let started = std::time::Instant::now();
    let reply = server.post("/deals", &body, &[]);
    let took = started.elapsed();
    assert_eq!(
        (reply.status, reply.body["errors"][0]["field"].as_str()),
        (422, Some("products"))
    );
    // The cap on products is checked before anything that grows with their number.
    assert!(
        took < std::time::Duration::from_millis(200),
        "took {took:?}"
    );
}

#[test]
fn invalid_registrations_get_422_with_every_field_named() {
    let server = start(AuthMode::Demo);
    let mut body = new_deal("Hôtel Beaumont SA", "NW-CLOUD");
    body["expected_close_on"] = json!(in_days(-2));
    body["contact"]["email"] = json!("not-an-email");
    body["value"]["amount_minor"] = json!(0);
    let reply = server.post("/deals", &body, &[]);
    assert_eq!(reply.status, 422);
    let fields: Vec<&str> = reply.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["contact.email", "value.amount_minor", "expected_close_on"]
    );
}

#[test]
fn cursor_pages_stay_stable_while_deals_are_added() {
    let server = start(AuthMode::Demo);
    let all = references(&server.get("/deals?limit=100").body);
    let first = server.get("/deals?limit=10");
    assert_eq!(references(&first.body), all[..10]);
    server.post(
        "/deals",
        &new_deal("Nouvelle Cliente SAS", "NW-BACKUP"),
        &[],
    );
    let cursor = first.body["next_cursor"].as_str().unwrap();
    let second = server.get(&format!("/deals?limit=10&cursor={cursor}"));
    assert_eq!(
        references(&second.body),
        all[10..20],
        "no row repeated or skipped"
    );

    // Every sort pages through the whole set exactly once.
    for sort in [
        "value",
        "-value",
        "customer_company",
        "-expected_close_on",
        "reference",
    ] {
        let mut seen = Vec::new();
        let mut cursor = String::new();
        loop {
            let page = server
                .get(&format!("/deals?limit=7&sort={sort}{cursor}"))
                .body;
            seen.extend(references(&page));
            match page["next_cursor"].as_str() {
                Some(next) => cursor = format!("&cursor={next}"),
                None => break,
            }
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            (seen.len(), unique.len()),
            (all.len() + 1, all.len() + 1),
            "sort {sort}"
        );
    }
}

#[test]
fn filters_and_search_narrow_the_list_on_the_server() {
    let server = start(AuthMode::Demo);
    let page = server
        .get("/deals?status=approved&status=won&limit=100")
        .body;
    assert!(page["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["status"] == "approved" || d["status"] == "won"));
    let pipeline = server.get("/deals/pipeline").body;
    let expected: u64 = pipeline
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["status"] == "approved" || s["status"] == "won")
        .map(|s| s["count"].as_u64().unwrap())
        .sum();
    assert_eq!(page["total"].as_u64().unwrap(), expected);
    let found = server.get("/deals?q=M%C3%BCLLER").body;
    assert!(
        found["total"].as_u64().unwrap() >= 1,
        "search ignores case, accents as written"
    );
    assert!(found["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["customer_company"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("müller")
            || d["reference"].as_str().is_some()));
    assert_eq!(
        server.get("/deals?q=%25").body["total"],
        0,
        "LIKE wildcards are literal"
    );
    // A NUL (which Schemathesis sent) ends an FTS5 query early: it finds nothing, never a 500.
    for q in ["a%00b", "%01L%C2%B7%00L%C2%9A", "%00"] {
        let reply = server.get(&format!("/deals?q={q}"));
        assert_eq!(
            (reply.status, &reply.body["total"]),
            (200, &json!(0)),
            "{q}"
        );
    }
}

#[test]
fn bad_input_gets_problem_details_never_a_crash() {
    let server = start(AuthMode::Demo);
    let malformed = server.call(
        "POST",
        "/deals",
        &[("Content-Type", "application/json")],
        Some(b"{\"customer_company\": "),
    );
    assert_eq!(malformed.status, 400);
    assert_eq!(
        malformed.header("content-type"),
        Some("application/problem+json")
    );
    let wrong_type = server.post("/deals", &json!({"customer_company": 5}), &[]);
    assert_eq!(wrong_type.status, 422);
    let not_json = server.call(
        "POST",
        "/deals",
        &[("Content-Type", "text/plain")],
        Some(b"hello"),
    );
    assert_eq!(not_json.status, 415);
    let huge = format!("{{\"notes\": \"{}\"}}", "x".repeat(300_000));
    assert_eq!(
        server
            .call(
                "POST",
                "/deals",
                &[("Content-Type", "application/json")],
                Some(huge.as_bytes())
            )
            .status,
        413
    );
    assert_eq!(server.get("/deals/DR-1999-00001").status, 404);
    assert_eq!(server.get("/deals?sort=price").status, 400);
    assert_eq!(server.get("/deals?limit=0").status, 400);
    assert_eq!(server.get("/deals?cursor=abc").status, 400);
    assert_eq!(server.get("/deals?status=open").status, 400);
    assert_eq!(server.call("DELETE", "/deals", &[], None).status, 405);
    assert_eq!(server.get("/no-such-thing").status, 404);
}

#[test]
fn data_survives_a_restart() {
    let path = std::env::temp_dir().join(format!("portal-restart-{}.sqlite3", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let reference = {
        let server = start_with(open_seeded(&path, SeedSize::Demo).unwrap(), AuthMode::Demo);
        server
            .post("/deals", &new_deal("Persisted Customer", "NW-SEC"), &[])
            .body["reference"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let server = start_with(open_seeded(&path, SeedSize::Demo).unwrap(), AuthMode::Demo);
    assert_eq!(server.get(&format!("/deals/{reference}")).status, 200);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn every_seeded_deal_matches_the_contract_shapes() {
    let server = start(AuthMode::Demo);
    let mut cursor = String::new();
    loop {
        let page = server.get(&format!("/deals?limit=100{cursor}")).body;
        for reference in references(&page) {
            let deal = server.get(&format!("/deals/{reference}")).body;
            let email = deal["contact"]["email"].as_str().unwrap();
            let (local, domain) = email.split_once('@').unwrap_or_default();
            assert!(
                !local.is_empty() && domain.contains('.') && email.is_ascii(),
                "{reference}: {email}"
            );
            assert!(
                !deal["timeline"].as_array().unwrap().is_empty(),
                "{reference} has a timeline"
            );
        }
        match page["next_cursor"].as_str() {
            Some(next) => cursor = format!("&cursor={next}"),
            None => break,
        }
    }
}
