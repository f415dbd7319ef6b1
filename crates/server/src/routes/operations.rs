//! The vendor's operations API (`/ops/…`): the channel team's side of the deal conversation,
//! decisions on feedback, onboarding and surveys (`programme`), and what the LMS reports. Only an
//! [`Operator`] gets in.

use api_types::deal_flow::Side;
use api_types::deal_rules::check_length;
use api_types::{
    CertificationGrant, CourseProgressReport, DealStepRequest, FeedbackDecision, FeedbackItem,
    FeedbackStatus, FieldError, OperationsDeal, ProgramPolicies, REPLY_CHARS,
};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;

use super::conversation::take;
use super::found;
use crate::auth::Operator;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::store::conversation::Actor;
use crate::store::learning_reports::Reported;
use crate::AppState;

mod catalogue;
mod funds;
mod money;
mod partners;
mod programme;

pub use catalogue::{list_tiers, put_course, put_product, put_tier};
pub use funds::{
    allocate_fund, decide_claim as decide_fund_claim, decide_request as decide_fund_request,
    partner_funds, proof as fund_proof,
};
pub use money::{decide_earning, partner_earnings, payout_arrived, send_payout};
pub use partners::{import, put_partner, put_person};
pub use programme::{close_survey, decide_onboarding_item, publish_survey};

/// `GET /ops/deals/{reference}`.
pub async fn get_deal(
    State(state): State<AppState>,
    _operator: Operator,
    Path(reference): Path<String>,
) -> AppResult<Json<OperationsDeal>> {
    let key = reference.clone();
    found(
        state.store.run(move |s| s.operations_deal(&key)).await?,
        || format!("There is no deal with the reference {reference:?}."),
    )
}

/// `POST /ops/deals/{reference}/steps`.
pub async fn deal_step(
    State(state): State<AppState>,
    operator: Operator,
    Path(reference): Path<String>,
    ApiJson(request): ApiJson<DealStepRequest>,
) -> AppResult<Json<OperationsDeal>> {
    let actor = Actor {
        side: Side::ChannelTeam,
        name: operator.actor,
        company_id: None,
    };
    Ok(Json(take(&state, actor, reference, request).await?))
}

/// `PUT /ops/feedback/{id}`: a reply of 3–4000 characters, required to decline.
pub async fn decide_feedback(
    State(state): State<AppState>,
    operator: Operator,
    Path(id): Path<String>,
    ApiJson(decision): ApiJson<FeedbackDecision>,
) -> AppResult<Json<FeedbackItem>> {
    match decision.reply.as_deref() {
        None if decision.status == FeedbackStatus::Declined => {
            return Err(AppError::field(
                "reply",
                "Say why when declining: the partner reads it.",
            ))
        }
        Some(reply) if check_length(reply, REPLY_CHARS).is_some() => {
            return Err(AppError::field("reply", "Write 3 to 4000 characters."))
        }
        _ => {}
    }
    let key = id.clone();
    found(
        state
            .store
            .run(move |s| s.decide_feedback(&key, &decision, &operator.actor, Utc::now()))
            .await?,
        || format!("There is no feedback {id:?}."),
    )
}

fn reported(outcome: Reported, what: &str) -> AppResult<StatusCode> {
    match outcome {
        Reported::Done => Ok(StatusCode::NO_CONTENT),
        Reported::NotFound => Err(AppError::NotFound(format!(
            "There is no active user with that {what}."
        ))),
        Reported::TooMany(total) => Err(AppError::field(
            "modules_done",
            format!("The course has {total} modules."),
        )),
    }
}

/// `PUT /ops/users/{userId}/courses/{courseId}`.
pub async fn course_progress(
    State(state): State<AppState>,
    _operator: Operator,
    Path((user_id, course_id)): Path<(String, String)>,
    ApiJson(report): ApiJson<CourseProgressReport>,
) -> AppResult<StatusCode> {
    let outcome = state
        .store
        .run(move |s| {
            s.report_course_progress(&user_id, &course_id, report.modules_done, Utc::now())
        })
        .await?;
    reported(outcome, "course")
}

/// `PUT /ops/users/{userId}/certifications/{certificationId}`.
pub async fn grant_certification(
    State(state): State<AppState>,
    _operator: Operator,
    Path((user_id, certification_id)): Path<(String, String)>,
    ApiJson(grant): ApiJson<CertificationGrant>,
) -> AppResult<StatusCode> {
    if grant.expires_on <= grant.earned_on {
        return Err(AppError::field(
            "expires_on",
            "A certification lapses after the day it was earned.",
        ));
    }
    let outcome = state
        .store
        .run(move |s| s.grant_certification(&user_id, &certification_id, &grant, Utc::now()))
        .await?;
    reported(outcome, "certification")
}

/// `DELETE /ops/users/{userId}/certifications/{certificationId}`.
pub async fn revoke_certification(
    State(state): State<AppState>,
    _operator: Operator,
    Path((user_id, certification_id)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    let outcome = state
        .store
        .run(move |s| s.revoke_certification(&user_id, &certification_id, Utc::now()))
        .await?;
    reported(outcome, "earned certification")
}

/// `PUT /ops/program`: review time 1–30 business days, protection 1–365 days.
pub async fn put_program(
    State(state): State<AppState>,
    _operator: Operator,
    ApiJson(policies): ApiJson<ProgramPolicies>,
) -> AppResult<Json<ProgramPolicies>> {
    let mut errors = Vec::new();
    if !(1..=30).contains(&policies.review_business_days) {
        errors.push(FieldError::new(
            "review_business_days",
            "Promise a decision within 1 to 30 business days.",
        ));
    }
    if !(1..=365).contains(&policies.protection_days) {
        errors.push(FieldError::new(
            "protection_days",
            "Protection lasts 1 to 365 days.",
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let stored = policies.clone();
    state.store.run(move |s| s.set_policies(&stored)).await?;
    Ok(Json(policies))
}
