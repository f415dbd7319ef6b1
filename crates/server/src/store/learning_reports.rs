//! What the vendor's LMS reports: course progress and completions, certifications granted or
//! revoked; each tells the person concerned in their notification feed.

use api_types::{CertificationGrant, NotificationKind, Subject, SubjectKind};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use super::leaderboards::{add_points, points};
use super::notifications::{notify, NewNotification};
use super::onboarding::{observe, Observed};
use super::Store;
use crate::error::AppResult;

/// What a report came to.
#[derive(Debug, PartialEq, Eq)]
pub enum Reported {
    /// Recorded.
    Done,
    /// No such (active) user, course or certification.
    NotFound,
    /// More modules than the course has.
    TooMany(u32),
}

/// The company of an active user.
fn company_of(tx: &Transaction, user_id: &str) -> AppResult<Option<String>> {
    Ok(tx
        .query_row(
            "SELECT company_id FROM users WHERE id = ?1 AND removed_at IS NULL",
            [user_id],
            |r| r.get(0),
        )
        .optional()?)
}

fn tell(
    tx: &Transaction,
    company_id: &str,
    user_id: &str,
    kind: NotificationKind,
    subject: Subject,
    at: DateTime<Utc>,
) -> AppResult<()> {
    notify(
        tx,
        &NewNotification {
            company_id,
            user_id: Some(user_id),
            kind,
            subject,
            note: None,
            at,
        },
    )
}

fn certification(id: &str, name: String) -> Subject {
    Subject {
        kind: SubjectKind::Certification,
        id: id.to_owned(),
        title: name,
    }
}

impl Store {
    /// Records `modules_done` of a course for a user; finishing the last module completes it.
    pub fn report_course_progress(
        &self,
        user_id: &str,
        course_id: &str,
        modules_done: u32,
        now: DateTime<Utc>,
    ) -> AppResult<Reported> {
        self.write(|tx| {
            let Some(company_id) = company_of(tx, user_id)? else {
                return Ok(Reported::NotFound);
            };
            let course: Option<(String, u32)> = tx
                .query_row(
                    "SELECT title, modules_total FROM courses WHERE id = ?1",
                    [course_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((title, total)) = course else {
                return Ok(Reported::NotFound);
            };
            if modules_done > total {
                return Ok(Reported::TooMany(total));
            }
            let before: u32 = tx
                .query_row(
                    "SELECT modules_done FROM course_progress WHERE user_id = ?1 AND course_id = ?2",
                    [user_id, course_id],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or(0);
            tx.execute(
                "INSERT INTO course_progress (user_id, course_id, modules_done) VALUES (?1, ?2, ?3)
                 ON CONFLICT (user_id, course_id) DO UPDATE SET modules_done = excluded.modules_done",
                params![user_id, course_id, modules_done],
            )?;
            if before < total && modules_done == total {
                let subject = Subject {
                    kind: SubjectKind::Course,
                    id: course_id.to_owned(),
                    title,
                };
                tell(tx, &company_id, user_id, NotificationKind::CourseCompleted, subject, now)?;
                add_points(tx, &company_id, "engagement", points::COURSE_COMPLETED)?;
                observe(tx, &company_id, Observed::CourseCompleted(course_id), now)?;
            }
            Ok(Reported::Done)
        })
    }

    /// Grants (or renews) a certification of the program's catalogue to a user.
    pub fn grant_certification(
        &self,
        user_id: &str,
        certification_id: &str,
        grant: &CertificationGrant,
        now: DateTime<Utc>,
    ) -> AppResult<Reported> {
        self.write(|tx| {
            let Some(company_id) = company_of(tx, user_id)? else {
                return Ok(Reported::NotFound);
            };
            // The catalogue entry is any holder's row; a user without one gets a copy.
            let name: Option<String> = tx
                .query_row(
                    "SELECT name FROM certifications WHERE id = ?1 LIMIT 1",
                    [certification_id],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(name) = name else {
                return Ok(Reported::NotFound);
            };
            let held_before: bool = tx
                .query_row(
                    "SELECT earned_on IS NOT NULL FROM certifications WHERE id = ?1 AND user_id = ?2",
                    [certification_id, user_id],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or(false);
            tx.execute(
                "INSERT OR IGNORE INTO certifications
                   (id, user_id, name, level, requirements_json, recertification, position)
                 SELECT id, ?2, name, level, requirements_json, recertification, position
                 FROM certifications WHERE id = ?1 LIMIT 1",
                [certification_id, user_id],
            )?;
            tx.execute(
                "UPDATE certifications SET earned_on = ?3, expires_on = ?4 WHERE id = ?1 AND user_id = ?2",
                params![
                    certification_id,
                    user_id,
                    grant.earned_on.to_string(),
                    grant.expires_on.to_string()
                ],
            )?;
            let subject = certification(certification_id, name);
            tell(tx, &company_id, user_id, NotificationKind::CertificationGranted, subject, now)?;
            if !held_before {
                add_points(tx, &company_id, "certifications", 1)?;
                add_points(tx, &company_id, "engagement", points::CERTIFICATION)?;
                observe(tx, &company_id, Observed::CertificationEarned, now)?;
                super::earnings::certification_earned(tx, user_id, certification_id, now)?;
            }
            Ok(Reported::Done)
        })
    }

    /// Revokes a user's certification (it shows as not earned).
    pub fn revoke_certification(
        &self,
        user_id: &str,
        certification_id: &str,
        now: DateTime<Utc>,
    ) -> AppResult<Reported> {
        self.write(|tx| {
            let Some(company_id) = company_of(tx, user_id)? else {
                return Ok(Reported::NotFound);
            };
            let name: Option<String> = tx
                .query_row(
                    "UPDATE certifications SET earned_on = NULL, expires_on = NULL
                     WHERE id = ?1 AND user_id = ?2 AND earned_on IS NOT NULL RETURNING name",
                    [certification_id, user_id],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(name) = name else {
                return Ok(Reported::NotFound);
            };
            let subject = certification(certification_id, name);
            tell(
                tx,
                &company_id,
                user_id,
                NotificationKind::CertificationRevoked,
                subject,
                now,
            )?;
            Ok(Reported::Done)
        })
    }
}
