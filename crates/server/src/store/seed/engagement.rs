//! Leaderboard scores with ties and history (the demo partner's worked out from what it did),
//! surveys (one already answered), and feedback with replies.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rusqlite::{params, Transaction};
use serde_json::json;

use super::partners::COMPANIES;
use super::{Rng, DEMO_COMPANY, VENDOR};
use crate::store::leaderboards::points;
use crate::store::stamp;

/// The boards and the scale of the other partners' made-up scores.
const BOARDS: [(&str, u64); 3] = [
    ("engagement", 1_000),
    ("certifications", 40),
    ("revenue", 2_000_000),
];

/// How far back each period reaches from a given moment (`all_time`: since joining).
const PERIODS: [(&str, i64); 3] = [("month", 30), ("quarter", 91), ("all_time", 100_000)];

/// What `company` scored on each board (in `BOARDS` order) and period (in `PERIODS` order) as
/// of `at`, from its deals, certifications, courses, feedback and survey answers, with the
/// points every such event adds as it happens (`leaderboards::points`).
fn scores_at(
    tx: &Transaction,
    company: &str,
    at: DateTime<Utc>,
) -> rusqlite::Result<[[i64; 3]; 3]> {
    let mut out = [[0; 3]; 3];
    for (p, (_, days)) in PERIODS.iter().enumerate() {
        let (from, to) = (stamp(at - Duration::days(*days)), stamp(at));
        let (from_day, to_day) = (from[..10].to_owned(), to[..10].to_owned());
        let count = |sql: &str, from: &str, to: &str| -> rusqlite::Result<i64> {
            tx.query_row(sql, params![company, from, to], |r| r.get(0))
        };
        let deals = count("SELECT COUNT(*) FROM deals WHERE company_id = ?1 AND submitted_at > ?2 AND submitted_at <= ?3", &from, &to)?;
        let revenue = count("SELECT COALESCE(SUM(value_usd / 100), 0) FROM deals WHERE company_id = ?1 AND submitted_at > ?2 AND submitted_at <= ?3 AND status NOT IN ('rejected', 'withdrawn')", &from, &to)?;
        let certifications = count("SELECT COUNT(*) FROM certifications c JOIN users u ON u.id = c.user_id WHERE u.company_id = ?1 AND c.earned_on > ?2 AND c.earned_on <= ?3", &from_day, &to_day)?;
        let voices = count("SELECT (SELECT COUNT(*) FROM feedback f JOIN users u ON u.id = f.user_id WHERE u.company_id = ?1 AND f.submitted_at > ?2 AND f.submitted_at <= ?3)", &from, &to)?;
        let answers = count("SELECT COUNT(*) FROM survey_responses r JOIN users u ON u.id = r.user_id WHERE u.company_id = ?1 AND r.submitted_at > ?2 AND r.submitted_at <= ?3", &from, &to)?;
        // Course progress keeps no date: completions count from the quarter up.
        let courses = if *days < 91 {
            0
        } else {
            count("SELECT COUNT(*) FROM course_progress p JOIN courses c ON c.id = p.course_id JOIN users u ON u.id = p.user_id WHERE u.company_id = ?1 AND p.modules_done >= c.modules_total AND ?2 <= ?3", &from, &to)?
        };
        out[0][p] = deals * points::DEAL_REGISTERED
            + courses * points::COURSE_COMPLETED
            + certifications * points::CERTIFICATION
            + voices * points::FEEDBACK
            + answers * points::SURVEY;
        out[1][p] = certifications;
        out[2][p] = revenue;
    }
    Ok(out)
}

/// The demo partner's scores now and thirty days ago, and its history month by month since it
/// joined, all worked out from what it did.
fn seed_demo_scores(
    tx: &Transaction,
    joined: NaiveDate,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let current = scores_at(tx, DEMO_COMPANY, now)?;
    let before = scores_at(tx, DEMO_COMPANY, now - Duration::days(30))?;
    let mut month_ends = Vec::new();
    let mut month = joined.with_day(1).unwrap_or(joined);
    while month <= now.date_naive() {
        let next = month
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(month);
        let end = next
            .and_hms_opt(0, 0, 0)
            .map_or(now, |t| t.and_utc())
            .min(now);
        month_ends.push((
            format!("{}-{:02}", month.year(), month.month()),
            scores_at(tx, DEMO_COMPANY, end)?,
        ));
        if next == month {
            break;
        }
        month = next;
    }
    for (b, (board, _)) in BOARDS.iter().enumerate() {
        for (p, (period, _)) in PERIODS.iter().enumerate() {
            tx.execute(
                "INSERT INTO scores (board_id, period, company_id, score, previous_score, badges_json) VALUES (?1, ?2, ?3, ?4, ?5, '[]')",
                params![board, period, DEMO_COMPANY, current[b][p], before[b][p]],
            )?;
            for (position, (label, scores)) in month_ends.iter().enumerate() {
                tx.execute(
                    "INSERT INTO score_history (board_id, period, company_id, position, label, score) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![board, period, DEMO_COMPANY, position as i64, label, scores[b][p]],
                )?;
            }
        }
    }
    Ok(())
}

pub(super) fn seed_leaderboards(
    tx: &Transaction,
    companies: &[String],
    now: DateTime<Utc>,
    rng: &mut Rng,
) -> rusqlite::Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO scores (board_id, period, company_id, score, previous_score, badges_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (board, scale) in BOARDS {
        for (period, factor) in [("month", 1u64), ("quarter", 3), ("all_time", 12)] {
            for (i, company) in companies.iter().filter(|c| *c != DEMO_COMPANY).enumerate() {
                // Rounded scores make ties, which the contract ranks "1, 2, 2, 4".
                let raw = rng.below(scale * factor)
                    + if i < COMPANIES.len() {
                        scale * factor / 3
                    } else {
                        0
                    };
                let step = (scale / 100).max(1);
                let score = raw / step * step;
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
    }
    let joined = now.date_naive() - Duration::days(super::JOINED_DAYS_AGO);
    seed_demo_scores(tx, joined, now)
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
        ("fb-approvals", "program", "Deal approvals are slow", "Our first registrations waited four days for an answer and customers do not wait. Can you commit to a response time?", "done", 36, 20,
            Some(json!({"author": VENDOR, "body": "You said approvals took too long; we now answer every registration within two business days, and the portal shows who is reviewing it.", "at": ago(20)}))),
        ("fb-export", "portal", "Export deals to CSV", "We report deals weekly to our board and copy them by hand from the portal.", "done", 30, 6,
            Some(json!({"author": VENDOR, "body": "Done: the Deals page now exports any filtered list as a CSV file: choose \"Export this view as CSV\".", "at": ago(6)}))),
        ("fb-fr-docs", "product", "French installation guides", "Our engineers would certify faster with the Edge Gateway guides in French.", "declined", 33, 25,
            Some(json!({"author": VENDOR, "body": "We cannot translate every guide this year; the Edge Gateway exam and its study guide are now in French instead.", "at": ago(25)}))),
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
