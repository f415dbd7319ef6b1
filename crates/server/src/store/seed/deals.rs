//! Deals: the demo partner's story (`lumiere.rs`) turned into timelines, the large seed's bulk,
//! and a few deals of other partners, including one known conflict.

use api_types::{currency_digits, Contact, DealEvent, DealStatus, DealStepKind, Money, NewDeal};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rusqlite::Transaction;

use super::lumiere::{DemoDeal, Outcome, APPROVALS, DEALS};
use super::{Rng, SeedSize, DEMO_COMPANY, JOINED_DAYS_AGO, VENDOR};
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
/// One seeded deal before it gets its reference: who registered what, and every step since.
struct Planned {
    company: &'static str,
    deal: NewDeal,
    status: DealStatus,
    protection: Option<NaiveDate>,
    timeline: Vec<DealEvent>,
}

/// A deal's steps as they are written: one after another, never later than `now`.
struct Steps {
    now: DateTime<Utc>,
    timeline: Vec<DealEvent>,
}

impl Steps {
    fn new(now: DateTime<Utc>, submitted: DateTime<Utc>, by: &str) -> Self {
        let mut steps = Self {
            now,
            timeline: Vec::new(),
        };
        steps.push(DealStatus::Submitted, submitted, by, None);
        steps
    }

    fn last(&self) -> DateTime<Utc> {
        self.timeline.last().map_or(self.now, |e| e.at)
    }

    fn push(&mut self, status: DealStatus, at: DateTime<Utc>, by: &str, note: Option<&str>) {
        let at = at
            .min(self.now - Duration::minutes(5))
            .max(self.last().min(at));
        self.timeline.push(DealEvent {
            step: DealStepKind::reaching(status),
            status,
            at,
            actor: by.into(),
            note: note.map(str::to_owned),
            protection_ends_on: (status == DealStatus::Approved)
                .then(|| at.date_naive() + Duration::days(PROTECTION_DAYS)),
        });
    }

    /// The next step `days` after the last one, at some hour of that day.
    fn then(&mut self, days: i64, status: DealStatus, by: &str, note: Option<&str>, rng: &mut Rng) {
        let at = self.last() + Duration::days(days) + Duration::minutes(20 + rng.below(240) as i64);
        self.push(status, at, by, note);
    }

    fn protection(&self) -> Option<NaiveDate> {
        self.timeline
            .iter()
            .rev()
            .find_map(|e| e.protection_ends_on)
    }
}

/// How long an approval protects a deal (the seeded program policy).
const PROTECTION_DAYS: i64 = 90;

/// One of the demo partner's registrations, dated from the day it joined.
fn demo_deal(d: &DemoDeal, index: usize, now: DateTime<Utc>, rng: &mut Rng) -> Planned {
    let by = if d.by_theo {
        "Théo Laurent"
    } else {
        "Amélie Dubois"
    };
    let submitted = now
        - Duration::days(JOINED_DAYS_AGO - d.day)
        - Duration::minutes(30 + rng.below(480) as i64);
    let mut steps = Steps::new(now, submitted, by);
    let approve = |steps: &mut Steps, rng: &mut Rng| {
        steps.then(1, DealStatus::UnderReview, VENDOR, None, rng);
        steps.then(
            1,
            DealStatus::Approved,
            VENDOR,
            Some(APPROVALS[index % APPROVALS.len()]),
            rng,
        );
    };
    match d.outcome {
        Outcome::Submitted => {}
        Outcome::UnderReview => steps.then(1, DealStatus::UnderReview, VENDOR, None, rng),
        Outcome::Asked(question) => {
            steps.then(1, DealStatus::UnderReview, VENDOR, None, rng);
            steps.then(
                1,
                DealStatus::MoreInfoRequested,
                VENDOR,
                Some(question),
                rng,
            );
        }
        Outcome::Approved { .. } => approve(&mut steps, rng),
        Outcome::Rejected(why) => {
            steps.then(1, DealStatus::UnderReview, VENDOR, None, rng);
            steps.then(1, DealStatus::Rejected, VENDOR, Some(why), rng);
        }
        Outcome::Won { after } => {
            approve(&mut steps, rng);
            let note = "Congratulations: the win counts towards your tier.";
            steps.then(after, DealStatus::Won, VENDOR, Some(note), rng);
        }
        Outcome::Lost { after, why } => {
            approve(&mut steps, rng);
            steps.then(after, DealStatus::Lost, VENDOR, Some(why), rng);
        }
        Outcome::Withdrawn { after, why } => {
            approve(&mut steps, rng);
            steps.then(after, DealStatus::Withdrawn, by, Some(why), rng);
        }
    }
    let status = d.outcome.status();
    let (customer, country, currency, major) = d.customer;
    let expected_close_on = match d.outcome {
        Outcome::Approved { closes_in } => now.date_naive() + Duration::days(closes_in),
        Outcome::Won { .. } | Outcome::Lost { .. } => steps.last().date_naive(),
        // Still open, or closed without a sale: when the partner expected it to close.
        _ => now.date_naive() + Duration::days(30 + (index as i64 * 17) % 90),
    };
    let minor = currency_digits(currency).map_or(100, |d| 10i64.pow(u32::from(d)));
    Planned {
        company: DEMO_COMPANY,
        deal: NewDeal {
            customer_company: customer.into(),
            contact: Contact {
                name: d.contact.0.into(),
                email: d.contact.1.into(),
                phone: Some(d.contact.2.into()),
            },
            country: country.into(),
            value: Money {
                amount_minor: major * minor,
                currency: currency.into(),
            },
            expected_close_on,
            products: d.products.iter().map(|p| (*p).to_owned()).collect(),
            notes: d.note.map(str::to_owned),
        },
        status,
        protection: steps
            .protection()
            .filter(|_| status == DealStatus::Approved),
        timeline: steps.timeline,
    }
}

/// A generated deal (the large seed's bulk and other partners'), in a status picked in turn.
fn generated_deal(
    company: &'static str,
    customer: String,
    (country, currency): (&str, &str),
    i: usize,
    now: DateTime<Utc>,
    rng: &mut Rng,
) -> Planned {
    const STATUSES: [DealStatus; 7] = [
        DealStatus::Submitted,
        DealStatus::UnderReview,
        DealStatus::MoreInfoRequested,
        DealStatus::Approved,
        DealStatus::Rejected,
        DealStatus::Won,
        DealStatus::Lost,
    ];
    let status = STATUSES[i % STATUSES.len()];
    let age_days = match status {
        DealStatus::Submitted => 0,
        DealStatus::Approved => 5 + rng.below(30) as i64,
        _ => 3 + rng.below(JOINED_DAYS_AGO as u64 - 5) as i64,
    };
    let submitted = now - Duration::days(age_days) - Duration::minutes(30 + rng.below(600) as i64);
    let mut steps = Steps::new(now, submitted, "Partner sales");
    if status != DealStatus::Submitted {
        steps.then(1, DealStatus::UnderReview, VENDOR, None, rng);
    }
    match status {
        DealStatus::MoreInfoRequested | DealStatus::Rejected => {
            steps.then(1, status, VENDOR, Some("Please tell us more."), rng)
        }
        DealStatus::Approved | DealStatus::Won | DealStatus::Lost => {
            steps.then(1, DealStatus::Approved, VENDOR, Some(APPROVALS[0]), rng);
            if status != DealStatus::Approved {
                steps.then(2, status, VENDOR, None, rng);
            }
        }
        _ => {}
    }
    let scale: i64 = if currency == "JPY" { 150 } else { 100 };
    let closed = matches!(
        status,
        DealStatus::Won | DealStatus::Lost | DealStatus::Rejected
    );
    Planned {
        company,
        deal: NewDeal {
            customer_company: customer,
            contact: Contact {
                name: "Alex Morgan".into(),
                email: format!("alex.morgan{i}@customer.example"),
                phone: None,
            },
            country: country.into(),
            value: Money {
                amount_minor: (5_000 + rng.below(400) as i64 * 500) * scale,
                currency: currency.into(),
            },
            expected_close_on: if closed {
                steps.last().date_naive()
            } else {
                now.date_naive() + Duration::days(20 + rng.below(60) as i64)
            },
            products: vec![PRODUCT_CODES[i % PRODUCT_CODES.len()].to_owned()],
            notes: None,
        },
        status,
        protection: steps
            .protection()
            .filter(|_| status == DealStatus::Approved),
        timeline: steps.timeline,
    }
}

/// Every seeded deal: the demo partner's story (and, in the large seed, its bulk), a few deals
/// of other partners (one the known conflict: Müller & Söhne holds "Nordwind Energie AG"),
/// numbered in the order they were registered.
pub(super) fn seed_deals(
    tx: &Transaction,
    size: SeedSize,
    now: DateTime<Utc>,
    rng: &mut Rng,
) -> AppResult<()> {
    let mut plan: Vec<Planned> = DEALS
        .iter()
        .enumerate()
        .map(|(i, d)| demo_deal(d, i, now, rng))
        .collect();
    if size == SeedSize::Large {
        for i in 0..50_000 - DEALS.len() {
            let (customer, country, currency) = CUSTOMERS[i % CUSTOMERS.len()];
            let name = format!("{customer} {}", i / CUSTOMERS.len() + 2);
            plan.push(generated_deal(
                DEMO_COMPANY,
                name,
                (country, currency),
                i,
                now,
                rng,
            ));
        }
    }
    let mut conflict = generated_deal(
        "c-mueller",
        "Nordwind Energie AG".into(),
        ("DE", "EUR"),
        3,
        now,
        rng,
    );
    conflict.deal.products = vec!["NW-CLOUD".into()];
    plan.push(conflict);
    for (i, company) in ["c-sakura", "c-brightwave", "c-zurich", "c-nordic", "c-acme"]
        .into_iter()
        .enumerate()
    {
        let (customer, country, currency) = CUSTOMERS[(i * 7 + 3) % CUSTOMERS.len()];
        let name = format!("{customer} Holding");
        plan.push(generated_deal(
            company,
            name,
            (country, currency),
            i,
            now,
            rng,
        ));
    }
    plan.sort_by_key(|p| p.timeline.first().map(|e| e.at));
    let mut numbers = std::collections::HashMap::<i32, u32>::new();
    for p in &plan {
        let submitted = p.timeline.first().map_or(now, |e| e.at);
        let number = numbers.entry(submitted.year()).or_insert(0);
        *number += 1;
        let offset = if p.company == DEMO_COMPANY { 0 } else { 90_000 };
        let reference = format!("DR-{}-{:05}", submitted.year(), *number + offset);
        insert_deal(
            tx,
            &StoredDeal {
                reference: &reference,
                company_id: p.company,
                deal: &p.deal,
                status: p.status,
                protection_expires_on: p.protection,
                submitted_at: submitted,
                timeline: &p.timeline,
            },
        )?;
    }
    Ok(())
}
