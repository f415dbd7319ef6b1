//! Where in a JSON text a decoding error happened, as a field path (`[1].amount_minor`): a
//! small scan of the text up to serde_json's reported position, so that decoding itself stays
//! plain serde_json (a path-tracking decoder doubled the decoding code in the WebAssembly).

/// One open container on the way to the error.
enum Frame {
    Object {
        key: Option<String>,
        expect_key: bool,
    },
    Array(usize),
}

/// The path of the value at `line` and `column` (1-based, as serde_json reports them);
/// `missing` names an object whose field is absent, so its last key is not the culprit.
pub fn path_at(text: &str, line: usize, column: usize, missing: bool) -> String {
    let offset = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        + column.saturating_sub(1);
    let mut frames: Vec<Frame> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if at >= offset {
            break;
        }
        match c {
            '{' => frames.push(Frame::Object {
                key: None,
                expect_key: true,
            }),
            '[' => frames.push(Frame::Array(0)),
            '}' | ']' => {
                frames.pop();
            }
            ',' => match frames.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                None => {}
            },
            '"' => {
                let mut string = String::new();
                while let Some((_, c)) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => {
                            if let Some((_, escaped)) = chars.next() {
                                string.push(escaped);
                            }
                        }
                        c => string.push(c),
                    }
                }
                if let Some(Frame::Object { key, expect_key }) = frames.last_mut() {
                    if *expect_key {
                        *key = Some(string);
                        *expect_key = false;
                    }
                }
            }
            _ => {}
        }
    }
    if missing {
        if let Some(Frame::Object { key, .. }) = frames.last_mut() {
            *key = None;
        }
    }
    let mut path = String::new();
    for frame in &frames {
        match frame {
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::path_at;

    #[test]
    fn names_the_field_at_the_position() {
        let text = r#"[{"amount_minor": 1}, {"amount_minor": "x", "currency": "EUR"}]"#;
        let column = text.find("\"x\"").unwrap() + 3;
        assert_eq!(path_at(text, 1, column, false), "[1].amount_minor");
    }

    #[test]
    fn follows_nested_objects_lines_and_escaped_quotes() {
        let text = "{\"me\": {\"name\": \"A \\\"B\\\"\",\n  \"tier\": 5}}";
        assert_eq!(path_at(text, 2, 11, false), "me.tier");
    }

    #[test]
    fn a_missing_field_names_its_object_and_the_root_is_empty() {
        let text = r#"{"items": [{"id": 1}]}"#;
        let column = text.find('}').unwrap() + 1;
        assert_eq!(path_at(text, 1, column, true), "items[0]");
        assert_eq!(path_at("5", 1, 1, false), "");
    }
}
