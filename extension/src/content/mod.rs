//! The content script: finds the forms Allot checks, wherever and whenever they appear,
//! annotates each once, re-checks as the partner types and holds back a failing Create.

mod ack;
pub mod detect;
mod form;
mod gate;
mod render;
mod style;
mod summary;

use crate::browser;
use crate::dom::{self, is_own};
use crate::log;
use allot_core::resize::SentCreate;
use allot_core::Options;
use form::FormState;
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, MutationObserver, MutationObserverInit, MutationRecord};

/// Milliseconds of quiet typing before a re-check.
const TYPING_DEBOUNCE_MS: u32 = 150;
/// Milliseconds of quiet page changes before looking for new forms.
const SCAN_DEBOUNCE_MS: u32 = 120;

thread_local! {
    static FORMS: RefCell<Vec<FormState>> = const { RefCell::new(Vec::new()) };
    static OPTIONS: RefCell<Options> = RefCell::new(Options::default());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    static SCAN_TIMER: RefCell<Option<Timeout>> = const { RefCell::new(None) };
    /// Forms whose update waits for the end of a press.
    static WAITING: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    /// Who hears of a Create Allot let through (the allocation fix).
    static ON_SENT: Cell<Option<fn(SentCreate)>> = const { Cell::new(None) };
}

/// Starts Allot on a dashboard page. `on_sent` hears of every Create of a company that
/// Allot lets through, as one plain record (never a password or a secret answer).
pub fn start(on_sent: fn(SentCreate)) {
    ON_SENT.with(|s| s.set(Some(on_sent)));
    let Some(doc) = dom::document() else {
        return;
    };
    style::install(&doc);
    listen();
    observe();
    scan();
    wasm_bindgen_futures::spawn_local(async { set_options(browser::options().await) });
    // The partner's options, or the organization's policy (managed keys), changed.
    let watched = browser::watch(|key| {
        if !key.starts_with("allot.") || key == browser::OPTIONS_KEY {
            wasm_bindgen_futures::spawn_local(async { set_options(browser::options().await) });
        }
    });
    if let Err(e) = watched {
        log::js_error("watching options", &e);
    }
}

fn set_options(options: Options) {
    OPTIONS.with(|o| *o.borrow_mut() = options);
    let ids: Vec<u32> = FORMS.with(|f| f.borrow().iter().map(|s| s.id).collect());
    for id in ids {
        refresh(id);
    }
}

fn options() -> Options {
    OPTIONS.with(|o| o.borrow().clone())
}

/// Drops forms that left the page and annotates forms that are new.
fn scan() {
    let Some(doc) = dom::document() else {
        return;
    };
    // Taken out first: removing a summary that holds focus fires focusout now.
    let gone: Vec<FormState> = FORMS.with(|forms| {
        let mut forms = forms.borrow_mut();
        let (live, gone) = std::mem::take(&mut *forms)
            .into_iter()
            .partition(|f| f.is_live());
        *forms = live;
        gone
    });
    for mut f in gone {
        for (_, el) in &f.fields {
            render::unmark(f.id, el);
        }
        summary::remove(&mut f);
    }
    let controls: Vec<_> = crate::controls::controls(&doc)
        .into_iter()
        .filter(|c| !c.element.has_attribute("data-allot-field"))
        .collect();
    let found = detect::forms(controls);
    let mut new_ids = Vec::new();
    for found in found {
        let id = NEXT_ID.with(|n| {
            let id = n.get();
            n.set(id + 1);
            id
        });
        let _ = found
            .root
            .set_attribute("data-allot-form", found.kind.as_str());
        for (field, el) in &found.fields {
            let _ = el.set_attribute("data-allot-field", field.as_str());
        }
        if found.create.is_none() {
            log::warn(
                "found a form without a Create button; checking it without holding Create back",
            );
        }
        FORMS.with(|f| f.borrow_mut().push(FormState::new(id, found)));
        new_ids.push(id);
    }
    if !new_ids.is_empty() {
        // Read again for each new form: an organization's policy can arrive after the
        // page loaded (the browser loads it after start, without a change event).
        wasm_bindgen_futures::spawn_local(async { set_options(browser::options().await) });
    }
    for id in new_ids {
        refresh(id);
    }
}

/// Runs the rules on one form and shows what they say.
///
/// While the partner is pressing on the page (a press that took focus from a field and
/// so made it "left"), nothing moves: the update waits until the press's click has been
/// handled, so the click lands where the partner aimed.
fn refresh(id: u32) {
    if dom::pointer_is_down() {
        refresh_after_press(id);
        return;
    }
    let Some(doc) = dom::document() else {
        return;
    };
    let opts = options();
    with_form(id, |form| {
        let findings = form.findings(&opts);
        let shown = render::render(&doc, form, &findings)
            .and_then(|_| ack::sync(&doc, form))
            .and_then(|_| summary::refresh(&doc, form, &findings));
        if let Err(e) = shown {
            log::js_error("showing messages", &e);
        }
    });
}

/// Runs `f` on form `id` taken out of the list, so no borrow is held while `f` changes
/// the page: a removed focused node fires focusout (and a value set fires input)
/// synchronously, and those handlers look the forms up again. While it is out, such an
/// event finds no form and is let be. The form goes back where it was.
fn with_form<R>(id: u32, f: impl FnOnce(&mut FormState) -> R) -> Option<R> {
    let (at, mut form) = FORMS.with(|forms| {
        let mut forms = forms.borrow_mut();
        let at = forms.iter().position(|f| f.id == id)?;
        Some((at, forms.remove(at)))
    })?;
    let result = f(&mut form);
    FORMS.with(|forms| {
        let mut forms = forms.borrow_mut();
        let at = at.min(forms.len());
        forms.insert(at, form);
    });
    Some(result)
}

/// Re-checks the form once the current press is over (once, however often asked).
fn refresh_after_press(id: u32) {
    let new = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let new = !w.contains(&id);
        if new {
            w.push(id);
        }
        new
    });
    if new {
        dom::after_pointer_up(move || {
            WAITING.with(|w| w.borrow_mut().retain(|waiting| *waiting != id));
            refresh(id);
        });
    }
}

/// Re-checks a form once the partner pauses typing.
fn refresh_soon(id: u32) {
    let timer = Timeout::new(TYPING_DEBOUNCE_MS, move || refresh(id));
    FORMS.with(|forms| {
        if let Some(f) = forms.borrow_mut().iter_mut().find(|f| f.id == id) {
            f.pending = Some(timer);
        }
    });
}

/// The form an element belongs to (a field, Allot's acknowledgment, or anything inside
/// the form's root) and the field it is, if any.
fn form_of(el: &Element) -> Option<(u32, Option<allot_core::FieldId>)> {
    FORMS.with(|forms| {
        let forms = forms.borrow();
        if let Some(f) = forms.iter().find(|f| f.field_of(el).is_some()) {
            return Some((f.id, f.field_of(el)));
        }
        forms
            .iter()
            .find(|f| f.root.contains(Some(el.as_ref())))
            .map(|f| (f.id, None))
    })
}

fn listen() {
    let Some(doc) = dom::document() else {
        return;
    };
    let Some(win) = dom::window() else {
        return;
    };
    add(&doc, "input", true, |ev| {
        if let Some((id, Some(_))) = dom::event_element(&ev).and_then(|el| form_of(&el)) {
            refresh_soon(id);
        }
    });
    add(&doc, "change", true, |ev| {
        if let Some((id, _)) = dom::event_element(&ev).and_then(|el| form_of(&el)) {
            refresh(id);
        }
    });
    add(&doc, "focusout", true, |ev| {
        if let Some((id, Some(field))) = dom::event_element(&ev).and_then(|el| form_of(&el)) {
            FORMS.with(|forms| {
                if let Some(f) = forms.borrow_mut().iter_mut().find(|f| f.id == id) {
                    f.touched.insert(field);
                }
            });
            refresh(id);
        }
    });
    add(&win, "click", true, gate::on_click);
    add(&win, "keydown", true, gate::on_keydown);
    add(&win, "submit", true, gate::on_submit);
}

/// Adds a listener that lives as long as the page.
fn add(target: &web_sys::EventTarget, kind: &str, capture: bool, f: fn(Event)) {
    let cb = Closure::<dyn Fn(Event)>::new(f);
    if let Err(e) =
        target.add_event_listener_with_callback_and_bool(kind, cb.as_ref().unchecked_ref(), capture)
    {
        log::js_error("listening", &e);
    }
    cb.forget();
}

/// One observer for the whole page: forms inserted later (dialogs) and re-rendered
/// forms are found after a short quiet time; Allot's own changes are ignored.
fn observe() {
    let Some(doc) = dom::document() else {
        return;
    };
    let cb = Closure::<dyn Fn(js_sys::Array)>::new(|records: js_sys::Array| {
        let relevant = records.iter().any(|r| {
            let r: MutationRecord = r.unchecked_into();
            // Changes inside Allot's own boxes (new text in a message) are not the page's.
            if r.target().is_some_and(|t| is_own(&t)) {
                return false;
            }
            let added = r.added_nodes();
            let removed = r.removed_nodes();
            let foreign = |list: &web_sys::NodeList| {
                (0..list.length()).any(|i| list.item(i).map(|n| !is_own_node(&n)).unwrap_or(false))
            };
            foreign(&added) || foreign(&removed)
        });
        if relevant {
            let timer = Timeout::new(SCAN_DEBOUNCE_MS, scan);
            SCAN_TIMER.with(|t| *t.borrow_mut() = Some(timer));
        }
    });
    let observer = match MutationObserver::new(cb.as_ref().unchecked_ref()) {
        Ok(o) => o,
        Err(e) => {
            log::js_error("watching the page", &e);
            return;
        }
    };
    cb.forget();
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    let target = doc
        .body()
        .map(|b| b.into())
        .or_else(|| doc.document_element());
    if let Some(t) = target {
        let node: &web_sys::Node = t.as_ref();
        if let Err(e) = observer.observe_with_options(node, &init) {
            log::js_error("watching the page", &e);
        }
    }
    // The observer lives as long as the page.
    std::mem::forget(observer);
}

/// Allot's own nodes (removed ones are detached, so check the marker directly too).
fn is_own_node(n: &web_sys::Node) -> bool {
    n.dyn_ref::<Element>()
        .map(|e| e.has_attribute(dom::OWN_ATTR))
        .unwrap_or(false)
        || is_own(n)
}
