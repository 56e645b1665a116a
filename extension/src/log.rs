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

/// Set by the first panic: Allot does nothing more on this page.
static STOPPED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether a panic has stopped Allot on this page.
pub fn stopped() -> bool {
    STOPPED.load(std::sync::atomic::Ordering::Relaxed)
}

/// On the first panic: one line with where it happened (never its message, which could
/// hold what the partner typed), and Allot stops on this page. The loader's guard
/// (`allotGuard`) reads `allotStopped` so it does not log the same failure again.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        if STOPPED.swap(true, std::sync::atomic::Ordering::Relaxed) {
            return;
        }
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        web_sys::console::error_1(&JsValue::from_str(&format!(
            "allot: internal error{at}; Allot has stopped on this page (the page is not affected)"
        )));
        let _ = js_sys::Reflect::set(
            &js_sys::global(),
            &JsValue::from_str("allotStopped"),
            &JsValue::TRUE,
        );
        if let Some(root) = crate::dom::document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-allot-stopped", "");
        }
    }));
}
