//! The channel team's decisions on partners' programme: onboarding items it confirms, and
//! surveys published to an audience and closed.

use std::collections::HashSet;

use api_types::deal_flow::NOTE_CHARS;
use api_types::deal_rules::check_length;
use api_types::{
    FieldError, NewSurvey, OnboardingDecision, OnboardingItem, OnboardingVerdict, QuestionKind,
    Survey, REGIONS,
};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;

use crate::auth::Operator;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::store::onboarding::Decided;
use crate::store::PublishRefused;
use crate::AppState;

/// `PUT /ops/partners/{partnerId}/onboarding/{itemId}`: sending back needs a reason.
pub async fn decide_onboarding_item(
    State(state): State<AppState>,
    _operator: Operator,
    Path((partner, item)): Path<(String, String)>,
    ApiJson(decision): ApiJson<OnboardingDecision>,
) -> AppResult<Json<OnboardingItem>> {
    let reason = decision.reason.as_deref().unwrap_or_default();
    let needs_reason = decision.verdict == OnboardingVerdict::SentBack || !reason.is_empty();
    if needs_reason && check_length(reason, NOTE_CHARS).is_some() {
        return Err(AppError::field(
            "reason",
            "Say what is missing (3 to 2000 characters): the partner reads it.",
        ));
    }
    let (who, what) = (partner.clone(), item.clone());
    match state
        .store
        .run(move |s| s.decide_onboarding_item(&who, &what, &decision, Utc::now()))
        .await?
    {
        Decided::Item(item) => Ok(Json(item)),
        Decided::NotFound => Err(AppError::NotFound(format!(
            "Partner {partner:?} has no onboarding item {item:?}."
        ))),
        Decided::PartnerTicks => Err(AppError::Conflict {
            title: "The partner ticks this one off".into(),
            detail: "This item is self-attested: the partner marks it done, not the channel team."
                .into(),
            reference: None,
        }),
    }
}

/// Everything wrong with a survey to publish, at the fields the contract names.
fn survey_errors(survey: &NewSurvey, today: chrono::NaiveDate) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut add = |field: String, message: &str| errors.push(FieldError::new(&field, message));
    if check_length(&survey.title, (3, 120)).is_some() {
        add(
            "title".into(),
            "Give the survey a title of 3 to 120 characters.",
        );
    }
    if survey.description.chars().count() > 1000 {
        add(
            "description".into(),
            "Describe the survey in at most 1000 characters.",
        );
    }
    if let Some(i) = survey
        .audience
        .regions
        .iter()
        .position(|r| !REGIONS.contains(&r.as_str()))
    {
        add(
            format!("audience.regions[{i}]"),
            "A region is AMER, EMEA or APAC.",
        );
    }
    if survey.due_on < today {
        add(
            "due_on".into(),
            "The last day to answer cannot be in the past.",
        );
    }
    if survey.questions.is_empty() || survey.questions.len() > 20 {
        add("questions".into(), "A survey has 1 to 20 questions.");
    }
    let mut ids = HashSet::new();
    for (i, question) in survey.questions.iter().enumerate() {
        let at = |part: &str| format!("questions[{i}]{part}");
        if question.id.trim().is_empty() || !ids.insert(question.id.as_str()) {
            add(at(".id"), "Each question needs its own id.");
        }
        if check_length(&question.prompt, (3, 500)).is_some() {
            add(at(".prompt"), "Ask the question in 3 to 500 characters.");
        }
        let options = match &question.kind {
            QuestionKind::SingleChoice { options } => Some((options, None)),
            QuestionKind::MultipleChoice {
                options,
                max_selected,
            } => Some((options, Some(*max_selected))),
            QuestionKind::Rating { max } if !(2..=10).contains(max) => {
                add(at(".max"), "A rating goes up to 2 to 10.");
                None
            }
            QuestionKind::Text { max_length } if !(1..=4000).contains(max_length) => {
                add(
                    at(".max_length"),
                    "A text answer allows 1 to 4000 characters.",
                );
                None
            }
            _ => None,
        };
        if let Some((options, most)) = options {
            let distinct: HashSet<&str> = options.iter().map(|o| o.id.as_str()).collect();
            if options.len() < 2 || distinct.len() != options.len() {
                add(
                    at(".options"),
                    "Offer at least two options, each with its own id.",
                );
            }
            if most.is_some_and(|m| m == 0 || m as usize > options.len()) {
                add(
                    at(".max_selected"),
                    "Allow from one option up to all of them.",
                );
            }
        }
    }
    errors
}

/// A question's parts as the contract types them, whatever its kind: the typed question
/// ignores the parts of other kinds (a `max_length` on a rating), so the raw JSON is read.
fn stray_parts(raw: &serde_json::Value) -> Vec<FieldError> {
    let questions = raw["questions"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut errors = Vec::new();
    for (i, question) in questions.iter().enumerate() {
        let at = |part: &str| format!("questions[{i}].{part}");
        for (limit, least, most) in [
            ("max", 2, 10),
            ("max_length", 1, u64::MAX),
            ("max_selected", 1, u64::MAX),
        ] {
            if question
                .get(limit)
                .is_some_and(|v| !v.as_u64().is_some_and(|n| (least..=most).contains(&n)))
            {
                errors.push(FieldError::new(
                    &at(limit),
                    "This limit is a whole number in the contract's range.",
                ));
            }
        }
        let kinds = ["nps", "rating", "single_choice", "multiple_choice", "text"];
        if !question["type"]
            .as_str()
            .is_some_and(|t| kinds.contains(&t))
        {
            errors.push(FieldError::new(
                &at("type"),
                "The kind is nps, rating, single_choice, multiple_choice or text.",
            ));
        }
        for text in ["id", "prompt"] {
            if !question[text].is_string() {
                errors.push(FieldError::new(&at(text), "This is a text."));
            }
        }
        if !question["required"].is_boolean() {
            errors.push(FieldError::new(&at("required"), "This is true or false."));
        }
        let option_ok = |o: &serde_json::Value| o["id"].is_string() && o["label"].is_string();
        if question
            .get("options")
            .is_some_and(|v| !v.as_array().is_some_and(|list| list.iter().all(option_ok)))
        {
            errors.push(FieldError::new(
                &at("options"),
                "Options are a list of ids with labels.",
            ));
        }
    }
    errors
}

/// `PUT /ops/surveys/{id}`.
pub async fn publish_survey(
    State(state): State<AppState>,
    _operator: Operator,
    Path(id): Path<String>,
    ApiJson(raw): ApiJson<serde_json::Value>,
) -> AppResult<Json<Survey>> {
    let stray = stray_parts(&raw);
    if !stray.is_empty() {
        return Err(AppError::Invalid(stray));
    }
    let survey: NewSurvey =
        serde_json::from_value(raw).map_err(|e| AppError::Undecodable(e.to_string()))?;
    let id_ok = !id.is_empty()
        && id.len() <= 40
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        return Err(AppError::BadRequest(
            "A survey id is 1 to 40 lower-case letters, digits and hyphens.".into(),
        ));
    }
    let errors = survey_errors(&survey, Utc::now().date_naive());
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let refused = |detail: &str| AppError::Conflict {
        title: "Publish a new survey instead".into(),
        detail: detail.into(),
        reference: None,
    };
    match state
        .store
        .run(move |s| s.publish_survey(&id, &survey, Utc::now()))
        .await?
    {
        Ok(survey) => Ok(Json(survey)),
        Err(PublishRefused::Answered) => Err(refused(
            "Partners have answered this survey, so its questions can no longer change.",
        )),
        Err(PublishRefused::Closed) => Err(refused("This survey is closed.")),
    }
}

/// `POST /ops/surveys/{id}/close`.
pub async fn close_survey(
    State(state): State<AppState>,
    _operator: Operator,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let key = id.clone();
    if state
        .store
        .run(move |s| s.close_survey(&key, Utc::now()))
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound(format!("There is no survey {id:?}.")))
    }
}
