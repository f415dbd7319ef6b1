//! The catalogue over real HTTP: products, courses and tiers kept by the channel team through
//! the operations API, and what partners see of them on their next read.

mod support;

use portal_server::{AuthMode, DEMO_OPS_KEY};
use serde_json::{json, Value};
use support::{new_deal, start};

fn codes(products: &Value) -> Vec<&str> {
    products
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect()
}

#[test]
fn products_are_added_renamed_and_retired_and_registrations_follow() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    assert_eq!(codes(&partner.get("/products").body).len(), 6);

    let added = channel.put(
        "/ops/products/NW-IOT",
        &json!({"name": "IoT Hub", "active": true}),
    );
    assert_eq!(added.status, 200, "{}", added.body);
    assert_eq!(
        added.body,
        json!({"code": "NW-IOT", "name": "IoT Hub", "active": true})
    );
    let offered = partner.get("/products").body;
    assert_eq!(codes(&offered).last(), Some(&"NW-IOT"));
    assert_eq!(
        partner
            .post("/deals", &new_deal("Hafenkante GmbH", "NW-IOT"), &[])
            .status,
        201
    );

    let retired = channel.put(
        "/ops/products/NW-IOT",
        &json!({"name": "IoT Hub", "active": false}),
    );
    assert_eq!(retired.status, 200);
    assert!(!codes(&partner.get("/products").body).contains(&"NW-IOT"));
    let refused = partner.post("/deals", &new_deal("Nordlicht AG", "NW-IOT"), &[]);
    assert_eq!(
        (refused.status, refused.body["errors"][0]["field"].as_str()),
        (422, Some("products"))
    );

    let bad = channel.put(
        "/ops/products/nw-iot",
        &json!({"name": "x", "active": true}),
    );
    assert_eq!(
        (bad.status, bad.body["errors"][0]["field"].as_str()),
        (422, Some("code"))
    );
    let unnamed = channel.put(
        "/ops/products/NW-NEW",
        &json!({"name": " ", "active": true}),
    );
    assert_eq!(
        (unnamed.status, unnamed.body["errors"][0]["field"].as_str()),
        (422, Some("name"))
    );
    assert_eq!(
        partner
            .put(
                "/ops/products/NW-NEW",
                &json!({"name": "New", "active": true})
            )
            .status,
        403
    );
}

#[test]
fn a_course_added_or_shortened_shows_in_training() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    let course = json!({
        "title": "Edge Gateway Essentials", "kind": "course", "level": "foundation",
        "modules_total": 4, "minutes_per_module": 15, "url": "https://learn.example.com/edge"
    });
    let put = channel.put("/ops/courses/crs-edge-essentials", &course);
    assert_eq!((put.status, &put.body), (200, &course));
    let training = partner.get("/training").body;
    let shown = training["courses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "crs-edge-essentials")
        .expect("the new course is in training");
    assert_eq!(
        (
            shown["modules_total"].as_u64(),
            shown["minutes_left"].as_u64()
        ),
        (Some(4), Some(60))
    );

    let unsafe_link = channel.put(
        "/ops/courses/crs-edge-essentials",
        &json!({"title": "Edge", "kind": "course", "level": "foundation", "modules_total": 0,
                "minutes_per_module": 15, "url": "javascript:alert(1)"}),
    );
    let fields: Vec<&str> = unsafe_link.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        (unsafe_link.status, fields),
        (422, vec!["modules_total", "url"])
    );
}

#[test]
fn a_tier_changed_by_the_channel_team_changes_what_partners_are_told() {
    let partner = start(AuthMode::Demo);
    let channel = partner.with_token(DEMO_OPS_KEY);
    let tiers = channel.get("/ops/tiers").body;
    let levels: Vec<&str> = tiers
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["registered", "silver", "gold", "platinum"]);

    let me = partner.get("/me").body;
    let tier = me["company"]["tier"].as_str().unwrap().to_owned();
    let next = me["next_tier"]["tier"].as_str().map(str::to_owned);
    let benefits = json!(["12% rebate on won deals", "A named channel manager"]);
    let changed = channel.put(
        &format!("/ops/tiers/{tier}"),
        &json!({"requirements": [], "benefits": benefits}),
    );
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(partner.get("/me").body["tier_benefits"], benefits);

    if let Some(next) = next {
        let requirement = json!({"id": "people", "label": "Certified people", "metric": "certified_people", "target": 40});
        let raised = channel.put(
            &format!("/ops/tiers/{next}"),
            &json!({"requirements": [requirement], "benefits": ["Joint business plan"]}),
        );
        assert_eq!(raised.status, 200);
        let progress = &partner.get("/me").body["next_tier"];
        assert_eq!(progress["requirements"][0]["label"], "Certified people");
        assert_eq!(progress["requirements"][0]["target"]["value"], 40);
        assert_eq!(progress["benefits"], json!(["Joint business plan"]));
    }

    let twice = json!({"id": "a", "label": "Courses", "metric": "courses_completed", "target": 1});
    let wrong = channel.put(
        "/ops/tiers/gold",
        &json!({"requirements": [twice, twice], "benefits": []}),
    );
    assert_eq!(
        (wrong.status, wrong.body["errors"][0]["field"].as_str()),
        (422, Some("requirements[1].id"))
    );
    assert_eq!(
        channel
            .put(
                "/ops/tiers/diamond",
                &json!({"requirements": [], "benefits": []})
            )
            .status,
        404
    );
    assert_eq!(partner.get("/ops/tiers").status, 403);
}
