//! Catching a repeat before it is sent: the partner's own open registrations that this one
//! would repeat, asked when she leaves the customer field or changes the products.

use std::cell::RefCell;
use std::rc::Rc;

use api_types::RepeatParams;
use leptos::ev::Event;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;

use super::FormProblem;
use crate::api::Api;
use crate::domain::register_deal::DealDraft;

/// The form's `change` handler: asks `GET /deals/repeats` when the customer or the products
/// changed, and shows (or clears) the same warning a 409 `already-yours` would.
pub(super) fn check_on_change(
    api: Api,
    draft: RwSignal<DealDraft>,
    problem: RwSignal<Option<FormProblem>>,
) -> impl Fn(Event) + Clone + Send + 'static {
    // The last question asked (event handlers must be `Send`; the page has one thread).
    let asked = SendWrapper::new(Rc::new(RefCell::new(RepeatParams::default())));
    move |_| {
        let params = draft.with_untracked(|d| RepeatParams {
            customer_company: d.customer_company.trim().to_owned(),
            products: d.products.clone(),
        });
        if *asked.borrow() == params {
            return;
        }
        asked.replace(params.clone());
        let (api, asked) = (api.clone(), Rc::clone(&asked));
        spawn_local(async move {
            let mut found = None;
            if params.customer_company.chars().count() > 1 {
                // Not knowing is no reason to stop her: the backend checks again on sending.
                found = api
                    .repeats(&params)
                    .await
                    .ok()
                    .and_then(|r| r.into_iter().next());
            }
            // An older question answered late must not overwrite a newer one.
            if *asked.borrow() != params {
                return;
            }
            let repeats = found.map(|reference| FormProblem::AlreadyYours {
                message: "One of your open registrations already covers this customer. If this is the same opportunity, open it to follow it up; other products can be registered.".into(),
                reference: Some(reference),
            });
            problem.try_update(|shown| {
                if repeats.is_some() || matches!(shown, Some(FormProblem::AlreadyYours { .. })) {
                    *shown = repeats;
                }
            });
        });
    }
}
