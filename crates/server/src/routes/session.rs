//! `/session`: sign in with e-mail and password (a session cookie), who am I, sign out, and
//! the demo accounts in demo mode.

use std::net::SocketAddr;

use api_types::{problem_code, DemoAccount, PartnerUser, Session, SignIn, SESSION_COOKIE};
use axum::extract::{ConnectInfo, FromRequest, Request, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::DateTime;
use http::header::{ORIGIN, SET_COOKIE};
use http::{HeaderMap, HeaderValue, StatusCode};

use crate::auth::{self, AuthMode, Authenticated, DEMO_PASSWORD};
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::store::Caller;
use crate::AppState;

/// Checks the password, then starts a new session (ending the browser's previous one).
pub async fn sign_in(State(state): State<AppState>, request: Request) -> AppResult<Response> {
    let (parts, body) = request.into_parts();
    auth::check_csrf(&parts)?;
    let previous = auth::session_cookie(&parts).map(|t| auth::token_hash(&t));
    let address = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "unknown".to_owned(), |ConnectInfo(a)| a.ip().to_string());
    let secure = served_over_tls(&parts.headers);
    let ApiJson(SignIn { email, password }) =
        ApiJson::from_request(Request::from_parts(parts, body), &state).await?;
    let now = auth::now();
    state
        .throttle
        .check(&email, &address, now)
        .map_err(AppError::LockedOut)?;
    let lookup = email.clone();
    let account = state
        .store
        .run(move |s| s.account_by_email(&lookup))
        .await?;
    let hash = account.as_ref().and_then(|a| a.password_hash.clone());
    // Argon2 is meant to be slow: off the async workers.
    let matches =
        tokio::task::spawn_blocking(move || auth::verify_password(&password, hash.as_deref()))
            .await
            .unwrap_or(false);
    let Some(account) = account.filter(|_| matches) else {
        state.throttle.failed(&email, &address, now);
        return Err(AppError::Unauthorized(problem_code::INVALID_CREDENTIALS));
    };
    state.throttle.succeeded(&email);
    let token = auth::new_token()?;
    let (hash, lifetimes) = (auth::token_hash(&token), state.lifetimes);
    let caller = state
        .store
        .run(move |s| s.start_session(&account.user_id, &hash, previous.as_deref(), now, lifetimes))
        .await?;
    Ok(session_started(
        &state,
        caller,
        &token,
        now,
        secure,
        StatusCode::OK,
    ))
}

/// The answer that starts a browser's session: who is signed in, and the cookie.
pub(super) fn session_started(
    state: &AppState,
    caller: Caller,
    token: &str,
    now: i64,
    secure: bool,
    status: StatusCode,
) -> Response {
    let session = describe(state, caller, Some((now, now)));
    let cookie = format!(
        "{SESSION_COOKIE}={token}; Path={}; HttpOnly; SameSite=Lax; Max-Age={}{}",
        state.cookie_path,
        state.lifetimes.absolute,
        if secure { "; Secure" } else { "" }
    );
    with_cookie((status, Json(session)).into_response(), &cookie)
}

/// Who is signed in, and when the session ends.
pub async fn get_session(
    State(state): State<AppState>,
    who: Authenticated,
) -> AppResult<Json<Session>> {
    let times = who.session.map(|t| (t.created_at, t.seen_at));
    Ok(Json(describe(&state, who.caller, times)))
}

/// Ends the browser's session; answers 204 whether or not there was one. The CSRF proof is
/// asked for either way, so another site can never sign a partner out.
pub async fn sign_out(State(state): State<AppState>, request: Request) -> AppResult<Response> {
    let (parts, _) = request.into_parts();
    auth::check_csrf(&parts)?;
    if let Some(token) = auth::session_cookie(&parts) {
        let hash = auth::token_hash(&token);
        state.store.run(move |s| s.end_session(&hash)).await?;
    }
    let cookie = format!(
        "{SESSION_COOKIE}=; Path={}; HttpOnly; SameSite=Lax; Max-Age=0",
        state.cookie_path
    );
    Ok(with_cookie(StatusCode::NO_CONTENT.into_response(), &cookie))
}

/// The accounts anyone may sign in with, in demo mode; 404 otherwise.
pub async fn demo_accounts(State(state): State<AppState>) -> AppResult<Json<Vec<DemoAccount>>> {
    if state.auth != AuthMode::Demo {
        return Err(AppError::NotFound(
            "There are no demo accounts outside demo mode.".into(),
        ));
    }
    Ok(Json(
        state.store.run(|s| s.demo_accounts(DEMO_PASSWORD)).await?,
    ))
}

fn describe(state: &AppState, caller: Caller, times: Option<(i64, i64)>) -> Session {
    let at = |seconds: i64| DateTime::from_timestamp(seconds, 0);
    let absolute = state.lifetimes.absolute;
    Session {
        user: PartnerUser {
            id: caller.user_id,
            name: caller.name,
            email: caller.email,
            role: caller.role,
        },
        company_id: caller.company_id,
        company_name: caller.company_name,
        company_country: Some(caller.company_country),
        company_currency: Some(caller.company_currency),
        expires_at: times.and_then(|(created, _)| at(created + absolute)),
        idle_expires_at: times
            .and_then(|(created, seen)| at((seen + state.lifetimes.idle).min(created + absolute))),
    }
}

/// Whether the browser reached us over TLS (directly, or through a proxy that says so).
pub(super) fn served_over_tls(headers: &HeaderMap) -> bool {
    let forwarded = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok());
    let origin = headers.get(ORIGIN).and_then(|v| v.to_str().ok());
    forwarded.is_some_and(|p| p.eq_ignore_ascii_case("https"))
        || origin.is_some_and(|o| o.starts_with("https://"))
}

fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response.headers_mut().insert(
        http::header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    );
    response
}
