//! Surveys: those still open for the caller, one survey, and storing a response once.

use api_types::{Survey, SurveyResponse, SurveySummary};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::leaderboards::{add_points, points};
use super::{parse_text, stamp, Caller, Store};
use crate::error::AppResult;

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
    /// Surveys the caller has not answered yet, soonest due first.
    pub fn open_surveys(&self, caller: &Caller) -> AppResult<Vec<SurveySummary>> {
        let conn = self.reader()?;
        let mut statement = conn.prepare(
            "SELECT id FROM surveys WHERE id NOT IN (SELECT survey_id FROM survey_responses WHERE user_id = ?1)
             ORDER BY due_on, id",
        )?;
        let ids = statement
            .query_map([&caller.user_id], |r| r.get::<_, String>("id"))?
            .collect::<Result<Vec<_>, _>>()?;
        let mut open = Vec::new();
        for id in ids {
            if let Some(s) = load(&conn, &id)? {
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

    /// One survey with its questions.
    pub fn survey(&self, id: &str) -> AppResult<Option<Survey>> {
        load(&*self.reader()?, id)
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
            add_points(tx, &caller.company_id, "engagement", points::SURVEY)
        })
    }
}
