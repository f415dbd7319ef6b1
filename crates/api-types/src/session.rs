//! Signing in and out (`/session`): the session cookie, the CSRF proof every cookie-signed
//! write carries, and the problem codes a client acts on.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{PartnerUser, UserRole};

/// The HttpOnly cookie that carries a browser's session.
pub const SESSION_COOKIE: &str = "pp_session";

/// The header every request signed by the session cookie must carry on a write (any value):
/// another site can make a browser send the cookie, but not this header without the API's
/// consent (CORS), and the server also checks `Origin` when the browser sends one.
pub const CSRF_HEADER: &str = "x-portal-request";

/// `POST /session`: e-mail and password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignIn {
    /// The user's work e-mail (any case).
    pub email: String,
    /// Their password; never logged, never stored.
    pub password: String,
}

/// `GET /session` and `POST /session`: who is signed in, and until when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The signed-in person.
    pub user: PartnerUser,
    /// Their company's id. (The portal reads only what it shows or uses: not this, nor the
    /// expiry times, which the backend enforces.)
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub company_id: String,
    /// Their company's name, for the user menu.
    pub company_name: String,
    /// Their company's country (ISO code): what a new registration starts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_country: Option<String>,
    /// Their company's currency (ISO code): what a new registration starts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_currency: Option<String>,
    /// When the session ends even if used (absolute expiry); absent for a bearer token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::dates::optional_instant")]
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub expires_at: Option<DateTime<Utc>>,
    /// When it ends if not used before (idle expiry); absent for a bearer token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::dates::optional_instant")]
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub idle_expires_at: Option<DateTime<Utc>>,
}

/// `GET /session/demo-accounts` (demo mode only): an account anyone may try.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoAccount {
    /// E-mail to sign in with.
    pub email: String,
    /// The person's name.
    pub name: String,
    /// Their company.
    pub company_name: String,
    /// What they may do.
    pub role: UserRole,
    /// The password every demo account shares.
    pub password: String,
}

/// The `code` of a problem answer that a client acts on.
pub mod problem_code {
    /// 401: no credentials were sent.
    pub const NO_SESSION: &str = "no-session";
    /// 401: the session ended (expired, signed out elsewhere) or the token is not valid.
    pub const SESSION_EXPIRED: &str = "session-expired";
    /// 401: the e-mail and password do not match an account (never says which).
    pub const INVALID_CREDENTIALS: &str = "invalid-credentials";
    /// 429: too many failed sign-ins; `Retry-After` says when to try again.
    pub const LOCKED_OUT: &str = "locked-out";
    /// 403: a cookie-signed write without the CSRF proof, or from another site.
    pub const CSRF: &str = "csrf";
    /// 403: the user's role does not allow this.
    pub const FORBIDDEN: &str = "forbidden";
    /// 409: one of the caller's own open registrations already covers this customer and a
    /// product (`conflicting_reference` names it).
    pub const ALREADY_YOURS: &str = "already-yours";
    /// Every code, in the contract's order.
    pub const ALL: [&str; 7] = [
        NO_SESSION,
        SESSION_EXPIRED,
        INVALID_CREDENTIALS,
        LOCKED_OUT,
        CSRF,
        FORBIDDEN,
        ALREADY_YOURS,
    ];
}
