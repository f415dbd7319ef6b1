//! The deal conversation: a step by either side, checked by the contract's rule
//! (`api_types::deal_flow`), written to the deal and its timeline with the partner's
//! notification in one transaction.

use api_types::deal_flow::{
    extension_pending, take_step, DealPosition, DealStep, DealStepKind, Side, StepRefused,
};
use api_types::{DealStatus, NotificationKind, OperationsDeal, Subject, SubjectKind};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::deals::load_deal;
use super::leaderboards::add_points;
use super::notifications::{notify, NewNotification};
use super::onboarding::{observe, Observed};
use super::program::usd_cents;
use super::{stamp, Store};
use crate::error::{AppError, AppResult};

/// What asking for a step came to.
pub enum StepOutcome {
    /// Taken: the deal after it.
    Taken(Box<OperationsDeal>),
    /// No such deal (for this caller).
    NotFound,
    /// The rule refused it.
    Refused(StepRefused),
}

/// Who takes a step: a side, the name the timeline shows, and for a partner their company
/// (so they can only ever reach their own deals).
pub struct Actor {
    /// Partner or channel team.
    pub side: Side,
    /// "Amélie Dubois", "Channel team (CRM sync)".
    pub name: String,
    /// The partner's company; `None` for the channel team, who reach every deal.
    pub company_id: Option<String>,
}

/// What the partner is told when the channel team takes `kind`.
fn notification_for(kind: DealStepKind) -> Option<NotificationKind> {
    Some(match kind {
        DealStepKind::InformationRequested => NotificationKind::DealQuestion,
        DealStepKind::Approved => NotificationKind::DealApproved,
        DealStepKind::Rejected => NotificationKind::DealRejected,
        DealStepKind::Won => NotificationKind::DealWon,
        DealStepKind::Lost => NotificationKind::DealLost,
        DealStepKind::ExtensionGranted => NotificationKind::ExtensionGranted,
        DealStepKind::ExtensionRefused => NotificationKind::ExtensionRefused,
        _ => return None,
    })
}

fn with_partner(
    conn: &Connection,
    reference: &str,
    company_id: Option<&str>,
) -> AppResult<Option<OperationsDeal>> {
    let Some(deal) = load_deal(conn, company_id, reference)? else {
        return Ok(None);
    };
    let (partner_id, partner_name) = conn.query_row(
        "SELECT c.id, c.name FROM deals d JOIN companies c ON c.id = d.company_id WHERE d.reference = ?1",
        [reference],
        |r| Ok((r.get("id")?, r.get("name")?)),
    )?;
    Ok(Some(OperationsDeal {
        partner_id,
        partner_name,
        deal,
    }))
}

impl Store {
    /// Any partner's deal with the company that registered it (the channel team's view).
    pub fn operations_deal(&self, reference: &str) -> AppResult<Option<OperationsDeal>> {
        with_partner(&*self.reader()?, reference, None)
    }

    /// Takes `step` on the deal `reference` for `actor` at `now`.
    pub fn take_deal_step(
        &self,
        actor: &Actor,
        reference: &str,
        step: &DealStep,
        now: DateTime<Utc>,
    ) -> AppResult<StepOutcome> {
        self.write(|tx| {
            let Some(current) = with_partner(tx, reference, actor.company_id.as_deref())? else {
                return Ok(StepOutcome::NotFound);
            };
            let summary = &current.deal.summary;
            let position = DealPosition {
                status: summary.status,
                protection_expires_on: summary.protection_expires_on,
                extension_pending: extension_pending(&current.deal.timeline),
            };
            let taken = match take_step(position, step, actor.side, now.date_naive()) {
                Ok(taken) => taken,
                Err(refused) => return Ok(StepOutcome::Refused(refused)),
            };
            let seq: i64 = tx.query_row(
                "UPDATE deals SET status = ?1, protection_expires_on = ?2, updated_at = ?3 WHERE reference = ?4
                 RETURNING seq",
                params![
                    taken.status.as_str(),
                    taken.protection_expires_on.map(|d| d.to_string()),
                    stamp(now),
                    reference
                ],
                |r| r.get(0),
            )?;
            let position: i64 = tx
                .query_row(
                    "SELECT MAX(position) + 1 FROM deal_events WHERE deal_seq = ?1",
                    [seq],
                    |r| r.get::<_, Option<i64>>(0),
                )
                .optional()?
                .flatten()
                .unwrap_or(0);
            tx.execute(
                "INSERT INTO deal_events (deal_seq, position, step, status, at, actor, note, protection_ends_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    seq,
                    position,
                    taken.kind.as_str(),
                    taken.status.as_str(),
                    stamp(now),
                    actor.name,
                    step.note(),
                    step.protection_ends_on().map(|d| d.to_string())
                ],
            )?;
            if taken.status == DealStatus::Won {
                observe(tx, &current.partner_id, Observed::DealWon, now)?;
                super::earnings::deal_won(tx, reference, now)?;
            }
            // A registration that no longer stands no longer counts as registered revenue.
            if matches!(taken.status, DealStatus::Rejected | DealStatus::Withdrawn) {
                let dollars = usd_cents(&summary.value) / 100;
                add_points(tx, &current.partner_id, "revenue", -dollars)?;
            }
            if let (Side::ChannelTeam, Some(kind)) = (actor.side, notification_for(taken.kind)) {
                notify(
                    tx,
                    &NewNotification {
                        company_id: &current.partner_id,
                        user_id: None,
                        kind,
                        subject: Subject {
                            kind: SubjectKind::Deal,
                            id: reference.to_owned(),
                            title: summary.customer_company.clone(),
                        },
                        note: step.note(),
                        at: now,
                    },
                )?;
            }
            with_partner(tx, reference, None)?
                .map(|deal| StepOutcome::Taken(Box::new(deal)))
                .ok_or_else(|| AppError::Internal("a deal vanished during a step".into()))
        })
    }
}
