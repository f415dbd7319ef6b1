//! `POST /deals`: registering a deal, with validation, conflict detection and idempotent retries.

use api_types::{currency_digits, DealStatus, FieldError, NewDeal, COUNTRIES, PRODUCTS};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::deals::load_deal;
use crate::db::{search_text, usd_cents};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, Partner};
use crate::seed::{customer_key, stamp};
use crate::AppState;

/// Every rule the contract states for a registration, checked at once so the partner sees all.
pub fn validate(deal: &NewDeal, today: NaiveDate) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut fail = |field: &str, message: &str| {
        errors.push(FieldError {
            field: field.into(),
            message: message.into(),
        })
    };
    let length = |s: &str| s.trim().chars().count();
    if !(2..=120).contains(&length(&deal.customer_company)) {
        fail(
            "customer_company",
            "Enter the customer's company name (2 to 120 characters).",
        );
    }
    if !(2..=120).contains(&length(&deal.contact.name)) {
        fail(
            "contact.name",
            "Enter the contact's name (2 to 120 characters).",
        );
    }
    if !is_email(&deal.contact.email) {
        fail(
            "contact.email",
            "Enter an e-mail address like name@company.com.",
        );
    }
    if deal
        .contact
        .phone
        .as_ref()
        .is_some_and(|p| p.chars().count() > 40)
    {
        fail(
            "contact.phone",
            "A phone number can have at most 40 characters.",
        );
    }
    if !COUNTRIES.contains(&deal.country.as_str()) {
        fail("country", "Choose the customer's country from the list.");
    }
    if currency_digits(&deal.value.currency).is_none() {
        fail("value.currency", "Choose a currency from the list.");
    }
    if deal.value.amount_minor < 1 || deal.value.amount_minor > 100_000_000_000_000 {
        fail("value.amount_minor", "Enter an estimated value above zero.");
    }
    if deal.expected_close_on < today {
        fail(
            "expected_close_on",
            "The expected close date cannot be in the past.",
        );
    } else if deal.expected_close_on > today + Duration::days(5 * 366) {
        fail(
            "expected_close_on",
            "The expected close date must be within five years.",
        );
    }
    let known = |code: &String| PRODUCTS.iter().any(|(c, _)| c == code);
    let unique = deal
        .products
        .iter()
        .enumerate()
        .all(|(i, p)| !deal.products[..i].contains(p));
    if deal.products.is_empty()
        || deal.products.len() > 6
        || !unique
        || !deal.products.iter().all(known)
    {
        fail(
            "products",
            "Choose one or more products from the catalogue, each once.",
        );
    }
    if deal
        .notes
        .as_ref()
        .is_some_and(|n| n.chars().count() > 2000)
    {
        fail("notes", "Notes can have at most 2000 characters.");
    }
    errors
}

fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    (3..=254).contains(&email.chars().count())
        && !local.is_empty()
        && !email.chars().any(char::is_whitespace)
        && !domain.contains('@')
        && domain
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
}

fn idempotency_key(headers: &HeaderMap) -> ApiResult<Option<String>> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = value.to_str().unwrap_or_default();
    let valid = (8..=100).contains(&key.len())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return Err(ApiError::BadRequest(
            "`Idempotency-Key` must be 8 to 100 letters, digits, - or _.".into(),
        ));
    }
    Ok(Some(key.to_owned()))
}

/// Another company's open registration for the same customer and one of the same products.
fn conflicting(conn: &Connection, company_id: &str, deal: &NewDeal) -> ApiResult<Option<String>> {
    let open: Vec<&str> = DealStatus::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| s.as_str())
        .collect();
    Ok(conn
        .query_row(
            "SELECT d.reference FROM deals d JOIN deal_products p ON p.deal_seq = d.seq
             WHERE d.customer_key = ?1 AND d.company_id <> ?2 AND p.product IN (SELECT value FROM json_each(?3))
               AND d.status IN (SELECT value FROM json_each(?4))
             ORDER BY d.submitted_at LIMIT 1",
            params![customer_key(&deal.customer_company), company_id, serde_json::to_string(&deal.products)?, serde_json::to_string(&open)?],
            |r| r.get(0),
        )
        .optional()?)
}

fn created(conn: &Connection, company_id: &str, reference: &str) -> ApiResult<Response> {
    let deal = load_deal(conn, company_id, reference)?
        .ok_or_else(|| ApiError::Internal("new deal vanished".into()))?;
    let location = format!("{}/deals/{reference}", api_types::API_PREFIX);
    Ok((
        StatusCode::CREATED,
        [(http::header::LOCATION, location)],
        Json(deal),
    )
        .into_response())
}

/// `POST /deals`.
pub async fn register_deal(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    ApiJson(deal): ApiJson<NewDeal>,
) -> ApiResult<Response> {
    let key = idempotency_key(&headers)?;
    let now = Utc::now();
    let errors = validate(&deal, now.date_naive());
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    let body = serde_json::to_string(&deal)?;
    let mut conn = state.db.conn()?;
    if let Some(key) = &key {
        let earlier: Option<(String, String)> = conn
            .query_row(
                "SELECT body_json, reference FROM idempotency_keys WHERE company_id = ?1 AND key = ?2",
                [&partner.company_id, key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match earlier {
            Some((earlier_body, reference)) if earlier_body == body => {
                return created(&conn, &partner.company_id, &reference)
            }
            Some(_) => {
                return Err(ApiError::field(
                    "Idempotency-Key",
                    "This key was already used for a different registration.",
                ))
            }
            None => {}
        }
    }
    if let Some(reference) = conflicting(&conn, &partner.company_id, &deal)? {
        return Err(ApiError::Conflict {
            title: "This customer is already registered".into(),
            detail: format!(
                "Another partner's registration {reference} already covers {} for one of these products. Contact your channel manager if you believe you should have protection.",
                deal.customer_company.trim()
            ),
            reference: Some(reference),
        });
    }
    let tx = conn.transaction()?;
    let year = now.year();
    let last: Option<i64> = tx.query_row(
        "SELECT MAX(CAST(substr(reference, 9) AS INTEGER)) FROM deals WHERE reference LIKE ?1",
        [format!("DR-{year}-%")],
        |r| r.get(0),
    )?;
    let reference = format!("DR-{year}-{:05}", last.unwrap_or(0) + 1);
    let customer = deal.customer_company.trim();
    tx.execute(
        "INSERT INTO deals (reference, company_id, customer_company, customer_key, contact_name, contact_email, contact_phone, country, value_minor, currency, value_usd, search_text, expected_close_on, products_json, notes, status, submitted_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 'submitted', ?16, ?16)",
        params![
            reference, partner.company_id, customer, customer_key(customer), deal.contact.name.trim(), deal.contact.email.trim(),
            deal.contact.phone, deal.country, deal.value.amount_minor, deal.value.currency,
            usd_cents(deal.value.amount_minor, &deal.value.currency), search_text(&reference, customer, deal.contact.name.trim()),
            deal.expected_close_on.to_string(), serde_json::to_string(&deal.products)?, deal.notes, stamp(now),
        ],
    )?;
    let seq = tx.last_insert_rowid();
    for product in &deal.products {
        tx.execute(
            "INSERT INTO deal_products (deal_seq, product) VALUES (?1, ?2)",
            params![seq, product],
        )?;
    }
    tx.execute(
        "INSERT INTO deal_events (deal_seq, position, status, at, actor, note) VALUES (?1, 0, 'submitted', ?2, ?3, NULL)",
        params![seq, stamp(now), partner.name],
    )?;
    if let Some(key) = &key {
        tx.execute(
            "INSERT INTO idempotency_keys (company_id, key, body_json, reference) VALUES (?1, ?2, ?3, ?4)",
            params![partner.company_id, key, body, reference],
        )?;
    }
    tx.commit()?;
    created(&conn, &partner.company_id, &reference)
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::{Contact, Money};

    fn good(today: NaiveDate) -> NewDeal {
        NewDeal {
            customer_company: "Hôtel Beaumont SA".into(),
            contact: Contact {
                name: "Élodie Martin".into(),
                email: "elodie@beaumont.fr".into(),
                phone: None,
            },
            country: "FR".into(),
            value: Money {
                amount_minor: 4_250_000,
                currency: "EUR".into(),
            },
            expected_close_on: today,
            products: vec!["NW-CLOUD".into()],
            notes: None,
        }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_complete_registration_closing_today_is_valid() {
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        assert!(validate(&good(today), today).is_empty());
    }

    #[test]
    fn every_broken_field_is_reported_at_once() {
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        let mut deal = good(today);
        deal.customer_company = " x ".into();
        deal.contact.email = "not an email".into();
        deal.country = "XX".into();
        deal.value = Money {
            amount_minor: 0,
            currency: "BTC".into(),
        };
        deal.expected_close_on = today - Duration::days(1);
        deal.products = vec!["NW-CLOUD".into(), "NW-CLOUD".into()];
        assert_eq!(
            fields(validate(&deal, today)),
            [
                "customer_company",
                "contact.email",
                "country",
                "value.currency",
                "value.amount_minor",
                "expected_close_on",
                "products"
            ]
        );
    }

    #[test]
    fn email_shapes() {
        assert!(is_email("a@b.co"));
        assert!(!is_email("a@b"));
        assert!(!is_email("@b.co"));
        assert!(!is_email("a b@c.de"));
        assert!(!is_email("a@@b.co"));
    }
}
