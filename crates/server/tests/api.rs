//! The reference backend over real HTTP: the rules of the contract (conflicts, idempotent
//! retries, stable pagination, field errors, ranking, survey validation) and bad input.

use std::io::{Read, Write};
use std::net::TcpStream;

use portal_server::{
    app, AppState, AuthMode, Db, SeedSize, Settings, DEMO_TOKEN, OTHER_PARTNER_TOKEN,
};
use serde_json::{json, Value};

/// A running server on a free loopback port, with its own database.
struct Server {
    addr: String,
}

fn start(auth: AuthMode) -> Server {
    start_with(Db::in_memory().unwrap(), auth)
}

fn start_with(db: Db, auth: AuthMode) -> Server {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    listener.set_nonblocking(true).unwrap();
    let settings = Settings {
        addr: addr.clone(),
        static_dir: std::env::temp_dir(),
        base_path: String::new(),
        db_path: ":memory:".into(),
        seed: SeedSize::Demo,
        auth,
    };
    let router = app(&settings, AppState { db, auth });
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, router).await.unwrap();
        });
    });
    Server { addr }
}

/// A response: status, headers (lower-case names) and the body parsed as JSON (or Null).
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Value,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Server {
    /// One HTTP/1.1 request with `Connection: close`; `headers` are extra lines.
    fn call(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Reply {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        let mut request = format!(
            "{method} /api/v1{path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        let body = body.unwrap_or_default();
        request.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        stream.write_all(request.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        let mut lines = head.lines();
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_lowercase(), v.trim().to_owned()))
            .collect();
        Reply {
            status,
            headers,
            body: serde_json::from_str(body).unwrap_or(Value::Null),
        }
    }

    fn get(&self, path: &str) -> Reply {
        self.call("GET", path, &[], None)
    }

    fn post(&self, path: &str, body: &Value, headers: &[(&str, &str)]) -> Reply {
        let mut all = vec![("Content-Type", "application/json")];
        all.extend_from_slice(headers);
        self.call("POST", path, &all, Some(body.to_string().as_bytes()))
    }
}

fn in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string()
}

fn new_deal(customer: &str, product: &str) -> Value {
    json!({
        "customer_company": customer,
        "contact": {"name": "Élodie Martin", "email": "elodie.martin@example.fr"},
        "country": "FR",
        "value": {"amount_minor": 4_250_000, "currency": "EUR"},
        "expected_close_on": in_days(30),
        "products": [product]
    })
}

fn references(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["reference"].as_str().unwrap().to_owned())
        .collect()
}

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

    let one = server.get(&format!("/deals/{reference}"));
    assert_eq!(one.status, 200);
    assert_eq!(one.body["customer_company"], "Fromagerie Lyonnaise");
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
fn invalid_registrations_get_422_with_every_field_named() {
    let server = start(AuthMode::Demo);
    let mut body = new_deal("Hôtel Beaumont SA", "NW-CLOUD");
    body["expected_close_on"] = json!(in_days(-1));
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
fn credentials_are_required_when_the_server_says_so() {
    let server = start(AuthMode::Required);
    let anonymous = server.get("/me");
    assert_eq!(anonymous.status, 401);
    assert_eq!(anonymous.header("www-authenticate"), Some("Bearer"));
    assert_eq!(
        server
            .call("GET", "/me", &[("Authorization", "Bearer wrong")], None)
            .status,
        401
    );
    let bearer = server.call(
        "GET",
        "/me",
        &[("Authorization", &format!("Bearer {DEMO_TOKEN}"))],
        None,
    );
    assert_eq!(bearer.body["user"]["name"], "Amélie Dubois");
    let cookie = server.call(
        "GET",
        "/me",
        &[(
            "Cookie",
            &format!("theme=dark; pp_session={OTHER_PARTNER_TOKEN}"),
        )],
        None,
    );
    assert_eq!(cookie.body["company"]["id"], "c-sakura");
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
        .get("/leaderboards/engagement?period=month&limit=100")
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
    assert!(me["history"].as_array().unwrap().len() >= 3);
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
    assert_eq!(
        server
            .post("/surveys/srv-q4-pulse/responses", &answers, &[])
            .status,
        201
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
fn data_survives_a_restart() {
    let path = std::env::temp_dir().join(format!("portal-restart-{}.sqlite3", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let reference = {
        let server = start_with(Db::open(&path, SeedSize::Demo).unwrap(), AuthMode::Demo);
        server
            .post("/deals", &new_deal("Persisted Customer", "NW-SEC"), &[])
            .body["reference"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let server = start_with(Db::open(&path, SeedSize::Demo).unwrap(), AuthMode::Demo);
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
