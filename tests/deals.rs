//! Component tests for deals: every status badge reads as words, and the registration form
//! catches mistakes before sending anything, in a summary that takes focus.
#![cfg(target_arch = "wasm32")]

use api_types::DealStatus;
use leptos::prelude::*;
use leptos_router::components::Router;
use partner_portal::components::DealStatusBadge;
use partner_portal::pages::RegisterDealPage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod browser;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn every_status_badge_says_its_status_in_words() {
    let host = browser::host();
    let _view = leptos::mount::mount_to(host.clone(), || {
        DealStatus::ALL
            .into_iter()
            .map(|status| view! { <DealStatusBadge status/> })
            .collect_view()
    });
    leptos::task::tick().await;
    assert_eq!(
        host.text_content().unwrap(),
        "SubmittedUnder reviewMore info requestedApprovedRejectedWonLostExpiredWithdrawn"
    );
}

#[wasm_bindgen_test]
async fn an_empty_form_is_not_sent_and_the_summary_takes_focus() {
    // The product catalogue is read from the backend; any other request fails this test.
    browser::stub_fetch(
        "const path = typeof url === 'string' ? url : url.url;
         if (path.endsWith('/products')) {
           return Promise.resolve(new Response('[{\"code\":\"NW-CLOUD\",\"name\":\"Northwind Cloud Platform\"}]',
             {headers: {'Content-Type': 'application/json'}}));
         }
         throw new Error('no request expected');",
    );
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
        view! { <Router><RegisterDealPage/></Router> }
    });
    leptos::task::tick().await;
    let submit: HtmlElement = host
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    submit.click();
    browser::until("the error summary", || {
        host.query_selector(".pp-error-summary").unwrap().is_some()
    })
    .await;
    let summary = host
        .query_selector(".pp-error-summary")
        .unwrap()
        .expect("a summary");
    assert_eq!(summary.query_selector_all("a").unwrap().length(), 8);
    // Focus moves on the next animation frame.
    browser::pause(100).await;
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert!(
        active.class_list().contains("pp-error-summary"),
        "focus is on {:?}",
        active.class_name()
    );
    let company = host
        .query_selector("#deal-customer-company")
        .unwrap()
        .unwrap();
    assert_eq!(
        company.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
}
