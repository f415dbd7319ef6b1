//! Deals: the one insert used by registration and seeding, the filtered and keyset-paged
//! list, one deal with its timeline, and the pipeline; registering (conflicts, repeats,
//! idempotency) is `deals/registration.rs`.

use api_types::{
    Contact, Deal, DealEvent, DealListParams, DealSortKey, DealStatus, DealStepKind, DealSummary,
    Money, NewDeal, Page,
};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value as Sql;
use rusqlite::{params, Connection, Row, Transaction};
use serde_json::{json, Value};

use super::program::usd_cents;
use super::{parse_text, stamp, Caller, Store};
use crate::error::{AppError, AppResult};

/// A deal as stored: the registration plus where it stands and how it got there.
pub struct StoredDeal<'a> {
    /// `DR-2026-00042`.
    pub reference: &'a str,
    /// The registering company.
    pub company_id: &'a str,
    /// What was registered.
    pub deal: &'a NewDeal,
    /// Where it stands.
    pub status: DealStatus,
    /// End of protection, for approved deals.
    pub protection_expires_on: Option<NaiveDate>,
    /// Registration time.
    pub submitted_at: DateTime<Utc>,
    /// Every status it went through, oldest first; the last one's time is the last update.
    pub timeline: &'a [DealEvent],
}

/// The column a sort key orders by.
fn sort_column(key: DealSortKey) -> &'static str {
    match key {
        DealSortKey::UpdatedAt => "updated_at",
        DealSortKey::Value => "value_usd",
        DealSortKey::ExpectedCloseOn => "expected_close_on",
        DealSortKey::CustomerCompany => "customer_company",
        DealSortKey::Reference => "reference",
        // Keyset paging needs a value on every row: no protection sorts after any day.
        DealSortKey::ProtectionExpiresOn => "COALESCE(protection_expires_on, '9999-12-31')",
    }
}

/// Writes one deal with its products and timeline; the derived columns are computed here only.
pub fn insert_deal(tx: &Transaction, stored: &StoredDeal) -> AppResult<()> {
    let StoredDeal { deal, .. } = stored;
    let customer = deal.customer_company.trim();
    let contact_name = deal.contact.name.trim();
    let updated_at = stored.timeline.last().map_or(stored.submitted_at, |e| e.at);
    tx.prepare_cached(
        "INSERT INTO deals (reference, company_id, customer_company, customer_key, contact_name, contact_email,
           contact_phone, country, value_minor, currency, value_usd, search_text, expected_close_on, products_json,
           notes, status, protection_expires_on, submitted_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    )?
    .execute(params![
        stored.reference,
        stored.company_id,
        customer,
        customer_key(customer),
        contact_name,
        deal.contact.email.trim(),
        deal.contact.phone,
        deal.country,
        deal.value.amount_minor,
        deal.value.currency,
        usd_cents(&deal.value),
        format!("{} {customer} {contact_name}", stored.reference).to_lowercase(),
        deal.expected_close_on.to_string(),
        serde_json::to_string(&deal.products)?,
        deal.notes,
        stored.status.as_str(),
        stored.protection_expires_on.map(|d| d.to_string()),
        stamp(stored.submitted_at),
        stamp(updated_at),
    ])?;
    let seq = tx.last_insert_rowid();
    let mut product =
        tx.prepare_cached("INSERT INTO deal_products (deal_seq, product) VALUES (?1, ?2)")?;
    for code in &deal.products {
        product.execute(params![seq, code])?;
    }
    let mut event = tx.prepare_cached(
        "INSERT INTO deal_events (deal_seq, position, step, status, at, actor, note, protection_ends_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (position, e) in stored.timeline.iter().enumerate() {
        event.execute(params![
            seq,
            position as i64,
            e.step.as_str(),
            e.status.as_str(),
            stamp(e.at),
            e.actor,
            e.note,
            e.protection_ends_on.map(|d| d.to_string())
        ])?;
    }
    Ok(())
}

const SUMMARY_COLUMNS: &str = "seq, reference, customer_company, country, value_minor, currency, expected_close_on, status, protection_expires_on, updated_at";

fn summary(row: &Row) -> AppResult<DealSummary> {
    let text = |column: &str| row.get::<_, String>(column);
    let protection: Option<String> = row.get("protection_expires_on")?;
    Ok(DealSummary {
        reference: text("reference")?,
        customer_company: text("customer_company")?,
        country: text("country")?,
        value: Money {
            amount_minor: row.get("value_minor")?,
            currency: text("currency")?,
        },
        expected_close_on: parse_text(&text("expected_close_on")?)?,
        status: parse_text(&text("status")?)?,
        protection_expires_on: protection.map(|d| parse_text(&d)).transpose()?,
        updated_at: parse_text(&text("updated_at")?)?,
    })
}

/// Cursors are hex-encoded `[sort value, reference]` of the last row shown.
fn encode_cursor(value: Value, reference: &str) -> String {
    json!([value, reference])
        .to_string()
        .bytes()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn decode_cursor(cursor: &str, key: DealSortKey) -> AppResult<(Value, String)> {
    let bad = || {
        AppError::BadRequest(
            "`cursor` is not one this server gave out; start again from the first page.".into(),
        )
    };
    if cursor.len() % 2 != 0 || cursor.len() > 400 {
        return Err(bad());
    }
    let bytes: Option<Vec<u8>> = (0..cursor.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(cursor.get(i..i + 2)?, 16).ok())
        .collect();
    let parsed: Value = serde_json::from_slice(&bytes.ok_or_else(bad)?).map_err(|_| bad())?;
    match parsed {
        Value::Array(mut parts) if parts.len() == 2 => {
            let reference = parts
                .pop()
                .and_then(|r| r.as_str().map(str::to_owned))
                .ok_or_else(bad)?;
            let value = parts.pop().ok_or_else(bad)?;
            let fits = if key == DealSortKey::Value {
                value.is_i64()
            } else {
                value.is_string()
            };
            fits.then_some((value, reference)).ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

/// The WHERE clause and its parameters; `after` adds the keyset condition.
fn filter(
    params: &DealListParams,
    company_id: &str,
    after: Option<&(Value, String)>,
) -> (String, Vec<Sql>) {
    let mut clause = String::from("company_id = ?");
    let mut values = vec![Sql::Text(company_id.to_owned())];
    if params.needs_you {
        clause.push_str(
            " AND (status = 'more_info_requested' OR (status = 'approved'
               AND (protection_expires_on <= ? OR protection_expires_on < expected_close_on)))",
        );
        let soon = Utc::now().date_naive()
            + chrono::Duration::days(DealListParams::PROTECTION_WARNING_DAYS);
        values.push(Sql::Text(soon.to_string()));
    }
    if !params.statuses.is_empty() {
        clause.push_str(" AND status IN (SELECT value FROM json_each(?))");
        let names: Vec<&str> = params.statuses.iter().map(|s| s.as_str()).collect();
        values.push(Sql::Text(json!(names).to_string()));
    }
    if params.q.as_deref().is_some_and(|q| q.contains('\0')) {
        // No stored text holds a NUL, and FTS5 would read one as the end of its query.
        clause.push_str(" AND 0");
    } else if let Some(q) = params.q.as_deref().filter(|q| q.chars().count() >= 3) {
        // The trigram index finds any substring of three characters or more.
        clause.push_str(" AND seq IN (SELECT rowid FROM deals_search WHERE deals_search MATCH ?)");
        values.push(Sql::Text(format!(
            "\"{}\"",
            q.to_lowercase().replace('"', "\"\"")
        )));
    } else if let Some(q) = &params.q {
        // Shorter than a trigram: scan the caller's deals.
        clause.push_str(" AND search_text LIKE ? ESCAPE '\\'");
        let escaped = q
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        values.push(Sql::Text(format!("%{escaped}%")));
    }
    if let Some((value, reference)) = after {
        let op = if params.sort.descending { "<" } else { ">" };
        let column = sort_column(params.sort.key);
        clause.push_str(&format!(" AND ({column}, reference) {op} (?, ?)"));
        values.push(match value {
            Value::Number(n) => Sql::Integer(n.as_i64().unwrap_or_default()),
            other => Sql::Text(other.as_str().unwrap_or_default().to_owned()),
        });
        values.push(Sql::Text(reference.clone()));
    }
    (clause, values)
}

/// One deal with its timeline: the company's own, or with `company_id` `None` any company's
/// (the channel team's view).
pub(super) fn load_deal(
    conn: &Connection,
    company_id: Option<&str>,
    reference: &str,
) -> AppResult<Option<Deal>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS}, contact_name, contact_email, contact_phone, products_json, notes, submitted_at,
           company_id AS owner
         FROM deals WHERE reference = ?1 AND (?2 IS NULL OR company_id = ?2)"
    ))?;
    let mut rows = statement.query(params![reference, company_id])?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    let seq: i64 = row.get("seq")?;
    let mut events = conn.prepare_cached(
        "SELECT step, status, at, actor, note, protection_ends_on FROM deal_events WHERE deal_seq = ?1 ORDER BY position",
    )?;
    let mut timeline = Vec::new();
    let mut event_rows = events.query([seq])?;
    while let Some(event) = event_rows.next()? {
        let status = parse_text(&event.get::<_, String>("status")?)?;
        let step: Option<String> = event.get("step")?;
        timeline.push(DealEvent {
            // Databases from before steps were recorded name only the status reached.
            step: step.map_or(Ok(DealStepKind::reaching(status)), |s| parse_text(&s))?,
            status,
            at: parse_text(&event.get::<_, String>("at")?)?,
            actor: event.get("actor")?,
            note: event.get("note")?,
            protection_ends_on: event
                .get::<_, Option<String>>("protection_ends_on")?
                .map(|d| parse_text(&d))
                .transpose()?,
        });
    }
    let summary = summary(row)?;
    let products: Vec<String> = serde_json::from_str(&row.get::<_, String>("products_json")?)?;
    let expected_earnings = if summary.status.is_open() {
        let owner: String = row.get("owner")?;
        super::earnings::deal_earnings(conn, &owner, &summary.value, &products)?
            .into_iter()
            .map(
                |(kind, program, amount_minor)| api_types::earnings::ExpectedEarning {
                    kind,
                    program: program.map(str::to_owned),
                    amount: Money {
                        amount_minor,
                        currency: summary.value.currency.clone(),
                    },
                },
            )
            .collect()
    } else {
        Vec::new()
    };
    Ok(Some(Deal {
        summary,
        contact: Contact {
            name: row.get("contact_name")?,
            email: row.get("contact_email")?,
            phone: row.get("contact_phone")?,
        },
        products,
        notes: row.get("notes")?,
        submitted_at: parse_text(&row.get::<_, String>("submitted_at")?)?,
        timeline,
        points_earned: None,
        expected_earnings,
    }))
}

impl Store {
    /// One page of the caller's deals for the filters, sort and cursor.
    pub fn deal_page(
        &self,
        caller: &Caller,
        params: &DealListParams,
    ) -> AppResult<Page<DealSummary>> {
        let after = params
            .cursor
            .as_deref()
            .map(|c| decode_cursor(c, params.sort.key))
            .transpose()?;
        let limit = i64::from(params.limit.unwrap_or(DealListParams::DEFAULT_LIMIT));
        let conn = self.reader()?;
        let (count_clause, count_params) = filter(params, &caller.company_id, None);
        let total: u64 = conn.query_row(
            &format!("SELECT COUNT(*) FROM deals WHERE {count_clause}"),
            rusqlite::params_from_iter(count_params),
            |r| r.get(0),
        )?;
        let (clause, mut values) = filter(params, &caller.company_id, after.as_ref());
        let direction = if params.sort.descending {
            "DESC"
        } else {
            "ASC"
        };
        let column = sort_column(params.sort.key);
        values.push(Sql::Integer(limit + 1));
        let mut statement = conn.prepare(&format!(
            "SELECT {SUMMARY_COLUMNS}, {column} AS sort_value FROM deals WHERE {clause}
             ORDER BY {column} {direction}, reference {direction} LIMIT ?"
        ))?;
        let mut rows = statement.query(rusqlite::params_from_iter(values))?;
        let (mut items, mut last_key, mut has_more) = (Vec::new(), None, false);
        while let Some(row) = rows.next()? {
            if items.len() as i64 == limit {
                has_more = true; // the extra row only tells that another page exists
                break;
            }
            let deal = summary(row)?;
            last_key = Some((row.get::<_, Sql>("sort_value")?, deal.reference.clone()));
            items.push(deal);
        }
        let next_cursor = match (has_more, last_key) {
            (true, Some((Sql::Integer(n), reference))) => Some(encode_cursor(json!(n), &reference)),
            (true, Some((Sql::Text(t), reference))) => Some(encode_cursor(json!(t), &reference)),
            _ => None,
        };
        Ok(Page {
            items,
            next_cursor,
            total,
        })
    }

    /// One of the caller's deals with its timeline.
    pub fn deal(&self, caller: &Caller, reference: &str) -> AppResult<Option<Deal>> {
        load_deal(&*self.reader()?, Some(&caller.company_id), reference)
    }
}

mod pipeline;
mod registration;

pub use registration::{customer_key, Registration};

#[cfg(test)]
mod tests;
