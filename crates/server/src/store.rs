//! The storage layer: the only place that knows SQL. One module per area owns its statements
//! and reads rows by column name; handlers call typed methods on [`Store`] and never see a
//! connection, so a second database engine would mean a second implementation of these
//! methods, not a change to any handler.

use std::ops::Deref;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};

use crate::error::{AppError, AppResult};

mod accounts;
mod catalogue;
pub mod conversation;
pub mod deals;
pub mod earnings;
mod feedback;
pub mod funds;
pub mod leaderboards;
pub mod learning_reports;
pub mod notifications;
pub mod onboarding;
mod operators;
pub mod partners;
pub mod program;
mod schema;
pub mod seed;
mod sessions;
mod surveys;
mod team;
mod training;

pub use accounts::Caller;
pub use deals::Registration;
pub use seed::{SeedSize, DEMO_TOKEN, OTHER_PARTNER_TOKEN};
pub use sessions::{Lifetimes, SessionLookup};
pub use surveys::PublishRefused;
pub use team::{InvitationDraft, InvitationRefused, Joining};

/// How many read-only connections a database file gets: reads run side by side under WAL,
/// on blocking threads, while the one writer connection takes the writes in turn.
const READERS: usize = 4;

/// How long a statement waits for another connection's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The database, shared by all handlers.
#[derive(Clone)]
pub struct Store(Arc<Connections>);

struct Connections {
    writer: Mutex<Connection>,
    /// Idle read-only connections; empty for an in-memory database, which has one connection.
    readers: Mutex<Vec<Connection>>,
    reader_returned: Condvar,
    pooled: bool,
}

impl Store {
    /// Opens (or creates) the file and its schema; seeding is the caller's next step.
    pub fn open(path: &Path) -> Result<Self, String> {
        let open =
            || Connection::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()));
        let writer = prepare(open()?)?;
        schema::create(&writer)?;
        let readers = (0..READERS)
            .map(|_| {
                let reader = prepare(open()?)?;
                reader
                    .pragma_update(None, "query_only", "ON")
                    .map_err(|e| e.to_string())?;
                Ok(reader)
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Self::from_parts(writer, readers))
    }

    /// A throwaway in-memory database, for tests.
    pub fn in_memory() -> Result<Self, String> {
        let conn = prepare(Connection::open_in_memory().map_err(|e| e.to_string())?)?;
        schema::create(&conn)?;
        Ok(Self::from_parts(conn, Vec::new()))
    }

    fn from_parts(writer: Connection, readers: Vec<Connection>) -> Self {
        Self(Arc::new(Connections {
            writer: Mutex::new(writer),
            pooled: !readers.is_empty(),
            readers: Mutex::new(readers),
            reader_returned: Condvar::new(),
        }))
    }

    /// The writer connection, for statements that change data.
    fn conn(&self) -> AppResult<MutexGuard<'_, Connection>> {
        self.0.writer.lock().map_err(|_| poisoned())
    }

    /// A connection for reading, waiting for one to be free.
    fn reader(&self) -> AppResult<Reader<'_>> {
        if !self.0.pooled {
            return Ok(Reader::Writer(self.conn()?));
        }
        let mut idle = self.0.readers.lock().map_err(|_| poisoned())?;
        loop {
            if let Some(conn) = idle.pop() {
                return Ok(Reader::Pooled(Some(conn), self));
            }
            idle = self.0.reader_returned.wait(idle).map_err(|_| poisoned())?;
        }
    }

    /// Runs `work` on a thread meant for blocking, so slow statements never stall the async
    /// workers that serve files and accept connections.
    pub async fn run<T, F>(&self, work: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> AppResult<T> + Send + 'static,
    {
        let store = self.clone();
        tokio::task::spawn_blocking(move || work(&store))
            .await
            .map_err(|e| AppError::Internal(format!("database task failed: {e}")))?
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

fn prepare(conn: Connection) -> Result<Connection, String> {
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| e.to_string())?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(|e| e.to_string())?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| e.to_string())?;
    Ok(conn)
}

fn poisoned() -> AppError {
    AppError::Internal("database lock poisoned".into())
}

/// A connection lent for reading: back to the pool when dropped.
enum Reader<'a> {
    Pooled(Option<Connection>, &'a Store),
    Writer(MutexGuard<'a, Connection>),
}

impl Deref for Reader<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        match self {
            Self::Pooled(conn, _) => conn
                .as_ref()
                .expect("a lent connection is present until dropped"),
            Self::Writer(guard) => guard,
        }
    }
}

impl Drop for Reader<'_> {
    fn drop(&mut self) {
        if let Self::Pooled(conn, store) = self {
            if let (Some(conn), Ok(mut idle)) = (conn.take(), store.0.readers.lock()) {
                idle.push(conn);
                store.0.reader_returned.notify_one();
            }
        }
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
