//! The welcome card's tier progress: each requirement in plain numbers and how far along it is.

use api_types::{Measure, Money, TierRequirement};

use crate::text::format::{count, money, percent};
use crate::text::i18n::{t, tr};

/// One tier requirement in plain numbers: "2 of 3", "1 more needed", and how far along.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementProgress {
    /// Whether the requirement is met.
    pub met: bool,
    /// Where the company stands, e.g. "2 of 3" or "€180,000 of €250,000".
    pub standing: String,
    /// What is left, e.g. "1 more needed", "€70,000 to go" or "Met".
    pub left: String,
    /// Whole percent, for the bar.
    pub percent: u32,
}

/// Reads a requirement; a current and target that do not match in kind or currency are
/// shown as they are rather than compared.
pub fn requirement_progress(requirement: &TierRequirement, locale: &str) -> RequirementProgress {
    match (&requirement.current, &requirement.target) {
        (Measure::Count { value: current }, Measure::Count { value: target }) => {
            RequirementProgress {
                met: current >= target,
                standing: tr(
                    "home.x_of_y",
                    &[
                        ("done", &count(*current, locale)),
                        ("total", &count(*target, locale)),
                    ],
                ),
                left: if current >= target {
                    t("home.met")
                } else {
                    tr(
                        "home.more_needed",
                        &[("count", &count(target - current, locale))],
                    )
                },
                percent: percent(*current, *target),
            }
        }
        (Measure::Money { value: current }, Measure::Money { value: target })
            if current.currency == target.currency =>
        {
            let gap = Money {
                amount_minor: (target.amount_minor - current.amount_minor).max(0),
                currency: target.currency.clone(),
            };
            let met = current.amount_minor >= target.amount_minor;
            RequirementProgress {
                met,
                standing: tr(
                    "home.x_of_y",
                    &[
                        ("done", &money(current, locale)),
                        ("total", &money(target, locale)),
                    ],
                ),
                left: if met {
                    t("home.met")
                } else {
                    tr("home.to_go", &[("value", &money(&gap, locale))])
                },
                percent: percent(
                    current.amount_minor.max(0) as u64,
                    target.amount_minor.max(0) as u64,
                ),
            }
        }
        (current, target) => RequirementProgress {
            met: false,
            standing: tr(
                "home.x_of_y",
                &[
                    ("done", &measure_text(current, locale)),
                    ("total", &measure_text(target, locale)),
                ],
            ),
            left: String::new(),
            percent: 0,
        },
    }
}

fn measure_text(measure: &Measure, locale: &str) -> String {
    match measure {
        Measure::Count { value } => count(*value, locale),
        Measure::Money { value } => money(value, locale),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requirement(current: Measure, target: Measure) -> TierRequirement {
        TierRequirement {
            id: "r".into(),
            label: "R".into(),
            current,
            target,
            at_risk: None,
        }
    }

    fn eur(amount_minor: i64) -> Measure {
        Measure::Money {
            value: Money {
                amount_minor,
                currency: "EUR".into(),
            },
        }
    }

    #[test]
    fn requirements_read_in_plain_numbers() {
        let engineers = requirement_progress(
            &requirement(Measure::Count { value: 2 }, Measure::Count { value: 3 }),
            "en-US",
        );
        assert_eq!(
            engineers,
            RequirementProgress {
                met: false,
                standing: "2 of 3".into(),
                left: "1 more needed".into(),
                percent: 66
            }
        );
        let revenue = requirement_progress(&requirement(eur(18_000_000), eur(25_000_000)), "en-US");
        assert_eq!(revenue.standing, "EUR 180,000 of EUR 250,000");
        assert_eq!(revenue.left, "EUR 70,000 to go");
        let exceeded = requirement_progress(
            &requirement(Measure::Count { value: 12 }, Measure::Count { value: 10 }),
            "en-US",
        );
        assert_eq!(
            (exceeded.met, exceeded.left.as_str(), exceeded.percent),
            (true, "Met", 100)
        );
    }

    #[test]
    fn mismatched_measures_are_shown_not_compared() {
        let odd =
            requirement_progress(&requirement(Measure::Count { value: 1 }, eur(100)), "en-US");
        assert_eq!((odd.met, odd.standing.as_str()), (false, "1 of EUR 1"));
    }
}
