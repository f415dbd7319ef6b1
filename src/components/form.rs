//! The one form kit: a field's label, hint, error and ids in one place ([`Field`]), the error
//! summary that takes focus, and helpers to focus a control. Registration, feedback and the
//! gallery build their fields from it; survey questions reuse its ids and error lookup.

mod error_summary;
mod field;
mod password;
mod submit;

pub use error_summary::{control_id, error_for, focus_control, focus_when_shown, ErrorSummary};
pub use field::{Field, FieldState};
pub use password::PasswordInput;
pub use submit::send_checked;
