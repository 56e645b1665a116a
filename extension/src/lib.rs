//! Allot's WASM modules, built from this one crate with two features: `form` (the content
//! script every dashboard page loads: the forms' checks and the Create gate, kept small)
//! and `fix` (the allocation fix, loaded into a page only when it has a fix to offer or
//! run or a create form, and the toolbar popup and options page). Each entry point is
//! started by a few lines of JS; the loader hands a Create from one module to the other.

mod browser;
#[cfg(feature = "form")]
pub mod content;
pub mod controls;
pub mod dom;
#[cfg(feature = "fix")]
pub mod fix;
pub mod guard;
#[cfg(feature = "fix")]
mod hosts;
pub mod log;
#[cfg(feature = "fix")]
mod options_page;
#[cfg(feature = "fix")]
mod popup;
#[cfg(feature = "form")]
pub mod sent;
mod settings;
#[cfg(feature = "fix")]
mod tabs;
mod unicode;

use wasm_bindgen::prelude::*;

thread_local! {
    static SET_UP: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// What every entry point sets up first (once per module): the panic hook, and the
/// browser's Unicode for the core (instead of carrying the tables in the module).
fn set_up() {
    if SET_UP.with(|s| s.replace(true)) {
        return;
    }
    log::install_panic_hook();
    unicode::hand_to_core();
}

/// Starts the content script's form checks on a dashboard page (any frame).
/// `on_create_form()` is called when a create-company form is first found (the loader
/// then brings in the fix module, ready for a Create), `on_sent(record)` for every Create
/// of a company Allot lets through (see [`sent`]: never a password or a secret answer).
#[cfg(feature = "form")]
#[wasm_bindgen]
pub fn start_content(on_create_form: js_sys::Function, on_sent: js_sys::Function) {
    set_up();
    sent::set_hooks(on_create_form, on_sent);
    content::start();
}

/// Starts the fix's part of a dashboard page, in the top frame: it drives the whole tab.
/// A Create sent from a form in a frame reaches it through extension storage. It starts
/// once the page has loaded: it acts on what the page's own scripts have set up, and it
/// is not in a hurry.
#[cfg(feature = "fix")]
#[wasm_bindgen]
pub fn start_fix() {
    set_up();
    dom::when_loaded(fix::start);
}

/// A Create the form module let through in this frame (the record `on_sent` got): the
/// fix notes what the page shows now and watches for the dashboard's answer.
#[cfg(feature = "fix")]
#[wasm_bindgen]
pub fn fix_sent(record: JsValue) {
    set_up();
    match serde_wasm_bindgen::from_value(record) {
        Ok(sent) => fix::on_create_sent(sent),
        Err(e) => log::warn(&format!("a Create's record was not understood: {e}")),
    }
}

/// Answers a message from the popup ("is this a dashboard?", "start this fix here").
#[cfg(feature = "fix")]
#[wasm_bindgen]
pub async fn answer_popup(message: JsValue) -> JsValue {
    set_up();
    fix::answer(message).await
}

/// Starts the toolbar popup.
#[cfg(feature = "fix")]
#[wasm_bindgen]
pub fn start_popup() {
    set_up();
    popup::start();
}

/// Starts the options page.
#[cfg(feature = "fix")]
#[wasm_bindgen]
pub fn start_options() {
    set_up();
    options_page::start();
}
