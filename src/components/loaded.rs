//! One async view in its four states: loading (a skeleton), error (with retry), and the data,
//! which the caller renders, including its own empty state.

use leptos::either::Either;
use leptos::prelude::*;

use super::{ErrorNotice, Skeleton};
use crate::api::ApiError;

/// Shows `render(data)` once `resource` has loaded; keeps the last data while it reloads.
#[component]
pub fn Loaded<T, F, V>(
    /// The read, created by the page (never inside this component's children).
    resource: LocalResource<Result<T, ApiError>>,
    /// What is loading, for the skeleton and the error: "your checklist".
    #[prop(into)]
    what: String,
    /// Skeleton lines to show while loading.
    #[prop(default = 3)]
    lines: usize,
    /// Renders the data.
    render: F,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let loading = format!("Loading {what}");
    view! {
        <Transition fallback=move || view! { <Skeleton lines label=loading.clone()/> }>
            {move || {
                let (render, what) = (render.clone(), what.clone());
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => Either::Left(render(data)),
                        Err(error) => Either::Right(view! {
                            <ErrorNotice error what on_retry=move || resource.refetch()/>
                        }),
                    }
                })
            }}
        </Transition>
    }
}
