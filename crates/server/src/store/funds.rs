//! Marketing and co-op funds: a company's funds with their amounts (worked out from the
//! requests by the contract's own `fund_amounts`), its requests — saved as drafts, submitted,
//! discarded — and the claims with their proof. The channel team's side (allocating, deciding,
//! paying) is in `funds/decisions.rs`, which the demo seed goes through too.

use api_types::funds::{
    fund_amounts, may_claim, ClaimStatus, Fund, FundClaim, FundRequest, FundRequestDraft,
    FundRequestStatus, FundsOverview, NewClaim,
};
use api_types::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::earnings::seq_of;
use super::{parse_text, stamp, Caller, Store};
use crate::error::AppResult;

pub mod decisions;

/// The columns [`read_request`] reads, from `fund_requests r`.
const REQUEST_COLUMNS: &str = "r.seq, r.fund_seq, r.status, r.activity, r.starts_on, r.ends_on,
  r.amount_minor, f.currency, r.expected_outcome, r.declined_reason, r.updated_at, r.submitted_at,
  r.claim_status, r.claimed_minor, r.claim_approved_minor, r.claim_reason, r.claim_link,
  r.claim_file_name, r.claim_submitted_at, r.claim_paid_on";

/// Requests with their fund's currency.
const REQUESTS: &str = "fund_requests r JOIN funds f ON f.seq = r.fund_seq";

/// Why a request was not saved, or a claim not sent.
pub enum Refused {
    /// No such request (or fund) of the caller's company.
    NotFound,
    /// The request is not in a state that allows it (a submitted request is not edited).
    NotNow(&'static str),
    /// Fields that break the contract's rules.
    Invalid(Vec<FieldError>),
}

/// A proof file as stored: name, media type and bytes.
pub type ProofBytes = (String, String, Vec<u8>);

fn day(text: Option<String>) -> AppResult<Option<NaiveDate>> {
    text.map(|t| parse_text(&t)).transpose()
}

fn instant(text: &str) -> AppResult<DateTime<Utc>> {
    parse_text(text)
}

/// One request, read by the columns of [`REQUEST_COLUMNS`].
fn read_request(row: &Row) -> AppResult<FundRequest> {
    let claim = match row.get::<_, Option<String>>("claim_status")? {
        None => None,
        Some(status) => Some(FundClaim {
            status: parse_text::<ClaimStatus>(&status)?,
            claimed_minor: row.get("claimed_minor")?,
            approved_minor: row.get("claim_approved_minor")?,
            reason: row.get("claim_reason")?,
            proof_link: row.get("claim_link")?,
            proof_file_name: row.get("claim_file_name")?,
            submitted_at: instant(&row.get::<_, String>("claim_submitted_at")?)?,
            paid_on: day(row.get("claim_paid_on")?)?,
        }),
    };
    Ok(FundRequest {
        id: format!("frq-{:04}", row.get::<_, i64>("seq")?),
        fund_id: format!("fund-{:04}", row.get::<_, i64>("fund_seq")?),
        status: parse_text(&row.get::<_, String>("status")?)?,
        activity: row.get("activity")?,
        starts_on: day(row.get("starts_on")?)?,
        ends_on: day(row.get("ends_on")?)?,
        amount_minor: row.get("amount_minor")?,
        currency: row.get("currency")?,
        expected_outcome: row.get("expected_outcome")?,
        declined_reason: row.get("declined_reason")?,
        updated_at: instant(&row.get::<_, String>("updated_at")?)?,
        submitted_at: row
            .get::<_, Option<String>>("submitted_at")?
            .map(|t| instant(&t))
            .transpose()?,
        claim,
    })
}

/// The requests that match `filter` (an SQL condition on `r`, with `?1`), most recently
/// changed first.
fn requests(
    conn: &Connection,
    filter: &str,
    key: &dyn rusqlite::ToSql,
) -> AppResult<Vec<FundRequest>> {
    let sql = format!(
        "SELECT {REQUEST_COLUMNS} FROM {REQUESTS} WHERE {filter} ORDER BY r.updated_at DESC, r.seq DESC"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([key], |row| Ok(read_request(row)))?;
    rows.map(|r| r?).collect()
}

/// One request by id, with the company it belongs to.
pub(super) fn request(conn: &Connection, id: &str) -> AppResult<Option<(String, FundRequest)>> {
    let Some(seq) = seq_of(id, "frq") else {
        return Ok(None);
    };
    let sql = format!("SELECT r.company_id, {REQUEST_COLUMNS} FROM {REQUESTS} WHERE r.seq = ?1");
    conn.query_row(&sql, [seq], |row| Ok((row.get(0), read_request(row))))
        .optional()?
        .map(|(company, request)| Ok((company?, request?)))
        .transpose()
}

/// Request `id` if it is `company_id`'s: another company's is as good as missing.
fn own(conn: &Connection, company_id: &str, id: &str) -> AppResult<Option<FundRequest>> {
    Ok(request(conn, id)?.and_then(|(company, found)| (company == company_id).then_some(found)))
}

/// A company's funds with their amounts, newest first, and every request against them.
pub(super) fn overview(conn: &Connection, company_id: &str) -> AppResult<FundsOverview> {
    let requests = requests(conn, "r.company_id = ?1", &company_id)?;
    let mut statement = conn.prepare_cached(
        "SELECT seq, kind, name, currency, allocated_minor, starts_on, expires_on FROM funds
         WHERE company_id = ?1 ORDER BY starts_on DESC, seq DESC",
    )?;
    let rows = statement.query_map([company_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    let mut funds = Vec::new();
    for row in rows {
        let (seq, kind, name, currency, allocated, starts_on, expires_on) = row?;
        let id = format!("fund-{seq:04}");
        let own: Vec<FundRequest> = requests
            .iter()
            .filter(|r| r.fund_id == id)
            .cloned()
            .collect();
        let amounts = fund_amounts(allocated, &own).ok_or_else(|| {
            crate::error::AppError::Internal(format!("the amounts of {id} overflow"))
        })?;
        funds.push(Fund {
            id,
            kind: parse_text(&kind)?,
            name,
            currency,
            amounts,
            starts_on: parse_text(&starts_on)?,
            expires_on: parse_text(&expires_on)?,
        });
    }
    Ok(FundsOverview { funds, requests })
}

/// Saves `draft` for a person of a company: a new request when `id` is `None`, else the draft
/// `id` changed (and submitted, if asked).
pub(super) fn save(
    conn: &Connection,
    (company_id, user_id): (&str, &str),
    id: Option<&str>,
    draft: &FundRequestDraft,
    now: DateTime<Utc>,
) -> AppResult<Result<FundRequest, Refused>> {
    let existing = match id {
        None => None,
        Some(id) => match own(conn, company_id, id)? {
            Some(found) => Some(found),
            None => return Ok(Err(Refused::NotFound)),
        },
    };
    if existing
        .as_ref()
        .is_some_and(|r| r.status != FundRequestStatus::Draft)
    {
        return Ok(Err(Refused::NotNow(
            "Only a draft can be changed; this request was sent.",
        )));
    }
    let overview = overview(conn, company_id)?;
    let Some(fund) = overview.funds.iter().find(|f| f.id == draft.fund_id) else {
        return Ok(Err(Refused::Invalid(vec![FieldError::new(
            "fund_id",
            "Your company has no such fund.",
        )])));
    };
    let problems = draft.problems(fund, fund.amounts.remaining_minor, now.date_naive());
    if !problems.is_empty() {
        return Ok(Err(Refused::Invalid(problems)));
    }
    let status = if draft.submit {
        FundRequestStatus::Submitted
    } else {
        FundRequestStatus::Draft
    };
    let fund_seq = seq_of(&fund.id, "fund");
    let seq: i64 = match existing.as_ref().and_then(|r| seq_of(&r.id, "frq")) {
        Some(seq) => seq,
        None => conn.query_row(
            "INSERT INTO fund_requests (fund_seq, company_id, created_by, status, activity,
               expected_outcome, updated_at)
             VALUES (?1, ?2, ?3, 'draft', '', '', ?4) RETURNING seq",
            params![fund_seq, company_id, user_id, stamp(now)],
            |r| r.get(0),
        )?,
    };
    conn.execute(
        "UPDATE fund_requests SET fund_seq = ?2, status = ?3, activity = ?4, starts_on = ?5,
           ends_on = ?6, amount_minor = ?7, expected_outcome = ?8, updated_at = ?9,
           submitted_at = ?10
         WHERE seq = ?1",
        params![
            seq,
            fund_seq,
            status.as_str(),
            draft.activity.trim(),
            draft.starts_on.map(|d| d.to_string()),
            draft.ends_on.map(|d| d.to_string()),
            draft.amount_minor,
            draft.expected_outcome.trim(),
            stamp(now),
            draft.submit.then(|| stamp(now)),
        ],
    )?;
    let saved = request(conn, &format!("frq-{seq:04}"))?;
    Ok(Ok(saved.map(|(_, r)| r).ok_or_else(|| {
        crate::error::AppError::Internal("a saved request vanished".into())
    })?))
}

/// Discards the caller's company's draft `id`.
pub(super) fn discard(
    conn: &Connection,
    caller: &Caller,
    id: &str,
) -> AppResult<Result<(), Refused>> {
    let Some(found) = own(conn, &caller.company_id, id)? else {
        return Ok(Err(Refused::NotFound));
    };
    if found.status != FundRequestStatus::Draft {
        return Ok(Err(Refused::NotNow(
            "Only a draft can be discarded; this request was sent.",
        )));
    }
    conn.execute(
        "DELETE FROM fund_requests WHERE seq = ?1",
        [seq_of(id, "frq")],
    )?;
    Ok(Ok(()))
}

/// Sends the claim `new` for the company's request `id`, with the proof file's
/// bytes already decoded.
pub(super) fn claim(
    conn: &Connection,
    company_id: &str,
    id: &str,
    new: &NewClaim,
    file: Option<Vec<u8>>,
    now: DateTime<Utc>,
) -> AppResult<Result<FundRequest, Refused>> {
    let Some(found) = own(conn, company_id, id)? else {
        return Ok(Err(Refused::NotFound));
    };
    if !may_claim(found.status, found.claim.as_ref().map(|c| c.status)) {
        return Ok(Err(Refused::NotNow(
            "A request is claimed once pre-approved, and again only after a declined claim.",
        )));
    }
    let problems = new.problems(&found);
    if !problems.is_empty() {
        return Ok(Err(Refused::Invalid(problems)));
    }
    let proof = new.proof_file.as_ref();
    conn.execute(
        "UPDATE fund_requests SET claim_status = 'submitted', claimed_minor = ?2,
           claim_approved_minor = NULL, claim_reason = NULL, claim_link = ?3, claim_file_name = ?4,
           claim_media_type = ?5, claim_file = ?6, claim_submitted_at = ?7, claim_paid_on = NULL,
           updated_at = ?7
         WHERE seq = ?1",
        params![
            seq_of(id, "frq"),
            new.amount_minor,
            new.proof_link.as_deref().map(str::trim),
            proof.map(|f| f.name.trim()),
            proof.map(|f| f.media_type.as_str()),
            file,
            stamp(now),
        ],
    )?;
    let saved = request(conn, id)?.map(|(_, r)| r);
    Ok(Ok(saved.ok_or_else(|| {
        crate::error::AppError::Internal("a claimed request vanished".into())
    })?))
}

/// The proof file of request `id`'s claim, if it has one and (when `company_id` is given)
/// belongs to that company.
pub(super) fn proof(
    conn: &Connection,
    company_id: Option<&str>,
    id: &str,
) -> AppResult<Option<ProofBytes>> {
    let Some(seq) = seq_of(id, "frq") else {
        return Ok(None);
    };
    Ok(conn
        .query_row(
            "SELECT claim_file_name, claim_media_type, claim_file FROM fund_requests
             WHERE seq = ?1 AND (?2 IS NULL OR company_id = ?2) AND claim_file IS NOT NULL",
            params![seq, company_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

impl Store {
    /// `GET /funds`.
    pub fn funds(&self, caller: &Caller) -> AppResult<FundsOverview> {
        overview(&*self.reader()?, &caller.company_id)
    }

    /// `POST /funds/requests` (`id` none) and `PUT /funds/requests/{id}`.
    pub fn save_fund_request(
        &self,
        caller: &Caller,
        id: Option<&str>,
        draft: &FundRequestDraft,
        now: DateTime<Utc>,
    ) -> AppResult<Result<FundRequest, Refused>> {
        self.write(|tx| save(tx, (&caller.company_id, &caller.user_id), id, draft, now))
    }

    /// `DELETE /funds/requests/{id}`.
    pub fn discard_fund_request(
        &self,
        caller: &Caller,
        id: &str,
    ) -> AppResult<Result<(), Refused>> {
        self.write(|tx| discard(tx, caller, id))
    }

    /// `POST /funds/requests/{id}/claim`.
    pub fn claim_funds(
        &self,
        caller: &Caller,
        id: &str,
        new: &NewClaim,
        file: Option<Vec<u8>>,
        now: DateTime<Utc>,
    ) -> AppResult<Result<FundRequest, Refused>> {
        self.write(|tx| claim(tx, &caller.company_id, id, new, file, now))
    }

    /// `GET /funds/requests/{id}/proof` (the caller's company only) and its `/ops` twin.
    pub fn fund_proof(&self, company_id: Option<&str>, id: &str) -> AppResult<Option<ProofBytes>> {
        proof(&*self.reader()?, company_id, id)
    }
}
