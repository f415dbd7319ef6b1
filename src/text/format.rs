//! Numbers, money, lists and names of countries and languages in the partner's locale (the
//! browser's `Intl`, see [`super::intl`]), with a plain fallback that native tests exercise.

use api_types::{currency_digits, Money};

/// An amount in major units (euros, yen) from minor units (cents).
pub fn major_units(value: &Money) -> f64 {
    let digits = currency_digits(&value.currency).unwrap_or(2);
    value.amount_minor as f64 / 10f64.powi(digits as i32)
}

/// Fraction digits worth showing: none for whole amounts ("€42,500"), the currency's otherwise.
fn shown_digits(value: &Money) -> u32 {
    let digits = currency_digits(&value.currency).unwrap_or(2);
    if value.amount_minor % 10i64.pow(digits) == 0 {
        0
    } else {
        digits
    }
}

/// "€42,500" (en-US), "42.500 €" (de-DE), "￥1,250,000" (ja-JP).
pub fn money(value: &Money, locale: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let digits = shown_digits(value);
        let options = [
            ("style", JsValue::from_str("currency")),
            ("currency", JsValue::from_str(&value.currency)),
            ("minimumFractionDigits", JsValue::from(digits)),
            ("maximumFractionDigits", JsValue::from(digits)),
        ];
        let what = format!("money|{}|{digits}", value.currency);
        let amount = [JsValue::from_f64(major_units(value))];
        if let Some(text) =
            super::intl::text(locale, &what, "NumberFormat", &options, "format", &amount)
        {
            return text;
        }
    }
    let _ = locale;
    plain_money(value)
}

/// "1,234" (en-US), "1.234" (de-DE).
pub fn count(n: u64, locale: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(text) = super::intl::text(
        locale,
        "number",
        "NumberFormat",
        &[],
        "format",
        &[(n as f64).into()],
    ) {
        return text;
    }
    let _ = locale;
    group(&n.to_string())
}

/// An amount in major units with `digits` decimals and a dot, computed on integers so it is
/// exact: "1234.50", "-5" (for CSV and the plain fallback; `digits` at most the currency's).
pub fn decimal(value: &Money, digits: u32) -> String {
    let scale = 10u64.pow(currency_digits(&value.currency).unwrap_or(2));
    let minor = value.amount_minor.unsigned_abs();
    let sign = if value.amount_minor < 0 { "-" } else { "" };
    let whole = minor / scale;
    if digits == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = format!("{:0width$}", minor % scale, width = scale.ilog10() as usize);
    format!(
        "{sign}{whole}.{}",
        &fraction[..(digits as usize).min(fraction.len())]
    )
}

/// Without `Intl`: "EUR 42,500" / "USD 1,234.50".
pub fn plain_money(value: &Money) -> String {
    let text = decimal(value, shown_digits(value));
    let (sign, text) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |t| ("-", t));
    let (whole, fraction) = text
        .split_once('.')
        .map_or((text, None), |(w, f)| (w, Some(f)));
    let mut out = format!("{} {sign}{}", value.currency, group(whole));
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

fn group(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What an action added to the company's score, for its confirmation: "10 program points
/// added to your score. " (nothing when it added none).
pub fn points_earned(points: u32) -> String {
    if points == 0 {
        return String::new();
    }
    super::i18n::tn("score.points_added", points.into(), &[])
}

/// Whole percent of `done` out of `total`, rounded down so 99.6 % never shows as 100 %.
pub fn percent(done: u64, total: u64) -> u32 {
    if total == 0 {
        return 0;
    }
    ((done.min(total) * 100) / total) as u32
}

/// `kind`'s name (`region`, `language`) for `code` in `locale`, if the browser has one.
#[cfg(target_arch = "wasm32")]
fn display_name(kind: &str, code: &str, locale: &str) -> Option<String> {
    let options = [("type", wasm_bindgen::JsValue::from_str(kind))];
    super::intl::text(locale, kind, "DisplayNames", &options, "of", &[code.into()])
        .filter(|name| name != code)
}

/// "A, B and C" (en), "A, B und C" (de): items joined as the partner's language does
/// (`Intl.ListFormat`).
pub fn list(items: &[String]) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let items: js_sys::Array = items
            .iter()
            .map(|i| wasm_bindgen::JsValue::from_str(i))
            .collect();
        let locale = super::i18n::locale();
        let listed = [items.clone().into()];
        // A browser without `Intl.ListFormat` gets commas (joined by the browser: Rust's
        // `join` would add its code to every page that lists).
        return super::intl::text(&locale, "list", "ListFormat", &[], "format", &listed)
            .unwrap_or_else(|| items.join(", ").into());
    }
    #[cfg(not(target_arch = "wasm32"))]
    items.join(", ")
}

/// "France": a country's name in the partner's language (the browser's `Intl.DisplayNames`),
/// or its ISO code where the browser has no name for it.
pub fn country_name(code: &str, locale: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(name) = display_name("region", code, locale) {
        return name;
    }
    let _ = locale;
    code.to_owned()
}

/// "Deutsch", "العربية": a language's name in that language itself (for the language switch),
/// or its tag where the browser has no name for it.
pub fn language_name(tag: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(name) = display_name("language", tag.split('-').next().unwrap_or(tag), tag) {
        return name;
    }
    tag.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_earned_reads_as_a_sentence_or_nothing() {
        assert_eq!(points_earned(10), "10 program points added to your score. ");
        assert_eq!(points_earned(1), "1 program point added to your score. ");
        assert_eq!(points_earned(0), "");
    }

    fn money_of(amount_minor: i64, currency: &str) -> Money {
        Money {
            amount_minor,
            currency: currency.into(),
        }
    }

    #[test]
    fn whole_amounts_drop_their_cents_and_others_keep_them() {
        assert_eq!(plain_money(&money_of(4_250_000, "EUR")), "EUR 42,500");
        assert_eq!(plain_money(&money_of(123_450, "USD")), "USD 1,234.50");
        assert_eq!(plain_money(&money_of(1_250_000, "JPY")), "JPY 1,250,000");
        assert_eq!(plain_money(&money_of(-500, "GBP")), "GBP -5");
        assert_eq!(plain_money(&money_of(5, "CHF")), "CHF 0.05");
        assert_eq!(plain_money(&money_of(-123_450, "USD")), "USD -1,234.50");
        assert_eq!(
            decimal(&money_of(900_719_925_474_099_3, "EUR"), 2),
            "90071992547409.93"
        );
        assert_eq!(decimal(&money_of(-7, "GBP"), 2), "-0.07");
        assert_eq!(decimal(&money_of(1_250_000, "JPY"), 0), "1250000");
    }

    #[test]
    fn percent_is_floored_and_safe_for_zero_and_overflow() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(2, 3), 66);
        assert_eq!(percent(199, 200), 99);
        assert_eq!(percent(5, 4), 100);
        assert_eq!(count(1_234_567, "en-US"), "1,234,567");
    }
}
