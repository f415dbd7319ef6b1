//! The program's catalogue as the channel team keeps it (`/ops/products`, `/ops/courses`,
//! `/ops/tiers`): what partners register deals for, the courses they take, and the tiers with
//! what each requires and gives. The portal shows what the backend says and compiles none of it in.

use serde::{Deserialize, Serialize};

use crate::deal_rules::check_length;
use crate::wire_name::wire_names;
use crate::{CourseKind, FieldError, Level, TierLevel};

/// `PUT /ops/products/{code}`: a product's name, and whether new deals may name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductUpdate {
    /// Name partners read (2–80 characters).
    pub name: String,
    /// Offered for new registrations; a retired product stays on the deals that name it.
    pub active: bool,
}

/// A product as the catalogue keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDefinition {
    /// Code used in registrations, e.g. `NW-CLOUD`.
    pub code: String,
    /// Name.
    pub name: String,
    /// Offered for new registrations.
    pub active: bool,
}

/// `PUT /ops/courses/{id}`: a course of the catalogue, created or changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseDefinition {
    /// Title (2–120 characters).
    pub title: String,
    /// Course or learning path.
    pub kind: CourseKind,
    /// Difficulty.
    pub level: Level,
    /// Modules in all (1–500).
    pub modules_total: u32,
    /// Estimated minutes per module (1–600).
    pub minutes_per_module: u32,
    /// Where to take it: an `https:` or `http:` address.
    pub url: String,
}

/// What a tier requirement counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TierMetric {
    /// People with at least one certification that has not lapsed.
    CertifiedPeople,
    /// Value of deals won this calendar year (target in US cents, shown in the company's currency).
    WonRevenueYear,
    /// Courses completed, summed over the company's people.
    CoursesCompleted,
}

wire_names!(TierMetric {
    CertifiedPeople = "certified_people",
    WonRevenueYear = "won_revenue_year",
    CoursesCompleted = "courses_completed",
});

/// One requirement of a tier as the catalogue keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierRequirementDefinition {
    /// Stable id (1–40 lower-case letters, digits, `-` or `_`), unique in its tier.
    pub id: String,
    /// What partners read (2–80 characters).
    pub label: String,
    /// What it counts.
    pub metric: TierMetric,
    /// The target, at least 1: a count, or US cents for revenue.
    pub target: i64,
}

/// The largest share of a deal a tier may pay: 50 %.
pub const MAX_REBATE_BASIS_POINTS: u32 = 5_000;

/// `PUT /ops/tiers/{level}`: what a tier requires and gives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierUpdate {
    /// Requirements, all to be met (at most 10).
    pub requirements: Vec<TierRequirementDefinition>,
    /// Benefits partners read (at most 20, each 2–200 characters).
    pub benefits: Vec<String>,
    /// The share of a won deal's value the partner earns at this tier, in basis points
    /// (500 is 5 %; 0 to 5000): rebates, or commissions for referral partners.
    #[serde(default)]
    pub rebate_basis_points: u32,
}

/// A tier as the catalogue keeps it (`GET /ops/tiers`, in order).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierDefinition {
    /// The tier.
    pub level: TierLevel,
    /// Requirements, all to be met.
    pub requirements: Vec<TierRequirementDefinition>,
    /// Benefits.
    pub benefits: Vec<String>,
    /// The share of a won deal's value earned at this tier, in basis points.
    pub rebate_basis_points: u32,
}

/// Whether `url` is a web address (`https:` or `http:`, no spaces): the only links the portal
/// makes from what the backend sends.
pub fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && r.len() <= 2000 && !r.chars().any(char::is_whitespace))
}

/// Whether `code` can name a product: 2–32 capital letters, digits or `-`, not starting with `-`.
pub fn is_product_code(code: &str) -> bool {
    (2..=32).contains(&code.len())
        && !code.starts_with('-')
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

fn broken(field: String, message: &str) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// Every broken rule of a product update.
pub fn check_product(update: &ProductUpdate) -> Vec<FieldError> {
    check_length(&update.name, (2, 80))
        .map(|_| broken("name".into(), "A product's name has 2 to 80 characters."))
        .into_iter()
        .collect()
}

/// Every broken rule of a course definition.
pub fn check_course(course: &CourseDefinition) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if check_length(&course.title, (2, 120)).is_some() {
        errors.push(broken(
            "title".into(),
            "A course's title has 2 to 120 characters.",
        ));
    }
    if !(1..=500).contains(&course.modules_total) {
        errors.push(broken(
            "modules_total".into(),
            "A course has 1 to 500 modules.",
        ));
    }
    if !(1..=600).contains(&course.minutes_per_module) {
        errors.push(broken(
            "minutes_per_module".into(),
            "A module takes 1 to 600 minutes.",
        ));
    }
    if !is_web_address(&course.url) {
        errors.push(broken(
            "url".into(),
            "Give the course's web address (https://…).",
        ));
    }
    errors
}

/// Every broken rule of a tier update.
pub fn check_tier(tier: &TierUpdate) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if tier.requirements.len() > 10 {
        errors.push(broken(
            "requirements".into(),
            "A tier has at most 10 requirements.",
        ));
    }
    for (i, r) in tier.requirements.iter().enumerate() {
        let id_ok = (1..=40).contains(&r.id.len())
            && r.id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !id_ok || tier.requirements[..i].iter().any(|o| o.id == r.id) {
            errors.push(broken(
                format!("requirements[{i}].id"),
                "Give each requirement its own id (lower-case letters, digits, - or _).",
            ));
        }
        if check_length(&r.label, (2, 80)).is_some() {
            errors.push(broken(
                format!("requirements[{i}].label"),
                "A requirement's label has 2 to 80 characters.",
            ));
        }
        if r.target < 1 {
            errors.push(broken(
                format!("requirements[{i}].target"),
                "A target is at least 1.",
            ));
        }
    }
    if tier.rebate_basis_points > MAX_REBATE_BASIS_POINTS {
        errors.push(broken(
            "rebate_basis_points".into(),
            "A rebate is 0 to 5000 basis points (0 to 50 %).",
        ));
    }
    if tier.benefits.len() > 20 {
        errors.push(broken(
            "benefits".into(),
            "A tier lists at most 20 benefits.",
        ));
    }
    for (i, b) in tier.benefits.iter().enumerate() {
        if check_length(b, (2, 200)).is_some() {
            errors.push(broken(
                format!("benefits[{i}]"),
                "A benefit has 2 to 200 characters.",
            ));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn web_addresses_are_http_or_https_and_nothing_else() {
        assert!(is_web_address("https://learn.example.com/edge"));
        assert!(is_web_address("http://intranet.example/x"));
        for not in [
            "javascript:alert(1)",
            "data:text/html,x",
            "https://",
            "https://a b",
            "//evil.example",
            "HTTPS://x",
        ] {
            assert!(!is_web_address(not), "{not}");
        }
    }

    #[test]
    fn product_codes_are_capitals_digits_and_hyphens() {
        assert!(is_product_code("NW-CLOUD"));
        assert!(is_product_code("X1"));
        assert!(!is_product_code("nw-cloud"));
        assert!(!is_product_code("-NW"));
        assert!(!is_product_code("N"));
        assert!(!is_product_code("NW CLOUD"));
        assert!(check_product(&ProductUpdate {
            name: "Edge".into(),
            active: true
        })
        .is_empty());
        assert_eq!(
            fields(check_product(&ProductUpdate {
                name: " x ".into(),
                active: false
            })),
            ["name"]
        );
    }

    #[test]
    fn courses_need_a_web_address_and_sensible_sizes() {
        let mut course = CourseDefinition {
            title: "Edge basics".into(),
            kind: CourseKind::Course,
            level: Level::Foundation,
            modules_total: 4,
            minutes_per_module: 20,
            url: "https://learn.example.com/edge".into(),
        };
        assert!(check_course(&course).is_empty());
        course.url = "javascript:alert(1)".into();
        course.modules_total = 0;
        assert_eq!(fields(check_course(&course)), ["modules_total", "url"]);
    }

    #[test]
    fn tiers_name_the_broken_requirement_and_benefit() {
        let requirement = |id: &str, target| TierRequirementDefinition {
            id: id.into(),
            label: "Certified people".into(),
            metric: TierMetric::CertifiedPeople,
            target,
        };
        let tier = TierUpdate {
            requirements: vec![requirement("people", 2), requirement("people", 0)],
            benefits: vec!["10% rebate".into(), "".into()],
            rebate_basis_points: 5_001,
        };
        assert_eq!(
            fields(check_tier(&tier)),
            [
                "requirements[1].id",
                "requirements[1].target",
                "rebate_basis_points",
                "benefits[1]"
            ]
        );
    }
}
