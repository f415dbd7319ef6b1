//! Enums sent as a bare name (`"under_review"`). [`wire_names!`] gives each its list of values,
//! its names, a parser and serde support through one shared reader: serde's derive would
//! compile a reader of its own for every enum (about 1.3 KiB of WebAssembly each, twenty of them).

use std::fmt;

use serde::de::{Deserializer, Error, Visitor};

/// Implements `ALL`, `as_str`, `parse`, `Serialize` and `Deserialize` for a field-less enum,
/// each value with its wire name: `wire_names!(DealStatus { Submitted = "submitted", … })`.
macro_rules! wire_names {
    ($name:ident { $($value:ident = $wire:literal),+ $(,)? }) => {
        impl $name {
            /// Every value, in the contract's order.
            pub const ALL: [$name; Self::NAMES.len()] = [$($name::$value),+];
            const NAMES: &'static [&'static str] = &[$($wire),+];

            /// The wire name, e.g. `under_review`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$value => $wire),+
                }
            }

            /// Parses a wire name.
            #[allow(dead_code)]
            pub fn parse(name: &str) -> Option<Self> {
                Self::NAMES.iter().position(|n| *n == name).map(|i| Self::ALL[i])
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::wire_name::read(d, Self::NAMES).map(|i| Self::ALL[i])
            }
        }
    };
}
pub(crate) use wire_names;

/// Reads one of `names`, answering its position; compiled once per kind of reader.
pub(crate) fn read<'de, D: Deserializer<'de>>(
    d: D,
    names: &'static [&'static str],
) -> Result<usize, D::Error> {
    d.deserialize_str(OneOf(names))
}

struct OneOf(&'static [&'static str]);

impl<'de> Visitor<'de> for OneOf {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "one of {}", self.0.join(", "))
    }

    fn visit_str<E: Error>(self, name: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| E::unknown_variant(name, self.0))
    }
}

#[cfg(test)]
mod tests {
    use crate::{DealStatus, NotificationKind};

    #[test]
    fn names_round_trip_and_unknown_names_are_refused_by_name() {
        for status in DealStatus::ALL {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
            assert_eq!(serde_json::from_str::<DealStatus>(&json).unwrap(), status);
            assert_eq!(DealStatus::parse(status.as_str()), Some(status));
        }
        let error = serde_json::from_str::<NotificationKind>("\"deal_lost_forever\"").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("unknown variant `deal_lost_forever`"),
            "{error}"
        );
        assert!(serde_json::from_str::<DealStatus>("3").is_err());
        assert_eq!(DealStatus::parse("Approved"), None);
    }
}
