//! The HTTP harness for the backend's integration tests: a real server on a free loopback port
//! with its own database, a minimal HTTP/1.1 client, and request builders.
// Each test binary compiles this module and uses only some of it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;

use portal_server::{
    app, demo_store, program_store, AppState, AuthMode, Settings, Store, DEMO_TOKEN,
};
use serde_json::{json, Value};

/// A running server on a free loopback port, with its own database. In demo mode its
/// requests carry the demo partner's fixed token unless they bring their own credentials.
#[derive(Clone)]
pub struct Server {
    addr: String,
    token: Option<String>,
    /// `pp_session=…` of a signed-in browser; its requests then carry the CSRF proof too.
    cookie: Option<String>,
}

/// A server in `auth` mode on the demo program (with the demo passwords only in demo mode).
pub fn start(auth: AuthMode) -> Server {
    let store = match auth {
        AuthMode::Demo => demo_store(),
        AuthMode::Production => program_store(),
    };
    start_with(store.unwrap(), auth)
}

pub fn start_with(store: Store, auth: AuthMode) -> Server {
    start_configured(store, |settings| settings.auth = auth)
}

/// A server on `store` with settings changed by `configure`.
pub fn start_configured(store: Store, configure: impl FnOnce(&mut Settings)) -> Server {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    listener.set_nonblocking(true).unwrap();
    let mut settings = Settings::from_args(["--addr".to_owned(), addr.clone()]).unwrap();
    settings.static_dir = std::env::temp_dir();
    configure(&mut settings);
    let auth = settings.auth;
    let router = app(&settings, AppState::new(store, &settings))
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
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
    let token = (auth == AuthMode::Demo).then(|| DEMO_TOKEN.to_owned());
    Server {
        addr,
        token,
        cookie: None,
    }
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
    /// A server already listening at `addr` (e.g. the binary started by a test).
    pub fn at(addr: &str) -> Server {
        Server {
            addr: addr.to_owned(),
            token: None,
            cookie: None,
        }
    }

    /// The same server, with requests that carry no credentials of their own.
    pub fn anonymous(&self) -> Server {
        Server {
            token: None,
            cookie: None,
            ..self.clone()
        }
    }

    /// The same server, with requests that carry `token` as their bearer token.
    pub fn with_token(&self, token: &str) -> Server {
        Server {
            token: Some(token.to_owned()),
            cookie: None,
            ..self.clone()
        }
    }

    /// The same server, as a browser signed in with this e-mail and password.
    pub fn signed_in(&self, email: &str, password: &str) -> Server {
        let reply = sign_in(self, email, password, None);
        assert_eq!(reply.status, 200, "sign-in as {email}: {}", reply.body);
        Server {
            token: None,
            cookie: Some(session_cookie(&reply)),
            ..self.clone()
        }
    }

    /// This server's `Origin`, as a browser on the portal sends it.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

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
        let own = |n: &str| headers.iter().any(|(name, _)| name.eq_ignore_ascii_case(n));
        if let Some(token) = self
            .token
            .as_ref()
            .filter(|_| !own("Authorization") && !own("Cookie"))
        {
            request.push_str(&format!("Authorization: Bearer {token}\r\n"));
        }
        if let Some(cookie) = self
            .cookie
            .as_ref()
            .filter(|_| !own("Authorization") && !own("Cookie"))
        {
            request.push_str(&format!(
                "Cookie: {cookie}\r\nX-Portal-Request: 1\r\nOrigin: http://{}\r\n",
                self.addr
            ));
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

    pub fn put(&self, path: &str, body: &Value) -> Reply {
        let body = body.to_string();
        self.call(
            "PUT",
            path,
            &[("Content-Type", "application/json")],
            Some(body.as_bytes()),
        )
    }

    pub fn post(&self, path: &str, body: &Value, headers: &[(&str, &str)]) -> Reply {
        let mut all = vec![("Content-Type", "application/json")];
        all.extend_from_slice(headers);
        self.call("POST", path, &all, Some(body.to_string().as_bytes()))
    }
}

pub fn sign_in(server: &Server, email: &str, password: &str, cookie: Option<&str>) -> Reply {
    let body = json!({"email": email, "password": password}).to_string();
    let origin = server.origin();
    let mut headers = vec![
        ("Content-Type", "application/json"),
        ("X-Portal-Request", "1"),
        ("Origin", origin.as_str()),
    ];
    if let Some(cookie) = cookie {
        headers.push(("Cookie", cookie));
    }
    server.call("POST", "/session", &headers, Some(body.as_bytes()))
}

/// `pp_session=<token>` from a sign-in answer.
pub fn session_cookie(reply: &Reply) -> String {
    let set = reply.header("set-cookie").expect("a session cookie");
    set.split(';').next().unwrap().to_owned()
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
