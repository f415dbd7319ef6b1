//! Deals in every status with believable timelines, including one known conflict.

use api_types::{Contact, DealEvent, DealStatus, DealStepKind, Money, NewDeal};
use chrono::{DateTime, Datelike, Duration, Utc};
use rusqlite::Transaction;

use super::{Rng, SeedSize, DEMO_COMPANY, VENDOR};
use crate::error::AppResult;
use crate::store::deals::{insert_deal, StoredDeal};

const CUSTOMERS: [(&str, &str, &str); 30] = [
    ("Hôtel Beaumont SA", "FR", "EUR"),
    ("Müller Logistik GmbH", "DE", "EUR"),
    ("Café Olé SARL", "FR", "EUR"),
    ("Öresund Shipping AB", "SE", "EUR"),
    ("Ålesund Fiskeri AS", "NO", "EUR"),
    ("Zürich Versicherungs-Gruppe", "CH", "CHF"),
    ("株式会社東京データ", "JP", "JPY"),
    ("Łódź Manufaktura Sp. z o.o.", "PL", "EUR"),
    ("Niño Salud S.L.", "ES", "EUR"),
    ("Brasserie du Nord", "BE", "EUR"),
    ("Crédit Régional", "FR", "EUR"),
    ("Société Générale d'Électricité", "FR", "EUR"),
    ("Groupe Pâtisserie Fine", "FR", "EUR"),
    ("Écoles de Lyon", "FR", "EUR"),
    ("Bäckerei Schröder", "DE", "EUR"),
    ("Ørsted Consulting ApS", "DK", "EUR"),
    ("Kraków Tech Park", "PL", "EUR"),
    ("Pharmacie Centrale", "FR", "EUR"),
    ("Côte d'Azur Hotels", "FR", "EUR"),
    ("Renée & Fils", "FR", "EUR"),
    ("Université de Grenoble", "FR", "EUR"),
    ("Thalès Maritime", "FR", "EUR"),
    ("Björk Design Studio", "SE", "EUR"),
    ("Mañana Foods S.A.", "ES", "EUR"),
    ("Dvořák Audio s.r.o.", "CZ", "EUR"),
    ("London Harbour Trust", "GB", "GBP"),
    ("Istanbul Ölçüm A.Ş.", "TR", "USD"),
    ("Nakamura Seiki 中村精機", "JP", "JPY"),
    ("Saint-Étienne Métropole", "FR", "EUR"),
    ("Boston Bay Clinics", "US", "USD"),
];

const CONTACTS: [&str; 12] = [
    "Élodie Martin",
    "Jonas Müller",
    "Søren Nielsen",
    "María José García",
    "Zofia Kowalska",
    "佐藤 健",
    "Oliver Smith",
    "Chloé Lefèvre",
    "Björn Lindqvist",
    "Ayşe Yılmaz",
    "François Petit",
    "Hannah O'Brien",
];

/// The demo program's product catalogue: (code, name). The channel team keeps its own through
/// `PUT /ops/products/{code}`.
pub(in crate::store) const PRODUCTS: [(&str, &str); 6] = [
    ("NW-CLOUD", "Northwind Cloud Platform"),
    ("NW-EDGE", "Edge Gateway"),
    ("NW-SEC", "Secure Access"),
    ("NW-DATA", "Data Lake"),
    ("NW-BACKUP", "Backup & Recovery"),
    ("NW-SUPPORT", "Premium Support"),
];

const PRODUCT_CODES: [&str; 6] = [
    PRODUCTS[0].0,
    PRODUCTS[1].0,
    PRODUCTS[2].0,
    PRODUCTS[3].0,
    PRODUCTS[4].0,
    PRODUCTS[5].0,
];

/// The catalogue's products, in order.
pub(in crate::store) fn seed_products(tx: &rusqlite::Connection) -> rusqlite::Result<()> {
    for (position, (code, name)) in PRODUCTS.iter().enumerate() {
        tx.execute(
            "INSERT OR IGNORE INTO products (code, name, active, position) VALUES (?1, ?2, 1, ?3)",
            rusqlite::params![code, name, position as i64],
        )?;
    }
    Ok(())
}
/// The path a seeded deal took: the statuses after `submitted`, with notes.
fn deal_path(final_status: &str) -> Vec<(&'static str, Option<&'static str>)> {
    let review = ("under_review", None);
    let approved = ("approved", Some("Protected for 90 days. Good luck!"));
    match final_status {
        "submitted" => vec![],
        "under_review" => vec![review],
        "more_info_requested" => vec![review, ("more_info_requested", Some("Please add the customer's purchasing contact and the expected number of seats."))],
        "approved" => vec![review, approved],
        "rejected" => vec![review, ("rejected", Some("This customer is served directly by Northwind's enterprise team."))],
        "won" => vec![review, approved, ("won", Some("Congratulations, the win counts towards your tier."))],
        "lost" => vec![review, approved, ("lost", Some("Customer chose to stay with their current supplier."))],
        _ => vec![review, approved, ("expired", Some("Protection ended before the deal closed. You may register it again."))],
    }
}

pub(super) fn seed_deals(
    tx: &Transaction,
    size: SeedSize,
    now: DateTime<Utc>,
    rng: &mut Rng,
) -> AppResult<()> {
    let statuses = [
        "submitted",
        "under_review",
        "more_info_requested",
        "approved",
        "rejected",
        "won",
        "lost",
        "expired",
    ];
    let demo_count = match size {
        SeedSize::Demo => 72,
        SeedSize::Large => 50_000,
    };
    // The demo partner's deals, then a few from other partners (one is the known conflict).
    let mut plan: Vec<(&str, String, &str, &str, usize)> = (0..demo_count)
        .map(|i| {
            let (customer, country, currency) = CUSTOMERS[i % CUSTOMERS.len()];
            let name = if i < CUSTOMERS.len() {
                customer.to_owned()
            } else {
                format!(
                    "{customer} ({})",
                    ["Nord", "Sud", "Est", "Ouest"][i / CUSTOMERS.len() % 4]
                )
            };
            (DEMO_COMPANY, name, country, currency, i)
        })
        .collect();
    plan.push((
        "c-mueller",
        "Nordwind Energie AG".to_owned(),
        "DE",
        "EUR",
        3,
    ));
    for (i, company) in ["c-sakura", "c-brightwave", "c-zurich", "c-nordic", "c-acme"]
        .iter()
        .enumerate()
    {
        let (customer, country, currency) = CUSTOMERS[(i * 7 + 3) % CUSTOMERS.len()];
        plan.push((company, format!("{customer} Holding"), country, currency, i));
    }
    let years_seq = &mut std::collections::HashMap::<i32, u32>::new();
    for (company, customer, country, currency, i) in plan {
        let status = if company == "c-mueller" {
            "approved"
        } else {
            statuses[i % statuses.len()]
        };
        // Approved deals are recent enough to be protected still; expired ones old enough not to be.
        let age_days = match status {
            "approved" => 12 + rng.below(60),
            "expired" => 130 + rng.below(150),
            "submitted" => rng.below(3),
            _ => 40 + rng.below(240),
        };
        let submitted =
            now - Duration::days(age_days as i64) - Duration::minutes(30 + rng.below(600) as i64);
        let seq = years_seq.entry(submitted.year()).or_insert(0);
        *seq += 1;
        let reference = format!(
            "DR-{}-{:05}",
            submitted.year(),
            *seq + if company == DEMO_COMPANY { 0 } else { 90_000 }
        );
        let scale: i64 = if currency == "JPY" { 1 } else { 100 };
        let value =
            (5_000 + rng.below(400) as i64 * 500) * scale * if currency == "JPY" { 150 } else { 1 };
        let mut products: Vec<&str> = vec![PRODUCT_CODES[i % PRODUCT_CODES.len()]];
        if i % 3 == 0 {
            products.push(PRODUCT_CODES[(i + 2) % PRODUCT_CODES.len()]);
        }
        if company == "c-mueller" {
            products = vec!["NW-CLOUD"];
        }
        let contact = CONTACTS[i % CONTACTS.len()];
        let ascii = |s: &str, n: usize| -> String {
            s.chars()
                .filter(char::is_ascii_alphanumeric)
                .flat_map(char::to_lowercase)
                .take(n)
                .collect()
        };
        // Names in other scripts have no ASCII letters: such contacts get a generic mailbox.
        let local = Some(ascii(contact, 12))
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| format!("contact{i}"));
        // Customers written in other scripts get a domain from their place in the list.
        let domain = Some(ascii(&customer, 16))
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| format!("customer{}", i % CUSTOMERS.len()));
        let email = format!("{local}@{domain}.example");
        let mut at = submitted;
        let mut events = vec![("submitted", at, None)];
        for (next, note) in deal_path(status) {
            at +=
                Duration::days(1 + rng.below(3) as i64) + Duration::minutes(rng.below(300) as i64);
            events.push((next, at.min(now - Duration::minutes(5)), note));
        }
        let updated = events.last().map_or(submitted, |e| e.1);
        let expected_close = if matches!(status, "won" | "lost" | "expired" | "rejected") {
            updated.date_naive()
        } else {
            now.date_naive() + Duration::days(20 + rng.below(160) as i64)
        };
        let protection = events
            .iter()
            .find(|e| e.0 == "approved")
            .map(|e| e.1.date_naive() + Duration::days(90))
            .filter(|_| matches!(status, "approved" | "expired"));
        let notes = (i % 4 == 0)
            .then_some("Customer is comparing us with two other vendors; decision by the board.");
        let timeline: Vec<DealEvent> = events
            .into_iter()
            .enumerate()
            .map(|(position, (status, at, note))| {
                let status = DealStatus::parse(status).unwrap_or(DealStatus::Submitted);
                DealEvent {
                    step: DealStepKind::reaching(status),
                    status,
                    at,
                    actor: if position == 0 {
                        "Amélie Dubois"
                    } else {
                        VENDOR
                    }
                    .into(),
                    note: note.map(str::to_owned),
                    protection_ends_on: (status == DealStatus::Approved)
                        .then(|| at.date_naive() + Duration::days(90)),
                }
            })
            .collect();
        let registered = NewDeal {
            customer_company: customer,
            contact: Contact {
                name: contact.into(),
                email,
                phone: (i % 2 == 0).then(|| "+33 1 42 68 53 00".to_owned()),
            },
            country: country.into(),
            value: Money {
                amount_minor: value,
                currency: currency.into(),
            },
            expected_close_on: expected_close,
            products: products.iter().map(|p| (*p).to_owned()).collect(),
            notes: notes.map(str::to_owned),
        };
        insert_deal(
            tx,
            &StoredDeal {
                reference: &reference,
                company_id: company,
                deal: &registered,
                status: DealStatus::parse(status).unwrap_or(DealStatus::Submitted),
                protection_expires_on: protection,
                submitted_at: submitted,
                timeline: &timeline,
            },
        )?;
    }
    Ok(())
}
