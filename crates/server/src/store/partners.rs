//! Partner companies and their people as the channel team creates them, one at a time or from
//! an import: a new partner goes on every leaderboard at once, in its leagues.

use api_types::{NewPartner, NewPartnerUser};
use rusqlite::{params, Connection, OptionalExtension};

use super::leaderboards::{leagues_now, place_partner};
use super::{to_text, Store};
use crate::error::AppResult;

/// Whether the partner company `id` exists (the channel team's calls name it).
pub(in crate::store) fn exists(conn: &Connection, id: &str) -> AppResult<bool> {
    Ok(conn.query_row(
        "SELECT COUNT(*) > 0 FROM companies WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?)
}

/// Whether a write made something new or changed what was there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Upserted {
    /// New.
    Created,
    /// Existing, now as given.
    Updated,
}

/// Why a person cannot be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonRefused {
    /// No such partner.
    NoPartner,
    /// Another person signs in with that e-mail.
    EmailTaken,
}

/// Creates or updates partner `id`, keeping its leaderboard leagues right.
pub(super) fn put_partner(
    conn: &Connection,
    id: &str,
    partner: &NewPartner,
    today: &str,
) -> AppResult<Upserted> {
    let before = leagues_now(conn, id)?;
    conn.execute(
        "INSERT INTO companies (id, name, partner_type, country, region, currency, tier, joined_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET name = ?2, partner_type = ?3, country = ?4, region = ?5,
           currency = ?6, tier = ?7",
        params![
            id,
            partner.name.trim(),
            to_text(&partner.partner_type),
            partner.country,
            partner.region,
            partner.currency,
            to_text(&partner.tier),
            today
        ],
    )?;
    place_partner(conn, id, before.clone())?;
    Ok(if before.is_some() {
        Upserted::Updated
    } else {
        Upserted::Created
    })
}

/// Creates or updates person `id` at partner `company`.
pub(super) fn put_person(
    conn: &Connection,
    company: &str,
    id: &str,
    person: &NewPartnerUser,
) -> AppResult<Result<Upserted, PersonRefused>> {
    let partner: Option<i64> = conn
        .query_row("SELECT 1 FROM companies WHERE id = ?1", [company], |r| {
            r.get(0)
        })
        .optional()?;
    if partner.is_none() {
        return Ok(Err(PersonRefused::NoPartner));
    }
    let email = person.email.trim();
    let taken: Option<String> = conn
        .query_row(
            "SELECT id FROM users WHERE email = ?1 COLLATE NOCASE AND id <> ?2",
            [email, id],
            |r| r.get(0),
        )
        .optional()?;
    if taken.is_some() {
        return Ok(Err(PersonRefused::EmailTaken));
    }
    let existing: Option<String> = conn
        .query_row("SELECT company_id FROM users WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    match existing {
        Some(at) if at != company => return Ok(Err(PersonRefused::EmailTaken)),
        Some(_) => {
            conn.execute(
                "UPDATE users SET name = ?2, email = ?3, role = ?4, removed_at = NULL WHERE id = ?1",
                params![id, person.name.trim(), email, to_text(&person.role)],
            )?;
            Ok(Ok(Upserted::Updated))
        }
        None => {
            conn.execute(
                "INSERT INTO users (id, company_id, name, email, role) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    id,
                    company,
                    person.name.trim(),
                    email,
                    to_text(&person.role)
                ],
            )?;
            Ok(Ok(Upserted::Created))
        }
    }
}

/// One checked row of an import: a partner, perhaps with one of its people.
pub struct ImportLine {
    /// The partner's id and details.
    pub partner: (String, NewPartner),
    /// A person at it, if the row names one.
    pub person: Option<(String, NewPartnerUser)>,
}

impl Store {
    /// `PUT /ops/partners/{id}`.
    pub fn put_partner(&self, id: &str, partner: &NewPartner, today: &str) -> AppResult<Upserted> {
        self.write(|tx| put_partner(tx, id, partner, today))
    }

    /// `PUT /ops/partners/{id}/users/{userId}`.
    pub fn put_person(
        &self,
        company: &str,
        id: &str,
        person: &NewPartnerUser,
    ) -> AppResult<Result<Upserted, PersonRefused>> {
        self.write(|tx| put_person(tx, company, id, person))
    }

    /// Writes checked import rows in one transaction; a row whose person cannot be written
    /// leaves its partner unwritten too (a savepoint per row).
    pub fn import(
        &self,
        lines: &[ImportLine],
        today: &str,
    ) -> AppResult<Vec<Result<Upserted, PersonRefused>>> {
        self.write(|tx| {
            let mut outcomes = Vec::with_capacity(lines.len());
            for line in lines {
                tx.execute_batch("SAVEPOINT import_row")?;
                let (id, partner) = &line.partner;
                let mut outcome = Ok(put_partner(tx, id, partner, today)?);
                if let Some((person_id, person)) = &line.person {
                    outcome = match put_person(tx, id, person_id, person)? {
                        Ok(Upserted::Created) => Ok(Upserted::Created),
                        Ok(Upserted::Updated) => outcome,
                        Err(refused) => Err(refused),
                    };
                }
                tx.execute_batch(if outcome.is_ok() {
                    "RELEASE import_row"
                } else {
                    "ROLLBACK TO import_row; RELEASE import_row"
                })?;
                outcomes.push(outcome);
            }
            Ok(outcomes)
        })
    }
}
