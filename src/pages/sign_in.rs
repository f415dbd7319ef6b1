//! Signing in: e-mail and password, one-click demo accounts when the backend offers them, and,
//! as a dialog over the page, signing in again after a session ended (the page and what the
//! partner typed stay; another person signing in there gets a fresh portal instead).

mod provider;

use api_types::{FieldError, SignIn};
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::{
    focus_control, send_checked, ErrorSummary, Field, FieldState, Notice, Page, PasswordInput,
};
use crate::context::{use_api, use_base, use_config, use_read, use_session, ApiWrite};
use crate::domain::sign_in::{refusal, Credentials, Refusal};
use crate::session::{here, reload, safe_next, SessionState};
use crate::text::i18n::{t, tr};
use crate::text::labels::{Label, Tone};
use provider::ProviderSignIn;

/// The sign-in page, or the dialog's content when a session ended mid-task.
#[component]
pub fn SignInPage() -> impl IntoView {
    let session = use_session();
    let resuming = session
        .state
        .with_untracked(|s| matches!(s, SessionState::Ended(_)));
    let form = SignInForm::new(session.who().map(|s| s.user.email).unwrap_or_default());
    let submit = form.action(resuming);
    // Through the vendor's provider, the partner comes back to this page, or to the one whose
    // session ended (drafts are kept in storage across the round trip).
    let next = if resuming {
        here(&use_base().0)
    } else {
        safe_next(use_query_map().with_untracked(|q| q.get("next")).as_deref())
    };
    let provider = use_config()
        .sign_in_provider
        .map(|provider| view! { <ProviderSignIn provider next/> });
    if resuming {
        return view! {
            <div class="pp-sign-in pp-sign-in--again">
                <h2 id="pp-sign-in-again-title" class="pp-sign-in__title">{t("sign_in.again")}</h2>
                <p>{t("sign_in.again_hint")}</p>
                {provider}
                <SignInFields form submit/>
            </div>
        }
        .into_any();
    }
    view! {
        <Page title=t("sign_in.title")>
            <div class="pp-sign-in">
                <p class="pp-lead">{t("sign_in.lead")}</p>
                {provider}
                <SignInFields form submit/>
                <DemoAccounts submit/>
            </div>
        </Page>
    }
    .into_any()
}

/// The form's state: what was typed, errors at the fields, and a notice for the whole form.
#[derive(Clone, Copy)]
struct SignInForm {
    credentials: RwSignal<Credentials>,
    errors: RwSignal<Vec<FieldError>>,
    notice: RwSignal<Option<String>>,
    summary: NodeRef<Div>,
}

impl SignInForm {
    fn new(email: String) -> Self {
        Self {
            credentials: RwSignal::new(Credentials {
                email,
                password: String::new(),
            }),
            errors: RwSignal::new(Vec::new()),
            notice: RwSignal::new(None),
            summary: NodeRef::new(),
        }
    }

    /// Signs in and goes on: back where the partner was headed, or (resuming) on the same page;
    /// a refusal shows at the password or above the form, with everything typed kept.
    fn action(self, resuming: bool) -> ApiWrite<SignIn> {
        let (api, session, navigate) = (use_api(), use_session(), use_navigate());
        let next = safe_next(use_query_map().with_untracked(|q| q.get("next")).as_deref());
        let here = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        ApiWrite::new(move |request: &SignIn| {
            let (api, request, navigate, next, here) = (
                api.clone(),
                request.clone(),
                navigate.clone(),
                next.clone(),
                here.clone(),
            );
            async move {
                match api.sign_in(&request).await {
                    Ok(signed_in) => {
                        if !session.signed_in(signed_in) {
                            // Someone else than the person whose session ended: start afresh.
                            reload(&here);
                        } else if !resuming {
                            navigate(
                                &next,
                                NavigateOptions {
                                    replace: true,
                                    ..Default::default()
                                },
                            );
                        }
                    }
                    Err(error) => match refusal(error.status(), error.code(), error.message()) {
                        Refusal::AtPassword(message) => {
                            self.credentials.update(|c| c.password.clear());
                            self.errors.set(vec![FieldError {
                                field: "password".into(),
                                message,
                            }]);
                            focus_control("sign-in-password");
                        }
                        Refusal::Notice(message) => self.notice.set(Some(message)),
                    },
                }
            }
        })
    }
}

/// E-mail, password (with *Show password*) and the button.
#[component]
fn SignInFields(form: SignInForm, submit: ApiWrite<SignIn>) -> impl IntoView {
    let SignInForm {
        credentials,
        errors,
        notice,
        summary,
    } = form;
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        notice.set(None);
        send_checked(
            credentials.with_untracked(Credentials::validate),
            errors,
            summary,
            submit,
        );
    };
    let email = FieldState::new("sign-in", "email", errors, None);
    let password = FieldState::new("sign-in", "password", errors, None);
    let (email_invalid, email_described) = (email.invalid(), email.described_by());
    let (password_invalid, password_described) = (password.invalid(), password.described_by());
    view! {
        <ErrorSummary errors summary id_prefix="sign-in"/>
        <div role="status">
            {move || notice.get().map(|text| view! {
                <Notice tone=Tone::Danger title=t("sign_in.not_yet")>
                    <p>{text}</p>
                </Notice>
            })}
        </div>
        <form class="pp-form pp-card pp-sign-in__form" on:submit=on_submit novalidate=true>
            <Field state=email label=t("sign_in.email") required=true>
                <input id="sign-in-email" class="pp-input" type="email" autocomplete="username" spellcheck="false"
                    prop:value=move || credentials.with(|c| c.email.clone())
                    on:input=move |e| credentials.update(|c| c.email = event_target_value(&e))
                    aria-invalid=email_invalid aria-describedby=email_described/>
            </Field>
            <Field state=password label=t("sign_in.password") required=true>
                <PasswordInput id="sign-in-password" autocomplete="current-password"
                    value=Signal::derive(move || credentials.with(|c| c.password.clone()))
                    on_input=Callback::new(move |typed| credentials.update(|c| c.password = typed))
                    invalid=Signal::derive(password_invalid) described_by=Signal::derive(password_described)/>
            </Field>
            <button type="submit" class="pp-button pp-button--primary" disabled=move || submit.pending().get()>
                {move || t(if submit.pending().get() { "sign_in.signing_in" } else { "sign_in.title" })}
            </button>
        </form>
    }
}

/// A demo backend's accounts, each signed in with one click; nothing on a real one.
#[component]
fn DemoAccounts(submit: ApiWrite<SignIn>) -> impl IntoView {
    let accounts = use_read(|api| async move { api.demo_accounts().await });
    move || {
        let accounts = accounts.get().and_then(Result::ok).unwrap_or_default();
        (!accounts.is_empty()).then(|| view! {
            <section class="pp-card pp-demo-accounts" aria-labelledby="pp-demo-accounts-title">
                <h2 id="pp-demo-accounts-title" class="pp-card__title">{t("sign_in.demo")}</h2>
                <p>{t("sign_in.demo_password")}" "
                    <code>{accounts[0].password.clone()}</code>"."</p>
                <ul class="pp-demo-accounts__list">
                    {accounts.into_iter().map(|account| {
                        let request = SignIn { email: account.email.clone(), password: account.password.clone() };
                        view! {
                            <li>
                                <button type="button" class="pp-button" disabled=move || submit.pending().get()
                                    on:click=move |_| { submit.dispatch(request.clone()); }>
                                    {tr("sign_in.as", &[("name", &account.name)])}
                                </button>
                                <span class="pp-demo-accounts__who">
                                    {format!("{} · {} · {}", account.role.label(), account.company_name, account.email)}
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}
