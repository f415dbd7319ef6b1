//! Component tests for Home against a stubbed `fetch` (never a live API): data, server error,
//! and an answer that breaks the contract.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use partner_portal::pages::HomePage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod browser;

wasm_bindgen_test_configure!(run_in_browser);

const ME: &str = r#"{"user":{"id":"u-1","name":"Zoë Ødegaard","email":"zoe@example.no","role":"admin"},
"company":{"id":"c-1","name":"Fjord Systemer AS","partner_type":"reseller","country":"NO","region":"EMEA",
"currency":"EUR","tier":"gold","joined_on":"2026-01-05"},"engagement":{"score":71,"change":-2,"factors":[]}}"#;

/// The other sections' answers: empty but valid, so only the card under test can fail.
const EMPTY_SECTIONS: [(&str, &str); 6] = [
    ("/onboarding", r#"{"started_on":"2026-01-05","phases":[]}"#),
    (
        "/training",
        r#"{"courses":[],"recommended":[],"certifications":[],"badges":[]}"#,
    ),
    ("/deals/pipeline", "[]"),
    ("/deals", r#"{"items":[],"total":0}"#),
    ("/surveys", "[]"),
    (
        "/leaderboards/engagement",
        r#"{"board_id":"engagement","period":"month","segment":{"id":"type:reseller","label":"Resellers"},"entries":[],"offset":0,"total":87,
        "me":{"entry":{"rank":12,"partner_id":"c-1","display_name":"Fjord Systemer AS","score":550,"badges":[],"is_me":true},"points_to_next_rank":5,"next_rank":11,"history":[]}}"#,
    ),
];

/// Replaces `window.fetch`: `/me` answers `status` and `body`, the other sections are empty.
fn stub_fetch(status: u16, body: &str) {
    let mut routes = vec![("/me".to_owned(), status, body.to_owned())];
    routes.extend(
        EMPTY_SECTIONS
            .iter()
            .map(|(path, body)| (path.to_string(), 200, body.to_string())),
    );
    let table: String = routes
        .iter()
        .map(|(path, status, body)| format!("[{path:?}, {status}, {body:?}]"))
        .collect::<Vec<_>>()
        .join(",");
    let script = format!(
        "const path = new URL(typeof url === 'string' ? url : url.url, location.href).pathname;
         const hit = [{table}].find(([p]) => path.endsWith(p));
         const [, status, body] = hit || ['', 404, '{{}}'];
         return Promise.resolve(new Response(body, {{status, headers: {{'Content-Type': 'application/json'}}}}));"
    );
    browser::stub_fetch(&script);
}

fn mount_home() -> (HtmlElement, impl Drop) {
    let host = browser::host();
    let handle = leptos::mount::mount_to(host.clone(), || {
        browser::provide_portal();
        view! { <HomePage/> }
    });
    (host, handle)
}

/// Waits for `text` to appear in `host`.
async fn shows(host: &HtmlElement, text: &str) {
    browser::until(&format!("{text:?} in {:?}", host.text_content()), || {
        host.text_content().unwrap_or_default().contains(text)
    })
    .await;
}

#[wasm_bindgen_test]
async fn shows_the_partner_and_their_standing() {
    stub_fetch(200, ME);
    let (host, _app) = mount_home();
    shows(&host, "Welcome back, Zoë Ødegaard").await;
    shows(&host, "You are all caught up").await;
    shows(&host, "Rank 12").await;
    let text = host.text_content().unwrap();
    assert!(text.contains("Fjord Systemer AS"), "{text}");
    assert!(text.contains("Reseller"), "{text}");
    assert!(text.contains("Gold"), "{text}");
    assert!(
        text.contains("of 87 Resellers, in program points this month"),
        "{text}"
    );
    assert!(text.contains("5 points to the next rank"), "{text}");
    assert!(
        !text.contains("71 of 100"),
        "one score: the engagement score is not shown"
    );
    assert!(host.query_selector("[role=alert]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_server_error_is_explained_with_a_retry() {
    stub_fetch(500, r#"{"type":"about:blank","title":"Oops","status":500}"#);
    let (host, _app) = mount_home();
    shows(&host, "We could not load your profile.").await;
    let alert = host
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("Something went wrong on our side"));
    let retry: HtmlElement = alert
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();

    stub_fetch(200, ME);
    retry.click();
    shows(&host, "Welcome back, Zoë Ødegaard").await;
}

#[wasm_bindgen_test]
async fn an_answer_that_breaks_the_contract_names_the_field() {
    stub_fetch(200, &ME.replace(r#""tier":"gold""#, r#""tier":"diamond""#));
    let (host, _app) = mount_home();
    shows(&host, "does not understand (at `company.tier`)").await;
}
