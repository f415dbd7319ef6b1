//! Feedback and surveys: the surveys open for the partner, everything they told us with what
//! happened to it ("you said, we did"), and a form to tell us more.

use api_types::{FeedbackItem, FieldError, NewFeedback, SurveySummary};
use leptos::html::Div;
use leptos::prelude::*;

use crate::components::{
    focus_when_shown, send_checked, Badge, EmptyState, ErrorSummary, Field, FieldState, Loaded,
    Page, Section,
};
use crate::context::{use_api, use_read, ApiWrite};
use crate::domain::feedback::{FeedbackDraft, CATEGORIES};
use crate::platform::paths::href;
use crate::platform::storage;
use crate::text::dates::{due_phrase, short_date, today};
use crate::text::i18n::{t, tn, tr};
use crate::text::labels::Label;

/// The feedback page.
#[component]
pub fn FeedbackPage() -> impl IntoView {
    let surveys = use_read(|api| async move { api.surveys().await });
    let form = FeedbackForm::new();
    let send = form.action();
    // After each send the list reloads: the action's version is part of what it reads.
    let feedback = use_read(move |api| {
        send.version().track();
        async move { api.feedback().await }
    });
    view! {
        <Page title=t("nav.feedback")>
            <p class="pp-lead">{t("feedback.lead")}</p>
            // The form comes first: it has a fixed size, so nothing moves when the lists arrive.
            <NewFeedbackForm form send/>
            <Section heading_id="pp-surveys-title" title=t("feedback.open_surveys")>
                <Loaded resource=surveys what=t("what.surveys_yours") lines=2 render={|surveys: Vec<SurveySummary>| if surveys.is_empty() {
                    view! { <EmptyState title=t("feedback.no_surveys")><p>{t("feedback.no_surveys_hint")}</p></EmptyState> }.into_any()
                } else {
                    view! {
                        <ul class="pp-survey-list">
                            {surveys.into_iter().map(|s| view! {
                                <li class="pp-card pp-survey-item">
                                    <h3 class="pp-survey-item__title"><a href=href(&format!("/feedback/surveys/{}", s.id))>{s.title}</a></h3>
                                    <p>{s.description}</p>
                                    <p class="pp-survey-item__meta pp-meta">{tn("feedback.survey_meta", s.question_count.into(), &[("date", &short_date(s.due_on)), ("due", &due_phrase(s.due_on, today()))])}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}/>
            </Section>
            <Section heading_id="pp-you-said-title" title=t("feedback.you_said")>
                <Loaded resource=feedback what=t("what.feedback") lines=4 render={|items: Vec<FeedbackItem>| if items.is_empty() {
                    view! { <EmptyState title=t("feedback.none")><p>{t("feedback.none_hint")}</p></EmptyState> }.into_any()
                } else {
                    view! { <ul class="pp-feedback-list">{items.into_iter().map(|item| view! { <FeedbackCard item/> }).collect_view()}</ul> }.into_any()
                }}/>
            </Section>
        </Page>
    }
}

#[component]
fn FeedbackCard(item: FeedbackItem) -> impl IntoView {
    view! {
        <li class="pp-card pp-feedback">
            <div class="pp-feedback__head">
                <h3 class="pp-feedback__title">{item.title}</h3>
                <Badge text=item.status.label() tone=item.status.tone()/>
            </div>
            <p class="pp-feedback__meta pp-meta">{tr("feedback.meta", &[("category", &item.category.label()), ("date", &short_date(item.submitted_at.date_naive()))])}</p>
            <blockquote class="pp-feedback__said"><p>{item.body}</p></blockquote>
            {match item.reply {
                Some(reply) => view! {
                    <div class="pp-feedback__reply">
                        <p class="pp-feedback__reply-by">{tr("feedback.our_answer", &[("who", &reply.author), ("date", &short_date(reply.at.date_naive()))])}</p>
                        <p>{reply.body}</p>
                    </div>
                }.into_any(),
                None => view! { <p class="pp-feedback__waiting pp-muted">{t("feedback.waiting")}</p> }.into_any(),
            }}
        </li>
    }
}

/// Where the feedback being written is kept.
const DRAFT_KEY: &str = "feedback-draft";

/// The form's state: what was typed, the errors at fields, and the outcome of the last send.
#[derive(Clone, Copy)]
struct FeedbackForm {
    draft: RwSignal<FeedbackDraft>,
    errors: RwSignal<Vec<FieldError>>,
    outcome: RwSignal<Option<Result<String, String>>>,
    summary: NodeRef<Div>,
}

impl FeedbackForm {
    fn new() -> Self {
        // Kept in this browser for this user until sent, so a reload or a failed send loses
        // nothing; its key makes a retry after a lost answer count once.
        let mut restored =
            FeedbackDraft::from_parts(storage::load::<Vec<String>>(DRAFT_KEY).unwrap_or_default());
        if restored.idempotency_key.is_empty() {
            restored.idempotency_key = storage::new_key();
        }
        let draft = RwSignal::new(restored);
        Effect::new(move |_| draft.with(|d| storage::save(DRAFT_KEY, &d.parts())));
        Self {
            draft,
            errors: RwSignal::new(Vec::new()),
            outcome: RwSignal::new(None),
            summary: NodeRef::new(),
        }
    }

    /// Sends feedback and handles the answer in one place: thanks and an empty form, errors at
    /// their fields, or what failed with everything typed kept.
    fn action(self) -> ApiWrite<NewFeedback> {
        let api = use_api();
        ApiWrite::new(move |feedback: &NewFeedback| {
            let (api, feedback) = (api.clone(), feedback.clone());
            async move {
                let key = self.draft.with_untracked(|d| d.idempotency_key.clone());
                match api.send_feedback(&feedback, &key).await {
                    Ok(item) => {
                        self.outcome
                            .set(Some(Ok(tr("feedback.received", &[("title", &item.title)]))));
                        self.draft.update(|d| {
                            d.title.clear();
                            d.body.clear();
                            d.idempotency_key = storage::new_key();
                        });
                    }
                    Err(error) if error.status() == Some(422) => {
                        self.errors.set(error.field_errors().to_vec());
                        focus_when_shown(self.summary);
                    }
                    Err(error) => self.outcome.set(Some(Err(tr(
                        "feedback.not_sent",
                        &[("why", &error.message())],
                    )))),
                }
            }
        })
    }
}

/// The form for new feedback.
#[component]
fn NewFeedbackForm(form: FeedbackForm, send: ApiWrite<NewFeedback>) -> impl IntoView {
    let FeedbackForm {
        draft,
        errors,
        outcome,
        summary,
    } = form;
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        outcome.set(None);
        send_checked(
            draft.with_untracked(FeedbackDraft::validate),
            errors,
            summary,
            send,
        );
    };
    let category = FieldState::new("feedback", "category", errors, None);
    let title = FieldState::new("feedback", "title", errors, None);
    let body = FieldState::new("feedback", "body", errors, None);
    let (category_invalid, category_described) = (category.invalid(), category.described_by());
    let (title_invalid, title_described) = (title.invalid(), title.described_by());
    let body_invalid = body.invalid();
    view! {
        <Section heading_id="pp-new-feedback-title" title=t("feedback.send")>
            <ErrorSummary errors summary id_prefix="feedback"/>
            <p role="status" class="pp-form-outcome">{move || match outcome.get() {
                Some(Ok(text)) => view! { <span class="pp-form-outcome--ok">{text}</span> }.into_any(),
                Some(Err(text)) => view! { <span class="pp-form-outcome--error">{text}</span> }.into_any(),
                None => ().into_any(),
            }}</p>
            <form class="pp-form pp-card" on:submit=on_submit novalidate=true>
                <Field state=category label=t("feedback.about") required=true>
                    <select id="feedback-category" class="pp-input" on:change=move |e| draft.update(|d| d.category = event_target_value(&e))
                        aria-invalid=category_invalid aria-describedby=category_described>
                        <option value="">{t("deal_form.choose")}</option>
                        {CATEGORIES.iter().map(|(category, value)| view! { <option value=*value>{category.label()}</option> }).collect_view()}
                    </select>
                </Field>
                <Field state=title label=t("training.by_title") required=true>
                    <input id="feedback-title" class="pp-input" maxlength="120" prop:value=move || draft.with(|d| d.title.clone())
                        on:input=move |e| draft.update(|d| d.title = event_target_value(&e))
                        aria-invalid=title_invalid aria-describedby=title_described/>
                </Field>
                <Field state=body label=t("feedback.yours") required=true>
                    <textarea id="feedback-body" class="pp-input" rows="5" maxlength="4000" prop:value=move || draft.with(|d| d.body.clone())
                        on:input=move |e| draft.update(|d| d.body = event_target_value(&e))
                        aria-invalid=body_invalid aria-describedby="feedback-body-count"></textarea>
                    <p class="pp-field__count" id="feedback-body-count">{move || tr("form.characters", &[("used", &draft.with(|d| d.body.chars().count())), ("max", &4000)])}</p>
                </Field>
                <button type="submit" class="pp-button pp-button--primary" disabled=move || send.pending().get()>{t("feedback.send")}</button>
            </form>
        </Section>
    }
}
