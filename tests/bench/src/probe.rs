//! Reads what the replica's bench probe (`Faults::bench_probe`) recorded in the page's main
//! world, `window.__allotBench`: times from `performance.now()`, in milliseconds.

use allot_e2e::Page;
use anyhow::{bail, Context, Result};
use serde::Deserialize;

/// The probe's record of the current page.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Probe {
    /// DOMContentLoaded.
    pub dcl: Option<f64>,
    /// The load event.
    pub load: Option<f64>,
    /// Each element that got `data-allot-form`, when it got it.
    pub forms: Vec<Mark>,
    /// Each inserted element that is or holds a `<form>`, when it was inserted.
    pub inserted: Vec<f64>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Mark {
    pub t: f64,
    pub kind: String,
}

impl Probe {
    /// The first `data-allot-form` mark of `kind` at or after `t`.
    pub fn form_after(&self, t: f64, kind: &str) -> Option<f64> {
        self.forms
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.t)
            .filter(|&m| m >= t)
            .reduce(f64::min)
    }
}

pub async fn read(page: &Page) -> Result<Probe> {
    let v = page
        .js("return window.__allotBench || null;", vec![])
        .await
        .context("reading the bench probe")?;
    if v.is_null() {
        bail!(
            "the page has no bench probe (window.__allotBench): is the replica's bench_probe on?"
        );
    }
    serde_json::from_value(v).context("the bench probe's record")
}

/// Reads the probe until `done` holds (for as long as the harness waits for anything).
pub async fn wait(page: &Page, what: &str, done: impl Fn(&Probe) -> bool) -> Result<Probe> {
    let waited = page
        .wait_for(what, || async { Ok(done(&read(page).await?)) })
        .await;
    match (waited, read(page).await) {
        (Ok(()), probe) => probe,
        (Err(e), Ok(probe)) => bail!("{e:#}; the probe saw {probe:?}"),
        (Err(e), Err(why)) => bail!("{e:#}; {why:#}"),
    }
}
