//! `GET /training`: courses with progress, recommendations, certifications and badges.

use api_types::{
    Badge, Certification, CertificationRequirement, CertificationStatus, Course, CourseStatus,
    Recommendation, Training,
};
use axum::extract::State;
use axum::Json;
use chrono::{Duration, NaiveDate, Utc};

use crate::db::parse_text;
use crate::error::ApiResult;
use crate::extract::Partner;
use crate::AppState;

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

/// The user's learning.
pub async fn get_training(
    State(state): State<AppState>,
    partner: Partner,
) -> ApiResult<Json<Training>> {
    let conn = state.db.conn()?;
    let today = Utc::now().date_naive();
    let mut statement = conn.prepare(
        "SELECT c.id, c.title, c.kind, c.level, c.modules_total, c.minutes_per_module, c.url, COALESCE(p.modules_done, 0)
         FROM courses c LEFT JOIN course_progress p ON p.course_id = c.id AND p.user_id = ?1 ORDER BY c.position",
    )?;
    let rows = statement.query_map([&partner.user_id], |r| {
        Ok((
            [
                r.get::<_, String>(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(6)?,
            ],
            r.get::<_, u32>(4)?,
            r.get::<_, u32>(5)?,
            r.get::<_, u32>(7)?,
        ))
    })?;
    let mut courses = Vec::new();
    for row in rows {
        let ([id, title, kind, level, url], total, minutes, done) = row?;
        let done = done.min(total);
        let status = match done {
            0 => CourseStatus::NotStarted,
            d if d >= total => CourseStatus::Completed,
            _ => CourseStatus::InProgress,
        };
        courses.push(Course {
            id,
            title,
            kind: parse_text(&kind)?,
            level: parse_text(&level)?,
            modules_total: total,
            modules_done: done,
            minutes_left: (total - done) * minutes,
            status,
            url,
        });
    }
    let mut statement = conn.prepare(
        "SELECT course_id, reason FROM recommendations WHERE user_id = ?1 ORDER BY position",
    )?;
    let recommended = statement
        .query_map([&partner.user_id], |r| {
            Ok(Recommendation {
                course_id: r.get(0)?,
                reason: r.get(1)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut statement = conn.prepare(
        "SELECT id, name, level, earned_on, expires_on, requirements_json, recertification FROM certifications WHERE user_id = ?1 ORDER BY position",
    )?;
    let rows = statement.query_map([&partner.user_id], |r| {
        Ok((
            [
                r.get::<_, String>(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(5)?,
                r.get(6)?,
            ],
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut certifications = Vec::new();
    for row in rows {
        let ([id, name, level, requirements, recertification], earned, expires) = row?;
        let requirements: Vec<CertificationRequirement> = serde_json::from_str(&requirements)?;
        let earned_on = earned.map(|d| parse_text(&d)).transpose()?;
        let expires_on = expires.map(|d| parse_text(&d)).transpose()?;
        certifications.push(Certification {
            id,
            name,
            level: parse_text(&level)?,
            status: certification_status(earned_on, expires_on, &requirements, today),
            earned_on,
            expires_on,
            requirements,
            recertification,
        });
    }
    let mut statement = conn.prepare("SELECT id, name, description, earned_on FROM badges WHERE user_id = ?1 ORDER BY earned_on DESC")?;
    let rows = statement.query_map([&partner.user_id], |r| {
        Ok([r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?])
    })?;
    let mut badges = Vec::new();
    for row in rows {
        let [id, name, description, earned] = row?;
        badges.push(Badge {
            id,
            name,
            description,
            earned_on: parse_text(&earned)?,
        });
    }
    Ok(Json(Training {
        courses,
        recommended,
        certifications,
        badges,
    }))
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
