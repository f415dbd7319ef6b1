//! `GET /me`: the signed-in user, their company, tier progress and engagement.

use api_types::{Company, Engagement, Me, PartnerUser, TierProgress};
use axum::extract::State;
use axum::Json;

use crate::db::parse_text;
use crate::error::ApiResult;
use crate::extract::Partner;
use crate::AppState;

/// Who is signed in and where their company stands.
pub async fn get_me(State(state): State<AppState>, partner: Partner) -> ApiResult<Json<Me>> {
    let conn = state.db.conn()?;
    let (user, role) = conn.query_row(
        "SELECT id, name, email, role FROM users WHERE id = ?1",
        [&partner.user_id],
        |r| {
            Ok((
                (
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ),
                r.get::<_, String>(3)?,
            ))
        },
    )?;
    let row = conn.query_row(
        "SELECT id, name, partner_type, country, region, currency, tier, joined_on, next_tier_json, engagement_json FROM companies WHERE id = ?1",
        [&partner.company_id],
        |r| {
            Ok((
                [r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?],
                r.get::<_, Option<String>>(8)?,
                r.get::<_, String>(9)?,
            ))
        },
    )?;
    let ([id, name, kind, country, region, currency, tier, joined], next_tier, engagement) = row;
    Ok(Json(Me {
        user: PartnerUser {
            id: user.0,
            name: user.1,
            email: user.2,
            role: parse_text(&role)?,
        },
        company: Company {
            id,
            name,
            partner_type: parse_text(&kind)?,
            country,
            region,
            currency,
            tier: parse_text(&tier)?,
            joined_on: parse_text(&joined)?,
        },
        next_tier: next_tier
            .map(|j| serde_json::from_str::<TierProgress>(&j))
            .transpose()?,
        engagement: serde_json::from_str::<Engagement>(&engagement)?,
    }))
}
