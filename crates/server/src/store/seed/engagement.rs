//! Leaderboard scores with ties and history, surveys (one already answered), and feedback with replies.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rusqlite::{params, Transaction};
use serde_json::json;

use super::partners::COMPANIES;
use super::{Rng, DEMO_COMPANY, VENDOR};
use crate::store::stamp;

pub(super) fn seed_leaderboards(
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

pub(super) fn seed_surveys(
    tx: &Transaction,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
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

pub(super) fn seed_feedback(tx: &Transaction, now: DateTime<Utc>) -> rusqlite::Result<()> {
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
