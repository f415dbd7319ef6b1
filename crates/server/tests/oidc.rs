//! Access tokens from an OpenID Connect provider: a fake provider on loopback publishes its
//! discovery document and keys (a test-only RSA key in `fixtures/`), and the backend accepts a
//! token only with the right signature, issuer, audience and expiry, for a user it knows.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::routing::get;
use axum::{Json, Router};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use portal_server::{program_store, AuthMode, OidcSettings, DEMO_TOKEN};
use serde_json::{json, Value};
use support::{start_configured, Server};

const KEY: &[u8] = include_bytes!("fixtures/oidc-test-key.pem");
const JWKS: &str = include_str!("fixtures/oidc-test-jwks.json");
const AUDIENCE: &str = "partner-portal-api";

/// A provider serving discovery and keys; counts how often the keys are fetched.
fn provider() -> (String, Arc<AtomicUsize>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let issuer = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let fetched = Arc::new(AtomicUsize::new(0));
    let (discovery, counter) = (
        json!({"issuer": issuer, "jwks_uri": format!("{issuer}/jwks")}),
        Arc::clone(&fetched),
    );
    let router = Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(move || async move { Json(discovery) }),
        )
        .route(
            "/jwks",
            get(move || async move {
                counter.fetch_add(1, Ordering::SeqCst);
                Json(serde_json::from_str::<Value>(JWKS).unwrap())
            }),
        );
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                axum::serve(listener, router).await.unwrap();
            });
    });
    (issuer, fetched)
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn token(claims: Value, kid: &str) -> String {
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(kid.into());
    encode(&header, &claims, &EncodingKey::from_rsa_pem(KEY).unwrap()).unwrap()
}

fn claims(issuer: &str, who: Value) -> Value {
    let mut claims =
        json!({"iss": issuer, "aud": AUDIENCE, "exp": now() + 300, "iat": now(), "sub": "ignored"});
    claims
        .as_object_mut()
        .unwrap()
        .extend(who.as_object().unwrap().clone());
    claims
}

fn me(server: &Server, token: &str) -> (u16, Value) {
    let bearer = format!("Bearer {token}");
    let reply = server.call("GET", "/me", &[("Authorization", bearer.as_str())], None);
    (reply.status, reply.body)
}

#[test]
fn a_valid_access_token_signs_its_user_in_and_nothing_else_does() {
    let (issuer, fetched) = provider();
    let server = start_configured(program_store().unwrap(), |s| {
        s.auth = AuthMode::Production;
        s.oidc = Some(OidcSettings {
            issuer: issuer.clone(),
            audience: AUDIENCE.into(),
        });
    });
    let by_email = token(
        claims(&issuer, json!({"email": "Amelie.Dubois@lumiere-cloud.fr"})),
        "test-key-1",
    );
    let (status, body) = me(&server, &by_email);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"]["name"], "Amélie Dubois");
    let by_subject = token(claims(&issuer, json!({"sub": "u-theo"})), "test-key-1");
    assert_eq!(me(&server, &by_subject).1["user"]["name"], "Théo Laurent");

    // A write with a bearer token needs no CSRF proof (no cookie, no ambient authority).
    let bearer = format!("Bearer {by_email}");
    let feedback = json!({"category": "portal", "title": "Via SSO", "body": "Signed in through the provider."});
    let sent = server.post(
        "/feedback",
        &feedback,
        &[("Authorization", bearer.as_str())],
    );
    assert_eq!(sent.status, 201, "{}", sent.body);
    let session = server.call(
        "GET",
        "/session",
        &[("Authorization", bearer.as_str())],
        None,
    );
    assert_eq!(session.body["company_id"], "c-lumiere");
    assert!(session.body.get("expires_at").is_none());

    let refused = [
        (
            "another audience",
            token(
                json!({"iss": issuer, "aud": "another-api", "exp": now() + 300, "email": "amelie.dubois@lumiere-cloud.fr", "sub": "x"}),
                "test-key-1",
            ),
        ),
        (
            "another issuer",
            token(
                json!({"iss": "http://127.0.0.1:1", "aud": AUDIENCE, "exp": now() + 300, "email": "amelie.dubois@lumiere-cloud.fr", "sub": "x"}),
                "test-key-1",
            ),
        ),
        (
            "expired",
            token(
                json!({"iss": issuer, "aud": AUDIENCE, "exp": now() - 120, "email": "amelie.dubois@lumiere-cloud.fr", "sub": "x"}),
                "test-key-1",
            ),
        ),
        (
            "no expiry",
            token(
                json!({"iss": issuer, "aud": AUDIENCE, "email": "amelie.dubois@lumiere-cloud.fr", "sub": "x"}),
                "test-key-1",
            ),
        ),
        (
            "an unknown key",
            token(
                claims(&issuer, json!({"email": "amelie.dubois@lumiere-cloud.fr"})),
                "another-key",
            ),
        ),
        (
            "an unknown user",
            token(
                claims(&issuer, json!({"email": "nobody@lumiere-cloud.fr"})),
                "test-key-1",
            ),
        ),
        (
            "a shared secret (HS256)",
            encode(
                &Header::new(Algorithm::HS256),
                &claims(&issuer, json!({"email": "amelie.dubois@lumiere-cloud.fr"})),
                &EncodingKey::from_secret(JWKS.as_bytes()),
            )
            .unwrap(),
        ),
        (
            "no signature (alg none)",
            unsigned(&claims(
                &issuer,
                json!({"email": "amelie.dubois@lumiere-cloud.fr"}),
            )),
        ),
        ("a changed payload", tampered(&by_subject)),
        ("a demo token outside demo mode", DEMO_TOKEN.to_owned()),
    ];
    for (what, token) in refused {
        let (status, body) = me(&server, &token);
        assert_eq!(status, 401, "{what}: {body}");
        assert_eq!(body["code"], "session-expired", "{what}");
    }
    // Unknown key ids fetch the keys again, but at most once a minute.
    assert!(
        fetched.load(Ordering::SeqCst) <= 2,
        "{} fetches",
        fetched.load(Ordering::SeqCst)
    );
}

fn unsigned(claims: &Value) -> String {
    let part = |v: &Value| URL_SAFE_NO_PAD.encode(v.to_string());
    format!(
        "{}.{}.",
        part(&json!({"alg": "none", "typ": "JWT"})),
        part(claims)
    )
}

fn tampered(token: &str) -> String {
    let parts: Vec<&str> = token.split('.').collect();
    let mut claims: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    claims["sub"] = json!("u-amelie");
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    format!("{}.{payload}.{}", parts[0], parts[2])
}

#[test]
fn the_issuer_must_be_https_or_loopback_and_comes_with_an_audience() {
    let parse =
        |args: &[&str]| portal_server::Settings::from_args(args.iter().map(|s| s.to_string()));
    assert!(parse(&[
        "--oidc-issuer",
        "http://id.example.com",
        "--oidc-audience",
        "a"
    ])
    .is_err());
    assert!(parse(&["--oidc-issuer", "https://id.example.com"]).is_err());
    let settings = parse(&[
        "--oidc-issuer",
        "https://id.example.com/realms/p",
        "--oidc-audience",
        "api",
    ])
    .unwrap();
    assert_eq!(settings.oidc.unwrap().audience, "api");
}
