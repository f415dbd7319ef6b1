//! Surveys: the open ones, one with its questions, and answering it.

use api_types::{FieldError, Question, Survey, SurveyReceipt, SurveyResponse, SurveySummary};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;
use rusqlite::{Connection, OptionalExtension};

use crate::db::parse_text;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, Partner};
use crate::seed::stamp;
use crate::AppState;

/// Checks answers against the questions by the contract's shared rules.
pub fn validate(questions: &[Question], response: &SurveyResponse) -> Vec<FieldError> {
    api_types::check_answers(questions, &response.answers)
}

fn load(conn: &Connection, id: &str) -> ApiResult<Option<Survey>> {
    let row = conn
        .query_row(
            "SELECT id, title, description, due_on, questions_json FROM surveys WHERE id = ?1",
            [id],
            |r| {
                Ok([
                    r.get::<_, String>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                ])
            },
        )
        .optional()?;
    let Some([id, title, description, due, questions]) = row else {
        return Ok(None);
    };
    Ok(Some(Survey {
        id,
        title,
        description,
        due_on: parse_text(&due)?,
        questions: serde_json::from_str(&questions)?,
    }))
}

/// `GET /surveys`: unanswered surveys, soonest due first.
pub async fn list_surveys(
    State(state): State<AppState>,
    partner: Partner,
) -> ApiResult<Json<Vec<SurveySummary>>> {
    let conn = state.db.conn()?;
    let mut statement = conn.prepare(
        "SELECT id FROM surveys WHERE id NOT IN (SELECT survey_id FROM survey_responses WHERE user_id = ?1) ORDER BY due_on, id",
    )?;
    let ids = statement
        .query_map([&partner.user_id], |r| r.get::<_, String>(0))?
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
    Ok(Json(open))
}

/// `GET /surveys/{id}`.
pub async fn get_survey(
    State(state): State<AppState>,
    _partner: Partner,
    Path(id): Path<String>,
) -> ApiResult<Json<Survey>> {
    let conn = state.db.conn()?;
    load(&conn, &id)?
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("There is no survey {id:?}.")))
}

/// `POST /surveys/{id}/responses`.
pub async fn submit_response(
    State(state): State<AppState>,
    partner: Partner,
    Path(id): Path<String>,
    ApiJson(response): ApiJson<SurveyResponse>,
) -> ApiResult<(StatusCode, Json<SurveyReceipt>)> {
    let conn = state.db.conn()?;
    let survey = load(&conn, &id)?
        .ok_or_else(|| ApiError::NotFound(format!("There is no survey {id:?}.")))?;
    let answered: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM survey_responses WHERE survey_id = ?1 AND user_id = ?2)",
        [&id, &partner.user_id],
        |r| r.get(0),
    )?;
    if answered {
        return Err(ApiError::Conflict {
            title: "Already answered".into(),
            detail: "You have already answered this survey. Thank you!".into(),
            reference: None,
        });
    }
    let errors = validate(&survey.questions, &response);
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    let now = Utc::now();
    conn.execute(
        "INSERT INTO survey_responses (survey_id, user_id, answers_json, submitted_at) VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![id, partner.user_id, serde_json::to_string(&response.answers)?, stamp(now)],
    )?;
    Ok((
        StatusCode::CREATED,
        Json(SurveyReceipt {
            survey_id: id,
            submitted_at: parse_text(&stamp(now))?,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::{ChoiceOption, QuestionKind};

    fn questions() -> Vec<Question> {
        let options = vec![
            ChoiceOption {
                id: "a".into(),
                label: "A".into(),
            },
            ChoiceOption {
                id: "b".into(),
                label: "B".into(),
            },
        ];
        vec![
            Question {
                id: "nps".into(),
                prompt: "?".into(),
                required: true,
                kind: QuestionKind::Nps,
            },
            Question {
                id: "rate".into(),
                prompt: "?".into(),
                required: true,
                kind: QuestionKind::Rating { max: 5 },
            },
            Question {
                id: "one".into(),
                prompt: "?".into(),
                required: false,
                kind: QuestionKind::SingleChoice {
                    options: options.clone(),
                },
            },
            Question {
                id: "many".into(),
                prompt: "?".into(),
                required: false,
                kind: QuestionKind::MultipleChoice {
                    options,
                    max_selected: 1,
                },
            },
            Question {
                id: "text".into(),
                prompt: "?".into(),
                required: false,
                kind: QuestionKind::Text { max_length: 5 },
            },
        ]
    }

    fn check(json: &str) -> Vec<String> {
        let response: SurveyResponse = serde_json::from_str(json).unwrap();
        validate(&questions(), &response)
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn valid_answers_pass_and_optional_ones_may_be_left_out() {
        assert!(check(r#"{"answers": {"nps": 0, "rate": 5}}"#).is_empty());
        assert!(check(
            r#"{"answers": {"nps": 10, "rate": 1, "one": "b", "many": ["a"], "text": "short"}}"#
        )
        .is_empty());
    }

    #[test]
    fn each_wrong_answer_is_reported_at_its_question() {
        assert_eq!(check(r#"{"answers": {}}"#), ["nps", "rate"]);
        assert_eq!(
            check(
                r#"{"answers": {"nps": 11, "rate": 0, "one": "z", "many": ["a", "b"], "text": "too long"}}"#
            ),
            ["nps", "rate", "one", "many", "text"]
        );
        assert_eq!(
            check(r#"{"answers": {"nps": "9", "rate": 3, "ghost": 1}}"#),
            ["ghost", "nps"]
        );
    }
}
