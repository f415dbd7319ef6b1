//! The one way a form is sent once its checks have run.

use api_types::FieldError;
use leptos::html::Div;
use leptos::prelude::*;

use super::focus_when_shown;
use crate::context::ApiWrite;

/// Sends what passed the form's checks (clearing old errors), or shows what to fix with the
/// error summary taking focus; nothing typed is touched either way.
pub fn send_checked<T: 'static>(
    checked: Result<T, Vec<FieldError>>,
    errors: RwSignal<Vec<FieldError>>,
    summary: NodeRef<Div>,
    send: ApiWrite<T>,
) {
    match checked {
        Ok(request) => {
            errors.set(Vec::new());
            send.dispatch(request);
        }
        Err(found) => {
            errors.set(found);
            focus_when_shown(summary);
        }
    }
}
