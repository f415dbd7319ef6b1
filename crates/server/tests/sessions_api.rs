//! Signing in and out over real HTTP: the session cookie, its rotation and end, the CSRF proof
//! on cookie-signed writes, the sign-in lockout, and the demo accounts.

mod support;

use portal_server::{AuthMode, DEMO_PASSWORD};
use serde_json::json;
use support::{new_deal, session_cookie, sign_in, start};

const AMELIE: &str = "amelie.dubois@lumiere-cloud.fr";

#[test]
fn a_partner_signs_in_reads_and_signs_out() {
    let server = start(AuthMode::Demo).anonymous();
    let reply = sign_in(
        &server,
        "Amelie.Dubois@Lumiere-Cloud.fr",
        DEMO_PASSWORD,
        None,
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["user"]["name"], "Amélie Dubois");
    assert_eq!(reply.body["company_name"], "Lumière Cloud Services SARL");
    assert!(reply.body["expires_at"].is_string() && reply.body["idle_expires_at"].is_string());
    let set = reply.header("set-cookie").unwrap();
    for flag in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=43200"] {
        assert!(set.contains(flag), "{set} lacks {flag}");
    }
    assert!(
        !set.contains("Secure"),
        "plain HTTP on loopback cannot keep a Secure cookie"
    );
    assert!(
        !reply.body.to_string().contains(DEMO_PASSWORD),
        "the password never comes back"
    );
    let cookie = session_cookie(&reply);
    assert!(
        !reply.body.to_string().contains(&cookie[11..]),
        "the token is only in the cookie"
    );

    let me = server.call("GET", "/me", &[("Cookie", &cookie)], None);
    assert_eq!(me.body["company"]["id"], "c-lumiere");
    let session = server.call("GET", "/session", &[("Cookie", &cookie)], None);
    assert_eq!(session.body["user"]["role"], "admin");

    let forged = server.call("DELETE", "/session", &[("Cookie", &cookie)], None);
    assert_eq!(forged.status, 403, "another site cannot sign a partner out");
    assert_eq!(forged.body["code"], "csrf");
    let out = server.call(
        "DELETE",
        "/session",
        &[("Cookie", &cookie), ("X-Portal-Request", "1")],
        None,
    );
    assert_eq!(out.status, 204);
    assert!(out.header("set-cookie").unwrap().contains("Max-Age=0"));
    let after = server.call("GET", "/me", &[("Cookie", &cookie)], None);
    assert_eq!(
        (after.status, after.body["code"].as_str()),
        (401, Some("session-expired"))
    );
}

#[test]
fn signing_in_again_rotates_the_session() {
    let server = start(AuthMode::Demo).anonymous();
    let first = session_cookie(&sign_in(&server, AMELIE, DEMO_PASSWORD, None));
    let second = session_cookie(&sign_in(&server, AMELIE, DEMO_PASSWORD, Some(&first)));
    assert_ne!(first, second);
    assert_eq!(
        server
            .call("GET", "/me", &[("Cookie", &first)], None)
            .status,
        401
    );
    assert_eq!(
        server
            .call("GET", "/me", &[("Cookie", &second)], None)
            .status,
        200
    );
}

#[test]
fn a_wrong_password_and_an_unknown_email_answer_alike_and_lock_out() {
    let server = start(AuthMode::Demo).anonymous();
    let wrong = sign_in(&server, AMELIE, "partner-dem0", None);
    let unknown = sign_in(&server, "nobody@example.com", DEMO_PASSWORD, None);
    for reply in [&wrong, &unknown] {
        assert_eq!(
            (reply.status, reply.body["code"].as_str()),
            (401, Some("invalid-credentials"))
        );
        assert!(reply.header("set-cookie").is_none());
    }
    assert_eq!(
        wrong.body["detail"], unknown.body["detail"],
        "no hint whether the e-mail exists"
    );
    for _ in 0..4 {
        sign_in(&server, AMELIE, "still wrong", None);
    }
    let locked = sign_in(&server, AMELIE, DEMO_PASSWORD, None);
    assert_eq!(
        (locked.status, locked.body["code"].as_str()),
        (429, Some("locked-out"))
    );
    let seconds: u64 = locked.header("retry-after").unwrap().parse().unwrap();
    assert!((800..=900).contains(&seconds), "{seconds}");
    assert!(locked.body["detail"]
        .as_str()
        .unwrap()
        .contains("15 minutes"));
    let theo = sign_in(
        &server,
        "theo.laurent@lumiere-cloud.fr",
        DEMO_PASSWORD,
        None,
    );
    assert_eq!(
        theo.status, 200,
        "another account on the same address still signs in"
    );
}

#[test]
fn cookie_signed_writes_need_the_csrf_proof_from_this_origin() {
    let server = start(AuthMode::Demo).anonymous();
    let cookie = session_cookie(&sign_in(&server, AMELIE, DEMO_PASSWORD, None));
    let body = new_deal("Brasserie Lyonnaise", "NW-EDGE").to_string();
    let post = |extra: &[(&str, &str)]| {
        let mut headers = vec![
            ("Content-Type", "application/json"),
            ("Cookie", cookie.as_str()),
        ];
        headers.extend_from_slice(extra);
        server.call("POST", "/deals", &headers, Some(body.as_bytes()))
    };
    let bare = post(&[]);
    assert_eq!(
        (bare.status, bare.body["code"].as_str()),
        (403, Some("csrf"))
    );
    let elsewhere = post(&[
        ("X-Portal-Request", "1"),
        ("Origin", "https://evil.example"),
    ]);
    assert_eq!(
        (elsewhere.status, elsewhere.body["code"].as_str()),
        (403, Some("csrf"))
    );
    let origin = server.origin();
    let good = post(&[
        ("X-Portal-Request", "1"),
        ("Origin", &origin),
        ("Idempotency-Key", "csrf-test-1"),
    ]);
    assert_eq!(good.status, 201, "{}", good.body);
    let login = server.call(
        "POST",
        "/session",
        &[("Content-Type", "application/json")],
        Some(
            json!({"email": AMELIE, "password": DEMO_PASSWORD})
                .to_string()
                .as_bytes(),
        ),
    );
    assert_eq!(
        login.status, 403,
        "signing in needs the proof too (no login CSRF)"
    );
}

#[test]
fn the_demo_accounts_are_listed_only_in_demo_mode() {
    let demo = start(AuthMode::Demo).anonymous();
    let accounts = demo.get("/session/demo-accounts");
    assert_eq!(accounts.status, 200);
    let list = accounts.body.as_array().unwrap();
    assert!(list.len() >= 3);
    assert!(list.iter().all(|a| a["password"] == DEMO_PASSWORD));
    assert!(list.iter().any(|a| a["role"] == "member"));
    let production = start(AuthMode::Production);
    assert_eq!(production.get("/session/demo-accounts").status, 404);
    let reply = sign_in(&production, AMELIE, DEMO_PASSWORD, None);
    assert_eq!(reply.status, 401, "production has no demo passwords");
}

#[test]
fn a_session_ends_when_idle_too_long_and_after_its_absolute_lifetime() {
    use portal_server::{Lifetimes, SessionLookup};
    let store = portal_server::demo_store().unwrap();
    let lifetimes = Lifetimes {
        idle: 3600,
        absolute: 12 * 3600,
    };
    let valid = |hash: &str, now: i64| {
        matches!(
            store.session(hash, now, lifetimes).unwrap(),
            SessionLookup::Valid { .. }
        )
    };
    store
        .start_session("u-amelie", "idle", None, 1_000, lifetimes)
        .unwrap();
    assert!(valid("idle", 1_000 + 3_599));
    assert!(
        !valid("idle", 1_000 + 3_599 + 3_600),
        "an hour without a request ends it"
    );
    assert!(!valid("idle", 1_000), "and an ended session stays ended");
    // Used every 50 minutes, it still ends twelve hours after sign-in.
    store
        .start_session("u-amelie", "busy", None, 0, lifetimes)
        .unwrap();
    let mut now = 0;
    while now + 3_000 < 12 * 3600 {
        now += 3_000;
        assert!(valid("busy", now), "{now}");
    }
    assert!(!valid("busy", 12 * 3600));
    // A session nobody comes back for is swept at the next sign-in.
    store
        .start_session("u-theo", "forgotten", None, 0, lifetimes)
        .unwrap();
    store
        .start_session("u-theo", "next", None, 2 * 3600, lifetimes)
        .unwrap();
    assert!(
        !valid("forgotten", 1),
        "swept although never looked up again"
    );
}
