//! The partner's side of the deal conversation: answer the channel team's question, ask for
//! longer protection, or withdraw the registration. What is typed is kept in the browser (for
//! this user only) until it is sent, so a failed send, an ended session or a reload loses
//! nothing.

use api_types::deal_flow::DealPosition;
use api_types::{Deal, DealStepRequest, FieldError, StepName};
use chrono::NaiveDate;
use leptos::html::Div;
use leptos::prelude::*;

use crate::components::{
    focus_when_shown, send_checked, ErrorSummary, Field, FieldState, Notice, Section,
};
use crate::context::{use_api, ApiWrite};
use crate::domain::deal::{partner_steps, position, Extension, StepDraft};
use crate::platform::storage;
use crate::text::dates::{short_date, today};
use crate::text::i18n::{t, tr};
use crate::text::labels::Tone;

/// One step's form: what was typed (saved as a draft) and the errors at its fields.
#[derive(Clone, Copy)]
struct StepForm {
    draft: RwSignal<StepDraft>,
    errors: RwSignal<Vec<FieldError>>,
    summary: NodeRef<Div>,
}

impl StepForm {
    fn new(key: String) -> Self {
        // Kept as `[note, day]`: a list of texts, which the portal already knows how to read.
        let saved = storage::load::<Vec<String>>(&key).unwrap_or_default();
        let draft = RwSignal::new(StepDraft::from_parts(saved));
        Effect::new(move |_| draft.with(|d| storage::save(&key, &d.parts())));
        Self {
            draft,
            errors: RwSignal::new(Vec::new()),
            summary: NodeRef::new(),
        }
    }
}

/// The three forms of one deal, and what the last step came to.
#[derive(Clone, Copy)]
pub(super) struct StepForms {
    answer: StepForm,
    extension: StepForm,
    withdrawal: StepForm,
    outcome: RwSignal<Option<Result<String, String>>>,
    confirming_withdrawal: RwSignal<bool>,
}

impl StepForms {
    pub(super) fn new(reference: &str) -> Self {
        let form = |name: &str| StepForm::new(format!("deal-step:{reference}:{name}"));
        Self {
            answer: form("answer"),
            extension: form("extension"),
            withdrawal: form("withdrawal"),
            outcome: RwSignal::new(None),
            confirming_withdrawal: RwSignal::new(false),
        }
    }

    fn form(self, step: StepName) -> StepForm {
        match step {
            StepName::Answer => self.answer,
            StepName::RequestExtension => self.extension,
            _ => self.withdrawal,
        }
    }

    /// Takes a step and handles the answer: thanks and a cleared draft, errors at the form's
    /// fields, or what failed with everything typed kept. The deal reads again after each.
    pub(super) fn action(self, reference: &str) -> ApiWrite<DealStepRequest> {
        let (api, reference) = (use_api(), reference.to_owned());
        ApiWrite::new(move |request: &DealStepRequest| {
            let (api, reference, request) = (api.clone(), reference.clone(), request.clone());
            let form = self.form(request.step);
            async move {
                match api.take_step(&reference, &request).await {
                    Ok(_) => {
                        form.draft.set(StepDraft::default());
                        self.confirming_withdrawal.set(false);
                        self.outcome.set(Some(Ok(t(match request.step {
                            StepName::Answer => "deal.answer_sent",
                            StepName::RequestExtension => "deal.extension_sent",
                            _ => "deal.withdrawn_now",
                        }))));
                    }
                    Err(error) if error.status() == Some(422) => {
                        form.errors.set(error.field_errors().to_vec());
                        focus_when_shown(form.summary);
                    }
                    Err(error) => self.outcome.set(Some(Err(tr(
                        "form.kept_try_again",
                        &[("why", &error.message())],
                    )))),
                }
            }
        })
    }
}

/// Sends one of the forms: checks its draft with the contract's rule, then takes the step.
#[derive(Clone, Copy)]
struct Sender {
    forms: StepForms,
    at: DealPosition,
    today: NaiveDate,
    step: ApiWrite<DealStepRequest>,
}

impl Sender {
    fn send(self, name: StepName) {
        let form = self.forms.form(name);
        self.forms.outcome.set(None);
        for other in [
            self.forms.answer,
            self.forms.extension,
            self.forms.withdrawal,
        ] {
            other.errors.set(Vec::new());
        }
        send_checked(
            form.draft
                .with_untracked(|d| d.request(name, self.at, self.today)),
            form.errors,
            form.summary,
            self.step,
        );
    }

    fn pending(self) -> Memo<bool> {
        self.step.pending()
    }
}

/// What the partner can do on the deal now; nothing at all on a closed deal.
#[component]
pub(super) fn Conversation(
    deal: Deal,
    forms: StepForms,
    step: ApiWrite<DealStepRequest>,
) -> impl IntoView {
    let today = today();
    let steps = partner_steps(&deal, today);
    let send = Sender {
        forms,
        at: position(&deal),
        today,
        step,
    };
    let outcome = forms.outcome;
    let nothing_to_do =
        steps.question.is_none() && steps.extension == Extension::NotNow && !steps.can_withdraw;
    view! {
        <p role="status" class="pp-form-outcome">{move || outcome.get().map(|outcome| match outcome {
            Ok(text) => view! { <span class="pp-form-outcome--ok">{text}</span> }.into_any(),
            Err(text) => view! { <span class="pp-form-outcome--error">{text}</span> }.into_any(),
        })}</p>
        {(!nothing_to_do).then(|| view! {
            <Section heading_id="pp-conversation-title" title=t("deal.next_move")>
                {steps.question.map(|question| view! { <AnswerForm question form=forms.answer send/> })}
                {match steps.extension {
                    Extension::Open(ends) => view! { <ExtensionForm ends form=forms.extension send/> }.into_any(),
                    Extension::Waiting(until) => view! {
                        <Notice tone=Tone::Info title=t("deal.extension_asked")>
                            <p>{match until {
                                Some(day) => tr("deal.extension_asked_until", &[("date", &short_date(day))]),
                                None => t("deal.extension_will_decide"),
                            }}</p>
                        </Notice>
                    }.into_any(),
                    Extension::NotNow => ().into_any(),
                }}
                {steps.can_withdraw.then(|| view! { <Withdrawal forms send/> })}
            </Section>
        })}
    }
}

/// How one step's form reads: the ids' prefix, the note's label, whether a day is asked for
/// (with the hint under it), and the button.
struct StepCopy {
    step: StepName,
    prefix: &'static str,
    /// Catalogue keys of the note's label and the button.
    note_label: &'static str,
    note_required: bool,
    date_hint: Option<String>,
    submit: &'static str,
    /// The button's classes: a withdrawal looks like what it is.
    submit_class: &'static str,
}

/// One step's form: the error summary, the day (if asked for), the note and the button. The
/// three steps share it, so its code is compiled once.
#[component]
fn StepFields(copy: StepCopy, form: StepForm, send: Sender) -> impl IntoView {
    let StepForm {
        draft,
        errors,
        summary,
    } = form;
    let step = copy.step;
    let note = FieldState::new(copy.prefix, "note", errors, None);
    let note_invalid = note.invalid();
    let date = copy.date_hint.map(|hint| {
        let until = FieldState::new(copy.prefix, "protection_ends_on", errors, Some(&hint));
        let (invalid, described) = (until.invalid(), until.described_by());
        let id = until.id.clone();
        view! {
            <Field state=until label=t("deal.protect_until") required=true>
                <input id=id class="pp-input" type="date"
                    prop:value=move || draft.with(|d| d.until.clone())
                    on:input=move |e| draft.update(|d| d.until = event_target_value(&e))
                    aria-invalid=invalid aria-describedby=described/>
            </Field>
        }
    });
    let note_id = note.id.clone();
    view! {
        <form class="pp-form" novalidate=true on:submit=move |e| { e.prevent_default(); send.send(step); }>
            <ErrorSummary errors summary id_prefix=copy.prefix/>
            {date}
            <Field state=note label=t(copy.note_label) required=copy.note_required>
                <textarea id=note_id class="pp-input" rows="3" maxlength="2000"
                    prop:value=move || draft.with(|d| d.note.clone())
                    on:input=move |e| draft.update(|d| d.note = event_target_value(&e))
                    aria-invalid=note_invalid></textarea>
            </Field>
            <button type="submit" class=copy.submit_class disabled=move || send.pending().get()>{t(copy.submit)}</button>
        </form>
    }
}

/// The channel team's question, and the answer.
#[component]
fn AnswerForm(question: String, form: StepForm, send: Sender) -> impl IntoView {
    let copy = StepCopy {
        step: StepName::Answer,
        prefix: "answer",
        note_label: "deal.your_answer",
        note_required: true,
        date_hint: None,
        submit: "deal.send_answer",
        submit_class: "pp-button pp-button--primary",
    };
    view! {
        <div class="pp-step">
            <h3 class="pp-step__title">{t("deal.team_asks")}</h3>
            <blockquote class="pp-step__question"><p>{question}</p></blockquote>
            <StepFields copy form send/>
        </div>
    }
}

/// Asking for protection until a later day, folded until opened.
#[component]
fn ExtensionForm(ends: NaiveDate, form: StepForm, send: Sender) -> impl IntoView {
    let copy = StepCopy {
        step: StepName::RequestExtension,
        prefix: "extension",
        note_label: "deal.why_longer",
        note_required: true,
        date_hint: Some(tr("deal.now_ends", &[("date", &short_date(ends))])),
        submit: "deal.ask_extension",
        submit_class: "pp-button",
    };
    view! {
        <details class="pp-step pp-step--extension">
            <summary class="pp-step__title">{t("deal.ask_longer")}</summary>
            <StepFields copy form send/>
        </details>
    }
}

/// Withdrawing, after a confirmation with an optional reason.
#[component]
fn Withdrawal(forms: StepForms, send: Sender) -> impl IntoView {
    let confirming = forms.confirming_withdrawal;
    let confirm = move || {
        let copy = StepCopy {
            step: StepName::Withdraw,
            prefix: "withdrawal",
            note_label: "deal.why_withdraw",
            note_required: false,
            date_hint: None,
            submit: "deal.withdraw",
            submit_class: "pp-button pp-button--danger",
        };
        view! {
            <h3 class="pp-step__title">{t("deal.withdraw_q")}</h3>
            <p>{t("deal.withdraw_effect")}</p>
            <StepFields copy form=forms.withdrawal send/>
            <button type="button" class="pp-button" on:click=move |_| confirming.set(false)>{t("deal.keep_it")}</button>
        }
    };
    view! {
        <div class="pp-step pp-step--withdraw">
            {move || if confirming.get() {
                confirm().into_any()
            } else {
                view! {
                    <button type="button" class="pp-button" on:click=move |_| confirming.set(true)>{t("deal.withdraw_open")}</button>
                }.into_any()
            }}
        </div>
    }
}
