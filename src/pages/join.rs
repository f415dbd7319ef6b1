//! Joining by invitation (`/join#<secret>`): who invited you to which company, then your name
//! and a password; the portal then opens signed in. The secret is read from the address's
//! fragment, which browsers never send to a server.

use api_types::{AcceptInvitation, FieldError, InvitationDetails, UserRole};
use leptos::html::Div;
use leptos::prelude::*;

use crate::components::{
    focus_when_shown, send_checked, ErrorSummary, Field, FieldState, Loaded, Notice, Page,
    PasswordInput,
};
use crate::context::{use_api, use_read, ApiWrite};
use crate::domain::team::{invitation_token, password_hint, JoinDraft};
use crate::platform::paths::href;
use crate::session::reload;
use crate::text::i18n::{t, tr};
use crate::text::labels::Tone;

/// The join page.
#[component]
pub fn JoinPage() -> impl IntoView {
    let fragment = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let Some(token) = invitation_token(&fragment) else {
        return view! {
            <Page title=t("join.title")>
                <Notice tone=Tone::Warning title=t("join.incomplete")>
                    <p>{t("join.incomplete_hint")}" "
                        <a href=href("/sign-in")>{t("sign_in.title")}</a>"."</p>
                </Notice>
            </Page>
        }
        .into_any();
    };
    let details = {
        let token = token.clone();
        use_read(move |api| {
            let token = token.clone();
            async move { api.invitation(&token).await }
        })
    };
    view! {
        <Page title=t("join.title")>
            <Loaded resource=details what=t("what.invitation") lines=4 render=move |details: InvitationDetails| {
                view! { <JoinForm details token=token.clone()/> }
            }/>
        </Page>
    }
    .into_any()
}

#[component]
fn JoinForm(details: InvitationDetails, token: String) -> impl IntoView {
    let draft = RwSignal::new(JoinDraft::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let notice = RwSignal::new(None::<String>);
    let summary = NodeRef::<Div>::new();
    let api = use_api();
    let join = ApiWrite::new(move |acceptance: &AcceptInvitation| {
        let (api, acceptance) = (api.clone(), acceptance.clone());
        async move {
            match api.accept_invitation(&acceptance).await {
                // A fresh start, signed in: nothing of anyone before stays in memory.
                Ok(_) => reload(&href("/")),
                Err(error) if error.status() == Some(422) => {
                    errors.set(error.field_errors().to_vec());
                    focus_when_shown(summary);
                }
                Err(error) => notice.set(Some(tr("join.failed", &[("why", &error.message())]))),
            }
        }
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        notice.set(None);
        send_checked(
            draft.with_untracked(|d| d.validate(&token)),
            errors,
            summary,
            join,
        );
    };
    let name = FieldState::new("join", "name", errors, None);
    let hint = password_hint();
    let password = FieldState::new("join", "password", errors, Some(&hint));
    let (name_invalid, name_described) = (name.invalid(), name.described_by());
    let (password_invalid, password_described) = (password.invalid(), password.described_by());
    let email = FieldState::new("join", "email", errors, None);
    view! {
        <p class="pp-lead">{tr(
            match details.role { UserRole::Admin => "join.lead_admin", UserRole::Member => "join.lead_member" },
            &[("who", &details.invited_by), ("company", &details.company_name),
              ("date", &crate::text::dates::short_date(details.expires_at.date_naive()))],
        )}</p>
        <ErrorSummary errors summary id_prefix="join"/>
        <div role="status">{move || notice.get().map(|text| view! {
            <Notice tone=Tone::Danger title=t("join.not_yet")><p>{text}</p></Notice>
        })}</div>
        <form class="pp-form pp-card pp-sign-in__form" on:submit=on_submit novalidate=true>
            <Field state=email label=t("join.email") required=true>
                <input id="join-email" class="pp-input" type="email" autocomplete="username" readonly=true prop:value=details.email/>
            </Field>
            <Field state=name label=t("join.name") required=true>
                <input id="join-name" class="pp-input" autocomplete="name" maxlength="120"
                    prop:value=move || draft.with(|d| d.name.clone())
                    on:input=move |e| draft.update(|d| d.name = event_target_value(&e))
                    aria-invalid=name_invalid aria-describedby=name_described/>
            </Field>
            <Field state=password label=t("join.password") required=true>
                <PasswordInput id="join-password" autocomplete="new-password"
                    value=Signal::derive(move || draft.with(|d| d.password.clone()))
                    on_input=Callback::new(move |typed| draft.update(|d| d.password = typed))
                    invalid=Signal::derive(password_invalid) described_by=Signal::derive(password_described)/>
            </Field>
            <button type="submit" class="pp-button pp-button--primary" disabled=move || join.pending().get()>
                {move || t(if join.pending().get() { "join.joining" } else { "join.join" })}
            </button>
        </form>
    }
}
