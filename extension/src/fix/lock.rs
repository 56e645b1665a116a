//! The runner lock, asked of the background worker: a fix runs in exactly one tab, the
//! one that claimed it (by the tab id the browser gives each message, which no copy of a
//! tab inherits). When the background cannot answer, nothing runs.

use crate::tabs;
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct Ask<'a> {
    lock: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    job: Option<&'a str>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Answer {
    ok: bool,
    job: Option<String>,
    alive: bool,
}

async fn ask(lock: &str, job: Option<&str>) -> Option<Answer> {
    let v = tabs::ask_background(&Ask { lock, job }).await.ok()?;
    serde_wasm_bindgen::from_value(v).ok()
}

/// Makes this tab the fix's runner; false when another open tab already runs it (or
/// the background did not answer).
pub async fn claim(job: &str) -> bool {
    ask("claim", Some(job)).await.is_some_and(|a| a.ok)
}

/// The fix this tab runs, if any.
pub async fn mine() -> Option<String> {
    ask("mine", None).await.and_then(|a| a.job)
}

/// Whether an open tab runs this fix. Unknown (no answer) counts as yes: never start a
/// second runner on a guess.
pub async fn alive(job: &str) -> bool {
    ask("alive", Some(job)).await.is_none_or(|a| a.alive)
}

/// This tab no longer runs the fix.
pub async fn release(job: &str) {
    let _ = ask("release", Some(job)).await;
}
