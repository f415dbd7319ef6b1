//! The program's numbers, computed from what happened rather than stored: tier progress
//! requirement by requirement (from the tiers catalogue, with each tier's benefits) and the
//! engagement score with its factors. Both read only the caller's company, so they are worked
//! out on every read and can never be stale.

use api_types::{
    currency_digits, Engagement, EngagementFactor, Measure, Money, ProgramPolicies, TierLevel,
    TierProgress, TierRequirement,
};
use chrono::{DateTime, Datelike, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::{parse_text, stamp};
use crate::error::AppResult;

/// One requirement of a tier as the catalogue keeps it (the contract's definition).
pub use api_types::{TierMetric, TierRequirementDefinition as RequirementSpec};

/// Reference rates (US cents per major unit), so money in any currency compares.
const USD_CENTS_PER_UNIT: [(&str, f64); 7] = [
    ("USD", 100.0),
    ("EUR", 108.0),
    ("GBP", 127.0),
    ("JPY", 0.67),
    ("CAD", 73.0),
    ("AUD", 65.0),
    ("CHF", 112.0),
];

fn cents_per_unit(currency: &str) -> f64 {
    USD_CENTS_PER_UNIT
        .iter()
        .find(|(c, _)| *c == currency)
        .map_or(100.0, |(_, r)| *r)
}

/// An amount in US cents at the reference rates, for comparing and sorting only.
pub fn usd_cents(value: &Money) -> i64 {
    let digits = currency_digits(&value.currency).unwrap_or(2);
    (value.amount_minor as f64 / 10f64.powi(digits as i32) * cents_per_unit(&value.currency))
        .round() as i64
}

/// US cents as money in `currency`, rounded to whole major units.
pub fn from_usd_cents(cents: i64, currency: &str) -> Money {
    let digits = currency_digits(currency).unwrap_or(2);
    let major = (cents as f64 / cents_per_unit(currency)).round();
    Money {
        amount_minor: (major * 10f64.powi(digits as i32)) as i64,
        currency: currency.to_owned(),
    }
}

/// Where a company stands on one metric.
fn measure(
    conn: &Connection,
    company: &str,
    currency: &str,
    metric: TierMetric,
    now: DateTime<Utc>,
) -> AppResult<Measure> {
    let today = now.date_naive().to_string();
    Ok(match metric {
        TierMetric::CertifiedPeople => Measure::Count {
            value: conn.query_row(
                "SELECT COUNT(DISTINCT c.user_id) FROM certifications c JOIN users u ON u.id = c.user_id
                 WHERE u.company_id = ?1 AND u.removed_at IS NULL AND c.earned_on IS NOT NULL
                   AND (c.expires_on IS NULL OR c.expires_on >= ?2)",
                params![company, today],
                |r| r.get(0),
            )?,
        },
        TierMetric::CoursesCompleted => Measure::Count {
            value: conn.query_row(
                "SELECT COUNT(*) FROM course_progress p JOIN courses c ON c.id = p.course_id
                 JOIN users u ON u.id = p.user_id
                 WHERE u.company_id = ?1 AND u.removed_at IS NULL AND p.modules_done >= c.modules_total",
                [company],
                |r| r.get(0),
            )?,
        },
        TierMetric::WonRevenueYear => {
            let cents: i64 = conn.query_row(
                "SELECT COALESCE(SUM(value_usd), 0) FROM deals
                 WHERE company_id = ?1 AND status = 'won' AND updated_at >= ?2",
                params![company, format!("{}-01-01", now.year())],
                |r| r.get(0),
            )?;
            Measure::Money {
                value: from_usd_cents(cents, currency),
            }
        }
    })
}

/// How far ahead a lapsing certification puts a requirement at risk.
const RISK_DAYS: i64 = 30;

/// The soonest certification lapsing within [`RISK_DAYS`] that is its holder's only one past
/// that day, in words: when it lapses, the company has one certified person fewer than
/// `certified`.
fn lapsing_certification(
    conn: &Connection,
    company: &str,
    certified: u64,
    now: DateTime<Utc>,
) -> AppResult<Option<String>> {
    let (today, horizon) = (
        now.date_naive(),
        now.date_naive() + Duration::days(RISK_DAYS),
    );
    let found: Option<(String, String, String)> = conn
        .query_row(
            "SELECT c.name, u.name, c.expires_on FROM certifications c JOIN users u ON u.id = c.user_id
             WHERE u.company_id = ?1 AND u.removed_at IS NULL AND c.earned_on IS NOT NULL
               AND c.expires_on >= ?2 AND c.expires_on <= ?3
               AND NOT EXISTS (SELECT 1 FROM certifications o WHERE o.user_id = c.user_id AND o.id <> c.id
                               AND o.earned_on IS NOT NULL AND (o.expires_on IS NULL OR o.expires_on > c.expires_on))
             ORDER BY c.expires_on, u.name LIMIT 1",
            params![company, today.to_string(), horizon.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    found
        .map(|(certification, holder, expires)| {
            let day: chrono::NaiveDate = parse_text(&expires)?;
            Ok(format!(
                "{holder}’s {certification} lapses on {}: this falls to {}.",
                day_in_words(day),
                certified.saturating_sub(1)
            ))
        })
        .transpose()
}

/// "19 Dec 2026", as the portal writes days.
fn day_in_words(day: chrono::NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {}",
        day.day(),
        MONTHS[day.month0() as usize],
        day.year()
    )
}

/// The tier after `tier`, with its requirements and benefits, if there is one.
fn tier_after(
    conn: &Connection,
    tier: TierLevel,
) -> AppResult<Option<(TierLevel, Vec<RequirementSpec>, Vec<String>)>> {
    let row: Option<(String, String, String)> = conn
        .query_row(
            "SELECT level, requirements_json, benefits_json FROM tiers
             WHERE position > (SELECT position FROM tiers WHERE level = ?1) ORDER BY position LIMIT 1",
            [tier.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    row.map(|(level, requirements, benefits)| {
        Ok((
            parse_text(&level)?,
            serde_json::from_str(&requirements)?,
            serde_json::from_str(&benefits)?,
        ))
    })
    .transpose()
}

/// The benefits of `tier` (empty for a tier the catalogue does not list).
pub fn benefits_of(conn: &Connection, tier: TierLevel) -> AppResult<Vec<String>> {
    let benefits: Option<String> = conn
        .query_row(
            "SELECT benefits_json FROM tiers WHERE level = ?1",
            [tier.as_str()],
            |r| r.get(0),
        )
        .optional()?;
    Ok(benefits
        .map(|b| serde_json::from_str(&b))
        .transpose()?
        .unwrap_or_default())
}

/// The share of a won deal's value `tier` pays, in basis points (0 for a tier not listed).
pub fn rebate_of(conn: &Connection, tier: TierLevel) -> AppResult<u32> {
    let rate: Option<u32> = conn
        .query_row(
            "SELECT rebate_bp FROM tiers WHERE level = ?1",
            [tier.as_str()],
            |r| r.get(0),
        )
        .optional()?;
    Ok(rate.unwrap_or(0))
}

/// Progress of `company` to the tier after `tier`, requirement by requirement; `None` at the top.
pub fn tier_progress(
    conn: &Connection,
    company: &str,
    currency: &str,
    tier: TierLevel,
    now: DateTime<Utc>,
) -> AppResult<Option<TierProgress>> {
    let Some((next, specs, benefits)) = tier_after(conn, tier)? else {
        return Ok(None);
    };
    let requirements = specs
        .into_iter()
        .map(|spec| {
            let current = measure(conn, company, currency, spec.metric, now)?;
            let at_risk = match (spec.metric, &current) {
                (TierMetric::CertifiedPeople, Measure::Count { value }) => {
                    lapsing_certification(conn, company, *value, now)?
                }
                _ => None,
            };
            Ok(TierRequirement {
                current,
                at_risk,
                target: match spec.metric {
                    TierMetric::WonRevenueYear => Measure::Money {
                        value: from_usd_cents(spec.target, currency),
                    },
                    _ => Measure::Count {
                        value: spec.target.max(0) as u64,
                    },
                },
                id: spec.id,
                label: spec.label,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(Some(TierProgress {
        tier: next,
        requirements,
        benefits,
        rebate_basis_points: rebate_of(conn, next)?,
    }))
}

impl super::Store {
    /// The program's promises.
    pub fn policies(&self) -> AppResult<ProgramPolicies> {
        Ok(self.reader()?.query_row(
            "SELECT review_business_days, protection_days FROM program_policies WHERE id = 1",
            [],
            |r| {
                Ok(ProgramPolicies {
                    review_business_days: r.get(0)?,
                    protection_days: r.get(1)?,
                })
            },
        )?)
    }

    /// Changes the program's promises.
    pub fn set_policies(&self, policies: &ProgramPolicies) -> AppResult<()> {
        self.conn()?.execute(
            "UPDATE program_policies SET review_business_days = ?1, protection_days = ?2 WHERE id = 1",
            params![policies.review_business_days, policies.protection_days],
        )?;
        Ok(())
    }
}

/// One factor's rule: points per thing counted, at most `max`.
struct FactorRule {
    id: &'static str,
    label: &'static str,
    each: u32,
    max: u32,
}

const FACTORS: [FactorRule; 5] = [
    FactorRule {
        id: "training",
        label: "Courses completed",
        each: 5,
        max: 25,
    },
    FactorRule {
        id: "certifications",
        label: "Certifications held",
        each: 5,
        max: 20,
    },
    FactorRule {
        id: "deals",
        label: "Deals registered in the last 30 days",
        each: 5,
        max: 25,
    },
    FactorRule {
        id: "feedback",
        label: "Feedback and surveys in the last 90 days",
        each: 5,
        max: 15,
    },
    FactorRule {
        id: "activity",
        label: "Sign-ins in the last 30 days",
        each: 3,
        max: 15,
    },
];

/// What each factor counts for `company` as of `at`.
fn factor_counts(conn: &Connection, company: &str, at: DateTime<Utc>) -> AppResult<[u32; 5]> {
    let day = at.date_naive().to_string();
    let since = |days: i64| stamp(at - Duration::days(days));
    let count = |sql: &str, args: &[&dyn rusqlite::ToSql]| -> AppResult<u32> {
        Ok(conn.query_row(sql, args, |r| r.get(0))?)
    };
    let courses = match measure(conn, company, "USD", TierMetric::CoursesCompleted, at)? {
        Measure::Count { value } => value as u32,
        Measure::Money { .. } => 0,
    };
    let certifications = count(
        "SELECT COUNT(*) FROM certifications c JOIN users u ON u.id = c.user_id
         WHERE u.company_id = ?1 AND u.removed_at IS NULL AND c.earned_on IS NOT NULL AND c.earned_on <= ?2
           AND (c.expires_on IS NULL OR c.expires_on >= ?2)",
        &[&company, &day],
    )?;
    let deals = count(
        "SELECT COUNT(*) FROM deals WHERE company_id = ?1 AND submitted_at > ?2 AND submitted_at <= ?3",
        &[&company, &since(30), &stamp(at)],
    )?;
    let voices = count(
        "SELECT (SELECT COUNT(*) FROM feedback f JOIN users u ON u.id = f.user_id
                 WHERE u.company_id = ?1 AND f.submitted_at > ?2 AND f.submitted_at <= ?3)
              + (SELECT COUNT(*) FROM survey_responses r JOIN users u ON u.id = r.user_id
                 WHERE u.company_id = ?1 AND r.submitted_at > ?2 AND r.submitted_at <= ?3)",
        &[&company, &since(90), &stamp(at)],
    )?;
    let (from, to) = ((at - Duration::days(30)).timestamp(), at.timestamp());
    let sign_ins = count(
        "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE u.company_id = ?1 AND s.created_at > ?2 AND s.created_at <= ?3",
        &[&company, &from, &to],
    )?;
    Ok([courses, certifications, deals, voices, sign_ins])
}

fn points(counts: [u32; 5]) -> [u32; 5] {
    let mut out = [0; 5];
    for (i, rule) in FACTORS.iter().enumerate() {
        out[i] = (counts[i] * rule.each).min(rule.max);
    }
    out
}

/// The engagement score from what the company did, with each factor and how to earn more;
/// the change compares with the same count thirty days ago.
pub fn engagement(conn: &Connection, company: &str, now: DateTime<Utc>) -> AppResult<Engagement> {
    let earned = points(factor_counts(conn, company, now)?);
    let before = points(factor_counts(conn, company, now - Duration::days(30))?);
    let score: u32 = earned.iter().sum();
    let factors = FACTORS
        .iter()
        .zip(earned)
        .map(|(rule, points)| EngagementFactor {
            id: rule.id.into(),
            label: rule.label.into(),
            points,
            max_points: rule.max,
            hint: if points >= rule.max {
                "All points earned here; keep it up to keep them.".into()
            } else {
                match rule.id {
                    "training" => {
                        format!("Each course your team completes adds {} points.", rule.each)
                    }
                    "certifications" => format!(
                        "Each certification held (renew lapsed ones) adds {} points.",
                        rule.each
                    ),
                    "deals" => {
                        format!("Each deal registered this month adds {} points.", rule.each)
                    }
                    "feedback" => format!(
                        "Each survey answered or piece of feedback adds {} points.",
                        rule.each
                    ),
                    _ => format!("Each sign-in adds {} points.", rule.each),
                }
            },
        })
        .collect();
    Ok(Engagement {
        score,
        change: score as i32 - before.iter().sum::<u32>() as i32,
        factors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_converts_through_the_reference_rates_to_whole_units() {
        assert_eq!(from_usd_cents(27_000_000, "EUR").amount_minor, 25_000_000);
        assert_eq!(from_usd_cents(100, "JPY").amount_minor, 149);
        let euros = Money {
            amount_minor: 25_000_000,
            currency: "EUR".into(),
        };
        assert_eq!(usd_cents(&euros), 27_000_000);
    }

    #[test]
    fn each_factor_counts_to_its_maximum() {
        assert_eq!(points([1, 9, 2, 0, 3]), [5, 20, 10, 0, 9]);
        assert_eq!(points([100; 5]).iter().sum::<u32>(), 100);
    }
}
