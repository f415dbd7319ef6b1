//! Reusable pieces of the portal's UI. Nothing here calls the backend.

mod boot_splash;
mod config_error;
mod page;
mod section_placeholder;
mod site_header;

pub use boot_splash::BootSplash;
pub use config_error::ConfigErrorPage;
pub use page::Page;
pub use section_placeholder::SectionPlaceholder;
pub use site_header::{SiteHeader, SkipLink};
