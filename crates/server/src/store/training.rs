//! The caller's learning: courses with progress, recommendations, certifications (with their
//! status worked out on read) and badges.

use api_types::{
    Badge, Certification, CertificationRequirement, CertificationStatus, Course, CourseStatus,
    Recommendation, Training,
};
use chrono::{Duration, NaiveDate, Utc};

use super::{parse_text, Caller, Store};
use crate::error::AppResult;

/// A certification's status from its dates and requirements; "expiring" means within 60 days.
pub fn certification_status(
    earned_on: Option<NaiveDate>,
    expires_on: Option<NaiveDate>,
    requirements: &[CertificationRequirement],
    today: NaiveDate,
) -> CertificationStatus {
    match (earned_on, expires_on) {
        (Some(_), Some(expiry)) if expiry < today => CertificationStatus::Expired,
        (Some(_), Some(expiry)) if expiry <= today + Duration::days(60) => {
            CertificationStatus::Expiring
        }
        (Some(_), _) => CertificationStatus::Earned,
        (None, _) if requirements.iter().any(|r| r.done) => CertificationStatus::InProgress,
        (None, _) => CertificationStatus::NotStarted,
    }
}

/// Parses an optional date column.
fn day(text: Option<String>) -> AppResult<Option<NaiveDate>> {
    text.map(|d| parse_text(&d)).transpose()
}

impl Store {
    /// Everything the training page shows for the caller.
    pub fn training(&self, caller: &Caller) -> AppResult<Training> {
        let conn = self.reader()?;
        let today = Utc::now().date_naive();
        let mut statement = conn.prepare(
            "SELECT c.id, c.title, c.kind, c.level, c.modules_total, c.minutes_per_module, c.url,
               COALESCE(p.modules_done, 0) AS modules_done
             FROM courses c LEFT JOIN course_progress p ON p.course_id = c.id AND p.user_id = ?1 ORDER BY c.position",
        )?;
        let mut rows = statement.query([&caller.user_id])?;
        let mut courses = Vec::new();
        while let Some(row) = rows.next()? {
            let total: u32 = row.get("modules_total")?;
            let minutes: u32 = row.get("minutes_per_module")?;
            let done = row.get::<_, u32>("modules_done")?.min(total);
            let status = match done {
                0 => CourseStatus::NotStarted,
                d if d >= total => CourseStatus::Completed,
                _ => CourseStatus::InProgress,
            };
            courses.push(Course {
                id: row.get("id")?,
                title: row.get("title")?,
                kind: parse_text(&row.get::<_, String>("kind")?)?,
                level: parse_text(&row.get::<_, String>("level")?)?,
                modules_total: total,
                modules_done: done,
                minutes_left: (total - done) * minutes,
                status,
                url: row.get("url")?,
            });
        }
        let mut statement = conn.prepare(
            "SELECT course_id, reason FROM recommendations WHERE user_id = ?1 ORDER BY position",
        )?;
        let recommended = statement
            .query_map([&caller.user_id], |r| {
                Ok(Recommendation {
                    course_id: r.get("course_id")?,
                    reason: r.get("reason")?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut statement = conn.prepare(
            "SELECT c.id, c.name, c.level, c.earned_on, c.expires_on, c.requirements_json, c.recertification,
                    c.earned_on < co.joined_on AS carried_over
             FROM certifications c JOIN users u ON u.id = c.user_id JOIN companies co ON co.id = u.company_id
             WHERE c.user_id = ?1 ORDER BY c.position",
        )?;
        let mut rows = statement.query([&caller.user_id])?;
        let mut certifications = Vec::new();
        while let Some(row) = rows.next()? {
            let requirements: Vec<CertificationRequirement> =
                serde_json::from_str(&row.get::<_, String>("requirements_json")?)?;
            let earned_on = day(row.get("earned_on")?)?;
            let expires_on = day(row.get("expires_on")?)?;
            certifications.push(Certification {
                id: row.get("id")?,
                name: row.get("name")?,
                level: parse_text(&row.get::<_, String>("level")?)?,
                status: certification_status(earned_on, expires_on, &requirements, today),
                earned_on,
                expires_on,
                requirements,
                recertification: row.get("recertification")?,
                carried_over: row.get::<_, Option<bool>>("carried_over")?.unwrap_or(false),
            });
        }
        let mut statement = conn.prepare(
            "SELECT id, name, description, earned_on FROM badges WHERE user_id = ?1 ORDER BY earned_on DESC",
        )?;
        let mut rows = statement.query([&caller.user_id])?;
        let mut badges = Vec::new();
        while let Some(row) = rows.next()? {
            badges.push(Badge {
                id: row.get("id")?,
                name: row.get("name")?,
                description: row.get("description")?,
                earned_on: parse_text(&row.get::<_, String>("earned_on")?)?,
            });
        }
        Ok(Training {
            courses,
            recommended,
            certifications,
            badges,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_is_classified_against_today_with_a_sixty_day_warning() {
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        let earned = Some(today - Duration::days(400));
        let status = |expires: i64| {
            certification_status(earned, Some(today + Duration::days(expires)), &[], today)
        };
        assert_eq!(status(-1), CertificationStatus::Expired);
        assert_eq!(status(0), CertificationStatus::Expiring);
        assert_eq!(status(60), CertificationStatus::Expiring);
        assert_eq!(status(61), CertificationStatus::Earned);
        assert_eq!(
            certification_status(earned, None, &[], today),
            CertificationStatus::Earned
        );
        let started = [CertificationRequirement {
            label: "x".into(),
            done: true,
        }];
        assert_eq!(
            certification_status(None, None, &started, today),
            CertificationStatus::InProgress
        );
        assert_eq!(
            certification_status(None, None, &[], today),
            CertificationStatus::NotStarted
        );
    }
}
