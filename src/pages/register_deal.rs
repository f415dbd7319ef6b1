//! Registering a deal: a short form checked as it will be on the server, a draft that survives
//! reloads, one `Idempotency-Key` per registration so retries never create two deals, and server
//! answers (422, 409, network) explained where the partner is looking.

use api_types::{problem_code, FieldError, NewDeal, Product, RepeatParams, COUNTRIES, CURRENCIES};
use std::cell::RefCell;
use std::rc::Rc;

use leptos::ev::SubmitEvent;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use send_wrapper::SendWrapper;

use crate::api::ApiError;
use crate::components::{focus_when_shown, ErrorSummary, Loaded, Notice, Page};
use crate::context::{use_api, use_locale, use_read, use_session, ApiWrite};
use crate::domain::register_deal::{prefill, validate, DealDraft};
use crate::platform::paths::href;
use crate::platform::storage;
use crate::text::dates::today;
use crate::text::format::country_name;
use crate::text::labels::Tone;

mod fields;

use crate::text::i18n::{t, tn, tr};
use fields::{NotesField, ProductChoice, SelectField, TextField};

const DRAFT_KEY: &str = "deal";

/// A problem with the whole submission rather than one field.
#[derive(Clone, Debug, PartialEq)]
enum FormProblem {
    /// Another partner holds this customer for these products.
    Conflict {
        message: String,
        reference: Option<String>,
    },
    /// One of the partner's own open deals already covers it.
    AlreadyYours {
        message: String,
        reference: Option<String>,
    },
    /// It may work if sent again (network, timeout, server error).
    Retry(String),
    /// Anything else the server refused.
    Refused(String),
}

/// The registration page.
#[component]
pub fn RegisterDealPage() -> impl IntoView {
    let api = use_api();
    let navigate = use_navigate();
    let mut restored: DealDraft = storage::load(DRAFT_KEY).unwrap_or_default();
    let was_restored = restored != DealDraft::default() && !restored.customer_company.is_empty();
    let locale = use_locale();
    let countries = country_choices(&locale);
    if restored.idempotency_key.is_empty() {
        restored.idempotency_key = storage::new_key();
    }
    // Most deals are in the partner's own country and currency: a new draft starts there.
    if let Some(session) = use_session().who() {
        prefill(
            &mut restored,
            session.company_country,
            session.company_currency,
        );
    }
    let draft = RwSignal::new(restored);
    Effect::new(move |_| draft.with(|d| storage::save(DRAFT_KEY, d)));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let problem = RwSignal::new(None::<FormProblem>);
    let summary = NodeRef::<Div>::new();
    let focus_summary = move || focus_when_shown(summary);

    let catalogue = use_read(|api| async move { api.products().await });
    // Her own open registrations that this one would repeat, asked when she leaves the
    // customer field or changes the products, so a repeat is caught before she sends it.
    // (The last question asked: event handlers must be `Send`, the page has one thread.)
    let asked = SendWrapper::new(Rc::new(RefCell::new(RepeatParams::default())));
    let check = api.clone();
    let on_change = move |_| {
        // A field left as the language changes reports after this form was drawn again.
        let Some(params) = draft.try_with_untracked(|d| RepeatParams {
            customer_company: d.customer_company.trim().to_owned(),
            products: d.products.clone(),
        }) else {
            return;
        };
        if *asked.borrow() == params {
            return;
        }
        asked.replace(params.clone());
        let (api, asked) = (check.clone(), Rc::clone(&asked));
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
                message: t("deal_form.already_yours"),
                reference: Some(reference),
            });
            problem.try_update(|shown| {
                if repeats.is_some() || matches!(shown, Some(FormProblem::AlreadyYours { .. })) {
                    *shown = repeats;
                }
            });
        });
    };
    // How long approval protects a deal is the program's promise, as the backend states it.
    let program = use_read(|api| async move { api.program().await });
    let lead = move || {
        let days = program
            .get()
            .and_then(Result::ok)
            .map(|p| p.protection_days);
        match days {
            Some(days) => tn("deal_form.lead_days", days.into(), &[]),
            None => t("deal_form.lead"),
        }
    };
    // The action handles its own answer: one place says what success and each failure do.
    let submit = ApiWrite::new(move |deal: &NewDeal| {
        let (api, deal, key, navigate) = (
            api.clone(),
            deal.clone(),
            draft.with_untracked(|d| d.idempotency_key.clone()),
            navigate.clone(),
        );
        async move {
            match api.register_deal(&deal, &key).await {
                Ok(deal) => {
                    storage::clear(DRAFT_KEY);
                    let points = deal.points_earned.unwrap_or(0);
                    navigate(
                        &format!(
                            "/deals/{}?registered=1&points={points}",
                            deal.summary.reference
                        ),
                        Default::default(),
                    );
                }
                Err(error) => {
                    let field_errors = error.field_errors().to_vec();
                    if error.status() == Some(422)
                        && field_errors.iter().any(|e| e.field != "Idempotency-Key")
                    {
                        errors.set(field_errors);
                        focus_summary();
                    } else {
                        problem.set(Some(describe(&error)));
                    }
                }
            }
        }
    });
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if submit.pending().get_untracked() {
            return;
        }
        problem.set(None);
        match validate(&draft.get_untracked(), today()) {
            Ok(deal) => {
                errors.set(Vec::new());
                submit.dispatch(deal);
            }
            Err(found) => {
                errors.set(found);
                focus_summary();
            }
        }
    };
    let start_over = move |_| {
        storage::clear(DRAFT_KEY);
        draft.set(DealDraft {
            idempotency_key: storage::new_key(),
            ..DealDraft::default()
        });
        errors.set(Vec::new());
        problem.set(None);
        // The inputs were filled once from the draft; reload them from the empty one.
        let _ = web_sys::window().map(|w| w.location().reload());
    };

    view! {
        <Page title=t("deals.register")>
            <p class="pp-lead">{lead}</p>
            {was_restored.then(|| view! {
                <Notice>
                    <p>{t("form.kept_last_time")}" "
                        <button type="button" class="pp-link-button" on:click=start_over>{t("deal_form.start_over")}</button>
                    </p>
                </Notice>
            })}
            <ErrorSummary errors summary id_prefix="deal"/>
            {move || problem.get().map(|p| view! { <ProblemNotice problem=p submit draft/> })}
            <form class="pp-form pp-card" on:submit=on_submit on:change=on_change novalidate=true>
                <fieldset class="pp-fieldset">
                    <legend>{t("deals.col_customer")}</legend>
                    <TextField draft errors field="customer_company" label="deal_form.customer_company" required=true autocomplete="organization"
                        hint="deal_form.customer_hint" get=|d| d.customer_company.clone() set=|d, v| d.customer_company = v/>
                    <SelectField draft errors field="country" label="deal_form.country" get=|d| d.country.clone() set=|d, v| d.country = v
                        options=countries/>
                    <TextField draft errors field="contact.name" label="deal_form.contact_name" required=true get=|d| d.contact_name.clone() set=|d, v| d.contact_name = v/>
                    <TextField draft errors field="contact.email" label="deal_form.contact_email" required=true kind="email" maxlength=254
                        get=|d| d.contact_email.clone() set=|d, v| d.contact_email = v/>
                    <TextField draft errors field="contact.phone" label="deal_form.contact_phone" kind="tel" maxlength=40
                        get=|d| d.contact_phone.clone() set=|d, v| d.contact_phone = v/>
                </fieldset>
                <fieldset class="pp-fieldset">
                    <legend>{t("deal_form.opportunity")}</legend>
                    <div class="pp-field-row">
                        <TextField draft errors field="value.amount_minor" label="deal.estimated_value" required=true
                            hint="deal_form.value_hint" get=|d| d.amount.clone() set=|d, v| d.amount = v/>
                        <SelectField draft errors field="value.currency" label="deal_form.currency" get=|d| d.currency.clone() set=|d, v| d.currency = v
                            options=CURRENCIES.iter().map(|(c, _)| (c.to_string(), c.to_string())).collect()/>
                    </div>
                    <TextField draft errors field="expected_close_on" label="deal_form.close_date" required=true kind="date"
                        hint="deal_form.close_hint" get=|d| d.expected_close_on.clone() set=|d, v| d.expected_close_on = v/>
                    <Loaded resource=catalogue what=t("what.catalogue") lines=3 render={move |catalogue: Vec<Product>| view! { <ProductChoice draft errors catalogue/> }}/>
                    <NotesField draft errors/>
                </fieldset>
                <button type="submit" class="pp-button pp-button--primary" disabled=move || submit.pending().get()>
                    {move || t(if submit.pending().get() { "deal_form.registering" } else { "deal_form.register" })}
                </button>
            </form>
        </Page>
    }
}

/// Every country the contract knows, by name in the partner's language (typing a name's first
/// letters finds it), with its code; in the contract's order (sorting by name cost more bytes
/// than it was worth).
fn country_choices(locale: &str) -> Vec<(String, String)> {
    COUNTRIES
        .iter()
        .map(|code| {
            (
                code.to_string(),
                format!("{} ({code})", country_name(code, locale)),
            )
        })
        .collect()
}

fn describe(error: &ApiError) -> FormProblem {
    let reference = || {
        error
            .problem()
            .and_then(|p| p.conflicting_reference.clone())
    };
    match error.status() {
        Some(409) if error.code() == Some(problem_code::ALREADY_YOURS) => {
            FormProblem::AlreadyYours {
                message: error.message(),
                reference: reference(),
            }
        }
        Some(409) => FormProblem::Conflict {
            message: error.message(),
            reference: reference(),
        },
        _ if error.is_retryable() => FormProblem::Retry(error.message()),
        _ => FormProblem::Refused(error.message()),
    }
}

/// What went wrong with the submission, and the way forward.
#[component]
fn ProblemNotice(
    problem: FormProblem,
    submit: ApiWrite<NewDeal>,
    draft: RwSignal<DealDraft>,
) -> impl IntoView {
    match problem {
        FormProblem::Conflict { message, reference } => view! {
            <Notice tone=Tone::Danger title=t("deal_form.conflict")>
                <p>{message}</p>
                {reference.map(|r| view! { <p>{tr("deal_form.their_registration", &[("reference", &r)])}</p> })}
            </Notice>
        }.into_any(),
        FormProblem::AlreadyYours { message, reference } => view! {
            <Notice tone=Tone::Warning title=t("deal_form.already_yours_title")>
                <p>{message}</p>
                {reference.map(|r| view! { <p><a href=href(&format!("/deals/{r}"))>{tr("deal_form.open", &[("reference", &r)])}</a>" · "{t("deal_form.form_kept")}</p> })}
            </Notice>
        }.into_any(),
        FormProblem::Retry(message) => view! {
            <Notice tone=Tone::Danger title=t("deal_form.not_yet")>
                <p>{message}" "{t("form.all_kept")}</p>
                <button type="button" class="pp-button" on:click=move |_| {
                    if let Ok(deal) = validate(&draft.get_untracked(), today()) {
                        submit.dispatch(deal);
                    }
                }>{t("state.try_again")}</button>
            </Notice>
        }.into_any(),
        FormProblem::Refused(message) => view! {
            <Notice tone=Tone::Danger title=t("deal_form.refused")>
                <p>{message}</p>
            </Notice>
        }.into_any(),
    }
}
