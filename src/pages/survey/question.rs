//! One survey question as native form controls: radio groups for NPS, ratings and single
//! choices (arrow keys move within a group), checkboxes for several choices, and a text area
//! with a character count.

use api_types::{Answer, FieldError, Question, QuestionKind};
use leptos::prelude::*;

use crate::components::FieldState;
use crate::domain::survey::{toggle_choice, Answers};
use crate::text::i18n::{t, tr};

/// A question with its controls, hint and error.
#[component]
pub(super) fn QuestionField(
    question: Question,
    answers: RwSignal<Answers>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let qid = question.id.clone();
    let required = question.required;
    let hint = match &question.kind {
        QuestionKind::Nps => t("survey.nps_hint"),
        QuestionKind::Rating { max } => tr("survey.rating_hint", &[("max", max)]),
        QuestionKind::SingleChoice { .. } => t("survey.choose_one"),
        QuestionKind::MultipleChoice { max_selected, .. } => {
            tr("survey.choose_up_to", &[("max", max_selected)])
        }
        QuestionKind::Text { max_length } => tr("survey.up_to_chars", &[("max", max_length)]),
    };
    let state = FieldState::new("question", qid.clone(), errors, Some(&hint));
    let (id, error, described) = (state.id.clone(), state.error, state.described_by());
    let (error_id, hint_id) = (format!("{id}-error"), format!("{id}-hint"));
    let controls = match question.kind.clone() {
        QuestionKind::Nps => scale(&qid, &id, 0, 10, answers).into_any(),
        QuestionKind::Rating { max } => scale(&qid, &id, 1, i64::from(max), answers).into_any(),
        QuestionKind::SingleChoice { options } => options
            .into_iter()
            .enumerate()
            .map(|(i, option)| {
                let control = if i == 0 { id.clone() } else { format!("{id}-{}", option.id) };
                let (name, qid, value) = (qid.clone(), qid.clone(), option.id.clone());
                let checked = answers.with_untracked(|a| a.get(&qid) == Some(&Answer::Text(value.clone())));
                view! {
                    <div class="pp-choice">
                        <input type="radio" id=control.clone() name=name checked=checked
                            on:change=move |_| answers.update(|a| { a.insert(qid.clone(), Answer::Text(value.clone())); })/>
                        <label for=control>{option.label}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::MultipleChoice { options, .. } => options
            .into_iter()
            .enumerate()
            .map(|(i, option)| {
                let control = if i == 0 { id.clone() } else { format!("{id}-{}", option.id) };
                let (qid, value) = (qid.clone(), option.id.clone());
                let checked = answers.with_untracked(|a| matches!(a.get(&qid), Some(Answer::Choices(ids)) if ids.contains(&value)));
                view! {
                    <div class="pp-choice">
                        <input type="checkbox" id=control.clone() checked=checked
                            on:change=move |event| {
                                let on = event_target_checked(&event);
                                answers.update(|a| { let next = toggle_choice(a.get(&qid), &value, on); a.insert(qid.clone(), next); });
                            }/>
                        <label for=control>{option.label}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::Text { max_length } => {
            let (qid_in, qid_count) = (qid.clone(), qid.clone());
            let initial = answers.with_untracked(|a| match a.get(&qid) { Some(Answer::Text(t)) => t.clone(), _ => String::new() });
            let used = move || answers.with(|a| match a.get(&qid_count) { Some(Answer::Text(t)) => t.chars().count(), _ => 0 });
            view! {
                <textarea id=id.clone() class="pp-input" rows="4" maxlength=max_length aria-describedby=format!("{hint_id} {id}-count")
                    on:input=move |event| answers.update(|a| { a.insert(qid_in.clone(), Answer::Text(event_target_value(&event))); })
                >{initial}</textarea>
                <p class="pp-field__count" id=format!("{id}-count")>{move || tr("form.characters", &[("used", &used()), ("max", &max_length)])}</p>
            }
            .into_any()
        }
    };
    let is_text = matches!(question.kind, QuestionKind::Text { .. });
    let prompt = question.prompt.clone();
    let label = if is_text {
        view! { <label for=id.clone() id=format!("{id}-label") class="pp-field__label">{prompt}{requirement(required)}</label> }.into_any()
    } else {
        view! { <legend class="pp-field__label">{prompt}{requirement(required)}</legend> }
            .into_any()
    };
    view! {
        <fieldset class="pp-field pp-question" class:pp-field--invalid=move || error.with(Option::is_some) aria-describedby=described
            aria-labelledby=is_text.then(|| format!("{id}-label"))>
            {label}
            <p class="pp-field__hint" id=hint_id.clone()>{hint}</p>
            {move || error.get().map(|message| view! { <p class="pp-field__error" id=error_id.clone()>{message}</p> })}
            <div class="pp-question__controls">{controls}</div>
        </fieldset>
    }
}

fn requirement(required: bool) -> impl IntoView {
    view! { <span class=if required { "pp-field__required" } else { "pp-field__optional" }>{t(if required { "form.required" } else { "form.optional" })}</span> }
}

/// A row of numbered radios (NPS 0–10, rating 1–max); the first carries the question's id.
fn scale(qid: &str, id: &str, from: i64, to: i64, answers: RwSignal<Answers>) -> impl IntoView {
    view! {
        <div class="pp-scale">
            {(from..=to).map(|n| {
                let control = if n == from { id.to_owned() } else { format!("{id}-{n}") };
                let (name, qid) = (qid.to_owned(), qid.to_owned());
                let checked = answers.with_untracked(|a| a.get(&qid) == Some(&Answer::Number(n)));
                view! {
                    <span class="pp-scale__option">
                        <input type="radio" id=control.clone() name=name value=n checked=checked
                            on:change=move |_| answers.update(|a| { a.insert(qid.clone(), Answer::Number(n)); })/>
                        <label for=control>{n}</label>
                    </span>
                }
            }).collect_view()}
        </div>
    }
}
