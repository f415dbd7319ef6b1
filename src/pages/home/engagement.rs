//! The engagement score, shown with every factor behind it and how to raise each one.

use api_types::Me;
use leptos::prelude::*;

use crate::components::{Loaded, ProgressBar};
use crate::context::ApiRead;
use crate::domain::home::engagement::score_change;

/// The score and its factors, openly.
#[component]
pub(super) fn EngagementCard(me: ApiRead<Me>) -> impl IntoView {
    view! {
        <section class="pp-card pp-engagement" aria-labelledby="pp-engagement-title">
            <h2 id="pp-engagement-title" class="pp-card__title">"Your engagement score"</h2>
            <Loaded resource=me what="your engagement score" lines=4 render=|me: Me| {
                let engagement = me.engagement;
                view! {
                    <p class="pp-engagement__score">
                        <span class="pp-engagement__number">{engagement.score}</span>
                        " of 100, "
                        {score_change(engagement.change)}
                    </p>
                    <p class="pp-engagement__explain">"Your score adds up the points below. Each one says how to earn more."</p>
                    <ul class="pp-factors">
                        {engagement.factors.into_iter().map(|factor| view! {
                            <li class="pp-factor">
                                <span class="pp-factor__label">{factor.label.clone()}</span>
                                <ProgressBar label=factor.label value=factor.points max=factor.max_points unit="points"/>
                                <span class="pp-factor__hint pp-meta">{factor.hint}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }
            }/>
        </section>
    }
}
