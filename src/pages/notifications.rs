//! Notifications: what changed for the partner, newest first, each leading to its subject;
//! following one marks it read, and everything can be marked read at once.

use api_types::{Notification, NotificationFeed};
use leptos::prelude::*;

use crate::components::{Badge, EmptyState, Loaded, Page};
use crate::context::{use_notifications, use_read};
use crate::domain::notifications::{headline, path, tone};
use crate::platform::paths::href;
use crate::text::dates::{machine_instant, moment};
use crate::text::i18n::{t, tn};

/// The notifications page.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let notifications = use_notifications();
    // Reads again whenever the polled feed changes (a new entry, something marked read).
    let feed = use_read(move |api| {
        notifications.changed().track();
        async move { api.notification_feed().await }
    });
    view! {
        <Page title=t("nav.notifications")>
            <p class="pp-lead">{t("notifications.lead")}</p>
            <Loaded resource=feed what=t("what.notifications") lines=5 render=move |feed: NotificationFeed| if feed.items.is_empty() {
                view! {
                    <EmptyState title=t("notifications.none")>
                        <p>{t("notifications.none_hint")}</p>
                    </EmptyState>
                }.into_any()
            } else {
                view! {
                    <div class="pp-notifications__bar">
                        <p class="pp-meta">{match feed.unread {
                            0 => t("notifications.all_read"),
                            n => tn("notifications.unread", n.into(), &[]),
                        }}</p>
                        {(feed.unread > 0).then(|| view! {
                            <button type="button" class="pp-button" on:click=move |_| notifications.mark_read(None)>{t("notifications.mark_all")}</button>
                        })}
                    </div>
                    <ol class="pp-notifications">
                        {feed.items.into_iter().map(|entry| view! { <Entry entry/> }).collect_view()}
                    </ol>
                }.into_any()
            }/>
        </Page>
    }
}

#[component]
fn Entry(entry: Notification) -> impl IntoView {
    let notifications = use_notifications();
    let (id, unread) = (entry.id.clone(), !entry.read);
    let mark = move |_| {
        if unread {
            notifications.mark_read(Some(id.clone()));
        }
    };
    let tone = tone(entry.kind);
    view! {
        <li class="pp-card pp-notification" class:pp-notification--unread=unread>
            <div class="pp-notification__head">
                {unread.then(|| view! { <Badge text=t("notifications.new") tone/> })}
                <a class="pp-notification__title" href=href(&path(&entry)) on:click=mark>{headline(&entry)}</a>
            </div>
            {entry.note.map(|note| view! { <p class="pp-notification__note">{note}</p> })}
            <p class="pp-meta">
                <time datetime=machine_instant(entry.created_at)>{moment(entry.created_at)}</time>
            </p>
        </li>
    }
}
