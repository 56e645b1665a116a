//! The boundary between the page and Allot: a listener Allot adds to the page runs
//! inside the guard (`allotGuard` in static/guard.js, loaded before the module), which catches whatever it
//! throws (a Rust panic is a trap), logs once without user data and from then on does
//! nothing, so the page's own handlers keep working. Where no guard is defined (tests
//! that load the module alone) the listener is used as it is.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = allotGuard)]
    fn allot_guard(f: &js_sys::Function) -> Result<js_sys::Function, JsValue>;
}

/// `f` wrapped in the guard.
pub fn guarded(f: &JsValue) -> js_sys::Function {
    let f: &js_sys::Function = f.unchecked_ref();
    allot_guard(f).unwrap_or_else(|_| f.clone())
}

/// Adds a guarded listener that lives as long as the page.
pub fn listen(
    target: &web_sys::EventTarget,
    kind: &str,
    capture: bool,
    f: impl Fn(web_sys::Event) + 'static,
) {
    let cb = Closure::<dyn Fn(web_sys::Event)>::new(f);
    let guarded = guarded(cb.as_ref());
    if let Err(e) = target.add_event_listener_with_callback_and_bool(kind, &guarded, capture) {
        crate::log::js_error("listening", &e);
    }
    cb.forget();
}
