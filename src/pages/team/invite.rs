//! Inviting a teammate: e-mail and role, then the single-use link to pass on (the reference
//! backend sends no mail), with a button that copies it.

use api_types::{FieldError, NewInvitation};
use leptos::html::Div;
use leptos::prelude::*;

use crate::components::{focus_when_shown, send_checked, ErrorSummary, Field, FieldState, Notice};
use crate::context::{use_api, use_base, ApiWrite};
use crate::domain::team::{invitation_link, InviteDraft, ROLES};
use crate::text::i18n::{t, tr};
use crate::text::labels::{Label, Tone};

/// The form's state: what was typed, errors at fields, and the last invitation's link.
#[derive(Clone, Copy)]
pub struct InviteForm {
    draft: RwSignal<InviteDraft>,
    errors: RwSignal<Vec<FieldError>>,
    /// `Ok((email, link))` after an invitation, `Err(what failed)` after a refusal.
    outcome: RwSignal<Option<Result<(String, String), String>>>,
    summary: NodeRef<Div>,
}

impl InviteForm {
    pub fn new() -> Self {
        Self {
            draft: RwSignal::new(InviteDraft::default()),
            errors: RwSignal::new(Vec::new()),
            outcome: RwSignal::new(None),
            summary: NodeRef::new(),
        }
    }

    /// Sends the invitation: the link to pass on and an empty form, errors at their fields, or
    /// what failed with the e-mail kept.
    pub fn action(self) -> ApiWrite<NewInvitation> {
        let (api, base) = (use_api(), use_base().0);
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        ApiWrite::new(move |invitation: &NewInvitation| {
            let (api, invitation) = (api.clone(), invitation.clone());
            let (base, origin) = (base.clone(), origin.clone());
            async move {
                match api.invite(&invitation).await {
                    Ok(created) => {
                        let link = invitation_link(&origin, &base, &created.token);
                        self.outcome.set(Some(Ok((created.invitation.email, link))));
                        self.draft.set(InviteDraft::default());
                    }
                    Err(error) if error.status() == Some(422) => {
                        self.errors.set(error.field_errors().to_vec());
                        focus_when_shown(self.summary);
                    }
                    // Someone who can already sign in: said at the e-mail, like a typo.
                    Err(error) if error.status() == Some(409) => {
                        self.errors
                            .set(vec![FieldError::new("email", &error.message())]);
                        focus_when_shown(self.summary);
                    }
                    Err(error) => self.outcome.set(Some(Err(tr(
                        "team.invite_failed",
                        &[("why", &error.message())],
                    )))),
                }
            }
        })
    }
}

/// The invitation form and, once sent, the link.
#[component]
pub fn InviteSection(form: InviteForm, send: ApiWrite<NewInvitation>) -> impl IntoView {
    let InviteForm {
        draft,
        errors,
        outcome,
        summary,
    } = form;
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        outcome.set(None);
        send_checked(
            draft.with_untracked(InviteDraft::validate),
            errors,
            summary,
            send,
        );
    };
    let email = FieldState::new("invite", "email", errors, None);
    let (email_invalid, email_described) = (email.invalid(), email.described_by());
    let role = FieldState::new("invite", "role", errors, None);
    view! {
        <section class="pp-section pp-invite-section" aria-labelledby="pp-invite-title">
            <h2 id="pp-invite-title">{t("team.invite")}</h2>
            <ErrorSummary errors summary id_prefix="invite"/>
            <div role="status">{move || outcome.get().map(|outcome| match outcome {
                Ok((email, link)) => view! { <InvitationLink email link/> }.into_any(),
                Err(text) => view! { <p class="pp-form-outcome pp-form-outcome--error">{text}</p> }.into_any(),
            })}</div>
            <form class="pp-form pp-card pp-invite" on:submit=on_submit novalidate=true>
                <Field state=email label=t("team.work_email") required=true>
                    <input id="invite-email" class="pp-input" type="email" autocomplete="off" spellcheck="false"
                        prop:value=move || draft.with(|d| d.email.clone())
                        on:input=move |e| draft.update(|d| d.email = event_target_value(&e))
                        aria-invalid=email_invalid aria-describedby=email_described/>
                </Field>
                <Field state=role label=t("team.role") required=true>
                    <select id="invite-role" class="pp-input" prop:value=move || draft.with(|d| d.role.clone())
                        on:change=move |e| draft.update(|d| d.role = event_target_value(&e))>
                        {ROLES.iter().map(|(role, value)| view! { <option value=*value>{role.label()}</option> }).collect_view()}
                    </select>
                </Field>
                <button type="submit" class="pp-button pp-button--primary" disabled=move || send.pending().get()>{t("team.send_invitation")}</button>
            </form>
        </section>
    }
}

/// The link for the invitee, once: it works one time, for seven days.
#[component]
fn InvitationLink(email: String, link: String) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = {
        let link = link.clone();
        move |_| {
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&link);
                copied.set(true);
            }
        }
    };
    view! {
        <Notice tone=Tone::Success title=tr("team.invitation_ready", &[("email", &email)])>
            <p>{t("team.link_hint")}</p>
            <div class="pp-invite__link">
                <input id="invite-link" class="pp-input" readonly=true aria-label=t("team.invitation_link") prop:value=link/>
                <button type="button" class="pp-button" on:click=copy>{move || t(if copied.get() { "team.copied" } else { "team.copy_link" })}</button>
            </div>
        </Notice>
    }
}
