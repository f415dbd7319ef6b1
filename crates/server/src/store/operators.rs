//! The vendor's side: API keys for integrations (kept as SHA-256, shown once when made) and
//! channel team members, who reach the operations API with their provider's access token.

use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::error::AppResult;

impl Store {
    /// The name of the integration whose key hashes to `key_hash`, if it is not revoked.
    pub fn api_key_name(&self, key_hash: &str) -> AppResult<Option<String>> {
        Ok(self
            .reader()?
            .query_row(
                "SELECT name FROM api_keys WHERE key_hash = ?1 AND revoked_at IS NULL",
                [key_hash],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Stores a new key's hash under `name`.
    pub fn add_api_key(&self, key_hash: &str, name: &str, now: i64) -> AppResult<()> {
        self.conn()?.execute(
            "INSERT INTO api_keys (key_hash, name, created_at) VALUES (?1, ?2, ?3)",
            params![key_hash, name, now],
        )?;
        Ok(())
    }

    /// The channel team member with this e-mail, by name.
    pub fn channel_member(&self, email: &str) -> AppResult<Option<String>> {
        Ok(self
            .reader()?
            .query_row(
                "SELECT name FROM channel_team WHERE email = ?1 AND removed_at IS NULL",
                [email],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Adds (or renames) a channel team member.
    pub fn add_channel_member(&self, email: &str, name: &str) -> AppResult<()> {
        self.conn()?.execute(
            "INSERT INTO channel_team (email, name) VALUES (?1, ?2)
             ON CONFLICT (email) DO UPDATE SET name = excluded.name, removed_at = NULL",
            [email, name],
        )?;
        Ok(())
    }
}
