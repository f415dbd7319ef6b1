//! CSV export of deals: RFC 4180 quoting, and cells that spreadsheets would run as formulas
//! made inert.
// text: the CSV's columns and values stay in English, so a file reads the same into any tool.

use api_types::DealSummary;

/// The header row.
pub const DEAL_HEADER: [&str; 9] = [
    "Reference",
    "Customer",
    "Country",
    "Value",
    "Currency",
    "Expected close",
    "Status",
    "Protection expires",
    "Last update",
];

/// One cell: quoted when needed; a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` first.
pub fn cell(value: &str) -> String {
    let inert = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    };
    if inert.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", inert.replace('"', "\"\""))
    } else {
        inert
    }
}

/// One line ending in CRLF.
pub fn line(cells: &[String]) -> String {
    let mut out = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

/// A deal as a CSV line; the value is in major units with a dot, for spreadsheets.
pub fn deal_line(deal: &DealSummary) -> String {
    let digits = api_types::currency_digits(&deal.value.currency).unwrap_or(2);
    line(&[
        deal.reference.clone(),
        deal.customer_company.clone(),
        deal.country.clone(),
        crate::text::format::decimal(&deal.value, digits),
        deal.value.currency.clone(),
        deal.expected_close_on.to_string(),
        deal.status.as_str().to_owned(),
        deal.protection_expires_on
            .map(|d| d.to_string())
            .unwrap_or_default(),
        crate::text::dates::machine_instant(deal.updated_at),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::{DealStatus, Money};

    #[test]
    fn cells_are_quoted_and_formulas_made_inert() {
        assert_eq!(cell("Café Olé SARL"), "Café Olé SARL");
        assert_eq!(cell("Müller, Söhne"), "\"Müller, Söhne\"");
        assert_eq!(cell("The \"Best\" Co"), "\"The \"\"Best\"\" Co\"");
        assert_eq!(cell("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-5"), "'-5");
    }

    #[test]
    fn a_deal_becomes_one_crlf_line() {
        let deal = DealSummary {
            reference: "DR-2026-00001".into(),
            customer_company: "株式会社東京データ".into(),
            country: "JP".into(),
            value: Money {
                amount_minor: 1_250_000,
                currency: "JPY".into(),
            },
            expected_close_on: "2027-01-31".parse().unwrap(),
            status: DealStatus::MoreInfoRequested,
            protection_expires_on: None,
            updated_at: "2026-11-02T14:05:00Z".parse().unwrap(),
        };
        assert_eq!(deal_line(&deal), "DR-2026-00001,株式会社東京データ,JP,1250000,JPY,2027-01-31,more_info_requested,,2026-11-02T14:05:00Z\r\n");
    }
}
