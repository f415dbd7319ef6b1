//! The demo partner's onboarding checklist and training: courses, certifications, badges.

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Transaction};
use serde_json::json;

use super::{DEMO_COMPANY, JOINED_DAYS_AGO};

/// The steps done by hand (by the partner, or checked by the channel team), and the day after
/// joining each was done.
const DONE_ON: [(&str, i64); 5] = [
    ("ob-rules", 1),
    ("ob-agreement", 3),
    ("ob-profile", 5),
    ("ob-team", 8),
    ("ob-essentials", 12),
];

/// The steps that complete themselves when the backend sees them happen: (item, what it
/// waits for, in `onboarding::Observed::key` terms, and in words). The seed replays the demo's
/// events through the same `onboarding::observe` as real activity.
const OBSERVED: [(&str, &str, &str); 4] = [
    (
        "ob-first-deal",
        "deal_registered",
        "Done by itself when you register a deal.",
    ),
    (
        "ob-first-cert",
        "certification_earned",
        "Done by itself when someone in your team earns a certification.",
    ),
    (
        "ob-survey",
        "survey:srv-q4-pulse",
        "Done by itself when you answer the quarterly partner pulse.",
    ),
    (
        "ob-win",
        "deal_won",
        "Done by itself when the channel team records your first win.",
    ),
];

pub(super) fn seed_onboarding(tx: &Transaction, today: NaiveDate) -> rusqlite::Result<()> {
    let start = today - Duration::days(JOINED_DAYS_AGO);
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
            "todo",
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
            "todo",
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
            "todo",
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
            "todo",
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
            "todo",
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
            "Certify a third person",
            "Gold tier needs three certified people in your team.",
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
        "INSERT INTO onboarding_items (id, company_id, phase, position, title, description, kind, due_on, state, completed_by, completed_at, blocked_reason, links_json, observes, completes_when)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for (
        position,
        (phase, id, title, description, kind, due_day, state, by, blocked, (label, path)),
    ) in items.into_iter().enumerate()
    {
        let due = start + Duration::days(due_day);
        let done_on = DONE_ON.iter().find(|(done, _)| *done == id);
        let state = if done_on.is_some() { "done" } else { state };
        let completed_at = done_on
            .map(|(_, day)| format!("{}T09:30:00Z", (start + Duration::days(*day)).min(today)));
        let observed = OBSERVED.iter().find(|(observed, ..)| *observed == id);
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
            links,
            observed.map(|(_, key, _)| key),
            observed.map(|(.., words)| words)
        ])?;
    }
    Ok(())
}

pub(super) fn seed_training(tx: &Transaction, today: NaiveDate) -> rusqlite::Result<()> {
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
    // Théo, her pre-sales engineer: what his partner admin sees on the Team page.
    for (course, done) in [
        ("crs-essentials", 4),
        ("crs-selling", 3),
        ("crs-edge", 2),
        ("crs-secure-access", 3),
    ] {
        tx.execute("INSERT INTO course_progress (user_id, course_id, modules_done) VALUES ('u-theo', ?1, ?2)", params![course, done])?;
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
            "cert-secure-access",
            "Secure Access Professional",
            "professional",
            None,
            None,
            json!([{"label": "Complete Secure Access Deployment", "done": false}, {"label": "Complete Cloud Foundations", "done": false}, {"label": "Pass the Secure Access exam", "done": false}]),
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
    tx.execute(
        "INSERT INTO certifications (id, user_id, name, level, earned_on, expires_on, requirements_json, recertification, position) VALUES ('cert-cloud-associate', 'u-theo', 'Certified Cloud Associate', 'foundation', ?1, ?2, ?3, 'Pass the 30-minute recertification exam before it expires; your labs still count.', 0)",
        params![day(-21), day(709), json!([{"label": "Pass the Cloud Associate exam", "done": true}, {"label": "Complete Cloud Foundations labs", "done": true}]).to_string()],
    )?;
    tx.execute(
        "INSERT INTO certifications (id, user_id, name, level, earned_on, expires_on, requirements_json, recertification, position) VALUES ('cert-sales', 'u-theo', 'Northwind Sales Professional', 'foundation', ?1, ?2, ?3, 'Complete the yearly sales update course.', 1)",
        params![day(-18), day(712), json!([{"label": "Complete Selling Northwind", "done": true}]).to_string()],
    )?;
    for (id, name, description, offset) in [
        (
            "badge-first-deal",
            "First deal",
            "Registered a first deal with Northwind.",
            2 - JOINED_DAYS_AGO,
        ),
        (
            "badge-first-cert",
            "First certification",
            "Your team's first certification in the program.",
            -21,
        ),
        (
            "badge-voice",
            "Partner voice",
            "Sent feedback that changed the program.",
            -20,
        ),
    ] {
        tx.execute(
            "INSERT INTO badges (id, user_id, name, description, earned_on) VALUES (?1, 'u-amelie', ?2, ?3, ?4)",
            params![id, name, description, (today + Duration::days(offset)).to_string()],
        )?;
    }
    Ok(())
}
