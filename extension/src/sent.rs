//! The form module's two words to the loader (static/content.js), which passes them on
//! to the fix module: "a create form is here" and "this Create went to the dashboard",
//! the latter as a plain object with `SentCreate`'s fields (never a password or a secret
//! answer). Written by hand, without serde, to keep the form module small.

use allot_core::resize::SentCreate;
use std::cell::RefCell;
use wasm_bindgen::JsValue;

thread_local! {
    static HOOKS: RefCell<Option<(js_sys::Function, js_sys::Function)>> = const { RefCell::new(None) };
}

/// The loader's `on_create_form` and `on_sent`.
pub fn set_hooks(on_create_form: js_sys::Function, on_sent: js_sys::Function) {
    HOOKS.with(|h| *h.borrow_mut() = Some((on_create_form, on_sent)));
}

/// A create-company form was found in this frame.
pub fn create_form_found() {
    // Cloned out: the loader's function runs with nothing borrowed.
    let Some((on_form, _)) = HOOKS.with(|h| h.borrow().clone()) else {
        return;
    };
    if let Err(e) = on_form.call0(&JsValue::NULL) {
        crate::log::js_error("bringing in the fix", &e);
    }
}

/// A Create of a company went to the dashboard.
pub fn hand_over(sent: SentCreate) {
    let Some((_, on_sent)) = HOOKS.with(|h| h.borrow().clone()) else {
        return;
    };
    let handed = record(&sent).and_then(|r| on_sent.call1(&JsValue::NULL, &r));
    if let Err(e) = handed {
        crate::log::js_error("handing the Create to the fix", &e);
    }
}

/// `sent` as the object serde would make of it (the fix module reads it with serde).
pub fn record(sent: &SentCreate) -> Result<JsValue, JsValue> {
    let o = js_sys::Object::new();
    let set = |key: &str, value: JsValue| js_sys::Reflect::set(&o, &JsValue::from_str(key), &value);
    set("company", JsValue::from_str(&sent.company))?;
    set("admin_username", JsValue::from_str(&sent.admin_username))?;
    set("quota_gb", JsValue::from(sent.quota_gb))?;
    set("at_ms", JsValue::from(sent.at_ms as f64))?;
    set("existed_before", JsValue::from(sent.existed_before))?;
    set("silent_loads", JsValue::from(sent.silent_loads))?;
    set("accepted", JsValue::from(sent.accepted))?;
    Ok(o.into())
}
