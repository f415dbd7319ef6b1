//! Leaderboard logic: the board, period, segment and page held in the URL, scores in each
//! board's own unit with where to earn it, rank changes in words, where the partner's own row
//! goes when it is off the page, and the score chart's bars.

use api_types::{BoardParams, LeaderboardEntry, Metric, Money, Period, QueryString, ScorePoint};

use super::UrlState;
use crate::text::dates::month_label;
use crate::text::format::{count, money};
use crate::text::i18n::{t, tn, tr};

/// Entries per page.
pub const BOARD_PAGE: u32 = 25;

/// Which slice of which board is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardView {
    /// Board id; empty means the first board offered.
    pub board: String,
    /// Time span.
    pub period: Period,
    /// Segment id (`all`, `type:msp`, …); empty means the partner's own league.
    pub segment: String,
    /// First entry shown (0-based).
    pub offset: u32,
}

impl Default for BoardView {
    fn default() -> Self {
        Self {
            board: String::new(),
            period: Period::Month,
            segment: String::new(),
            offset: 0,
        }
    }
}

impl UrlState for BoardView {
    const PATH: &'static str = "/leaderboards";

    /// Reads `board`, `period`, `segment` and `offset`; unknown values fall back to defaults.
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut view = Self::default();
        for (name, value) in pairs {
            match name {
                "board" if value.len() <= 40 => view.board = value.to_owned(),
                "period" => view.period = Period::parse(value).unwrap_or(Period::Month),
                "segment" if !value.is_empty() && value.len() <= 60 => {
                    view.segment = value.to_owned()
                }
                "offset" => view.offset = value.parse::<u32>().map_or(0, |o| o - o % BOARD_PAGE),
                _ => {}
            }
        }
        view
    }

    /// The app URL's query, defaults left out.
    fn to_query(&self) -> QueryString {
        QueryString::new()
            .push_opt(
                "board",
                (!self.board.is_empty()).then(|| self.board.clone()),
            )
            .push_opt(
                "period",
                (self.period != Period::Month).then(|| self.period.as_str()),
            )
            .push_opt(
                "segment",
                (!self.segment.is_empty()).then(|| self.segment.clone()),
            )
            .push_opt("offset", (self.offset > 0).then(|| self.offset.to_string()))
    }
}

impl BoardView {
    /// The API parameters for this page.
    pub fn to_api_query(&self) -> BoardParams {
        BoardParams {
            period: self.period,
            segment: (!self.segment.is_empty()).then(|| self.segment.clone()),
            offset: self.offset,
            limit: BOARD_PAGE,
        }
    }

    /// The same view from its first page with one choice changed.
    pub fn with(&self, change: impl FnOnce(&mut Self)) -> Self {
        let mut next = Self {
            offset: 0,
            ..self.clone()
        };
        change(&mut next);
        next
    }

    /// The page starting at `offset`.
    pub fn at(&self, offset: u32) -> Self {
        Self {
            offset,
            ..self.clone()
        }
    }
}

/// A score in its board's unit: "550 points", "3 certifications", "$12,500" (revenue boards
/// count whole US dollars).
pub fn score_text(metric: Metric, score: u64, locale: &str) -> String {
    match metric {
        Metric::EngagementPoints => tn("board.points", score as i64, &[]),
        Metric::CertificationsEarned => tn("board.certifications", score as i64, &[]),
        Metric::RegisteredRevenue => money(
            &Money {
                amount_minor: score as i64 * 100,
                currency: "USD".into(),
            },
            locale,
        ),
    }
}

/// The ranking's score column: its heading names the unit, so cells stay narrow on a phone.
pub fn score_column(metric: Metric) -> String {
    t(match metric {
        Metric::EngagementPoints => "board.col_points",
        Metric::CertificationsEarned => "training.certifications",
        Metric::RegisteredRevenue => "board.col_revenue",
    })
}

/// A score as a ranking cell shows it: a plain number, or money on a revenue board.
pub fn score_cell(metric: Metric, score: u64, locale: &str) -> String {
    match metric {
        Metric::RegisteredRevenue => score_text(metric, score, locale),
        _ => count(score, locale),
    }
}

/// What climbing one place takes, in the board's unit: "5 points to reach rank 55.", "$6,892
/// more in registered deals to reach rank 62."
pub fn gap_text(metric: Metric, gap: u64, rank: u32, locale: &str) -> String {
    let more = match metric {
        Metric::RegisteredRevenue => tr(
            "board.more_revenue",
            &[("value", &score_text(metric, gap, locale))],
        ),
        _ => score_text(metric, gap, locale),
    };
    tr(
        "board.to_reach",
        &[("more", &more), ("rank", &count(u64::from(rank), locale))],
    )
}

/// Where the surest way to earn a board's score is done: (link text's key, app path).
pub fn way_to_climb(metric: Metric) -> (&'static str, &'static str) {
    match metric {
        Metric::CertificationsEarned => ("board.climb_certify", "/training"),
        _ => ("board.climb_deal", "/deals/new"),
    }
}

/// "Up 3 places", "Down 1 place", "No change", "New this period" and a symbol for sighted users.
pub fn rank_change(change: Option<i32>) -> (String, &'static str) {
    match change {
        None => (t("board.new"), "★"),
        Some(0) => (t("board.no_change"), "="),
        Some(n) if n > 0 => (tn("board.up", n.into(), &[]), "▲"),
        Some(n) => (tn("board.down", (-n).into(), &[]), "▼"),
    }
}

/// Where the partner's own row goes relative to the page shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pinned {
    /// Their row is on this page; highlight it there.
    OnPage,
    /// They rank above this page: pin their row before it.
    Above,
    /// They rank below this page: pin their row after it.
    Below,
}

/// The first place of the page that shows `rank` (ties may push the row a little further).
pub fn page_of(rank: u32) -> u32 {
    let before = rank.saturating_sub(1);
    before - before % BOARD_PAGE
}

/// Decides where to show the own row; `None` entries means an empty page.
pub fn pinned(me: &LeaderboardEntry, entries: &[LeaderboardEntry]) -> Pinned {
    if entries
        .iter()
        .any(|e| e.is_me || e.partner_id == me.partner_id)
    {
        return Pinned::OnPage;
    }
    match entries.first() {
        Some(first) if me.rank < first.rank => Pinned::Above,
        Some(first) if me.rank == first.rank && me.display_name < first.display_name => {
            Pinned::Above
        }
        _ => Pinned::Below,
    }
}

/// One bar of the score chart, in whole SVG units (integers: formatting a float would bring
/// 11 KiB of float printing into the page for no visible difference).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Left edge.
    pub x: u64,
    /// Top edge.
    pub y: u64,
    /// Width.
    pub width: u64,
    /// Height.
    pub height: u64,
    /// Period label under the bar.
    pub label: String,
    /// The score.
    pub score: u64,
}

/// Bars for `history` in a `width` × `height` plot, scaled to the highest score; each bar
/// takes the middle 70 % of its slot.
pub fn bars(history: &[ScorePoint], width: u64, height: u64) -> Vec<Bar> {
    let highest = history.iter().map(|p| p.score).max().unwrap_or(0).max(1);
    let slots = history.len().max(1) as u64;
    history
        .iter()
        .zip(0..)
        .map(|(point, i)| {
            let bar_height = point.score.min(highest) * height / highest;
            Bar {
                x: (i * 100 + 15) * width / (100 * slots),
                y: height - bar_height,
                width: 70 * width / (100 * slots),
                height: bar_height,
                label: month_label(&point.label),
                score: point.score,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(rank: u32, id: &str, me: bool) -> LeaderboardEntry {
        LeaderboardEntry {
            rank,
            partner_id: id.into(),
            display_name: id.into(),
            score: 0,
            rank_change: None,
            badges: vec![],
            is_me: me,
        }
    }

    #[test]
    fn the_page_of_a_rank_starts_at_a_page_boundary() {
        assert_eq!(page_of(1), 0);
        assert_eq!(page_of(25), 0);
        assert_eq!(page_of(26), 25);
        assert_eq!(page_of(152), 150);
        assert_eq!(page_of(0), 0);
    }

    #[test]
    fn the_view_round_trips_through_the_url_and_snaps_offsets_to_pages() {
        let pairs = [
            ("board", "revenue"),
            ("period", "quarter"),
            ("segment", "type:msp"),
            ("offset", "60"),
        ];
        let view = BoardView::from_pairs(pairs);
        assert_eq!(view.offset, 50);
        assert_eq!(
            view.to_query().to_suffix(),
            "?board=revenue&period=quarter&segment=type%3Amsp&offset=50"
        );
        assert_eq!(
            BoardView::default().to_api_query().segment,
            None,
            "own league"
        );
        assert_eq!(
            BoardView::from_pairs([("segment", "all")])
                .to_api_query()
                .segment
                .as_deref(),
            Some("all")
        );
        assert_eq!(
            BoardView::from_pairs([("period", "decade"), ("offset", "-3")]),
            BoardView::default()
        );
        assert_eq!(BoardView::default().to_query().to_suffix(), "");
        assert_eq!(
            view.with(|v| v.period = Period::AllTime).offset,
            0,
            "a new choice starts at the top"
        );
    }

    #[test]
    fn scores_read_in_their_board_s_unit() {
        use Metric::*;
        assert_eq!(score_text(EngagementPoints, 1, "en-US"), "1 point");
        assert_eq!(
            score_text(CertificationsEarned, 3, "en-US"),
            "3 certifications"
        );
        assert_eq!(
            gap_text(EngagementPoints, 5, 55, "en-US"),
            "5 points to reach rank 55."
        );
        assert_eq!(
            gap_text(CertificationsEarned, 1, 9, "en-US"),
            "1 certification to reach rank 9."
        );
        assert!(gap_text(RegisteredRevenue, 6_892, 62, "en-US")
            .ends_with(" more in registered deals to reach rank 62."));
        assert_eq!(way_to_climb(RegisteredRevenue).1, "/deals/new");
    }

    #[test]
    fn rank_changes_are_words_with_a_symbol() {
        assert_eq!(rank_change(Some(3)), ("Up 3 places".into(), "▲"));
        assert_eq!(rank_change(Some(-1)), ("Down 1 place".into(), "▼"));
        assert_eq!(rank_change(Some(0)).0, "No change");
        assert_eq!(rank_change(None).0, "New this period");
    }

    #[test]
    fn the_own_row_is_pinned_where_it_belongs() {
        let page = [
            entry(26, "a", false),
            entry(27, "b", false),
            entry(27, "c", false),
        ];
        assert_eq!(pinned(&entry(152, "me", true), &page), Pinned::Below);
        assert_eq!(pinned(&entry(3, "me", true), &page), Pinned::Above);
        assert_eq!(pinned(&entry(27, "b", true), &page), Pinned::OnPage);
        assert_eq!(pinned(&entry(5, "me", true), &[]), Pinned::Below);
    }

    #[test]
    fn bars_scale_to_the_best_period_and_handle_zeroes() {
        let history = [
            ScorePoint {
                label: "08".into(),
                score: 50,
            },
            ScorePoint {
                label: "09".into(),
                score: 100,
            },
        ];
        let plotted = bars(&history, 200, 100);
        assert_eq!((plotted[0].height, plotted[0].y), (50, 50));
        assert_eq!(
            (plotted[1].height, plotted[1].x, plotted[1].width),
            (100, 115, 70)
        );
        assert!(
            bars(
                &[ScorePoint {
                    label: "x".into(),
                    score: 0
                }],
                100,
                50
            )[0]
            .height
                == 0
        );
        assert!(bars(&[], 100, 50).is_empty());
    }
}
