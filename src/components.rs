//! Reusable pieces of the portal's UI. Nothing here calls the backend.

mod async_states;
mod badge;
mod boot_splash;
mod config_error;
mod external_link;
mod filter_links;
pub mod form;
mod language_switch;
mod loaded;
mod notice;
mod outage_notice;
mod page;
mod progress_bar;
mod section;
mod site_header;
mod theme_switch;
mod user_menu;

pub use async_states::{EmptyState, ErrorNotice, Skeleton};
pub use badge::{Badge, DealStatusBadge};
pub use boot_splash::BootSplash;
pub use config_error::ConfigErrorPage;
pub use external_link::ExternalLink;
pub use filter_links::{FilterChoice, FilterLinks};
pub use form::{
    control_id, error_for, focus_control, focus_when_shown, send_checked, ErrorSummary, Field,
    FieldState, PasswordInput,
};
pub use language_switch::LanguageSwitch;
pub use loaded::Loaded;
pub use notice::Notice;
pub use outage_notice::OutageNotice;
pub use page::Page;
pub use progress_bar::ProgressBar;
pub use section::Section;
pub use site_header::{SiteHeader, SkipLink};
pub use theme_switch::ThemeSwitch;
pub use user_menu::UserMenu;
