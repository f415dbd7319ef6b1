//! The onboarding checklist and ticking self-attested items off.

use api_types::{ItemCompletion, Onboarding, OnboardingItem};
use axum::extract::{Path, State};
use axum::Json;

use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::store::onboarding::TickRefusal;
use crate::store::Caller;
use crate::AppState;

/// `GET /onboarding`.
pub async fn get_onboarding(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Json<Onboarding>> {
    Ok(Json(state.store.run(move |s| s.onboarding(&caller)).await?))
}

/// `PUT /onboarding/items/{id}/completion`: only partner-attested, unblocked items.
pub async fn set_completion(
    State(state): State<AppState>,
    caller: Caller,
    Path(item_id): Path<String>,
    ApiJson(body): ApiJson<ItemCompletion>,
) -> AppResult<Json<OnboardingItem>> {
    let id = item_id.clone();
    let done = body.done;
    match state
        .store
        .run(move |s| s.set_item_done(&caller, &id, done))
        .await?
    {
        Ok(item) => Ok(Json(item)),
        Err(TickRefusal::NotFound) => Err(AppError::NotFound(format!(
            "There is no onboarding item {item_id:?}."
        ))),
        Err(TickRefusal::VendorConfirms) => Err(AppError::Conflict {
            title: "The channel team confirms this item".into(),
            detail: "This step is marked done by the channel team when they have checked it."
                .into(),
            reference: None,
        }),
        Err(TickRefusal::CompletesItself) => Err(AppError::Conflict {
            title: "This step completes itself".into(),
            detail: "It is marked done when the portal sees it happen; there is nothing to tick."
                .into(),
            reference: None,
        }),
        Err(TickRefusal::Blocked) => Err(AppError::Conflict {
            title: "This item is blocked".into(),
            detail: "It can be ticked off once what blocks it is resolved.".into(),
            reference: None,
        }),
    }
}
