//! What the allocation fix keeps in extension storage: the Create the partner just sent
//! (company, admin username, requested size; never a password or secret answer) and the
//! fixes (the core's `Job`s). Which tab runs a fix is the background's (see `lock`).

use crate::browser;
use allot_core::resize::{Job, SentCreate};
use wasm_bindgen::JsValue;

pub const FIXES_KEY: &str = "allot.fixes";
pub const SENT_KEY: &str = "allot.sent_create";
/// A sent Create not answered within this time is forgotten.
pub const SENT_TTL_MS: u64 = 30 * 60 * 1000;

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

/// Now, in milliseconds since the epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}
