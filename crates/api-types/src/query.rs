//! Query strings: written by the app (its links and its API calls), read by the reference
//! backend. Percent-encoding needs no browser, so both sides and their tests share it.

/// An ordered list of `name=value` pairs; repeated names are allowed (`status=a&status=b`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryString(Vec<(String, String)>);

impl QueryString {
    /// An empty query.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a pair.
    pub fn push(mut self, name: &str, value: impl Into<String>) -> Self {
        self.0.push((name.to_owned(), value.into()));
        self
    }

    /// Adds a pair when there is a value.
    pub fn push_opt(self, name: &str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(value) => self.push(name, value),
            None => self,
        }
    }

    /// The pairs, in order.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// `?a=1&b=x%20y`, or `""` when empty.
    pub fn to_suffix(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let pairs: Vec<String> = self
            .0
            .iter()
            .map(|(n, v)| format!("{}={}", encode(n), encode(v)))
            .collect();
        format!("?{}", pairs.join("&"))
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986), byte by byte in UTF-8.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Decoded pairs read strictly, as the contract's list parameters are: a parameter given twice
/// or out of range is an error that names it.
pub(crate) struct StrictPairs<'a>(Vec<(&'a str, &'a str)>);

impl<'a> StrictPairs<'a> {
    pub(crate) fn new(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self(pairs.into_iter().collect())
    }

    /// Every value given for `name`.
    pub(crate) fn all(&self, name: &'a str) -> impl Iterator<Item = &'a str> + '_ {
        self.0
            .iter()
            .filter(move |(k, _)| *k == name)
            .map(|(_, v)| *v)
    }

    /// The single value of `name`; giving it twice is an error.
    pub(crate) fn one(&self, name: &str) -> Result<Option<&'a str>, String> {
        let mut values = self.0.iter().filter(|(k, _)| *k == name).map(|(_, v)| *v);
        let first = values.next();
        if values.next().is_some() {
            return Err(format!("Give `{name}` at most once."));
        }
        Ok(first)
    }

    /// A whole number in `min..=max`, or `default` when absent.
    pub(crate) fn int(&self, name: &str, min: u32, max: u32, default: u32) -> Result<u32, String> {
        match self.one(name)? {
            None => Ok(default),
            Some(text) => text
                .parse::<u32>()
                .ok()
                .filter(|n| (min..=max).contains(n))
                .ok_or_else(|| format!("`{name}` must be a whole number from {min} to {max}.")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_repeated_names_spaces_and_unicode() {
        let query = QueryString::new()
            .push("status", "approved")
            .push("status", "won")
            .push("q", "Müller & Söhne")
            .push_opt("cursor", None::<String>);
        assert_eq!(
            query.to_suffix(),
            "?status=approved&status=won&q=M%C3%BCller%20%26%20S%C3%B6hne"
        );
        assert_eq!(QueryString::new().to_suffix(), "");
    }

    #[test]
    fn strict_pairs_name_what_is_wrong() {
        let pairs = StrictPairs::new([("limit", "0"), ("q", "a"), ("q", "b")]);
        assert!(pairs.one("q").is_err());
        assert_eq!(
            pairs.int("limit", 1, 100, 25).unwrap_err(),
            "`limit` must be a whole number from 1 to 100."
        );
        assert_eq!(pairs.int("offset", 0, 10, 0), Ok(0));
    }
}
