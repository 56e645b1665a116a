//! Messages between the extension's parts (`chrome.runtime`, `chrome.tabs`): the popup
//! asks the background and the active tab's content script, the fix asks the background
//! for its runner lock. Bound by hand; a missing API is an error, never a crash.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["chrome", "tabs"], js_name = query)]
    fn tabs_query(query: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "tabs"], js_name = sendMessage)]
    fn tabs_send(tab: f64, message: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "runtime"], js_name = sendMessage)]
    fn runtime_send(message: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Sends a message to the extension's background worker and waits for its answer.
pub async fn ask_background<T: Serialize>(message: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let msg = message.serialize(&serializer)?;
    JsFuture::from(runtime_send(&msg)?).await
}

/// The active tab of the current window: its id and, when Allot may see it, its address.
pub async fn active_tab() -> Result<(f64, Option<String>), JsValue> {
    let query = js_sys::Object::new();
    js_sys::Reflect::set(&query, &"active".into(), &JsValue::TRUE)?;
    js_sys::Reflect::set(&query, &"currentWindow".into(), &JsValue::TRUE)?;
    let tabs: js_sys::Array = JsFuture::from(tabs_query(&query)?).await?.into();
    let tab = tabs.get(0);
    let id = js_sys::Reflect::get(&tab, &"id".into())?
        .as_f64()
        .ok_or("no active tab")?;
    let url = js_sys::Reflect::get(&tab, &"url".into())?.as_string();
    Ok((id, url))
}

/// Sends a message to the content script of the active tab; an error when that tab
/// has none (it is not a dashboard page).
pub async fn ask_active_tab<T: Serialize>(message: &T) -> Result<JsValue, JsValue> {
    let (id, _) = active_tab().await?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let msg = message.serialize(&serializer)?;
    JsFuture::from(tabs_send(id, &msg)?).await
}
