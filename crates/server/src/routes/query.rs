//! Query strings, read strictly: a bad value is a 400 that says which parameter and why.

use crate::error::ApiError;

/// The decoded `name=value` pairs of a query string, in order.
pub struct Query(Vec<(String, String)>);

impl Query {
    /// Decodes the raw query (absent means empty).
    pub fn parse(raw: Option<&str>) -> Self {
        Self(
            form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
                .into_owned()
                .collect(),
        )
    }

    /// Every value given for `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The single value of `name`; giving it twice is an error.
    pub fn one<'a>(&'a self, name: &'a str) -> Result<Option<&'a str>, ApiError> {
        let mut values = self.all(name);
        let first = values.next();
        if values.next().is_some() {
            return Err(ApiError::BadRequest(format!("Give `{name}` at most once.")));
        }
        Ok(first)
    }

    /// An integer in `min..=max`, or `default` when absent.
    pub fn int(&self, name: &str, min: i64, max: i64, default: i64) -> Result<i64, ApiError> {
        match self.one(name)? {
            None => Ok(default),
            Some(text) => text
                .parse::<i64>()
                .ok()
                .filter(|n| (min..=max).contains(n))
                .ok_or_else(|| {
                    ApiError::BadRequest(format!(
                        "`{name}` must be a whole number from {min} to {max}."
                    ))
                }),
        }
    }
}
