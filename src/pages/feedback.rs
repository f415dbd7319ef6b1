//! Feedback and surveys: the surveys open for the partner, everything they told us with what
//! happened to it ("you said, we did"), and a form to tell us more.

use api_types::{
    FeedbackCategory, FeedbackItem, FeedbackStatus, FieldError, NewFeedback, SurveySummary,
};
use leptos::html::Div;
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::{error_for, focus_when_shown, EmptyState, ErrorSummary, Loaded, Page};
use crate::dates::{due_phrase, short_date, today};
use crate::paths::href;

const CATEGORIES: [(FeedbackCategory, &str, &str); 5] = [
    (FeedbackCategory::Program, "program", "The partner program"),
    (FeedbackCategory::Product, "product", "Products"),
    (FeedbackCategory::Portal, "portal", "This portal"),
    (
        FeedbackCategory::Support,
        "support",
        "Support and the channel team",
    ),
    (FeedbackCategory::Other, "other", "Something else"),
];

fn category_label(category: FeedbackCategory) -> &'static str {
    CATEGORIES
        .iter()
        .find(|(c, _, _)| *c == category)
        .map_or("Other", |(_, _, label)| label)
}

fn status_text(status: FeedbackStatus) -> (&'static str, &'static str) {
    match status {
        FeedbackStatus::Received => ("Received", "neutral"),
        FeedbackStatus::Planned => ("Planned", "info"),
        FeedbackStatus::Done => ("Done", "success"),
        FeedbackStatus::Declined => ("Declined", "warning"),
    }
}

/// The feedback page.
#[component]
pub fn FeedbackPage() -> impl IntoView {
    let api = use_api();
    let surveys = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.surveys().await }
        }
    });
    let sent = RwSignal::new(0u32);
    let feedback = LocalResource::new(move || {
        let api = api.clone();
        sent.track();
        async move { api.feedback().await }
    });
    view! {
        <Page title="Feedback">
            <p class="pp-lead">"Tell us what works and what does not. Every piece of feedback gets a status and an answer."</p>
            <section class="pp-section" aria-labelledby="pp-surveys-title">
                <h2 id="pp-surveys-title">"Open surveys"</h2>
                <Loaded resource=surveys what="your surveys" lines=2 render={|surveys: Vec<SurveySummary>| if surveys.is_empty() {
                    view! { <EmptyState title="No open surveys"><p>"You have answered every survey. Thank you!"</p></EmptyState> }.into_any()
                } else {
                    view! {
                        <ul class="pp-survey-list">
                            {surveys.into_iter().map(|s| view! {
                                <li class="pp-card pp-survey-item">
                                    <h3 class="pp-survey-item__title"><a href=href(&format!("/feedback/surveys/{}", s.id))>{s.title}</a></h3>
                                    <p>{s.description}</p>
                                    <p class="pp-survey-item__meta">{format!("{} questions · open until {} ({})", s.question_count, short_date(s.due_on), due_phrase(s.due_on, today()))}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}/>
            </section>
            <section class="pp-section" aria-labelledby="pp-you-said-title">
                <h2 id="pp-you-said-title">"You said, we did"</h2>
                <Loaded resource=feedback what="your feedback" lines=4 render={|items: Vec<FeedbackItem>| if items.is_empty() {
                    view! { <EmptyState title="You have not sent feedback yet"><p>"Use the form below: it reaches the channel team directly."</p></EmptyState> }.into_any()
                } else {
                    view! { <ul class="pp-feedback-list">{items.into_iter().map(|item| view! { <FeedbackCard item/> }).collect_view()}</ul> }.into_any()
                }}/>
            </section>
            <NewFeedbackForm sent/>
        </Page>
    }
}

#[component]
fn FeedbackCard(item: FeedbackItem) -> impl IntoView {
    let (status, tone) = status_text(item.status);
    view! {
        <li class="pp-card pp-feedback">
            <div class="pp-feedback__head">
                <h3 class="pp-feedback__title">{item.title}</h3>
                <span class=format!("pp-badge pp-badge--{tone}")>{status}</span>
            </div>
            <p class="pp-feedback__meta">{format!("{} · sent {}", category_label(item.category), short_date(item.submitted_at.date_naive()))}</p>
            <blockquote class="pp-feedback__said"><p>{item.body}</p></blockquote>
            {match item.reply {
                Some(reply) => view! {
                    <div class="pp-feedback__reply">
                        <p class="pp-feedback__reply-by">{format!("Our answer, {} on {}:", reply.author, short_date(reply.at.date_naive()))}</p>
                        <p>{reply.body}</p>
                    </div>
                }.into_any(),
                None => view! { <p class="pp-feedback__waiting">"The channel team has it and will answer here."</p> }.into_any(),
            }}
        </li>
    }
}

/// The form for new feedback; `sent` counts successful sends so the list reloads.
#[component]
fn NewFeedbackForm(sent: RwSignal<u32>) -> impl IntoView {
    let api = use_api();
    let (category, title, body) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let summary = NodeRef::<Div>::new();
    let send = Action::new_local(move |feedback: &NewFeedback| {
        let (api, feedback) = (api.clone(), feedback.clone());
        async move {
            match api.send_feedback(&feedback).await {
                Ok(item) => {
                    outcome.set(Some(Ok(format!(
                        "Thank you: “{}” was received. Its status will show above.",
                        item.title
                    ))));
                    title.set(String::new());
                    body.set(String::new());
                    sent.update(|n| *n += 1);
                }
                Err(error) if error.status() == Some(422) => {
                    errors.set(error.field_errors().to_vec());
                    focus_when_shown(summary);
                }
                Err(error) => outcome.set(Some(Err(format!(
                    "{} What you wrote is kept; press Send feedback to try again.",
                    error.message()
                )))),
            }
        }
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        outcome.set(None);
        let mut found = Vec::new();
        let chosen = CATEGORIES
            .iter()
            .find(|(_, value, _)| *value == category.get_untracked())
            .map(|(c, _, _)| *c);
        if chosen.is_none() {
            found.push(FieldError {
                field: "category".into(),
                message: "Choose what your feedback is about.".into(),
            });
        }
        if !(3..=120).contains(&title.get_untracked().trim().chars().count()) {
            found.push(FieldError {
                field: "title".into(),
                message: "Give your feedback a short title (3 to 120 characters).".into(),
            });
        }
        if !(10..=4000).contains(&body.get_untracked().trim().chars().count()) {
            found.push(FieldError {
                field: "body".into(),
                message: "Tell us a little more (10 to 4000 characters).".into(),
            });
        }
        errors.set(found.clone());
        match chosen {
            Some(category) if found.is_empty() => {
                send.dispatch(NewFeedback {
                    category,
                    title: title.get_untracked().trim().into(),
                    body: body.get_untracked().trim().into(),
                });
            }
            _ => focus_when_shown(summary),
        }
    };
    let error = move |field: &'static str| move || errors.with(|e| error_for(e, field));
    view! {
        <section class="pp-section" aria-labelledby="pp-new-feedback-title">
            <h2 id="pp-new-feedback-title">"Send feedback"</h2>
            <ErrorSummary errors summary id_prefix="feedback"/>
            <p role="status" class="pp-form-outcome">{move || match outcome.get() {
                Some(Ok(text)) => view! { <span class="pp-form-outcome--ok">{text}</span> }.into_any(),
                Some(Err(text)) => view! { <span class="pp-form-outcome--error">{text}</span> }.into_any(),
                None => ().into_any(),
            }}</p>
            <form class="pp-form pp-card" on:submit=on_submit novalidate=true>
                <div class="pp-field" class:pp-field--invalid=move || error("category")().is_some()>
                    <label for="feedback-category" class="pp-field__label">"About"<span class="pp-field__required">" (required)"</span></label>
                    {move || error("category")().map(|m| view! { <p class="pp-field__error">{m}</p> })}
                    <select id="feedback-category" class="pp-input" on:change=move |e| category.set(event_target_value(&e))
                        aria-invalid=move || error("category")().is_some().then_some("true")>
                        <option value="">"Choose…"</option>
                        {CATEGORIES.iter().map(|(_, value, label)| view! { <option value=*value>{*label}</option> }).collect_view()}
                    </select>
                </div>
                <div class="pp-field" class:pp-field--invalid=move || error("title")().is_some()>
                    <label for="feedback-title" class="pp-field__label">"Title"<span class="pp-field__required">" (required)"</span></label>
                    {move || error("title")().map(|m| view! { <p class="pp-field__error">{m}</p> })}
                    <input id="feedback-title" class="pp-input" maxlength="120" prop:value=title on:input=move |e| title.set(event_target_value(&e))
                        aria-invalid=move || error("title")().is_some().then_some("true")/>
                </div>
                <div class="pp-field" class:pp-field--invalid=move || error("body")().is_some()>
                    <label for="feedback-body" class="pp-field__label">"Your feedback"<span class="pp-field__required">" (required)"</span></label>
                    {move || error("body")().map(|m| view! { <p class="pp-field__error">{m}</p> })}
                    <textarea id="feedback-body" class="pp-input" rows="5" maxlength="4000" prop:value=body on:input=move |e| body.set(event_target_value(&e))
                        aria-invalid=move || error("body")().is_some().then_some("true") aria-describedby="feedback-body-count"></textarea>
                    <p class="pp-field__count" id="feedback-body-count">{move || format!("{} of 4000 characters", body.with(|b| b.chars().count()))}</p>
                </div>
                <button type="submit" class="pp-button pp-button--primary" disabled=move || send.pending().get()>"Send feedback"</button>
            </form>
        </section>
    }
}
