//! The browser's `Intl` formats (numbers, money, dates, relative days, plural rules, lists,
//! names of countries and languages), reached by name through one small door: each format is
//! built once per locale and options (building one costs the browser far more than using it),
//! and nothing of them is bundled. `None` where the browser lacks one.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// (locale, what) → the built format.
    static BUILT: RefCell<Vec<(String, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// Calls `method` with `args` on the `Intl.<class>` for `locale` built with `options`; `what`
/// names the class and options for the cache (e.g. `currency|EUR|2`).
pub fn call(
    locale: &str,
    what: &str,
    class: &str,
    options: &[(&str, JsValue)],
    method: &str,
    args: &[JsValue],
) -> Option<JsValue> {
    let key = format!("{locale}|{what}");
    let format = BUILT.with(|built| {
        let found = built
            .borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, f)| f.clone());
        found.or_else(|| {
            let made = build(locale, class, options)?;
            built.borrow_mut().push((key, made.clone()));
            Some(made)
        })
    })?;
    let function = Reflect::get(&format, &method.into()).ok()?;
    let function: &Function = function.dyn_ref()?;
    let args: Array = args.iter().collect();
    Reflect::apply(function, &format, &args).ok()
}

/// The same as [`call`], read as text.
pub fn text(
    locale: &str,
    what: &str,
    class: &str,
    options: &[(&str, JsValue)],
    method: &str,
    args: &[JsValue],
) -> Option<String> {
    call(locale, what, class, options, method, args)?.as_string()
}

fn build(locale: &str, class: &str, options: &[(&str, JsValue)]) -> Option<JsValue> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let class = Reflect::get(&intl, &class.into()).ok()?;
    let class: &Function = class.dyn_ref()?;
    let settings = Object::new();
    for (name, value) in options {
        Reflect::set(&settings, &(*name).into(), value).ok()?;
    }
    let locales = Array::of1(&locale.into());
    Reflect::construct(class, &Array::of2(&locales, &settings)).ok()
}
