//! The channel team's side of earnings: approving, releasing or declining a line (a decline
//! always with its reason, told to the partner), and payouts — sent with the released lines
//! of one currency, then recorded as arrived. The demo seed calls the same functions.

use api_types::earnings::{
    EarningDecision, EarningStatus, EarningsParams, EarningsReport, NewPayout, Payout,
};
use api_types::{currency_digits, FieldError, Money, NotificationKind, Subject, SubjectKind};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::{read_line, read_payout, report, seq_of, LINES, LINE_COLUMNS};
use crate::error::AppResult;
use crate::store::notifications::{notify, NewNotification};
use crate::store::partners;
use crate::store::Store;

/// What became of a decision on a line.
pub enum Decided {
    /// No such line.
    NotFound,
    /// The decision breaks a rule at this field.
    Refused(&'static str),
    /// Taken; the line as it is now.
    Done(Box<api_types::earnings::EarningLine>),
}

/// Why a payout was not sent.
pub enum PayoutRefused {
    /// No such partner.
    NoPartner,
    /// Lines that cannot be paid, each named.
    Lines(Vec<FieldError>),
}

/// What became of recording a payout's arrival.
pub enum Arrived {
    /// No such payout.
    NotFound,
    /// It had arrived already.
    AlreadyPaid,
    /// Recorded; the payout as it is now.
    Done(Payout),
}

/// `EUR 1234.50`: an amount as plain text for a notification's title.
fn plain(money: &Money) -> String {
    let digits = currency_digits(&money.currency).unwrap_or(2);
    let unit = 10i64.pow(digits);
    let (major, minor) = (money.amount_minor / unit, money.amount_minor % unit);
    match digits {
        0 => format!("{} {major}", money.currency),
        _ => format!(
            "{} {major}.{minor:0width$}",
            money.currency,
            width = digits as usize
        ),
    }
}

/// Takes `decision` on line `id` at `now`, in the caller's transaction.
pub(in crate::store) fn decide(
    conn: &Connection,
    id: &str,
    decision: &EarningDecision,
    now: DateTime<Utc>,
) -> AppResult<Decided> {
    let Some(seq) = seq_of(id, "ern") else {
        return Ok(Decided::NotFound);
    };
    let found: Option<(String, String, String)> = conn
        .query_row(
            &format!("SELECT e.company_id, e.status, {LINE_COLUMNS} FROM {LINES} WHERE e.seq = ?1"),
            [seq],
            |r| Ok((r.get(0)?, r.get(1)?, r.get("description")?)),
        )
        .optional()?;
    let Some((company_id, status, title)) = found else {
        return Ok(Decided::NotFound);
    };
    let from: EarningStatus = crate::store::parse_text(&status)?;
    if let Some(field) = decision.broken_field(from) {
        return Ok(Decided::Refused(field));
    }
    let reason = decision.reason.as_deref().map(str::trim);
    conn.execute(
        "UPDATE earnings SET status = ?2,
           expected_payout_on = COALESCE(?3, expected_payout_on),
           declined_reason = ?4
         WHERE seq = ?1",
        params![
            seq,
            decision.status.as_str(),
            decision.expected_payout_on.map(|d| d.to_string()),
            reason.filter(|_| decision.status == EarningStatus::Declined),
        ],
    )?;
    if decision.status == EarningStatus::Declined {
        // A declined line leaves the payout it was in; that payout was never sent for it.
        conn.execute(
            "UPDATE earnings SET payout_seq = NULL WHERE seq = ?1",
            [seq],
        )?;
        notify(
            conn,
            &NewNotification {
                company_id: &company_id,
                user_id: None,
                kind: NotificationKind::EarningDeclined,
                subject: Subject {
                    kind: SubjectKind::Earning,
                    id: id.to_owned(),
                    title,
                },
                note: reason,
                at: now,
            },
        )?;
    }
    let line = conn.query_row(
        &format!("SELECT {LINE_COLUMNS} FROM {LINES} WHERE e.seq = ?1"),
        [seq],
        |row| Ok(read_line(row)),
    )??;
    Ok(Decided::Done(Box::new(line)))
}

/// Sends a payout of `new.line_ids` on `today`, in the caller's transaction.
pub(in crate::store) fn send_payout(
    conn: &Connection,
    new: &NewPayout,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<Result<Payout, PayoutRefused>> {
    if !partners::exists(conn, &new.partner_id)? {
        return Ok(Err(PayoutRefused::NoPartner));
    }
    let mut errors = Vec::new();
    let mut seqs = Vec::new();
    let mut currency: Option<String> = None;
    let mut sum: i64 = 0;
    if new.line_ids.is_empty() || new.line_ids.len() > NewPayout::MAX_LINES {
        errors.push(FieldError::new("line_ids", "Pay 1 to 500 lines at once."));
    }
    for (i, id) in new.line_ids.iter().enumerate() {
        let seq = seq_of(id, "ern");
        let row: Option<(String, i64, String, Option<i64>)> = match seq {
            Some(seq) if !seqs.contains(&seq) => conn
                .query_row(
                    "SELECT status, amount_minor, currency, payout_seq FROM earnings
                     WHERE seq = ?1 AND company_id = ?2",
                    params![seq, new.partner_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?,
            _ => None,
        };
        let problem = match &row {
            None if seq.is_some_and(|s| seqs.contains(&s)) => "This line is listed twice.",
            None => "This partner has no such line.",
            Some((status, ..)) if status != "available" => {
                "Only released (available) lines can be paid."
            }
            Some((.., Some(_))) => "This line is in a payout already.",
            Some((_, _, c, _)) if currency.as_ref().is_some_and(|first| first != c) => {
                "A payout is in one currency: send the others separately."
            }
            Some((_, amount, c, _)) => {
                currency.get_or_insert_with(|| c.clone());
                sum = sum.saturating_add(*amount);
                seqs.extend(seq);
                continue;
            }
        };
        errors.push(FieldError::new(&format!("line_ids[{i}]"), problem));
    }
    let Some(currency) = currency.filter(|_| errors.is_empty()) else {
        return Ok(Err(PayoutRefused::Lines(errors)));
    };
    let seq: i64 = conn.query_row(
        "INSERT INTO payouts (company_id, currency, amount_minor, started_on, expected_on)
         VALUES (?1, ?2, ?3, ?4, ?5) RETURNING seq",
        params![
            new.partner_id,
            currency,
            sum,
            today.to_string(),
            new.expected_on.to_string()
        ],
        |r| r.get(0),
    )?;
    for line in &seqs {
        conn.execute(
            "UPDATE earnings SET payout_seq = ?2 WHERE seq = ?1",
            [*line, seq],
        )?;
    }
    let payout = read_payout(conn, seq)?.ok_or_else(|| {
        crate::error::AppError::Internal("a payout vanished as it was sent".into())
    })?;
    tell(
        conn,
        &new.partner_id,
        NotificationKind::PayoutSent,
        &payout,
        now,
    )?;
    Ok(Ok(payout))
}

/// Records that payout `id` arrived on `on`: its lines are paid.
pub(in crate::store) fn payout_arrived(
    conn: &Connection,
    id: &str,
    on: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<Arrived> {
    let Some(seq) = seq_of(id, "pay") else {
        return Ok(Arrived::NotFound);
    };
    let found: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT company_id, paid_on FROM payouts WHERE seq = ?1",
            [seq],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((company_id, paid_on)) = found else {
        return Ok(Arrived::NotFound);
    };
    if paid_on.is_some() {
        return Ok(Arrived::AlreadyPaid);
    }
    conn.execute(
        "UPDATE payouts SET paid_on = ?2 WHERE seq = ?1",
        params![seq, on.to_string()],
    )?;
    conn.execute(
        "UPDATE earnings SET status = 'paid' WHERE payout_seq = ?1",
        [seq],
    )?;
    let Some(payout) = read_payout(conn, seq)? else {
        return Ok(Arrived::NotFound);
    };
    tell(
        conn,
        &company_id,
        NotificationKind::PayoutPaid,
        &payout,
        now,
    )?;
    Ok(Arrived::Done(payout))
}

fn tell(
    conn: &Connection,
    company_id: &str,
    kind: NotificationKind,
    payout: &Payout,
    at: DateTime<Utc>,
) -> AppResult<()> {
    let subject = Subject {
        kind: SubjectKind::Payout,
        id: payout.id.clone(),
        title: plain(&payout.amount),
    };
    notify(
        conn,
        &NewNotification {
            company_id,
            user_id: None,
            kind,
            subject,
            note: None,
            at,
        },
    )
}

impl Store {
    /// `PUT /ops/earnings/{id}`.
    pub fn decide_earning(
        &self,
        id: &str,
        decision: &EarningDecision,
        now: DateTime<Utc>,
    ) -> AppResult<Decided> {
        self.write(|tx| decide(tx, id, decision, now))
    }

    /// `GET /ops/partners/{id}/earnings`: any partner's lines, `None` for no such partner.
    pub fn partner_earnings(
        &self,
        partner_id: &str,
        params: &EarningsParams,
    ) -> AppResult<Option<EarningsReport>> {
        let conn = self.reader()?;
        let known = partners::exists(&conn, partner_id)?;
        known.then(|| report(&conn, partner_id, params)).transpose()
    }

    /// `POST /ops/payouts`.
    pub fn send_payout(
        &self,
        new: &NewPayout,
        now: DateTime<Utc>,
    ) -> AppResult<Result<Payout, PayoutRefused>> {
        self.write(|tx| send_payout(tx, new, now.date_naive(), now))
    }

    /// `POST /ops/payouts/{id}/arrival`.
    pub fn payout_arrived(
        &self,
        id: &str,
        on: NaiveDate,
        now: DateTime<Utc>,
    ) -> AppResult<Arrived> {
        self.write(|tx| payout_arrived(tx, id, on, now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_titles_have_their_currency_digits() {
        let money = |amount_minor, currency: &str| Money {
            amount_minor,
            currency: currency.into(),
        };
        assert_eq!(plain(&money(123_450, "EUR")), "EUR 1234.50");
        assert_eq!(plain(&money(7, "EUR")), "EUR 0.07");
        assert_eq!(plain(&money(45_000, "JPY")), "JPY 45000");
    }
}
