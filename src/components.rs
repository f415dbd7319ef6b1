//! Reusable pieces of the portal's UI. Nothing here calls the backend.

mod async_states;
mod boot_splash;
mod config_error;
mod deal_status_badge;
mod error_summary;
mod filter_links;
mod loaded;
mod page;
mod progress_bar;
mod section_placeholder;
mod site_header;
mod theme_switch;

pub use async_states::{EmptyState, ErrorNotice, Skeleton};
pub use boot_splash::BootSplash;
pub use config_error::ConfigErrorPage;
pub use deal_status_badge::{deal_status_text, DealStatusBadge};
pub use error_summary::{control_id, error_for, focus_control, focus_when_shown, ErrorSummary};
pub use filter_links::{FilterChoice, FilterLinks};
pub use loaded::Loaded;
pub use page::Page;
pub use progress_bar::ProgressBar;
pub use section_placeholder::SectionPlaceholder;
pub use site_header::{SiteHeader, SkipLink};
pub use theme_switch::ThemeSwitch;
