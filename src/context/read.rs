//! [`ApiRead`]: one read of the backend, held by a Leptos resource. Every read shares one
//! instantiation of the resource machinery (about 4 KiB brotli per type of answer otherwise):
//! the answer is kept as `Rc<dyn Any>` and typed again, by [`ApiRead`]'s type, where it is used.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;

use crate::api::ApiError;

/// An answer whose type only its [`ApiRead`] knows.
pub type Erased = Rc<dyn Any>;
/// What a read's resource holds.
pub type ErasedResult = Result<Erased, ApiError>;
type ErasedFuture = Pin<Box<dyn Future<Output = ErasedResult>>>;

/// A read of the backend answering a `T`; copied freely, like the resource it wraps.
pub struct ApiRead<T> {
    resource: LocalResource<ErasedResult>,
    answer: PhantomData<fn() -> T>,
}

impl<T> Clone for ApiRead<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ApiRead<T> {}

impl<T: Clone + 'static> ApiRead<T> {
    /// Starts the read; it runs again when a signal `fetch` reads before its first `await`
    /// changes.
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let fetch = move || -> ErasedFuture {
            let answer = fetch();
            Box::pin(async move { answer.await.map(|value| Rc::new(value) as Erased) })
        };
        Self {
            resource: erased(Box::new(fetch)),
            answer: PhantomData,
        }
    }

    /// The answer, once it came (tracked, like a signal).
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        self.resource.get().map(typed)
    }

    /// The answer, once it came, without tracking it.
    pub fn get_untracked(&self) -> Option<Result<T, ApiError>> {
        self.resource.get_untracked().map(typed)
    }

    /// Reads again.
    pub fn refetch(&self) {
        self.resource.refetch();
    }

    /// The resource itself, for [`crate::components::Loaded`], which types the answer when
    /// it shows it.
    pub fn untyped(&self) -> LocalResource<ErasedResult> {
        self.resource
    }
}

/// The one place a read's resource is made, so its machinery is compiled once.
#[inline(never)]
fn erased(fetch: Box<dyn Fn() -> ErasedFuture>) -> LocalResource<ErasedResult> {
    LocalResource::new(fetch)
}

/// The answer as the `T` it was made from.
pub fn typed<T: Clone + 'static>(answer: ErasedResult) -> Result<T, ApiError> {
    answer.and_then(|value| {
        value
            .downcast_ref::<T>()
            .cloned()
            .ok_or_else(|| ApiError::Contract {
                field: String::new(),
                detail: "the answer was read as another type".into(), // text: for logs
            })
    })
}
