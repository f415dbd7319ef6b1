//! [`ApiWrite`]: a write to the backend (a form sent, an item ticked), held by a Leptos action.
//! Like [`super::ApiRead`], every write shares one instantiation of the action machinery (a few
//! KiB of WebAssembly per input type otherwise): the input travels as `Rc<dyn Any>` and is
//! typed again by the write that made it.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;

type Input = Rc<dyn Any>;
type Run = Box<dyn Fn(&Input) -> Pin<Box<dyn Future<Output = ()>>>>;

/// A write taking an `I`, whose future handles its own answer; copied freely.
pub struct ApiWrite<I> {
    action: Action<Input, ()>,
    input: PhantomData<fn(I)>,
}

impl<I> Clone for ApiWrite<I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I> Copy for ApiWrite<I> {}

impl<I: 'static> ApiWrite<I> {
    /// A write that runs `run` for each input dispatched.
    pub fn new<Fu>(run: impl Fn(&I) -> Fu + 'static) -> Self
    where
        Fu: Future<Output = ()> + 'static,
    {
        let run: Run = Box::new(move |input: &Input| match input.downcast_ref::<I>() {
            Some(input) => Box::pin(run(input)),
            None => Box::pin(async {}),
        });
        Self {
            action: erased(run),
            input: PhantomData,
        }
    }

    /// Sends `input`.
    pub fn dispatch(&self, input: I) {
        self.action.dispatch_local(Rc::new(input));
    }

    /// Whether a write is under way.
    pub fn pending(&self) -> Memo<bool> {
        self.action.pending()
    }

    /// How many writes finished; reads that track it run again after each.
    pub fn version(&self) -> RwSignal<usize> {
        self.action.version()
    }
}

/// The one place a write's action is made, so its machinery is compiled once.
#[inline(never)]
fn erased(run: Run) -> Action<Input, ()> {
    Action::new_local(move |input: &Input| run(input))
}
