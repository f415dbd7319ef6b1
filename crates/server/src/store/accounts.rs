//! Users and their companies: the [`Caller`] every query is scoped to, and `GET /me` with the
//! tier progress and engagement worked out from what happened (`program`).

use api_types::{Company, Me, PartnerUser, UserRole};

use super::{parse_text, program, Store};
use crate::error::AppResult;

/// The signed-in partner user every query is scoped to.
#[derive(Clone, Debug)]
pub struct Caller {
    /// User id.
    pub user_id: String,
    /// Their company's id.
    pub company_id: String,
    /// Display name, used as the actor in deal timelines.
    pub name: String,
    /// Work e-mail.
    pub email: String,
    /// What they may do for their company.
    pub role: UserRole,
    /// Their company's name.
    pub company_name: String,
    /// Their company's country (ISO code), where most of its customers are.
    pub company_country: String,
    /// Their company's currency, what most of its deals are in.
    pub company_currency: String,
}

impl Store {
    /// The caller's profile, company, tier progress and engagement.
    pub fn me(&self, caller: &Caller) -> AppResult<Me> {
        let conn = self.reader()?;
        let user = conn.query_row(
            "SELECT id, name, email, role FROM users WHERE id = ?1",
            [&caller.user_id],
            |r| {
                Ok((
                    r.get::<_, String>("id")?,
                    r.get::<_, String>("name")?,
                    r.get::<_, String>("email")?,
                    r.get::<_, String>("role")?,
                ))
            },
        )?;
        let (id, name, email, role) = user;
        let mut statement = conn.prepare(
            "SELECT id, name, partner_type, country, region, currency, tier, joined_on
             FROM companies WHERE id = ?1",
        )?;
        let mut rows = statement.query([&caller.company_id])?;
        let row = rows.next()?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
        let text = |column: &str| row.get::<_, String>(column);
        let (tier, currency) = (parse_text(&text("tier")?)?, text("currency")?);
        let now = chrono::Utc::now();
        Ok(Me {
            user: PartnerUser {
                id,
                name,
                email,
                role: parse_text(&role)?,
            },
            company: Company {
                id: text("id")?,
                name: text("name")?,
                partner_type: parse_text(&text("partner_type")?)?,
                country: text("country")?,
                region: text("region")?,
                currency: currency.clone(),
                tier,
                joined_on: parse_text(&text("joined_on")?)?,
            },
            tier_benefits: program::benefits_of(&conn, tier)?,
            rebate_basis_points: program::rebate_of(&conn, tier)?,
            next_tier: program::tier_progress(&conn, &caller.company_id, &currency, tier, now)?,
            engagement: program::engagement(&conn, &caller.company_id, now)?,
        })
    }
}
