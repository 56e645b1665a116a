//! `./build.sh shots`: drives the replica through every state Allot shows (the typical
//! mistakes' messages, the summary, the acknowledgment, the fix's offer, progress, done
//! and failed, the popup, the options page) and writes a PNG of each to
//! target/shots/<browser>/ for review. Also prints, for the typical-mistakes form, how
//! many messages the fields show and how tall the dialog is.

use allot_e2e::fix::{click_start, create_company, run_to_outcome, wait_offer};
use allot_e2e::form_view::{fill_typical_mistakes, form_height, shown};
use allot_e2e::{BrowserKind, Harness, Page};
use allot_replica::Faults;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Window sizes the typical-mistakes form is measured at.
const SIZES: [(u32, u32); 2] = [(1280, 800), (800, 600)];

#[tokio::main]
async fn main() -> Result<()> {
    let browser = BrowserKind::from_env()?;
    let out = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/shots")
        .join(browser.dist_name());
    std::fs::create_dir_all(&out)?;
    form_states(&out)
        .await
        .context("the create form's states")?;
    fix_states(&out).await.context("the fix's states")?;
    failed_state(&out).await.context("a failed fix")?;
    println!("shots written to {}", out.canonicalize()?.display());
    Ok(())
}

async fn shot(p: &Page, dir: &Path, name: &str) -> Result<PathBuf> {
    let png = p.client().screenshot().await?;
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png)?;
    println!("  {}", path.display());
    Ok(path)
}

/// Scrolls the first element matching `css` into the middle of the window.
async fn show(p: &Page, css: &str) -> Result<()> {
    p.js(
        "const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView({block: 'center'}); return !!e;",
        vec![serde_json::json!(css)],
    )
    .await?;
    Ok(())
}

async fn form_states(dir: &Path) -> Result<()> {
    for (w, h) in SIZES {
        let harness = Harness::start().await?;
        let p = &harness.page;
        p.client().set_window_size(w, h).await?;
        p.open_create_company().await?;
        let before = form_height(p).await?;
        fill_typical_mistakes(p).await?;
        let messages = shown(p).await?;
        let count = |sev: &str| messages.iter().filter(|m| m.severity == sev).count();
        println!(
            "typical mistakes at {w}x{h}: {} messages ({} errors, {} warnings, {} notes), {} acknowledgment; dialog {before:.0} px empty, {:.0} px with the messages",
            messages.len(),
            count("error"),
            count("warning"),
            count("info"),
            p.count("[data-allot-ultrasafe-ack]").await?,
            form_height(p).await?
        );
        if (w, h) == SIZES[0] {
            show(p, "[data-allot-field=\"quota_gb\"]").await?;
            shot(p, dir, "01-messages").await?;
            show(p, "[data-allot-ultrasafe-ack]").await?;
            shot(p, dir, "02-acknowledgment").await?;
            p.click_create().await?;
            p.wait_summary().await?;
            show(p, "[data-allot-summary]").await?;
            shot(p, dir, "03-summary").await?;
        }
        harness.stop().await;
    }
    Ok(())
}

async fn fix_states(dir: &Path) -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.client().set_window_size(1280, 800).await?;
    create_company(p, "HighTech", 100).await?;
    wait_offer(p).await?;
    shot(p, dir, "04-offer").await?;
    click_start(p).await?;
    p.wait_for("the progress", || async {
        Ok(p.count("[data-allot-resize-progress]").await? > 0
            || p.count("[data-allot-resize-done]").await? > 0)
    })
    .await?;
    shot(p, dir, "05-progress").await?;
    run_to_outcome(p, None).await?;
    shot(p, dir, "06-done").await?;
    p.client()
        .goto(&p.browser.extension_url("popup.html"))
        .await?;
    p.wait_for("the popup", || async {
        Ok(!p.body_text().await?.contains("Loading"))
    })
    .await?;
    shot(p, dir, "08-popup").await?;
    p.client()
        .goto(&p.browser.extension_url("options.html"))
        .await?;
    p.wait_for("the options page", || async {
        Ok(!p.body_text().await?.contains("Loading"))
    })
    .await?;
    shot(p, dir, "09-options").await?;
    h.stop().await;
    Ok(())
}

async fn failed_state(dir: &Path) -> Result<()> {
    let h = Harness::start().await?;
    h.replica.set_faults(Faults {
        refuse_change_size: Some("The size could not be changed right now.".into()),
        ..Faults::default()
    });
    let p = &h.page;
    p.client().set_window_size(1280, 800).await?;
    create_company(p, "HighTech", 100).await?;
    wait_offer(p).await?;
    click_start(p).await?;
    run_to_outcome(p, None).await?;
    shot(p, dir, "07-failed").await?;
    h.stop().await;
    Ok(())
}
