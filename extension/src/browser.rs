//! Extension storage (`chrome.storage.local` and `.managed`), bound by hand and wrapped so
//! that a missing API is an error, never a crash. Typed reads and writes (serde) are the
//! fix module's; the form module reads its few values by hand.

#[cfg(feature = "fix")]
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
    #[wasm_bindgen(catch, js_namespace = ["chrome", "storage", "managed"], js_name = get)]
    fn managed_get(keys: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Reads one key from extension storage as it is stored; `Ok(None)` when it is not set.
pub async fn load_value(key: &str) -> Result<Option<JsValue>, JsValue> {
    let promise = storage_get(&JsValue::from_str(key))?;
    let all = JsFuture::from(promise).await?;
    let value = js_sys::Reflect::get(&all, &JsValue::from_str(key))?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    Ok(Some(value))
}

/// Writes one key to extension storage as it is.
pub async fn save_value(key: &str, value: &JsValue) -> Result<(), JsValue> {
    let items = js_sys::Object::new();
    js_sys::Reflect::set(&items, &JsValue::from_str(key), value)?;
    JsFuture::from(storage_set(&items)?).await?;
    Ok(())
}

/// What the organization set by policy (`storage.managed`), as it is stored; nothing
/// when no policy is set or the browser has no managed storage for Allot.
pub async fn load_managed() -> Option<JsValue> {
    let promise = managed_get(&JsValue::NULL).ok()?;
    JsFuture::from(promise).await.ok()
}

/// Reads one key from extension storage; `Ok(None)` when it is not set.
#[cfg(feature = "fix")]
pub async fn load<T: DeserializeOwned>(key: &str) -> Result<Option<T>, JsValue> {
    match load_value(key).await? {
        Some(value) => serde_wasm_bindgen::from_value(value)
            .map(Some)
            .map_err(Into::into),
        None => Ok(None),
    }
}

/// Writes one key to extension storage.
#[cfg(feature = "fix")]
pub async fn save<T: Serialize>(key: &str, value: &T) -> Result<(), JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    save_value(key, &value.serialize(&serializer)?).await
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
