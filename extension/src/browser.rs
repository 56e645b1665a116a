//! The few WebExtension APIs Allot uses (`chrome.storage.local`, `chrome.runtime`, `chrome.tabs`),
//! bound by hand and wrapped so that a missing API is an error, never a crash.

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "local"], js_name = get)]
    fn storage_get(keys: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "local"], js_name = set)]
    fn storage_set(items: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "onChanged"], js_name = addListener)]
    fn storage_on_changed(listener: &js_sys::Function) -> Result<(), JsValue>;
}

/// The storage key of the partner's options.
pub const OPTIONS_KEY: &str = "allot.options";

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "managed"], js_name = get)]
    fn managed_get(keys: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// What the organization set by policy (`storage.managed`); nothing when no policy is
/// set or the browser has no managed storage for Allot.
pub async fn managed() -> allot_core::Managed {
    let Ok(promise) = managed_get(&JsValue::NULL) else {
        return allot_core::Managed::default();
    };
    match JsFuture::from(promise).await {
        Ok(all) => serde_wasm_bindgen::from_value(all).unwrap_or_default(),
        Err(_) => allot_core::Managed::default(),
    }
}

/// The options in effect: the partner's own, with the organization's policy over them.
pub async fn options() -> allot_core::Options {
    let own = match load::<allot_core::Options>(OPTIONS_KEY).await {
        Ok(o) => o.unwrap_or_default(),
        Err(e) => {
            crate::log::js_error("reading options", &e);
            allot_core::Options::default()
        }
    };
    managed().await.apply(&own)
}

/// Reads one key from extension storage; `Ok(None)` when it is not set.
pub async fn load<T: DeserializeOwned>(key: &str) -> Result<Option<T>, JsValue> {
    let promise = storage_get(&JsValue::from_str(key))?;
    let all = JsFuture::from(promise).await?;
    let value = js_sys::Reflect::get(&all, &JsValue::from_str(key))?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    serde_wasm_bindgen::from_value(value)
        .map(Some)
        .map_err(Into::into)
}

/// Writes one key to extension storage.
pub async fn save<T: Serialize>(key: &str, value: &T) -> Result<(), JsValue> {
    let items = js_sys::Object::new();
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let v = value.serialize(&serializer)?;
    js_sys::Reflect::set(&items, &JsValue::from_str(key), &v)?;
    JsFuture::from(storage_set(&items)?).await?;
    Ok(())
}

/// Calls `on_change(key)` whenever a key of extension storage changes.
pub fn watch(on_change: impl Fn(String) + 'static) -> Result<(), JsValue> {
    let cb = Closure::<dyn Fn(JsValue)>::new(move |changes: JsValue| {
        for key in js_sys::Object::keys(&changes.into()).iter() {
            if let Some(k) = key.as_string() {
                on_change(k);
            }
        }
    });
    storage_on_changed(cb.as_ref().unchecked_ref())?;
    cb.forget();
    Ok(())
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["chrome", "runtime", "onMessage"], js_name = addListener)]
    fn on_message_add(listener: &js_sys::Function) -> Result<(), JsValue>;
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

/// Answers messages from the popup: `handle` gets the message and returns the reply.
pub fn on_message<F, Fut>(handle: F) -> Result<(), JsValue>
where
    F: Fn(JsValue) -> Fut + 'static,
    Fut: std::future::Future<Output = JsValue> + 'static,
{
    let cb = Closure::<dyn Fn(JsValue, JsValue, js_sys::Function) -> bool>::new(
        move |message: JsValue, _sender: JsValue, reply: js_sys::Function| {
            let fut = handle(message);
            wasm_bindgen_futures::spawn_local(async move {
                let answer = fut.await;
                let _ = reply.call1(&JsValue::NULL, &answer);
            });
            // The reply comes later.
            true
        },
    );
    on_message_add(cb.as_ref().unchecked_ref())?;
    cb.forget();
    Ok(())
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
