//! Surveys: those open for the caller (not closed, not past due, and meant for their kind of
//! partner, tier and region), one survey, storing a response once, and the channel team
//! publishing and closing them.

use api_types::{
    NewSurvey, PartnerType, Survey, SurveyAudience, SurveyResponse, SurveySummary, TierLevel,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::leaderboards::{add_points, points};
use super::onboarding::{observe, Observed};
use super::{parse_text, stamp, to_text, Caller, Store};
use crate::error::{AppError, AppResult};

/// Whether `audience` includes the caller's company.
fn meant_for(conn: &Connection, caller: &Caller, audience: &SurveyAudience) -> AppResult<bool> {
    let (partner_type, tier, region): (String, String, String) = conn.query_row(
        "SELECT partner_type, tier, region FROM companies WHERE id = ?1",
        [&caller.company_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let partner_type: PartnerType = parse_text(&partner_type)?;
    let tier: TierLevel = parse_text(&tier)?;
    Ok(
        (audience.partner_types.is_empty() || audience.partner_types.contains(&partner_type))
            && (audience.tiers.is_empty() || audience.tiers.contains(&tier))
            && (audience.regions.is_empty() || audience.regions.contains(&region)),
    )
}

/// The survey `id` if it is open and meant for the caller.
fn open_for(
    conn: &Connection,
    caller: &Caller,
    id: &str,
    today: &str,
) -> AppResult<Option<Survey>> {
    let audience: Option<String> = conn
        .query_row(
            "SELECT audience_json FROM surveys WHERE id = ?1 AND closed_at IS NULL AND due_on >= ?2",
            [id, today],
            |r| r.get(0),
        )
        .optional()?;
    match audience {
        Some(audience) if meant_for(conn, caller, &serde_json::from_str(&audience)?)? => {
            load(conn, id)
        }
        _ => Ok(None),
    }
}

/// Why a survey cannot be published again.
pub enum PublishRefused {
    /// Someone answered it already.
    Answered,
    /// It was closed.
    Closed,
}

fn load(conn: &Connection, id: &str) -> AppResult<Option<Survey>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, title, description, due_on, questions_json FROM surveys WHERE id = ?1",
    )?;
    let mut rows = statement.query([id])?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    let text = |column: &str| row.get::<_, String>(column);
    Ok(Some(Survey {
        id: text("id")?,
        title: text("title")?,
        description: text("description")?,
        due_on: parse_text(&text("due_on")?)?,
        questions: serde_json::from_str(&text("questions_json")?)?,
    }))
}

impl Store {
    /// Surveys open for the caller that they have not answered yet, soonest due first.
    pub fn open_surveys(&self, caller: &Caller) -> AppResult<Vec<SurveySummary>> {
        let conn = self.reader()?;
        let today = Utc::now().date_naive().to_string();
        let mut statement = conn.prepare(
            "SELECT id FROM surveys WHERE id NOT IN (SELECT survey_id FROM survey_responses WHERE user_id = ?1)
             ORDER BY due_on, id",
        )?;
        let ids = statement
            .query_map([&caller.user_id], |r| r.get::<_, String>("id"))?
            .collect::<Result<Vec<_>, _>>()?;
        let mut open = Vec::new();
        for id in ids {
            if let Some(s) = open_for(&conn, caller, &id, &today)? {
                open.push(SurveySummary {
                    question_count: s.questions.len() as u32,
                    id: s.id,
                    title: s.title,
                    description: s.description,
                    due_on: s.due_on,
                });
            }
        }
        Ok(open)
    }

    /// One survey with its questions, if it is open and meant for the caller.
    pub fn survey(&self, caller: &Caller, id: &str) -> AppResult<Option<Survey>> {
        let today = Utc::now().date_naive().to_string();
        open_for(&*self.reader()?, caller, id, &today)
    }

    /// Publishes `survey` as `id` (or corrects it while nobody has answered), telling every
    /// partner company in its audience the first time.
    pub fn publish_survey(
        &self,
        id: &str,
        survey: &NewSurvey,
        now: DateTime<Utc>,
    ) -> AppResult<Result<Survey, PublishRefused>> {
        self.write(|tx| {
            let existing: Option<Option<String>> = tx
                .query_row("SELECT closed_at FROM surveys WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            if let Some(Some(_)) = existing {
                return Ok(Err(PublishRefused::Closed));
            }
            let answered: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM survey_responses WHERE survey_id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if answered {
                return Ok(Err(PublishRefused::Answered));
            }
            let audience = &survey.audience;
            tx.execute(
                "INSERT INTO surveys (id, title, description, due_on, questions_json, audience_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET title = ?2, description = ?3, due_on = ?4, questions_json = ?5, audience_json = ?6",
                params![
                    id,
                    survey.title.trim(),
                    survey.description.trim(),
                    survey.due_on.to_string(),
                    serde_json::to_string(&survey.questions)?,
                    serde_json::to_string(audience)?
                ],
            )?;
            if existing.is_none() {
                let names = |values: Vec<String>| serde_json::to_string(&values);
                tx.execute(
                    "INSERT INTO notifications (company_id, user_id, kind, subject_kind, subject_id, subject_title, created_at)
                     SELECT id, NULL, 'survey_published', 'survey', ?1, ?2, ?3 FROM companies
                     WHERE (?4 = '[]' OR partner_type IN (SELECT value FROM json_each(?4)))
                       AND (?5 = '[]' OR tier IN (SELECT value FROM json_each(?5)))
                       AND (?6 = '[]' OR region IN (SELECT value FROM json_each(?6)))",
                    params![
                        id,
                        survey.title.trim(),
                        stamp(now),
                        names(audience.partner_types.iter().map(to_text).collect())?,
                        names(audience.tiers.iter().map(to_text).collect())?,
                        names(audience.regions.clone())?
                    ],
                )?;
            }
            load(tx, id)?
                .map(Ok)
                .ok_or_else(|| AppError::Internal("published survey vanished".into()))
        })
    }

    /// Closes a survey; `false` when there is none.
    pub fn close_survey(&self, id: &str, now: DateTime<Utc>) -> AppResult<bool> {
        Ok(self.conn()?.execute(
            "UPDATE surveys SET closed_at = COALESCE(closed_at, ?2) WHERE id = ?1",
            params![id, stamp(now)],
        )? > 0)
    }

    /// Whether the caller has answered the survey already.
    pub fn has_answered(&self, caller: &Caller, survey_id: &str) -> AppResult<bool> {
        Ok(self
            .reader()?
            .query_row(
                "SELECT 1 FROM survey_responses WHERE survey_id = ?1 AND user_id = ?2",
                [survey_id, &caller.user_id],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Stores a checked response.
    pub fn add_response(
        &self,
        caller: &Caller,
        survey_id: &str,
        response: &SurveyResponse,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO survey_responses (survey_id, user_id, answers_json, submitted_at) VALUES (?1, ?2, ?3, ?4)",
                params![survey_id, caller.user_id, serde_json::to_string(&response.answers)?, stamp(now)],
            )?;
            observe(tx, &caller.company_id, Observed::SurveyAnswered(survey_id), now)?;
            add_points(tx, &caller.company_id, "engagement", points::SURVEY)
        })
    }
}
