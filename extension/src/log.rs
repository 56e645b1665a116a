//! One line per problem in the page's console, always prefixed `allot:`; and the panic
//! hook that reports a panic the same way instead of a silent trap.

use wasm_bindgen::JsValue;

/// Logs one line. Never pass a password or secret answer here.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("allot: {message}")));
}

/// Logs a failed DOM call with what Allot was doing.
pub fn js_error(doing: &str, err: &JsValue) {
    let detail = err
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(err, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "unknown error".to_string());
    warn(&format!("{doing}: {detail}"));
}

/// Routes panics to the console with the `allot:` prefix.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!(
            "allot: internal error: {info}"
        )));
    }));
}
