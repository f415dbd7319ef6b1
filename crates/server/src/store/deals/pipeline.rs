//! The pipeline: per status, how many deals, their value per currency and in the partner's own
//! currency, and how many wait for the partner.

use api_types::{DealListParams, DealStatus, Money, PipelineStage};

use super::filter;
use crate::error::AppResult;
use crate::store::{parse_text, Caller, Store};

impl Store {
    /// Count and value per status, every status even when empty, in status order.
    pub fn pipeline(&self, caller: &Caller) -> AppResult<Vec<PipelineStage>> {
        let conn = self.reader()?;
        let own: String = conn.query_row(
            "SELECT currency FROM companies WHERE id = ?1",
            [&caller.company_id],
            |r| r.get(0),
        )?;
        let mut statement = conn.prepare(
            "SELECT status, currency, COUNT(*) AS deals, SUM(value_minor) AS total, SUM(value_usd) AS usd
             FROM deals WHERE company_id = ?1 GROUP BY status, currency ORDER BY currency",
        )?;
        let mut stages: Vec<PipelineStage> = DealStatus::ALL
            .iter()
            .map(|&status| PipelineStage {
                status,
                count: 0,
                value: Vec::new(),
                total: None,
                needs_you: None,
            })
            .collect();
        let mut usd = vec![0i64; stages.len()];
        let mut rows = statement.query([&caller.company_id])?;
        while let Some(row) = rows.next()? {
            let status: DealStatus = parse_text(&row.get::<_, String>("status")?)?;
            if let Some(i) = stages.iter().position(|s| s.status == status) {
                let stage = &mut stages[i];
                stage.count += row.get::<_, u64>("deals")?;
                stage.value.push(Money {
                    amount_minor: row.get("total")?,
                    currency: row.get("currency")?,
                });
                usd[i] += row.get::<_, i64>("usd")?;
            }
        }
        let waiting = DealListParams {
            needs_you: true,
            ..DealListParams::default()
        };
        let (clause, values) = filter(&waiting, &caller.company_id, None);
        let mut statement = conn.prepare(&format!(
            "SELECT status, COUNT(*) FROM deals WHERE {clause} GROUP BY status"
        ))?;
        let mut rows = statement.query(rusqlite::params_from_iter(values))?;
        while let Some(row) = rows.next()? {
            let status: DealStatus = parse_text(&row.get::<_, String>(0)?)?;
            if let Some(stage) = stages.iter_mut().find(|s| s.status == status) {
                stage.needs_you = Some(row.get(1)?);
            }
        }
        for (stage, usd) in stages.iter_mut().zip(usd) {
            stage.total = match stage.value.as_slice() {
                [] => None,
                // All in the partner's currency: exact.
                [only] if only.currency == own => Some(only.clone()),
                _ => Some(crate::store::program::from_usd_cents(usd, &own)),
            };
        }
        Ok(stages)
    }
}
