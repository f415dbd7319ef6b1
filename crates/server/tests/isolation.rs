//! Every query is scoped to the caller: another partner's session reaches nothing of ours
//! through any endpoint (404 or their own data), and nothing they write changes what we see.

mod support;

use portal_server::{AuthMode, DEMO_OPS_KEY, OTHER_PARTNER_TOKEN};
use serde_json::{json, Value};
use support::{new_deal, references, start, Server};

/// Every read of the contract, as the partner sees it.
const READS: [&str; 16] = [
    "/session",
    "/team",
    "/me",
    "/onboarding",
    "/training",
    "/products",
    "/deals?limit=100",
    "/deals/pipeline",
    "/deals/repeats?customer_company=Isolation%20Bistro",
    "/leaderboards",
    "/leaderboards/engagement?limit=100",
    "/surveys",
    "/feedback",
    "/notifications",
    "/earnings",
    "/funds",
];

fn snapshot(server: &Server) -> Vec<(String, u16, Value)> {
    READS
        .iter()
        .map(|path| {
            let reply = server.get(path);
            (path.to_string(), reply.status, reply.body)
        })
        .collect()
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn another_partner_reaches_nothing_of_ours_and_changes_nothing() {
    let ours = start(AuthMode::Demo);
    let bearer = format!("Bearer {OTHER_PARTNER_TOKEN}");
    let theirs = |method: &str, path: &str, body: Option<Value>| {
        let mut headers = vec![("Authorization", bearer.as_str())];
        if body.is_some() {
            headers.push(("Content-Type", "application/json"));
        }
        let body = body.map(|b| b.to_string());
        ours.call(method, path, &headers, body.as_deref().map(str::as_bytes))
    };
    // Something of ours in every kind of data first, a question from the channel team too.
    let registered = ours.post("/deals", &new_deal("Isolation Bistro", "NW-DATA"), &[]);
    assert_eq!(registered.status, 201);
    let question = json!({"step": "request_information", "note": "Which sites?"});
    let path = format!(
        "/ops/deals/{}/steps",
        registered.body["reference"].as_str().unwrap()
    );
    assert_eq!(
        ours.with_token(DEMO_OPS_KEY)
            .post(&path, &question, &[])
            .status,
        200
    );
    let feedback =
        json!({"category": "portal", "title": "Ours alone", "body": "Only Lumière may read this."});
    assert_eq!(ours.post("/feedback", &feedback, &[]).status, 201);
    let invitation = ours.post(
        "/team/invitations",
        &json!({"email": "new.hire@lumiere-cloud.fr", "role": "member"}),
        &[],
    );
    assert_eq!(invitation.status, 201);
    let before = snapshot(&ours);
    let deals = &before
        .iter()
        .find(|(p, ..)| p.starts_with("/deals?"))
        .unwrap()
        .2;
    let our_deals = references(deals);
    let our_feedback = ids(&before.iter().find(|(p, ..)| p == "/feedback").unwrap().2);
    assert!(our_deals.len() >= 20 && !our_feedback.is_empty());

    // Their reads: their own company, never one of our deals or feedback items.
    assert_eq!(theirs("GET", "/me", None).body["company"]["id"], "c-sakura");
    assert_eq!(
        theirs("GET", "/session", None).body["company_id"],
        "c-sakura"
    );
    for reference in &our_deals {
        let reply = theirs("GET", &format!("/deals/{reference}"), None);
        assert_eq!(reply.status, 404, "{reference} reached by another partner");
        let answer = json!({"step": "answer", "note": "Not theirs to answer."});
        let path = format!("/deals/{reference}/steps");
        assert_eq!(theirs("POST", &path, Some(answer)).status, 404, "{path}");
    }
    let our_feed = &before
        .iter()
        .find(|(p, ..)| p == "/notifications")
        .unwrap()
        .2;
    assert!(!our_feed["items"].as_array().unwrap().is_empty());
    for entry in our_feed["items"].as_array().unwrap() {
        let path = format!("/notifications/{}/read", entry["id"].as_str().unwrap());
        assert_eq!(theirs("PUT", &path, None).status, 404, "{path}");
    }
    assert!(!theirs("GET", "/notifications", None)
        .body
        .to_string()
        .contains("Isolation Bistro"));
    assert_eq!(theirs("POST", "/notifications/read-all", None).status, 204);
    let their_list = references(&theirs("GET", "/deals?limit=100", None).body);
    assert!(their_list.iter().all(|r| !our_deals.contains(r)));
    let searched = references(&theirs("GET", "/deals?q=Isolation%20Bistro", None).body);
    assert!(
        searched.is_empty(),
        "search finds our customer for them: {searched:?}"
    );
    let repeats = "/deals/repeats?customer_company=Isolation%20Bistro";
    let ours_repeated = &before.iter().find(|(p, ..)| p == repeats).unwrap().2;
    assert_eq!(ours_repeated.as_array().map(Vec::len), Some(1));
    assert_eq!(theirs("GET", repeats, None).body, json!([]));
    // Their money is theirs: none of our lines or payouts, and nothing of ours in the totals.
    let earnings = &before.iter().find(|(p, ..)| p == "/earnings").unwrap().2;
    assert!(earnings["total"].as_u64().unwrap() > 0);
    let their_money = theirs("GET", "/earnings", None).body;
    assert_eq!(their_money["total"], 0, "{their_money}");
    assert_eq!(their_money["payouts"], json!([]));
    // Their funds are theirs: none of our requests, and none of ours reachable or changed.
    let funds = &before.iter().find(|(p, ..)| p == "/funds").unwrap().2;
    let our_requests = ids(&funds["requests"]);
    assert!(our_requests.len() >= 3, "{funds}");
    let their_funds = theirs("GET", "/funds", None).body;
    assert!(ids(&their_funds["requests"])
        .iter()
        .all(|id| !our_requests.contains(id)));
    assert!(ids(&their_funds["funds"])
        .iter()
        .all(|id| !ids(&funds["funds"]).contains(id)));
    for id in &our_requests {
        let path = format!("/funds/requests/{id}");
        let fund = funds["funds"][0]["id"].clone();
        let draft = json!({"fund_id": fund, "activity": "Not theirs"});
        assert_eq!(theirs("PUT", &path, Some(draft)).status, 404, "{path}");
        assert_eq!(theirs("DELETE", &path, None).status, 404, "{path}");
        let claim = json!({"amount_minor": 1, "proof_link": "https://example.com"});
        let claim_path = format!("{path}/claim");
        assert_eq!(
            theirs("POST", &claim_path, Some(claim)).status,
            404,
            "{path}"
        );
        assert_eq!(theirs("GET", &format!("{path}/proof"), None).status, 404);
    }
    let their_feedback = ids(&theirs("GET", "/feedback", None).body);
    assert!(their_feedback.iter().all(|id| !our_feedback.contains(id)));
    assert_ne!(
        theirs("GET", "/deals/pipeline", None).body,
        before
            .iter()
            .find(|(p, ..)| p == "/deals/pipeline")
            .unwrap()
            .2
    );

    // Their writes: on our ids, and of their own.
    let onboarding = &before.iter().find(|(p, ..)| p == "/onboarding").unwrap().2;
    for phase in onboarding["phases"].as_array().unwrap() {
        for item in phase["items"].as_array().unwrap() {
            let path = format!(
                "/onboarding/items/{}/completion",
                item["id"].as_str().unwrap()
            );
            let reply = theirs("PUT", &path, Some(json!({"done": true})));
            assert!(
                matches!(reply.status, 200 | 404 | 409),
                "{path}: {}",
                reply.status
            );
        }
    }
    for survey in ids(&before.iter().find(|(p, ..)| p == "/surveys").unwrap().2) {
        let _ = theirs(
            "POST",
            &format!("/surveys/{survey}/responses"),
            Some(json!({"answers": []})),
        );
    }
    // They are an admin of their own team, never of ours.
    let theirs_team = theirs("GET", "/team", None).body;
    assert!(
        !theirs_team.to_string().contains("lumiere"),
        "{theirs_team}"
    );
    for user in ["u-amelie", "u-theo"] {
        let path = format!("/team/members/{user}");
        assert_eq!(theirs("DELETE", &path, None).status, 404, "{path}");
        let role = theirs(
            "PUT",
            &format!("{path}/role"),
            Some(json!({"role": "member"})),
        );
        assert_eq!(role.status, 404, "{path}/role");
    }
    let id = invitation.body["invitation"]["id"].as_str().unwrap();
    let withdraw = theirs("DELETE", &format!("/team/invitations/{id}"), None);
    assert_eq!(withdraw.status, 404, "our invitation");
    assert_eq!(
        theirs(
            "POST",
            "/team/invitations",
            Some(json!({"email": "new.hire@lumiere-cloud.fr", "role": "admin"}))
        )
        .status,
        201,
        "their own invitation (another company's open invitation is no account)"
    );
    assert_eq!(
        theirs(
            "POST",
            "/deals",
            Some(new_deal("Sakura Ramen Tokyo", "NW-EDGE"))
        )
        .status,
        201
    );
    let theirs_feedback = json!({"category": "portal", "title": "Theirs", "body": "From Sakura."});
    assert_eq!(
        theirs("POST", "/feedback", Some(theirs_feedback)).status,
        201
    );

    // We see exactly what we saw; on a leaderboard, which everyone shares and their activity
    // moves, our own score is what must not change.
    for ((path, status, body), (_, after_status, after_body)) in before.iter().zip(snapshot(&ours))
    {
        let (body, after_body) = if path.starts_with("/leaderboards/") {
            (
                &body["me"]["entry"]["score"],
                &after_body["me"]["entry"]["score"],
            )
        } else {
            (body, &after_body)
        };
        assert_eq!(
            (*status, body),
            (after_status, after_body),
            "{path} changed after another partner's writes"
        );
    }
}
