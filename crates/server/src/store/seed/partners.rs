//! Partner companies of every type, region and script, and the people who sign in.

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Transaction};
use serde_json::json;

use super::{Rng, SeedSize, DEMO_COMPANY, DEMO_TOKEN, JOINED_DAYS_AGO, OTHER_PARTNER_TOKEN};

type Company = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

pub(super) const COMPANIES: [Company; 16] = [
    ("c-lumiere", "Lumière Cloud Services SARL", "msp", "FR", "EMEA", "EUR", "silver"),
    ("c-sakura", "Sakura Systems K.K. (さくらシステムズ)", "distributor", "JP", "APAC", "JPY", "gold"),
    ("c-brightwave", "Brightwave Solutions Ltd", "reseller", "GB", "EMEA", "GBP", "platinum"),
    ("c-mueller", "Müller & Söhne Datentechnik GmbH", "reseller", "DE", "EMEA", "EUR", "gold"),
    ("c-acme", "Acme Referral Partners LLC", "referral", "US", "AMER", "USD", "registered"),
    ("c-longname", "The Extraordinarily Long-Named International Systems Integration and Managed Services Company of North America, Incorporated", "msp", "US", "AMER", "USD", "silver"),
    ("c-saopaulo", "São Paulo Integração de Sistemas Ltda.", "reseller", "BR", "AMER", "USD", "silver"),
    ("c-huaxin", "深圳华信科技有限公司 (Huaxin Technology)", "distributor", "CN", "APAC", "USD", "gold"),
    ("c-alnoor", "النور للحلول الرقمية (Al-Noor Digital)", "referral", "AE", "EMEA", "USD", "registered"),
    ("c-zurich", "Zürich Rechenzentrum AG", "msp", "CH", "EMEA", "CHF", "platinum"),
    ("c-maple", "Maple Leaf Cloud Inc.", "msp", "CA", "AMER", "CAD", "silver"),
    ("c-outback", "Outback Data Pty Ltd", "reseller", "AU", "APAC", "AUD", "gold"),
    ("c-kiwi", "Kiwi Managed Services Ltd", "msp", "NZ", "APAC", "AUD", "registered"),
    ("c-nordic", "Nordic Cloud Oy", "msp", "FI", "EMEA", "EUR", "gold"),
    ("c-seoul", "서울 클라우드 (Seoul Cloud Co.)", "reseller", "KR", "APAC", "USD", "silver"),
    ("c-dublin", "Dublin Distribution Ltd", "distributor", "IE", "EMEA", "EUR", "platinum"),
];

const WORDS: [&str; 26] = [
    "Apex", "Blue", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper",
    "Kestrel", "Lumen", "Meridian", "Nimbus", "Orbit", "Pioneer", "Quartz", "Ridge", "Summit",
    "Tidal", "Umbra", "Vertex", "Willow", "Xenon", "Yarrow", "Zenith",
];
const TRADES: [&str; 10] = [
    "Systems",
    "Networks",
    "Cloud",
    "IT",
    "Digital",
    "Solutions",
    "Data",
    "Tech",
    "Consulting",
    "Integrators",
];
const FORMS: [(&str, &str, &str, &str); 10] = [
    ("Ltd", "GB", "EMEA", "GBP"),
    ("GmbH", "DE", "EMEA", "EUR"),
    ("Inc.", "US", "AMER", "USD"),
    ("S.A.", "ES", "EMEA", "EUR"),
    ("B.V.", "NL", "EMEA", "EUR"),
    ("Pty Ltd", "AU", "APAC", "AUD"),
    ("K.K.", "JP", "APAC", "JPY"),
    ("AB", "SE", "EMEA", "EUR"),
    ("Oy", "FI", "EMEA", "EUR"),
    ("LLC", "US", "AMER", "USD"),
];
const TYPES: [&str; 4] = ["reseller", "msp", "referral", "distributor"];
const TIERS: [&str; 4] = ["registered", "silver", "gold", "platinum"];
pub(super) fn seed_companies(
    tx: &Transaction,
    size: SeedSize,
    today: NaiveDate,
    rng: &mut Rng,
) -> rusqlite::Result<Vec<String>> {
    let mut insert = tx.prepare(
        "INSERT INTO companies (id, name, partner_type, country, region, currency, tier, joined_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut ids = Vec::new();
    for (i, (id, name, kind, country, region, currency, tier)) in COMPANIES.iter().enumerate() {
        let joined = if *id == DEMO_COMPANY {
            today - Duration::days(JOINED_DAYS_AGO)
        } else {
            today - Duration::days(200 + 97 * i as i64)
        };
        insert.execute(params![
            id,
            name,
            kind,
            country,
            region,
            currency,
            tier,
            joined.to_string()
        ])?;
        ids.push(id.to_string());
    }
    let generated = match size {
        SeedSize::Demo => 320,
        SeedSize::Large => 20_000,
    };
    for n in 0..generated {
        let (form, country, region, currency) = FORMS[n % FORMS.len()];
        let name = format!(
            "{} {} {}{}",
            rng.pick(&WORDS),
            rng.pick(&TRADES),
            form,
            if n >= 2_600 {
                format!(" {}", n / 2_600)
            } else {
                String::new()
            }
        );
        let id = format!("c-gen-{n:05}");
        let joined = today - Duration::days(30 + rng.below(1500) as i64);
        insert.execute(params![
            id,
            name,
            rng.pick(&TYPES),
            country,
            region,
            currency,
            rng.pick(&TIERS),
            joined.to_string()
        ])?;
        ids.push(id);
    }
    Ok(ids)
}

/// The program's tiers: what each requires (targets in US cents for revenue, shown in each
/// partner's currency) and what it gives. Tier progress is worked out from these on every read.
pub(in crate::store) fn seed_tiers(tx: &rusqlite::Connection) -> rusqlite::Result<()> {
    let requirement = |id: &str, label: &str, metric: &str, target: i64| json!({"id": id, "label": label, "metric": metric, "target": target});
    let tiers = [
        (
            "registered",
            0,
            json!([]),
            json!([
                "Deal registration with 90 days of protection",
                "The partner portal, training and certifications",
            ]),
        ),
        (
            "silver",
            500,
            json!([
                requirement("engineers", "Certified people", "certified_people", 1),
                requirement(
                    "revenue",
                    "Won revenue this year",
                    "won_revenue_year",
                    5_400_000
                ),
                requirement(
                    "courses",
                    "Courses completed by your team",
                    "courses_completed",
                    3
                ),
            ]),
            json!([
                "5% rebate on won deals",
                "Marketing development funds on request",
            ]),
        ),
        (
            "gold",
            800,
            json!([
                requirement("engineers", "Certified people", "certified_people", 3),
                requirement(
                    "revenue",
                    "Won revenue this year",
                    "won_revenue_year",
                    27_000_000
                ),
                requirement(
                    "courses",
                    "Courses completed by your team",
                    "courses_completed",
                    10
                ),
            ]),
            json!([
                "8% rebate on won deals",
                "A dedicated channel manager",
                "Co-op funds every quarter",
            ]),
        ),
        (
            "platinum",
            1200,
            json!([
                requirement("engineers", "Certified people", "certified_people", 6),
                requirement(
                    "revenue",
                    "Won revenue this year",
                    "won_revenue_year",
                    108_000_000
                ),
                requirement(
                    "courses",
                    "Courses completed by your team",
                    "courses_completed",
                    25
                ),
            ]),
            json!([
                "12% rebate on won deals",
                "Joint business planning with the vendor",
                "Early access to the roadmap",
            ]),
        ),
    ];
    for (position, (level, rebate_bp, requirements, benefits)) in tiers.into_iter().enumerate() {
        tx.execute(
            "INSERT INTO tiers (level, position, requirements_json, benefits_json, rebate_bp) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![level, position as i64, requirements.to_string(), benefits.to_string(), rebate_bp],
        )?;
    }
    Ok(())
}

pub(super) fn seed_users(tx: &Transaction) -> rusqlite::Result<()> {
    let users = [
        (
            "u-amelie",
            DEMO_COMPANY,
            "Amélie Dubois",
            "amelie.dubois@lumiere-cloud.fr",
            "admin",
            Some(DEMO_TOKEN),
        ),
        (
            "u-theo",
            DEMO_COMPANY,
            "Théo Laurent",
            "theo.laurent@lumiere-cloud.fr",
            "member",
            None,
        ),
        (
            "u-aiko",
            "c-sakura",
            "Aiko Tanaka (田中愛子)",
            "aiko.tanaka@sakura-systems.jp",
            "admin",
            Some(OTHER_PARTNER_TOKEN),
        ),
        (
            "u-jonas",
            "c-mueller",
            "Jonas Schäfer",
            "jonas.schaefer@mueller-soehne.de",
            "admin",
            None,
        ),
    ];
    for (id, company, name, email, role, token) in users {
        tx.execute(
            "INSERT INTO users (id, company_id, name, email, role, token) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, company, name, email, role, token],
        )?;
    }
    Ok(())
}
