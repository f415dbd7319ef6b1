//! The deal conversation over HTTP, for both sides: the partner's `POST /deals/{reference}/steps`
//! and the channel team's `POST /ops/deals/{reference}/steps` share one reading of the request
//! and one set of answers.

use api_types::deal_flow::{Side, StepRefused};
use api_types::deal_rules::Rule;
use api_types::{Deal, DealStepRequest, OperationsDeal};
use axum::extract::{Path, State};
use axum::Json;
use chrono::Utc;

use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::store::conversation::{Actor, StepOutcome};
use crate::store::Caller;
use crate::AppState;

/// Reads `request`, takes the step for `actor`, and answers the deal or why not.
pub(super) async fn take(
    state: &AppState,
    actor: Actor,
    reference: String,
    request: DealStepRequest,
) -> AppResult<OperationsDeal> {
    let step = request.read().map_err(|broken| {
        AppError::field(
            broken.field,
            match (broken.field, broken.rule) {
                ("protection_ends_on", _) => "Choose the last day of protection.",
                (_, Rule::Missing) => "Write a few words: this step needs them.",
                _ => "Write 3 to 2000 characters.",
            },
        )
    })?;
    let side = actor.side;
    let key = reference.clone();
    let outcome = state
        .store
        .run(move |s| s.take_deal_step(&actor, &key, &step, Utc::now()))
        .await?;
    let not_now = |detail: String| AppError::Conflict {
        title: "Not possible now".into(),
        detail,
        reference: None,
    };
    match outcome {
        StepOutcome::Taken(deal) => Ok(*deal),
        StepOutcome::NotFound => Err(AppError::NotFound(format!(
            "There is no deal with the reference {reference:?}{}.",
            if side == Side::Partner { " among yours" } else { "" }
        ))),
        StepOutcome::Refused(StepRefused::NotYourStep) => Err(AppError::field(
            "step",
            match side {
                Side::Partner => "The channel team takes this step, not the partner.",
                Side::ChannelTeam => "The partner takes this step, not the channel team.",
            },
        )),
        StepOutcome::Refused(StepRefused::NotFrom(status)) => Err(not_now(format!(
            "Deal {reference} is {}; that step is not possible from there.",
            status.as_str().replace('_', " ")
        ))),
        StepOutcome::Refused(StepRefused::Extension { pending: true }) => Err(not_now(
            "An extension request for this deal is already waiting for a decision.".into(),
        )),
        StepOutcome::Refused(StepRefused::Extension { pending: false }) => Err(not_now(
            "No extension request for this deal is waiting for a decision.".into(),
        )),
        StepOutcome::Refused(StepRefused::ProtectionOver) => Err(not_now(
            "Protection has already ended, so it cannot be extended; register the deal again if it is still open."
                .into(),
        )),
        StepOutcome::Refused(StepRefused::DateNotAhead) => Err(AppError::field(
            "protection_ends_on",
            "Choose a day after today and after the current end of protection.",
        )),
    }
}

/// `POST /deals/{reference}/steps`: the partner answers, asks for an extension or withdraws.
pub async fn partner_step(
    State(state): State<AppState>,
    caller: Caller,
    Path(reference): Path<String>,
    ApiJson(request): ApiJson<DealStepRequest>,
) -> AppResult<Json<Deal>> {
    let actor = Actor {
        side: Side::Partner,
        name: caller.name,
        company_id: Some(caller.company_id),
    };
    Ok(Json(take(&state, actor, reference, request).await?.deal))
}
