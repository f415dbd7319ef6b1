//! Component tests in headless Chromium: the shell renders, navigation marks the current
//! section, the bell counts unread notifications, the phone menu works, a broken config gets
//! a readable page, and a backend's link is a link only when it is a web address.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::tick;
use partner_portal::app::PortalShell;
use partner_portal::components::{ConfigErrorPage, ExternalLink};
use partner_portal::platform::config::{ConfigError, PortalConfig};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod browser;

wasm_bindgen_test_configure!(run_in_browser);

fn demo_config() -> PortalConfig {
    PortalConfig::parse(
        r#"{"api_base_url": "/api/v1", "brand_name": "Müller & Søn Partner Hub",
            "logo_url": "logo.svg", "default_locale": "de-DE"}"#,
    )
    .expect("test config is valid")
}

/// A fresh host element at the site root, so each test starts on the Home route.
/// Waits for the router's asynchronous navigation to show `heading`.
async fn heading_becomes(root: &Element, heading: &str) {
    let shown = || {
        root.query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|h| h.text_content())
    };
    browser::until(&format!("the heading {heading:?}"), || {
        shown().as_deref() == Some(heading)
    })
    .await;
}

fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn nav_link(root: &Element, label: &str) -> HtmlElement {
    let links = root.query_selector_all(".pp-nav__link").unwrap();
    (0..links.length())
        .filter_map(|i| links.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|a| a.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no navigation link {label}"))
}

fn current_sections(root: &Element) -> Vec<String> {
    let current = root
        .query_selector_all(".pp-nav__link[aria-current=page]")
        .unwrap();
    (0..current.length())
        .filter_map(|i| current.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

// leptos_router 0.8 leaves its window click listener behind when a `<Router>` unmounts, and a
// stale listener would catch the next router's link clicks; so the shell is mounted once and
// its behaviours are checked in sequence.
#[wasm_bindgen_test]
async fn shell_renders_navigates_and_its_menu_works() {
    // Signed in; every other read answers 404, which the pages show as their error state.
    browser::stub_fetch(
        r#"const path = new URL(typeof url === 'string' ? url : url.url, location.href).pathname;
           const session = {user: {id: 'u-1', name: 'Jonas Schäfer', email: 'jonas@example.de', role: 'admin'},
                            company_id: 'c-1', company_name: 'Müller & Söhne'};
           const feed = {unread: 3, items: []};
           const [status, body] = path.endsWith('/session') ? [200, JSON.stringify(session)]
             : path.endsWith('/notifications') ? [200, JSON.stringify(feed)] : [404, '{}'];
           return Promise.resolve(new Response(body, {status, headers: {'Content-Type': 'application/json'}}));"#,
    );
    let host = browser::host();
    let _app = leptos::mount::mount_to(host.clone(), || {
        view! { <PortalShell config=demo_config() base=""/> }
    });
    tick().await;

    // Brand, landmarks, the Home page, title and language.
    assert_eq!(
        find(&host, ".pp-brand__name").text_content().unwrap(),
        "Müller & Søn Partner Hub"
    );
    // Pages arrive a moment after the shell (and the session): their code is fetched on first use.
    heading_becomes(&host, "Home").await;
    assert_eq!(
        find(&host, ".pp-user-menu__button").text_content().unwrap(),
        "Account: Jonas Schäfer"
    );
    assert_eq!(
        find(&host, "nav").get_attribute("aria-label").unwrap(),
        "Primary"
    );
    // The bell says how many notifications are unread, in its name and on its badge.
    let bell = find(&host, ".pp-bell");
    browser::until("the unread count on the bell", || {
        bell.get_attribute("aria-label").as_deref() == Some("Notifications, 3 unread")
    })
    .await;
    assert_eq!(find(&host, ".pp-bell__count").text_content().unwrap(), "3");
    // Six sections, and Team for a partner admin.
    assert_eq!(
        host.query_selector_all(".pp-nav__link").unwrap().length(),
        7
    );
    nav_link(&host, "Team");
    assert_eq!(current_sections(&host), vec!["Home"]);
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(document.title(), "Home · Müller & Søn Partner Hub");
    // `<html lang dir>` follow the loaded catalogue (platform::language, proven by the
    // languages journey); the shell speaks the language installed, English here.
    assert_eq!(partner_portal::text::i18n::locale(), "en-US");

    // Navigation marks exactly the current section, and a deal's page counts as Deals.
    nav_link(&host, "Deals").click();
    heading_becomes(&host, "Deals").await;
    assert_eq!(current_sections(&host), vec!["Deals"]);
    assert_eq!(document.title(), "Deals · Müller & Søn Partner Hub");
    nav_link(&host, "Leaderboards").click();
    heading_becomes(&host, "Leaderboards").await;
    assert_eq!(current_sections(&host), vec!["Leaderboards"]);

    // The menu button opens the navigation; choosing a link closes it.
    let button = find(&host, ".pp-menu-button");
    let nav = find(&host, "#pp-primary-nav");
    assert_eq!(button.get_attribute("aria-expanded").unwrap(), "false");
    button.click();
    tick().await;
    assert_eq!(button.get_attribute("aria-expanded").unwrap(), "true");
    assert!(nav.class_list().contains("pp-nav--open"));
    nav_link(&host, "Training").click();
    heading_becomes(&host, "Training").await;
    assert_eq!(button.get_attribute("aria-expanded").unwrap(), "false");
    assert!(!nav.class_list().contains("pp-nav--open"));
    assert_eq!(current_sections(&host), vec!["Training"]);
}

#[wasm_bindgen_test]
async fn config_error_page_names_file_and_field_and_retries() {
    let host = browser::host();
    let retries = Rc::new(Cell::new(0));
    let counter = Rc::clone(&retries);
    let _page = leptos::mount::mount_to(host.clone(), move || {
        let on_retry = move || counter.set(counter.get() + 1);
        view! { <ConfigErrorPage error=ConfigError::Missing("api_base_url") on_retry/> }
    });
    tick().await;

    let alert = find(&host, "[role=alert]").text_content().unwrap();
    assert!(
        alert.contains("config.json: field `api_base_url` is missing"),
        "{alert}"
    );
    find(&host, "button").click();
    assert_eq!(retries.get(), 1);
}

#[wasm_bindgen_test]
async fn a_backend_link_is_a_link_only_when_it_is_a_web_address() {
    let host = browser::host();
    let _links = leptos::mount::mount_to(host.clone(), || {
        view! {
            <ExternalLink url="https://learn.example.com/edge".to_owned() text="Edge basics".to_owned()/>
            <ExternalLink url="javascript:alert(document.cookie)".to_owned() text="Run me".to_owned()/>
        }
    });
    tick().await;
    let links = host.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1);
    let link = find(&host, "a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://learn.example.com/edge")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(host.text_content().unwrap().contains("Run me"));
}
