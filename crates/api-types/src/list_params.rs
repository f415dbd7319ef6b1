//! The list endpoints' query parameters as types: the app writes them, the reference backend
//! reads them, so a parameter name or sort key cannot drift between the two.

use crate::catalogue::is_product_code;
use crate::deal_rules::{MAX_PRODUCTS, NAME_CHARS};
use crate::query::{QueryString, StrictPairs};
use crate::{DealStatus, Period};

/// What `GET /deals` can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealSortKey {
    /// Registration reference.
    Reference,
    /// Customer company.
    CustomerCompany,
    /// Estimated value, compared across currencies at the contract's reference rates.
    Value,
    /// Expected close date.
    ExpectedCloseOn,
    /// Last change.
    UpdatedAt,
    /// Last day of protection; deals without protection come last.
    ProtectionExpiresOn,
}

impl DealSortKey {
    /// Every key.
    pub const ALL: [DealSortKey; 6] = [
        Self::Reference,
        Self::CustomerCompany,
        Self::Value,
        Self::ExpectedCloseOn,
        Self::UpdatedAt,
        Self::ProtectionExpiresOn,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reference => "reference",
            Self::CustomerCompany => "customer_company",
            Self::Value => "value",
            Self::ExpectedCloseOn => "expected_close_on",
            Self::UpdatedAt => "updated_at",
            Self::ProtectionExpiresOn => "protection_expires_on",
        }
    }

    /// Parses a wire name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A sort key and direction: `-updated_at` is the newest change first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DealSort {
    /// The key.
    pub key: DealSortKey,
    /// Whether largest/latest come first.
    pub descending: bool,
}

impl Default for DealSort {
    fn default() -> Self {
        Self {
            key: DealSortKey::UpdatedAt,
            descending: true,
        }
    }
}

impl DealSort {
    /// Reads `-updated_at`, `value` and so on.
    pub fn parse(text: &str) -> Option<Self> {
        let (descending, key) = text.strip_prefix('-').map_or((false, text), |k| (true, k));
        DealSortKey::parse(key).map(|key| Self { key, descending })
    }

    /// The wire value.
    pub fn as_param(self) -> String {
        format!(
            "{}{}",
            if self.descending { "-" } else { "" },
            self.key.as_str()
        )
    }
}

/// `GET /deals?status&needs_you&q&sort&cursor&limit`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealListParams {
    /// Only these statuses (none means all).
    pub statuses: Vec<DealStatus>,
    /// Only deals waiting for the partner: a question from the channel team, or approved with
    /// protection ending within [`DealListParams::PROTECTION_WARNING_DAYS`] or before the
    /// expected close.
    pub needs_you: bool,
    /// Search text, trimmed; `None` when blank.
    pub q: Option<String>,
    /// Order.
    pub sort: DealSort,
    /// Where the page starts, as the previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Rows per page; `None` for the server's default.
    pub limit: Option<u32>,
}

impl DealListParams {
    /// Rows per page when `limit` is absent.
    pub const DEFAULT_LIMIT: u32 = 25;
    /// Most rows one page may ask for.
    pub const MAX_LIMIT: u32 = 100;
    /// Most characters of search text.
    pub const Q_MAX_CHARS: usize = 100;
    /// An approved deal whose protection ends within this many days needs the partner.
    pub const PROTECTION_WARNING_DAYS: i64 = 14;

    /// The query the client sends.
    pub fn to_query(&self) -> QueryString {
        let query = self
            .statuses
            .iter()
            .fold(QueryString::new(), |q, s| q.push("status", s.as_str()));
        query
            .push_opt("needs_you", self.needs_you.then_some("true"))
            .push_opt("q", self.q.clone())
            .push("sort", self.sort.as_param())
            .push_opt("cursor", self.cursor.clone())
            .push_opt("limit", self.limit.map(|l| l.to_string()))
    }

    /// Reads decoded pairs strictly: an unknown status or sort key, a repeated parameter or a
    /// limit out of range is an error in words naming the parameter.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, String> {
        let pairs = StrictPairs::new(pairs);
        let mut statuses = Vec::new();
        for name in pairs.all("status") {
            let status = DealStatus::parse(name)
                .ok_or(format!("`status` {name:?} is not a deal status."))?;
            if !statuses.contains(&status) {
                statuses.push(status);
            }
        }
        if pairs.all("status").count() > DealStatus::ALL.len() {
            let most = DealStatus::ALL.len();
            return Err(format!(
                "Give `status` at most {most} times, once per status."
            ));
        }
        let q = pairs
            .one("q")?
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_owned);
        if q.as_ref()
            .is_some_and(|q| q.chars().count() > Self::Q_MAX_CHARS)
        {
            return Err("`q` must be at most 100 characters.".into());
        }
        let sort = match pairs.one("sort")? {
            None => DealSort::default(),
            Some(text) => {
                DealSort::parse(text).ok_or(format!("`sort` {text:?} is not a sort key."))?
            }
        };
        let needs_you = match pairs.one("needs_you")? {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => return Err(format!("`needs_you` {other:?} must be true or false.")),
        };
        Ok(Self {
            statuses,
            needs_you,
            q,
            sort,
            cursor: pairs.one("cursor")?.map(str::to_owned),
            limit: Some(pairs.int("limit", 1, Self::MAX_LIMIT, Self::DEFAULT_LIMIT)?),
        })
    }
}

/// `GET /deals/repeats?customer_company&product…`: which of the caller's open registrations a
/// new one would repeat — same customer and, when products are given, one of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RepeatParams {
    /// The customer as typed, trimmed.
    pub customer_company: String,
    /// Product codes; none means any product.
    pub products: Vec<String>,
}

impl RepeatParams {
    /// The query the client sends.
    pub fn to_query(&self) -> QueryString {
        self.products.iter().fold(
            QueryString::new().push("customer_company", self.customer_company.clone()),
            |q, p| q.push("product", p.clone()),
        )
    }

    /// Reads decoded pairs strictly: the customer once and not blank (at most 120 characters),
    /// at most six product codes.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, String> {
        let pairs = StrictPairs::new(pairs);
        let customer_company = pairs
            .one("customer_company")?
            .map(str::trim)
            .filter(|c| !c.is_empty() && c.chars().count() <= NAME_CHARS.1)
            .ok_or("Give `customer_company`: 1 to 120 characters.")?
            .to_owned();
        let mut products: Vec<String> = Vec::new();
        for code in pairs.all("product") {
            if !is_product_code(code) || products.len() == MAX_PRODUCTS {
                return Err("Give `product` at most 6 times, each a product code.".into());
            }
            if !products.iter().any(|p| p == code) {
                products.push(code.to_owned());
            }
        }
        Ok(Self {
            customer_company,
            products,
        })
    }
}

/// `GET /leaderboards/{id}?period&segment&offset&limit`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardParams {
    /// Time span.
    pub period: Period,
    /// Segment id (`all`, `type:msp`, …); `None`: the caller's own league (partners of its
    /// type), where comparing means most.
    pub segment: Option<String>,
    /// First entry (0-based).
    pub offset: u32,
    /// Entries per page.
    pub limit: u32,
}

impl Default for BoardParams {
    fn default() -> Self {
        Self {
            period: Period::Month,
            segment: None,
            offset: 0,
            limit: Self::DEFAULT_LIMIT,
        }
    }
}

impl BoardParams {
    /// The segment every board has: everyone.
    pub const ALL_PARTNERS: &'static str = "all";
    /// Entries per page when `limit` is absent.
    pub const DEFAULT_LIMIT: u32 = 25;

    /// The query the client sends.
    pub fn to_query(&self) -> QueryString {
        QueryString::new()
            .push("period", self.period.as_str())
            .push_opt("segment", self.segment.clone())
            .push("offset", self.offset.to_string())
            .push("limit", self.limit.to_string())
    }

    /// Reads decoded pairs strictly (the segment's existence is the board's to judge).
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, String> {
        let pairs = StrictPairs::new(pairs);
        let period = match pairs.one("period")? {
            None => Period::Month,
            Some(p) => Period::parse(p).ok_or(format!(
                "`period` {p:?} must be month, quarter or all_time."
            ))?,
        };
        Ok(Self {
            period,
            segment: pairs.one("segment")?.map(Into::into),
            offset: pairs.int("offset", 0, 1_000_000, 0)?,
            limit: pairs.int("limit", 1, 100, Self::DEFAULT_LIMIT)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeat_params_round_trip_and_refuse_what_the_contract_refuses() {
        let params = RepeatParams {
            customer_company: "Hôtel Beaumont".into(),
            products: vec!["SEC-EDGE".into(), "NET-CORE".into()],
        };
        let query = params.to_query();
        assert_eq!(RepeatParams::parse(query.pairs()), Ok(params));
        let parse = |pairs: &[(&str, &str)]| RepeatParams::parse(pairs.iter().copied());
        assert_eq!(
            parse(&[
                ("customer_company", "  Acme  "),
                ("product", "AB"),
                ("product", "AB")
            ]),
            Ok(RepeatParams {
                customer_company: "Acme".into(),
                products: vec!["AB".into()],
            })
        );
        assert!(parse(&[]).is_err());
        assert!(parse(&[("customer_company", "   ")]).is_err());
        assert!(parse(&[("customer_company", &"x".repeat(121))]).is_err());
        assert!(parse(&[("customer_company", "A"), ("customer_company", "B")]).is_err());
        assert!(parse(&[("customer_company", "A"), ("product", "lower")]).is_err());
        let seven: Vec<String> = (0..7).map(|i| format!("P{i}")).collect();
        let mut pairs = vec![("customer_company", "A")];
        pairs.extend(seven.iter().map(|p| ("product", p.as_str())));
        assert!(parse(&pairs).is_err());
    }

    #[test]
    fn deal_params_round_trip_through_the_query() {
        let params = DealListParams {
            statuses: vec![DealStatus::Approved, DealStatus::Won],
            needs_you: true,
            q: Some("café".into()),
            sort: DealSort {
                key: DealSortKey::Value,
                descending: true,
            },
            cursor: Some("abc".into()),
            limit: Some(25),
        };
        let query = params.to_query();
        assert_eq!(DealListParams::parse(query.pairs()), Ok(params));
        assert_eq!(
            DealListParams::parse([("sort", "price")]).unwrap_err(),
            "`sort` \"price\" is not a sort key."
        );
        assert!(DealListParams::parse([("limit", "101")]).is_err());
        assert!(DealListParams::parse([("needs_you", "yes")]).is_err());
        assert!(DealListParams::parse([("status", "open")]).is_err());
        // Once per status, as the contract's maxItems says: every status is fine, one more is not.
        let every: Vec<_> = DealStatus::ALL
            .iter()
            .map(|s| ("status", s.as_str()))
            .collect();
        assert!(DealListParams::parse(every.clone()).is_ok());
        let once_more = every.iter().copied().chain([("status", "won")]);
        assert!(DealListParams::parse(once_more).is_err());
    }

    #[test]
    fn board_params_default_and_refuse_junk() {
        assert_eq!(BoardParams::parse([]), Ok(BoardParams::default()));
        let params = BoardParams {
            period: Period::AllTime,
            segment: Some("type:msp".into()),
            offset: 25,
            limit: 25,
        };
        assert_eq!(BoardParams::parse(params.to_query().pairs()), Ok(params));
        assert!(BoardParams::parse([("period", "year")]).is_err());
        assert!(BoardParams::parse([("offset", "-1")]).is_err());
    }
}
