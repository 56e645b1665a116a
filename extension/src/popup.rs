//! The toolbar popup: the allocation fixes Allot remembers (company, size asked, size
//! now, status), a Start button for a waiting one, and whether this tab is a dashboard
//! (or why Allot can't run on it).

use crate::browser;
use crate::dom::{self, make, make_text};
use crate::fix::message::{Reply, Request};
use crate::fix::stored_fixes;
use crate::hosts;
use crate::log;
use allot_core::resize::{Job, Status};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Node};

pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        if let Err(e) = render().await {
            log::js_error("showing the popup", &e);
        }
    });
}

async fn render() -> Result<(), JsValue> {
    let doc = dom::document().ok_or("no document")?;
    let root = doc
        .get_element_by_id("allot-popup")
        .ok_or("no popup root")?;
    let on_dashboard = ask(&Request::Status)
        .await
        .map(|r| r.dashboard)
        .unwrap_or(false);
    let cant_run = if on_dashboard {
        None
    } else {
        cant_run_reason().await
    };
    let jobs = stored_fixes().await;
    root.set_text_content(None);
    let note = match &cant_run {
        Some(reason) => {
            let text = format!("Allot can't run on this page: {reason}");
            let note = make_text(&doc, "p", "error", &text)?;
            note.set_attribute("data-allot-popup-tab", "cant-run")?;
            note
        }
        None => {
            let tab_note = if on_dashboard {
                "This tab is a partner dashboard page: Allot checks its forms here."
            } else {
                "The current tab is not a partner dashboard page. Open the dashboard to check a form or start a fix."
            };
            let note = make_text(&doc, "p", "muted", tab_note)?;
            note.set_attribute(
                "data-allot-popup-tab",
                if on_dashboard { "dashboard" } else { "other" },
            )?;
            note
        }
    };
    append(&root, &note)?;
    // Where Allot is set up but can't run, the site needs no offer.
    if !on_dashboard && cant_run.is_none() {
        offer_this_site(&doc, &root).await?;
    }
    append(
        &root,
        &make_text(&doc, "h2", "", "Admin backup account fixes")?,
    )?;
    if jobs.is_empty() {
        append(
            &root,
            &make_text(
                &doc,
                "p",
                "muted",
                "None yet. After you create a company with more than 5 GB, Allot offers to resize its admin backup account.",
            )?,
        )?;
        return Ok(());
    }
    let table = make(&doc, "table", "")?;
    table.set_attribute("data-allot-fixes", "")?;
    let head = make(&doc, "tr", "")?;
    for h in ["Company", "Asked", "Now", "Status", ""] {
        append(&head, &make_text(&doc, "th", "", h)?)?;
    }
    append(&table, &head)?;
    for job in jobs.iter().rev() {
        append(&table, &row(&doc, job, on_dashboard)?)?;
    }
    append(&root, &table)?;
    let status = make(&doc, "p", "status")?;
    status.set_attribute("role", "status")?;
    status.set_attribute("data-allot-popup-status", "")?;
    append(&root, &status)?;
    Ok(())
}

fn append(parent: &Element, child: &Element) -> Result<(), JsValue> {
    parent.append_child(&Node::from(child.clone()))?;
    Ok(())
}

fn row(doc: &Document, job: &Job, on_dashboard: bool) -> Result<Element, JsValue> {
    let r = &job.request;
    let tr = make(doc, "tr", "")?;
    tr.set_attribute("data-allot-fix", &job.id)?;
    tr.set_attribute("data-allot-fix-status", status_name(job.status))?;
    let now = match job.status {
        Status::Done => format!("{} GB", r.requested_gb),
        _ if job.ok_clicked && !job.verified => "unchecked".to_string(),
        _ => "5 GB".to_string(),
    };
    let status = match job.status {
        Status::Pending if !r.confirmed => {
            "Not confirmed: Allot did not see the dashboard say it created this company".to_string()
        }
        Status::Pending if job.dismissed => "Not now (start it here)".to_string(),
        Status::Pending => "Waiting for you".to_string(),
        Status::Running => job.progress_text(),
        Status::Done => "Done".to_string(),
        Status::Failed => format!("Failed: {}", job.outcome.as_deref().unwrap_or("")),
        Status::Cancelled => "Cancelled".to_string(),
    };
    for text in [
        r.company.trim().to_string(),
        format!("{} GB", r.requested_gb),
        now,
        status,
    ] {
        append(&tr, &make_text(doc, "td", "", &text)?)?;
    }
    let cell = make(doc, "td", "")?;
    if matches!(
        job.status,
        Status::Pending | Status::Failed | Status::Cancelled
    ) {
        let b = make_text(doc, "button", "", "Start")?;
        b.set_attribute("type", "button")?;
        b.set_attribute("data-allot-popup-start", &job.id)?;
        if !on_dashboard {
            b.set_attribute("disabled", "")?;
            b.set_attribute("title", "Open the partner dashboard in this tab first")?;
        }
        let id = job.id.clone();
        let confirm = (!r.confirmed).then(|| {
            format!(
                "Allot did not see the dashboard create {}. It changes nothing unless the backup account {} is still {} GB, the size the dashboard gives a new company's admin account. Start?",
                r.company.trim(),
                r.admin_username.trim(),
                r.current_gb.max(5)
            )
        });
        if confirm.is_some() {
            b.set_text_content(Some("Check and start"));
        }
        let cb = Closure::<dyn Fn()>::new(move || {
            let id = id.clone();
            match &confirm {
                // A fix whose Create was not seen accepted starts only after the partner
                // has read what Allot will check first.
                Some(question) => ask_to_confirm(question, id),
                None => wasm_bindgen_futures::spawn_local(async move { start_in_tab(id).await }),
            }
        });
        b.add_event_listener_with_callback("click", cb.as_ref().unchecked_ref())?;
        cb.forget();
        append(&cell, &b)?;
    }
    append(&tr, &cell)?;
    Ok(tr)
}

/// The status names used in `data-allot-fix-status`.
fn status_name(s: Status) -> &'static str {
    match s {
        Status::Pending => "pending",
        Status::Running => "running",
        Status::Done => "done",
        Status::Failed => "failed",
        Status::Cancelled => "cancelled",
    }
}

/// On a tab Allot does not run on whose page looks like the dashboard's log-on or create
/// form (a white-label dashboard), "Use Allot on this site": asks for the host and
/// registers Allot there.
async fn offer_this_site(doc: &Document, root: &Element) -> Result<(), JsValue> {
    let Ok((tab, Some(url))) = browser::active_tab().await else {
        return Ok(());
    };
    let Some(host) = allot_core::address::host_of(&url) else {
        return Ok(());
    };
    if !url.starts_with("https://") || !hosts::looks_like_dashboard(tab).await {
        return Ok(());
    }
    let b = make_text(doc, "button", "", "Use Allot on this site")?;
    b.set_attribute("type", "button")?;
    b.set_attribute("data-allot-popup-use-site", &host)?;
    let cb = Closure::<dyn Fn()>::new(move || {
        let host = host.clone();
        // Asked straight from the click: the browser shows its prompt only then.
        let Ok(asked) = hosts::request(&host) else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let text = hosts::add_when_granted(asked, &host).await;
            if let Some(doc) = dom::document() {
                if let Ok(Some(s)) = doc.query_selector("[data-allot-popup-status]") {
                    s.set_text_content(Some(&text));
                }
            }
        });
    });
    b.add_event_listener_with_callback("click", cb.as_ref().unchecked_ref())?;
    cb.forget();
    append(root, &b)?;
    let said = make(doc, "p", "status")?;
    said.set_attribute("role", "status")?;
    said.set_attribute("data-allot-popup-status", "")?;
    append(root, &said)?;
    Ok(())
}

/// Shows `question` with a "Yes, start" button that starts the fix.
fn ask_to_confirm(question: &str, id: String) {
    let Some(doc) = dom::document() else {
        return;
    };
    let Ok(Some(status)) = doc.query_selector("[data-allot-popup-status]") else {
        return;
    };
    status.set_text_content(Some(question));
    let Ok(yes) = make_text(&doc, "button", "", "Yes, start") else {
        return;
    };
    let _ = yes.set_attribute("type", "button");
    let _ = yes.set_attribute("data-allot-popup-confirm", &id);
    let cb = Closure::<dyn Fn()>::new(move || {
        let id = id.clone();
        wasm_bindgen_futures::spawn_local(async move { start_in_tab(id).await });
    });
    let _ = yes.add_event_listener_with_callback("click", cb.as_ref().unchecked_ref());
    cb.forget();
    let _ = status.append_child(&yes);
}

async fn start_in_tab(id: String) {
    let text = match ask(&Request::Start { id }).await {
        Ok(r) if r.ok => {
            if let Some(w) = dom::window() {
                let _ = w.close();
            }
            return;
        }
        Ok(r) => r.message,
        Err(_) => "The current tab is not a partner dashboard page.".to_string(),
    };
    if let Some(doc) = dom::document() {
        if let Ok(Some(s)) = doc.query_selector("[data-allot-popup-status]") {
            s.set_text_content(Some(&text));
        }
    }
}

/// Why Allot could not start in the active tab, if its loader told the background so
/// (which also shows "!" on the tab's badge).
async fn cant_run_reason() -> Option<String> {
    #[derive(serde::Serialize)]
    struct Status {
        start: &'static str,
        tab: f64,
    }
    let (tab, _) = browser::active_tab().await.ok()?;
    let reply = browser::ask_background(&Status {
        start: "status",
        tab,
    })
    .await
    .ok()?;
    js_sys::Reflect::get(&reply, &"reason".into())
        .ok()?
        .as_string()
}

async fn ask(request: &Request) -> Result<Reply, JsValue> {
    let v = browser::ask_active_tab(request).await?;
    serde_wasm_bindgen::from_value(v).map_err(Into::into)
}
