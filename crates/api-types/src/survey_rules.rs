//! The contract's rules for survey answers, shared so the app warns exactly where the backend
//! would refuse.

use std::collections::BTreeMap;

use crate::{Answer, FieldError, Question, QuestionKind};

/// Whether an answer counts as not given (absent, blank text, no choice).
pub fn is_blank(answer: Option<&Answer>) -> bool {
    match answer {
        None => true,
        Some(Answer::Text(text)) => text.trim().is_empty(),
        Some(Answer::Choices(ids)) => ids.is_empty(),
        Some(Answer::Number(_)) => false,
    }
}

/// Problems with `answers` to `questions`: answers to unknown questions first, then at most one
/// per question in question order; each names the question's id as its field.
pub fn check_answers(
    questions: &[Question],
    answers: &BTreeMap<String, Answer>,
) -> Vec<FieldError> {
    let mut errors: Vec<FieldError> = answers
        .keys()
        .filter(|id| !questions.iter().any(|q| &q.id == *id))
        .map(|id| FieldError {
            field: id.clone(),
            message: "This is not a question of this survey.".into(),
        })
        .collect();
    for question in questions {
        let answer = answers.get(&question.id);
        let message = if is_blank(answer) {
            question
                .required
                // Named, so a list of problems says which question each is about.
                .then(|| {
                    format!(
                        "Please answer “{}”",
                        question.prompt.trim_end_matches(['.', ' '])
                    )
                })
        } else {
            problem(&question.kind, answer)
        };
        if let Some(message) = message {
            errors.push(FieldError {
                field: question.id.clone(),
                message,
            });
        }
    }
    errors
}

fn problem(kind: &QuestionKind, answer: Option<&Answer>) -> Option<String> {
    match (kind, answer) {
        (QuestionKind::Nps, Some(Answer::Number(n))) if (0..=10).contains(n) => None,
        (QuestionKind::Nps, _) => Some("Choose a score from 0 to 10.".into()),
        (QuestionKind::Rating { max }, Some(Answer::Number(n)))
            if (1..=i64::from(*max)).contains(n) =>
        {
            None
        }
        (QuestionKind::Rating { max }, _) => Some(format!("Choose a rating from 1 to {max}.")),
        (QuestionKind::SingleChoice { options }, Some(Answer::Text(id)))
            if options.iter().any(|o| &o.id == id) =>
        {
            None
        }
        (QuestionKind::SingleChoice { .. }, _) => Some("Choose one of the options.".into()),
        (
            QuestionKind::MultipleChoice {
                options,
                max_selected,
            },
            Some(Answer::Choices(ids)),
        ) => {
            let known = ids.iter().all(|id| options.iter().any(|o| &o.id == id));
            let unique = ids.iter().enumerate().all(|(i, id)| !ids[..i].contains(id));
            if !known || !unique {
                Some("Choose from the options, each once.".into())
            } else if ids.len() > *max_selected as usize {
                Some(format!("Choose at most {max_selected}."))
            } else {
                None
            }
        }
        (QuestionKind::MultipleChoice { .. }, _) => Some("Choose from the options.".into()),
        (QuestionKind::Text { max_length }, Some(Answer::Text(t)))
            if t.chars().count() <= *max_length as usize =>
        {
            None
        }
        (QuestionKind::Text { max_length }, Some(Answer::Text(_))) => {
            Some(format!("Keep your answer to {max_length} characters."))
        }
        (QuestionKind::Text { .. }, _) => Some("Answer in words.".into()),
    }
}
