//! One-pass readers for the contract's objects that serde's derive would buffer whole before
//! reading (a flattened struct, a tagged or an untagged enum): the buffering machinery costs
//! several KiB of WebAssembly on each page that reads one. Each object is read as one flat set
//! of fields, then assembled.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::{Deserializer, Error, SeqAccess, Visitor};
use serde::Deserialize;

use crate::wire_name::wire_names;
use crate::{Answer, ChoiceOption, Contact, Deal, DealEvent, DealStatus, DealSummary, Money};
use crate::{Question, QuestionKind};

/// A [`Deal`]'s fields as sent: the summary's and the rest side by side.
#[derive(Deserialize)]
pub(crate) struct DealFields {
    reference: String,
    customer_company: String,
    country: String,
    value: Money,
    #[serde(deserialize_with = "crate::dates::day")]
    expected_close_on: NaiveDate,
    status: DealStatus,
    #[serde(default, deserialize_with = "crate::dates::optional_day")]
    protection_expires_on: Option<NaiveDate>,
    #[serde(deserialize_with = "crate::dates::instant")]
    updated_at: DateTime<Utc>,
    contact: Contact,
    products: Vec<String>,
    #[serde(default)]
    notes: Option<String>,
    #[serde(deserialize_with = "crate::dates::instant")]
    submitted_at: DateTime<Utc>,
    timeline: Vec<DealEvent>,
    #[serde(default)]
    points_earned: Option<u32>,
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    expected_earnings: Vec<crate::earnings::ExpectedEarning>,
}

impl From<DealFields> for Deal {
    fn from(f: DealFields) -> Self {
        Deal {
            summary: DealSummary {
                reference: f.reference,
                customer_company: f.customer_company,
                country: f.country,
                value: f.value,
                expected_close_on: f.expected_close_on,
                status: f.status,
                protection_expires_on: f.protection_expires_on,
                updated_at: f.updated_at,
            },
            contact: f.contact,
            products: f.products,
            notes: f.notes,
            submitted_at: f.submitted_at,
            timeline: f.timeline,
            points_earned: f.points_earned,
            expected_earnings: f.expected_earnings,
        }
    }
}

/// The `type` of a question.
#[derive(Clone, Copy)]
enum QuestionType {
    Nps,
    Rating,
    SingleChoice,
    MultipleChoice,
    Text,
}

wire_names!(QuestionType {
    Nps = "nps",
    Rating = "rating",
    SingleChoice = "single_choice",
    MultipleChoice = "multiple_choice",
    Text = "text",
});

/// A [`Question`]'s fields as sent: its own and those of every kind, side by side.
#[derive(Deserialize)]
pub(crate) struct QuestionFields {
    id: String,
    prompt: String,
    required: bool,
    #[serde(rename = "type")]
    kind: QuestionType,
    max: Option<u8>,
    options: Option<Vec<ChoiceOption>>,
    max_selected: Option<u32>,
    max_length: Option<u32>,
}

impl TryFrom<QuestionFields> for Question {
    type Error = String;

    fn try_from(f: QuestionFields) -> Result<Self, String> {
        let needs = |field: &str| format!("a {} question needs `{field}`", f.kind.as_str());
        let kind = match f.kind {
            QuestionType::Nps => QuestionKind::Nps,
            QuestionType::Rating => QuestionKind::Rating {
                max: f.max.ok_or_else(|| needs("max"))?,
            },
            QuestionType::SingleChoice => QuestionKind::SingleChoice {
                options: f.options.ok_or_else(|| needs("options"))?,
            },
            QuestionType::MultipleChoice => QuestionKind::MultipleChoice {
                options: f.options.ok_or_else(|| needs("options"))?,
                max_selected: f.max_selected.ok_or_else(|| needs("max_selected"))?,
            },
            QuestionType::Text => QuestionKind::Text {
                max_length: f.max_length.ok_or_else(|| needs("max_length"))?,
            },
        };
        Ok(Question {
            id: f.id,
            prompt: f.prompt,
            required: f.required,
            kind,
        })
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnswerVisitor)
    }
}

struct AnswerVisitor;

impl<'de> Visitor<'de> for AnswerVisitor {
    type Value = Answer;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number, a text or a list of option ids")
    }

    fn visit_i64<E: Error>(self, n: i64) -> Result<Answer, E> {
        Ok(Answer::Number(n))
    }

    fn visit_u64<E: Error>(self, n: u64) -> Result<Answer, E> {
        i64::try_from(n)
            .map(Answer::Number)
            .map_err(|_| E::custom("the number is too large"))
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Answer, E> {
        Ok(Answer::Text(text.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Answer, A::Error> {
        let mut ids = Vec::new();
        while let Some(id) = seq.next_element::<String>()? {
            ids.push(id);
        }
        Ok(Answer::Choices(ids))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::{Answer, Deal, Question, QuestionKind};

    #[test]
    fn questions_read_their_kind_from_the_same_object() {
        let q: Question = serde_json::from_value(json!({
            "max_selected": 2, "id": "q", "prompt": "Which?", "required": true,
            "type": "multiple_choice", "options": [{"id": "a", "label": "A"}], "extra": 1
        }))
        .unwrap();
        assert!(
            matches!(q.kind, QuestionKind::MultipleChoice { max_selected: 2, ref options } if options.len() == 1)
        );
        let back: Question = serde_json::from_value(serde_json::to_value(&q).unwrap()).unwrap();
        assert_eq!(back, q);
        let missing = serde_json::from_value::<Question>(json!({
            "id": "q", "prompt": "Rate", "required": false, "type": "rating"
        }))
        .unwrap_err();
        assert!(
            missing
                .to_string()
                .contains("a rating question needs `max`"),
            "{missing}"
        );
        assert!(serde_json::from_value::<Question>(json!({
            "id": "q", "prompt": "?", "required": false, "type": "essay"
        }))
        .is_err());
    }

    #[test]
    fn answers_are_numbers_texts_or_lists_and_nothing_else() {
        let read = |v| serde_json::from_value::<Answer>(v);
        assert_eq!(read(json!(7)).unwrap(), Answer::Number(7));
        assert_eq!(read(json!(-1)).unwrap(), Answer::Number(-1));
        assert_eq!(read(json!("a")).unwrap(), Answer::Text("a".into()));
        assert_eq!(
            read(json!(["a", "b"])).unwrap(),
            Answer::Choices(vec!["a".into(), "b".into()])
        );
        assert!(read(json!(1.5)).is_err());
        assert!(read(json!({"a": 1})).is_err());
        assert!(read(json!([1])).is_err());
        assert!(read(json!(u64::MAX)).is_err());
    }

    #[test]
    fn a_deal_reads_its_summary_from_the_same_object() {
        let deal = json!({
            "reference": "DR-1", "customer_company": "Acme", "country": "DE",
            "value": {"amount_minor": 100, "currency": "EUR"}, "expected_close_on": "2026-12-01",
            "status": "approved", "protection_expires_on": "2027-01-01",
            "updated_at": "2026-11-01T10:00:00Z", "contact": {"name": "A", "email": "a@example.com"},
            "products": ["NW-EDGE"], "submitted_at": "2026-10-01T10:00:00Z", "timeline": []
        });
        let read: Deal = serde_json::from_value(deal.clone()).unwrap();
        assert_eq!(read.summary.reference, "DR-1");
        assert_eq!(read.notes, None);
        assert_eq!(serde_json::to_value(&read).unwrap(), deal);
    }
}
