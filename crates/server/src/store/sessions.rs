//! Sessions and passwords: who a session cookie or a demo token belongs to, sign-in records,
//! and the demo accounts. Session tokens are stored only as hashes; passwords only as Argon2id
//! hashes (made and checked in `crate::auth`, never here).

use api_types::{DemoAccount, UserRole};
use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::{parse_text, Store};
use crate::error::AppResult;
use crate::store::Caller;

/// How long a session lives: unused, and at most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lifetimes {
    /// Seconds without a request after which the session ends.
    pub idle: i64,
    /// Seconds after sign-in after which it ends, used or not.
    pub absolute: i64,
}

/// A session found by its token's hash.
#[derive(Clone, Debug)]
pub enum SessionLookup {
    /// Still valid: the caller, and when it was created and last used (Unix seconds).
    Valid {
        caller: Caller,
        created_at: i64,
        seen_at: i64,
    },
    /// Unknown, expired or signed out.
    Ended,
}

/// A user found by e-mail for signing in.
pub struct Account {
    pub user_id: String,
    pub password_hash: Option<String>,
}

const CALLER: &str = "SELECT u.id, u.company_id, u.name, u.email, u.role, c.name AS company_name,
            c.country AS company_country, c.currency AS company_currency
     FROM users u JOIN companies c ON c.id = u.company_id";

fn caller(row: &Row) -> rusqlite::Result<Caller> {
    Ok(Caller {
        user_id: row.get("id")?,
        company_id: row.get("company_id")?,
        name: row.get("name")?,
        email: row.get("email")?,
        role: parse_text(&row.get::<_, String>("role")?).unwrap_or(UserRole::Member),
        company_name: row.get("company_name")?,
        company_country: row.get("company_country")?,
        company_currency: row.get("company_currency")?,
    })
}

/// Records a new session and answers who it belongs to.
pub(super) fn insert_session(
    tx: &Transaction,
    user_id: &str,
    token_hash: &str,
    now: i64,
) -> rusqlite::Result<Caller> {
    tx.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, seen_at) VALUES (?1, ?2, ?3, ?3)",
        params![token_hash, user_id, now],
    )?;
    tx.query_row(&format!("{CALLER} WHERE u.id = ?1"), [user_id], caller)
}

impl Store {
    /// The user with this e-mail (compared without case) and their password hash, if any.
    pub fn account_by_email(&self, email: &str) -> AppResult<Option<Account>> {
        Ok(self
            .reader()?
            .query_row(
                "SELECT u.id, p.password_hash FROM users u LEFT JOIN credentials p ON p.user_id = u.id
                 WHERE u.email = ?1 COLLATE NOCASE AND u.removed_at IS NULL",
                [email.trim()],
                |r| {
                    Ok(Account {
                        user_id: r.get(0)?,
                        password_hash: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Sets a user's password hash.
    pub fn set_password_hash(&self, user_id: &str, hash: &str) -> AppResult<()> {
        self.conn()?.execute(
            "INSERT INTO credentials (user_id, password_hash) VALUES (?1, ?2)
             ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash",
            params![user_id, hash],
        )?;
        Ok(())
    }

    /// Ids of users who have no password yet.
    pub fn users_without_password(&self) -> AppResult<Vec<String>> {
        let conn = self.reader()?;
        let mut statement = conn.prepare(
            "SELECT id FROM users WHERE id NOT IN (SELECT user_id FROM credentials) ORDER BY id",
        )?;
        let ids = statement
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Starts a session for `user_id`, ending the one the browser had (`previous`), if any, and
    /// every session that has expired (so the table never grows without end).
    pub fn start_session(
        &self,
        user_id: &str,
        token_hash: &str,
        previous: Option<&str>,
        now: i64,
        lifetimes: Lifetimes,
    ) -> AppResult<Caller> {
        self.write(|tx| {
            if let Some(previous) = previous {
                tx.execute("DELETE FROM sessions WHERE token_hash = ?1", [previous])?;
            }
            tx.execute(
                "DELETE FROM sessions WHERE seen_at <= ?1 OR created_at <= ?2",
                params![now - lifetimes.idle, now - lifetimes.absolute],
            )?;
            Ok(insert_session(tx, user_id, token_hash, now)?)
        })
    }

    /// The session with this token hash, marked as used now if still valid; ended ones are
    /// deleted as they are found.
    pub fn session(
        &self,
        token_hash: &str,
        now: i64,
        lifetimes: Lifetimes,
    ) -> AppResult<SessionLookup> {
        let found = self
            .reader()?
            .query_row(
                "SELECT s.created_at, s.seen_at, u.id, u.company_id, u.name, u.email, u.role, c.name AS company_name,
                        c.country AS company_country, c.currency AS company_currency
                     FROM sessions s JOIN users u ON u.id = s.user_id JOIN companies c ON c.id = u.company_id
                     WHERE s.token_hash = ?1 AND u.removed_at IS NULL",
                [token_hash],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, caller(r)?)),
            )
            .optional()?;
        let Some((created_at, seen_at, caller)) = found else {
            return Ok(SessionLookup::Ended);
        };
        if now - seen_at >= lifetimes.idle || now - created_at >= lifetimes.absolute {
            self.end_session(token_hash)?;
            return Ok(SessionLookup::Ended);
        }
        // One write a minute per session at most, not one per request.
        let seen_at = if now - seen_at >= 60 {
            self.conn()?.execute(
                "UPDATE sessions SET seen_at = ?2 WHERE token_hash = ?1",
                params![token_hash, now],
            )?;
            now
        } else {
            seen_at
        };
        Ok(SessionLookup::Valid {
            caller,
            created_at,
            seen_at,
        })
    }

    /// Ends a session (sign-out, or found expired).
    pub fn end_session(&self, token_hash: &str) -> AppResult<()> {
        self.conn()?
            .execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
        Ok(())
    }

    /// The user a fixed demo token belongs to (demo mode only; the caller checks the mode).
    pub fn caller_for_demo_token(&self, token: &str) -> AppResult<Option<Caller>> {
        Ok(self
            .reader()?
            .query_row(
                &format!("{CALLER} WHERE u.token = ?1 AND u.removed_at IS NULL"),
                [token],
                caller,
            )
            .optional()?)
    }

    /// The user an OpenID Connect token speaks for: by e-mail (any case), or by user id.
    pub fn caller_for_identity(&self, who: &str) -> AppResult<Option<Caller>> {
        Ok(self
            .reader()?
            .query_row(
                &format!(
                    "{CALLER} WHERE (u.email = ?1 COLLATE NOCASE OR u.id = ?1) AND u.removed_at IS NULL"
                ),
                [who],
                caller,
            )
            .optional()?)
    }

    /// Every seeded account, for the demo sign-in page (demo mode only; the caller checks the
    /// mode); people who joined by invitation chose their own password and are not listed.
    pub fn demo_accounts(&self, password: &str) -> AppResult<Vec<DemoAccount>> {
        let conn = self.reader()?;
        let mut statement = conn.prepare(
            "SELECT u.email, u.name, u.role, c.name FROM users u JOIN companies c ON c.id = u.company_id
             WHERE u.removed_at IS NULL AND u.id IN (SELECT user_id FROM credentials)
               AND u.id NOT IN (SELECT user_id FROM invitations WHERE user_id IS NOT NULL)
             ORDER BY c.name, u.role, u.name",
        )?;
        let accounts = statement
            .query_map([], |r| {
                Ok(DemoAccount {
                    email: r.get(0)?,
                    name: r.get(1)?,
                    role: parse_text(&r.get::<_, String>(2)?).unwrap_or(UserRole::Member),
                    company_name: r.get(3)?,
                    password: password.to_owned(),
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(accounts)
    }
}
