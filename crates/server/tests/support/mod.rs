//! The HTTP harness for the backend's integration tests: a real server on a free loopback port
//! with its own database, a minimal HTTP/1.1 client, and request builders.
// Each test binary compiles this module and uses only some of it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;

use portal_server::{app, demo_store, AppState, AuthMode, SeedSize, Settings, Store};
use serde_json::{json, Value};

/// A running server on a free loopback port, with its own database.
pub struct Server {
    addr: String,
}

pub fn start(auth: AuthMode) -> Server {
    start_with(demo_store().unwrap(), auth)
}

pub fn start_with(store: Store, auth: AuthMode) -> Server {
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
    let router = app(&settings, AppState { store, auth });
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
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Value,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Server {
    /// One HTTP/1.1 request with `Connection: close`; `headers` are extra lines.
    pub fn call(
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

    pub fn get(&self, path: &str) -> Reply {
        self.call("GET", path, &[], None)
    }

    pub fn post(&self, path: &str, body: &Value, headers: &[(&str, &str)]) -> Reply {
        let mut all = vec![("Content-Type", "application/json")];
        all.extend_from_slice(headers);
        self.call("POST", path, &all, Some(body.to_string().as_bytes()))
    }
}

pub fn in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string()
}

pub fn new_deal(customer: &str, product: &str) -> Value {
    json!({
        "customer_company": customer,
        "contact": {"name": "Élodie Martin", "email": "elodie.martin@example.fr"},
        "country": "FR",
        "value": {"amount_minor": 4_250_000, "currency": "EUR"},
        "expected_close_on": in_days(30),
        "products": [product]
    })
}

pub fn references(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["reference"].as_str().unwrap().to_owned())
        .collect()
}
