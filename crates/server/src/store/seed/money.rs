//! A believable record of money for every company, from its own timeline: each deal it won
//! and each certification its people earned since joining earn what they would live (through
//! `earnings::deal_won` and `certification_earned`), and the channel team handles the lines
//! as it does in this demo program — a deal's lines approved once the customer has paid its
//! first invoice (three weeks after the win), a certification's bonus two days after it, a
//! line it refuses declined two days after it is earned; approved lines released and sent in
//! a payout every 14 days from the 24th day after joining, arriving four days later — through
//! the same functions as the operations API.

use std::collections::BTreeMap;

use api_types::earnings::{EarningDecision, EarningStatus, NewPayout};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rusqlite::Transaction;

use crate::error::AppResult;
use crate::store::earnings::{self, decisions};
use crate::store::parse_text;

/// Days from joining to the first payout run, and between runs.
const FIRST_RUN: i64 = 24;
const RUN_EVERY: i64 = 14;
/// Days a payout takes to reach the partner.
const TRANSFER_DAYS: i64 = 4;
/// Days from a win to its lines' approval (the customer's first invoice paid), and from a
/// certification to its bonus's approval or from any line to its decline.
const INVOICE_DAYS: i64 = 21;
const CHECK_DAYS: i64 = 2;

/// Lines the channel team declined in the demo: (customer, incentive program, why).
const DECLINED: [(&str, &str, &str); 1] = [(
    "Thalès Maritime",
    "Secure Access push",
    "Secure Access on vessels is sold through our maritime distributor, so this deal earns your rebate but not the push's extra 2 %.",
)];

pub(super) fn at(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN))
        .and_utc()
}

/// Earns and handles every company's money up to `now`.
pub(super) fn seed_money(tx: &Transaction, now: DateTime<Utc>) -> AppResult<()> {
    let won: Vec<(String, String)> = tx
        .prepare(
            "SELECT d.reference, e.at FROM deal_events e JOIN deals d ON d.seq = e.deal_seq
             WHERE e.status = 'won' ORDER BY e.at, d.seq",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (reference, when) in won {
        earnings::deal_won(tx, &reference, parse_text(&when)?)?;
    }
    let certified: Vec<(String, String, String)> = tx
        .prepare(
            "SELECT c.user_id, c.id, c.earned_on FROM certifications c
             JOIN users u ON u.id = c.user_id JOIN companies co ON co.id = u.company_id
             WHERE c.earned_on IS NOT NULL AND c.earned_on >= co.joined_on ORDER BY c.earned_on",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (user, certification, day) in certified {
        let day: NaiveDate = parse_text(&day)?;
        earnings::certification_earned(tx, &user, &certification, at(day).min(now))?;
    }
    let companies: Vec<(String, String)> = tx
        .prepare("SELECT DISTINCT e.company_id, c.joined_on FROM earnings e JOIN companies c ON c.id = e.company_id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (company, joined) in companies {
        handle(tx, &company, parse_text(&joined)?, now)?;
    }
    Ok(())
}

/// The channel team's handling of one company's lines.
fn handle(tx: &Transaction, company: &str, joined: NaiveDate, now: DateTime<Utc>) -> AppResult<()> {
    let today = now.date_naive();
    type Line = (i64, String, String, String, Option<String>, Option<String>);
    let lines: Vec<Line> = tx
        .prepare(
            "SELECT e.seq, e.kind, e.earned_at, e.currency, e.program, d.customer_company FROM earnings e
             LEFT JOIN deals d ON d.reference = e.deal_reference
             WHERE e.company_id = ?1 ORDER BY e.earned_at, e.seq",
        )?
        .query_map([company], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })?
        .collect::<Result<_, _>>()?;
    // Each payout run: its day, and the lines it releases and pays, per currency.
    let mut runs: BTreeMap<NaiveDate, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for (seq, kind, earned, currency, program, customer) in lines {
        let earned: DateTime<Utc> = parse_text(&earned)?;
        let declined = DECLINED
            .iter()
            .find(|(c, p, _)| customer.as_deref() == Some(*c) && program.as_deref() == Some(*p));
        let wait = match (declined, kind.as_str()) {
            (None, "rebate" | "commission" | "spiff") => INVOICE_DAYS,
            _ => CHECK_DAYS,
        };
        let approved_on = earned.date_naive() + Duration::days(wait);
        if approved_on > today {
            continue;
        }
        let id = format!("ern-{seq}");
        let since = (approved_on - joined).num_days() - FIRST_RUN;
        let run =
            joined + Duration::days(FIRST_RUN + (since.div_euclid(RUN_EVERY) + 1) * RUN_EVERY);
        let decision = EarningDecision {
            status: if declined.is_some() {
                EarningStatus::Declined
            } else {
                EarningStatus::Approved
            },
            reason: declined.map(|(_, _, why)| (*why).to_owned()),
            expected_payout_on: declined
                .is_none()
                .then(|| run + Duration::days(TRANSFER_DAYS)),
        };
        decisions::decide(tx, &id, &decision, at(approved_on).min(now))?;
        if declined.is_none() {
            runs.entry(run)
                .or_default()
                .entry(currency)
                .or_default()
                .push(id);
        }
    }
    for (run, by_currency) in runs.into_iter().filter(|(run, _)| *run <= today) {
        for (_, line_ids) in by_currency {
            let release = EarningDecision {
                status: EarningStatus::Available,
                reason: None,
                expected_payout_on: None,
            };
            for id in &line_ids {
                decisions::decide(tx, id, &release, at(run).min(now))?;
            }
            let arrives = run + Duration::days(TRANSFER_DAYS);
            let new = NewPayout {
                partner_id: company.to_owned(),
                line_ids,
                expected_on: arrives,
            };
            let Ok(payout) = decisions::send_payout(tx, &new, run, at(run).min(now))? else {
                continue;
            };
            if arrives <= today {
                decisions::payout_arrived(tx, &payout.id, arrives, at(arrives).min(now))?;
            }
        }
    }
    Ok(())
}
