//! Notifications: what changed for the partner, newest first, each leading to its subject;
//! following one marks it read, and everything can be marked read at once.

use api_types::{Notification, NotificationFeed};
use leptos::prelude::*;

use crate::components::{Badge, EmptyState, Loaded, Page};
use crate::context::{use_notifications, use_read};
use crate::domain::notifications::{headline, path, tone};
use crate::platform::paths::href;
use crate::text::dates::{machine_instant, moment};

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
        <Page title="Notifications">
            <p class="pp-lead">"What changed for you: decisions on your deals, questions from the channel team, answers to your feedback and news about your training. New entries appear here without reloading."</p>
            <Loaded resource=feed what="your notifications" lines=5 render=move |feed: NotificationFeed| if feed.items.is_empty() {
                view! {
                    <EmptyState title="Nothing new yet">
                        <p>"Decisions on your deals, questions from the channel team and answers to your feedback will appear here."</p>
                    </EmptyState>
                }.into_any()
            } else {
                view! {
                    <div class="pp-notifications__bar">
                        <p class="pp-meta">{match feed.unread {
                            0 => "Everything is read.".to_owned(),
                            1 => "1 unread".to_owned(),
                            n => format!("{n} unread"),
                        }}</p>
                        {(feed.unread > 0).then(|| view! {
                            <button type="button" class="pp-button" on:click=move |_| notifications.mark_read(None)>"Mark all as read"</button>
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
                {unread.then(|| view! { <Badge text="New" tone/> })}
                <a class="pp-notification__title" href=href(&path(&entry)) on:click=mark>{headline(&entry)}</a>
            </div>
            {entry.note.map(|note| view! { <p class="pp-notification__note">{note}</p> })}
            <p class="pp-meta">
                <time datetime=machine_instant(entry.created_at)>{moment(entry.created_at)}</time>
            </p>
        </li>
    }
}
