//! Dates as partners read them: "due in 3 days", "2 days overdue", against their own local day,
//! in their language (the browser's `Intl`; written by hand only where there is none, in tests).

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use super::i18n::{tn, tr};

/// The partner's calendar day right now, in their browser's time zone.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Days from `today` until `day` (negative when it has passed).
pub fn days_until(day: NaiveDate, today: NaiveDate) -> i64 {
    (day - today).num_days()
}

/// "due today", "due tomorrow", "due in 3 days", "1 day overdue", "12 days overdue".
pub fn due_phrase(due: NaiveDate, today: NaiveDate) -> String {
    match days_until(due, today) {
        n if n >= 0 => tr("dates.due", &[("when", &relative_days(n))]),
        n => tn("dates.overdue", -n, &[]),
    }
}

/// "expires today", "expires in 25 days", "expired 30 days ago", "expired yesterday".
pub fn expiry_phrase(expires: NaiveDate, today: NaiveDate) -> String {
    let n = days_until(expires, today);
    let key = if n >= 0 {
        "dates.expires"
    } else {
        "dates.expired"
    };
    tr(key, &[("when", &relative_days(n))])
}

/// "today", "tomorrow", "in 3 days", "2 days ago" in the partner's language
/// (`Intl.RelativeTimeFormat`).
pub fn relative_days(n: i64) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(text) = intl::relative_days(n) {
        return text;
    }
    // text: English without `Intl` (native tests only).
    match n {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        n if n > 1 => format!("in {n} days"), // text: without Intl
        n => format!("{} days ago", -n),      // text: without Intl
    }
}

/// "12 Dec 2026, 15:05": when something happened, to the minute, in the partner's own time
/// zone (the browser's) and language.
pub fn moment(at: DateTime<Utc>) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(text) = intl::moment(at) {
        return text;
    }
    local_moment(at.with_timezone(&chrono::Local).naive_local())
}

/// A wall-clock moment as words (without `Intl`).
fn local_moment(at: chrono::NaiveDateTime) -> String {
    format!(
        "{} at {:02}:{:02}", // text: without Intl
        short_date(at.date()),
        at.hour(),
        at.minute()
    )
}

/// The instant for machines (`<time datetime>`, CSV): `2026-11-02T14:05:00Z`.
pub fn machine_instant(at: DateTime<Utc>) -> String {
    let day = at.date_naive();
    let (y, mo, d) = (day.year(), day.month(), day.day());
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}Z",
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Month names without `Intl` (native tests only).
// text: the next lines are English without Intl.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Oct 2026" for a period labelled `2026-10`; any other label as it is.
pub fn month_label(label: &str) -> String {
    // Read by hand: `str::parse` would bring integer parsing into the page for two digits.
    let b = label.as_bytes();
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    if b.len() == 7 && b[4] == b'-' && digits(0..4) && digits(5..7) {
        let year = b[..4].iter().fold(0, |y, d| y * 10 + i32::from(d - b'0'));
        let month = u32::from(b[5] - b'0') * 10 + u32::from(b[6] - b'0');
        if let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) {
            #[cfg(target_arch = "wasm32")]
            if let Some(text) = intl::day(first, false) {
                return text;
            }
            return format!("{} {year}", MONTHS[first.month0() as usize]);
        }
    }
    label.to_owned()
}

/// "12 Dec 2026" (en), "12. Dez. 2026" (de), "2026年12月12日" (ja): the month named, so never
/// 12/11 against 11/12.
pub fn short_date(day: NaiveDate) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(text) = intl::day(day, true) {
        return text;
    }
    format!(
        "{} {} {}",
        day.day(),
        MONTHS[day.month0() as usize],
        day.year()
    )
}

/// "45 min", "1 h 30 min", "3 h".
pub fn duration_phrase(minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let key = match (h, m) {
        (0, _) => "dates.minutes",
        (_, 0) => "dates.hours",
        _ => "dates.hours_minutes",
    };
    tr(key, &[("h", &h), ("m", &m)])
}

#[cfg(target_arch = "wasm32")]
mod intl {
    //! Dates and relative days through the browser's `Intl` in the partner's language.
    use chrono::{DateTime, Datelike, NaiveDate, Utc};
    use wasm_bindgen::JsValue;

    use crate::text::i18n::locale;
    use crate::text::intl::text;

    /// A calendar day (`with_day`) or its month, read in UTC so no time zone moves it.
    pub fn day(day: NaiveDate, with_day: bool) -> Option<String> {
        let at = js_sys::Date::utc(f64::from(day.year()), f64::from(day.month0()))
            + f64::from(day.day0()) * 86_400_000.0;
        let mut options = vec![
            ("month", JsValue::from_str("short")),
            ("year", JsValue::from_str("numeric")),
            ("timeZone", JsValue::from_str("UTC")),
        ];
        if with_day {
            options.push(("day", JsValue::from_str("numeric")));
        }
        let what = if with_day { "day" } else { "month" };
        text(
            &locale(),
            what,
            "DateTimeFormat",
            &options,
            "format",
            &[at.into()],
        )
    }

    /// An instant to the minute in the browser's time zone.
    pub fn moment(at: DateTime<Utc>) -> Option<String> {
        let options = [
            ("dateStyle", JsValue::from_str("medium")),
            ("timeStyle", JsValue::from_str("short")),
        ];
        let millis = JsValue::from_f64(at.timestamp_millis() as f64);
        text(
            &locale(),
            "moment",
            "DateTimeFormat",
            &options,
            "format",
            &[millis],
        )
    }

    /// "in 3 days", "tomorrow", "vor 2 Tagen".
    pub fn relative_days(n: i64) -> Option<String> {
        let options = [("numeric", JsValue::from_str("auto"))];
        let args = [JsValue::from_f64(n as f64), JsValue::from_str("day")];
        text(
            &locale(),
            "relative",
            "RelativeTimeFormat",
            &options,
            "format",
            &args,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_periods_read_as_month_and_year() {
        assert_eq!(month_label("2026-10"), "Oct 2026");
        assert_eq!(month_label("2026-13"), "2026-13");
        assert_eq!(month_label("Q3 2026"), "Q3 2026");
        assert_eq!(month_label("2026-1x"), "2026-1x");
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn moments_read_to_the_minute_and_machines_get_iso_8601() {
        let at = DateTime::parse_from_rfc3339("2026-03-02T04:05:09Z")
            .unwrap()
            .to_utc();
        assert_eq!(local_moment(at.naive_utc()), "2 Mar 2026 at 04:05");
        let local = at.with_timezone(&chrono::Local).naive_local();
        assert_eq!(moment(at), local_moment(local), "in the local time zone");
        assert_eq!(machine_instant(at), "2026-03-02T04:05:09Z");
    }

    #[test]
    fn due_phrases_count_calendar_days() {
        let today = day("2026-11-23");
        assert_eq!(due_phrase(day("2026-11-23"), today), "due today");
        assert_eq!(due_phrase(day("2026-11-24"), today), "due tomorrow");
        assert_eq!(due_phrase(day("2026-11-26"), today), "due in 3 days");
        assert_eq!(due_phrase(day("2026-11-22"), today), "1 day overdue");
        assert_eq!(due_phrase(day("2026-11-21"), today), "2 days overdue");
    }

    #[test]
    fn leap_days_and_year_ends_are_counted_right() {
        assert_eq!(
            due_phrase(day("2028-03-01"), day("2028-02-28")),
            "due in 2 days"
        );
        assert_eq!(
            due_phrase(day("2028-02-29"), day("2028-03-01")),
            "1 day overdue"
        );
        assert_eq!(
            due_phrase(day("2027-01-01"), day("2026-12-31")),
            "due tomorrow"
        );
        assert_eq!(short_date(day("2028-02-29")), "29 Feb 2028");
    }

    #[test]
    fn around_midnight_the_local_day_decides() {
        // 23:30 in Tokyo on the 23rd is still the 23rd there, although UTC says the 23rd 14:30;
        // and 00:30 in Tokyo on the 24th is the 24th locally though UTC is still the 23rd.
        use chrono::{FixedOffset, TimeZone};
        let tokyo = FixedOffset::east_opt(9 * 3600).unwrap();
        let late = tokyo
            .with_ymd_and_hms(2026, 11, 23, 23, 30, 0)
            .unwrap()
            .date_naive();
        let early = tokyo
            .with_ymd_and_hms(2026, 11, 24, 0, 30, 0)
            .unwrap()
            .date_naive();
        assert_eq!(due_phrase(day("2026-11-23"), late), "due today");
        assert_eq!(due_phrase(day("2026-11-23"), early), "1 day overdue");
    }

    #[test]
    fn expiry_and_durations_read_plainly() {
        let today = day("2026-11-23");
        assert_eq!(
            expiry_phrase(day("2026-12-18"), today),
            "expires in 25 days"
        );
        assert_eq!(
            expiry_phrase(day("2026-10-24"), today),
            "expired 30 days ago"
        );
        assert_eq!(duration_phrase(45), "45 min");
        assert_eq!(duration_phrase(90), "1 h 30 min");
        assert_eq!(duration_phrase(180), "3 h");
    }
}
