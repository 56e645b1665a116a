//! The toolbar popup: the allocation fixes Allot remembers (company, size asked, size
//! now, status), a Start button for a waiting fix and Try again for a failed one (each
//! named with its company), a button that clears the finished ones, and whether this tab
//! is a dashboard (or why Allot can't run on it).

use crate::dom::{self, make, make_text};
use crate::fix::message::{Reply, Request};
use crate::fix::{stored_fixes, FIXES_KEY};
use crate::hosts;
use crate::log;
use crate::{browser, tabs};
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
    append(&root, &tab_note(&doc, on_dashboard, cant_run.as_deref())?)?;
    // Where Allot is set up but can't run, the site needs no offer.
    if !on_dashboard && cant_run.is_none() {
        offer_this_site(&doc, &root).await?;
    }
    let heading = make_text(&doc, "h2", "", "Admin backup account fixes")?;
    heading.set_attribute("id", FIXES_HEADING)?;
    // Takes focus when the control that had it goes (Clear done and failed fixes).
    heading.set_attribute("tabindex", "-1")?;
    append(&root, &heading)?;
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
    append(&root, &fixes_table(&doc, &jobs, on_dashboard)?)?;
    if jobs.iter().any(finished) {
        append(&root, &clear_button(&doc)?)?;
    }
    Ok(())
}

/// The id of the fixes' heading (the table's name, and where focus goes after Clear).
const FIXES_HEADING: &str = "allot-fixes-heading";

/// The line about the current tab: a dashboard, another page, or why Allot can't run.
fn tab_note(
    doc: &Document,
    on_dashboard: bool,
    cant_run: Option<&str>,
) -> Result<Element, JsValue> {
    let (kind, class, text) = match cant_run {
        Some(reason) => (
            "cant-run",
            "error",
            format!("Allot cannot run on this page: {reason}"),
        ),
        None if on_dashboard => (
            "dashboard",
            "muted",
            "This tab is a partner dashboard page: Allot checks its forms here.".to_string(),
        ),
        None => (
            "other",
            "muted",
            "The current tab is not a partner dashboard page. Open the dashboard to check a form or start a fix.".to_string(),
        ),
    };
    let note = make_text(doc, "p", class, &text)?;
    note.set_attribute("data-allot-popup-tab", kind)?;
    Ok(note)
}

/// The fixes, newest first, under column headers a screen reader reads with each cell.
fn fixes_table(doc: &Document, jobs: &[Job], on_dashboard: bool) -> Result<Element, JsValue> {
    let table = make(doc, "table", "")?;
    table.set_attribute("data-allot-fixes", "")?;
    table.set_attribute("aria-labelledby", FIXES_HEADING)?;
    let head = make(doc, "tr", "")?;
    for h in ["Company", "Asked", "Now", "Status"] {
        let th = make_text(doc, "th", "", h)?;
        th.set_attribute("scope", "col")?;
        append(&head, &th)?;
    }
    let action = make(doc, "th", "")?;
    action.set_attribute("scope", "col")?;
    append(
        &action,
        &make_text(doc, "span", "visually-hidden", "Action")?,
    )?;
    append(&head, &action)?;
    let thead = make(doc, "thead", "")?;
    append(&thead, &head)?;
    append(&table, &thead)?;
    let body = make(doc, "tbody", "")?;
    for job in jobs.iter().rev() {
        append(&body, &row(doc, job, on_dashboard)?)?;
    }
    append(&table, &body)?;
    Ok(table)
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
    for text in [
        r.company.trim().to_string(),
        format!("{} GB", r.requested_gb),
        size_now(job),
        status_text(job),
    ] {
        append(&tr, &make_text(doc, "td", "", &text)?)?;
    }
    let cell = make(doc, "td", "")?;
    if matches!(
        job.status,
        Status::Pending | Status::Failed | Status::Cancelled
    ) {
        append(&cell, &start_button(doc, job, on_dashboard)?)?;
    }
    append(&tr, &cell)?;
    Ok(tr)
}

/// The size every admin backup account is created at.
const NEW_ADMIN_GB: u32 = 5;

/// The admin account's size as far as Allot knows it: the size asked once the dashboard
/// showed it (or the fix is done); the size it had while nothing was submitted, marked
/// "(unchanged)" once a run failed (so too after a size the dashboard refused); both sizes
/// while a submitted size is not checked yet.
fn size_now(job: &Job) -> String {
    let r = &job.request;
    let before = if r.current_gb > 0 {
        r.current_gb
    } else {
        NEW_ADMIN_GB
    };
    if job.status == Status::Done || job.verified {
        return format!("{} GB", r.requested_gb);
    }
    if job.status == Status::Failed && (!job.ok_clicked || refused(job)) {
        return format!("{before} GB (unchanged)");
    }
    if !job.ok_clicked {
        return format!("{before} GB");
    }
    format!("{before} or {} GB (not checked)", r.requested_gb)
}

/// The run stopped because the dashboard refused the size it submitted: the account is
/// as it was. (The core says so only in the outcome's words, "The dashboard refused ...".)
fn refused(job: &Job) -> bool {
    job.outcome
        .as_deref()
        .is_some_and(|o| o.starts_with("The dashboard refused "))
}

fn status_text(job: &Job) -> String {
    match job.status {
        Status::Pending if !job.request.confirmed => {
            "Not confirmed: Allot did not see the dashboard say it created this company".to_string()
        }
        Status::Pending if job.dismissed => "Not now (start it here)".to_string(),
        Status::Pending => "Waiting for you".to_string(),
        Status::Running => job.progress_text(),
        Status::Done => "Done".to_string(),
        Status::Failed => format!("Failed: {}", job.outcome.as_deref().unwrap_or("")),
        Status::Cancelled => "Cancelled".to_string(),
    }
}

/// Done and failed fixes: what "Clear done and failed fixes" removes.
fn finished(job: &Job) -> bool {
    matches!(job.status, Status::Done | Status::Failed)
}

/// Start (Try again for a failed fix; "Check and ..." for one whose Create Allot did not
/// see accepted), its name completed with the company for a screen reader's list of
/// buttons. It asks the dashboard tab to start the fix, as the offer's button does.
fn start_button(doc: &Document, job: &Job, on_dashboard: bool) -> Result<Element, JsValue> {
    let r = &job.request;
    let company = r.company.trim();
    let (text, hidden) = match (job.status, r.confirmed) {
        (Status::Failed, true) => ("Try again", format!(" to fix {company}")),
        (Status::Failed, false) => ("Check and try again", format!(" to fix {company}")),
        (_, true) => ("Start", format!(" the fix for {company}")),
        (_, false) => ("Check and start", format!(" the fix for {company}")),
    };
    let b = make_text(doc, "button", "", text)?;
    append(&b, &make_text(doc, "span", "visually-hidden", &hidden)?)?;
    b.set_attribute("type", "button")?;
    b.set_attribute("data-allot-popup-start", &job.id)?;
    if !on_dashboard {
        b.set_attribute("disabled", "")?;
        b.set_attribute("title", "Open the partner dashboard in this tab first")?;
    }
    let id = job.id.clone();
    let confirm = (!r.confirmed).then(|| {
        format!(
            "Allot did not see the dashboard create {company}. It changes nothing unless the backup account {} is still {} GB, the size the dashboard gives a new company's admin account. Start?",
            r.admin_username.trim(),
            r.current_gb.max(NEW_ADMIN_GB)
        )
    });
    dom::on_click(&b, move || {
        let id = id.clone();
        match &confirm {
            // A fix whose Create was not seen accepted starts only after the partner
            // has read what Allot will check first.
            Some(question) => ask_to_confirm(question, id),
            None => wasm_bindgen_futures::spawn_local(async move { start_in_tab(id).await }),
        }
    })?;
    Ok(b)
}

/// "Clear done and failed fixes": removes them from storage and shows the list again.
fn clear_button(doc: &Document) -> Result<Element, JsValue> {
    let b = make_text(doc, "button", "", "Clear done and failed fixes")?;
    b.set_attribute("type", "button")?;
    b.set_attribute("data-allot-popup-clear", "")?;
    dom::on_click(&b, || {
        wasm_bindgen_futures::spawn_local(async {
            let said = clear_finished().await;
            if let Err(e) = render().await {
                log::js_error("showing the popup", &e);
            }
            // The button is gone with what it cleared: focus goes to the list's heading.
            if let Some(heading) = dom::document().and_then(|d| d.get_element_by_id(FIXES_HEADING))
            {
                dom::focus(&heading);
            }
            say(&said);
        })
    })?;
    Ok(b)
}

/// Removes the done and failed fixes from storage, re-reading it first. Refuses while a
/// fix runs: its tab writes the list as it goes, and a write from here could put back an
/// older state of that fix.
async fn clear_finished() -> String {
    let jobs = stored_fixes().await;
    if jobs.iter().any(|j| j.status == Status::Running) {
        return "A fix is running: clear the done and failed fixes once it ends.".into();
    }
    let (gone, kept): (Vec<Job>, Vec<Job>) = jobs.into_iter().partition(finished);
    if gone.is_empty() {
        return "No done or failed fixes to clear.".into();
    }
    match browser::save(FIXES_KEY, &kept).await {
        Ok(()) if gone.len() == 1 => "Cleared 1 done or failed fix.".into(),
        Ok(()) => format!("Cleared {} done or failed fixes.", gone.len()),
        Err(e) => {
            log::js_error("clearing fixes", &e);
            "Allot could not clear the fixes.".into()
        }
    }
}

/// Says something in the popup's status line (a polite live region).
fn say(text: &str) {
    dom::say_in("[data-allot-popup-status]", text);
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
    let Ok((tab, Some(url))) = tabs::active_tab().await else {
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
    dom::on_click(&b, move || {
        let host = host.clone();
        // Asked straight from the click: the browser shows its prompt only then.
        let Ok(asked) = hosts::request(&host) else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            say(&hosts::add_when_granted(asked, &host).await);
        });
    })?;
    append(root, &b)
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
    let listening = dom::on_click(&yes, move || {
        let id = id.clone();
        wasm_bindgen_futures::spawn_local(async move { start_in_tab(id).await });
    });
    if listening.is_ok() {
        let _ = status.append_child(&yes);
    }
}

/// Asks the dashboard tab's content script to start the fix (the runner there checks
/// everything before it changes anything); closes the popup when it started.
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
    say(&text);
}

/// Why Allot could not start in the active tab, if its loader told the background so
/// (which also shows "!" on the tab's badge).
async fn cant_run_reason() -> Option<String> {
    #[derive(serde::Serialize)]
    struct Status {
        start: &'static str,
        tab: f64,
    }
    let (tab, _) = tabs::active_tab().await.ok()?;
    let reply = tabs::ask_background(&Status {
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
    let v = tabs::ask_active_tab(request).await?;
    serde_wasm_bindgen::from_value(v).map_err(Into::into)
}
