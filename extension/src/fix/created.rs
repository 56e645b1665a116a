//! Whether a Create made a company, from what the dashboard answers: the create form
//! hands over a record when it lets a Create through; this module notes what the page
//! showed before, watches the page (each change, then the next page loads) for the
//! answer, and turns a visibly accepted Create into a fix the dashboard offers. A
//! refusal (in a dialog, a re-rendered form or a whole new page) leaves nothing; no clear
//! answer leaves a fix only the popup lists, never offered on the page.

use super::{grids, observe, store};
use crate::dom;
use crate::log;
use allot_core::resize::{
    create_answer, same_name, CreateAnswer, FixRequest, GridKind, Job, RowMatch, SentCreate, Status,
};
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, MutationObserver, MutationObserverInit};

/// How often (besides on each change) and how long the page is watched after Create.
const WATCH_MS: u32 = 500;
const WATCH_FOR_MS: u64 = 30_000;
/// Page loads without an answer after which the Create is taken as unconfirmed.
const SILENT_LOADS: u32 = 2;
/// The size every admin backup account is created at.
const NEW_ADMIN_GB: u32 = 5;
/// How many fixes storage keeps.
const MAX_FIXES: usize = 50;

/// The Create being answered in this page: the record, what the page showed when it
/// left (its texts, so only what is new counts; the create form's fields, so the same
/// form still waiting is not taken for one that came back), and the watchers.
struct Watch {
    sent: SentCreate,
    texts: Vec<String>,
    form_fields: Vec<Element>,
    observer: Option<MutationObserver>,
    timer: Option<Interval>,
}

thread_local! {
    static WATCH: RefCell<Option<Watch>> = const { RefCell::new(None) };
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
        !matches!(g.find(name), RowMatch::None)
    });
    let texts = observe::visible_texts(&doc);
    let form_fields = crate::controls::controls(&doc)
        .into_iter()
        .map(|c| c.element)
        .collect();
    let saved = sent.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = store::save_sent(Some(&saved)).await {
            log::js_error("remembering the Create", &e);
        }
    });
    stop_watching();
    WATCH.with(|w| {
        *w.borrow_mut() = Some(Watch {
            sent,
            texts,
            form_fields,
            observer: watch_changes(&doc),
            timer: Some(Interval::new(WATCH_MS, look_now)),
        })
    });
}

/// A page observer that looks for the answer on every change.
fn watch_changes(doc: &Document) -> Option<MutationObserver> {
    let cb = Closure::<dyn Fn()>::new(look_now);
    let observer = MutationObserver::new(&crate::guard::guarded(cb.as_ref())).ok()?;
    cb.forget();
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    init.set_character_data(true);
    let root = doc.body()?;
    observer.observe_with_options(&root, &init).ok()?;
    Some(observer)
}

fn stop_watching() {
    let watch = WATCH.with(|w| w.borrow_mut().take());
    if let Some(w) = watch {
        if let Some(o) = &w.observer {
            o.disconnect();
        }
        drop(w.timer);
    }
}

/// Looks at the page for the answer, in the page where Create was clicked.
fn look_now() {
    let Some(doc) = dom::document() else {
        return;
    };
    // Copied out: no borrow is held while the page is read.
    let Some((sent, before, fields)) = WATCH.with(|w| {
        w.borrow()
            .as_ref()
            .map(|w| (w.sent.clone(), w.texts.clone(), w.form_fields.clone()))
    }) else {
        return;
    };
    if sent.existed_before {
        stop_watching();
        wasm_bindgen_futures::spawn_local(async {
            let _ = store::save_sent(None).await;
        });
        return;
    }
    match read_answer(&doc, &sent, &before, &fields) {
        CreateAnswer::Accepted => {
            stop_watching();
            let accepted = SentCreate {
                accepted: true,
                ..sent
            };
            wasm_bindgen_futures::spawn_local(async move {
                // Written first: a page load right after still knows it was accepted.
                let _ = store::save_sent(Some(&accepted)).await;
                remember(&accepted, true).await;
                let _ = store::save_sent(None).await;
            });
        }
        CreateAnswer::Refused(why) => {
            stop_watching();
            log::warn(&format!("the dashboard did not create the company: {why}"));
            wasm_bindgen_futures::spawn_local(async {
                let _ = store::save_sent(None).await;
            });
        }
        CreateAnswer::Unknown => {
            if store::now_ms().saturating_sub(sent.at_ms) > WATCH_FOR_MS {
                stop_watching();
            }
        }
    }
}

/// The dashboard's answer as the page shows it: only texts not in `before` count, and a
/// create form counts as back only when it is not the one that sent the Create.
fn read_answer(
    doc: &Document,
    sent: &SentCreate,
    before: &[String],
    fields: &[Element],
) -> CreateAnswer {
    let texts: Vec<String> = observe::visible_texts(doc)
        .into_iter()
        .filter(|t| !before.contains(t))
        .collect();
    let form_back = observe::create_form_shown(doc)
        && !crate::controls::controls(doc)
            .iter()
            .any(|c| fields.contains(&c.element));
    create_answer(&sent.company, &texts, form_back)
}

/// On a page load: a Create answered with a whole new page, or accepted just before
/// this load.
pub async fn on_page_load() {
    let Some(mut sent) = store::sent().await else {
        return;
    };
    if store::now_ms().saturating_sub(sent.at_ms) > store::SENT_TTL_MS || sent.existed_before {
        // Too old, or the company was on the page before Create: never a fix.
        let _ = store::save_sent(None).await;
        return;
    }
    if sent.accepted {
        remember(&sent, true).await;
        let _ = store::save_sent(None).await;
        return;
    }
    let Some(doc) = dom::document() else {
        return;
    };
    match read_answer(&doc, &sent, &[], &[]) {
        CreateAnswer::Accepted => {
            remember(&sent, true).await;
            let _ = store::save_sent(None).await;
        }
        CreateAnswer::Refused(why) => {
            log::warn(&format!("the dashboard did not create the company: {why}"));
            let _ = store::save_sent(None).await;
        }
        CreateAnswer::Unknown => {
            sent.silent_loads += 1;
            if sent.silent_loads >= SILENT_LOADS {
                remember(&sent, false).await;
                let _ = store::save_sent(None).await;
            } else {
                let _ = store::save_sent(Some(&sent)).await;
            }
        }
    }
}

/// Adds the fix for an answered Create: offered when `confirmed`, listed in the popup
/// only otherwise. Once per admin account.
async fn remember(sent: &SentCreate, confirmed: bool) {
    if sent.quota_gb <= NEW_ADMIN_GB {
        return;
    }
    let mut jobs = store::fixes().await;
    let known = jobs.iter().any(|j| {
        same_name(&j.request.admin_username, &sent.admin_username) && j.status != Status::Done
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
