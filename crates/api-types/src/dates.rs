//! Dates and instants as the contract writes them (RFC 3339: `2026-11-23`,
//! `2026-11-23T09:30:00Z`), read by a small strict parser of our own: chrono's general one
//! accepts more than the contract allows and weighs about 17 KB in the WebAssembly.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::de::{Deserializer, Error, Visitor};

/// A calendar day, `YYYY-MM-DD`, or `None` if it is not one.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(&bytes[0..4])?;
    NaiveDate::from_ymd_opt(year as i32, digits(&bytes[5..7])?, digits(&bytes[8..10])?)
}

/// An instant with its offset, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, in UTC.
pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    let bytes = text.as_bytes();
    if bytes.len() < 20
        || !matches!(bytes[10], b'T' | b't')
        || bytes[13] != b':'
        || bytes[16] != b':'
    {
        return None;
    }
    let day = parse_day(text.get(..10)?)?;
    let (hour, minute, second) = (
        digits(&bytes[11..13])?,
        digits(&bytes[14..16])?,
        digits(&bytes[17..19])?,
    );
    let mut rest = &bytes[19..];
    let mut nanos = 0;
    if let Some((b'.', fraction)) = rest.split_first() {
        let count = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if count == 0 {
            return None;
        }
        // Nanoseconds: the first nine digits, padded; further digits are below chrono's precision.
        for i in 0..9 {
            nanos = nanos * 10
                + fraction
                    .get(i)
                    .filter(|_| i < count)
                    .map_or(0, |b| u32::from(b - b'0'));
        }
        rest = &fraction[count..];
    }
    let offset_seconds = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let minutes = digits(&[*h1, *h2])? * 60 + digits(&[*m1, *m2])?;
            let seconds = i32::try_from(minutes * 60).ok()?;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let offset = FixedOffset::east_opt(offset_seconds)?;
    let local = offset.from_local_datetime(&day.and_time(time)).single()?;
    Some(local.with_timezone(&Utc))
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// Reads a string and parses it with `parse`, naming `expected` when it does not fit.
struct Parsed<T>(fn(&str) -> Option<T>, &'static str);

impl<T> Visitor<'_> for Parsed<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.1)
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<T, E> {
        (self.0)(text)
            .ok_or_else(|| E::custom(format_args!("expected {}, found \"{text}\"", self.1)))
    }
}

/// `#[serde(deserialize_with = "crate::dates::day")]`.
pub(crate) fn day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(Parsed(parse_day, "a date (YYYY-MM-DD)"))
}

/// `#[serde(default, deserialize_with = "crate::dates::optional_day")]`.
pub(crate) fn optional_day<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_option(Optional(Parsed(parse_day, "a date (YYYY-MM-DD)")))
}

/// `#[serde(deserialize_with = "crate::dates::instant")]`.
pub(crate) fn instant<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(Parsed(parse_instant, "a date and time (RFC 3339)"))
}

/// `#[serde(default, deserialize_with = "crate::dates::optional_instant")]`.
pub(crate) fn optional_instant<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    d.deserialize_option(Optional(Parsed(
        parse_instant,
        "a date and time (RFC 3339)",
    )))
}

/// `null` or what the inner visitor reads.
struct Optional<T>(Parsed<T>);

impl<'de, T> Visitor<'de> for Optional<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.0.expecting(f)
    }

    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self.0).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_strict_calendar_dates() {
        assert_eq!(
            parse_day("2026-11-23"),
            NaiveDate::from_ymd_opt(2026, 11, 23)
        );
        assert_eq!(
            parse_day("2028-02-29"),
            NaiveDate::from_ymd_opt(2028, 2, 29)
        );
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-11-23",
            "2026-11-23T00:00:00Z",
            "2026/11/23",
            "２０２６-11-23",
            " 2026-11-23",
            "",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn instants_agree_with_chrono_on_what_the_contract_allows() {
        for text in [
            "2026-11-23T09:30:00Z",
            "2026-11-23t09:30:00z",
            "2026-11-23T09:30:00.5Z",
            "2026-11-23T09:30:00.123456789Z",
            "2026-11-23T23:30:00-05:00",
            "2026-11-24T01:15:00+09:45",
        ] {
            let chrono = DateTime::parse_from_rfc3339(text)
                .unwrap()
                .with_timezone(&Utc);
            assert_eq!(parse_instant(text), Some(chrono), "{text}");
        }
        for bad in [
            "2026-11-23T09:30:00",
            "2026-11-23 09:30:00Z",
            "2026-11-23T24:00:00Z",
            "2026-11-23T09:30:00.Z",
            "2026-11-23T09:30:00+5:00",
            "2026-11-23T09:30:00+25:00",
            "2026-11-23T09:30Z",
        ] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
    }

    #[test]
    fn serde_reads_through_the_strict_parsers() {
        #[derive(serde::Deserialize, Debug)]
        struct Row {
            #[serde(deserialize_with = "day")]
            on: NaiveDate,
            #[serde(default, deserialize_with = "optional_instant")]
            at: Option<DateTime<Utc>>,
        }
        let row: Row = serde_json::from_str(r#"{"on":"2026-11-23","at":null}"#).unwrap();
        assert_eq!(
            (row.on.to_string(), row.at),
            ("2026-11-23".to_owned(), None)
        );
        let row: Row = serde_json::from_str(r#"{"on":"2026-11-23"}"#).unwrap();
        assert_eq!(row.at, None);
        let row: Row =
            serde_json::from_str(r#"{"on":"2026-11-23","at":"2026-11-23T09:30:00Z"}"#).unwrap();
        assert_eq!(
            row.at.map(|a| a.to_rfc3339()),
            Some("2026-11-23T09:30:00+00:00".to_owned())
        );
        let error = serde_json::from_str::<Row>(r#"{"on":"2026-02-30"}"#)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("expected a date (YYYY-MM-DD), found \"2026-02-30\""),
            "{error}"
        );
    }
}
