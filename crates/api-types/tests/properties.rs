//! Property tests: every decoder and rule of the contract, fed arbitrary input, answers without
//! panicking and in bounded time (what the server and the portal run on data from outside).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use api_types::dates::{parse_day, parse_instant};
use api_types::deal_rules::{check_name, check_new_deal};
use api_types::feedback_rules::check_new_feedback;
use api_types::*;
use chrono::NaiveDate;
use proptest::prelude::*;

/// What one call may take on a debug build, whatever the input, with room for a busy CI
/// machine; anything that grows quadratically with the quarter-mebibyte body below needs seconds.
const BOUND: Duration = Duration::from_millis(250);

fn bounded<T>(what: &str, run: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let answer = run();
    assert!(
        started.elapsed() < BOUND,
        "{what} took {:?}",
        started.elapsed()
    );
    answer
}

/// Text from anywhere: any characters (controls, bidi overrides, combining marks), up to 4 KiB.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "\\PC{0,4000}", "[a-zA-Z0-9 ._@+-]{0,40}"]
}

fn new_deal() -> impl Strategy<Value = NewDeal> {
    (
        (text(), text(), text(), proptest::option::of(text())),
        (text(), any::<i64>(), "[A-Z]{0,4}", any::<i32>()),
        (
            proptest::collection::vec(prop_oneof!["[A-Z0-9-]{0,12}", any::<String>()], 0..300),
            proptest::option::of(text()),
        ),
    )
        .prop_map(
            |(
                (company, name, email, phone),
                (country, amount, currency, day),
                (products, notes),
            )| NewDeal {
                customer_company: company,
                contact: Contact { name, email, phone },
                country,
                value: Money {
                    amount_minor: amount,
                    currency,
                },
                expected_close_on: NaiveDate::from_num_days_from_ce_opt(day.rem_euclid(1_000_000))
                    .unwrap_or_default(),
                products,
                notes,
            },
        )
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        any::<i64>().prop_map(Answer::Number),
        text().prop_map(Answer::Text),
        proptest::collection::vec(text(), 0..50).prop_map(Answer::Choices),
    ]
}

fn option() -> impl Strategy<Value = ChoiceOption> {
    ("[a-z]{1,3}", text()).prop_map(|(id, label)| ChoiceOption { id, label })
}

fn question() -> impl Strategy<Value = Question> {
    let kind = prop_oneof![
        Just(QuestionKind::Nps),
        any::<u8>().prop_map(|max| QuestionKind::Rating { max }),
        proptest::collection::vec(option(), 0..8)
            .prop_map(|options| QuestionKind::SingleChoice { options }),
        (proptest::collection::vec(option(), 0..8), any::<u32>()).prop_map(
            |(options, max_selected)| QuestionKind::MultipleChoice {
                options,
                max_selected
            }
        ),
        any::<u32>().prop_map(|max_length| QuestionKind::Text { max_length }),
    ];
    ("[a-z]{1,3}", text(), any::<bool>(), kind).prop_map(|(id, prompt, required, kind)| Question {
        id,
        prompt,
        required,
        kind,
    })
}

/// Query pairs as a server or the portal decodes them from a URL: known names, odd values.
fn pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    let name = prop_oneof![
        Just("status".to_owned()),
        Just("sort".to_owned()),
        Just("q".to_owned()),
        Just("cursor".to_owned()),
        Just("limit".to_owned()),
        Just("period".to_owned()),
        Just("segment".to_owned()),
        Just("offset".to_owned()),
        text(),
    ];
    proptest::collection::vec((name, text()), 0..40)
}

/// JSON-shaped text: valid JSON of arbitrary shape, or fragments of it.
fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        text().prop_map(serde_json::Value::from),
    ];
    let value = leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::from),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("customer_company".to_owned()),
                    Just("answers".to_owned()),
                    Just("contact".to_owned()),
                    Just("value".to_owned()),
                    Just("products".to_owned()),
                    Just("category".to_owned()),
                    text()
                ],
                inner,
                0..8,
            )
            .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    });
    prop_oneof![value.prop_map(|v| v.to_string()), text()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_registration_is_judged_in_bounded_time(deal in new_deal(), today in 0i32..800_000) {
        let today = NaiveDate::from_num_days_from_ce_opt(today).unwrap_or_default();
        bounded("check_new_deal", || check_new_deal(&deal, today, |code| code.len() < 12));
        bounded("check_name", || check_name(&deal.customer_company));
    }

    #[test]
    fn feedback_and_survey_answers_are_judged_in_bounded_time(
        category in prop_oneof![Just(FeedbackCategory::ALL[0]), Just(FeedbackCategory::ALL[FeedbackCategory::ALL.len() - 1])],
        title in text(),
        body in text(),
        questions in proptest::collection::vec(question(), 0..12),
        answers in proptest::collection::btree_map("[a-z]{1,3}", answer(), 0..16),
    ) {
        bounded("check_new_feedback", || check_new_feedback(&NewFeedback { category, title, body }));
        let answers: BTreeMap<String, Answer> = answers;
        bounded("check_answers", || check_answers(&questions, &answers));
    }

    #[test]
    fn list_parameters_parse_or_say_why(pairs in pairs()) {
        let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        if let Ok(params) = bounded("DealListParams::parse", || DealListParams::parse(borrowed.iter().copied())) {
            // What parsed goes back out as a query that parses to the same.
            let query = params.to_query();
            prop_assert_eq!(DealListParams::parse(query.pairs()), Ok(params));
        }
        if let Ok(params) = bounded("BoardParams::parse", || BoardParams::parse(borrowed.iter().copied())) {
            let query = params.to_query();
            prop_assert_eq!(BoardParams::parse(query.pairs()), Ok(params));
        }
    }

    #[test]
    fn request_bodies_decode_or_fail_in_bounded_time(body in json_text()) {
        bounded("NewDeal", || serde_json::from_str::<NewDeal>(&body).is_ok());
        bounded("NewFeedback", || serde_json::from_str::<NewFeedback>(&body).is_ok());
        bounded("SurveyResponse", || serde_json::from_str::<SurveyResponse>(&body).is_ok());
        bounded("Deal", || serde_json::from_str::<Deal>(&body).is_ok());
        bounded("Survey", || serde_json::from_str::<Vec<Question>>(&body).is_ok());
    }

    #[test]
    fn days_and_instants_parse_or_are_none(text in prop_oneof![text(), "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.]{0,14}(Z|[+-][0-9]{2}:[0-9]{2})?)?"]) {
        bounded("parse_day", || parse_day(&text));
        bounded("parse_instant", || parse_instant(&text));
    }
}

/// The quarter-mebibyte registration the server refuses: judged at once even in a debug build.
#[test]
fn a_quarter_mebibyte_registration_is_judged_at_once() {
    let deal = NewDeal {
        customer_company: "Ä".repeat(60_000),
        contact: Contact {
            name: "x".repeat(20_000),
            email: "@".repeat(20_000),
            phone: Some("1".repeat(10_000)),
        },
        country: "FR".into(),
        value: Money {
            amount_minor: 1,
            currency: "EUR".into(),
        },
        expected_close_on: NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
        products: (0..18_000).map(|i| format!("P{i:05}")).collect(),
        notes: Some("n".repeat(20_000)),
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let broken = bounded("check_new_deal", || check_new_deal(&deal, today, |_| true));
    assert!(!broken.is_empty());
}
