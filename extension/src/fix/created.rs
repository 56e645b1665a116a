//! Whether a Create made a company, from what the dashboard answers: the create form
//! hands over a record when it lets a Create through; this module notes what the page
//! showed before, watches the page (and the next page loads) for the answer, and turns
//! a visibly accepted Create into a fix the dashboard offers. A refusal (in a dialog, a
//! re-rendered form or a whole new page) leaves nothing; no clear answer leaves a fix
//! only the popup lists, never offered on the page.

use super::{grids, observe, store};
use crate::dom;
use crate::log;
use allot_core::resize::{
    create_answer, CreateAnswer, FixRequest, GridKind, Job, SentCreate, Status,
};
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use web_sys::Element;

/// How often, and how long, the page is watched for the answer after Create.
const WATCH_MS: u32 = 300;
const WATCH_FOR_MS: u64 = 30_000;
/// Page loads without an answer after which the Create is taken as unconfirmed.
const SILENT_LOADS: u32 = 2;
/// The size every admin backup account is created at.
const NEW_ADMIN_GB: u32 = 5;
/// How many fixes storage keeps.
const MAX_FIXES: usize = 50;

/// What the page showed when Create left, in this page only: its texts (so only what
/// is new counts as the answer) and the create form's fields (so the same form still
/// waiting is not taken for a form that came back).
#[derive(Default)]
struct Before {
    texts: Vec<String>,
    form_fields: Vec<Element>,
    watch: Option<Interval>,
    since_ms: u64,
}

thread_local! {
    static BEFORE: RefCell<Option<Before>> = const { RefCell::new(None) };
    static CHECKING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The create form let a Create through: note what the page shows now (before the
/// dashboard answers), remember the record, and watch for the answer.
pub fn on_create_sent(mut sent: SentCreate) {
    let Some(doc) = dom::document() else {
        return;
    };
    let (grids, _) = grids::read(&doc);
    sent.existed_before = grids.iter().any(|g| {
        let name = match g.kind() {
            Some(GridKind::Companies) => &sent.company,
            Some(GridKind::Accounts) => &sent.admin_username,
            None => return false,
        };
        !matches!(g.find(name), allot_core::resize::RowMatch::None)
    });
    let texts = observe::visible_texts(&doc);
    let form_fields = crate::controls::controls(&doc)
        .into_iter()
        .map(|c| c.element)
        .collect();
    let watch = Interval::new(WATCH_MS, || check(false));
    BEFORE.with(|b| {
        *b.borrow_mut() = Some(Before {
            texts,
            form_fields,
            watch: Some(watch),
            since_ms: store::now_ms(),
        })
    });
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = store::save_sent(Some(&sent)).await {
            log::js_error("remembering the Create", &e);
        }
    });
}

/// Looks for the answer now: on a page load, and on each tick of the watch.
pub fn check(page_load: bool) {
    if CHECKING.with(|c| c.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        answer(page_load).await;
        CHECKING.with(|c| c.set(false));
    });
}

fn stop_watching() {
    let watch = BEFORE.with(|b| b.borrow_mut().take().and_then(|mut b| b.watch.take()));
    drop(watch);
}

async fn answer(page_load: bool) {
    let Some(mut sent) = store::sent().await else {
        stop_watching();
        return;
    };
    let now = store::now_ms();
    if now.saturating_sub(sent.at_ms) > store::SENT_TTL_MS || sent.existed_before {
        // Too old, or the company was on the page before: never a fix.
        let _ = store::save_sent(None).await;
        stop_watching();
        return;
    }
    let Some(doc) = dom::document() else {
        return;
    };
    let (before_texts, before_fields, since) = BEFORE.with(|b| {
        b.borrow()
            .as_ref()
            .map(|b| (b.texts.clone(), b.form_fields.clone(), b.since_ms))
            .unwrap_or_default()
    });
    let texts: Vec<String> = observe::visible_texts(&doc)
        .into_iter()
        .filter(|t| !before_texts.contains(t))
        .collect();
    // A create form counts as back only when it is not the one that sent the Create.
    let form_back = observe::create_form_shown(&doc)
        && !crate::controls::controls(&doc)
            .iter()
            .any(|c| before_fields.contains(&c.element));
    match create_answer(&sent.company, &texts, form_back) {
        CreateAnswer::Accepted => {
            let _ = store::save_sent(None).await;
            stop_watching();
            remember(&sent, true).await;
        }
        CreateAnswer::Refused(why) => {
            log::warn(&format!("the dashboard did not create the company: {why}"));
            let _ = store::save_sent(None).await;
            stop_watching();
        }
        CreateAnswer::Unknown if page_load => {
            sent.silent_loads += 1;
            if sent.silent_loads >= SILENT_LOADS {
                let _ = store::save_sent(None).await;
                remember(&sent, false).await;
            } else {
                let _ = store::save_sent(Some(&sent)).await;
            }
        }
        CreateAnswer::Unknown => {
            if now.saturating_sub(since) > WATCH_FOR_MS {
                stop_watching();
            }
        }
    }
}

/// Adds the fix for an answered Create: offered when `confirmed`, listed in the popup
/// only otherwise.
async fn remember(sent: &SentCreate, confirmed: bool) {
    if sent.quota_gb <= NEW_ADMIN_GB {
        return;
    }
    let mut jobs = store::fixes().await;
    let known = jobs.iter().any(|j| {
        allot_core::resize::same_name(&j.request.admin_username, &sent.admin_username)
            && j.status != Status::Done
    });
    if known {
        return;
    }
    let now = store::now_ms();
    let request = FixRequest {
        company: sent.company.clone(),
        admin_username: sent.admin_username.clone(),
        requested_gb: sent.quota_gb,
        company_quota_gb: sent.quota_gb,
        current_gb: NEW_ADMIN_GB,
        confirmed,
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
    super::show_offers().await;
}
