//! The contract's rules for new feedback, shared by the app (before sending) and the backend.

use crate::deal_rules::{check_length, Broken};
use crate::NewFeedback;

/// A title of 3 to 120 characters once trimmed.
pub const TITLE_CHARS: (usize, usize) = (3, 120);
/// A body of 10 to 4000 characters once trimmed.
pub const BODY_CHARS: (usize, usize) = (10, 4000);

/// Checks a title as typed.
pub fn check_title(title: &str) -> Option<Broken> {
    check_length(title, TITLE_CHARS).map(|rule| Broken {
        field: "title",
        rule,
    })
}

/// Checks a body as typed.
pub fn check_body(body: &str) -> Option<Broken> {
    check_length(body, BODY_CHARS).map(|rule| Broken {
        field: "body",
        rule,
    })
}

/// Every rule for new feedback, in field order.
pub fn check_new_feedback(feedback: &NewFeedback) -> Vec<Broken> {
    check_title(&feedback.title)
        .into_iter()
        .chain(check_body(&feedback.body))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FeedbackCategory;

    #[test]
    fn titles_and_bodies_are_counted_trimmed() {
        let feedback = NewFeedback {
            category: FeedbackCategory::Portal,
            title: "  ab  ".into(),
            body: "Ten chars!".into(),
        };
        let fields: Vec<&str> = check_new_feedback(&feedback)
            .iter()
            .map(|b| b.field)
            .collect();
        assert_eq!(fields, ["title"]);
        assert!(check_body("  short  ").is_some());
    }
}
