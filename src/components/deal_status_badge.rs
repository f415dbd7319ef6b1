//! A deal's status as a badge: words first, colour second.

use api_types::DealStatus;
use leptos::prelude::*;

/// The status in a partner's words, and its tone for styling.
pub fn deal_status_text(status: DealStatus) -> (&'static str, &'static str) {
    match status {
        DealStatus::Submitted => ("Submitted", "neutral"),
        DealStatus::UnderReview => ("Under review", "info"),
        DealStatus::MoreInfoRequested => ("More info requested", "warning"),
        DealStatus::Approved => ("Approved", "success"),
        DealStatus::Rejected => ("Rejected", "danger"),
        DealStatus::Won => ("Won", "success"),
        DealStatus::Lost => ("Lost", "neutral"),
        DealStatus::Expired => ("Expired", "danger"),
    }
}

/// The badge.
#[component]
pub fn DealStatusBadge(
    /// The deal's status.
    status: DealStatus,
) -> impl IntoView {
    let (text, tone) = deal_status_text(status);
    view! { <span class=format!("pp-badge pp-badge--{tone} pp-deal-status pp-deal-status--{}", status.as_str())>{text}</span> }
}
