//! Registering a deal: the draft as typed (kept in local storage), amount parsing, and the
//! contract's own rules (from `api-types`) in a partner's words, so most mistakes are caught
//! before anything is sent.

use crate::text::i18n::t;
use api_types::deal_rules::{check_new_deal, Rule, FIELDS, NOTES_MAX_CHARS};
use api_types::{currency_digits, Contact, FieldError, Money, NewDeal, COUNTRIES};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the partner typed, exactly as typed (never lost: saved as a draft on every change).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DealDraft {
    /// Customer company.
    pub customer_company: String,
    /// Contact's name.
    pub contact_name: String,
    /// Contact's e-mail.
    pub contact_email: String,
    /// Contact's phone (optional).
    pub contact_phone: String,
    /// ISO country code.
    pub country: String,
    /// Amount as typed, e.g. "42,500".
    pub amount: String,
    /// ISO currency code.
    pub currency: String,
    /// `YYYY-MM-DD` from the date input.
    pub expected_close_on: String,
    /// Product codes ticked.
    pub products: Vec<String>,
    /// Notes.
    pub notes: String,
    /// Made once per registration and reused by every retry, so the server creates one deal.
    pub idempotency_key: String,
}

/// Most characters the notes may have.
pub const NOTES_MAX: usize = NOTES_MAX_CHARS;

/// Parses "42500", "42,500", "42 500", "1.234,56" or "1,234.56" into minor units of `currency`;
/// a problem is the catalogue key of its words.
/// The last `.` or `,` followed by one or two digits is the decimal mark; others group thousands.
pub fn parse_amount(text: &str, currency: &str) -> Result<i64, &'static str> {
    let digits = currency_digits(currency).unwrap_or(2);
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\'' | '_'))
        .collect();
    if cleaned.is_empty() {
        return Err("deal_form.enter_value");
    }
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err("deal_form.value_digits");
    }
    let decimal_at = cleaned
        .rfind([',', '.'])
        .filter(|&i| (1..=2).contains(&(cleaned.len() - i - 1)));
    let (whole, fraction) = match decimal_at {
        Some(i) => (&cleaned[..i], &cleaned[i + 1..]),
        None => (cleaned.as_str(), ""),
    };
    if fraction.len() > digits as usize {
        return Err(if digits == 0 {
            "deal_form.no_cents"
        } else {
            "deal_form.two_decimals"
        });
    }
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    let whole: i64 = whole.parse().map_err(|_| "deal_form.value_digits")?;
    let scale = 10i64.pow(digits);
    let fraction: i64 = if fraction.is_empty() {
        0
    } else {
        format!("{fraction:0<width$}", width = digits as usize)
            .parse()
            .unwrap_or(0)
    };
    whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(fraction))
        .ok_or("deal_form.too_large")
}

/// A broken rule in a partner's words (their catalogue key).
fn words(field: &str, rule: Rule) -> &'static str {
    match (field, rule) {
        ("customer_company", Rule::Missing) => "deal_form.enter_company",
        ("customer_company" | "contact.name", Rule::Unreadable) => "form.unreadable",
        ("customer_company", _) => "deal_form.company_length",
        ("contact.name", Rule::Missing) => "deal_form.enter_contact",
        ("contact.name", _) => "deal_form.contact_length",
        ("contact.email", Rule::Missing) => "deal_form.enter_email",
        ("contact.email", _) => "form.email_like",
        ("contact.phone", _) => "deal_form.phone_length",
        ("country", _) => "deal_form.choose_country",
        ("value.currency", _) => "deal_form.choose_currency",
        ("value.amount_minor", Rule::TooLarge) => "deal_form.too_large",
        ("value.amount_minor", _) => "deal_form.value_positive",
        ("expected_close_on", Rule::InThePast) => "deal_form.close_past",
        ("expected_close_on", _) => "deal_form.close_far",
        ("products", _) => "deal_form.choose_product",
        _ => "deal_form.notes_length",
    }
}

/// Checks the draft by the contract's rules, as the server will; every problem at once, named
/// by the contract's fields. Product codes come from the backend's catalogue (the checkboxes),
/// so only their number and uniqueness are checked here.
pub fn validate(draft: &DealDraft, today: NaiveDate) -> Result<NewDeal, Vec<FieldError>> {
    let amount = parse_amount(&draft.amount, &draft.currency);
    let close =
        api_types::dates::parse_day(draft.expected_close_on.trim()).ok_or("deal_form.enter_close");
    let deal = NewDeal {
        customer_company: draft.customer_company.trim().into(),
        contact: Contact {
            name: draft.contact_name.trim().into(),
            email: draft.contact_email.trim().into(),
            phone: Some(draft.contact_phone.trim().to_owned()).filter(|p| !p.is_empty()),
        },
        country: draft.country.clone(),
        value: Money {
            // What could not be read is reported below; a stand-in keeps the rule quiet.
            amount_minor: *amount.as_ref().unwrap_or(&1),
            currency: draft.currency.clone(),
        },
        expected_close_on: *close.as_ref().unwrap_or(&today),
        products: draft.products.clone(),
        notes: Some(draft.notes.trim().to_owned()).filter(|n| !n.is_empty()),
    };
    let broken = check_new_deal(&deal, today, |_| true);
    let errors: Vec<FieldError> = FIELDS
        .iter()
        .filter_map(|&field| {
            let unreadable = match field {
                "value.amount_minor" => amount.err(),
                "expected_close_on" => close.err(),
                _ => None,
            };
            let message = unreadable.or_else(|| {
                broken
                    .iter()
                    .find(|b| b.field == field)
                    .map(|b| words(field, b.rule))
            })?;
            Some(FieldError {
                field: field.into(),
                message: t(message),
            })
        })
        .collect();
    if errors.is_empty() {
        Ok(deal)
    } else {
        Err(errors)
    }
}

/// Starts an empty draft in the partner's company's country and currency (each only while the
/// partner has not chosen one, and only when the form offers it).
pub fn prefill(draft: &mut DealDraft, country: Option<String>, currency: Option<String>) {
    if let Some(country) =
        country.filter(|c| draft.country.is_empty() && COUNTRIES.contains(&c.as_str()))
    {
        draft.country = country;
    }
    if let Some(currency) =
        currency.filter(|c| draft.currency.is_empty() && currency_digits(c).is_some())
    {
        draft.currency = currency;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        "2026-11-23".parse().unwrap()
    }

    fn complete() -> DealDraft {
        DealDraft {
            customer_company: " Hôtel Beaumont SA ".into(),
            contact_name: "Élodie Martin".into(),
            contact_email: "elodie@beaumont.fr".into(),
            country: "FR".into(),
            amount: "42,500".into(),
            currency: "EUR".into(),
            expected_close_on: "2026-11-23".into(),
            products: vec!["NW-CLOUD".into()],
            ..DealDraft::default()
        }
    }

    #[test]
    fn amounts_are_read_the_way_people_type_them() {
        assert_eq!(parse_amount("42500", "EUR"), Ok(4_250_000));
        assert_eq!(parse_amount("42,500", "USD"), Ok(4_250_000));
        assert_eq!(parse_amount("42 500,50", "EUR"), Ok(4_250_050));
        assert_eq!(parse_amount("1.234.567,8", "EUR"), Ok(123_456_780));
        assert_eq!(parse_amount("1,234.56", "GBP"), Ok(123_456));
        assert_eq!(parse_amount("1'250'000", "JPY"), Ok(1_250_000));
        assert!(
            parse_amount("1250.5", "JPY").is_err(),
            "yen have no decimals"
        );
        assert!(
            parse_amount("12.345", "EUR").is_ok_and(|v| v == 1_234_500),
            "three digits after a mark group thousands"
        );
        assert!(parse_amount("abc", "EUR").is_err());
        assert!(parse_amount("-5", "EUR").is_err());
        assert!(parse_amount("", "EUR").is_err());
        assert!(parse_amount("99999999999999999999", "EUR").is_err());
    }

    #[test]
    fn a_complete_draft_becomes_the_request_trimmed() {
        let deal = validate(&complete(), today()).unwrap();
        assert_eq!(deal.customer_company, "Hôtel Beaumont SA");
        assert_eq!(
            deal.value,
            Money {
                amount_minor: 4_250_000,
                currency: "EUR".into()
            }
        );
        assert_eq!((deal.contact.phone, deal.notes), (None, None));
    }

    #[test]
    fn every_mistake_is_named_by_its_contract_field() {
        let draft = DealDraft {
            notes: "x".repeat(NOTES_MAX + 1),
            idempotency_key: "k".into(),
            ..DealDraft::default()
        };
        let fields: Vec<String> = validate(&draft, today())
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "customer_company",
                "contact.name",
                "contact.email",
                "country",
                "value.currency",
                "value.amount_minor",
                "expected_close_on",
                "products",
                "notes",
            ]
        );
    }

    #[test]
    fn dates_in_the_past_or_far_future_are_refused() {
        let first_error = |change: fn(&mut DealDraft)| {
            let mut draft = complete();
            change(&mut draft);
            validate(&draft, today()).unwrap_err().remove(0)
        };
        let past = first_error(|d| d.expected_close_on = "2026-11-22".into());
        assert_eq!(
            past.message,
            "The expected close date cannot be in the past."
        );
        let far = first_error(|d| d.expected_close_on = "2033-01-01".into());
        assert_eq!(far.field, "expected_close_on");
        let zero = first_error(|d| d.amount = "0".into());
        assert_eq!(zero.field, "value.amount_minor");
    }

    #[test]
    fn drafts_survive_storage_even_from_an_older_shape() {
        let stored = serde_json::to_string(&complete()).unwrap();
        assert_eq!(
            serde_json::from_str::<DealDraft>(&stored).unwrap(),
            complete()
        );
        let partial: DealDraft = serde_json::from_str(r#"{"customer_company":"Café"}"#).unwrap();
        assert_eq!(partial.customer_company, "Café");
    }

    #[test]
    fn prefill_fills_only_what_is_empty_and_offered() {
        let mut draft = DealDraft::default();
        prefill(&mut draft, Some("FR".into()), Some("EUR".into()));
        assert_eq!(
            (draft.country.as_str(), draft.currency.as_str()),
            ("FR", "EUR")
        );
        let mut chosen = DealDraft {
            country: "DE".into(),
            ..DealDraft::default()
        };
        prefill(&mut chosen, Some("FR".into()), Some("EUR".into()));
        assert_eq!(
            (chosen.country.as_str(), chosen.currency.as_str()),
            ("DE", "EUR")
        );
        let mut unknown = DealDraft::default();
        prefill(&mut unknown, Some("ZZ".into()), Some("XXX".into()));
        prefill(&mut unknown, None, None);
        assert_eq!(unknown, DealDraft::default());
    }
}
