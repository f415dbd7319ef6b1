//! Property tests of what the portal reads from outside, natively: `config.json`, the query of
//! every page's address, what local storage kept (drafts, typed or in parts), amounts as typed
//! and colours from a brand. Whatever comes in, each answers a value or plain words, without
//! panicking and in bounded time.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use partner_portal::domain::deal::StepDraft;
use partner_portal::domain::deals::DealListQuery;
use partner_portal::domain::feedback::FeedbackDraft;
use partner_portal::domain::leaderboards::BoardView;
use partner_portal::domain::onboarding::ChecklistFilter;
use partner_portal::domain::register_deal::{parse_amount, validate, DealDraft};
use partner_portal::domain::training::CourseView;
use partner_portal::domain::UrlState;
use partner_portal::platform::brand::Rgb;
use partner_portal::platform::config::PortalConfig;
use proptest::prelude::*;

/// What one call may take on a debug build, with room for a busy CI machine.
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

fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "\\PC{0,2000}", "[0-9 ,.'€$¥-]{0,24}"]
}

/// JSON of any shape, with the names `config.json` and drafts use, or not JSON at all.
fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        text().prop_map(serde_json::Value::from),
    ];
    let names = prop_oneof![
        Just("api_base_url".to_owned()),
        Just("brand_name".to_owned()),
        Just("default_locale".to_owned()),
        Just("accent_color".to_owned()),
        Just("logo_url".to_owned()),
        Just("sign_in".to_owned()),
        Just("customer_company".to_owned()),
        Just("products".to_owned()),
        Just("amount".to_owned()),
        text(),
    ];
    let value = leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::from),
            proptest::collection::btree_map(names.clone(), inner, 0..8)
                .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    });
    prop_oneof![value.prop_map(|v| v.to_string()), text()]
}

fn pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    let name = prop_oneof![
        Just("status".to_owned()),
        Just("sort".to_owned()),
        Just("q".to_owned()),
        Just("page".to_owned()),
        Just("cursor".to_owned()),
        Just("show".to_owned()),
        Just("period".to_owned()),
        Just("board".to_owned()),
        Just("segment".to_owned()),
        Just("kind".to_owned()),
        text(),
    ];
    proptest::collection::vec((name, text()), 0..30)
}

/// Reading an address and writing it back gives an address that reads the same.
fn round_trips<S: UrlState + std::fmt::Debug>(
    pairs: &[(String, String)],
) -> Result<(), TestCaseError> {
    let state = bounded("from_pairs", || {
        S::from_pairs(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())))
    });
    let query = state.to_query();
    prop_assert_eq!(S::from_pairs(query.pairs()), state);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn config_json_is_read_or_refused_in_words(text in json_text()) {
        if let Err(error) = bounded("PortalConfig::parse", || PortalConfig::parse(&text)) {
            prop_assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn every_pages_address_reads_and_writes_back_the_same(pairs in pairs()) {
        round_trips::<DealListQuery>(&pairs)?;
        round_trips::<BoardView>(&pairs)?;
        round_trips::<ChecklistFilter>(&pairs)?;
        round_trips::<CourseView>(&pairs)?;
    }

    #[test]
    fn stored_drafts_read_back_and_are_judged(stored in json_text(), parts in proptest::collection::vec(text(), 0..6), day in 0i32..800_000) {
        let today = NaiveDate::from_num_days_from_ce_opt(day).unwrap_or_default();
        if let Ok(draft) = bounded("DealDraft", || serde_json::from_str::<DealDraft>(&stored)) {
            let _ = bounded("validate", || validate(&draft, today));
        }
        let feedback = FeedbackDraft::from_parts(parts.clone());
        let _ = bounded("FeedbackDraft::validate", || feedback.validate());
        prop_assert_eq!(FeedbackDraft::from_parts(feedback.parts().map(str::to_owned).to_vec()), feedback);
        let step = StepDraft::from_parts(parts);
        prop_assert_eq!(StepDraft::from_parts(step.parts()), step);
    }

    #[test]
    fn typed_amounts_and_brand_colours_parse_or_say_no(typed in text(), currency in "[A-Z]{0,4}") {
        if let Ok(minor) = bounded("parse_amount", || parse_amount(&typed, &currency)) {
            prop_assert!(minor >= 0, "{typed:?} read as {minor}");
        }
        bounded("Rgb::parse", || Rgb::parse(&typed));
    }
}
