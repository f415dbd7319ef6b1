//! What partners earn: lines written in the same transaction as what earned them (a deal
//! won, a certification granted), the partner's list with its totals, and payouts. The
//! channel team's decisions and payouts are in `earnings/decisions.rs`.

use api_types::earnings::{
    CurrencyTotals, EarningKind, EarningLine, EarningSortKey, EarningStatus, EarningsParams,
    EarningsReport, Payout, PayoutStatus,
};
use api_types::Money;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::program::from_usd_cents;
use super::{parse_text, stamp, Caller, Store};
use crate::error::{AppError, AppResult};

pub(super) mod decisions;

pub use decisions::{Arrived, Decided, PayoutRefused};

/// A sales incentive: an extra share of won deals that include a product.
struct Spiff {
    program: &'static str,
    product: &'static str,
    basis_points: u32,
}

/// The incentives running in the program.
const SPIFFS: [Spiff; 1] = [Spiff {
    program: "Secure Access push",
    product: "NW-SEC",
    basis_points: 200,
}];

/// What a certification earns its holder's company, in US cents (paid in the company's
/// currency, in whole units).
const CERTIFICATION_BONUS_USD_CENTS: i64 = 30_000;

/// `basis_points` of `amount_minor`, rounded half up to a whole minor unit.
pub fn share(amount_minor: i64, basis_points: u32) -> i64 {
    let exact = i128::from(amount_minor) * i128::from(basis_points);
    i64::try_from((exact + 5_000) / 10_000).unwrap_or(i64::MAX)
}

/// What the company earns on a deal of `value` with `products` when it is won, at its tier
/// today: its share, and each incentive the products qualify for. Shown on open deals too.
pub fn deal_earnings(
    conn: &Connection,
    company_id: &str,
    value: &Money,
    products: &[String],
) -> AppResult<Vec<(EarningKind, Option<&'static str>, i64)>> {
    let (partner_type, rate): (String, u32) = conn.query_row(
        "SELECT c.partner_type, COALESCE(t.rebate_bp, 0) FROM companies c
         LEFT JOIN tiers t ON t.level = c.tier WHERE c.id = ?1",
        [company_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let kind = if partner_type == "referral" {
        EarningKind::Commission
    } else {
        EarningKind::Rebate
    };
    let mut out = vec![(kind, None, share(value.amount_minor, rate))];
    for spiff in SPIFFS
        .iter()
        .filter(|s| products.iter().any(|p| p == s.product))
    {
        let amount = share(value.amount_minor, spiff.basis_points);
        out.push((EarningKind::Spiff, Some(spiff.program), amount));
    }
    out.retain(|(_, _, amount)| *amount > 0);
    Ok(out)
}

/// Writes what the deal `reference` earns now that it is won, once (a repeat changes nothing).
pub fn deal_won(conn: &Connection, reference: &str, at: DateTime<Utc>) -> AppResult<()> {
    let (company_id, value_minor, currency, products): (String, i64, String, String) = conn
        .query_row(
        "SELECT company_id, value_minor, currency, products_json FROM deals WHERE reference = ?1",
        [reference],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let products: Vec<String> = serde_json::from_str(&products)?;
    let value = Money {
        amount_minor: value_minor,
        currency,
    };
    for (kind, program, amount) in deal_earnings(conn, &company_id, &value, &products)? {
        let source = match program {
            Some(program) => format!("spiff:{program}:{reference}"),
            None => format!("deal:{reference}"),
        };
        let line = NewLine {
            company_id: &company_id,
            source: &source,
            kind,
            amount: &Money {
                amount_minor: amount,
                currency: value.currency.clone(),
            },
            deal_reference: Some(reference),
            program,
            certificate_id: None,
            at,
        };
        insert_line(conn, &line)?;
    }
    Ok(())
}

/// Writes the bonus a certification earns the holder's company, once per person and
/// certification.
pub fn certification_earned(
    conn: &Connection,
    user_id: &str,
    certification_id: &str,
    at: DateTime<Utc>,
) -> AppResult<()> {
    let (company_id, currency): (String, String) = conn.query_row(
        "SELECT c.id, c.currency FROM users u JOIN companies c ON c.id = u.company_id WHERE u.id = ?1",
        [user_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let line = NewLine {
        company_id: &company_id,
        source: &format!("certification:{user_id}:{certification_id}"),
        kind: EarningKind::CertificationBonus,
        amount: &from_usd_cents(CERTIFICATION_BONUS_USD_CENTS, &currency),
        deal_reference: None,
        program: None,
        certificate_id: Some(certification_id),
        at,
    };
    insert_line(conn, &line)
}

struct NewLine<'a> {
    company_id: &'a str,
    source: &'a str,
    kind: EarningKind,
    amount: &'a Money,
    deal_reference: Option<&'a str>,
    program: Option<&'a str>,
    certificate_id: Option<&'a str>,
    at: DateTime<Utc>,
}

fn insert_line(conn: &Connection, line: &NewLine) -> AppResult<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO earnings (company_id, source, kind, status, amount_minor, currency,
           deal_reference, program, certificate_id, earned_at)
         VALUES (?1, ?2, ?3, 'pending', ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        line.company_id,
        line.source,
        line.kind.as_str(),
        line.amount.amount_minor,
        line.amount.currency,
        line.deal_reference,
        line.program,
        line.certificate_id,
        stamp(line.at),
    ])?;
    Ok(())
}

/// A line's columns, with what it was earned for in words (a deal's customer, a
/// certification's name, else the incentive's program), from `LINES`.
const LINE_COLUMNS: &str = "e.seq, e.kind, e.status, e.amount_minor, e.currency, e.deal_reference,
    e.program, e.certificate_id, e.earned_at, e.expected_payout_on, e.payout_seq,
    e.declined_reason, COALESCE(d.customer_company, c.name, e.program, '') AS description";

/// The lines with what names them.
const LINES: &str = "earnings e LEFT JOIN deals d ON d.reference = e.deal_reference
    LEFT JOIN (SELECT id, MIN(name) AS name FROM certifications GROUP BY id) c
      ON c.id = e.certificate_id";

fn read_line(row: &Row) -> AppResult<EarningLine> {
    let day: Option<String> = row.get("expected_payout_on")?;
    Ok(EarningLine {
        id: format!("ern-{}", row.get::<_, i64>("seq")?),
        kind: parse_text(&row.get::<_, String>("kind")?)?,
        status: parse_text(&row.get::<_, String>("status")?)?,
        amount: Money {
            amount_minor: row.get("amount_minor")?,
            currency: row.get("currency")?,
        },
        deal_id: row.get("deal_reference")?,
        program: row.get("program")?,
        certificate_id: row.get("certificate_id")?,
        earned_at: parse_text(&row.get::<_, String>("earned_at")?)?,
        expected_payout_on: day.as_deref().map(parse_text).transpose()?,
        payout_id: row
            .get::<_, Option<i64>>("payout_seq")?
            .map(|seq| format!("pay-{seq}")),
        declined_reason: row.get("declined_reason")?,
        description: row.get("description")?,
    })
}

/// `ern-17` ↔ 17, `pay-3` ↔ 3.
pub(super) fn seq_of(id: &str, prefix: &str) -> Option<i64> {
    id.strip_prefix(prefix)?.strip_prefix('-')?.parse().ok()
}

/// A page of a company's lines and the totals of every line that matches.
pub(super) fn report(
    conn: &Connection,
    company_id: &str,
    params: &EarningsParams,
) -> AppResult<EarningsReport> {
    // An offset (1 to 9 digits): a partner's lines change rarely, and an offset past the end
    // is an empty page.
    let offset: u64 = match params.cursor.as_deref() {
        None => 0,
        Some(c) if (1..=9).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()) => {
            c.parse().unwrap_or(0)
        }
        Some(_) => {
            return Err(AppError::BadRequest(
                "`cursor` is not one this list gave.".into(),
            ))
        }
    };
    let limit = params.limit.unwrap_or(EarningsParams::DEFAULT_LIMIT);
    let filter =
        "e.company_id = ?1 AND (?2 IS NULL OR e.status = ?2) AND (?3 IS NULL OR e.kind = ?3)";
    let status = params.status.map(|s| s.as_str());
    let kind = params.kind.map(|k| k.as_str());
    let direction = if params.sort.descending {
        "DESC"
    } else {
        "ASC"
    };
    let order = match params.sort.key {
        EarningSortKey::EarnedAt => format!("e.earned_at {direction}"),
        EarningSortKey::Amount => format!("e.currency, e.amount_minor {direction}"),
        EarningSortKey::ExpectedPayoutOn => {
            format!("e.expected_payout_on IS NULL, e.expected_payout_on {direction}")
        }
    };
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {LINE_COLUMNS} FROM {LINES} WHERE {filter}
         ORDER BY {order}, e.seq {direction} LIMIT ?4 OFFSET ?5"
    ))?;
    let mut rows = statement.query(params![company_id, status, kind, limit, offset])?;
    let mut lines = Vec::new();
    while let Some(row) = rows.next()? {
        lines.push(read_line(row)?);
    }
    let mut totals: Vec<CurrencyTotals> = Vec::new();
    let mut sums = conn.prepare_cached(&format!(
        "SELECT e.currency, e.status, SUM(e.amount_minor), COUNT(*) FROM earnings e
         WHERE {filter} GROUP BY e.currency, e.status ORDER BY e.currency"
    ))?;
    let mut total = 0u64;
    let mut rows = sums.query(params![company_id, status, kind])?;
    while let Some(row) = rows.next()? {
        let currency: String = row.get(0)?;
        let status: EarningStatus = parse_text(&row.get::<_, String>(1)?)?;
        let sum: i64 = row.get(2)?;
        total += row.get::<_, u64>(3)?;
        if totals.last().is_none_or(|t| t.currency != currency) {
            totals.push(CurrencyTotals {
                currency,
                ..CurrencyTotals::default()
            });
        }
        if let Some(t) = totals.last_mut() {
            *match status {
                EarningStatus::Pending => &mut t.pending_minor,
                EarningStatus::Approved => &mut t.approved_minor,
                EarningStatus::Available => &mut t.available_minor,
                EarningStatus::Paid => &mut t.paid_minor,
                EarningStatus::Declined => &mut t.declined_minor,
            } = sum;
        }
    }
    let next = offset + lines.len() as u64;
    Ok(EarningsReport {
        lines,
        totals,
        total,
        next_cursor: (next < total).then(|| next.to_string()),
        payouts: payouts(conn, company_id)?,
    })
}

/// One payout with the lines it pays.
pub(super) fn read_payout(conn: &Connection, seq: i64) -> AppResult<Option<Payout>> {
    let found = conn
        .query_row(
            "SELECT currency, amount_minor, started_on, expected_on, paid_on FROM payouts WHERE seq = ?1",
            [seq],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            },
        )
        .optional()?;
    let Some((currency, amount_minor, started, expected, paid)) = found else {
        return Ok(None);
    };
    let line_ids = conn
        .prepare_cached("SELECT seq FROM earnings WHERE payout_seq = ?1 ORDER BY seq")?
        .query_map([seq], |r| Ok(format!("ern-{}", r.get::<_, i64>(0)?)))?
        .collect::<Result<_, _>>()?;
    let day = |text: &str| parse_text::<NaiveDate>(text);
    Ok(Some(Payout {
        id: format!("pay-{seq}"),
        status: if paid.is_some() {
            PayoutStatus::Paid
        } else {
            PayoutStatus::InProgress
        },
        amount: Money {
            amount_minor,
            currency,
        },
        started_on: day(&started)?,
        expected_on: day(&expected)?,
        paid_on: paid.as_deref().map(day).transpose()?,
        line_ids,
    }))
}

/// A company's payouts, newest first.
fn payouts(conn: &Connection, company_id: &str) -> AppResult<Vec<Payout>> {
    let seqs: Vec<i64> = conn
        .prepare_cached("SELECT seq FROM payouts WHERE company_id = ?1 ORDER BY seq DESC")?
        .query_map([company_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut payouts = Vec::new();
    for seq in seqs {
        payouts.extend(read_payout(conn, seq)?);
    }
    Ok(payouts)
}

impl Store {
    /// `GET /earnings`: a page of the caller's company's lines and their totals.
    pub fn earnings(&self, caller: &Caller, params: &EarningsParams) -> AppResult<EarningsReport> {
        report(&*self.reader()?, &caller.company_id, params)
    }
}
