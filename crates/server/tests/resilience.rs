//! The server survives itself: a handler that panics answers a problem+json 500 and the next
//! request is served; told to stop (SIGTERM), it finishes the requests in flight first.

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

#[cfg(unix)]
#[test]
fn sigterm_lets_every_request_in_flight_finish() {
    let addr = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().to_string()
    };
    let dir = std::env::temp_dir().join(format!("portal-sigterm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("db.sqlite3");
    let _ = std::fs::remove_file(&db);
    let mut child = Command::new(env!("CARGO_BIN_EXE_portal-server"))
        .args(["--demo", "--addr", &addr, "--db", db.to_str().unwrap()])
        .args(["--static-dir", dir.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let connect = || TcpStream::connect(&addr);
    for _ in 0..300 {
        if connect().is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
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
