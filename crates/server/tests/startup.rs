//! The server binary as an operator starts it: production unless told otherwise, the demo only
//! on loopback, fixed tokens only in the demo, and no password or session token in its output.

mod support;

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};

use serde_json::json;
use support::Server;

/// A started binary, killed when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_addr() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}

fn command(db: &std::path::Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_portal-server"));
    command
        .args([
            "--db",
            db.to_str().unwrap(),
            "--static-dir",
            std::env::temp_dir().to_str().unwrap(),
        ])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Starts the binary and waits until it says it is serving; returns it and what it printed.
fn serve(db: &std::path::Path, args: &[&str]) -> (Running, String) {
    let mut child = command(db, args).spawn().unwrap();
    let mut printed = String::new();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    for line in lines.by_ref() {
        let line = line.unwrap();
        printed.push_str(&line);
        printed.push('\n');
        if line.contains("mode") {
            break;
        }
    }
    (Running(child), printed)
}

fn database(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("portal-startup-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("portal.sqlite3")
}

#[test]
fn with_no_flags_nothing_is_served_without_credentials() {
    let (db, addr) = (database("production"), free_addr());
    let (_server, printed) = serve(&db, &["--addr", &addr]);
    assert!(printed.contains("production mode"), "{printed}");
    let api = Server::at(&addr);
    for path in [
        "/me",
        "/deals",
        "/training",
        "/leaderboards/engagement",
        "/feedback",
        "/surveys",
    ] {
        assert_eq!(api.get(path).status, 401, "{path}");
    }
    for token in ["demo-token", "sakura-token"] {
        let reply = api.call(
            "GET",
            "/me",
            &[("Authorization", &format!("Bearer {token}"))],
            None,
        );
        assert_eq!(
            reply.status, 401,
            "the seeded demo token {token} is dead outside demo mode"
        );
    }
    assert_eq!(api.get("/session/demo-accounts").status, 404);
}

#[test]
fn the_demo_refuses_a_public_address_unless_forced() {
    let db = database("public");
    let output = command(&db, &["--demo", "--addr", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("only on loopback"));
}

#[test]
fn passwords_and_session_tokens_never_reach_the_output_or_a_body() {
    let (db, addr) = (database("secrets"), free_addr());
    let password = "correct horse battery staple";
    let set = command(&db, &["--set-password", "jonas.schaefer@mueller-soehne.de"])
        .env("PORTAL_PASSWORD", password)
        .output()
        .unwrap();
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let weak = command(&db, &["--set-password", "jonas.schaefer@mueller-soehne.de"])
        .env("PORTAL_PASSWORD", "short")
        .output()
        .unwrap();
    assert!(!weak.status.success(), "a short password is refused");

    let (mut server, mut printed) = serve(&db, &["--addr", &addr]);
    let api = Server::at(&addr);
    let origin = format!("http://{addr}");
    let sign_in = |password: &str| {
        let body =
            json!({"email": "jonas.schaefer@mueller-soehne.de", "password": password}).to_string();
        api.call(
            "POST",
            "/session",
            &[
                ("Content-Type", "application/json"),
                ("X-Portal-Request", "1"),
                ("Origin", &origin),
            ],
            Some(body.as_bytes()),
        )
    };
    assert_eq!(sign_in("wrong password here").status, 401);
    let reply = sign_in(password);
    assert_eq!(reply.status, 200);
    let cookie = reply
        .header("set-cookie")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let token = cookie.trim_start_matches("pp_session=").to_owned();
    let me = api.call("GET", "/me", &[("Cookie", &cookie)], None);
    assert_eq!(me.body["user"]["name"], "Jonas Schäfer");
    let _ = api.call("GET", "/deals/DR-0000-00000", &[("Cookie", &cookie)], None);

    let _ = server.0.kill();
    let mut rest = String::new();
    server
        .0
        .stdout
        .take()
        .map(|mut o| o.read_to_string(&mut rest));
    server
        .0
        .stderr
        .take()
        .map(|mut e| e.read_to_string(&mut rest));
    printed.push_str(&rest);
    for body in [&reply.body, &me.body] {
        let text = body.to_string();
        assert!(!text.contains(password) && !text.contains(&token), "{text}");
    }
    assert!(
        !printed.contains(password),
        "the password is in the output:\n{printed}"
    );
    assert!(
        !printed.contains(&token),
        "the session token is in the output:\n{printed}"
    );
}
