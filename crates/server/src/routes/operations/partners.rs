//! Partners and their people, created by the channel team one at a time or imported from CSV
//! with a report of what each row came to and why a row was rejected.

use api_types::deal_rules::{check_email, check_length};
use api_types::{
    FieldError, ImportOutcome, ImportReport, ImportRow, NewPartner, NewPartnerUser, COUNTRIES,
    CURRENCIES, IMPORT_COLUMNS, REGIONS,
};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use chrono::Utc;

use crate::auth::Operator;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::store::partners::{ImportLine, PersonRefused, Upserted};
use crate::AppState;

/// Most rows one import may hold.
const MAX_ROWS: usize = 5000;

fn id_ok(id: &str) -> bool {
    (2..=40).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The contract's rules for a partner, at the fields (or CSV columns) named by `names`.
fn partner_errors(id: &str, partner: &NewPartner, names: [&str; 6]) -> Vec<FieldError> {
    let [id_name, name, country, region, currency, _] = names;
    let mut errors = Vec::new();
    if !id_ok(id) {
        errors.push(FieldError::new(
            id_name,
            "An id is 2 to 40 lower-case letters, digits and hyphens.",
        ));
    }
    if check_length(&partner.name, (2, 120)).is_some() {
        errors.push(FieldError::new(
            name,
            "Give the partner's name (2 to 120 characters).",
        ));
    }
    if !COUNTRIES.contains(&partner.country.as_str()) {
        errors.push(FieldError::new(
            country,
            "Use a country code from the contract's list, e.g. FR.",
        ));
    }
    if !REGIONS.contains(&partner.region.as_str()) {
        errors.push(FieldError::new(region, "The region is AMER, EMEA or APAC."));
    }
    if !CURRENCIES.iter().any(|(c, _)| *c == partner.currency) {
        errors.push(FieldError::new(
            currency,
            "Use a currency from the contract's list, e.g. EUR.",
        ));
    }
    errors
}

fn person_errors(id: &str, person: &NewPartnerUser, names: [&str; 3]) -> Vec<FieldError> {
    let [id_name, name, email] = names;
    let mut errors = Vec::new();
    if !id_ok(id) {
        errors.push(FieldError::new(
            id_name,
            "An id is 2 to 40 lower-case letters, digits and hyphens.",
        ));
    }
    if check_length(&person.name, (2, 120)).is_some() {
        errors.push(FieldError::new(
            name,
            "Give the person's name (2 to 120 characters).",
        ));
    }
    if check_email(&person.email).is_some() {
        errors.push(FieldError::new(
            email,
            "Give a work e-mail like name@company.com.",
        ));
    }
    errors
}

const JSON_PARTNER: [&str; 6] = ["partnerId", "name", "country", "region", "currency", "tier"];
const JSON_PERSON: [&str; 3] = ["userId", "name", "email"];

fn taken(refused: PersonRefused) -> AppError {
    match refused {
        PersonRefused::NoPartner => AppError::NotFound("There is no such partner.".into()),
        PersonRefused::EmailTaken => AppError::Conflict {
            title: "E-mail in use".into(),
            detail: "Another person signs in with this e-mail.".into(),
            reference: None,
        },
    }
}

fn status(done: Upserted) -> StatusCode {
    match done {
        Upserted::Created => StatusCode::CREATED,
        Upserted::Updated => StatusCode::OK,
    }
}

/// `PUT /ops/partners/{partnerId}`: 201 when new, 200 when changed.
pub async fn put_partner(
    State(state): State<AppState>,
    _operator: Operator,
    Path(id): Path<String>,
    ApiJson(partner): ApiJson<NewPartner>,
) -> AppResult<(StatusCode, Json<NewPartner>)> {
    let errors = partner_errors(&id, &partner, JSON_PARTNER);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let today = Utc::now().date_naive().to_string();
    let written = partner.clone();
    let done = state
        .store
        .run(move |s| s.put_partner(&id, &written, &today))
        .await?;
    Ok((status(done), Json(partner)))
}

/// `PUT /ops/partners/{partnerId}/users/{userId}`: 201 when new, 200 when changed.
pub async fn put_person(
    State(state): State<AppState>,
    _operator: Operator,
    Path((partner, id)): Path<(String, String)>,
    ApiJson(person): ApiJson<NewPartnerUser>,
) -> AppResult<(StatusCode, Json<NewPartnerUser>)> {
    let errors = person_errors(&id, &person, JSON_PERSON);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let written = person.clone();
    match state
        .store
        .run(move |s| s.put_person(&partner, &id, &written))
        .await?
    {
        Ok(done) => Ok((status(done), Json(person))),
        Err(refused) => Err(taken(refused)),
    }
}

/// Reads a CSV file (RFC 4180: commas, quotes doubled inside quoted fields, CRLF or LF) into
/// records with the line each starts on; blank lines are skipped.
pub fn read_csv(text: &str) -> Result<Vec<(u32, Vec<String>)>, u32> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut line, mut start, mut quoted, mut was_quoted) = (1u32, 1u32, false, false);
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => (quoted, was_quoted) = (true, true),
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                if record.len() > 1 || !record[0].trim().is_empty() || was_quoted {
                    records.push((start, std::mem::take(&mut record)));
                }
                record.clear();
                was_quoted = false;
                line += 1;
                start = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(start);
    }
    record.push(field);
    if record.len() > 1 || !record[0].trim().is_empty() {
        records.push((start, record));
    }
    Ok(records)
}

/// One CSV row as a partner and perhaps a person, or what is wrong with it by column.
fn read_row(cell: &dyn Fn(&str) -> String) -> Result<ImportLine, Vec<FieldError>> {
    // Wire names ("msp", "gold") read as the contract's enums.
    let parse = |column: &str| serde_json::Value::String(cell(column));
    let mut errors = Vec::new();
    let partner_type = serde_json::from_value(parse("partner_type")).map_err(|_| {
        FieldError::new(
            "partner_type",
            "The partner type is reseller, msp, referral or distributor.",
        )
    });
    let tier = serde_json::from_value(parse("tier"))
        .map_err(|_| FieldError::new("tier", "The tier is registered, silver, gold or platinum."));
    let (partner_type, tier) = match (partner_type, tier) {
        (Ok(p), Ok(t)) => (p, t),
        (p, t) => {
            errors.extend(p.err());
            errors.extend(t.err());
            (
                api_types::PartnerType::Reseller,
                api_types::TierLevel::Registered,
            )
        }
    };
    let id = cell("partner_id");
    let partner = NewPartner {
        name: cell("partner_name"),
        partner_type,
        country: cell("country"),
        region: cell("region"),
        currency: cell("currency"),
        tier,
    };
    errors.extend(partner_errors(
        &id,
        &partner,
        [
            "partner_id",
            "partner_name",
            "country",
            "region",
            "currency",
            "tier",
        ],
    ));
    let person_columns = ["user_id", "user_name", "user_email", "user_role"];
    let person = if person_columns.iter().all(|c| cell(c).is_empty()) {
        None
    } else {
        let role = serde_json::from_value(parse("user_role")).unwrap_or_else(|_| {
            errors.push(FieldError::new("user_role", "The role is admin or member."));
            api_types::UserRole::Member
        });
        let person = NewPartnerUser {
            name: cell("user_name"),
            email: cell("user_email"),
            role,
        };
        let user_id = cell("user_id");
        errors.extend(person_errors(
            &user_id,
            &person,
            ["user_id", "user_name", "user_email"],
        ));
        Some((user_id, person))
    };
    if errors.is_empty() {
        Ok(ImportLine {
            partner: (id, partner),
            person,
        })
    } else {
        Err(errors)
    }
}

/// `POST /ops/partners/import` (`text/csv`): every row checked, the good ones written, and a
/// report line per row.
pub async fn import(
    State(state): State<AppState>,
    _operator: Operator,
    headers: HeaderMap,
    body: String,
) -> AppResult<Json<ImportReport>> {
    let csv = headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().to_ascii_lowercase().starts_with("text/csv"));
    if !csv {
        return Err(AppError::UnsupportedMediaType);
    }
    let records = read_csv(&body).map_err(|line| {
        AppError::BadRequest(format!(
            "A quoted field that starts on line {line} is never closed."
        ))
    })?;
    let Some(((_, header), rows)) = records.split_first() else {
        return Err(AppError::field(
            "file",
            "The file is empty: it needs a header line and rows.",
        ));
    };
    let header: Vec<String> = header
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let missing: Vec<&str> = IMPORT_COLUMNS
        .iter()
        .copied()
        .filter(|c| !header.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        return Err(AppError::field(
            "file",
            format!("The header line lacks the columns {}.", missing.join(", ")),
        ));
    }
    if rows.len() > MAX_ROWS {
        return Err(AppError::field(
            "file",
            format!("One import holds at most {MAX_ROWS} rows."),
        ));
    }
    let mut report_rows = Vec::with_capacity(rows.len());
    let mut lines = Vec::new();
    for (line, fields) in rows {
        let cell = |column: &str| {
            header
                .iter()
                .position(|h| h == column)
                .and_then(|i| fields.get(i))
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        };
        match read_row(&cell) {
            Ok(read) => {
                report_rows.push(ImportRow {
                    line: *line,
                    outcome: ImportOutcome::Created,
                    errors: vec![],
                });
                lines.push((report_rows.len() - 1, read));
            }
            Err(errors) => report_rows.push(ImportRow {
                line: *line,
                outcome: ImportOutcome::Rejected,
                errors,
            }),
        }
    }
    let today = Utc::now().date_naive().to_string();
    let (places, checked): (Vec<usize>, Vec<ImportLine>) = lines.into_iter().unzip();
    let outcomes = state.store.run(move |s| s.import(&checked, &today)).await?;
    for (place, outcome) in places.into_iter().zip(outcomes) {
        let row = &mut report_rows[place];
        match outcome {
            Ok(Upserted::Created) => row.outcome = ImportOutcome::Created,
            Ok(Upserted::Updated) => row.outcome = ImportOutcome::Updated,
            Err(refused) => {
                row.outcome = ImportOutcome::Rejected;
                row.errors.push(match refused {
                    PersonRefused::EmailTaken => {
                        FieldError::new("user_email", "Another person signs in with this e-mail.")
                    }
                    PersonRefused::NoPartner => {
                        FieldError::new("partner_id", "There is no such partner.")
                    }
                });
            }
        }
    }
    let count =
        |wanted: ImportOutcome| report_rows.iter().filter(|r| r.outcome == wanted).count() as u32;
    Ok(Json(ImportReport {
        created: count(ImportOutcome::Created),
        updated: count(ImportOutcome::Updated),
        rejected: count(ImportOutcome::Rejected),
        rows: report_rows,
    }))
}

#[cfg(test)]
mod tests {
    use super::read_csv;

    #[test]
    fn csv_fields_may_be_quoted_hold_commas_quotes_and_new_lines() {
        let text = "a,b,c\r\n\"Müller, Söhne\",\"say \"\"hi\"\"\",x\n\n\"two\nlines\",,z";
        let records = read_csv(text).unwrap();
        assert_eq!(records[0], (1, vec!["a".into(), "b".into(), "c".into()]));
        assert_eq!(
            records[1],
            (
                2,
                vec!["Müller, Söhne".into(), "say \"hi\"".into(), "x".into()]
            )
        );
        assert_eq!(
            records[2],
            (4, vec!["two\nlines".into(), "".into(), "z".into()])
        );
        assert_eq!(read_csv("a\n\"open,b"), Err(2));
    }
}
