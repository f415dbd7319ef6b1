//! The team, for partner admins: each member's role, certifications (those lapsing first) and
//! courses; making someone an admin or a member, removing them, and inviting a teammate with
//! a single-use link. Members who follow a link here are told whom to ask instead.

mod invite;

use api_types::{Invitation, Team, TeamMember, UserRole};
use leptos::prelude::*;

use crate::components::{Badge, EmptyState, Loaded, Notice, Page, ProgressBar, Section};
use crate::context::{use_api, use_read, use_session, ApiWrite};
use crate::domain::team::attention;
use crate::platform::paths::href;
use crate::text::dates::{expiry_phrase, short_date, today};
use crate::text::i18n::{t, tn, tr};
use crate::text::labels::{Label, Tone};
use invite::{InviteForm, InviteSection};

/// The team page.
#[component]
pub fn TeamPage() -> impl IntoView {
    let Some(me) = use_session()
        .who()
        .filter(|s| s.user.role == UserRole::Admin)
    else {
        return view! { <MembersOnly/> }.into_any();
    };
    let outcome = RwSignal::new(None);
    let change = change_action(outcome);
    let invite = InviteForm::new();
    let sent = invite.action();
    let team = use_read(move |api| {
        change.version().track();
        sent.version().track();
        async move { api.team().await }
    });
    let confirming = RwSignal::new(None::<String>);
    let you = me.user.id;
    view! {
        <Page title=t("nav.team")>
            <p class="pp-lead">{tr("team.lead", &[("company", &me.company_name)])}</p>
            <InviteSection form=invite send=sent/>
            // What a change did, said next to the list it changed.
            <p role="status" class="pp-form-outcome">{move || outcome.get().map(|outcome| match outcome {
                Ok(text) => view! { <span class="pp-form-outcome--ok">{text}</span> }.into_any(),
                Err(text) => view! { <span class="pp-form-outcome--error">{text}</span> }.into_any(),
            })}</p>
            <Loaded resource=team what=t("what.team") lines=6 render=move |team: Team| {
                let you = you.clone();
                view! {
                    <Section heading_id="pp-members-title" title=t("team.members")>
                        <ul class="pp-team">
                            {team.members.into_iter().map(|member| {
                                let yourself = member.user.id == you;
                                view! { <MemberCard member yourself change confirming/> }
                            }).collect_view()}
                        </ul>
                    </Section>
                    <OpenInvitations invitations=team.invitations change/>
                }
            }/>
        </Page>
    }
    .into_any()
}

/// What a member sees if they follow a link to the team page.
#[component]
fn MembersOnly() -> impl IntoView {
    view! {
        <Page title=t("nav.team")>
            <Notice tone=Tone::Info title=t("team.admins_only")>
                <p>{t("team.admins_only_hint")}</p>
                <p><a href=href("/")>{t("team.back_home")}</a></p>
            </Notice>
        </Page>
    }
}

/// A change an admin makes to the team.
#[derive(Clone)]
enum Change {
    Role {
        user_id: String,
        name: String,
        role: UserRole,
    },
    Remove {
        user_id: String,
        name: String,
    },
    Withdraw {
        id: String,
        email: String,
    },
}

/// Applies a change and puts what happened, in words, in `outcome` for the status line.
fn change_action(outcome: RwSignal<Option<Result<String, String>>>) -> ApiWrite<Change> {
    let api = use_api();
    ApiWrite::new(move |change: &Change| {
        let (api, change) = (api.clone(), change.clone());
        async move {
            let done = match &change {
                Change::Role {
                    user_id,
                    name,
                    role,
                } => api.set_role(user_id, *role).await.map(|_| {
                    let key = match role {
                        UserRole::Admin => "team.now_admin",
                        UserRole::Member => "team.now_member",
                    };
                    tr(key, &[("name", name)])
                }),
                Change::Remove { user_id, name } => api
                    .remove_member(user_id)
                    .await
                    .map(|()| tr("team.removed", &[("name", name)])),
                Change::Withdraw { id, email } => api
                    .withdraw_invitation(id)
                    .await
                    .map(|()| tr("team.withdrawn", &[("email", email)])),
            };
            outcome.set(Some(done.map_err(|error| {
                tr("team.nothing_changed", &[("why", &error.message())])
            })));
        }
    })
}

#[component]
fn MemberCard(
    member: TeamMember,
    yourself: bool,
    change: ApiWrite<Change>,
    confirming: RwSignal<Option<String>>,
) -> impl IntoView {
    let needs = attention(&member);
    let TeamMember {
        user,
        certifications,
        courses_in_progress,
        courses_completed,
    } = member;
    let today = today();
    let other = match user.role {
        UserRole::Admin => UserRole::Member,
        UserRole::Member => UserRole::Admin,
    };
    let (id, name) = (user.id.clone(), user.name.clone());
    let role_change = Change::Role {
        user_id: id.clone(),
        name: name.clone(),
        role: other,
    };
    let removal = Change::Remove {
        user_id: id.clone(),
        name: name.clone(),
    };
    let asking = {
        let id = id.clone();
        Memo::new(move |_| confirming.with(|c| c.as_deref() == Some(id.as_str())))
    };
    view! {
        <li class="pp-card pp-team-member">
            <div class="pp-team-member__head">
                <h3 class="pp-team-member__name">{if yourself { format!("{}{}", user.name, t("board.you")) } else { user.name.clone() }}</h3>
                <Badge text=user.role.label() tone=Tone::Neutral/>
                {(needs > 0).then(|| view! {
                    <Badge text=tn("team.to_renew", needs as i64, &[]) tone=Tone::Warning/>
                })}
            </div>
            <p class="pp-meta">{user.email}</p>
            <h4 class="pp-team-member__label">{t("training.certifications")}</h4>
            {if certifications.is_empty() {
                view! { <p class="pp-muted">{t("team.none_yet")}</p> }.into_any()
            } else {
                view! {
                    <ul class="pp-team-member__list">
                        {certifications.into_iter().map(|c| view! {
                            <li>
                                {c.name}" "<Badge text=c.status.label() tone=c.status.tone()/>
                                {c.expires_on.map(|d| view! { <span class="pp-meta">{format!(" {} ({})", expiry_phrase(d, today), short_date(d))}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h4 class="pp-team-member__label">{t("team.courses_in_progress")}</h4>
            {if courses_in_progress.is_empty() {
                view! { <p class="pp-muted">{t("team.none_in_progress")}</p> }.into_any()
            } else {
                view! {
                    <ul class="pp-team-member__list">
                        {courses_in_progress.into_iter().map(|c| view! {
                            <li>{c.title.clone()}<ProgressBar label=c.title value=c.modules_done max=c.modules_total words="progress.modules"/></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p class="pp-meta">{tn("team.courses_completed", courses_completed as i64, &[])}</p>
            {(!yourself).then(|| view! {
                <div class="pp-team-member__actions">
                    <Show when=move || asking.get() fallback=move || {
                        let (role_change, id) = (role_change.clone(), id.clone());
                        view! {
                            <button type="button" class="pp-button" disabled=move || change.pending().get()
                                on:click=move |_| { change.dispatch(role_change.clone()); }>
                                {t(match other { UserRole::Admin => "team.make_admin", UserRole::Member => "team.make_member" })}
                            </button>
                            <button type="button" class="pp-button pp-button--danger" on:click=move |_| confirming.set(Some(id.clone()))>{t("team.remove")}</button>
                        }
                    }>
                        <p class="pp-team-member__confirm">{tr("team.remove_confirm", &[("name", &name)])}</p>
                        <button type="button" class="pp-button pp-button--danger" disabled=move || change.pending().get()
                            on:click={let removal = removal.clone(); move |_| { confirming.set(None); change.dispatch(removal.clone()); }}>
                            {tr("team.remove_name", &[("name", &name)])}
                        </button>
                        <button type="button" class="pp-button" on:click=move |_| confirming.set(None)>{t("team.keep")}</button>
                    </Show>
                </div>
            })}
        </li>
    }
}

#[component]
fn OpenInvitations(invitations: Vec<Invitation>, change: ApiWrite<Change>) -> impl IntoView {
    view! {
        <Section heading_id="pp-invitations-title" title=t("team.open_invitations")>
            {if invitations.is_empty() {
                view! { <EmptyState title=t("team.no_invitations")><p>{t("team.no_invitations_hint")}</p></EmptyState> }.into_any()
            } else {
                view! {
                    <ul class="pp-team-invitations">
                        {invitations.into_iter().map(|invitation| {
                            let withdraw = Change::Withdraw { id: invitation.id.clone(), email: invitation.email.clone() };
                            view! {
                                <li class="pp-card pp-team-invitation">
                                    <p><strong>{invitation.email.clone()}</strong>" · "{invitation.role.label()}</p>
                                    <p class="pp-meta">{tr("team.invited_by", &[("who", &invitation.invited_by), ("date", &short_date(invitation.created_at.date_naive())), ("until", &short_date(invitation.expires_at.date_naive()))])}</p>
                                    <button type="button" class="pp-button" disabled=move || change.pending().get()
                                        aria-label=tr("team.withdraw_invitation", &[("email", &invitation.email)])
                                        on:click=move |_| { change.dispatch(withdraw.clone()); }>
                                        {t("deal.withdraw")}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </Section>
    }
}
