//! Shapes every resource shares: money, links, pages of results and problem details.

use serde::{Deserialize, Serialize};

/// An amount of money in the currency's minor unit (cents; yen have none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    /// Amount in minor units, e.g. 1250000 for USD 12,500.00 or JPY 1,250,000.
    pub amount_minor: i64,
    /// ISO 4217 code: one of [`CURRENCIES`].
    pub currency: String,
}

/// Currencies the program trades in, with the number of digits of their minor unit.
pub const CURRENCIES: [(&str, u32); 7] = [
    ("USD", 2),
    ("EUR", 2),
    ("GBP", 2),
    ("JPY", 0),
    ("CAD", 2),
    ("AUD", 2),
    ("CHF", 2),
];

/// Digits of the minor unit of a known currency code.
pub fn currency_digits(code: &str) -> Option<u32> {
    CURRENCIES.iter().find(|(c, _)| *c == code).map(|(_, d)| *d)
}

/// A link to help or a resource outside the portal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceLink {
    /// What the link opens, e.g. "Partner agreement (PDF)".
    pub label: String,
    /// Absolute address.
    pub url: String,
}

/// One page of a long list; `next_cursor` is absent on the last page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The items of this page, in the requested order.
    pub items: Vec<T>,
    /// Opaque cursor for the next page; pass it back as `cursor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    /// How many items match the filters in all.
    pub total: u64,
}

/// One rejected field of a request body (422) and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's name as in the request, e.g. `contact_email` or a survey question id.
    pub field: String,
    /// Why it was rejected, in words a partner understands.
    pub message: String,
}

impl FieldError {
    /// The error at `field`, saying `message`.
    pub fn new(field: &str, message: &str) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// RFC 9457 problem details, the body of every error answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// A URI identifying the kind of problem; `about:blank` when the status says it all.
    #[serde(rename = "type", default = "about_blank")]
    pub kind: String,
    /// Short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What happened this time, in plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Per-field errors for 422 answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// For 409 on deal registration: the reference of the registration it conflicts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicting_reference: Option<String>,
    /// What a client can act on, for 401, 403 and 429 (see [`crate::problem_code`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

fn about_blank() -> String {
    "about:blank".into()
}

impl Problem {
    /// A problem with only a status, title and detail.
    pub fn new(status: u16, title: impl Into<String>, detail: impl Into<String>) -> Self {
        Self {
            kind: about_blank(),
            title: title.into(),
            status,
            detail: Some(detail.into()),
            errors: Vec::new(),
            conflicting_reference: None,
            code: None,
        }
    }
}
