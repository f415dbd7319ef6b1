//! Reading deals: the filtered, sorted, cursor-paginated list, one deal, the pipeline, products.

use api_types::{
    Contact, Deal, DealEvent, DealStatus, DealSummary, Money, Page, PipelineStage, Product,
    PRODUCTS,
};
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension, Row};
use serde_json::{json, Value};

use super::query::Query;
use crate::db::parse_text;
use crate::error::{ApiError, ApiResult};
use crate::extract::Partner;
use crate::AppState;

/// Sort keys the list accepts, with the column each sorts by.
const SORTS: [(&str, &str); 5] = [
    ("updated_at", "updated_at"),
    ("value", "value_usd"),
    ("expected_close_on", "expected_close_on"),
    ("customer_company", "customer_company"),
    ("reference", "reference"),
];

const SUMMARY_COLUMNS: &str =
    "reference, customer_company, country, value_minor, currency, expected_close_on, status, protection_expires_on, updated_at, seq";

fn summary(row: &Row) -> rusqlite::Result<(DealSummaryRow, i64)> {
    Ok((
        DealSummaryRow(
            [
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(4)?,
                row.get(5)?,
                row.get(6)?,
                row.get(8)?,
            ],
            row.get(3)?,
            row.get(7)?,
        ),
        row.get(9)?,
    ))
}

/// A deal row's text columns, value and protection date, before typing.
struct DealSummaryRow([String; 7], i64, Option<String>);

impl DealSummaryRow {
    fn typed(self) -> ApiResult<DealSummary> {
        let [reference, customer_company, country, currency, close, status, updated] = self.0;
        Ok(DealSummary {
            reference,
            customer_company,
            country,
            value: Money {
                amount_minor: self.1,
                currency,
            },
            expected_close_on: parse_text(&close)?,
            status: parse_text(&status)?,
            protection_expires_on: self.2.map(|d| parse_text(&d)).transpose()?,
            updated_at: parse_text(&updated)?,
        })
    }
}

/// The list's filters, sort and position, read from the query string.
struct ListRequest {
    statuses: Vec<DealStatus>,
    search: Option<String>,
    sort_column: &'static str,
    descending: bool,
    after: Option<(Value, String)>,
    limit: i64,
}

impl ListRequest {
    fn parse(query: &Query) -> ApiResult<Self> {
        let mut statuses = Vec::new();
        for name in query.all("status") {
            let status = DealStatus::parse(name).ok_or_else(|| {
                ApiError::BadRequest(format!("`status` {name:?} is not a deal status."))
            })?;
            if !statuses.contains(&status) {
                statuses.push(status);
            }
        }
        if query.all("status").count() > DealStatus::ALL.len() {
            return Err(ApiError::BadRequest(
                "Give `status` at most 8 times.".into(),
            ));
        }
        let search = query
            .one("q")?
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_lowercase);
        if search.as_ref().is_some_and(|q| q.chars().count() > 100) {
            return Err(ApiError::BadRequest(
                "`q` must be at most 100 characters.".into(),
            ));
        }
        let sort = query.one("sort")?.unwrap_or("-updated_at");
        let (descending, key) = sort.strip_prefix('-').map_or((false, sort), |k| (true, k));
        let sort_column = SORTS
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, column)| *column)
            .ok_or_else(|| ApiError::BadRequest(format!("`sort` {sort:?} is not a sort key.")))?;
        let after = query
            .one("cursor")?
            .map(|c| decode_cursor(c, sort_column))
            .transpose()?;
        Ok(Self {
            statuses,
            search,
            sort_column,
            descending,
            after,
            limit: query.int("limit", 1, 100, 25)?,
        })
    }

    /// The WHERE clause and its parameters; `with_cursor` adds the keyset condition.
    fn filter(&self, company_id: &str, with_cursor: bool) -> (String, Vec<Sql>) {
        let mut clause = String::from("company_id = ?");
        let mut params = vec![Sql::Text(company_id.to_owned())];
        if !self.statuses.is_empty() {
            clause.push_str(" AND status IN (SELECT value FROM json_each(?))");
            params.push(Sql::Text(
                json!(self.statuses.iter().map(|s| s.as_str()).collect::<Vec<_>>()).to_string(),
            ));
        }
        if let Some(q) = &self.search {
            clause.push_str(" AND search_text LIKE ? ESCAPE '\\'");
            let escaped = q
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            params.push(Sql::Text(format!("%{escaped}%")));
        }
        if let (true, Some((value, reference))) = (with_cursor, &self.after) {
            let op = if self.descending { "<" } else { ">" };
            clause.push_str(&format!(
                " AND ({col}, reference) {op} (?, ?)",
                col = self.sort_column
            ));
            params.push(match value {
                Value::Number(n) => Sql::Integer(n.as_i64().unwrap_or_default()),
                other => Sql::Text(other.as_str().unwrap_or_default().to_owned()),
            });
            params.push(Sql::Text(reference.clone()));
        }
        (clause, params)
    }
}

/// Cursors are hex-encoded `[sort value, reference]` of the last row shown.
fn encode_cursor(value: Value, reference: &str) -> String {
    json!([value, reference])
        .to_string()
        .bytes()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn decode_cursor(cursor: &str, sort_column: &str) -> ApiResult<(Value, String)> {
    let bad = || {
        ApiError::BadRequest(
            "`cursor` is not one this server gave out; start again from the first page.".into(),
        )
    };
    if cursor.len() % 2 != 0 || cursor.len() > 400 {
        return Err(bad());
    }
    let bytes: Option<Vec<u8>> = (0..cursor.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(cursor.get(i..i + 2)?, 16).ok())
        .collect();
    let parsed: Value = serde_json::from_slice(&bytes.ok_or_else(bad)?).map_err(|_| bad())?;
    match parsed {
        Value::Array(mut parts) if parts.len() == 2 => {
            let reference = parts
                .pop()
                .and_then(|r| r.as_str().map(str::to_owned))
                .ok_or_else(bad)?;
            let value = parts.pop().ok_or_else(bad)?;
            let fits = if sort_column == "value_usd" {
                value.is_i64()
            } else {
                value.is_string()
            };
            fits.then_some((value, reference)).ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

/// `GET /deals`.
pub async fn list_deals(
    State(state): State<AppState>,
    partner: Partner,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<Page<DealSummary>>> {
    let request = ListRequest::parse(&Query::parse(raw.as_deref()))?;
    let conn = state.db.conn()?;
    let (count_clause, count_params) = request.filter(&partner.company_id, false);
    let total: u64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM deals WHERE {count_clause}"),
        rusqlite::params_from_iter(count_params),
        |r| r.get(0),
    )?;
    let (clause, mut params) = request.filter(&partner.company_id, true);
    let direction = if request.descending { "DESC" } else { "ASC" };
    params.push(Sql::Integer(request.limit + 1));
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, {col} FROM deals WHERE {clause} ORDER BY {col} {direction}, reference {direction} LIMIT ?",
        col = request.sort_column
    );
    let mut statement = conn.prepare(&sql)?;
    let mut rows = statement.query(rusqlite::params_from_iter(params))?;
    let mut items = Vec::new();
    let mut last_key = None;
    let mut has_more = false;
    while let Some(row) = rows.next()? {
        if items.len() as i64 == request.limit {
            has_more = true; // the extra row only tells that another page exists
            break;
        }
        let key: Sql = row.get(10)?;
        let (deal, _) = summary(row)?;
        let deal = deal.typed()?;
        last_key = Some((key, deal.reference.clone()));
        items.push(deal);
    }
    let next_cursor = match (has_more, last_key) {
        (true, Some((Sql::Integer(n), reference))) => Some(encode_cursor(json!(n), &reference)),
        (true, Some((Sql::Text(t), reference))) => Some(encode_cursor(json!(t), &reference)),
        _ => None,
    };
    Ok(Json(Page {
        items,
        next_cursor,
        total,
    }))
}

/// Loads one deal of the company with its timeline.
pub fn load_deal(conn: &Connection, company_id: &str, reference: &str) -> ApiResult<Option<Deal>> {
    let row = conn
        .query_row(
            &format!("SELECT {SUMMARY_COLUMNS}, contact_name, contact_email, contact_phone, products_json, notes, submitted_at FROM deals WHERE company_id = ?1 AND reference = ?2"),
            [company_id, reference],
            |r| Ok((summary(r)?, [r.get::<_, String>(10)?, r.get(11)?, r.get(13)?, r.get(15)?], r.get::<_, Option<String>>(12)?, r.get::<_, Option<String>>(14)?)),
        )
        .optional()?;
    let Some(((row, seq), [name, email, products, submitted], phone, notes)) = row else {
        return Ok(None);
    };
    let mut statement = conn.prepare(
        "SELECT status, at, actor, note FROM deal_events WHERE deal_seq = ?1 ORDER BY position",
    )?;
    let events = statement.query_map([seq], |r| {
        Ok((
            [r.get::<_, String>(0)?, r.get(1)?, r.get(2)?],
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut timeline = Vec::new();
    for event in events {
        let ([status, at, actor], note) = event?;
        timeline.push(DealEvent {
            status: parse_text(&status)?,
            at: parse_text(&at)?,
            actor,
            note,
        });
    }
    Ok(Some(Deal {
        summary: row.typed()?,
        contact: Contact { name, email, phone },
        products: serde_json::from_str(&products)?,
        notes,
        submitted_at: parse_text(&submitted)?,
        timeline,
    }))
}

/// `GET /deals/{reference}`.
pub async fn get_deal(
    State(state): State<AppState>,
    partner: Partner,
    Path(reference): Path<String>,
) -> ApiResult<Json<Deal>> {
    let conn = state.db.conn()?;
    load_deal(&conn, &partner.company_id, &reference)?
        .map(Json)
        .ok_or_else(|| {
            ApiError::NotFound(format!(
                "You have no deal with the reference {reference:?}."
            ))
        })
}

/// `GET /deals/pipeline`: every status, even empty ones, in status order.
pub async fn pipeline(
    State(state): State<AppState>,
    partner: Partner,
) -> ApiResult<Json<Vec<PipelineStage>>> {
    let conn = state.db.conn()?;
    let mut statement = conn.prepare(
        "SELECT status, currency, COUNT(*), SUM(value_minor) FROM deals WHERE company_id = ?1 GROUP BY status, currency ORDER BY currency",
    )?;
    let rows = statement.query_map([&partner.company_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, u64>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    let mut stages: Vec<PipelineStage> = DealStatus::ALL
        .iter()
        .map(|&status| PipelineStage {
            status,
            count: 0,
            value: Vec::new(),
        })
        .collect();
    for row in rows {
        let (status, currency, count, sum) = row?;
        let status: DealStatus = parse_text(&status)?;
        if let Some(stage) = stages.iter_mut().find(|s| s.status == status) {
            stage.count += count;
            stage.value.push(Money {
                amount_minor: sum,
                currency,
            });
        }
    }
    Ok(Json(stages))
}

/// `GET /products`.
pub async fn list_products(_partner: Partner) -> Json<Vec<Product>> {
    Json(
        PRODUCTS
            .iter()
            .map(|(code, name)| Product {
                code: (*code).into(),
                name: (*name).into(),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_tampering() {
        let cursor = encode_cursor(json!("2026-11-02T14:05:00Z"), "DR-2026-00042");
        assert_eq!(
            decode_cursor(&cursor, "updated_at").unwrap(),
            (json!("2026-11-02T14:05:00Z"), "DR-2026-00042".into())
        );
        assert!(
            decode_cursor(&cursor, "value_usd").is_err(),
            "a text cursor cannot page a numeric sort"
        );
        assert!(decode_cursor("zz", "updated_at").is_err());
        assert!(decode_cursor("abc", "updated_at").is_err());
        assert!(decode_cursor(&encode_cursor(json!(5), "x")[2..], "value_usd").is_err());
        assert_eq!(
            decode_cursor(&encode_cursor(json!(5), "DR-1"), "value_usd")
                .unwrap()
                .0,
            json!(5)
        );
    }
}
