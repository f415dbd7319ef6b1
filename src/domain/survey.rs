//! Survey answers: what each kind of question accepts, checked before sending so the partner
//! hears about a missing answer at the question, not after a round trip.

use std::collections::BTreeMap;

use api_types::{is_blank, Answer, FieldError, Question};

/// Answers as they stand, keyed by question id.
pub type Answers = BTreeMap<String, Answer>;

/// Problems with the answers, checked by the contract's own rules (as the backend will).
pub fn validate(questions: &[Question], answers: &Answers) -> Vec<FieldError> {
    api_types::check_answers(questions, answers)
}

/// Answers with blank optional ones left out, as the contract expects.
pub fn to_send(answers: &Answers) -> Answers {
    // Not `collect()`: a map built from an iterator sorts it first, and that sort would be
    // compiled for this one type.
    let mut kept = answers.clone();
    kept.retain(|_, a| !is_blank(Some(a)));
    kept
}

/// Toggles `option` in a multiple-choice answer.
pub fn toggle_choice(answer: Option<&Answer>, option: &str, on: bool) -> Answer {
    let mut ids = match answer {
        Some(Answer::Choices(ids)) => ids.clone(),
        _ => Vec::new(),
    };
    ids.retain(|id| id != option);
    if on {
        ids.push(option.to_owned());
    }
    Answer::Choices(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One question of each kind, as the backend sends them.
    fn questions() -> Vec<Question> {
        let options = r#"[{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]"#;
        serde_json::from_str(&format!(
            r#"[
              {{"id": "nps", "prompt": "", "required": true, "type": "nps"}},
              {{"id": "rate", "prompt": "", "required": true, "type": "rating", "max": 5}},
              {{"id": "one", "prompt": "", "required": true, "type": "single_choice", "options": {options}}},
              {{"id": "many", "prompt": "", "required": false, "type": "multiple_choice", "options": {options}, "max_selected": 1}},
              {{"id": "text", "prompt": "", "required": false, "type": "text", "max_length": 5}}
            ]"#
        ))
        .expect("the questions match the contract")
    }

    fn fields(answers: &Answers) -> Vec<String> {
        validate(&questions(), answers)
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn required_questions_must_be_answered_and_optional_ones_may_be_blank() {
        assert_eq!(fields(&Answers::new()), ["nps", "rate", "one"]);
        let mut answers = Answers::new();
        answers.insert("nps".into(), Answer::Number(0));
        answers.insert("rate".into(), Answer::Number(5));
        answers.insert("one".into(), Answer::Text("b".into()));
        answers.insert("text".into(), Answer::Text("   ".into()));
        assert!(fields(&answers).is_empty());
        assert!(
            !to_send(&answers).contains_key("text"),
            "blank optional answers are not sent"
        );
    }

    #[test]
    fn limits_of_each_kind_are_enforced() {
        let mut answers = Answers::new();
        answers.insert("nps".into(), Answer::Number(11));
        answers.insert("rate".into(), Answer::Number(0));
        answers.insert("one".into(), Answer::Text("z".into()));
        answers.insert("many".into(), Answer::Choices(vec!["a".into(), "b".into()]));
        answers.insert("text".into(), Answer::Text("too long".into()));
        assert_eq!(fields(&answers), ["nps", "rate", "one", "many", "text"]);
    }

    #[test]
    fn choices_toggle_on_and_off() {
        let on = toggle_choice(None, "a", true);
        assert_eq!(on, Answer::Choices(vec!["a".into()]));
        assert_eq!(
            toggle_choice(Some(&on), "a", false),
            Answer::Choices(vec![])
        );
        assert_eq!(
            toggle_choice(Some(&Answer::Number(3)), "b", true),
            Answer::Choices(vec!["b".into()])
        );
    }
}
