//! The allocation fix in the page: offers the resize for a company the dashboard visibly
//! created, and, in the one tab where the partner clicked for it, drives the dashboard's
//! own pages step by step across page loads, as the core's state machine says. Three
//! files carry a run: `observe` reads the page, the core decides, `act` clicks.

mod act;
mod created;
mod grids;
mod lock;
pub mod message;
pub mod observe;
mod panel;
mod store;
mod style;
mod ui;

pub use created::on_create_sent;
pub use store::fixes as stored_fixes;
pub use store::{FIXES_KEY, SENT_KEY};

use crate::dom::{self, event_element};
use crate::log;
use allot_core::finding::blocks_create;
use allot_core::resize::{advance, Action, Job, Status};
use allot_core::size::check_size;
use allot_core::{FieldId, Options};
use gloo_timers::callback::Interval;
use observe::Memory;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlInputElement};

/// On the page's root element once the fix has looked at the page and shown what it has
/// ("looked"; the loader says "idle" when the fix has nothing to do in this tab), for
/// whoever checks that Allot has looked.
const STATE_ATTR: &str = "data-allot-fix-state";

/// How often the running fix looks at the page again.
const TICK_MS: u32 = 250;

/// An offer box Allot rendered: the fix it is for, its start button and size field.
struct Offer {
    job: String,
    start: Element,
    size: Element,
}

thread_local! {
    static TICKER: RefCell<Option<Interval>> = const { RefCell::new(None) };
    static BUSY: Cell<bool> = const { Cell::new(false) };
    static STARTING: Cell<bool> = const { Cell::new(false) };
    /// What Allot's own clicks on this page leave for the next look (taken out while
    /// the page is read or clicked, never borrowed then).
    static MEMORY: RefCell<Memory> = RefCell::new(Memory::default());
    /// The offers on the page, so a click is tied to Allot's own button, not to an
    /// attribute the page could write.
    static OFFERS: RefCell<Vec<Offer>> = const { RefCell::new(Vec::new()) };
    /// Sizes the partner typed in an offer (trusted key presses only), by fix.
    static TYPED: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    /// The offers' size edits are listened to (from the first offer on).
    static LISTENING_FOR_SIZES: Cell<bool> = const { Cell::new(false) };
}

/// Starts the fix's part of the content script on a page load (the top frame's loader
/// calls it once). The popup's messages come through the loader ([`answer`]).
pub fn start() {
    listen();
    // A fix remembered elsewhere (a Create sent from a form in a frame, another tab)
    // shows here too; this tab's own run is left alone.
    let watched = crate::browser::watch(|key| {
        if key == FIXES_KEY && TICKER.with(|t| t.borrow().is_none()) {
            wasm_bindgen_futures::spawn_local(show_offers());
        }
    });
    if let Err(e) = watched {
        log::js_error("watching the fixes", &e);
    }
    wasm_bindgen_futures::spawn_local(async {
        created::on_page_load().await;
        resume_or_offer().await;
        if let Some(root) = dom::document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute(STATE_ATTR, "looked");
        }
    });
}

/// Answers the popup: this tab is a dashboard; start a fix here.
pub async fn answer(message: JsValue) -> JsValue {
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

/// On a page load: go on with the fix this tab runs, or show the offers.
async fn resume_or_offer() {
    if let Some(id) = lock::mine().await {
        let jobs = store::fixes().await;
        if jobs
            .iter()
            .any(|j| j.id == id && j.status == Status::Running)
        {
            run(id);
            return;
        }
        lock::release(&id).await;
    }
    show_offers().await;
}

/// Shows an offer for each fix waiting for the partner (none while this tab runs one):
/// confirmed fixes never started, cancelled or failed, and running fixes whose tab was
/// closed.
pub(crate) async fn show_offers() {
    if !dom::is_top_frame() {
        return;
    }
    let jobs = store::fixes().await;
    let mut shown = Vec::new();
    for job in jobs {
        let abandoned = job.status == Status::Running
            && job.request.confirmed
            && !job.dismissed
            && !lock::alive(&job.id).await;
        if job.offered() || abandoned {
            shown.push(job);
        }
    }
    render_offers(&shown);
}

fn render_offers(jobs: &[Job]) {
    let Some(doc) = dom::document() else {
        return;
    };
    ui::clear(&doc, "data-allot-resize-offer");
    OFFERS.with(|o| o.borrow_mut().clear());
    if TICKER.with(|t| t.borrow().is_some()) {
        return;
    }
    for job in jobs {
        match ui::show_offer(&doc, job) {
            Ok(o) => {
                let part = |attr: &str| o.query_selector(&format!("[{attr}]")).ok().flatten();
                if let (Some(start), Some(size)) = (
                    part("data-allot-resize-start"),
                    part("data-allot-resize-size"),
                ) {
                    TYPED.with(|t| t.borrow_mut().retain(|(id, _)| *id != job.id));
                    listen_for_sizes();
                    OFFERS.with(|offers| {
                        offers.borrow_mut().push(Offer {
                            job: job.id.clone(),
                            start,
                            size,
                        })
                    });
                }
            }
            Err(e) => log::js_error("showing the offer", &e),
        }
    }
}

/// The partner clicked for a fix (the offer's button, or the popup's): start it in this
/// tab. `size_text` is what the partner typed in the offer, from Allot's own record of
/// their key presses.
pub async fn start_fix(id: String, size_text: Option<String>) -> Result<(), String> {
    if STARTING.with(|s| s.replace(true)) {
        return Err("This fix is already starting.".into());
    }
    let started = start_claimed(&id, size_text).await;
    STARTING.with(|s| s.set(false));
    if started.is_ok() {
        run(id);
    }
    started
}

async fn start_claimed(id: &str, size_text: Option<String>) -> Result<(), String> {
    const BUSY_TEXT: &str = "This fix is already running or done.";
    let mut jobs = store::fixes().await;
    let job = jobs
        .iter_mut()
        .find(|j| j.id == id)
        .ok_or("This fix is no longer known.")?;
    let now = store::now_ms();
    if job.status == Status::Running {
        if lock::alive(id).await {
            return Err(format!("{BUSY_TEXT} It runs in another tab."));
        }
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
    if matches!(job.status, Status::Running | Status::Done) {
        return Err(BUSY_TEXT.into());
    }
    if !lock::claim(id).await {
        return Err(format!("{BUSY_TEXT} It runs in another tab."));
    }
    if !job.start(now) {
        lock::release(id).await;
        return Err(BUSY_TEXT.into());
    }
    let job = job.clone();
    if store::put(&job).await.is_err() {
        lock::release(id).await;
        return Err("Allot could not save the fix.".into());
    }
    if let Some(doc) = dom::document() {
        ui::clear(&doc, "data-allot-resize-offer");
        ui::clear(&doc, "data-allot-resize-failed");
        ui::clear(&doc, "data-allot-resize-done");
    }
    Ok(())
}

fn size_findings(text: &str, quota: u32) -> Vec<allot_core::Finding> {
    let quota = (quota > 0).then_some(quota);
    check_size(FieldId::AccountSizeGb, text, quota, &Options::default())
}

/// Drives the fix in this tab: look, ask the machine, save, look again, act; again every
/// tick and on the next page load, until the machine says it is over.
fn run(id: String) {
    if let Some(doc) = dom::document() {
        ui::clear(&doc, "data-allot-resize-offer");
    }
    OFFERS.with(|o| o.borrow_mut().clear());
    let first = id.clone();
    let ticker = Interval::new(TICK_MS, move || tick(id.clone()));
    TICKER.with(|t| *t.borrow_mut() = Some(ticker));
    // The first look at once: a page load does not wait for the first tick.
    tick(first);
}

/// One step, unless the last one is still going.
fn tick(id: String) {
    if BUSY.with(|b| b.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        step(&id).await;
        BUSY.with(|b| b.set(false));
    });
}

async fn stop_running(id: &str) {
    let ticker = TICKER.with(|t| t.borrow_mut().take());
    drop(ticker);
    lock::release(id).await;
}

/// Reads the page with the memory of Allot's clicks (taken out, so no borrow is held
/// while the page is read).
fn look(doc: &web_sys::Document) -> (observe::Observation, Memory) {
    let mut memory = MEMORY.with(|m| m.take());
    let obs = observe::observe(doc, &mut memory);
    (obs, memory)
}

fn keep(memory: Memory) {
    MEMORY.with(|m| *m.borrow_mut() = memory);
}

/// One look at the page and one action.
async fn step(id: &str) {
    let Some(doc) = dom::document() else {
        return;
    };
    let jobs = store::fixes().await;
    let Some(mut job) = jobs.into_iter().find(|j| j.id == id) else {
        stop_running(id).await;
        return;
    };
    if job.status != Status::Running {
        // Cancelled (here or in the popup) or finished.
        stop_running(id).await;
        ui::clear(&doc, "data-allot-resize-progress");
        show_offers().await;
        return;
    }
    let before = job.clone();
    let (obs, memory) = look(&doc);
    keep(memory);
    let action = advance(&mut job, &obs.view, store::now_ms());
    if job != before {
        // Saved before acting, so a reload after Ok never submits twice.
        if let Err(e) = store::put(&job).await {
            log::js_error("saving the fix", &e);
            return;
        }
    }
    match &action {
        Action::Finished => {
            stop_running(id).await;
            ui::clear(&doc, "data-allot-resize-progress");
            if let Err(e) = ui::done(&doc, &job) {
                log::js_error("showing the result", &e);
            }
        }
        Action::Failed {
            reason,
            manual_steps,
        } => {
            stop_running(id).await;
            ui::clear(&doc, "data-allot-resize-progress");
            if let Err(e) = ui::failed(&doc, &job, reason, manual_steps) {
                log::js_error("showing the failure", &e);
            }
            show_offers().await;
        }
        Action::Cancelled => {
            stop_running(id).await;
            ui::clear(&doc, "data-allot-resize-progress");
            show_offers().await;
        }
        _ => {
            if let Err(e) = ui::progress(&doc, &job) {
                log::js_error("showing progress", &e);
            }
            if !action.touches_page() {
                // Waiting: no second look at the page on this tick.
                return;
            }
            // A fresh look right before acting: the click goes where the page is now,
            // or nowhere.
            let (fresh, mut memory) = look(&doc);
            let acted = act::perform(&doc, &action, &fresh, &mut memory);
            keep(memory);
            if let Err(what) = acted {
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
    if lock::mine().await.as_deref() == Some(id) {
        stop_running(id).await;
    }
    if let Some(doc) = dom::document() {
        ui::clear(&doc, "data-allot-resize-progress");
    }
    show_offers().await;
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
    show_offers().await;
}

/// The size the partner last typed in the offer for fix `id`, if they typed one.
fn typed_size(id: &str) -> Option<String> {
    TYPED.with(|t| {
        t.borrow()
            .iter()
            .find(|(job, _)| job == id)
            .map(|(_, s)| s.clone())
    })
}

/// The fix an offer's start button is for, if `el` is inside one Allot rendered.
fn offer_of_start(el: &Element) -> Option<(String, Element)> {
    OFFERS.with(|offers| {
        offers
            .borrow()
            .iter()
            .find(|o| o.start.contains(Some(el.as_ref())))
            .map(|o| (o.job.clone(), o.start.clone()))
    })
}

/// Clicks on the fix's own boxes (start, cancel, dismiss); the offer's size edits are
/// heard by `listen_for_sizes`. Only the partner's own clicks and key presses count
/// (`isTrusted`): a page script's `.click()` starts nothing.
fn listen() {
    let Some(doc) = dom::document() else {
        return;
    };
    crate::guard::listen(doc.as_ref(), "click", false, |ev: Event| {
        let Some(el) = event_element(&ev) else {
            return;
        };
        if !dom::is_own(el.as_ref()) {
            return;
        }
        if !ev.is_trusted() {
            ev.prevent_default();
            log::warn("ignored a click on Allot's box that the partner did not make");
            return;
        }
        let job_of = |attr: &str| {
            el.closest(&format!("[{attr}]"))
                .ok()
                .flatten()
                .and_then(|b| b.get_attribute("data-allot-job"))
        };
        if let Some((id, button)) = offer_of_start(&el) {
            ev.prevent_default();
            let _ = button.set_attribute("disabled", "");
            let size = typed_size(&id);
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
            if let (Ok(Some(b)), Some(doc)) = (el.closest(".allot-box"), dom::document()) {
                ui::dismiss(&doc, &b);
            }
        }
    });
}

/// Edits of an offer's size, heard from the first offer on: until then the partner's
/// typing (in the dashboard's own forms) costs the fix nothing.
fn listen_for_sizes() {
    if LISTENING_FOR_SIZES.with(|l| l.replace(true)) {
        return;
    }
    let Some(doc) = dom::document() else {
        return;
    };
    crate::guard::listen(doc.as_ref(), "input", false, |ev: Event| {
        if !ev.is_trusted() {
            return;
        }
        let Some(el) = event_element(&ev) else {
            return;
        };
        let offer = OFFERS.with(|offers| {
            offers
                .borrow()
                .iter()
                .find(|o| o.size == el)
                .map(|o| (o.job.clone(), o.start.clone()))
        });
        let Some((id, start)) = offer else {
            return;
        };
        let text = el
            .dyn_ref::<HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default();
        TYPED.with(|t| {
            let mut t = t.borrow_mut();
            t.retain(|(job, _)| *job != id);
            t.push((id.clone(), text.clone()));
        });
        wasm_bindgen_futures::spawn_local(async move {
            let jobs = store::fixes().await;
            let Some(job) = jobs.iter().find(|j| j.id == id) else {
                return;
            };
            // The latest text typed: an earlier key press's answer may arrive last.
            let text = typed_size(&id).unwrap_or(text);
            let findings = size_findings(&text, job.request.company_quota_gb);
            let Some(doc) = dom::document() else {
                return;
            };
            if let Some(offer) = start.closest("[data-allot-resize-offer]").ok().flatten() {
                let _ = ui::size_messages(&doc, &offer, &findings);
            }
            let _ = if blocks_create(&findings) {
                start.set_attribute("disabled", "")
            } else {
                start.remove_attribute("disabled")
            };
        });
    });
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
