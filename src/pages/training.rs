//! Training: courses and learning paths with progress, what is recommended and why,
//! certifications with their expiry, and badges. Filter, level and sort live in the URL.

use api_types::{Badge as EarnedBadge, Certification, Course, Level, Recommendation, Training};
use leptos::prelude::*;

use crate::components::{
    Badge, EmptyState, ExternalLink, FilterChoice, FilterLinks, Loaded, Page, ProgressBar, Section,
};
use crate::context::use_read;
use crate::domain::training::{
    expiry_warning, visible_courses, CourseFilter, CourseSort, CourseView, ExpiryWarning,
};
use crate::platform::url_state::{href, use_url_state};
use crate::text::dates::{duration_phrase, expiry_phrase, short_date, today};
use crate::text::i18n::{t, tr};
use crate::text::labels::{Label, Tone};

/// The training page.
#[component]
pub fn TrainingPage() -> impl IntoView {
    let training = use_read(|api| async move { api.training().await });
    view! {
        <Page title=t("nav.training")>
            <p class="pp-lead">{t("training.lead")}</p>
            <Loaded resource=training what=t("what.training_yours") lines=6 render=move |training: Training| {
                let Training { courses, recommended, certifications, badges } = training;
                view! {
                    <CertificationList certifications/>
                    <Recommended recommended courses=courses.clone()/>
                    <CourseList courses/>
                    <BadgeList badges/>
                }
            }/>
        </Page>
    }
}

#[component]
fn CourseList(courses: Vec<Course>) -> impl IntoView {
    let view_state = use_url_state::<CourseView>();
    let choices = move |make: fn(CourseView) -> Vec<(String, CourseView)>| {
        Signal::derive(move || {
            let current = view_state.get();
            make(current)
                .into_iter()
                .map(|(label, target)| FilterChoice::to(label, &target, target == current))
                .collect::<Vec<_>>()
        })
    };
    let status_choices = choices(|v| {
        CourseFilter::ALL
            .map(|f| (f.label(), CourseView { filter: f, ..v }))
            .to_vec()
    });
    let level_choices = choices(|v| {
        let mut levels = vec![(t("training.all_levels"), CourseView { level: None, ..v })];
        levels.extend(
            [Level::Foundation, Level::Professional, Level::Expert].map(|l| {
                (
                    l.label().to_owned(),
                    CourseView {
                        level: Some(l),
                        ..v
                    },
                )
            }),
        );
        levels
    });
    let sort_choices = choices(|v| {
        CourseSort::ALL
            .map(|s| (s.label(), CourseView { sort: s, ..v }))
            .to_vec()
    });
    let shown = Memo::new(move |_| {
        let v = view_state.get();
        visible_courses(&courses, v.filter, v.level, v.sort)
    });
    view! {
        <Section heading_id="pp-courses-title" title=t("training.courses")>
            <div class="pp-filters">
                <FilterLinks label=t("filter.show") choices=status_choices/>
                <FilterLinks label=t("training.level") choices=level_choices/>
                <FilterLinks label=t("filter.order") choices=sort_choices/>
            </div>
            <Show
                when=move || !shown.with(Vec::is_empty)
                fallback=|| view! {
                    <EmptyState title=t("training.no_match")>
                        <p><a href=href(&CourseView::default())>{t("training.show_all")}</a></p>
                    </EmptyState>
                }
            >
                <ul class="pp-course-grid">
                    <For each=move || shown.get() key=|c| (c.id.clone(), c.modules_done) let:course>
                        <CourseCard course/>
                    </For>
                </ul>
            </Show>
        </Section>
    }
}

#[component]
fn CourseCard(course: Course) -> impl IntoView {
    let kind = course.kind.label();
    let left = if course.minutes_left == 0 {
        t("training.completed")
    } else {
        tr(
            "training.time_left",
            &[("time", &duration_phrase(course.minutes_left))],
        )
    };
    view! {
        <li class="pp-card pp-course">
            <p class="pp-course__kind">{format!("{kind} · {}", course.level.label())}</p>
            <h3 class="pp-course__title">
                <ExternalLink url=course.url.clone() text=course.title.clone()/>
            </h3>
            <ProgressBar label=tr("training.modules_of", &[("course", &course.title)]) value=course.modules_done max=course.modules_total words="progress.modules"/>
            <p class="pp-course__left">{left}</p>
        </li>
    }
}

#[component]
fn Recommended(recommended: Vec<Recommendation>, courses: Vec<Course>) -> impl IntoView {
    let items: Vec<(Course, String)> = recommended
        .into_iter()
        .filter_map(|r| {
            courses
                .iter()
                .find(|c| c.id == r.course_id)
                .map(|c| (c.clone(), r.reason))
        })
        .collect();
    (!items.is_empty()).then(|| view! {
        <Section heading_id="pp-recommended-title" title=t("training.recommended")>
            <ul class="pp-recommended">
                {items.into_iter().map(|(course, reason)| view! {
                    <li class="pp-card pp-recommended__item">
                        <ExternalLink url=course.url text=course.title class="pp-recommended__title"/>
                        <p class="pp-recommended__reason">{reason}</p>
                    </li>
                }).collect_view()}
            </ul>
        </Section>
    })
}

#[component]
fn CertificationList(certifications: Vec<Certification>) -> impl IntoView {
    let today = today();
    view! {
        <Section heading_id="pp-certs-title" title=t("training.certifications")>
            {if certifications.is_empty() {
                view! {
                    <EmptyState title=t("training.no_certs")>
                        <p>{t("training.certs_hint")}</p>
                    </EmptyState>
                }
                .into_any()
            } else {
                view! {
                    <ul class="pp-cert-list">
                        {certifications.into_iter().map(|cert| {
                            let (status, tone) = (cert.status.label(), cert.status.tone());
                            let warning = match (expiry_warning(&cert, today), cert.expires_on) {
                                (ExpiryWarning::Soon(_), Some(expiry)) => Some((Tone::Warning, tr("training.renew_soon", &[("when", &expiry_phrase(expiry, today)), ("date", &short_date(expiry))]))),
                                (ExpiryWarning::Expired(_), Some(expiry)) => Some((Tone::Danger, tr("training.lapsed", &[("when", &expiry_phrase(expiry, today)), ("date", &short_date(expiry))]))),
                                _ => None,
                            };
                            let lapsed = matches!(expiry_warning(&cert, today), ExpiryWarning::Expired(_) | ExpiryWarning::Soon(_));
                            view! {
                                <li class=format!("pp-card pp-cert pp-cert--{}", tone.as_str())>
                                    <div class="pp-cert__head">
                                        <h3 class="pp-cert__name">{cert.name.clone()}</h3>
                                        <Badge text=status tone/>
                                    </div>
                                    <p class="pp-cert__level">{cert.level.label()}</p>
                                    <dl class="pp-cert__dates">
                                        {cert.earned_on.map(|d| view! { <div><dt>{t("training.earned")}</dt><dd>{short_date(d)}{cert.carried_over.then(|| t("training.before_joining"))}</dd></div> })}
                                        {cert.expires_on.map(|d| view! { <div><dt>{t("training.valid_until")}</dt><dd>{short_date(d)}</dd></div> })}
                                    </dl>
                                    {warning.map(|(tone, text)| view! { <p class=format!("pp-cert__warning pp-cert__warning--{}", tone.as_str())>{text}</p> })}
                                    {lapsed.then(|| view! { <p class="pp-cert__recert">{tr("training.recertify", &[("how", &cert.recertification)])}</p> })}
                                    <ul class="pp-cert__requirements" aria-label=tr("training.requirements_for", &[("name", &cert.name)])>
                                        {cert.requirements.iter().map(|r| view! {
                                            <li class:pp-cert__requirement--done=r.done>
                                                <span aria-hidden="true">{if r.done { "✓ " } else { "○ " }}</span>
                                                {r.label.clone()}
                                                <span class="pp-visually-hidden">{t(if r.done { "training.req_done" } else { "training.req_not_done" })}</span>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </Section>
    }
}

#[component]
fn BadgeList(badges: Vec<EarnedBadge>) -> impl IntoView {
    view! {
        <Section heading_id="pp-badges-title" title=t("training.badges")>
            {if badges.is_empty() {
                view! { <EmptyState title=t("training.no_badges")><p>{t("training.badges_hint")}</p></EmptyState> }.into_any()
            } else {
                view! {
                    <ul class="pp-badges">
                        {badges.into_iter().map(|badge| view! {
                            <li class="pp-card pp-badge-card">
                                <span class="pp-badge-card__icon" aria-hidden="true">"★"</span>
                                <p class="pp-badge-card__name">{badge.name}</p>
                                <p class="pp-badge-card__description">{badge.description}</p>
                                <p class="pp-badge-card__date">{tr("training.earned_on", &[("date", &short_date(badge.earned_on))])}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </Section>
    }
}
