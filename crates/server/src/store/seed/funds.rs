//! Every company with people in the demo has the year's co-op fund, and one that joined in the
//! last 60 days the program's launch fund (market development money for its first 60 days);
//! the demo partner's use of its launch fund is replayed
//! through the same functions as the API: a webinar requested, pre-approved, claimed and paid;
//! a roundtable whose claim was declined for want of the attendee list (it may claim again);
//! a trade show kept as a draft — and what is left expires within three weeks.

use api_types::funds::{
    ClaimDecision, ClaimStatus, FundKind, FundRequestDraft, FundRequestStatus, NewClaim, NewFund,
    RequestDecision,
};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rusqlite::Transaction;

use super::money::at;
use super::DEMO_COMPANY;
use crate::error::{AppError, AppResult};
use crate::store::funds::{self, decisions, Refused};
use crate::store::parse_text;

/// Days a launch fund lasts from joining.
const LAUNCH_DAYS: i64 = 60;
/// The launch fund and the year's co-op fund, in major units of the company's currency.
const LAUNCH_MAJOR: i64 = 5_000;
const COOP_MAJOR: i64 = 2_000;

/// One of the demo partner's requests: (day after joining it was written, activity, expected
/// outcome, amount in euros, the activity's first and last day after joining, what happened).
type Story = (i64, &'static str, &'static str, i64, (i64, i64), Fate);

/// One step of a request's story, taken at the given moment.
type Step<'a> = dyn Fn(DateTime<Utc>) -> AppResult<()> + 'a;

/// What became of a request.
#[derive(Clone, Copy)]
enum Fate {
    /// Kept as a draft, no dates yet.
    Draft,
    /// Pre-approved two days later; claimed two days after the activity; the claim approved
    /// three days later and paid a week after that.
    Paid,
    /// Pre-approved two days later; claimed two days after the activity; the claim declined
    /// three days later with this reason.
    ClaimDeclined(&'static str),
}

const STORIES: [Story; 3] = [
    (4, "Launch webinar: zero trust for clinics", "40 clinic IT leads attend; 5 qualified opportunities.", 1_500, (14, 14), Fate::Paid),
    (18, "Roundtable for hospital CIOs in Lyon", "12 CIOs around the table; 3 projects registered as deals.", 2_000, (30, 30), Fate::ClaimDeclined(
        "The attendee list is missing: send the sign-in sheet or the registration export with the photos, and we will pay it.",
    )),
    (38, "Booth at Santexpo Paris", "60 conversations at the booth and 8 meetings booked.", 1_200, (0, 0), Fate::Draft),
];

fn refused(why: Refused) -> AppError {
    AppError::Internal(match why {
        Refused::NotFound => "the seed's request vanished".into(),
        Refused::NotNow(why) => why.into(),
        Refused::Invalid(errors) => format!("the seed breaks a rule: {errors:?}"),
    })
}

/// Allocates each company with people its co-op fund for the year and, to a company that joined
/// in the last 60 days, the launch fund; replays the demo partner's requests up to `now`.
pub(super) fn seed_funds(tx: &Transaction, now: DateTime<Utc>) -> AppResult<()> {
    let today = now.date_naive();
    let companies: Vec<(String, String, String)> = tx
        .prepare(
            "SELECT id, currency, joined_on FROM companies
             WHERE id IN (SELECT company_id FROM users) ORDER BY joined_on, id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let year_starts = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let year_ends = NaiveDate::from_ymd_opt(today.year(), 12, 31).unwrap_or(today);
    for (company, currency, joined) in companies {
        let joined: NaiveDate = parse_text(&joined)?;
        // Whole major units in every currency (yen have no minor unit: a hundred times more).
        let unit = 10i64.pow(api_types::currency_digits(&currency).unwrap_or(2).max(2));
        let allocate = |kind, name: String, major: i64, starts_on, expires_on| {
            let new = NewFund {
                partner_id: company.clone(),
                kind,
                name,
                currency: currency.clone(),
                allocated_minor: major * unit,
                starts_on,
                expires_on,
            };
            decisions::allocate(tx, &new)?
                .and_then(Result::ok)
                .ok_or_else(|| {
                    AppError::Internal(format!("the seed's fund {} was refused", new.name))
                })
        };
        let launch_ends = joined + Duration::days(LAUNCH_DAYS);
        if launch_ends >= today {
            let launch = allocate(
                FundKind::Mdf,
                "Launch fund".into(),
                LAUNCH_MAJOR,
                joined,
                launch_ends,
            )?;
            if company == DEMO_COMPANY {
                replay(tx, &launch.id, joined, now)?;
            }
        }
        let name = format!("Co-op {}", today.year());
        allocate(
            FundKind::Coop,
            name,
            COOP_MAJOR,
            joined.max(year_starts),
            year_ends,
        )?;
    }
    Ok(())
}

/// The demo partner's requests against its launch fund, each step on its day, up to `now`.
fn replay(tx: &Transaction, fund_id: &str, joined: NaiveDate, now: DateTime<Utc>) -> AppResult<()> {
    let day = |n: i64| joined + Duration::days(n);
    for (written, activity, outcome, euros, (first, last), fate) in STORIES {
        let draft = FundRequestDraft {
            fund_id: fund_id.into(),
            activity: activity.into(),
            starts_on: (!matches!(fate, Fate::Draft)).then(|| day(first)),
            ends_on: (!matches!(fate, Fate::Draft)).then(|| day(last)),
            amount_minor: Some(euros * 100),
            expected_outcome: outcome.into(),
            submit: !matches!(fate, Fate::Draft),
        };
        let saved = funds::save(
            tx,
            (DEMO_COMPANY, "u-amelie"),
            None,
            &draft,
            at(day(written)),
        )?
        .map_err(refused)?;
        if matches!(fate, Fate::Draft) {
            continue;
        }
        let steps: [(i64, &Step); 4] = [
            (written + 2, &|when| {
                let yes = RequestDecision {
                    status: FundRequestStatus::PreApproved,
                    reason: None,
                };
                decisions::decide_request(tx, &saved.id, &yes, when).map(drop)
            }),
            (last + 2, &|when| {
                let claim = NewClaim {
                    amount_minor: euros * 100,
                    proof_link: Some(format!(
                        "https://photos.lumiere-cloud.example/events/{}",
                        saved.id
                    )),
                    proof_file: None,
                };
                funds::claim(tx, DEMO_COMPANY, &saved.id, &claim, None, when)?
                    .map_err(refused)
                    .map(drop)
            }),
            (last + 5, &|when| {
                let decision = match fate {
                    Fate::ClaimDeclined(why) => ClaimDecision {
                        status: ClaimStatus::Declined,
                        approved_minor: None,
                        reason: Some(why.into()),
                        paid_on: None,
                    },
                    _ => ClaimDecision {
                        status: ClaimStatus::Approved,
                        approved_minor: None,
                        reason: None,
                        paid_on: None,
                    },
                };
                decisions::decide_claim(tx, &saved.id, &decision, when).map(drop)
            }),
            (last + 12, &|when| {
                if !matches!(fate, Fate::Paid) {
                    return Ok(());
                }
                let paid = ClaimDecision {
                    status: ClaimStatus::Paid,
                    approved_minor: None,
                    reason: None,
                    paid_on: Some(when.date_naive()),
                };
                decisions::decide_claim(tx, &saved.id, &paid, when).map(drop)
            }),
        ];
        for (on, step) in steps {
            if at(day(on)) <= now {
                step(at(day(on)))?;
            }
        }
    }
    Ok(())
}
