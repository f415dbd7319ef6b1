//! The SQLite store: one connection behind a mutex, the schema, and shared row helpers.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::{Connection, OptionalExtension};

use crate::error::{ApiError, ApiResult};
use crate::extract::Partner;
use crate::seed::SeedSize;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS companies (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, partner_type TEXT NOT NULL, country TEXT NOT NULL,
  region TEXT NOT NULL, currency TEXT NOT NULL, tier TEXT NOT NULL, joined_on TEXT NOT NULL,
  next_tier_json TEXT, engagement_json TEXT NOT NULL DEFAULT '{\"score\":0,\"change\":0,\"factors\":[]}');
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES companies(id), name TEXT NOT NULL,
  email TEXT NOT NULL, role TEXT NOT NULL, token TEXT UNIQUE);
CREATE TABLE IF NOT EXISTS onboarding_items (
  id TEXT NOT NULL, company_id TEXT NOT NULL, phase INTEGER NOT NULL, position INTEGER NOT NULL,
  title TEXT NOT NULL, description TEXT NOT NULL, kind TEXT NOT NULL, due_on TEXT NOT NULL,
  state TEXT NOT NULL, completed_by TEXT NOT NULL, completed_at TEXT, blocked_reason TEXT,
  links_json TEXT NOT NULL, PRIMARY KEY (company_id, id));
CREATE TABLE IF NOT EXISTS courses (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL, level TEXT NOT NULL,
  modules_total INTEGER NOT NULL, minutes_per_module INTEGER NOT NULL, url TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS course_progress (
  user_id TEXT NOT NULL, course_id TEXT NOT NULL, modules_done INTEGER NOT NULL, PRIMARY KEY (user_id, course_id));
CREATE TABLE IF NOT EXISTS recommendations (
  user_id TEXT NOT NULL, course_id TEXT NOT NULL, reason TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS certifications (
  id TEXT NOT NULL, user_id TEXT NOT NULL, name TEXT NOT NULL, level TEXT NOT NULL, earned_on TEXT,
  expires_on TEXT, requirements_json TEXT NOT NULL, recertification TEXT NOT NULL, position INTEGER NOT NULL,
  PRIMARY KEY (user_id, id));
CREATE TABLE IF NOT EXISTS badges (
  id TEXT NOT NULL, user_id TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, earned_on TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS deals (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, reference TEXT NOT NULL UNIQUE, company_id TEXT NOT NULL,
  customer_company TEXT NOT NULL, customer_key TEXT NOT NULL, contact_name TEXT NOT NULL,
  contact_email TEXT NOT NULL, contact_phone TEXT, country TEXT NOT NULL, value_minor INTEGER NOT NULL,
  currency TEXT NOT NULL, value_usd INTEGER NOT NULL, search_text TEXT NOT NULL, expected_close_on TEXT NOT NULL, products_json TEXT NOT NULL, notes TEXT,
  status TEXT NOT NULL, protection_expires_on TEXT, submitted_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS deals_by_update ON deals (company_id, updated_at, reference);
CREATE INDEX IF NOT EXISTS deals_by_customer ON deals (customer_key);
CREATE TABLE IF NOT EXISTS deal_products (deal_seq INTEGER NOT NULL, product TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS deal_products_by_product ON deal_products (product, deal_seq);
CREATE TABLE IF NOT EXISTS deal_events (
  deal_seq INTEGER NOT NULL, position INTEGER NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL,
  actor TEXT NOT NULL, note TEXT, PRIMARY KEY (deal_seq, position));
CREATE TABLE IF NOT EXISTS idempotency_keys (
  company_id TEXT NOT NULL, key TEXT NOT NULL, body_json TEXT NOT NULL, reference TEXT NOT NULL,
  PRIMARY KEY (company_id, key));
CREATE TABLE IF NOT EXISTS scores (
  board_id TEXT NOT NULL, period TEXT NOT NULL, company_id TEXT NOT NULL, score INTEGER NOT NULL,
  previous_score INTEGER, badges_json TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (board_id, period, company_id));
CREATE INDEX IF NOT EXISTS scores_by_score ON scores (board_id, period, score DESC);
CREATE TABLE IF NOT EXISTS score_history (
  board_id TEXT NOT NULL, period TEXT NOT NULL, company_id TEXT NOT NULL, position INTEGER NOT NULL,
  label TEXT NOT NULL, score INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS surveys (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL, due_on TEXT NOT NULL,
  questions_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS survey_responses (
  survey_id TEXT NOT NULL, user_id TEXT NOT NULL, answers_json TEXT NOT NULL, submitted_at TEXT NOT NULL,
  PRIMARY KEY (survey_id, user_id));
CREATE TABLE IF NOT EXISTS feedback (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, category TEXT NOT NULL, title TEXT NOT NULL,
  body TEXT NOT NULL, status TEXT NOT NULL, submitted_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  reply_json TEXT);
";

/// The database, shared by all handlers.
#[derive(Clone)]
pub struct Db(Arc<Mutex<Connection>>);

impl Db {
    /// Opens (or creates) the file, creates the schema, and seeds an empty database.
    pub fn open(path: &Path, seed: SeedSize) -> Result<Self, String> {
        let conn =
            Connection::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        Self::prepare(conn, seed)
    }

    /// A throwaway in-memory database with the demo data, for tests.
    pub fn in_memory() -> Result<Self, String> {
        let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
        Self::prepare(conn, SeedSize::Demo)
    }

    fn prepare(mut conn: Connection, seed: SeedSize) -> Result<Self, String> {
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| e.to_string())?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| e.to_string())?;
        conn.execute_batch(SCHEMA)
            .map_err(|e| format!("cannot create the schema: {e}"))?;
        let empty: i64 = conn
            .query_row("SELECT COUNT(*) FROM companies", [], |r| r.get(0))
            .map_err(|e| e.to_string())?;
        if empty == 0 {
            let tx = conn.transaction().map_err(|e| e.to_string())?;
            crate::seed::seed(&tx, seed, chrono::Utc::now())
                .map_err(|e| format!("cannot seed: {e}"))?;
            tx.commit().map_err(|e| e.to_string())?;
        }
        Ok(Self(Arc::new(Mutex::new(conn))))
    }

    /// The connection, for one handler's queries.
    pub fn conn(&self) -> ApiResult<MutexGuard<'_, Connection>> {
        self.0
            .lock()
            .map_err(|_| ApiError::Internal("database lock poisoned".into()))
    }

    /// The partner user a session token belongs to.
    pub fn partner_for_token(&self, token: &str) -> ApiResult<Option<Partner>> {
        let conn = self.conn()?;
        Ok(conn
            .query_row(
                "SELECT id, company_id, name FROM users WHERE token = ?1",
                [token],
                |r| {
                    Ok(Partner {
                        user_id: r.get(0)?,
                        company_id: r.get(1)?,
                        name: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }
}

/// Reads a text column holding a serde value (`"approved"`, a date) into its type.
pub fn parse_text<T: serde::de::DeserializeOwned>(text: &str) -> ApiResult<T> {
    Ok(serde_json::from_value(serde_json::Value::String(
        text.to_owned(),
    ))?)
}

/// Writes a serde value that serialises to a string (an enum, a date) as column text.
pub fn to_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Reference rates (US cents per major unit) so deals in different currencies sort by value.
const USD_CENTS_PER_UNIT: [(&str, f64); 7] = [
    ("USD", 100.0),
    ("EUR", 108.0),
    ("GBP", 127.0),
    ("JPY", 0.67),
    ("CAD", 73.0),
    ("AUD", 65.0),
    ("CHF", 112.0),
];

/// A deal value in US cents at the reference rates, for sorting only.
pub fn usd_cents(amount_minor: i64, currency: &str) -> i64 {
    let digits = api_types::currency_digits(currency).unwrap_or(2);
    let rate = USD_CENTS_PER_UNIT
        .iter()
        .find(|(c, _)| *c == currency)
        .map_or(100.0, |(_, r)| *r);
    (amount_minor as f64 / 10f64.powi(digits as i32) * rate).round() as i64
}

/// The lower-cased text deal search matches against: reference, customer and contact.
pub fn search_text(reference: &str, customer: &str, contact: &str) -> String {
    format!("{reference} {customer} {contact}").to_lowercase()
}
