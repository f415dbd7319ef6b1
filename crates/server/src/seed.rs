//! Demo data for a believable program: companies of every type and country, a demo partner
//! mid-way through onboarding, deals in every status, leaderboards, training, surveys, feedback.
//! Dates are relative to the day the database is created, so the demo always looks current.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rusqlite::{params, Transaction};
use serde_json::json;

/// The demo partner user's session token (the run command's demo mode signs everyone in as them).
pub const DEMO_TOKEN: &str = "demo-token";
/// A user at another partner company, for conflict tests.
pub const OTHER_PARTNER_TOKEN: &str = "sakura-token";
/// The demo partner's company.
pub const DEMO_COMPANY: &str = "c-lumiere";

/// How much data to create.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeedSize {
    /// A few hundred partners and ~100 deals.
    Demo,
    /// 50,000 deals for the demo partner and 20,000 leaderboard entries, for performance work.
    Large,
}

/// Small deterministic generator so every seed is the same.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

type Company = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const COMPANIES: [Company; 16] = [
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
const PRODUCT_CODES: [&str; 6] = [
    "NW-CLOUD",
    "NW-EDGE",
    "NW-SEC",
    "NW-DATA",
    "NW-BACKUP",
    "NW-SUPPORT",
];
const VENDOR: &str = "Channel team (Dana Whitfield)";

/// Fills an empty database.
pub fn seed(tx: &Transaction, size: SeedSize, now: DateTime<Utc>) -> rusqlite::Result<()> {
    let today = now.date_naive();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let companies = seed_companies(tx, size, today, &mut rng)?;
    seed_users(tx)?;
    seed_onboarding(tx, today)?;
    seed_training(tx, today)?;
    seed_deals(tx, size, now, &mut rng)?;
    seed_leaderboards(tx, &companies, today, &mut rng)?;
    seed_surveys(tx, today, now)?;
    seed_feedback(tx, now)
}

fn seed_companies(
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
            today - Duration::days(41)
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
    let next_tier = json!({"tier": "gold", "requirements": [
        {"id": "engineers", "label": "Certified engineers", "current": {"unit": "count", "value": 2}, "target": {"unit": "count", "value": 3}},
        {"id": "revenue", "label": "Registered revenue this year", "current": {"unit": "money", "value": {"amount_minor": 18_000_000, "currency": "EUR"}}, "target": {"unit": "money", "value": {"amount_minor": 25_000_000, "currency": "EUR"}}},
        {"id": "courses", "label": "Courses completed by your team", "current": {"unit": "count", "value": 10}, "target": {"unit": "count", "value": 10}}
    ]});
    let engagement = json!({"score": 62, "change": 4, "factors": [
        {"id": "training", "label": "Training completed", "points": 18, "max_points": 25, "hint": "Finish Cloud Foundations to earn up to 7 more points."},
        {"id": "certifications", "label": "Certifications held", "points": 12, "max_points": 20, "hint": "Renew MSP Operations Specialist to get 4 points back."},
        {"id": "deals", "label": "Deals registered", "points": 15, "max_points": 25, "hint": "Each registered deal this month adds 2 points."},
        {"id": "feedback", "label": "Feedback and surveys", "points": 5, "max_points": 15, "hint": "Answer the quarterly partner pulse for 5 points."},
        {"id": "activity", "label": "Portal activity", "points": 12, "max_points": 15, "hint": "Sign in weekly to keep these points."}
    ]});
    tx.execute(
        "UPDATE companies SET next_tier_json = ?1, engagement_json = ?2 WHERE id = ?3",
        params![next_tier.to_string(), engagement.to_string(), DEMO_COMPANY],
    )?;
    Ok(ids)
}

fn seed_users(tx: &Transaction) -> rusqlite::Result<()> {
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

fn seed_onboarding(tx: &Transaction, today: NaiveDate) -> rusqlite::Result<()> {
    let start = today - Duration::days(41);
    let docs = "https://partners.northwind.example/docs";
    // (phase, id, title, description, kind, due day, state, completed_by, blocked reason, link)
    let items: [(
        u8,
        &str,
        &str,
        &str,
        &str,
        i64,
        &str,
        &str,
        Option<&str>,
        (&str, &str),
    ); 16] = [
        (
            1,
            "ob-agreement",
            "Sign the partner agreement",
            "Your agreement sets your discounts and deal protection terms.",
            "document",
            5,
            "done",
            "vendor",
            None,
            ("Partner agreement (PDF)", "agreement.pdf"),
        ),
        (
            1,
            "ob-profile",
            "Complete your company profile",
            "Customers find you in the partner directory by what you fill in here.",
            "profile",
            7,
            "done",
            "partner",
            None,
            ("How to write a good profile", "profile-guide"),
        ),
        (
            1,
            "ob-team",
            "Invite your team",
            "Add the sales reps and engineers who will sell and deploy Northwind.",
            "task",
            10,
            "done",
            "partner",
            None,
            ("Managing users", "users"),
        ),
        (
            1,
            "ob-essentials",
            "Take Partner Program Essentials",
            "Forty minutes on tiers, benefits and how deal registration protects you.",
            "course",
            14,
            "done",
            "partner",
            None,
            ("Open the course", "essentials"),
        ),
        (
            1,
            "ob-payout",
            "Set up payout details for rebates",
            "Rebates and MDF are paid to this account; without it, payments wait.",
            "task",
            21,
            "todo",
            "partner",
            None,
            ("Payout set-up guide", "payouts"),
        ),
        (
            2,
            "ob-rules",
            "Read the deal registration rules",
            "What can be registered, how long protection lasts, and how conflicts are settled.",
            "document",
            33,
            "done",
            "partner",
            None,
            ("Deal registration rules", "deal-rules"),
        ),
        (
            2,
            "ob-jbp",
            "Book your joint business plan call",
            "Thirty minutes with your channel manager to set targets for your first year.",
            "task",
            38,
            "todo",
            "partner",
            None,
            ("Book a time", "jbp"),
        ),
        (
            2,
            "ob-first-deal",
            "Register your first deal",
            "Registering protects the opportunity for you for 90 days once approved.",
            "task",
            45,
            "todo",
            "partner",
            None,
            ("Deal registration in 15 minutes", "deal-course"),
        ),
        (
            2,
            "ob-directory",
            "Get listed in the partner directory",
            "The channel team checks your profile, then lists you for customers in your region.",
            "profile",
            44,
            "in_progress",
            "vendor",
            None,
            ("About the directory", "directory"),
        ),
        (
            2,
            "ob-first-cert",
            "Earn your first certification",
            "Cloud Foundations certifies an engineer; the channel team confirms the result.",
            "course",
            55,
            "in_progress",
            "vendor",
            None,
            ("Cloud Foundations", "cloud-foundations"),
        ),
        (
            3,
            "ob-demo-env",
            "Set up your demo environment",
            "A sandbox to show customers Northwind working on their own data.",
            "task",
            65,
            "blocked",
            "partner",
            Some("Waiting for your sandbox licence from the channel team."),
            ("Sandbox guide", "sandbox"),
        ),
        (
            3,
            "ob-survey",
            "Answer the quarterly partner pulse",
            "Five questions that shape next quarter's program.",
            "task",
            70,
            "todo",
            "partner",
            None,
            ("Open surveys", "surveys"),
        ),
        (
            3,
            "ob-mdf",
            "Plan your first co-marketing campaign",
            "Use market development funds for an event or campaign with Northwind.",
            "task",
            75,
            "todo",
            "partner",
            None,
            ("MDF playbook", "mdf"),
        ),
        (
            3,
            "ob-second-cert",
            "Certify a second engineer",
            "Gold tier needs three certified engineers.",
            "course",
            80,
            "todo",
            "vendor",
            None,
            ("Certification paths", "certifications"),
        ),
        (
            3,
            "ob-win",
            "Win your first registered deal",
            "Close a registered deal; the channel team confirms the win.",
            "task",
            85,
            "todo",
            "vendor",
            None,
            ("Closing with Northwind", "closing"),
        ),
        (
            3,
            "ob-qbr",
            "Hold your first quarterly business review",
            "Review results and plan the next quarter with your channel manager.",
            "task",
            88,
            "todo",
            "vendor",
            None,
            ("QBR template", "qbr"),
        ),
    ];
    let mut insert = tx.prepare(
        "INSERT INTO onboarding_items (id, company_id, phase, position, title, description, kind, due_on, state, completed_by, completed_at, blocked_reason, links_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (
        position,
        (phase, id, title, description, kind, due_day, state, by, blocked, (label, path)),
    ) in items.into_iter().enumerate()
    {
        let due = start + Duration::days(due_day);
        let completed_at = (state == "done")
            .then(|| format!("{}T09:30:00Z", (due - Duration::days(2)).min(today)));
        let links = json!([{"label": label, "url": format!("{docs}/{path}")}]).to_string();
        insert.execute(params![
            id,
            DEMO_COMPANY,
            phase,
            position as i64,
            title,
            description,
            kind,
            due.to_string(),
            state,
            by,
            completed_at,
            blocked,
            links
        ])?;
    }
    Ok(())
}

fn seed_training(tx: &Transaction, today: NaiveDate) -> rusqlite::Result<()> {
    let courses = [
        (
            "crs-essentials",
            "Partner Program Essentials",
            "course",
            "foundation",
            4,
            10,
        ),
        (
            "crs-cloud-foundations",
            "Cloud Foundations",
            "course",
            "foundation",
            8,
            15,
        ),
        (
            "crs-deal-reg",
            "Deal Registration in 15 Minutes",
            "course",
            "foundation",
            2,
            8,
        ),
        (
            "crs-selling",
            "Selling Northwind: Value Conversations",
            "course",
            "foundation",
            3,
            20,
        ),
        (
            "crs-backup",
            "Backup & Recovery for MSPs",
            "learning_path",
            "professional",
            10,
            25,
        ),
        (
            "crs-secure-access",
            "Secure Access Deployment",
            "course",
            "professional",
            6,
            30,
        ),
        (
            "crs-edge",
            "Edge Gateway Essentials",
            "course",
            "foundation",
            5,
            15,
        ),
        (
            "crs-data-lake",
            "Data Lake Architecture",
            "learning_path",
            "professional",
            12,
            30,
        ),
        (
            "crs-security-ops",
            "Security Operations Deep Dive",
            "course",
            "expert",
            9,
            40,
        ),
        (
            "crs-expert-arch",
            "Expert Solution Architect",
            "learning_path",
            "expert",
            16,
            45,
        ),
    ];
    for (position, (id, title, kind, level, modules, minutes)) in courses.iter().enumerate() {
        tx.execute(
            "INSERT INTO courses (id, title, kind, level, modules_total, minutes_per_module, url, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, title, kind, level, modules, minutes, format!("https://learn.northwind.example/{id}"), position as i64],
        )?;
    }
    for (course, done) in [
        ("crs-essentials", 4),
        ("crs-cloud-foundations", 5),
        ("crs-deal-reg", 2),
        ("crs-selling", 1),
        ("crs-backup", 3),
    ] {
        tx.execute("INSERT INTO course_progress (user_id, course_id, modules_done) VALUES ('u-amelie', ?1, ?2)", params![course, done])?;
    }
    for (position, (course, reason)) in [
        (
            "crs-secure-access",
            "Needed for a third certified engineer (Gold tier)",
        ),
        ("crs-edge", "Popular with MSPs in France this quarter"),
        (
            "crs-data-lake",
            "Builds on Cloud Foundations, which you are finishing",
        ),
    ]
    .iter()
    .enumerate()
    {
        tx.execute(
            "INSERT INTO recommendations (user_id, course_id, reason, position) VALUES ('u-amelie', ?1, ?2, ?3)",
            params![course, reason, position as i64],
        )?;
    }
    let day = |offset: i64| Some((today + Duration::days(offset)).to_string());
    let certifications = [
        (
            "cert-cloud-associate",
            "Certified Cloud Associate",
            "foundation",
            day(-705),
            day(25),
            json!([{"label": "Pass the Cloud Associate exam", "done": true}, {"label": "Complete Cloud Foundations labs", "done": true}]),
            "Pass the 30-minute recertification exam before it expires; your labs still count.",
        ),
        (
            "cert-msp-ops",
            "MSP Operations Specialist",
            "professional",
            day(-760),
            day(-30),
            json!([{"label": "Pass the MSP Operations exam", "done": true}, {"label": "Run two customer environments for 90 days", "done": true}]),
            "Take the 45-minute recertification exam; your customer environments still count.",
        ),
        (
            "cert-sales",
            "Northwind Sales Professional",
            "foundation",
            day(-100),
            day(630),
            json!([{"label": "Complete Selling Northwind", "done": true}]),
            "Complete the yearly sales update course.",
        ),
        (
            "cert-secure-access",
            "Secure Access Professional",
            "professional",
            None,
            None,
            json!([{"label": "Complete Secure Access Deployment", "done": false}, {"label": "Complete Cloud Foundations", "done": true}, {"label": "Pass the Secure Access exam", "done": false}]),
            "Renew every two years with the recertification exam.",
        ),
        (
            "cert-expert-arch",
            "Expert Solution Architect",
            "expert",
            None,
            None,
            json!([{"label": "Hold Secure Access Professional", "done": false}, {"label": "Complete Expert Solution Architect", "done": false}, {"label": "Pass the design review", "done": false}]),
            "Renew every three years with a design review.",
        ),
    ];
    for (position, (id, name, level, earned, expires, requirements, recert)) in
        certifications.into_iter().enumerate()
    {
        tx.execute(
            "INSERT INTO certifications (id, user_id, name, level, earned_on, expires_on, requirements_json, recertification, position) VALUES (?1, 'u-amelie', ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, name, level, earned, expires, requirements.to_string(), recert, position as i64],
        )?;
    }
    for (id, name, description, offset) in [
        (
            "badge-fast-starter",
            "Fast starter",
            "Finished the first onboarding phase on time.",
            -15,
        ),
        (
            "badge-first-cert",
            "First certification",
            "Earned a first Northwind certification.",
            -100,
        ),
        (
            "badge-voice",
            "Partner voice",
            "Sent feedback that changed the program.",
            -35,
        ),
    ] {
        tx.execute(
            "INSERT INTO badges (id, user_id, name, description, earned_on) VALUES (?1, 'u-amelie', ?2, ?3, ?4)",
            params![id, name, description, (today + Duration::days(offset)).to_string()],
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

/// Normalises a company name for conflict checks: case, accents-as-written and punctuation ignored.
pub fn customer_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn seed_deals(
    tx: &Transaction,
    size: SeedSize,
    now: DateTime<Utc>,
    rng: &mut Rng,
) -> rusqlite::Result<()> {
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
    let mut deal = tx.prepare(
        "INSERT INTO deals (reference, company_id, customer_company, customer_key, contact_name, contact_email, contact_phone, country, value_minor, currency, expected_close_on, products_json, notes, status, protection_expires_on, submitted_at, updated_at, value_usd, search_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    )?;
    let mut product =
        tx.prepare("INSERT INTO deal_products (deal_seq, product) VALUES (?1, ?2)")?;
    let mut event = tx.prepare("INSERT INTO deal_events (deal_seq, position, status, at, actor, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
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
        let email = format!("{local}@{}.example", ascii(&customer, 16));
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
            .map(|e| (e.1.date_naive() + Duration::days(90)).to_string())
            .filter(|_| matches!(status, "approved" | "expired"));
        let notes = (i % 4 == 0)
            .then_some("Customer is comparing us with two other vendors; decision by the board.");
        deal.execute(params![
            reference,
            company,
            customer,
            customer_key(&customer),
            contact,
            email,
            (i % 2 == 0).then_some("+33 1 42 68 53 00"),
            country,
            value,
            currency,
            expected_close.to_string(),
            serde_json::to_string(&products).unwrap_or_default(),
            notes,
            status,
            protection,
            stamp(submitted),
            stamp(updated),
            crate::db::usd_cents(value, currency),
            crate::db::search_text(&reference, &customer, contact),
        ])?;
        let deal_seq = tx.last_insert_rowid();
        for code in &products {
            product.execute(params![deal_seq, code])?;
        }
        for (position, (status, at, note)) in events.into_iter().enumerate() {
            let actor = if position == 0 {
                "Amélie Dubois"
            } else {
                VENDOR
            };
            event.execute(params![
                deal_seq,
                position as i64,
                status,
                stamp(at),
                actor,
                note
            ])?;
        }
    }
    Ok(())
}

/// RFC 3339 in UTC with seconds, as stored and sent.
pub fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn seed_leaderboards(
    tx: &Transaction,
    companies: &[String],
    today: NaiveDate,
    rng: &mut Rng,
) -> rusqlite::Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO scores (board_id, period, company_id, score, previous_score, badges_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let boards: [(&str, u64); 3] = [
        ("engagement", 1_000),
        ("certifications", 40),
        ("revenue", 2_000_000),
    ];
    for (board, scale) in boards {
        for (period, factor) in [("month", 1u64), ("quarter", 3), ("all_time", 12)] {
            for (i, company) in companies.iter().enumerate() {
                // Rounded scores make ties, which the contract ranks "1, 2, 2, 4".
                let raw = rng.below(scale * factor)
                    + if i < COMPANIES.len() {
                        scale * factor / 3
                    } else {
                        0
                    };
                let step = (scale / 100).max(1);
                let score = if company == DEMO_COMPANY {
                    scale * factor * 55 / 100
                } else {
                    raw / step * step
                };
                let previous = (rng.below(10) > 0).then(|| {
                    score.saturating_sub(rng.below(scale / 5 + 1)) + rng.below(scale / 8 + 1)
                });
                let badges = match rng.below(12) {
                    0 => json!(["Rising star"]),
                    1 => json!(["Certified team"]),
                    2 => json!(["Top seller", "Rising star"]),
                    _ => json!([]),
                };
                insert.execute(params![
                    board,
                    period,
                    company,
                    score as i64,
                    previous.map(|p| p as i64),
                    badges.to_string()
                ])?;
            }
        }
        for period in ["month", "quarter", "all_time"] {
            for back in 0..6i64 {
                let month = today - Duration::days(30 * (6 - back));
                let label = format!("{}-{:02}", month.year(), month.month());
                let score = scale * (30 + back as u64 * 5) / 100;
                tx.execute(
                    "INSERT INTO score_history (board_id, period, company_id, position, label, score) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![board, period, DEMO_COMPANY, back, label, score as i64],
                )?;
            }
        }
    }
    Ok(())
}

fn seed_surveys(tx: &Transaction, today: NaiveDate, now: DateTime<Utc>) -> rusqlite::Result<()> {
    let pulse = json!([
        {"id": "q-nps", "prompt": "How likely are you to recommend the Northwind partner program to a peer?", "required": true, "type": "nps"},
        {"id": "q-deal-reg", "prompt": "How would you rate deal registration?", "required": true, "type": "rating", "max": 5},
        {"id": "q-focus", "prompt": "Which product do you sell most?", "required": true, "type": "single_choice", "options": [
            {"id": "cloud", "label": "Northwind Cloud Platform"}, {"id": "edge", "label": "Edge Gateway"}, {"id": "security", "label": "Secure Access"}, {"id": "backup", "label": "Backup & Recovery"}]},
        {"id": "q-help", "prompt": "What would help you sell more? Choose up to three.", "required": false, "type": "multiple_choice", "max_selected": 3, "options": [
            {"id": "mdf", "label": "More market development funds"}, {"id": "training", "label": "Hands-on training"}, {"id": "leads", "label": "Shared leads"},
            {"id": "faster", "label": "Faster deal approvals"}, {"id": "demo", "label": "Demo environments"}]},
        {"id": "q-change", "prompt": "What should we change first?", "required": false, "type": "text", "max_length": 1000}
    ]);
    let onboarding = json!([
        {"id": "q-clarity", "prompt": "How clear were your first 30 days?", "required": true, "type": "rating", "max": 5},
        {"id": "q-missing", "prompt": "What was missing?", "required": false, "type": "text", "max_length": 500}
    ]);
    let training = json!([{"id": "q-useful", "prompt": "How useful was training this year?", "required": true, "type": "rating", "max": 5}]);
    for (id, title, description, due, questions) in [
        (
            "srv-q4-pulse",
            "Quarterly partner pulse",
            "Five questions, about three minutes. Your answers shape next quarter's program.",
            22,
            pulse,
        ),
        (
            "srv-onboarding",
            "How is your onboarding going?",
            "Two questions about your first weeks.",
            9,
            onboarding,
        ),
        (
            "srv-training-2026",
            "Training survey 2026",
            "One question about this year's training.",
            30,
            training,
        ),
    ] {
        tx.execute(
            "INSERT INTO surveys (id, title, description, due_on, questions_json) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, title, description, (today + Duration::days(due)).to_string(), questions.to_string()],
        )?;
    }
    tx.execute(
        "INSERT INTO survey_responses (survey_id, user_id, answers_json, submitted_at) VALUES ('srv-training-2026', 'u-amelie', '{\"q-useful\":4}', ?1)",
        [stamp(now - Duration::days(12))],
    )?;
    Ok(())
}

fn seed_feedback(tx: &Transaction, now: DateTime<Utc>) -> rusqlite::Result<()> {
    let ago = |days: i64| stamp(now - Duration::days(days));
    let items = [
        ("fb-approvals", "program", "Deal approvals are slow", "Approvals take more than a week and customers do not wait. Can you commit to a response time?", "done", 60, 35,
            Some(json!({"author": VENDOR, "body": "You said approvals took too long; we now answer every registration within two business days, and the portal shows who is reviewing it.", "at": ago(35)}))),
        ("fb-export", "portal", "Export deals to CSV", "We report deals weekly to our board and copy them by hand from the portal.", "planned", 20, 8,
            Some(json!({"author": VENDOR, "body": "Planned for the next portal release: export of any filtered deal list.", "at": ago(8)}))),
        ("fb-jp-docs", "product", "Japanese installation guides", "Our engineers would certify faster with the Edge Gateway guides in Japanese.", "declined", 45, 30,
            Some(json!({"author": VENDOR, "body": "We cannot translate all guides this year; the Edge Gateway exam is now available in Japanese instead.", "at": ago(30)}))),
        ("fb-mdf", "program", "MDF claims need fewer documents", "Claiming market development funds needs five attachments for a small event.", "received", 4, 4, None),
    ];
    for (id, category, title, body, status, submitted, updated, reply) in items {
        tx.execute(
            "INSERT INTO feedback (id, user_id, category, title, body, status, submitted_at, updated_at, reply_json) VALUES (?1, 'u-amelie', ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, category, title, body, status, ago(submitted), ago(updated), reply.map(|r| r.to_string())],
        )?;
    }
    Ok(())
}
