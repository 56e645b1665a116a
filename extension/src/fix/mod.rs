//! The allocation fix in the page: remembers a Create the dashboard accepted, offers the
//! resize, and, in the one tab where the partner clicked for it, drives the dashboard's
//! own pages step by step across page loads, as the core's state machine says.

mod act;
pub mod message;
pub mod observe;
mod store;
mod ui;

pub use store::fixes as stored_fixes;
pub use store::{SentCreate, FIXES_KEY};

use crate::dom::{self, event_element};
use crate::log;
use allot_core::finding::blocks_create;
use allot_core::resize::{advance, same_name, Action, FixRequest, Job, Status};
use allot_core::size::check_size;
use allot_core::{FieldId, Options};
use gloo_timers::callback::Interval;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use web_sys::{Event, HtmlInputElement};

/// How often the running fix looks at the page again.
const TICK_MS: u32 = 400;
/// How many fixes storage keeps.
const MAX_FIXES: usize = 50;
/// A running fix whose tab has said nothing for this long was abandoned (tab closed).
const ABANDONED_MS: u64 = 120_000;

thread_local! {
    static TICKER: RefCell<Option<Interval>> = const { RefCell::new(None) };
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// Starts the fix's part of the content script on a page load.
pub fn start() {
    listen();
    if let Err(e) = crate::browser::on_message(answer) {
        log::js_error("listening to the popup", &e);
    }
    wasm_bindgen_futures::spawn_local(async {
        confirm_sent(true).await;
        resume_or_offer().await;
    });
}

/// The partner's Create went through Allot: remember what was asked (no secrets).
pub fn on_create_sent(company: &str, admin_username: &str, quota: &str) {
    let Ok(quota_gb) = allot_core::size::parse_size(quota) else {
        return;
    };
    let sent = SentCreate {
        company: company.trim().to_string(),
        admin_username: admin_username.trim().to_string(),
        quota_gb,
        at_ms: store::now_ms(),
        answered: false,
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = store::save_sent(Some(&sent)).await {
            log::js_error("remembering the Create", &e);
        }
    });
}

/// The create form left the page without coming back: the dashboard accepted it.
pub fn on_create_answered(accepted: bool) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(mut sent) = store::sent().await else {
            return;
        };
        if !accepted {
            let _ = store::save_sent(None).await;
            return;
        }
        sent.answered = true;
        let _ = store::save_sent(Some(&sent)).await;
        confirm_sent(false).await;
    });
}

/// Answers the popup: this tab is a dashboard; start a fix here.
async fn answer(message: JsValue) -> JsValue {
    let reply = match serde_wasm_bindgen::from_value::<message::Request>(message) {
        Ok(message::Request::Status) => message::Reply {
            dashboard: true,
            ok: true,
            message: String::new(),
        },
        Ok(message::Request::Start { id }) => match start_fix(id, None).await {
            Ok(()) => message::Reply {
                dashboard: true,
                ok: true,
                message: "Started in this tab.".into(),
            },
            Err(m) => message::Reply {
                dashboard: true,
                ok: false,
                message: m,
            },
        },
        Err(_) => return JsValue::UNDEFINED,
    };
    serde_wasm_bindgen::to_value(&reply).unwrap_or(JsValue::UNDEFINED)
}

/// Turns an accepted Create into a fix once the dashboard shows the company (its admin
/// account in the usage table, or the company in the companies list).
async fn confirm_sent(page_load: bool) {
    let Some(sent) = store::sent().await else {
        return;
    };
    let now = store::now_ms();
    if now.saturating_sub(sent.at_ms) > store::SENT_TTL_MS {
        let _ = store::save_sent(None).await;
        return;
    }
    if !(sent.answered || page_load) {
        return;
    }
    let Some(doc) = dom::document() else {
        return;
    };
    let view = observe::page_view(&doc);
    let in_usage = view
        .usage_table
        .iter()
        .flatten()
        .any(|r| same_name(&r.account, &sent.admin_username));
    let in_list = view
        .companies_table
        .iter()
        .flatten()
        .any(|r| r.cells.iter().any(|c| same_name(c, &sent.company)));
    if !(in_usage || in_list) {
        return;
    }
    let _ = store::save_sent(None).await;
    if sent.quota_gb <= 5 {
        return;
    }
    let mut jobs = store::fixes().await;
    let known = jobs.iter().any(|j| {
        same_name(&j.request.admin_username, &sent.admin_username) && j.status != Status::Done
    });
    if known {
        return;
    }
    let request = FixRequest {
        company: sent.company.clone(),
        admin_username: sent.admin_username.clone(),
        requested_gb: sent.quota_gb,
        company_quota_gb: sent.quota_gb,
    };
    jobs.push(Job::new(
        format!("{now}-{}", sent.admin_username),
        request,
        now,
    ));
    // Storage keeps the most recent fixes only; the oldest finished ones go first.
    while jobs.len() > MAX_FIXES {
        let oldest_over = jobs
            .iter()
            .position(|j| matches!(j.status, Status::Done | Status::Cancelled | Status::Failed))
            .unwrap_or(0);
        jobs.remove(oldest_over);
    }
    if let Err(e) = store::save_fixes(&jobs).await {
        log::js_error("remembering the fix", &e);
    }
    render_offers(&jobs);
}

/// On a page load: go on with this tab's running fix, or show the offers.
async fn resume_or_offer() {
    let jobs = store::fixes().await;
    if let Some(id) = store::runner() {
        match jobs.iter().find(|j| j.id == id) {
            Some(job) if job.status == Status::Running => {
                run(job.id.clone());
                return;
            }
            _ => store::set_runner(None),
        }
    }
    render_offers(&jobs);
}

/// Shows an offer for each fix waiting for the partner (none while this tab runs one).
fn render_offers(jobs: &[Job]) {
    let Some(doc) = dom::document() else {
        return;
    };
    ui::clear(&doc, "data-allot-resize-offer");
    if TICKER.with(|t| t.borrow().is_some()) {
        return;
    }
    let now = store::now_ms();
    for job in jobs {
        let abandoned = job.status == Status::Running
            && now.saturating_sub(job.updated_ms) > ABANDONED_MS
            && !job.dismissed;
        if !(job.offered() || abandoned) {
            continue;
        }
        let shown = ui::offer(&doc, job).and_then(|o| {
            ui::panel(&doc)?.append_child(&o)?;
            Ok(())
        });
        if let Err(e) = shown {
            log::js_error("showing the offer", &e);
        }
    }
}

/// The partner clicked the offer's button: start the fix in this tab.
pub async fn start_fix(id: String, size_text: Option<String>) -> Result<(), String> {
    let mut jobs = store::fixes().await;
    let job = jobs
        .iter_mut()
        .find(|j| j.id == id)
        .ok_or("This fix is no longer known.")?;
    let now = store::now_ms();
    if job.status == Status::Running && now.saturating_sub(job.updated_ms) > ABANDONED_MS {
        job.status = Status::Failed;
        job.outcome = Some("The tab running it was closed.".into());
    }
    if let Some(text) = size_text {
        let findings = size_findings(&text, job.request.company_quota_gb);
        if blocks_create(&findings) {
            return Err(findings
                .first()
                .map(|f| f.message.clone())
                .unwrap_or_default());
        }
        if let Ok(gb) = allot_core::size::parse_size(&text) {
            job.request.requested_gb = gb;
        }
    }
    if !job.start(now) {
        return Err("This fix is already running or done.".into());
    }
    let job = job.clone();
    store::put(&job)
        .await
        .map_err(|_| "Allot could not save the fix.".to_string())?;
    store::set_runner(Some(&job.id));
    if let Some(doc) = dom::document() {
        ui::clear(&doc, "data-allot-resize-offer");
        ui::clear(&doc, "data-allot-resize-failed");
        ui::clear(&doc, "data-allot-resize-done");
    }
    run(job.id);
    Ok(())
}

fn size_findings(text: &str, quota: u32) -> Vec<allot_core::Finding> {
    let quota = (quota > 0).then_some(quota);
    check_size(FieldId::AccountSizeGb, text, quota, &Options::default())
}

/// Drives the fix in this tab: look, ask the machine, save, act; again every tick and
/// on the next page load, until the machine says it is over.
fn run(id: String) {
    if let Some(doc) = dom::document() {
        ui::clear(&doc, "data-allot-resize-offer");
    }
    let tick = Interval::new(TICK_MS, move || {
        if BUSY.with(|b| b.replace(true)) {
            return;
        }
        let id = id.clone();
        wasm_bindgen_futures::spawn_local(async move {
            step(&id).await;
            BUSY.with(|b| b.set(false));
        });
    });
    TICKER.with(|t| *t.borrow_mut() = Some(tick));
}

fn stop_running() {
    TICKER.with(|t| t.borrow_mut().take());
    store::set_runner(None);
}

/// One look at the page and one action.
async fn step(id: &str) {
    let Some(doc) = dom::document() else {
        return;
    };
    let jobs = store::fixes().await;
    let Some(mut job) = jobs.into_iter().find(|j| j.id == id) else {
        stop_running();
        return;
    };
    if job.status != Status::Running {
        // Cancelled (here, in the popup or in another tab) or finished elsewhere.
        stop_running();
        ui::clear(&doc, "data-allot-resize-progress");
        render_offers(&store::fixes().await);
        return;
    }
    let before = job.clone();
    let view = observe::page_view(&doc);
    let action = advance(&mut job, &view, store::now_ms());
    if job != before {
        // Saved before acting, so a reload after Ok never submits twice.
        if let Err(e) = store::put(&job).await {
            log::js_error("saving the fix", &e);
            return;
        }
    }
    match &action {
        Action::Finished => {
            stop_running();
            ui::clear(&doc, "data-allot-resize-progress");
            if let Err(e) = ui::done(&doc, &job) {
                log::js_error("showing the result", &e);
            }
        }
        Action::Failed {
            reason,
            manual_steps,
        } => {
            stop_running();
            ui::clear(&doc, "data-allot-resize-progress");
            if let Err(e) = ui::failed(&doc, &job, reason, manual_steps) {
                log::js_error("showing the failure", &e);
            }
            render_offers(&store::fixes().await);
        }
        Action::Cancelled => {
            stop_running();
            ui::clear(&doc, "data-allot-resize-progress");
            render_offers(&store::fixes().await);
        }
        _ => {
            if let Err(e) = ui::progress(&doc, &job) {
                log::js_error("showing progress", &e);
            }
            if let Err(what) = act::perform(&doc, &action) {
                log::warn(&format!("fix step {}: {what}", job.step.number()));
            }
        }
    }
}

/// Cancels a fix (from the progress overlay or the popup).
pub async fn cancel_fix(id: &str) {
    let mut jobs = store::fixes().await;
    if let Some(job) = jobs.iter_mut().find(|j| j.id == id) {
        job.cancel(store::now_ms());
        let job = job.clone();
        if let Err(e) = store::put(&job).await {
            log::js_error("cancelling the fix", &e);
        }
    }
    if store::runner().as_deref() == Some(id) {
        stop_running();
    }
    if let Some(doc) = dom::document() {
        ui::clear(&doc, "data-allot-resize-progress");
    }
    render_offers(&store::fixes().await);
}

/// "Not now": the dashboard stops offering this fix; the popup can still start it.
async fn not_now(id: &str) {
    let mut jobs = store::fixes().await;
    if let Some(job) = jobs.iter_mut().find(|j| j.id == id) {
        job.dismissed = true;
        let job = job.clone();
        if let Err(e) = store::put(&job).await {
            log::js_error("saving the fix", &e);
        }
    }
    render_offers(&store::fixes().await);
}

/// Clicks on the fix's own boxes (start, cancel, dismiss) and edits of the offer's size.
fn listen() {
    let Some(doc) = dom::document() else {
        return;
    };
    let click = Closure::<dyn Fn(Event)>::new(|ev: Event| {
        let Some(el) = event_element(&ev) else {
            return;
        };
        let job_of = |attr: &str| {
            el.closest(&format!("[{attr}]"))
                .ok()
                .flatten()
                .and_then(|b| b.get_attribute("data-allot-job"))
        };
        if let Some(id) = job_of("data-allot-resize-start") {
            ev.prevent_default();
            if let Ok(Some(b)) = el.closest("[data-allot-resize-start]") {
                let _ = b.set_attribute("disabled", "");
            }
            let size = el
                .closest("[data-allot-resize-offer]")
                .ok()
                .flatten()
                .and_then(|o| o.query_selector("[data-allot-resize-size]").ok().flatten())
                .and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
                .map(|i| i.value());
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(message) = start_fix(id, size).await {
                    show_offer_error(&message);
                }
            });
        } else if let Some(id) = job_of("data-allot-resize-cancel") {
            ev.prevent_default();
            wasm_bindgen_futures::spawn_local(async move { cancel_fix(&id).await });
        } else if let Some(id) = job_of("data-allot-resize-not-now") {
            ev.prevent_default();
            wasm_bindgen_futures::spawn_local(async move { not_now(&id).await });
        } else if el.closest("[data-allot-dismiss]").ok().flatten().is_some() {
            ev.prevent_default();
            if let Ok(Some(b)) = el.closest(".allot-box") {
                b.remove();
            }
        }
    });
    let input = Closure::<dyn Fn(Event)>::new(|ev: Event| {
        let Some(el) = event_element(&ev) else {
            return;
        };
        if !el.has_attribute("data-allot-resize-size") {
            return;
        }
        let Some(id) = el.get_attribute("data-allot-job") else {
            return;
        };
        let text = el
            .dyn_ref::<HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default();
        wasm_bindgen_futures::spawn_local(async move {
            let jobs = store::fixes().await;
            let Some(job) = jobs.iter().find(|j| j.id == id) else {
                return;
            };
            let findings = size_findings(&text, job.request.company_quota_gb);
            let Some(doc) = dom::document() else {
                return;
            };
            if let Ok(Some(offer)) = doc.query_selector(&format!(
                "[data-allot-resize-offer][data-allot-job=\"{}\"]",
                job.id
            )) {
                let _ = ui::size_messages(&doc, &offer, &findings);
                if let Ok(Some(b)) = offer.query_selector("[data-allot-resize-start]") {
                    let _ = if blocks_create(&findings) {
                        b.set_attribute("disabled", "")
                    } else {
                        b.remove_attribute("disabled")
                    };
                }
            }
        });
    });
    for (kind, cb) in [("click", &click), ("input", &input)] {
        if let Err(e) = doc.add_event_listener_with_callback(kind, cb.as_ref().unchecked_ref()) {
            log::js_error("listening", &e);
        }
    }
    click.forget();
    input.forget();
}

fn show_offer_error(message: &str) {
    let Some(doc) = dom::document() else {
        return;
    };
    if let Ok(Some(offer)) = doc.query_selector("[data-allot-resize-offer]") {
        let _ = ui::offer_note(&doc, &offer, message);
        if let Ok(Some(b)) = offer.query_selector("[data-allot-resize-start]") {
            let _ = b.remove_attribute("disabled");
        }
    }
}
