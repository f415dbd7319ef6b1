//! Component test for the onboarding checklist against a stubbed `fetch`: an optimistic tick
//! that the backend refuses rolls back with a message; one it accepts stays, and finishing the
//! phase is announced.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use partner_portal::pages::OnboardingPage;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

mod browser;

wasm_bindgen_test_configure!(run_in_browser);

const CHECKLIST: &str = r#"{"started_on":"2026-10-13","phases":[{"id":"days-30","title":"First 30 days","ends_on_day":30,"items":[
 {"id":"ob-a","title":"Sign the agreement","description":"d","kind":"document","due_on":"2026-10-18","status":"done","completed_by":"vendor","links":[]},
 {"id":"ob-b","title":"Set up payouts","description":"d","kind":"task","due_on":"2099-01-01","status":"todo","completed_by":"partner","links":[]}]}]}"#;

/// GET answers the checklist; PUT answers `window.putStatus` (the saved item when 200).
fn stub_fetch() {
    let script = format!(
        "const method = (init && init.method) || (url && url.method) || 'GET';
         if (method === 'PUT') {{
           const ok = window.putStatus === 200;
           const body = ok ? JSON.stringify({{id:'ob-b',title:'Set up payouts',description:'d',kind:'task',due_on:'2099-01-01',status:'done',completed_by:'partner',links:[]}})
                           : JSON.stringify({{type:'about:blank',title:'Down',status:503}});
           return Promise.resolve(new Response(body, {{status: window.putStatus}}));
         }}
         return Promise.resolve(new Response({CHECKLIST:?}, {{status: 200}}));"
    );
    browser::stub_fetch(&script);
}

fn set_put_status(status: u16) {
    browser::set_global("putStatus", JsValue::from(status));
}

#[wasm_bindgen_test]
async fn a_refused_tick_rolls_back_and_an_accepted_one_finishes_the_phase() {
    stub_fetch();
    let host = browser::host();
    let _app = leptos::mount::mount_to(host.clone(), || {
        browser::provide_portal();
        view! { <Router><OnboardingPage/></Router> }
    });
    let find_box = || {
        host.query_selector("#pp-item-ob-b")
            .unwrap()
            .map(|e| e.unchecked_into::<HtmlInputElement>())
    };
    browser::until("the checklist", || find_box().is_some()).await;
    assert!(
        host.query_selector("#pp-item-ob-a").unwrap().is_none(),
        "vendor items have no tick box"
    );
    let text = || host.text_content().unwrap_or_default();
    assert!(text().contains("1 of 2 done (50 %)"), "{}", text());

    set_put_status(503);
    let tick = find_box().unwrap();
    tick.click();
    browser::until("the rollback message", || {
        text().contains("We could not tick off this step, so it is back as it was.")
    })
    .await;
    assert!(!find_box().unwrap().checked());
    assert!(text().contains("1 of 2 done (50 %)"));

    set_put_status(200);
    find_box().unwrap().click();
    browser::until("the announcement", || {
        text().contains("Well done: you finished First 30 days.")
    })
    .await;
    assert!(find_box().unwrap().checked());
    assert!(text().contains("2 of 2 done (100 %)"), "{}", text());
    assert!(
        !text().contains("We could not tick off"),
        "the old message is cleared"
    );
}
