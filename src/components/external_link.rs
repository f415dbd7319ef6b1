//! A link the backend gave (a course, a resource): a link only when it is a web address, opened
//! in a new tab without telling the other site where it came from; otherwise plain text, so a
//! `javascript:` or `data:` address can never run.

use api_types::is_web_address;
use leptos::prelude::*;

/// `text`, linked to `url` when it is an `https:` or `http:` address.
#[component]
pub fn ExternalLink(
    /// The address, as the backend sent it.
    url: String,
    /// What the partner reads.
    text: String,
    /// Classes for the link (or the text).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    if is_web_address(&url) {
        view! { <a class=class href=url target="_blank" rel="noopener noreferrer">{text}</a> }
            .into_any()
    } else {
        view! { <span class=class>{text}</span> }.into_any()
    }
}
