//! One async view in its four states: loading (a skeleton), error (with retry), and the data,
//! which the caller renders, including its own empty state.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;

use super::{ErrorNotice, Skeleton};
use crate::api::ApiError;
use crate::context::{typed, wait_for_backend, ApiRead, ErasedResult};
use crate::text::i18n::tr;

/// What the generic part of [`Loaded`] hands to the rest: the view of one load, boxed.
type LoadedView = Pin<Box<dyn Future<Output = AnyView> + Send>>;

/// Shows `render(data)` once `resource` has loaded; keeps the last data while it reloads.
#[component]
pub fn Loaded<T, F, V>(
    /// The read, created by the page (never inside this component's children).
    resource: ApiRead<T>,
    /// What is loading, for the skeleton and the error: "your checklist".
    #[prop(into)]
    what: String,
    /// Skeleton lines to show while loading.
    #[prop(default = 3)]
    lines: usize,
    /// A placeholder of the data's exact shape, instead of lines, where the shape is fixed.
    /// The space it takes stays reserved, so a shorter error or empty state moves nothing.
    #[prop(optional, into)]
    placeholder: Option<ViewFn>,
    /// Renders the data.
    render: F,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // Only typing the answer and calling `render` depend on the caller's types; the await and
    // everything else are built once for all call sites (a large saving in WebAssembly size).
    let render: Render = Arc::new(move |answer| match typed::<T>(answer) {
        Ok(data) => Ok(render(data).into_any()),
        Err(error) => Err(error),
    });
    frame(what, lines, placeholder, resource.untyped(), render)
}

/// Renders an answer of the type its read knows.
type Render = Arc<dyn Fn(ErasedResult) -> Result<AnyView, ApiError> + Send + Sync>;

/// The error state, built once for every call site (kept out of the generic part). When the
/// backend is out of reach, the shell's one notice says so and this section only waits.
#[inline(never)]
fn failed(error: ApiError, what: String, resource: LocalResource<ErasedResult>) -> AnyView {
    if error.is_unreachable() {
        wait_for_backend(resource, error);
        return view! { <p class="pp-waiting">{tr("state.waiting", &[("what", &what)])}</p> }
            .into_any();
    }
    view! { <ErrorNotice error what on_retry=Callback::new(move |()| resource.refetch())/> }
        .into_any()
}

/// The loading state around one load, and the reserved space when the shape is fixed.
fn frame(
    what: String,
    lines: usize,
    placeholder: Option<ViewFn>,
    resource: LocalResource<ErasedResult>,
    render: Render,
) -> AnyView {
    let loading = tr("state.loading", &[("what", &what)]);
    let load = move || -> LoadedView {
        let (render, what) = (Arc::clone(&render), what.clone());
        Box::pin(async move {
            match render(resource.await) {
                Ok(view) => view,
                Err(error) => failed(error, what, resource),
            }
        })
    };
    let reserved = placeholder.clone();
    let states = view! {
        <Transition fallback=move || match placeholder.clone() {
            Some(shape) => view! {
                <div role="status" aria-live="polite">
                    <span class="pp-visually-hidden">{loading.clone()}</span>
                    {shape.run()}
                </div>
            }
            .into_any(),
            None => view! { <Skeleton lines label=loading.clone()/> }.into_any(),
        }>
            {move || Suspend::new(load())}
        </Transition>
    };
    match reserved {
        // The shape, invisible, in the same grid cell as what is shown: the area is never
        // smaller than the loaded data would be.
        Some(shape) => view! {
            <div class="pp-reserve">
                <div class="pp-reserve__shape" aria-hidden="true">{shape.run()}</div>
                <div class="pp-reserve__content">{states}</div>
            </div>
        }
        .into_any(),
        None => states.into_any(),
    }
}
