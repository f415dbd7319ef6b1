//! Registering a deal: the customer key, another partner's conflicting registration, the
//! partner's own open registration it would repeat, idempotent retries, and the new deal
//! with its points and onboarding steps in one transaction.

use api_types::{Deal, DealEvent, DealStatus, DealStepKind, NewDeal, RepeatParams};
use chrono::{DateTime, Datelike, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::{insert_deal, load_deal, StoredDeal};
use crate::error::{AppError, AppResult};
use crate::store::leaderboards::{add_points, points};
use crate::store::onboarding::{observe, Observed};
use crate::store::program::usd_cents;
use crate::store::{Caller, Store};

/// What registering a deal came to.
pub enum Registration {
    /// A new deal.
    Created(Deal),
    /// A retry with the same key and body: the deal the first attempt created.
    Replayed(Deal),
    /// The key was used before for a different body.
    KeyReused,
    /// Another company's open registration covers this customer and a product.
    Conflict(String),
    /// One of the caller's own open registrations already does.
    AlreadyYours(String),
}

fn earlier_registration(
    conn: &Connection,
    caller: &Caller,
    deal: &NewDeal,
    key: &str,
) -> AppResult<Option<Registration>> {
    let earlier: Option<(String, String)> = conn
        .query_row(
            "SELECT body_json, reference FROM idempotency_keys WHERE company_id = ?1 AND key = ?2",
            [&caller.company_id, key],
            |r| Ok((r.get("body_json")?, r.get("reference")?)),
        )
        .optional()?;
    match earlier {
        Some((earlier_body, reference)) if earlier_body == serde_json::to_string(deal)? => {
            load_deal(conn, Some(&caller.company_id), &reference)?
                .map(|deal| Some(Registration::Replayed(deal)))
                .ok_or_else(|| AppError::Internal("replayed deal vanished".into()))
        }
        Some(_) => Ok(Some(Registration::KeyReused)),
        None => Ok(None),
    }
}

/// Normalises a company name for conflict checks, so one customer is one key however it is
/// typed: compatibility forms unified (NFKC: full-width letters, a combining umlaut and `ü`
/// are the same), case folded, spaces and punctuation ignored.
pub fn customer_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .nfkc()
        .collect()
}

/// The open registration of another partner that holds this customer for one of the products.
fn conflicting(conn: &Connection, company_id: &str, deal: &NewDeal) -> AppResult<Option<String>> {
    Ok(open_registrations(
        conn,
        company_id,
        &deal.customer_company,
        &deal.products,
        false,
    )?
    .into_iter()
    .next())
}

/// Open registrations of this customer (and one of these products; any product when none):
/// the caller's own (`mine`) or every other partner's, oldest first, at most ten.
fn open_registrations(
    conn: &Connection,
    company_id: &str,
    customer: &str,
    products: &[String],
    mine: bool,
) -> AppResult<Vec<String>> {
    let open: Vec<&str> = DealStatus::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| s.as_str())
        .collect();
    let mut statement = conn.prepare_cached(&format!(
        "SELECT d.reference FROM deals d JOIN deal_products p ON p.deal_seq = d.seq
         WHERE d.customer_key = ?1 AND d.company_id {} ?2
           AND (?3 = '[]' OR p.product IN (SELECT value FROM json_each(?3)))
           AND d.status IN (SELECT value FROM json_each(?4))
         GROUP BY d.seq ORDER BY MIN(d.submitted_at), d.seq LIMIT 10",
        if mine { "=" } else { "<>" }
    ))?;
    let references = statement
        .query_map(
            params![
                customer_key(customer),
                company_id,
                serde_json::to_string(products)?,
                serde_json::to_string(&open)?
            ],
            |r| r.get("reference"),
        )?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(references)
}

impl Store {
    /// The caller's open registrations that a new one for this customer and products would
    /// repeat (`GET /deals/repeats`): the same rule that answers 409 `already-yours`.
    pub fn repeats(&self, caller: &Caller, params: &RepeatParams) -> AppResult<Vec<String>> {
        open_registrations(
            &*self.reader()?,
            &caller.company_id,
            &params.customer_company,
            &params.products,
            true,
        )
    }

    /// What an earlier request with this idempotency key came to: the same body replays its
    /// deal, another body is a reused key, and a new key is `None`. Looked up before the rules
    /// are checked again, so a retry after midnight still answers the deal it created.
    pub fn earlier_registration(
        &self,
        caller: &Caller,
        deal: &NewDeal,
        key: &str,
    ) -> AppResult<Option<Registration>> {
        earlier_registration(&*self.reader()?, caller, deal, key)
    }

    /// Registers a checked deal for the caller: replays a retry, refuses a reused key or a
    /// conflict, and otherwise creates it with the next reference of the year.
    pub fn register_deal(
        &self,
        caller: &Caller,
        deal: &NewDeal,
        key: Option<&str>,
        now: DateTime<Utc>,
    ) -> AppResult<Registration> {
        let mut conn = self.conn()?;
        if let Some(key) = key {
            if let Some(earlier) = earlier_registration(&conn, caller, deal, key)? {
                return Ok(earlier);
            }
        }
        if let Some(reference) = conflicting(&conn, &caller.company_id, deal)? {
            return Ok(Registration::Conflict(reference));
        }
        let mine = &caller.company_id;
        let repeats =
            open_registrations(&conn, mine, &deal.customer_company, &deal.products, true)?;
        if let Some(reference) = repeats.into_iter().next() {
            return Ok(Registration::AlreadyYours(reference));
        }
        let tx = conn.transaction()?;
        let year = now.year();
        let last: Option<i64> = tx.query_row(
            "SELECT MAX(CAST(substr(reference, 9) AS INTEGER)) FROM deals WHERE reference LIKE ?1",
            [format!("DR-{year}-%")],
            |r| r.get(0),
        )?;
        let reference = format!("DR-{year}-{:05}", last.unwrap_or(0) + 1);
        let submitted = DealEvent {
            step: DealStepKind::Submitted,
            status: DealStatus::Submitted,
            at: now,
            actor: caller.name.clone(),
            note: None,
            protection_ends_on: None,
        };
        insert_deal(
            &tx,
            &StoredDeal {
                reference: &reference,
                company_id: &caller.company_id,
                deal,
                status: DealStatus::Submitted,
                protection_expires_on: None,
                submitted_at: now,
                timeline: &[submitted],
            },
        )?;
        let company = &caller.company_id;
        add_points(&tx, company, "engagement", points::DEAL_REGISTERED)?;
        add_points(&tx, company, "revenue", usd_cents(&deal.value) / 100)?;
        observe(&tx, company, Observed::DealRegistered, now)?;
        if let Some(key) = key {
            tx.execute(
                "INSERT INTO idempotency_keys (company_id, key, body_json, reference) VALUES (?1, ?2, ?3, ?4)",
                params![caller.company_id, key, serde_json::to_string(deal)?, reference],
            )?;
        }
        tx.commit()?;
        load_deal(&conn, Some(&caller.company_id), &reference)?
            .map(Registration::Created)
            .ok_or_else(|| AppError::Internal("new deal vanished".into()))
    }
}
