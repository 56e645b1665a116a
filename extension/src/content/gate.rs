//! Holds back a Create that would fail: window capture-phase listeners see the click,
//! key or submit before the page's own handlers, and stop it while errors remain. One
//! Create let through passes whole (the click and the submit it causes, Enter and the
//! click it causes). Also handles Allot's own controls (suggestions, summary links,
//! "Create with N problems", folding a standing note).

use super::{form_of, options, refresh, summary, with_form, FORMS};
use crate::dom::{self, event_element};
use crate::log;
use allot_core::finding::blocks_create;
use allot_core::resize::SentCreate;
use allot_core::voice;
use allot_core::FieldId;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, KeyboardEvent};

pub fn on_click(ev: Event) {
    let Some(el) = event_element(&ev) else {
        return;
    };
    if let Ok(Some(button)) = el.closest("[data-allot-suggest]") {
        apply_suggestion(&ev, &button);
        return;
    }
    if let Ok(Some(link)) = el.closest("[data-allot-summary-link]") {
        ev.prevent_default();
        focus_field(&link);
        return;
    }
    if let Ok(Some(anyway)) = el.closest("[data-allot-override]") {
        ev.prevent_default();
        allow_next_create(&anyway);
        return;
    }
    if let Ok(Some(button)) = el.closest("[data-allot-fold], [data-allot-unfold]") {
        ev.prevent_default();
        fold_note(&button);
        return;
    }
    if let Some(id) = create_form(&el) {
        check_create(&ev, id);
    }
}

pub fn on_keydown(ev: Event) {
    let Some(key) = ev.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    // Enter's key code is 13 (IME composition reports 229): every other key is let be
    // without reading its name, which costs a string on each key press.
    const ENTER_KEY_CODE: u32 = 13;
    if key.key_code() != ENTER_KEY_CODE
        || key.key() != "Enter"
        || key.shift_key()
        || key.ctrl_key()
        || key.alt_key()
        || key.meta_key()
    {
        return;
    }
    let Some(el) = event_element(&ev) else {
        return;
    };
    // Enter on the Create control arrives as a click; Enter in a text field of the form
    // is the page's shortcut for Create (or an implicit submit).
    let in_text_field = matches!(form_of(&el), Some((_, Some(f))) if !f.is_checkbox());
    if in_text_field && el.tag_name().eq_ignore_ascii_case("input") {
        if let Some((id, _)) = form_of(&el) {
            check_create(&ev, id);
        }
    }
}

pub fn on_submit(ev: Event) {
    let Some(el) = event_element(&ev) else {
        return;
    };
    let id = FORMS.with(|forms| {
        forms
            .borrow()
            .iter()
            .find(|f| el.contains(Some(f.root.as_ref())) || f.root.contains(Some(el.as_ref())))
            .map(|f| f.id)
    });
    if let Some(id) = id {
        check_create(&ev, id);
    }
}

/// The form whose Create control the element is (or is inside).
fn create_form(el: &Element) -> Option<u32> {
    FORMS.with(|forms| {
        forms
            .borrow()
            .iter()
            .find(|f| f.is_create(el))
            .map(|f| f.id)
    })
}

/// Lets the Create through, or stops it and shows the summary.
fn check_create(ev: &Event, id: u32) {
    let Some(doc) = dom::document() else {
        return;
    };
    let opts = options();
    let mut record = None;
    let mut started_pass = false;
    let blocked = with_form(id, |form| {
        if form.passing {
            return Some(false);
        }
        form.create_attempted = true;
        // Every field speaks now, the one being typed in too.
        form.typing = None;
        let findings = form.findings(&opts);
        let overridden = form.override_for.take().is_some_and(|allowed| {
            summary::errors(&findings)
                .iter()
                .all(|f| voice::overridable(f) && allowed.contains(&f.code))
        });
        if overridden || !blocks_create(&findings) {
            summary::remove(form);
            record = sent(form);
            form.passing = true;
            started_pass = true;
            return Some(false);
        }
        ev.prevent_default();
        ev.stop_immediate_propagation();
        if let Err(e) = summary::show(&doc, form, &findings) {
            log::js_error("showing the summary", &e);
        }
        Some(true)
    })
    .flatten();
    if started_pass {
        end_pass_with_task(id);
    }
    // Told with no form borrowed: the fix reads the page now, before the Create leaves.
    if let Some(record) = record {
        crate::sent::hand_over(record);
    }
    refresh(id);
    if blocked == Some(true) {
        let shown = FORMS.with(|forms| {
            forms
                .borrow()
                .iter()
                .find(|f| f.id == id)
                .and_then(|f| f.summary.clone())
        });
        if let Some(s) = shown {
            dom::focus(&s);
        }
    }
}

/// A Create goes to the dashboard: the record the allocation fix needs (what was asked,
/// never a password or a secret answer), for a company with a quota that reads, an admin
/// account made now and Is Managed not unticked (else there is nothing the fix can do).
fn sent(form: &super::form::FormState) -> Option<SentCreate> {
    if form.kind != allot_core::labels::FormKind::CreateCompany {
        return None;
    }
    let snap = form.snapshot();
    if snap.admin_later() || snap.is_managed == Some(false) {
        return None;
    }
    let quota_gb =
        allot_core::size::parse_size(snap.quota_gb.as_deref().unwrap_or_default()).ok()?;
    Some(SentCreate {
        company: snap
            .company_name
            .as_deref()
            .unwrap_or_default()
            .trim()
            .to_string(),
        admin_username: snap
            .username
            .as_deref()
            .unwrap_or_default()
            .trim()
            .to_string(),
        quota_gb,
        at_ms: js_sys::Date::now().max(0.0) as u64,
        ..SentCreate::default()
    })
}

/// The form whose message boxes or summary (Allot's own parts) hold `el`.
fn owner(el: &Element) -> Option<u32> {
    let holds = |part: &Element| part.contains(Some(el.as_ref()));
    FORMS.with(|forms| {
        forms
            .borrow()
            .iter()
            .find(|f| {
                f.boxes.iter().any(|(_, b)| holds(b)) || f.summary.as_ref().is_some_and(holds)
            })
            .map(|f| f.id)
    })
}

/// The page's control for `field` in form `id`.
fn control(id: u32, field: FieldId) -> Option<Element> {
    FORMS.with(|forms| {
        forms
            .borrow()
            .iter()
            .find(|f| f.id == id)
            .and_then(|f| f.element(field).cloned())
    })
}

/// Applies a suggestion the partner clicked: the field's value, as if typed.
fn apply_suggestion(ev: &Event, button: &Element) {
    ev.prevent_default();
    let Some(value) = button.get_attribute("data-allot-suggest") else {
        return;
    };
    let field = button
        .closest("[data-allot-for]")
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute("data-allot-for"))
        .and_then(|f| FieldId::parse(&f));
    if let Some(input) = field.zip(owner(button)).and_then(|(f, id)| control(id, f)) {
        // No borrow is held here: the page's (and Allot's) input listeners run now.
        dom::set_value_as_partner(&input, &value);
        dom::focus(&input);
    }
}

/// Moves focus to the field a summary link names, or to the UltraSafe acknowledgment.
fn focus_field(link: &Element) {
    let Some(id) = owner(link) else {
        return;
    };
    let target = link.get_attribute("data-allot-summary-link");
    let el = if target.as_deref() == Some("ultrasafe_ack") {
        FORMS.with(|forms| {
            forms
                .borrow()
                .iter()
                .find(|f| f.id == id)
                .and_then(|f| f.ack_box())
        })
    } else {
        target
            .and_then(|f| FieldId::parse(&f))
            .and_then(|f| control(id, f))
    };
    if let Some(el) = el {
        dom::focus(&el);
    }
}

/// The pass of a Create let through ends with the task that let it through: the events
/// the same Create fires (submit after the click) come within it, a new Create does not.
fn end_pass_with_task(id: u32) {
    Timeout::new(0, move || {
        with_form(id, |f| f.passing = false);
    })
    .forget();
}

/// "Create with N problems": the next Create goes through as the partner asked, if it
/// has no error but those the partner saw (and never without the acknowledgment).
fn allow_next_create(button: &Element) {
    let Some(id) = owner(button) else {
        return;
    };
    let opts = options();
    let create = with_form(id, |f| {
        let findings = f.findings(&opts);
        let errors = summary::errors(&findings);
        f.override_for = Some(errors.iter().map(|e| e.code.clone()).collect());
        summary::remove(f);
        f.create.clone()
    })
    .flatten();
    // The partner's next step is Create itself: Enter or Space now sends it.
    if let Some(c) = create {
        dom::focus(&c);
    }
}

/// "Hide" on a standing note folds it away on every form; "Note" unfolds it.
fn fold_note(button: &Element) {
    let folding = button.has_attribute("data-allot-fold");
    let code = button
        .get_attribute("data-allot-fold")
        .or_else(|| button.get_attribute("data-allot-unfold"));
    let field = button
        .closest("[data-allot-for]")
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute("data-allot-for"));
    if let Some(code) = code {
        super::fold(&code, folding);
    }
    // Focus stays on the note's control, now "Note" or "Hide".
    let selector = if folding {
        "[data-allot-unfold]"
    } else {
        "[data-allot-fold]"
    };
    if let Some(field) = field {
        let again = dom::document().and_then(|d| {
            d.query_selector(&format!("[data-allot-for=\"{field}\"] {selector}"))
                .ok()
                .flatten()
        });
        if let Some(b) = again {
            dom::focus(&b);
        }
    }
}
