//! One module per route of the portal.

mod deal;
mod deals;
mod feedback;
mod gallery;
mod home;
mod join;
mod lazy;
mod leaderboards;
mod not_found;
mod notifications;
mod onboarding;
mod register_deal;
mod sign_in;
mod survey;
mod team;
mod training;

pub use deal::DealPage;
pub use deals::DealsPage;
pub use feedback::FeedbackPage;
pub use gallery::GalleryPage;
pub use home::HomePage;
pub use join::JoinPage;
pub use lazy::{
    DealRoute, DealsRoute, FeedbackRoute, GalleryRoute, HomeRoute, JoinRoute, LeaderboardsRoute,
    NotificationsRoute, OnboardingRoute, RegisterDealRoute, SignInRoute, SurveyRoute, TeamRoute,
    TrainingRoute,
};
pub use leaderboards::LeaderboardsPage;
pub use not_found::NotFoundPage;
pub use notifications::NotificationsPage;
pub use onboarding::OnboardingPage;
pub use register_deal::RegisterDealPage;
pub use sign_in::SignInPage;
pub use survey::SurveyPage;
pub use team::TeamPage;
pub use training::TrainingPage;
