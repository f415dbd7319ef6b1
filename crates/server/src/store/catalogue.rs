//! The program's catalogue as the channel team keeps it: products (offered or retired),
//! courses, and tiers with what each requires and gives. Partners read it through
//! `GET /products`, `GET /training` and their tier progress.

use api_types::{
    CourseDefinition, Product, ProductDefinition, ProductUpdate, TierDefinition, TierLevel,
    TierUpdate,
};
use rusqlite::{params, OptionalExtension};

use super::{parse_text, Store};
use crate::error::AppResult;

impl Store {
    /// Products offered for new registrations, in the catalogue's order.
    pub fn products(&self) -> AppResult<Vec<Product>> {
        let conn = self.reader()?;
        let mut statement =
            conn.prepare("SELECT code, name FROM products WHERE active = 1 ORDER BY position")?;
        let rows = statement.query_map([], |r| {
            Ok(Product {
                code: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Creates or changes a product; a new one goes last.
    pub fn put_product(&self, code: &str, update: &ProductUpdate) -> AppResult<ProductDefinition> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO products (code, name, active, position)
                 VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(position) + 1, 0) FROM products))
                 ON CONFLICT (code) DO UPDATE SET name = excluded.name, active = excluded.active",
                params![code, update.name.trim(), update.active],
            )?;
            Ok(ProductDefinition {
                code: code.to_owned(),
                name: update.name.trim().to_owned(),
                active: update.active,
            })
        })
    }

    /// Creates or changes a course; a new one goes last. Progress beyond a shortened course is
    /// cut to its new length, so nobody has done more modules than it has.
    pub fn put_course(&self, id: &str, course: &CourseDefinition) -> AppResult<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO courses (id, title, kind, level, modules_total, minutes_per_module, url, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT COALESCE(MAX(position) + 1, 0) FROM courses))
                 ON CONFLICT (id) DO UPDATE SET title = excluded.title, kind = excluded.kind,
                   level = excluded.level, modules_total = excluded.modules_total,
                   minutes_per_module = excluded.minutes_per_module, url = excluded.url",
                params![
                    id,
                    course.title.trim(),
                    course.kind.as_str(),
                    course.level.as_str(),
                    course.modules_total,
                    course.minutes_per_module,
                    course.url
                ],
            )?;
            tx.execute(
                "UPDATE course_progress SET modules_done = ?2 WHERE course_id = ?1 AND modules_done > ?2",
                params![id, course.modules_total],
            )?;
            Ok(())
        })
    }

    /// Every tier, lowest first.
    pub fn tiers(&self) -> AppResult<Vec<TierDefinition>> {
        let conn = self.reader()?;
        let mut statement = conn.prepare(
            "SELECT level, requirements_json, benefits_json, rebate_bp FROM tiers ORDER BY position",
        )?;
        let rows = statement.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, u32>(3)?,
            ))
        })?;
        let mut tiers = Vec::new();
        for row in rows {
            let (level, requirements, benefits, rebate_basis_points) = row?;
            tiers.push(TierDefinition {
                level: parse_text(&level)?,
                requirements: serde_json::from_str(&requirements)?,
                benefits: serde_json::from_str(&benefits)?,
                rebate_basis_points,
            });
        }
        Ok(tiers)
    }

    /// Changes what a tier requires and gives; a tier the program did not have yet goes in
    /// its place among the others. Partners see the change on their next read.
    pub fn put_tier(&self, level: TierLevel, tier: &TierUpdate) -> AppResult<TierDefinition> {
        let requirements = serde_json::to_string(&tier.requirements)?;
        let benefits: Vec<String> = tier.benefits.iter().map(|b| b.trim().to_owned()).collect();
        let benefits_json = serde_json::to_string(&benefits)?;
        self.write(|tx| {
            let position = TierLevel::ALL.iter().position(|l| *l == level).unwrap_or_default();
            let updated = tx
                .query_row(
                    "UPDATE tiers SET requirements_json = ?2, benefits_json = ?3, rebate_bp = ?4 WHERE level = ?1 RETURNING level",
                    params![level.as_str(), requirements, benefits_json, tier.rebate_basis_points],
                    |r| r.get::<_, String>(0),
                )
                .optional()?;
            if updated.is_none() {
                tx.execute(
                    "INSERT INTO tiers (level, position, requirements_json, benefits_json, rebate_bp) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![level.as_str(), position as i64, requirements, benefits_json, tier.rebate_basis_points],
                )?;
            }
            Ok(TierDefinition {
                level,
                requirements: tier.requirements.clone(),
                benefits,
                rebate_basis_points: tier.rebate_basis_points,
            })
        })
    }
}
