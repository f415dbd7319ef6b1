//! The deal list's state in the URL: statuses, search, sort and page, read leniently from the
//! address and written back as links, so any view can be bookmarked, shared and restored.

use api_types::{DealListParams, DealSortKey, DealStatus, QueryString};

use super::UrlState;
use crate::text::i18n::tr;

pub mod export;

/// Columns the list can be sorted by, with their API sort key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealColumn {
    /// Registration reference.
    Reference,
    /// Customer company.
    Customer,
    /// Estimated value (compared across currencies at reference rates).
    Value,
    /// Expected close date.
    ExpectedClose,
    /// Last change.
    Updated,
}

impl DealColumn {
    /// Every sortable column.
    pub const ALL: [DealColumn; 5] = [
        Self::Reference,
        Self::Customer,
        Self::Value,
        Self::ExpectedClose,
        Self::Updated,
    ];

    /// The contract's sort key for the column.
    pub fn key(self) -> DealSortKey {
        match self {
            Self::Reference => DealSortKey::Reference,
            Self::Customer => DealSortKey::CustomerCompany,
            Self::Value => DealSortKey::Value,
            Self::ExpectedClose => DealSortKey::ExpectedCloseOn,
            Self::Updated => DealSortKey::UpdatedAt,
        }
    }

    /// Which way a first click sorts: newest, biggest and latest first; names A to Z.
    fn natural_descending(self) -> bool {
        matches!(self, Self::Value | Self::Updated)
    }
}

/// A column and direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DealSort {
    /// The column.
    pub column: DealColumn,
    /// Whether largest/latest come first.
    pub descending: bool,
}

impl Default for DealSort {
    fn default() -> Self {
        Self {
            column: DealColumn::Updated,
            descending: true,
        }
    }
}

impl DealSort {
    /// Reads `-updated_at`, `value` and so on; unknown keys fall back to the default.
    pub fn parse(text: &str) -> Self {
        api_types::DealSort::parse(text)
            .and_then(|sort| {
                let column = DealColumn::ALL.into_iter().find(|c| c.key() == sort.key)?;
                Some(Self {
                    column,
                    descending: sort.descending,
                })
            })
            .unwrap_or_default()
    }

    /// The contract's sort.
    pub fn to_api(self) -> api_types::DealSort {
        api_types::DealSort {
            key: self.column.key(),
            descending: self.descending,
        }
    }

    /// The API's sort value.
    pub fn as_param(self) -> String {
        self.to_api().as_param()
    }

    /// The sort a click on `column`'s header asks for: flip it if current, else its natural order.
    pub fn toggled(self, column: DealColumn) -> Self {
        if self.column == column {
            Self {
                column,
                descending: !self.descending,
            }
        } else {
            Self {
                column,
                descending: column.natural_descending(),
            }
        }
    }

    /// `aria-sort` for a column header.
    pub fn aria_sort(self, column: DealColumn) -> &'static str {
        match (self.column == column, self.descending) {
            (false, _) => "none",
            (true, true) => "descending",
            (true, false) => "ascending",
        }
    }
}

/// Everything that decides which deals the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealListQuery {
    /// Only these statuses (none means all).
    pub statuses: Vec<DealStatus>,
    /// Only the deals waiting for the partner (the contract's `needs_you`).
    pub needs_you: bool,
    /// Search text.
    pub search: String,
    /// Order.
    pub sort: DealSort,
    /// Where the page starts (`None` for the first page).
    pub cursor: Option<String>,
    /// Page number for display, 1-based.
    pub page: u32,
}

/// Rows fetched per page.
pub const PAGE_SIZE: u32 = 25;

impl UrlState for DealListQuery {
    const PATH: &'static str = "/deals";

    /// Reads the URL's `status` (repeatable), `needs_you`, `q`, `sort`, `cursor` and `page`;
    /// junk is dropped.
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = Self {
            page: 1,
            ..Self::default()
        };
        for (name, value) in pairs {
            match name {
                "status" => {
                    if let Some(status) =
                        DealStatus::parse(value).filter(|s| !query.statuses.contains(s))
                    {
                        query.statuses.push(status);
                    }
                }
                // As the address writes it: trimmed, so a blank search is no search.
                "q" => {
                    let search: String = value.trim().chars().take(100).collect();
                    query.search = search.trim_end().to_owned();
                }
                "needs_you" => query.needs_you = value == "true",
                "sort" => query.sort = DealSort::parse(value),
                "cursor" if !value.is_empty() => query.cursor = Some(value.to_owned()),
                "page" => query.page = value.parse().ok().filter(|p| *p >= 1).unwrap_or(1),
                _ => {}
            }
        }
        if query.cursor.is_none() {
            query.page = 1;
        }
        super::stable_sort::sort_by_key(&mut query.statuses, |s| *s);
        query
    }

    /// The app URL's query, defaults left out so plain `/deals` stays plain.
    fn to_query(&self) -> QueryString {
        let mut query = QueryString::new();
        for status in &self.statuses {
            query = query.push("status", status.as_str());
        }
        query = query.push_opt("needs_you", self.needs_you.then_some("true"));
        let search = self.search.trim();
        query = query.push_opt("q", (!search.is_empty()).then(|| search.to_owned()));
        if self.sort != DealSort::default() {
            query = query.push("sort", self.sort.as_param());
        }
        if let Some(cursor) = &self.cursor {
            query = query
                .push("cursor", cursor.clone())
                .push("page", self.page.to_string());
        }
        query
    }
}

/// The deals waiting for the partner (the contract's `needs_you`), soonest end of protection
/// first: what Home and the deals page lead with.
pub fn needs_you() -> DealListParams {
    DealListParams {
        needs_you: true,
        sort: api_types::DealSort {
            key: DealSortKey::ProtectionExpiresOn,
            descending: false,
        },
        limit: Some(20),
        ..DealListParams::default()
    }
}

impl DealListQuery {
    /// The same view from its first page (after any change of filter, search or sort).
    pub fn first_page(&self) -> Self {
        Self {
            cursor: None,
            page: 1,
            ..self.clone()
        }
    }

    /// The next page, starting at `cursor`.
    pub fn next_page(&self, cursor: &str) -> Self {
        Self {
            cursor: Some(cursor.to_owned()),
            page: self.page + 1,
            ..self.clone()
        }
    }

    /// With `status` switched on or off.
    pub fn toggle_status(&self, status: DealStatus) -> Self {
        let mut next = self.first_page();
        if let Some(i) = next.statuses.iter().position(|s| *s == status) {
            next.statuses.remove(i);
        } else {
            next.statuses.push(status);
            super::stable_sort::sort_by_key(&mut next.statuses, |s| *s);
        }
        next
    }

    /// The API request's parameters for this page.
    pub fn to_api_query(&self, limit: u32) -> DealListParams {
        let search = self.search.trim();
        DealListParams {
            statuses: self.statuses.clone(),
            needs_you: self.needs_you,
            q: (!search.is_empty()).then(|| search.to_owned()),
            sort: self.sort.to_api(),
            cursor: self.cursor.clone(),
            limit: Some(limit),
        }
    }

    /// "Showing 26–50 of 72": the rows this page holds.
    pub fn range_text(&self, shown: usize, total: u64) -> String {
        if shown == 0 {
            return tr("deals.range_none", &[("total", &total)]);
        }
        let first = u64::from(self.page - 1) * u64::from(PAGE_SIZE) + 1;
        let last = first + shown as u64 - 1;
        tr(
            "deals.range",
            &[("first", &first), ("last", &last), ("total", &total)],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &str) -> DealListQuery {
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.split_once('=')
                    .map_or((p.to_owned(), String::new()), |(k, v)| {
                        (k.to_owned(), v.to_owned())
                    })
            })
            .collect();
        DealListQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    #[test]
    fn url_state_round_trips_and_defaults_stay_out_of_the_url() {
        let plain = parse("");
        assert_eq!(plain.to_query().to_suffix(), "");
        let query = parse("status=won&status=approved&q=caf&sort=value&cursor=abc&page=3");
        assert_eq!(query.statuses, [DealStatus::Approved, DealStatus::Won]);
        assert_eq!(
            query.to_query().to_suffix(),
            "?status=approved&status=won&q=caf&sort=value&cursor=abc&page=3"
        );
        assert_eq!(parse(&query.to_query().to_suffix()[1..]), query);
    }

    #[test]
    fn junk_in_the_url_is_dropped_not_fatal() {
        let query = parse("status=open&status=won&status=won&sort=price&page=-4&cursor=");
        assert_eq!(query.statuses, [DealStatus::Won]);
        assert_eq!(query.sort, DealSort::default());
        assert_eq!((query.page, query.cursor), (1, None));
        assert_eq!(
            parse("page=7").page,
            1,
            "a page number without a cursor is the first page"
        );
    }

    #[test]
    fn any_change_of_view_starts_again_from_the_first_page() {
        let paged = parse("cursor=abc&page=2");
        let filtered = paged.toggle_status(DealStatus::Approved);
        assert_eq!((filtered.cursor.clone(), filtered.page), (None, 1));
        assert_eq!(filtered.toggle_status(DealStatus::Approved).statuses, []);
        let next = filtered.next_page("xyz");
        assert_eq!((next.cursor.as_deref(), next.page), (Some("xyz"), 2));
    }

    #[test]
    fn header_clicks_flip_the_current_column_and_start_others_naturally() {
        let sort = DealSort::default();
        assert_eq!(
            sort.toggled(DealColumn::Updated),
            DealSort {
                column: DealColumn::Updated,
                descending: false
            }
        );
        assert_eq!(
            sort.toggled(DealColumn::Customer),
            DealSort {
                column: DealColumn::Customer,
                descending: false
            }
        );
        assert_eq!(sort.toggled(DealColumn::Value).as_param(), "-value");
        assert_eq!(sort.aria_sort(DealColumn::Updated), "descending");
        assert_eq!(sort.aria_sort(DealColumn::Value), "none");
    }

    #[test]
    fn api_queries_carry_the_page_size_and_ranges_read_plainly() {
        let query = parse("status=submitted&q=  ");
        assert_eq!(
            query.to_api_query(25).to_query().to_suffix(),
            "?status=submitted&sort=-updated_at&limit=25"
        );
        assert_eq!(parse("cursor=c&page=2").range_text(25, 72), "26–50 of 72");
        assert_eq!(parse("").range_text(0, 0), "0 of 0");
    }
}
