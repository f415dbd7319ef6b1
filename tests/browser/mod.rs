//! Helpers shared by the component tests that run in headless Chromium: a fresh host element,
//! waiting for asynchronous renders, and replacing `fetch` so no test touches a live API.
// Each test binary compiles this module and uses only some of it.
#![allow(dead_code)]

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// A fresh element in the page, with the URL back at the site root and the portal speaking
/// English (the catalogue the built portal would load from `locales/`).
pub fn host() -> HtmlElement {
    let english = include_str!("../../public/locales/en-US.json");
    partner_portal::text::i18n::install(
        partner_portal::text::i18n::Catalogue::parse("en-US", english).unwrap(),
        None,
    );
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some("/"))
        .unwrap();
    let document = window.document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

/// Lets timers, fetches and renders run for `ms` milliseconds.
pub async fn pause(ms: i32) {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(timer).await;
}

/// Waits up to two seconds for `check` to hold; fails naming `what` otherwise.
pub async fn until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..200 {
        if check() {
            return;
        }
        pause(10).await;
    }
    panic!("timed out waiting for {what}");
}

/// Replaces `window.fetch` with a JavaScript function of `(url, init)` with this body.
pub fn stub_fetch(body: &str) {
    let fetch = js_sys::Function::new_with_args("url, init", body);
    js_sys::Reflect::set(
        &web_sys::window().unwrap(),
        &JsValue::from_str("fetch"),
        &fetch,
    )
    .unwrap();
}

/// Sets a global the fetch stub reads (e.g. the status the next save answers).
pub fn set_global(name: &str, value: JsValue) {
    js_sys::Reflect::set(
        &web_sys::window().unwrap(),
        &JsValue::from_str(name),
        &value,
    )
    .unwrap();
}

/// Provides what the shell provides to pages: a deployment whose API is `/api/v1`, in en-US.
pub fn provide_portal() {
    let config = partner_portal::platform::config::PortalConfig::parse(
        r#"{"api_base_url": "/api/v1", "brand_name": "Partner portal",
            "logo_url": "logo.svg", "default_locale": "en-US"}"#,
    )
    .expect("test config is valid");
    partner_portal::context::provide_portal(config, String::new());
}
