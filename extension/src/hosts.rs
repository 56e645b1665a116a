//! The partner's own dashboard addresses (white-label hosts): Allot runs there once the
//! partner has added the address and granted the optional host permission. Each host's
//! content script is registered at run time (`scripting.registerContentScripts`, kept
//! across sessions) and unregistered, with its permission, when the host is removed.

use crate::browser;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The storage key of the added hosts.
pub const HOSTS_KEY: &str = "allot.hosts";
/// The scripts a dashboard page gets (as the manifest's content script).
const SCRIPTS: [&str; 4] = [
    "guard.js",
    "pkg/allot_form.js",
    "pkg/allot_form_wasm.js",
    "content.js",
];

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["chrome", "permissions"], js_name = request)]
    fn permissions_request(p: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "permissions"], js_name = remove)]
    fn permissions_remove(p: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "scripting"], js_name = registerContentScripts)]
    fn register(scripts: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "scripting"], js_name = unregisterContentScripts)]
    fn unregister(filter: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "scripting"], js_name = executeScript)]
    fn execute(injection: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Target {
    tab_id: f64,
}

#[derive(Serialize)]
struct Injection {
    target: Target,
    files: Vec<&'static str>,
}

/// Whether the page in tab `tab_id` looks like the dashboard's log-on or create form
/// (`probe.js`, run with the access the popup's opening gives: activeTab).
pub async fn looks_like_dashboard(tab_id: f64) -> bool {
    let injection = Injection {
        target: Target { tab_id },
        files: vec!["probe.js"],
    };
    let Ok(promise) = js(&injection).and_then(|i| execute(&i)) else {
        return false;
    };
    let Ok(results) = JsFuture::from(promise).await else {
        return false;
    };
    let first = js_sys::Array::from(&results).get(0);
    js_sys::Reflect::get(&first, &"result".into())
        .map(|r| r.as_bool() == Some(true))
        .unwrap_or(false)
}

/// The match pattern for a host's pages.
pub fn pattern(host: &str) -> String {
    format!("https://{host}/*")
}

fn script_id(host: &str) -> String {
    format!("allot-host-{host}")
}

#[derive(Serialize)]
struct Origins {
    origins: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Script {
    id: String,
    matches: Vec<String>,
    js: Vec<&'static str>,
    run_at: &'static str,
    all_frames: bool,
    persist_across_sessions: bool,
}

#[derive(Serialize)]
struct Ids {
    ids: Vec<String>,
}

fn js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// Asks for the host permission. Call it straight from the partner's click (the browser
/// shows its prompt only during one); resolves to whether it was granted.
pub fn request(host: &str) -> Result<js_sys::Promise, JsValue> {
    permissions_request(&js(&Origins {
        origins: vec![pattern(host)],
    })?)
}

/// Waits for the answer to [`request`] and, if granted, adds the host: what to tell the
/// partner, in one sentence.
pub async fn add_when_granted(asked: js_sys::Promise, host: &str) -> String {
    let granted = JsFuture::from(asked)
        .await
        .map(|v| v.as_bool() == Some(true))
        .unwrap_or(false);
    if !granted {
        return format!("Allot was not allowed on {host}: nothing was added.");
    }
    match add(host).await {
        Ok(()) => format!("Allot now runs on {host}. Reload the dashboard's tab."),
        Err(e) => {
            crate::log::js_error("adding a dashboard address", &e);
            format!("Allot could not start on {host}.")
        }
    }
}

/// Registers Allot's content script on `host` and remembers the host.
async fn add(host: &str) -> Result<(), JsValue> {
    // A host added before is registered again from scratch.
    let _ = JsFuture::from(unregister(&js(&Ids {
        ids: vec![script_id(host)],
    })?)?)
    .await;
    let script = Script {
        id: script_id(host),
        matches: vec![pattern(host)],
        js: SCRIPTS.to_vec(),
        run_at: "document_start",
        all_frames: true,
        persist_across_sessions: true,
    };
    JsFuture::from(register(&js(&vec![script])?)?).await?;
    let mut hosts = list().await;
    if !hosts.iter().any(|h| h == host) {
        hosts.push(host.to_string());
    }
    browser::save(HOSTS_KEY, &hosts).await
}

/// Unregisters the host's content script, gives its permission back and forgets it.
pub async fn remove(host: &str) -> Result<(), JsValue> {
    let _ = JsFuture::from(unregister(&js(&Ids {
        ids: vec![script_id(host)],
    })?)?)
    .await;
    let _ = JsFuture::from(permissions_remove(&js(&Origins {
        origins: vec![pattern(host)],
    })?)?)
    .await;
    let hosts: Vec<String> = list().await.into_iter().filter(|h| h != host).collect();
    browser::save(HOSTS_KEY, &hosts).await
}

/// The hosts the partner added.
pub async fn list() -> Vec<String> {
    browser::load::<Vec<String>>(HOSTS_KEY)
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}
