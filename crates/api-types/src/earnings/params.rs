//! `GET /earnings?status&kind&sort&cursor&limit`: which lines, in which order, a page at a time. The app writes these into
//! its own address and its request; the reference backend reads them.

use super::{EarningKind, EarningStatus};
use crate::query::{QueryString, StrictPairs};

/// What the lines can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EarningSortKey {
    /// When it was earned.
    EarnedAt,
    /// The amount, within each currency (currencies in code order: amounts in two currencies
    /// are not compared).
    Amount,
    /// The expected payout day; lines without one come last.
    ExpectedPayoutOn,
}

impl EarningSortKey {
    /// Every key.
    pub const ALL: [Self; 3] = [Self::EarnedAt, Self::Amount, Self::ExpectedPayoutOn];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EarnedAt => "earned_at",
            Self::Amount => "amount",
            Self::ExpectedPayoutOn => "expected_payout_on",
        }
    }
}

/// A key and a direction: `-earned_at` (the default) is the newest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EarningSort {
    /// The key.
    pub key: EarningSortKey,
    /// Whether largest/latest come first.
    pub descending: bool,
}

impl Default for EarningSort {
    fn default() -> Self {
        Self {
            key: EarningSortKey::EarnedAt,
            descending: true,
        }
    }
}

impl EarningSort {
    /// Reads `-earned_at`, `amount` and so on.
    pub fn parse(text: &str) -> Option<Self> {
        let (descending, key) = text.strip_prefix('-').map_or((false, text), |k| (true, k));
        EarningSortKey::ALL
            .into_iter()
            .find(|k| k.as_str() == key)
            .map(|key| Self { key, descending })
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

/// The filters and order of `GET /earnings`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EarningsParams {
    /// Only lines with this status.
    pub status: Option<EarningStatus>,
    /// Only lines of this kind.
    pub kind: Option<EarningKind>,
    /// Order.
    pub sort: EarningSort,
    /// Where the page starts, as the previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Lines per page; `None` for the server's default.
    pub limit: Option<u32>,
}

impl EarningsParams {
    /// Lines per page when `limit` is absent.
    pub const DEFAULT_LIMIT: u32 = 100;
    /// Most lines one page may ask for.
    pub const MAX_LIMIT: u32 = 500;

    /// The query the client sends (defaults left out).
    pub fn to_query(&self) -> QueryString {
        let sort = (self.sort != EarningSort::default()).then(|| self.sort.as_param());
        QueryString::new()
            .push_opt("status", self.status.map(EarningStatus::as_str))
            .push_opt("kind", self.kind.map(EarningKind::as_str))
            .push_opt("sort", sort)
            .push_opt("cursor", self.cursor.clone())
            .push_opt("limit", self.limit.map(|l| l.to_string()))
    }

    /// Reads decoded pairs strictly: an unknown value or a repeated parameter is an error in
    /// words naming the parameter.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, String> {
        let pairs = StrictPairs::new(pairs);
        let status = match pairs.one("status")? {
            None => None,
            Some(s) => Some(
                EarningStatus::parse(s)
                    .ok_or(format!("`status` {s:?} is not an earning status."))?,
            ),
        };
        let kind = match pairs.one("kind")? {
            None => None,
            Some(k) => {
                Some(EarningKind::parse(k).ok_or(format!("`kind` {k:?} is not an earning kind."))?)
            }
        };
        let sort = match pairs.one("sort")? {
            None => EarningSort::default(),
            Some(s) => EarningSort::parse(s).ok_or(format!("`sort` {s:?} is not a sort key."))?,
        };
        Ok(Self {
            status,
            kind,
            sort,
            cursor: pairs.one("cursor")?.map(str::to_owned),
            limit: Some(pairs.int("limit", 1, Self::MAX_LIMIT, Self::DEFAULT_LIMIT)?),
        })
    }
}
