//! Reads a [`Measure`] (`{"unit": "count", "value": 3}` or `{"unit": "money", "value": {…}}`)
//! in one pass, the keys in any order, without buffering the value as serde's derive would.

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, Error, IgnoredAny, MapAccess, Visitor};

use crate::{Measure, Money};

#[derive(serde::Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Key {
    Unit,
    Value,
    #[serde(other)]
    Other,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum Unit {
    Count,
    Money,
}

/// The value before its unit is known: a whole number or an object (an amount of money).
enum Value {
    Count(u64),
    Money(Money),
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> Visitor<'de> for Either {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number or an amount of money")
            }
            fn visit_u64<E: Error>(self, n: u64) -> Result<Value, E> {
                Ok(Value::Count(n))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
                Money::deserialize(MapAccessDeserializer::new(map)).map(Value::Money)
            }
        }
        d.deserialize_any(Either)
    }
}

impl<'de> Deserialize<'de> for Measure {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = Measure;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a measure with a unit and a value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Measure, A::Error> {
                let (mut unit, mut value) = (None, None);
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Unit => unit = Some(map.next_value::<Unit>()?),
                        Key::Value => value = Some(map.next_value::<Value>()?),
                        Key::Other => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                match (unit, value) {
                    (Some(Unit::Count), Some(Value::Count(value))) => Ok(Measure::Count { value }),
                    (Some(Unit::Money), Some(Value::Money(value))) => Ok(Measure::Money { value }),
                    (None, _) => Err(A::Error::missing_field("unit")),
                    (_, None) => Err(A::Error::missing_field("value")),
                    _ => Err(A::Error::custom("the value does not fit its unit")),
                }
            }
        }
        d.deserialize_map(Fields)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<Measure, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn both_units_read_in_any_key_order_and_round_trip() {
        let money = Measure::Money {
            value: Money {
                amount_minor: 18_000_000,
                currency: "EUR".into(),
            },
        };
        assert_eq!(
            read(r#"{"unit":"count","value":3}"#),
            Ok(Measure::Count { value: 3 })
        );
        assert_eq!(
            read(r#"{"value":{"currency":"EUR","amount_minor":18000000},"unit":"money","note":1}"#),
            Ok(money.clone())
        );
        assert_eq!(read(&serde_json::to_string(&money).unwrap()), Ok(money));
    }

    #[test]
    fn a_value_that_does_not_fit_its_unit_is_refused() {
        assert!(read(r#"{"unit":"money","value":3}"#)
            .unwrap_err()
            .contains("does not fit"));
        assert!(read(r#"{"unit":"count"}"#)
            .unwrap_err()
            .contains("missing field `value`"));
        assert!(read(r#"{"unit":"percent","value":3}"#)
            .unwrap_err()
            .contains("unknown variant"));
        assert!(read(r#"{"unit":"count","value":-1}"#).is_err());
    }
}
