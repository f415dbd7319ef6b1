//! Reading deals: the filtered, sorted, cursor-paginated list, one deal, the pipeline, the
//! registrations a new one would repeat, products.

use api_types::{Deal, DealListParams, DealSummary, Page, PipelineStage, Product, RepeatParams};
use axum::extract::{Path, State};
use axum::Json;

use super::found;
use crate::error::{AppError, AppResult};
use crate::extract::QueryPairs;
use crate::store::Caller;
use crate::AppState;

/// `GET /deals`.
pub async fn list_deals(
    State(state): State<AppState>,
    caller: Caller,
    query: QueryPairs,
) -> AppResult<Json<Page<DealSummary>>> {
    let params = DealListParams::parse(query.iter()).map_err(AppError::BadRequest)?;
    Ok(Json(
        state
            .store
            .run(move |s| s.deal_page(&caller, &params))
            .await?,
    ))
}

/// `GET /deals/repeats`: the caller's open registrations a new one would repeat, so the form
/// can say so before it is sent.
pub async fn repeats(
    State(state): State<AppState>,
    caller: Caller,
    query: QueryPairs,
) -> AppResult<Json<Vec<String>>> {
    let params = RepeatParams::parse(query.iter()).map_err(AppError::BadRequest)?;
    Ok(Json(
        state
            .store
            .run(move |s| s.repeats(&caller, &params))
            .await?,
    ))
}

/// `GET /deals/{reference}`.
pub async fn get_deal(
    State(state): State<AppState>,
    caller: Caller,
    Path(reference): Path<String>,
) -> AppResult<Json<Deal>> {
    let key = reference.clone();
    found(
        state.store.run(move |s| s.deal(&caller, &key)).await?,
        || format!("You have no deal with the reference {reference:?}."),
    )
}

/// `GET /deals/pipeline`: every status, even empty ones, in status order.
pub async fn pipeline(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Json<Vec<PipelineStage>>> {
    Ok(Json(state.store.run(move |s| s.pipeline(&caller)).await?))
}

/// `GET /products`: the products offered for new registrations, as the channel team keeps them.
pub async fn list_products(
    State(state): State<AppState>,
    _caller: Caller,
) -> AppResult<Json<Vec<Product>>> {
    Ok(Json(state.store.run(|s| s.products()).await?))
}
