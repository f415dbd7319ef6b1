//! Files the portal hands the partner (CSV exports), saved by the browser.

use wasm_bindgen::JsCast;

use crate::text::i18n::t;

/// Offers `text` as a CSV download named `name`; the error is in the partner's words.
pub fn save_csv(name: &str, text: &str) -> Result<(), String> {
    let fail = |_| t("export.refused");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| t("export.refused"))?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url).map_err(fail)
}
