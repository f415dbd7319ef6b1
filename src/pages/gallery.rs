//! The component gallery for designers (`/gallery`, not in the navigation): every shared
//! component in every state, so a theme can be judged at a glance, in light and dark.
// text: the designers' component gallery shows sample text in English.

use api_types::{DealStatus, FieldError};
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::{
    Badge, DealStatusBadge, EmptyState, ErrorNotice, ErrorSummary, Field, FieldState, FilterChoice,
    FilterLinks, Page, ProgressBar, Skeleton,
};
use crate::text::labels::Tone;

/// The gallery page.
#[component]
pub fn GalleryPage() -> impl IntoView {
    let errors = RwSignal::new(vec![FieldError {
        field: "customer_company".into(),
        message: "Enter the customer's company name.".into(),
    }]);
    let plain = FieldState::new(
        "gallery",
        "plain",
        errors,
        Some("A hint says what to type."),
    );
    let invalid = FieldState::new("gallery", "customer_company", errors, None);
    let choices = Signal::derive(|| {
        ["All", "To do", "Done"]
            .into_iter()
            .enumerate()
            .map(|(i, label)| FilterChoice {
                label: label.into(),
                href: "#".into(),
                current: i == 1,
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Page title="Component gallery">
            <p class="pp-lead">"Every shared component in its states. Switch the theme in the header to check light and dark; a theme.css next to index.html restyles all of it."</p>
            <GallerySection title="Buttons and links">
                <div class="pp-gallery__row">
                    <button type="button" class="pp-button pp-button--primary">"Primary action"</button>
                    <button type="button" class="pp-button">"Secondary action"</button>
                    <button type="button" class="pp-button pp-button--primary" disabled=true>"Disabled"</button>
                    <a href="#">"A link"</a>
                    <button type="button" class="pp-link-button">"A button that looks like a link"</button>
                </div>
            </GallerySection>
            <GallerySection title="Filters">
                <FilterLinks label="Show" choices/>
            </GallerySection>
            <GallerySection title="Deal statuses">
                <div class="pp-gallery__row">
                    {DealStatus::ALL.into_iter().map(|status| view! { <DealStatusBadge status/> }).collect_view()}
                </div>
                <div class="pp-gallery__row">
                    {Tone::ALL.into_iter().zip(["Neutral", "Info", "Success", "Warning", "Danger"])
                        .map(|(tone, text)| view! { <Badge text tone/> })
                        .collect_view()}
                </div>
            </GallerySection>
            <GallerySection title="Progress">
                <ProgressBar label="Nothing done" value=0u32 max=10u32/>
                <ProgressBar label="Half done" value=5u32 max=10u32/>
                <ProgressBar label="All done" value=10u32 max=10u32/>
            </GallerySection>
            <GallerySection title="Form fields">
                <ErrorSummary errors summary=NodeRef::new() id_prefix="gallery"/>
                <div class="pp-form">
                    <Field state=plain.clone() label="A field">
                        <input id=plain.id.clone() class="pp-input" aria-describedby=plain.described_by()/>
                    </Field>
                    <Field state=invalid.clone() label="Customer company" required=true>
                        <input id=invalid.id.clone() class="pp-input" aria-invalid=invalid.invalid() aria-describedby=invalid.described_by()/>
                    </Field>
                    <fieldset class="pp-field pp-choices">
                        <legend class="pp-field__label">"Choices"</legend>
                        <div class="pp-choice"><input type="checkbox" id="gallery-check" checked=true/><label for="gallery-check">"Ticked"</label></div>
                        <div class="pp-choice"><input type="radio" id="gallery-radio" name="gallery-radio"/><label for="gallery-radio">"A radio"</label></div>
                    </fieldset>
                </div>
            </GallerySection>
            <GallerySection title="Table">
                <div class="pp-table-scroll" role="region" aria-label="Example table" tabindex="0">
                    <table class="pp-table">
                        <caption class="pp-visually-hidden">"Example deals"</caption>
                        <thead><tr><th scope="col">"Reference"</th><th scope="col">"Customer"</th><th scope="col" class="pp-table__number">"Value"</th><th scope="col">"Status"</th></tr></thead>
                        <tbody>
                            <tr><th scope="row">"DR-2026-00001"</th><td>"Hôtel Beaumont SA"</td><td class="pp-table__number">"€42,500"</td><td><DealStatusBadge status=DealStatus::Approved/></td></tr>
                            <tr class="pp-ranking__me"><th scope="row">"DR-2026-00002"</th><td>"Your own row, highlighted"</td><td class="pp-table__number">"¥1,250,000"</td><td><DealStatusBadge status=DealStatus::MoreInfoRequested/></td></tr>
                        </tbody>
                    </table>
                </div>
            </GallerySection>
            <GallerySection title="Loading, empty and error">
                <Skeleton lines=3 label="Loading an example"/>
                <EmptyState title="Nothing here yet"><p>"An empty state says what to do next."</p></EmptyState>
                <ErrorNotice error=ApiError::Network("offline".into()) what="an example" on_retry=Callback::new(|()| ())/>
            </GallerySection>
            <GallerySection title="Notices and announcements">
                <p class="pp-notice pp-notice--success">"A success notice, e.g. after registering a deal."</p>
                <p class="pp-notice">"A neutral notice, e.g. a restored draft."</p>
                <div class="pp-celebration"><span class="pp-celebration__mark" aria-hidden="true">"★"</span>"Well done: you finished First 30 days."</div>
                <p class="pp-task__error">"A message next to the item it is about."</p>
            </GallerySection>
        </Page>
    }
}

#[component]
fn GallerySection(#[prop(into)] title: String, children: Children) -> impl IntoView {
    let id = format!(
        "gallery-{}",
        title
            .to_ascii_lowercase()
            .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    let labelled_by = id.clone();
    view! {
        <section class="pp-card pp-gallery" aria-labelledby=labelled_by>
            <h2 id=id class="pp-card__title">{title}</h2>
            {children()}
        </section>
    }
}
