//! The contract's rules for registering a deal, shared so the app warns exactly where the
//! backend would refuse. Each side puts its own words on a broken [`Rule`].

use chrono::{Duration, NaiveDate};

use crate::{currency_digits, NewDeal, COUNTRIES};

/// Why a field of a registration is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Required and blank.
    Missing,
    /// Trimmed length outside `min..=max` characters.
    Length {
        /// Fewest characters.
        min: usize,
        /// Most characters.
        max: usize,
    },
    /// Not shaped like an e-mail address.
    NotAnEmail,
    /// Not one of the contract's (or the catalogue's) values.
    Unknown,
    /// An amount of zero or less.
    NotPositive,
    /// An amount above [`MAX_AMOUNT_MINOR`].
    TooLarge,
    /// A date before today.
    InThePast,
    /// A date more than five years ahead.
    TooFarAhead,
    /// Products: none, more than [`MAX_PRODUCTS`], repeated or not in the catalogue.
    ProductChoice,
    /// A name with no letter or digit, or with control or text-direction characters (which can
    /// make one name look like another).
    Unreadable,
}

/// A broken rule at a field, named as the contract names it (`contact.email`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Broken {
    /// The field.
    pub field: &'static str,
    /// The rule.
    pub rule: Rule,
}

/// A registration's fields as the contract names them, in the order forms show them.
#[rustfmt::skip]
pub const FIELDS: [&str; 10] = [
    "customer_company", "contact.name", "contact.email", "contact.phone", "country",
    "value.currency", "value.amount_minor", "expected_close_on", "products", "notes",
];

/// Company and contact names: 2 to 120 characters.
pub const NAME_CHARS: (usize, usize) = (2, 120);
/// Most characters of a phone number.
pub const PHONE_MAX_CHARS: usize = 40;
/// Most characters of the notes.
pub const NOTES_MAX_CHARS: usize = 2000;
/// Most products on one registration.
pub const MAX_PRODUCTS: usize = 6;
/// The largest estimated value, in minor units.
pub const MAX_AMOUNT_MINOR: i64 = 100_000_000_000_000;

/// A required text of `min..=max` characters once trimmed.
pub fn check_length(text: &str, (min, max): (usize, usize)) -> Option<Rule> {
    match text.trim().chars().count() {
        0 => Some(Rule::Missing),
        n if n < min || n > max => Some(Rule::Length { min, max }),
        _ => None,
    }
}

/// An e-mail address: one `@`, a dot in the domain, no spaces, 3 to 254 characters.
pub fn check_email(email: &str) -> Option<Rule> {
    let email = email.trim();
    if email.is_empty() {
        return Some(Rule::Missing);
    }
    let shaped = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            // A dot with something on both sides, as the contract's pattern says.
            && domain
                .char_indices()
                .any(|(i, c)| c == '.' && i > 0 && i + 1 < domain.len())
    });
    let fits = (3..=254).contains(&email.chars().count());
    (!shaped || !fits || email.chars().any(char::is_whitespace)).then_some(Rule::NotAnEmail)
}

/// An estimated value in minor units: above zero, at most [`MAX_AMOUNT_MINOR`].
pub fn check_amount(amount_minor: i64) -> Option<Rule> {
    match amount_minor {
        ..=0 => Some(Rule::NotPositive),
        n if n > MAX_AMOUNT_MINOR => Some(Rule::TooLarge),
        _ => None,
    }
}

/// An expected close date: today (the partner's day) up to five years ahead.
pub fn check_close_date(day: NaiveDate, today: NaiveDate) -> Option<Rule> {
    if day < today {
        Some(Rule::InThePast)
    } else if day > today + Duration::days(5 * 366) {
        Some(Rule::TooFarAhead)
    } else {
        None
    }
}

/// One to [`MAX_PRODUCTS`] products, each once, each known to `is_known`.
pub fn check_products(products: &[String], is_known: impl Fn(&str) -> bool) -> Option<Rule> {
    // The cap comes first, so a long list is refused before the pairwise uniqueness check.
    let fits = (1..=MAX_PRODUCTS).contains(&products.len());
    let fine = fits
        && products
            .iter()
            .enumerate()
            .all(|(i, p)| is_known(p) && !products[..i].contains(p));
    (!fine).then_some(Rule::ProductChoice)
}

/// A person's or company's name: 2 to 120 characters, at least one letter or digit, and no
/// control or text-direction characters.
pub fn check_name(name: &str) -> Option<Rule> {
    check_length(name, NAME_CHARS).or_else(|| {
        let hidden = |c: char| {
            c.is_control()
                || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
        };
        (name.chars().any(hidden) || !name.chars().any(char::is_alphanumeric))
            .then_some(Rule::Unreadable)
    })
}

/// Every rule the contract states for a registration, in field order, all at once.
pub fn check_new_deal(
    deal: &NewDeal,
    today: NaiveDate,
    is_known_product: impl Fn(&str) -> bool,
) -> Vec<Broken> {
    let phone_too_long = deal
        .contact
        .phone
        .as_ref()
        .is_some_and(|p| p.trim().chars().count() > PHONE_MAX_CHARS);
    let notes_too_long = deal
        .notes
        .as_ref()
        .is_some_and(|n| n.chars().count() > NOTES_MAX_CHARS);
    // One rule result per field, in the order of [`FIELDS`].
    let rules = [
        check_name(&deal.customer_company),
        check_name(&deal.contact.name),
        check_email(&deal.contact.email),
        phone_too_long.then_some(Rule::Length {
            min: 0,
            max: PHONE_MAX_CHARS,
        }),
        (!COUNTRIES.contains(&deal.country.as_str())).then_some(Rule::Unknown),
        currency_digits(&deal.value.currency)
            .is_none()
            .then_some(Rule::Unknown),
        check_amount(deal.value.amount_minor),
        check_close_date(deal.expected_close_on, today),
        check_products(&deal.products, is_known_product),
        notes_too_long.then_some(Rule::Length {
            min: 0,
            max: NOTES_MAX_CHARS,
        }),
    ];
    FIELDS
        .into_iter()
        .zip(rules)
        .filter_map(|(field, rule)| rule.map(|rule| Broken { field, rule }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_need_a_letter_and_no_hidden_characters() {
        assert_eq!(check_name("Hôtel Beaumont SA"), None);
        assert_eq!(check_name("株式会社東京データ"), None);
        assert_eq!(check_name("!!!"), Some(Rule::Unreadable));
        assert_eq!(check_name("Acme\u{202e}GmbH"), Some(Rule::Unreadable));
        assert_eq!(check_name("Acme\u{0007}"), Some(Rule::Unreadable));
        assert_eq!(check_name(" "), Some(Rule::Missing));
    }

    /// The catalogue these tests register against.
    fn known(code: &str) -> bool {
        [
            "NW-CLOUD",
            "NW-EDGE",
            "NW-SEC",
            "NW-DATA",
            "NW-BACKUP",
            "NW-SUPPORT",
        ]
        .contains(&code)
    }

    /// A complete registration closing on `today`, as the app sends it.
    fn good(today: NaiveDate) -> NewDeal {
        serde_json::from_value(serde_json::json!({
            "customer_company": "Hôtel Beaumont SA",
            "contact": {"name": "Élodie Martin", "email": "elodie@beaumont.fr"},
            "country": "FR",
            "value": {"amount_minor": 4_250_000, "currency": "EUR"},
            "expected_close_on": today,
            "products": ["NW-CLOUD"]
        }))
        .expect("the example matches the contract")
    }

    #[test]
    fn a_complete_registration_closing_today_keeps_every_rule() {
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        assert!(check_new_deal(&good(today), today, known).is_empty());
    }

    #[test]
    fn each_rule_names_its_field() {
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        let mut deal = good(today);
        deal.customer_company = " x ".into();
        deal.contact.email = "not an email".into();
        deal.value.amount_minor = MAX_AMOUNT_MINOR + 1;
        deal.products = vec!["NW-CLOUD".into(), "NW-CLOUD".into()];
        assert_eq!(
            check_new_deal(&deal, today, known),
            [
                Broken {
                    field: "customer_company",
                    rule: Rule::Length { min: 2, max: 120 }
                },
                Broken {
                    field: "contact.email",
                    rule: Rule::NotAnEmail
                },
                Broken {
                    field: "value.amount_minor",
                    rule: Rule::TooLarge
                },
                Broken {
                    field: "products",
                    rule: Rule::ProductChoice
                },
            ]
        );
    }

    #[test]
    fn email_shapes() {
        assert_eq!(check_email("a@b.co"), None);
        assert_eq!(
            check_email("a@.b.co"),
            None,
            "what the contract's pattern allows"
        );
        assert_eq!(check_email(""), Some(Rule::Missing));
        for bad in ["a@b", "@b.co", "a b@c.de", "a@@b.co", "a@b.", "a@.b"] {
            assert_eq!(check_email(bad), Some(Rule::NotAnEmail), "{bad}");
        }
    }

    #[test]
    fn product_lists_are_capped_before_they_are_compared() {
        let many: Vec<String> = (0..10_000).map(|i| format!("P{i}")).collect();
        assert_eq!(check_products(&many, |_| true), Some(Rule::ProductChoice));
        assert_eq!(check_products(&[], |_| true), Some(Rule::ProductChoice));
        assert_eq!(
            check_products(&["X".into()], |_| false),
            Some(Rule::ProductChoice)
        );
        assert_eq!(check_products(&["X".into()], |_| true), None);
    }

    #[test]
    fn dates_and_amounts_have_bounds() {
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        assert_eq!(
            check_close_date(today - Duration::days(1), today),
            Some(Rule::InThePast)
        );
        assert_eq!(
            check_close_date("2033-01-01".parse().unwrap(), today),
            Some(Rule::TooFarAhead)
        );
        assert_eq!(check_amount(0), Some(Rule::NotPositive));
        assert_eq!(check_amount(MAX_AMOUNT_MINOR), None);
    }
}
