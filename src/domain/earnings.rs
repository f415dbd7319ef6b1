//! The earnings page's state in its address (status, kind and order, as the API takes them),
//! the sortable columns, and each line as CSV.
// text: the CSV's columns stay in English, so a file reads the same into any tool.

use api_types::earnings::{
    EarningKind, EarningLine, EarningSort, EarningSortKey, EarningStatus, EarningsParams,
};
use api_types::QueryString;

use super::deals::export::line;
use super::UrlState;

/// Lines fetched at once: the API's most, more than a year of a busy partner's money.
pub const PAGE_SIZE: u32 = EarningsParams::MAX_LIMIT;

impl UrlState for EarningsParams {
    const PATH: &'static str = "/earnings";

    /// Reads `status`, `kind` and `sort`; junk is dropped.
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut view = Self::default();
        for (name, value) in pairs {
            match name {
                "status" => view.status = EarningStatus::parse(value),
                "kind" => view.kind = EarningKind::parse(value),
                "sort" => view.sort = EarningSort::parse(value).unwrap_or_default(),
                _ => {}
            }
        }
        view
    }

    fn to_query(&self) -> QueryString {
        Self {
            cursor: None,
            limit: None,
            ..self.clone()
        }
        .to_query()
    }
}

/// The view with `key`'s header clicked: flipped if it is the order in force, else newest,
/// largest and latest first.
pub fn sorted_by(view: &EarningsParams, key: EarningSortKey) -> EarningsParams {
    let descending = view.sort.key != key || !view.sort.descending;
    EarningsParams {
        sort: EarningSort { key, descending },
        ..view.clone()
    }
}

/// `aria-sort` of `key`'s header.
pub fn aria_sort(view: &EarningsParams, key: EarningSortKey) -> &'static str {
    match (view.sort.key == key, view.sort.descending) {
        (false, _) => "none",
        (true, true) => "descending",
        (true, false) => "ascending",
    }
}

/// The CSV's header row (English, like every export, so it reads into any tool).
pub const CSV_HEADER: [&str; 11] = [
    "Id",
    "Kind",
    "Status",
    "Amount",
    "Currency",
    "For",
    "Deal",
    "Program",
    "Earned",
    "Expected payout",
    "Payout or reason",
];

/// A line as CSV: the amount in major units with a dot, for spreadsheets.
pub fn csv_line(earning: &EarningLine) -> String {
    let digits = api_types::currency_digits(&earning.amount.currency).unwrap_or(2);
    let day = earning.expected_payout_on.map(|d| d.to_string());
    let last = earning
        .payout_id
        .clone()
        .or(earning.declined_reason.clone());
    line(&[
        earning.id.clone(),
        earning.kind.as_str().to_owned(),
        earning.status.as_str().to_owned(),
        crate::text::format::decimal(&earning.amount, digits),
        earning.amount.currency.clone(),
        earning.description.clone(),
        earning.deal_id.clone().unwrap_or_default(),
        earning.program.clone().unwrap_or_default(),
        crate::text::dates::machine_instant(earning.earned_at),
        day.unwrap_or_default(),
        last.unwrap_or_default(),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::Money;

    #[test]
    fn the_address_keeps_filters_and_order_and_drops_junk() {
        let view = EarningsParams::from_pairs([
            ("status", "declined"),
            ("kind", "spiff"),
            ("sort", "amount"),
            ("page", "x"),
        ]);
        assert_eq!(view.status, Some(EarningStatus::Declined));
        assert_eq!(
            view.path(),
            "/earnings?status=declined&kind=spiff&sort=amount"
        );
        assert_eq!(EarningsParams::from_pairs(view.to_query().pairs()), view);
        let junk = EarningsParams::from_pairs([("status", "lost"), ("sort", "-value")]);
        assert_eq!(junk, EarningsParams::default());
        assert_eq!(junk.path(), "/earnings");
    }

    #[test]
    fn a_header_click_sorts_by_it_then_flips() {
        let view = EarningsParams::default();
        let by_amount = sorted_by(&view, EarningSortKey::Amount);
        assert_eq!(by_amount.sort.as_param(), "-amount");
        assert_eq!(aria_sort(&by_amount, EarningSortKey::Amount), "descending");
        assert_eq!(
            sorted_by(&by_amount, EarningSortKey::Amount)
                .sort
                .as_param(),
            "amount"
        );
        assert_eq!(aria_sort(&view, EarningSortKey::Amount), "none");
    }

    #[test]
    fn a_line_becomes_csv_with_its_exact_amount() {
        let earning = EarningLine {
            id: "ern-9".into(),
            kind: EarningKind::Spiff,
            status: EarningStatus::Declined,
            amount: Money {
                amount_minor: 43_600,
                currency: "EUR".into(),
            },
            description: "Thalès Maritime".into(),
            deal_id: Some("DR-2026-00016".into()),
            program: Some("Secure Access push".into()),
            certificate_id: None,
            earned_at: "2026-11-11T16:50:57Z".parse().unwrap(),
            expected_payout_on: None,
            payout_id: None,
            declined_reason: Some("Sold through a distributor, so no extra 2 %.".into()),
        };
        assert_eq!(
            csv_line(&earning),
            "ern-9,spiff,declined,436.00,EUR,Thalès Maritime,DR-2026-00016,Secure Access push,2026-11-11T16:50:57Z,,\"Sold through a distributor, so no extra 2 %.\"\r\n"
        );
        let mut yen = earning;
        yen.amount = Money {
            amount_minor: 61_728,
            currency: "JPY".into(),
        };
        assert!(csv_line(&yen).contains(",61728,JPY,"));
    }
}
