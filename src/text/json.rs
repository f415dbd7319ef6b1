//! The JSON files a vendor edits (`config.json`, the message catalogues), read field by field.
//! In the browser the text is parsed by its own `JSON.parse` and fields are read from that
//! object, so the portal carries no JSON value type of its own (its decoder and map cost the
//! first screen ~3 KB); native builds (tests) read the same files with `serde_json`.
// text: parser errors for the vendor, before any language is loaded.

/// A JSON object: the settings of `config.json`, or a catalogue's messages.
#[derive(Clone, Debug, Default)]
pub struct JsonObject {
    #[cfg(target_arch = "wasm32")]
    object: wasm_bindgen::JsValue,
    #[cfg(not(target_arch = "wasm32"))]
    object: serde_json::Map<String, serde_json::Value>,
}

/// Why a file is not a JSON object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON at all: the parser's own words (with the line, where it gives one).
    NotJson(String),
    /// JSON, but a list, a text or a number rather than an object.
    NotAnObject,
}

/// One field as the portal reads it: absent and `null` are the same.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonField {
    /// Not there, or `null`.
    Absent,
    /// A text.
    Text(String),
    /// A number.
    Number(f64),
    /// A list of fields.
    List(Vec<JsonField>),
    /// Anything else, named for an error message (`a true/false value`, `an object`).
    Other(&'static str),
}

impl JsonField {
    /// What the field is, in words for an error message: `a text`, `a number` …
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Absent => "null",
            Self::Text(_) => "a text",
            Self::Number(_) => "a number",
            Self::List(_) => "a list",
            Self::Other(kind) => kind,
        }
    }
}

impl JsonObject {
    /// Parses `text`, which must be a JSON object.
    pub fn parse(text: &str) -> Result<Self, JsonError> {
        #[cfg(target_arch = "wasm32")]
        {
            let object = js_sys::JSON::parse(text).map_err(|error| {
                let message = js_sys::Reflect::get(&error, &"message".into()).ok();
                JsonError::NotJson(message.and_then(|m| m.as_string()).unwrap_or_default())
            })?;
            if !object.is_object() || js_sys::Array::is_array(&object) {
                return Err(JsonError::NotAnObject);
            }
            Ok(Self { object })
        }
        #[cfg(not(target_arch = "wasm32"))]
        match serde_json::from_str(text) {
            Ok(serde_json::Value::Object(object)) => Ok(Self { object }),
            Ok(_) => Err(JsonError::NotAnObject),
            Err(error) => Err(JsonError::NotJson(error.to_string())),
        }
    }

    /// The field `name` (an own field only: `toString` is not a setting).
    pub fn get(&self, name: &str) -> JsonField {
        #[cfg(target_arch = "wasm32")]
        {
            let name = wasm_bindgen::JsValue::from_str(name);
            let object: &js_sys::Object = wasm_bindgen::JsCast::unchecked_ref(&self.object);
            if !js_sys::Object::has_own(object, &name) {
                return JsonField::Absent;
            }
            field(&js_sys::Reflect::get(&self.object, &name).unwrap_or_default())
        }
        #[cfg(not(target_arch = "wasm32"))]
        self.object.get(name).map_or(JsonField::Absent, field)
    }

    /// The text of field `name`, if it is a text.
    pub fn text(&self, name: &str) -> Option<String> {
        match self.get(name) {
            JsonField::Text(text) => Some(text),
            _ => None,
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn field(value: &wasm_bindgen::JsValue) -> JsonField {
    if value.is_null() || value.is_undefined() {
        JsonField::Absent
    } else if let Some(text) = value.as_string() {
        JsonField::Text(text)
    } else if let Some(number) = value.as_f64() {
        JsonField::Number(number)
    } else if js_sys::Array::is_array(value) {
        let list: &js_sys::Array = wasm_bindgen::JsCast::unchecked_ref(value);
        JsonField::List(list.iter().map(|item| field(&item)).collect())
    } else if value.as_bool().is_some() {
        JsonField::Other("a true/false value")
    } else {
        JsonField::Other("an object")
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn field(value: &serde_json::Value) -> JsonField {
    use serde_json::Value;
    match value {
        Value::Null => JsonField::Absent,
        Value::String(text) => JsonField::Text(text.clone()),
        Value::Number(number) => JsonField::Number(number.as_f64().unwrap_or(f64::NAN)),
        Value::Array(list) => JsonField::List(list.iter().map(field).collect()),
        Value::Bool(_) => JsonField::Other("a true/false value"),
        Value::Object(_) => JsonField::Other("an object"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_read_as_what_they_are() {
        let object =
            JsonObject::parse(r#"{"a": "x", "n": 5, "l": ["y", 1], "b": true, "z": null}"#)
                .unwrap();
        assert_eq!(object.text("a").as_deref(), Some("x"));
        assert_eq!(object.get("n"), JsonField::Number(5.0));
        assert_eq!(
            object.get("l"),
            JsonField::List(vec![JsonField::Text("y".into()), JsonField::Number(1.0)])
        );
        assert_eq!(object.get("b").kind(), "a true/false value");
        assert_eq!(object.get("z"), JsonField::Absent);
        assert_eq!(object.get("missing"), JsonField::Absent);
        assert_eq!(
            JsonObject::parse("[1]").unwrap_err(),
            JsonError::NotAnObject
        );
        assert!(matches!(JsonObject::parse("{"), Err(JsonError::NotJson(_))));
    }
}
