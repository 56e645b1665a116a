//! The content script: finds the forms Allot checks, wherever and whenever they appear,
//! annotates each once, re-checks as the partner types and holds back a failing Create.

mod ack;
pub mod detect;
mod form;
mod gate;
mod live;
mod message;
mod place;
mod render;
mod style;
mod summary;
mod warm;

use crate::dom::{self, is_own};
use crate::log;
use crate::{browser, settings};
use allot_core::Options;
use form::FormState;
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, MutationObserver, MutationObserverInit, MutationRecord};

/// Milliseconds without a key press after which the partner has paused typing: a new
/// message about the field may appear (never mid-word).
const TYPING_PAUSE_MS: u32 = 1000;
/// Where the standing notes the partner folded away are remembered (their codes).
pub const FOLDED_KEY: &str = "allot.folded_notes";
/// Milliseconds (about one frame) after a look for new forms during which the page's
/// further changes are gathered into one more look: a dialog is annotated in the
/// observer's callback right after it is inserted, and a page that keeps changing is
/// looked at no more than once a frame.
const SCAN_COALESCE_MS: u32 = 16;

thread_local! {
    static FORMS: RefCell<Vec<FormState>> = const { RefCell::new(Vec::new()) };
    static OPTIONS: RefCell<Options> = RefCell::new(Options::default());
    /// The standing notes folded away (codes), on every form.
    static FOLDED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// A look for new forms was just made: changes now wait for the next one.
    static SCAN_QUIET: Cell<bool> = const { Cell::new(false) };
    /// A look for new forms is due when the quiet time ends.
    static SCAN_DUE: Cell<bool> = const { Cell::new(false) };
    /// Forms whose update waits for the end of a press.
    static WAITING: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    /// The typing pause timer is set (`pause_soon`).
    static PAUSE_SET: Cell<bool> = const { Cell::new(false) };
    /// The typing path has been readied (`warm`), once a page.
    static WARMED: Cell<bool> = const { Cell::new(false) };
    /// A create-company form has been found on this page (told once).
    static CREATE_FORM_TOLD: Cell<bool> = const { Cell::new(false) };
}

/// Starts Allot on a dashboard page. The fix hears of create forms and of the Creates
/// Allot lets through from `crate::sent`.
pub fn start() {
    let Some(doc) = dom::document() else {
        return;
    };
    style::install(&doc);
    listen();
    observe();
    scan();
    wasm_bindgen_futures::spawn_local(async { set_options(settings::options().await) });
    wasm_bindgen_futures::spawn_local(async {
        let folded = browser::load_value(FOLDED_KEY)
            .await
            .ok()
            .flatten()
            .and_then(|v| settings::strings(&v))
            .unwrap_or_default();
        set_folded(folded);
    });
    // The partner's options, or the organization's policy (managed keys), changed.
    let watched = browser::watch(|key| {
        if !key.starts_with("allot.") || key == settings::OPTIONS_KEY {
            wasm_bindgen_futures::spawn_local(async { set_options(settings::options().await) });
        }
    });
    if let Err(e) = watched {
        log::js_error("watching options", &e);
    }
}

fn set_options(options: Options) {
    OPTIONS.with(|o| *o.borrow_mut() = options);
    refresh_all();
}

fn options() -> Options {
    OPTIONS.with(|o| o.borrow().clone())
}

/// Sets which standing notes are folded and shows every form again.
fn set_folded(folded: Vec<String>) {
    FOLDED.with(|f| *f.borrow_mut() = folded);
    refresh_all();
}

fn refresh_all() {
    let ids: Vec<u32> = FORMS.with(|f| f.borrow().iter().map(|s| s.id).collect());
    for id in ids {
        refresh(id);
    }
}

/// Folds a standing note away on every form (or unfolds it), and remembers the choice.
fn fold(code: &str, folded: bool) {
    let mut all = FOLDED.with(|f| f.borrow().clone());
    all.retain(|c| c != code);
    if folded {
        all.push(code.to_string());
    }
    set_folded(all.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let codes: js_sys::Array = all.iter().map(|c| JsValue::from_str(c)).collect();
        if let Err(e) = browser::save_value(FOLDED_KEY, &codes).await {
            log::js_error("remembering a folded note", &e);
        }
    });
}

/// Drops forms that left the page and annotates forms that are new.
fn scan() {
    if log::stopped() {
        return;
    }
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
    // A form found before its Create control arrived (a dialog built in steps) is held
    // back by it from the look after it arrives.
    let without_create: Vec<(u32, Element)> = FORMS.with(|forms| {
        forms
            .borrow()
            .iter()
            .filter(|f| f.create.is_none())
            .map(|f| (f.id, f.root.clone()))
            .collect()
    });
    for (id, root) in without_create {
        if let (_, Some(create)) = detect::climb_to_create(root) {
            with_form(id, |f| f.create = Some(create));
        }
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
        let create = found.kind == allot_core::labels::FormKind::CreateCompany;
        FORMS.with(|f| f.borrow_mut().push(FormState::new(id, found)));
        new_ids.push(id);
        if create && !CREATE_FORM_TOLD.with(|t| t.replace(true)) {
            crate::sent::create_form_found();
        }
    }
    if !new_ids.is_empty() {
        // Read again for each new form: an organization's policy can arrive after the
        // page loaded (the browser loads it after start, without a change event).
        wasm_bindgen_futures::spawn_local(async { set_options(settings::options().await) });
    }
    let warm_up = !new_ids.is_empty() && !WARMED.with(|w| w.replace(true));
    for id in new_ids {
        refresh(id);
    }
    if warm_up {
        let (forms, field) = FORMS.with(|forms| {
            let forms = forms.borrow();
            let kinds = forms
                .iter()
                .map(|f| (f.kind, f.fields.iter().map(|(field, _)| *field).collect()))
                .collect();
            let field = forms
                .first()
                .and_then(|f| f.fields.first())
                .map(|(_, el)| el.clone());
            (kinds, field)
        });
        warm::soon(forms, field, options());
    }
}

/// Runs the rules on one form and shows what they say.
///
/// While the partner is pressing on the page (a press that took focus from a field and
/// so made it "left"), nothing moves: the update waits until the press's click has been
/// handled, so the click lands where the partner aimed.
fn refresh(id: u32) {
    if log::stopped() {
        return;
    }
    if dom::pointer_is_down() {
        refresh_after_press(id);
        return;
    }
    let Some(doc) = dom::document() else {
        return;
    };
    let opts = options();
    let folded = FOLDED.with(|f| f.borrow().clone());
    with_form(id, |form| {
        let (snap, findings) = form.check(&opts);
        let ultrasafe = snap.ultrasafe.unwrap_or(false);
        drop(snap);
        let shown = render::render(&doc, form, &findings, &folded)
            .and_then(|_| ack::sync(&doc, form, ultrasafe, &findings))
            .and_then(|_| summary::refresh(&doc, form, &findings));
        if let Err(e) = shown {
            log::js_error("showing messages", &e);
        }
    });
}

/// The partner left `field`: it may speak now, and the live region says what it shows.
fn left(id: u32, field: allot_core::FieldId) {
    with_form(id, |f| {
        f.touched.insert(field);
        if f.typing == Some(field) {
            f.typing = None;
        }
    });
    refresh(id);
    let Some(doc) = dom::document() else {
        return;
    };
    let opts = options();
    with_form(id, |form| {
        let findings = form.findings(&opts);
        if let Err(e) = live::announce(&doc, form, field, &findings) {
            log::js_error("announcing a message", &e);
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

/// The partner typed in `field`: what no longer applies goes at once, the checklist
/// follows; anything new waits until a pause (or until the partner leaves the field).
fn typed(id: u32, field: allot_core::FieldId) {
    with_form(id, |f| {
        f.typing = Some(field);
        f.last_key_ms = js_sys::Date::now();
    });
    pause_soon(TYPING_PAUSE_MS);
    refresh(id);
}

/// Ends the typing of every form whose last key is `TYPING_PAUSE_MS` old when the page's
/// one pause timer fires (no timer per key press: a key press only notes its time), and
/// sets it again for a form still being typed in.
fn pause_soon(after_ms: u32) {
    if PAUSE_SET.with(|p| p.replace(true)) {
        return;
    }
    Timeout::new(after_ms, || {
        PAUSE_SET.with(|p| p.set(false));
        let now = js_sys::Date::now();
        let typing: Vec<(u32, f64)> = FORMS.with(|forms| {
            forms
                .borrow()
                .iter()
                .filter(|f| f.typing.is_some())
                .map(|f| (f.id, now - f.last_key_ms))
                .collect()
        });
        let pause = f64::from(TYPING_PAUSE_MS);
        let mut soonest = None::<f64>;
        for (id, since) in typing {
            if since >= pause {
                with_form(id, |f| f.typing = None);
                refresh(id);
            } else {
                soonest = Some(soonest.map_or(pause - since, |s: f64| s.min(pause - since)));
            }
        }
        if let Some(wait) = soonest {
            // Whole milliseconds, rounded up, so the next look is never early (and never
            // later than a pause, should the clock move back).
            pause_soon(wait.min(pause).ceil() as u32);
        }
    })
    .forget();
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
    add(&doc, "input", true, on_input);
    add(&doc, "change", true, |ev| {
        if let Some((id, _)) = dom::event_element(&ev).and_then(|el| form_of(&el)) {
            refresh(id);
        }
    });
    add(&doc, "focusout", true, |ev| {
        if let Some((id, Some(field))) = dom::event_element(&ev).and_then(|el| form_of(&el)) {
            left(id, field);
        }
    });
    add(&win, "click", true, gate::on_click);
    add(&win, "keydown", true, gate::on_keydown);
    add(&win, "submit", true, gate::on_submit);
}

/// A field's value changed: a box's re-check now, a text field's as typing.
fn on_input(ev: Event) {
    if let Some((id, Some(field))) = dom::event_element(&ev).and_then(|el| form_of(&el)) {
        if field.is_checkbox() {
            refresh(id);
        } else {
            typed(id, field);
        }
    }
}

/// Adds a guarded listener that lives as long as the page.
fn add(target: &web_sys::EventTarget, kind: &str, capture: bool, f: fn(Event)) {
    crate::guard::listen(target, kind, capture, f);
}

/// One observer for the whole page: forms inserted later (dialogs) and re-rendered
/// forms are found within a frame of their insertion; Allot's own changes are ignored.
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
            scan_soon();
        }
    });
    let observer = match MutationObserver::new(&crate::guard::guarded(cb.as_ref())) {
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

/// Looks for new forms now, unless a look was made within the last frame: then once
/// more when that frame's quiet time ends (however many changes come before it).
fn scan_soon() {
    if SCAN_QUIET.with(|q| q.get()) {
        SCAN_DUE.with(|d| d.set(true));
        return;
    }
    SCAN_QUIET.with(|q| q.set(true));
    scan();
    Timeout::new(SCAN_COALESCE_MS, || {
        SCAN_QUIET.with(|q| q.set(false));
        if SCAN_DUE.with(|d| d.replace(false)) {
            scan_soon();
        }
    })
    .forget();
}

/// Allot's own nodes (removed ones are detached, so check the marker directly too).
fn is_own_node(n: &web_sys::Node) -> bool {
    n.dyn_ref::<Element>()
        .map(|e| e.has_attribute(dom::OWN_ATTR))
        .unwrap_or(false)
        || is_own(n)
}
