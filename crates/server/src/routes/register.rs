//! `POST /deals`: registering a deal, with the contract's rules, conflict detection and
//! idempotent retries.

use api_types::deal_rules::{check_new_deal, Rule};
use api_types::{Deal, FieldError, NewDeal};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::store::leaderboards::points;
use crate::store::{Caller, Registration};
use crate::AppState;

/// Every rule the contract states for a registration, in the backend's words, all at once;
/// `offered` are the product codes the catalogue offers now.
pub fn validate(deal: &NewDeal, today: NaiveDate, offered: &[String]) -> Vec<FieldError> {
    let known = |code: &str| offered.iter().any(|c| c == code);
    check_new_deal(deal, today, known)
        .into_iter()
        .map(|broken| FieldError {
            field: broken.field.into(),
            message: message(broken.field, broken.rule).into(),
        })
        .collect()
}

fn message(field: &str, rule: Rule) -> &'static str {
    match (field, rule) {
        ("customer_company" | "contact.name", Rule::Unreadable) => {
            "Use letters or digits, without control or text-direction characters."
        }
        ("customer_company", _) => "Enter the customer's company name (2 to 120 characters).",
        ("contact.name", _) => "Enter the contact's name (2 to 120 characters).",
        ("contact.email", _) => "Enter an e-mail address like name@company.com.",
        ("contact.phone", _) => "A phone number can have at most 40 characters.",
        ("country", _) => "Choose the customer's country from the list.",
        ("value.currency", _) => "Choose a currency from the list.",
        ("value.amount_minor", _) => "Enter an estimated value above zero.",
        ("expected_close_on", Rule::InThePast) => "The expected close date cannot be in the past.",
        ("expected_close_on", _) => "The expected close date must be within five years.",
        ("products", _) => "Choose one or more products from the catalogue, each once.",
        _ => "Notes can have at most 2000 characters.",
    }
}

/// The earliest calendar day it is anywhere now (UTC−12): a partner's "today" is never
/// earlier, so a close date on it is never "in the past", whatever their time zone.
pub fn earliest_today(now: DateTime<Utc>) -> NaiveDate {
    (now - Duration::hours(12)).date_naive()
}

/// `POST /deals`.
pub async fn register_deal(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiJson(deal): ApiJson<NewDeal>,
) -> AppResult<Response> {
    let key = crate::extract::idempotency_key(&headers)?;
    let customer = deal.customer_company.trim().to_owned();
    // A retry is answered from what the first attempt stored, before the rules are checked
    // again (a retry after midnight must not be refused for a close date now "past").
    if let Some(key) = key.clone() {
        let (c, d) = (caller.clone(), deal.clone());
        if let Some(earlier) = state
            .store
            .run(move |s| s.earlier_registration(&c, &d, &key))
            .await?
        {
            return answer(earlier, &customer);
        }
    }
    let now = Utc::now();
    let offered: Vec<String> = state
        .store
        .run(|s| s.products())
        .await?
        .into_iter()
        .map(|p| p.code)
        .collect();
    let errors = validate(&deal, earliest_today(now), &offered);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let registration = state
        .store
        .run(move |s| s.register_deal(&caller, &deal, key.as_deref(), now))
        .await?;
    answer(registration, &customer)
}

/// A registration's outcome as the contract answers it.
fn answer(registration: Registration, customer: &str) -> AppResult<Response> {
    let deal = match registration {
        Registration::Created(deal) | Registration::Replayed(deal) => Deal {
            points_earned: Some(points::DEAL_REGISTERED as u32),
            ..deal
        },
        Registration::KeyReused => {
            return Err(AppError::field(
                "Idempotency-Key",
                "This key was already used for a different registration.",
            ))
        }
        Registration::AlreadyYours(reference) => {
            return Err(AppError::AlreadyYours {
                reference,
                customer: customer.to_owned(),
            })
        }
        Registration::Conflict(reference) => {
            return Err(AppError::Conflict {
                title: "This customer is already registered".into(),
                detail: format!(
                    "Another partner's registration {reference} already covers {customer} for one of these products. Contact your channel manager if you believe you should have protection."
                ),
                reference: Some(reference),
            })
        }
    };
    let location = format!("{}/deals/{}", api_types::API_PREFIX, deal.summary.reference);
    Ok((
        StatusCode::CREATED,
        [(http::header::LOCATION, location)],
        Json(deal),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::{Contact, Money};
    use chrono::Duration;

    #[test]
    fn the_earliest_today_is_the_day_it_still_is_in_the_americas() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        // 23:30 in Los Angeles on 23 November is 07:30 UTC on the 24th.
        assert_eq!(
            earliest_today(at("2026-11-24T07:30:00Z")).to_string(),
            "2026-11-23"
        );
        assert_eq!(
            earliest_today(at("2026-11-24T12:00:00Z")).to_string(),
            "2026-11-24"
        );
    }

    fn offered() -> Vec<String> {
        vec!["NW-CLOUD".into(), "NW-EDGE".into()]
    }

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
        assert!(validate(&good(today), today, &offered()).is_empty());
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
            fields(validate(&deal, today, &offered())),
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
}
