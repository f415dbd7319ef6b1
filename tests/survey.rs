//! Component test for a survey against a stubbed `fetch`: every kind of question renders as
//! native controls, and required questions left blank are flagged before anything is sent.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use partner_portal::pages::SurveyPage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod browser;

wasm_bindgen_test_configure!(run_in_browser);

const SURVEY: &str = r#"{"id":"s1","title":"Pulse","description":"Three minutes.","due_on":"2099-12-15","questions":[
 {"id":"q-nps","prompt":"Recommend us?","required":true,"type":"nps"},
 {"id":"q-rate","prompt":"Rate deal registration","required":true,"type":"rating","max":5},
 {"id":"q-one","prompt":"Main product?","required":false,"type":"single_choice","options":[{"id":"a","label":"Cloud"},{"id":"b","label":"Edge"}]},
 {"id":"q-many","prompt":"What helps?","required":false,"type":"multiple_choice","max_selected":2,"options":[{"id":"x","label":"Leads"},{"id":"y","label":"MDF"},{"id":"z","label":"Training"}]},
 {"id":"q-text","prompt":"Anything else?","required":false,"type":"text","max_length":300}]}"#;

#[wasm_bindgen_test]
async fn every_question_kind_renders_and_blank_required_ones_are_flagged() {
    // GET answers the survey; a POST would mean the form sent incomplete answers.
    let script = format!(
        "if ((init && init.method === 'POST') || (url && url.method === 'POST')) throw new Error('nothing should be sent');
         return Promise.resolve(new Response({SURVEY:?}, {{status: 200}}));"
    );
    browser::stub_fetch(&script);
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let host = browser::host();
    let _page = leptos::mount::mount_to(host.clone(), || {
        browser::provide_portal();
        view! { <Router><Routes fallback=|| "no route"><Route path=path!("/") view=SurveyPage/></Routes></Router> }
    });
    browser::until("the survey form", || {
        host.query_selector("form").unwrap().is_some()
    })
    .await;
    let count = |selector: &str| host.query_selector_all(selector).unwrap().length();
    assert_eq!(count("input[type=radio][name=q-nps]"), 11, "NPS is 0 to 10");
    assert_eq!(count("input[type=radio][name=q-rate]"), 5);
    assert_eq!(count("input[type=radio][name=q-one]"), 2);
    assert_eq!(count("input[type=checkbox]"), 3);
    assert_eq!(count("textarea"), 1);
    assert_eq!(
        count("fieldset legend"),
        4,
        "choice questions are labelled groups"
    );

    let submit: HtmlElement = host
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    submit.click();
    leptos::task::tick().await;
    let summary = host
        .query_selector(".pp-error-summary")
        .unwrap()
        .expect("an error summary");
    assert_eq!(
        summary.query_selector_all("a").unwrap().length(),
        2,
        "only the two required questions"
    );
    assert!(host
        .query_selector("#question-q-nps-error")
        .unwrap()
        .is_some());
    assert!(host
        .query_selector("#question-q-one-error")
        .unwrap()
        .is_none());
}
