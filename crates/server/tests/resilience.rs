//! The server survives itself: a handler that panics answers a problem+json 500 and the next
//! request is served; told to stop (SIGTERM), it finishes the requests in flight first; twenty
//! quarter-mebibyte registrations at once are refused fast and leave `GET /me` fast.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

use axum::body::Body;
use axum::routing::get;
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use portal_server::{safety_net, site, AppState, Settings, Store};
use tower::ServiceExt;

#[tokio::test]
async fn a_panicking_handler_answers_500_and_the_server_goes_on() {
    let settings = Settings::from_args([]).unwrap();
    let state = AppState::new(Store::in_memory().unwrap(), &settings);
    let app = safety_net(site(&settings, state).route(
        "/boom",
        get(|| async {
            if true {
                panic!("a bug in a handler");
            }
            StatusCode::OK
        }),
    ));
    let boom = app
        .clone()
        .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(boom.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(boom.headers()["content-type"], "application/problem+json");
    let body = boom.into_body().collect().await.unwrap().to_bytes();
    assert!(String::from_utf8_lossy(&body).contains("\"status\":500"));
    let next = app
        .oneshot(
            Request::get("/api/v1/products")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(
        next.status(),
        StatusCode::UNAUTHORIZED,
        "the next request is answered"
    );
}

/// The server binary in demo mode on a free port with a fresh database, once it listens.
fn demo_server(name: &str) -> (std::process::Child, String) {
    let addr = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().to_string()
    };
    let dir = std::env::temp_dir().join(format!("portal-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("db.sqlite3");
    let _ = std::fs::remove_file(&db);
    let child = Command::new(env!("CARGO_BIN_EXE_portal-server"))
        .args(["--demo", "--addr", &addr, "--db", db.to_str().unwrap()])
        .args(["--static-dir", dir.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..300 {
        if TcpStream::connect(&addr).is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    (child, addr)
}

/// The tests that start the server binary run one at a time: each measures it.
static ONE_SERVER_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[cfg(unix)]
#[test]
fn sigterm_lets_every_request_in_flight_finish() {
    let _alone = ONE_SERVER_AT_A_TIME
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let (mut child, addr) = demo_server("sigterm");
    let connect = || TcpStream::connect(&addr);
    // Signing in takes a while by design (Argon2id): 100 of them are still running when the
    // signal comes.
    let body = r#"{"email":"amelie.dubois@lumiere-cloud.fr","password":"partner-demo"}"#;
    let request = format!(
        "POST /api/v1/session HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nx-portal-request: 1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut streams: Vec<TcpStream> = (0..100)
        .map(|_| {
            let mut stream = connect().unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(60)))
                .unwrap();
            stream.write_all(request.as_bytes()).unwrap();
            stream
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let answered = streams
        .iter_mut()
        .map(|stream| {
            let mut reply = String::new();
            let _ = stream.read_to_string(&mut reply);
            reply
        })
        .filter(|reply| reply.starts_with("HTTP/1.1 200") || reply.starts_with("HTTP/1.1 201"))
        .count();
    let status = child.wait().unwrap();
    assert_eq!(answered, 100, "every sign-in in flight was answered");
    assert!(status.success(), "the server stopped cleanly: {status}");
    assert!(connect().is_err(), "and no longer listens");
}

/// Sends one request on a fresh connection and answers the status line and the time it took.
fn timed(addr: &str, request: &str) -> (String, Duration) {
    let started = std::time::Instant::now();
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    let status = reply.lines().next().unwrap_or_default().to_owned();
    (status, started.elapsed())
}

#[cfg(unix)]
#[test]
fn twenty_quarter_mebibyte_registrations_at_once_leave_everyone_else_served() {
    let _alone = ONE_SERVER_AT_A_TIME
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let (mut child, addr) = demo_server("probe");
    let token = portal_server::DEMO_TOKEN;
    let codes: Vec<String> = (0..18_000).map(|i| format!("NW-{i:08}")).collect();
    let body = serde_json::json!({
        "customer_company": "Grenzfall AG",
        "contact": { "name": "Eva Rand", "email": "eva@grenzfall.example" },
        "country": "DE",
        "value": { "amount_minor": 100000, "currency": "EUR" },
        "expected_close_on": "2030-01-01",
        "products": codes,
    })
    .to_string();
    assert!(body.len() > 240_000, "{}", body.len());
    let big = format!(
        "POST /api/v1/deals HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let me = format!(
        "GET /api/v1/me HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    );
    // Warm up (the first request opens the database pages).
    assert!(timed(&addr, &me).0.contains(" 200 "));
    // Timing on a shared machine: the best of three rounds is judged.
    let rounds: Vec<(Duration, Duration, Duration)> =
        (0..3).map(|_| probe_round(&addr, &big, &me)).collect();
    let _ = child.kill();
    let _ = child.wait();
    let (alone, p99, slowest) = *rounds
        .iter()
        .min_by_key(|(alone, p99, _)| (*alone).max(*p99))
        .unwrap();
    eprintln!("probe: one 256 KiB registration {alone:?}; twenty at once, slowest {slowest:?}; GET /me meanwhile p99 {p99:?}");
    assert!(
        alone < Duration::from_millis(50),
        "one refused in {alone:?}"
    );
    assert!(p99 < Duration::from_millis(50), "GET /me p99 {p99:?}");
}

/// One registration alone, then twenty at once while `GET /me` is asked 50 times: the time
/// of the one, `GET /me`'s 99th percentile, and the slowest of the twenty.
fn probe_round(addr: &str, big: &str, me: &str) -> (Duration, Duration, Duration) {
    let (status, alone) = timed(addr, big);
    assert!(status.contains(" 422 "), "{status}");
    let attackers: Vec<_> = (0..20)
        .map(|_| {
            let (addr, big) = (addr.to_owned(), big.to_owned());
            std::thread::spawn(move || timed(&addr, &big))
        })
        .collect();
    let mut waits: Vec<Duration> = (0..50)
        .map(|_| {
            let (status, took) = timed(addr, me);
            assert!(status.contains(" 200 "), "{status}");
            took
        })
        .collect();
    let slowest = attackers
        .into_iter()
        .map(|a| {
            let (status, took) = a.join().unwrap();
            assert!(status.contains(" 422 "), "{status}");
            took
        })
        .max()
        .unwrap();
    waits.sort();
    (alone, waits[waits.len() * 99 / 100], slowest)
}
