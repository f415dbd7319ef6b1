//! Sending feedback: the topics offered, and the form as typed checked by the contract's rules
//! (from `api-types`) in a partner's words before anything is sent.

use crate::text::i18n::t;
use api_types::feedback_rules::{check_body, check_title};
use api_types::{FeedbackCategory, FieldError, NewFeedback};

/// The topics, in the order the form offers them, with their wire values.
pub const CATEGORIES: [(FeedbackCategory, &str); 5] = [
    (FeedbackCategory::Program, "program"),
    (FeedbackCategory::Product, "product"),
    (FeedbackCategory::Portal, "portal"),
    (FeedbackCategory::Support, "support"),
    (FeedbackCategory::Other, "other"),
];

/// The form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedbackDraft {
    /// The chosen topic's wire value, or empty.
    pub category: String,
    /// The title as typed.
    pub title: String,
    /// The feedback as typed.
    pub body: String,
    /// The `Idempotency-Key` of this submission: a retry after a lost answer is stored once.
    pub idempotency_key: String,
}

impl FeedbackDraft {
    /// A draft saved as `[category, title, body, key]` (a list of texts, which the portal
    /// already reads); missing parts are empty.
    pub fn from_parts(parts: Vec<String>) -> Self {
        let mut parts = parts.into_iter();
        let mut next = || parts.next().unwrap_or_default();
        Self {
            category: next(),
            title: next(),
            body: next(),
            idempotency_key: next(),
        }
    }

    /// The draft as it is saved.
    pub fn parts(&self) -> [&str; 4] {
        [
            &self.category,
            &self.title,
            &self.body,
            &self.idempotency_key,
        ]
    }

    /// The feedback to send, or every problem at once, named by the contract's fields.
    pub fn validate(&self) -> Result<NewFeedback, Vec<FieldError>> {
        let category = CATEGORIES
            .iter()
            .find(|(_, value)| *value == self.category)
            .map(|(c, _)| *c);
        let mut errors = Vec::new();
        let mut fail = |field: &str, key: &str| {
            errors.push(FieldError {
                field: field.into(),
                message: t(key),
            })
        };
        if category.is_none() {
            fail("category", "feedback.choose_category");
        }
        if check_title(&self.title).is_some() {
            fail("title", "feedback.title_length");
        }
        if check_body(&self.body).is_some() {
            fail("body", "feedback.body_length");
        }
        match category {
            Some(category) if errors.is_empty() => Ok(NewFeedback {
                category,
                title: self.title.trim().into(),
                body: self.body.trim().into(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_draft_reads_back_and_a_short_one_fills_with_blanks() {
        let draft = FeedbackDraft {
            category: "portal".into(),
            title: "Dark mode".into(),
            body: "Please add a dark theme.".into(),
            idempotency_key: "k-123456789".into(),
        };
        let saved: Vec<String> = draft.parts().iter().map(|p| p.to_string()).collect();
        assert_eq!(FeedbackDraft::from_parts(saved), draft);
        assert_eq!(FeedbackDraft::from_parts(vec!["program".into()]).title, "");
    }

    #[test]
    fn a_blank_form_names_every_field_and_a_good_one_is_trimmed() {
        let fields: Vec<String> = FeedbackDraft::default()
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["category", "title", "body"]);
        let sent = FeedbackDraft {
            category: "portal".into(),
            title: "  CSV export  ".into(),
            body: "Please add the contact's e-mail.".into(),
            idempotency_key: String::new(),
        }
        .validate()
        .unwrap();
        assert_eq!(
            (sent.category, sent.title.as_str()),
            (FeedbackCategory::Portal, "CSV export")
        );
    }
}
