//! Training logic: the course filter, level and sort held in the URL, and how urgent a
//! certification's expiry is.

use api_types::{Certification, CertificationStatus, Course, CourseStatus, Level};
use chrono::NaiveDate;

use api_types::QueryString;

use super::stable_sort::sort_by_key;
use super::UrlState;
use crate::text::dates::days_until;
use crate::text::i18n::t;

/// Which courses show (`?status=in_progress|not_started|completed`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CourseFilter {
    /// Every course.
    #[default]
    All,
    /// Started, not finished.
    InProgress,
    /// Not started.
    NotStarted,
    /// Finished.
    Completed,
}

impl CourseFilter {
    /// Every filter, in the order offered.
    pub const ALL: [CourseFilter; 4] = [
        Self::All,
        Self::InProgress,
        Self::NotStarted,
        Self::Completed,
    ];

    /// Reads `?status=`; unknown values show everything.
    pub fn from_query(value: Option<&str>) -> Self {
        Self::ALL
            .into_iter()
            .find(|f| f.as_query() == value)
            .unwrap_or_default()
    }

    /// The URL value, `None` for the default.
    pub fn as_query(self) -> Option<&'static str> {
        match self {
            Self::All => None,
            Self::InProgress => Some("in_progress"),
            Self::NotStarted => Some("not_started"),
            Self::Completed => Some("completed"),
        }
    }

    /// The label on the control.
    pub fn label(self) -> String {
        t(match self {
            Self::All => "filter.all",
            Self::InProgress => "training.in_progress",
            Self::NotStarted => "training.not_started",
            Self::Completed => "training.completed",
        })
    }

    fn shows(self, status: CourseStatus) -> bool {
        match self {
            Self::All => true,
            Self::InProgress => status == CourseStatus::InProgress,
            Self::NotStarted => status == CourseStatus::NotStarted,
            Self::Completed => status == CourseStatus::Completed,
        }
    }
}

/// Reads `?level=`; unknown values mean every level.
pub fn level_from_query(value: Option<&str>) -> Option<Level> {
    match value {
        Some("foundation") => Some(Level::Foundation),
        Some("professional") => Some(Level::Professional),
        Some("expert") => Some(Level::Expert),
        _ => None,
    }
}

/// The URL value of a level.
pub fn level_query(level: Level) -> &'static str {
    match level {
        Level::Foundation => "foundation",
        Level::Professional => "professional",
        Level::Expert => "expert",
    }
}

/// How the course list is ordered (`?sort=progress|title|time_left`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CourseSort {
    /// Closest to finished first: what is nearly done is the cheapest win.
    #[default]
    Progress,
    /// Alphabetical.
    Title,
    /// Least time left first.
    TimeLeft,
}

impl CourseSort {
    /// Every order, as offered.
    pub const ALL: [CourseSort; 3] = [Self::Progress, Self::Title, Self::TimeLeft];

    /// Reads `?sort=`.
    pub fn from_query(value: Option<&str>) -> Self {
        Self::ALL
            .into_iter()
            .find(|s| s.as_query() == value)
            .unwrap_or_default()
    }

    /// The URL value, `None` for the default.
    pub fn as_query(self) -> Option<&'static str> {
        match self {
            Self::Progress => None,
            Self::Title => Some("title"),
            Self::TimeLeft => Some("time_left"),
        }
    }

    /// The label on the control.
    pub fn label(self) -> String {
        t(match self {
            Self::Progress => "training.closest",
            Self::Title => "training.by_title",
            Self::TimeLeft => "training.least_time",
        })
    }
}

/// The course list's filter, level and sort, held in the URL.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CourseView {
    /// Which courses show.
    pub filter: CourseFilter,
    /// Only this level, or every level.
    pub level: Option<Level>,
    /// The order.
    pub sort: CourseSort,
}

impl UrlState for CourseView {
    const PATH: &'static str = "/training";

    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        pairs
            .into_iter()
            .fold(Self::default(), |view, (name, value)| match name {
                "status" => Self {
                    filter: CourseFilter::from_query(Some(value)),
                    ..view
                },
                "level" => Self {
                    level: level_from_query(Some(value)),
                    ..view
                },
                "sort" => Self {
                    sort: CourseSort::from_query(Some(value)),
                    ..view
                },
                _ => view,
            })
    }

    fn to_query(&self) -> QueryString {
        QueryString::new()
            .push_opt("status", self.filter.as_query())
            .push_opt("level", self.level.map(level_query))
            .push_opt("sort", self.sort.as_query())
    }
}

/// The courses to show, filtered and ordered; ties keep the backend's order.
pub fn visible_courses(
    courses: &[Course],
    filter: CourseFilter,
    level: Option<Level>,
    sort: CourseSort,
) -> Vec<Course> {
    let mut shown: Vec<Course> = courses
        .iter()
        .filter(|c| filter.shows(c.status) && level.is_none_or(|l| c.level == l))
        .cloned()
        .collect();
    match sort {
        CourseSort::Progress => sort_by_key(&mut shown, |c| {
            // Unfinished courses by share done (descending), finished ones last.
            let finished = c.status == CourseStatus::Completed;
            let share = if c.modules_total == 0 {
                0
            } else {
                c.modules_done * 1000 / c.modules_total
            };
            (finished, std::cmp::Reverse(share))
        }),
        // ASCII case only: full Unicode lowering would ship its tables to every partner for
        // titles that start with the same accented letter in two cases.
        CourseSort::Title => sort_by_key(&mut shown, |c| c.title.to_ascii_lowercase()),
        CourseSort::TimeLeft => sort_by_key(&mut shown, |c| {
            (c.status == CourseStatus::Completed, c.minutes_left)
        }),
    }
    shown
}

/// How a certification's expiry should be flagged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpiryWarning {
    /// Valid for more than 60 days, or never earned.
    None,
    /// Expires within 60 days (days left).
    Soon(i64),
    /// Already expired (days ago).
    Expired(i64),
}

/// Classifies by the dates themselves, so a stale status from the server cannot hide a lapse.
pub fn expiry_warning(cert: &Certification, today: NaiveDate) -> ExpiryWarning {
    match (cert.earned_on, cert.expires_on) {
        (_, Some(expiry)) if expiry < today => ExpiryWarning::Expired(-days_until(expiry, today)),
        (Some(_), Some(expiry)) if days_until(expiry, today) <= 60 => {
            ExpiryWarning::Soon(days_until(expiry, today))
        }
        _ if cert.status == CertificationStatus::Expired => ExpiryWarning::Expired(0),
        _ => ExpiryWarning::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::CourseKind;

    fn course(title: &str, done: u32, total: u32, minutes: u32, level: Level) -> Course {
        let status = match done {
            0 => CourseStatus::NotStarted,
            d if d == total => CourseStatus::Completed,
            _ => CourseStatus::InProgress,
        };
        Course {
            id: title.into(),
            title: title.into(),
            kind: CourseKind::Course,
            level,
            modules_total: total,
            modules_done: done,
            minutes_left: minutes,
            status,
            url: String::new(),
        }
    }

    fn titles(courses: Vec<Course>) -> Vec<String> {
        courses.into_iter().map(|c| c.title).collect()
    }

    #[test]
    fn filters_levels_and_sorts_compose() {
        let courses = [
            course("Backup", 3, 10, 175, Level::Professional),
            course("Cloud", 5, 8, 45, Level::Foundation),
            course("Essentials", 4, 4, 0, Level::Foundation),
            course("Edge", 0, 5, 75, Level::Foundation),
        ];
        assert_eq!(
            titles(visible_courses(
                &courses,
                CourseFilter::All,
                None,
                CourseSort::Progress
            )),
            ["Cloud", "Backup", "Edge", "Essentials"]
        );
        assert_eq!(
            titles(visible_courses(
                &courses,
                CourseFilter::InProgress,
                None,
                CourseSort::Title
            )),
            ["Backup", "Cloud"]
        );
        assert_eq!(
            titles(visible_courses(
                &courses,
                CourseFilter::All,
                Some(Level::Foundation),
                CourseSort::TimeLeft
            )),
            ["Cloud", "Edge", "Essentials"]
        );
        assert!(
            visible_courses(&[], CourseFilter::Completed, None, CourseSort::Progress).is_empty()
        );
    }

    #[test]
    fn url_values_round_trip_and_junk_falls_back() {
        for filter in CourseFilter::ALL {
            assert_eq!(CourseFilter::from_query(filter.as_query()), filter);
        }
        for sort in CourseSort::ALL {
            assert_eq!(CourseSort::from_query(sort.as_query()), sort);
        }
        assert_eq!(CourseFilter::from_query(Some("nope")), CourseFilter::All);
        assert_eq!(
            level_from_query(Some(level_query(Level::Expert))),
            Some(Level::Expert)
        );
        assert_eq!(level_from_query(Some("guru")), None);
    }

    #[test]
    fn expiry_is_flagged_sixty_days_ahead_and_after_it_passes() {
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        let cert = |expires: &str| -> Certification {
            serde_json::from_value(serde_json::json!({
                "id": "c", "name": "C", "level": "foundation", "status": "earned",
                "earned_on": "2025-01-01", "expires_on": expires,
                "requirements": [], "recertification": ""
            }))
            .expect("a certification as the backend sends it")
        };
        let cases = [
            ("2026-12-18", ExpiryWarning::Soon(25)),
            ("2027-01-22", ExpiryWarning::Soon(60)),
            ("2027-01-23", ExpiryWarning::None),
            ("2026-10-24", ExpiryWarning::Expired(30)),
            ("2026-11-23", ExpiryWarning::Soon(0)),
        ];
        for (expires, warning) in cases {
            assert_eq!(
                expiry_warning(&cert(expires), today),
                warning,
                "expires {expires}"
            );
        }
    }
}
