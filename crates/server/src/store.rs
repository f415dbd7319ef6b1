//! The storage layer: the only place that knows SQL. One module per area owns its statements
//! and reads rows by column name; handlers call typed methods on [`Store`] and never see a
//! connection, so a second database engine would mean a second implementation of these
//! methods, not a change to any handler.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};

use crate::error::{AppError, AppResult};

mod accounts;
pub mod deals;
mod feedback;
mod leaderboards;
pub mod onboarding;
mod schema;
pub mod seed;
mod surveys;
mod training;

pub use accounts::Caller;
pub use deals::Registration;
pub use seed::{SeedSize, DEMO_TOKEN, OTHER_PARTNER_TOKEN};

/// The database, shared by all handlers.
#[derive(Clone)]
pub struct Store(Arc<Mutex<Connection>>);

impl Store {
    /// Opens (or creates) the file and its schema; seeding is the caller's next step.
    pub fn open(path: &Path) -> Result<Self, String> {
        let conn =
            Connection::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        Self::prepare(conn)
    }

    /// A throwaway in-memory database, for tests.
    pub fn in_memory() -> Result<Self, String> {
        let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
        Self::prepare(conn)
    }

    fn prepare(conn: Connection) -> Result<Self, String> {
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| e.to_string())?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| e.to_string())?;
        conn.execute_batch(schema::SCHEMA)
            .map_err(|e| format!("cannot create the schema: {e}"))?;
        Ok(Self(Arc::new(Mutex::new(conn))))
    }

    /// The connection, for one request's statements.
    fn conn(&self) -> AppResult<MutexGuard<'_, Connection>> {
        self.0
            .lock()
            .map_err(|_| AppError::Internal("database lock poisoned".into()))
    }

    /// Runs `write` in one transaction, committed only if it succeeds.
    fn write<T>(&self, write: impl FnOnce(&Transaction) -> AppResult<T>) -> AppResult<T> {
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        let value = write(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

/// Reads a text column holding a serde value (`"approved"`, a date) into its type.
fn parse_text<T: serde::de::DeserializeOwned>(text: &str) -> AppResult<T> {
    Ok(serde_json::from_value(serde_json::Value::String(
        text.to_owned(),
    ))?)
}

/// Writes a serde value that serialises to a string (an enum, a date) as column text.
fn to_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// RFC 3339 in UTC with seconds, as stored and sent.
pub fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
