//! Allot's WASM module: one module, three entry points (the content script on dashboard
//! pages, the toolbar popup, the options page), each started by a few lines of JS.

mod browser;
pub mod content;
pub mod controls;
pub mod dom;
pub mod fix;
pub mod guard;
mod hosts;
pub mod log;
mod options_page;
mod popup;

use wasm_bindgen::prelude::*;

/// What every entry point sets up first: the panic hook, and the browser's Unicode
/// NFKC for the core's name comparisons (instead of carrying the tables in the module).
fn set_up() {
    log::install_panic_hook();
    allot_core::resize::set_nfkc(|text| js_sys::JsString::from(text).normalize("NFKC").into());
}

/// Starts the content script on a dashboard page.
#[wasm_bindgen]
pub fn start_content() {
    set_up();
    content::start(fix::on_create_sent);
    // The fix drives the whole tab: it runs in the top frame only. Forms in frames
    // (dialogs some dashboards open in a same-origin iframe) are checked and gated there,
    // and a Create sent from a frame reaches the fix through extension storage.
    // It starts once the page has loaded (the content script starts at DOMContentLoaded):
    // it acts on what the page's own scripts have set up, and it is not in a hurry.
    if dom::is_top_frame() {
        dom::when_loaded(fix::start);
    }
}

/// Starts the toolbar popup.
#[wasm_bindgen]
pub fn start_popup() {
    set_up();
    popup::start();
}

/// Starts the options page.
#[wasm_bindgen]
pub fn start_options() {
    set_up();
    options_page::start();
}
