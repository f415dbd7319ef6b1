//! Answering a survey: questions rendered from the backend's definition, a draft that survives
//! reloads, checks at each question, and a thank-you once sent.

use api_types::{Survey, SurveyReceipt, SurveyResponse};
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::ApiError;
use crate::components::{focus_when_shown, ErrorSummary, Loaded, Notice, Page};
use crate::context::{use_api, use_read, ApiWrite};
use crate::domain::survey::{to_send, validate, Answers};
use crate::platform::paths::href;
use crate::platform::storage;
use crate::text::dates::{due_phrase, short_date, today};
use crate::text::format::points_earned;
use crate::text::labels::Tone;

mod question;

use crate::text::i18n::{t, tr};
use question::QuestionField;

/// The survey page; the id comes from the URL.
#[component]
pub fn SurveyPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let survey = use_read(move |api| {
        let id = id.clone();
        async move { api.survey(&id).await }
    });
    view! {
        <Page title=t("survey.title")>
            <p><a href=href("/feedback")>{t("survey.back")}</a></p>
            <Loaded resource=survey what=t("what.survey") lines=8 render=move |survey: Survey| view! { <SurveyForm survey/> }/>
        </Page>
    }
}

#[component]
fn SurveyForm(survey: Survey) -> impl IntoView {
    let api = use_api();
    let draft_key = format!("survey-{}", survey.id);
    let answers = RwSignal::new(storage::load::<Answers>(&draft_key).unwrap_or_default());
    Effect::new({
        let draft_key = draft_key.clone();
        move |_| answers.with(|a| storage::save(&draft_key, a))
    });
    let errors = RwSignal::new(Vec::new());
    let problem = RwSignal::new(None::<String>);
    let summary = NodeRef::<Div>::new();
    let survey_id = survey.id.clone();
    // The write handles its own answer; the thank-you shows the receipt it keeps.
    let receipt = RwSignal::new(None);
    let send = ApiWrite::new(move |response: &SurveyResponse| {
        let (api, response, id, draft_key) = (
            api.clone(),
            response.clone(),
            survey_id.clone(),
            draft_key.clone(),
        );
        async move {
            match api.answer_survey(&id, &response).await {
                Ok(answer) => {
                    storage::clear(&draft_key);
                    receipt.set(Some(answer));
                }
                Err(error) if error.status() == Some(422) => {
                    errors.set(error.field_errors().to_vec());
                    focus_when_shown(summary);
                }
                Err(error) => problem.set(Some(describe(&error))),
            }
        }
    });
    let received = Memo::new(move |_| receipt.get());
    let questions = survey.questions.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        problem.set(None);
        let found = validate(&questions, &answers.get_untracked());
        if found.is_empty() {
            errors.set(Vec::new());
            send.dispatch(SurveyResponse {
                answers: to_send(&answers.get_untracked()),
            });
        } else {
            errors.set(found);
            focus_when_shown(summary);
        }
    };
    let title = survey.title.clone();
    view! {
        <section class="pp-card pp-survey" aria-labelledby="pp-survey-title">
            <h2 id="pp-survey-title" class="pp-card__title">{title}</h2>
            <p>{survey.description.clone()}</p>
            <p class="pp-survey__due pp-meta">{tr("survey.open_until", &[("date", &short_date(survey.due_on)), ("due", &due_phrase(survey.due_on, today()))])}</p>
            <Show when=move || received.get().is_none() fallback=move || view! { <ThankYou receipt=received.get()/> }>
                <ErrorSummary errors summary id_prefix="question"/>
                {move || problem.get().map(|message| view! {
                    <Notice tone=Tone::Danger title=t("survey.not_sent")>
                        <p>{message}" "{t("survey.kept")}</p>
                    </Notice>
                })}
                <form class="pp-form" on:submit=on_submit.clone() novalidate=true>
                    {survey.questions.iter().cloned().map(|question| view! { <QuestionField question answers errors/> }).collect_view()}
                    <button type="submit" class="pp-button pp-button--primary" disabled=move || send.pending().get()>
                        {move || t(if send.pending().get() { "survey.sending" } else { "survey.send" })}
                    </button>
                </form>
            </Show>
        </section>
    }
}

fn describe(error: &ApiError) -> String {
    match error.status() {
        Some(409) => t("survey.already"),
        _ => error.message(),
    }
}

#[component]
fn ThankYou(receipt: Option<SurveyReceipt>) -> impl IntoView {
    view! {
        <Notice tone=Tone::Success title=t("survey.thanks")>
            <p>{receipt.map(|r| tr("survey.received_on", &[("date", &short_date(r.submitted_at.date_naive())), ("points", &points_earned(r.points_earned))]))}{t("survey.reads_every")}</p>
            <p><a href=href("/feedback")>{t("survey.back")}</a></p>
        </Notice>
    }
}
