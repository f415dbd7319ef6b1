//! Surveys: those open for the partner, one survey, and answering it once.

use api_types::{FieldError, Question, Survey, SurveyReceipt, SurveyResponse, SurveySummary};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;

use super::found;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::store::leaderboards::points;
use crate::store::{stamp, Caller};
use crate::AppState;

/// The contract's rules for the answers, shared with the app.
pub fn validate(questions: &[Question], response: &SurveyResponse) -> Vec<FieldError> {
    api_types::check_answers(questions, &response.answers)
}

fn no_survey(id: &str) -> String {
    format!("There is no survey {id:?}.")
}

/// `GET /surveys`: the surveys the caller has not answered yet.
pub async fn list_surveys(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Json<Vec<SurveySummary>>> {
    Ok(Json(
        state.store.run(move |s| s.open_surveys(&caller)).await?,
    ))
}

/// `GET /surveys/{id}`.
pub async fn get_survey(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<Survey>> {
    let key = id.clone();
    found(
        state.store.run(move |s| s.survey(&caller, &key)).await?,
        || no_survey(&id),
    )
}

/// `POST /surveys/{id}/responses`: once per user, answers checked against the questions.
pub async fn submit_response(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(response): ApiJson<SurveyResponse>,
) -> AppResult<(StatusCode, Json<SurveyReceipt>)> {
    let (key, who) = (id.clone(), caller.clone());
    let (survey, answered) = state
        .store
        .run(move |s| Ok((s.survey(&who, &key)?, s.has_answered(&who, &key)?)))
        .await?;
    let Json(survey) = found(survey, || no_survey(&id))?;
    if answered {
        return Err(AppError::Conflict {
            title: "Already answered".into(),
            detail: "You have already answered this survey. Thank you!".into(),
            reference: None,
        });
    }
    let errors = validate(&survey.questions, &response);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let now = Utc::now();
    let key = id.clone();
    state
        .store
        .run(move |s| s.add_response(&caller, &key, &response, now))
        .await?;
    let submitted_at = stamp(now)
        .parse()
        .map_err(|_| AppError::Internal("bad stamp".into()))?;
    Ok((
        StatusCode::CREATED,
        Json(SurveyReceipt {
            survey_id: id,
            submitted_at,
            points_earned: points::SURVEY as u32,
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
