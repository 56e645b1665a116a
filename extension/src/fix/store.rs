//! What the allocation fix keeps in extension storage: the Create the partner just sent
//! (company, admin username, requested size; never a password or secret answer) and the
//! fixes (the core's `Job`s). And which tab runs a fix, kept in the tab's sessionStorage.

use crate::browser;
use crate::dom;
use allot_core::resize::Job;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

pub const FIXES_KEY: &str = "allot.fixes";
pub const SENT_KEY: &str = "allot.sent_create";
/// The sessionStorage key naming the fix this tab runs (it survives reloads and
/// navigation in the tab, and no other tab sees it).
const RUNNER_KEY: &str = "allot.fix.runner";
/// A sent Create not seen on the dashboard within this time is forgotten.
pub const SENT_TTL_MS: u64 = 30 * 60 * 1000;

/// A Create Allot let through, waiting for the dashboard to show the company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentCreate {
    pub company: String,
    pub admin_username: String,
    pub quota_gb: u32,
    pub at_ms: u64,
    /// The form left the page without coming back with errors: the dashboard accepted.
    #[serde(default)]
    pub answered: bool,
}

pub async fn fixes() -> Vec<Job> {
    match browser::load::<Vec<Job>>(FIXES_KEY).await {
        Ok(v) => v.unwrap_or_default(),
        Err(e) => {
            crate::log::js_error("reading the fixes", &e);
            Vec::new()
        }
    }
}

pub async fn save_fixes(jobs: &[Job]) -> Result<(), JsValue> {
    browser::save(FIXES_KEY, &jobs).await
}

/// Replaces (or adds) one job, re-reading the list first so other tabs' changes stay.
pub async fn put(job: &Job) -> Result<(), JsValue> {
    let mut jobs = fixes().await;
    match jobs.iter_mut().find(|j| j.id == job.id) {
        Some(j) => *j = job.clone(),
        None => jobs.push(job.clone()),
    }
    save_fixes(&jobs).await
}

pub async fn sent() -> Option<SentCreate> {
    browser::load::<SentCreate>(SENT_KEY).await.ok().flatten()
}

pub async fn save_sent(sent: Option<&SentCreate>) -> Result<(), JsValue> {
    browser::save(SENT_KEY, &sent).await
}

fn session() -> Option<web_sys::Storage> {
    dom::window().and_then(|w| w.session_storage().ok().flatten())
}

/// The id of the fix this tab runs, if any.
pub fn runner() -> Option<String> {
    session().and_then(|s| s.get_item(RUNNER_KEY).ok().flatten())
}

pub fn set_runner(id: Option<&str>) {
    if let Some(s) = session() {
        let _ = match id {
            Some(id) => s.set_item(RUNNER_KEY, id),
            None => s.remove_item(RUNNER_KEY),
        };
    }
}

/// Now, in milliseconds since the epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}
