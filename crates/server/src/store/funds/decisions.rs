//! The channel team's side of funds: allocating a fund to a partner, pre-approving or
//! declining a request, and approving (in full or in part), declining or paying its claim —
//! each decision told to the partner in the same transaction, a refusal always with its reason.
//! The demo seed calls the same functions.

use api_types::funds::{
    ClaimDecision, ClaimStatus, Fund, FundRequest, FundRequestStatus, FundsOverview, NewFund,
    RequestDecision,
};
use api_types::{FieldError, NotificationKind, Subject, SubjectKind};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::{overview, request};
use crate::error::{AppError, AppResult};
use crate::store::earnings::seq_of;
use crate::store::notifications::{notify, NewNotification};
use crate::store::partners;
use crate::store::Store;

/// What became of a decision on a request or a claim.
pub enum Decided {
    /// No such request, or no claim to decide.
    NotFound,
    /// The decision breaks a rule at this field (`status`: not a step it can take now).
    Refused(&'static str),
    /// Taken; the request as it is now.
    Done(Box<FundRequest>),
}

/// Allocates `new` to its partner; `Ok(None)` for no such partner.
pub(in crate::store) fn allocate(
    conn: &Connection,
    new: &NewFund,
) -> AppResult<Option<Result<Fund, Vec<FieldError>>>> {
    if !partners::exists(conn, &new.partner_id)? {
        return Ok(None);
    }
    let problems = new.problems();
    if !problems.is_empty() {
        return Ok(Some(Err(problems)));
    }
    let seq: i64 = conn.query_row(
        "INSERT INTO funds (company_id, kind, name, currency, allocated_minor, starts_on, expires_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING seq",
        params![
            new.partner_id,
            new.kind.as_str(),
            new.name.trim(),
            new.currency,
            new.allocated_minor,
            new.starts_on.to_string(),
            new.expires_on.to_string()
        ],
        |r| r.get(0),
    )?;
    let id = format!("fund-{seq:04}");
    let fund = overview(conn, &new.partner_id)?
        .funds
        .into_iter()
        .find(|f| f.id == id);
    fund.map(|f| Some(Ok(f)))
        .ok_or_else(|| AppError::Internal("an allocated fund vanished".into()))
}

/// Tells the request's company what was decided.
fn tell(
    conn: &Connection,
    company_id: &str,
    found: &FundRequest,
    kind: NotificationKind,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    notify(
        conn,
        &NewNotification {
            company_id,
            user_id: None,
            kind,
            subject: Subject {
                kind: SubjectKind::FundRequest,
                id: found.id.clone(),
                title: found.activity.clone(),
            },
            note,
            at: now,
        },
    )
}

/// The request `id` as it is after a change.
fn reread(conn: &Connection, id: &str) -> AppResult<Decided> {
    let found = request(conn, id)?.map(|(_, r)| r);
    found
        .map(|r| Decided::Done(Box::new(r)))
        .ok_or_else(|| AppError::Internal("a decided request vanished".into()))
}

/// Takes `decision` on request `id` at `now`.
pub(in crate::store) fn decide_request(
    conn: &Connection,
    id: &str,
    decision: &RequestDecision,
    now: DateTime<Utc>,
) -> AppResult<Decided> {
    let Some((company, found)) = request(conn, id)? else {
        return Ok(Decided::NotFound);
    };
    if let Some(field) = decision.broken_field(found.status) {
        return Ok(Decided::Refused(field));
    }
    let declined = decision.status == FundRequestStatus::Declined;
    let reason = decision
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|_| declined);
    conn.execute(
        "UPDATE fund_requests SET status = ?2, declined_reason = ?3, updated_at = ?4 WHERE seq = ?1",
        params![seq_of(id, "frq"), decision.status.as_str(), reason, crate::store::stamp(now)],
    )?;
    let kind = if declined {
        NotificationKind::FundDeclined
    } else {
        NotificationKind::FundApproved
    };
    tell(conn, &company, &found, kind, reason, now)?;
    reread(conn, id)
}

/// Takes `decision` on request `id`'s claim at `now`.
pub(in crate::store) fn decide_claim(
    conn: &Connection,
    id: &str,
    decision: &ClaimDecision,
    now: DateTime<Utc>,
) -> AppResult<Decided> {
    let Some((company, found)) = request(conn, id)? else {
        return Ok(Decided::NotFound);
    };
    let Some(claim) = &found.claim else {
        return Ok(Decided::NotFound);
    };
    if let Some(field) = decision.broken_field(claim.status, claim.claimed_minor) {
        return Ok(Decided::Refused(field));
    }
    let reason = decision.reason.as_deref().map(str::trim);
    let approved = match decision.status {
        ClaimStatus::Approved => Some(claim.claimed_minor),
        ClaimStatus::PartlyApproved => decision.approved_minor,
        _ => claim.approved_minor,
    };
    conn.execute(
        "UPDATE fund_requests SET claim_status = ?2, claim_approved_minor = ?3,
           claim_reason = COALESCE(?4, claim_reason), claim_paid_on = ?5, updated_at = ?6
         WHERE seq = ?1",
        params![
            seq_of(id, "frq"),
            decision.status.as_str(),
            approved,
            reason,
            decision.paid_on.map(|d| d.to_string()),
            crate::store::stamp(now)
        ],
    )?;
    let kind = match decision.status {
        ClaimStatus::Declined => NotificationKind::FundDeclined,
        ClaimStatus::Paid => NotificationKind::FundPaid,
        _ => NotificationKind::FundApproved,
    };
    tell(conn, &company, &found, kind, reason, now)?;
    reread(conn, id)
}

impl Store {
    /// `GET /ops/partners/{id}/funds`: any partner's funds, `None` for no such partner.
    pub fn partner_funds(&self, partner_id: &str) -> AppResult<Option<FundsOverview>> {
        let conn = self.reader()?;
        if !partners::exists(&conn, partner_id)? {
            return Ok(None);
        }
        let mut found = overview(&conn, partner_id)?;
        // Drafts are the partner's own until sent.
        found
            .requests
            .retain(|r| r.status != FundRequestStatus::Draft);
        Ok(Some(found))
    }

    /// `POST /ops/funds`.
    pub fn allocate_fund(&self, new: &NewFund) -> AppResult<Option<Result<Fund, Vec<FieldError>>>> {
        self.write(|tx| allocate(tx, new))
    }

    /// `PUT /ops/fund-requests/{id}`.
    pub fn decide_fund_request(
        &self,
        id: &str,
        decision: &RequestDecision,
        now: DateTime<Utc>,
    ) -> AppResult<Decided> {
        self.write(|tx| decide_request(tx, id, decision, now))
    }

    /// `PUT /ops/fund-requests/{id}/claim`.
    pub fn decide_fund_claim(
        &self,
        id: &str,
        decision: &ClaimDecision,
        now: DateTime<Utc>,
    ) -> AppResult<Decided> {
        self.write(|tx| decide_claim(tx, id, decision, now))
    }
}
