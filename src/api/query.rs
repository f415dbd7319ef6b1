//! Query strings for API calls, percent-encoded without a browser so they can be unit tested.

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
}
