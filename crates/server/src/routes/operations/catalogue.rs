//! The catalogue's operations: products (`PUT /ops/products/{code}`), courses
//! (`PUT /ops/courses/{id}`) and tiers (`GET /ops/tiers`, `PUT /ops/tiers/{level}`). The rules
//! are the contract's (`api_types::catalogue`); partners see a change on their next read.

use api_types::catalogue::{check_course, check_product, check_tier, is_product_code};
use api_types::{
    CourseDefinition, FieldError, ProductDefinition, ProductUpdate, TierDefinition, TierLevel,
    TierUpdate,
};
use axum::extract::{Path, State};
use axum::Json;

use crate::auth::Operator;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::AppState;

/// Refuses a request with broken rules, naming each field.
fn valid(errors: Vec<FieldError>) -> AppResult<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// `PUT /ops/products/{code}`: creates or changes a product, or retires it (`active: false`).
pub async fn put_product(
    State(state): State<AppState>,
    _operator: Operator,
    Path(code): Path<String>,
    ApiJson(update): ApiJson<ProductUpdate>,
) -> AppResult<Json<ProductDefinition>> {
    if !is_product_code(&code) {
        return Err(AppError::field(
            "code",
            "A product code has 2 to 32 capital letters, digits or hyphens.",
        ));
    }
    valid(check_product(&update))?;
    Ok(Json(
        state
            .store
            .run(move |s| s.put_product(&code, &update))
            .await?,
    ))
}

/// `PUT /ops/courses/{id}`: creates or changes a course of the catalogue.
pub async fn put_course(
    State(state): State<AppState>,
    _operator: Operator,
    Path(id): Path<String>,
    ApiJson(course): ApiJson<CourseDefinition>,
) -> AppResult<Json<CourseDefinition>> {
    let id_ok = (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !id_ok {
        return Err(AppError::field(
            "id",
            "A course id has 1 to 40 letters, digits, - or _.",
        ));
    }
    valid(check_course(&course))?;
    let stored = course.clone();
    state.store.run(move |s| s.put_course(&id, &stored)).await?;
    Ok(Json(course))
}

/// `GET /ops/tiers`: every tier, lowest first, with what it requires and gives.
pub async fn list_tiers(
    State(state): State<AppState>,
    _operator: Operator,
) -> AppResult<Json<Vec<TierDefinition>>> {
    Ok(Json(state.store.run(|s| s.tiers()).await?))
}

/// `PUT /ops/tiers/{level}`: what a tier requires and gives.
pub async fn put_tier(
    State(state): State<AppState>,
    _operator: Operator,
    Path(level): Path<String>,
    ApiJson(tier): ApiJson<TierUpdate>,
) -> AppResult<Json<TierDefinition>> {
    let Some(level) = TierLevel::parse(&level) else {
        return Err(AppError::NotFound(format!(
            "There is no tier called {level:?}; tiers are registered, silver, gold and platinum."
        )));
    };
    valid(check_tier(&tier))?;
    Ok(Json(
        state.store.run(move |s| s.put_tier(level, &tier)).await?,
    ))
}
