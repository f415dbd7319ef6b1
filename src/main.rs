//! Entry point: installs the panic hook (which tells the partner) and mounts the portal.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

fn main() {
    // A bug stops the app (WebAssembly cannot carry on after a panic): say so to the partner,
    // with a reload, instead of a page frozen in its last state.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let failed = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("portalFailed")).ok())
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(failed) = failed {
            let _ = failed.call1(&JsValue::NULL, &JsValue::from_str("panic"));
        }
    }));
    leptos::mount::mount_to_body(partner_portal::app::App);
}

/// Stops the app as a bug would, for the end-to-end journey that proves the partner is told
/// and keeps what they typed (exported by the app's module; nothing in the portal calls it).
#[wasm_bindgen(js_name = portalPanicForTests)]
pub fn panic_for_tests() {
    panic!("stopped on purpose by a test");
}
