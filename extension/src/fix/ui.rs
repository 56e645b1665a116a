//! The allocation fix's boxes in Allot's panel (`panel`): the offer (with the size the
//! partner can edit), the progress with its six steps and Cancel, and the outcome (done,
//! or failed with the steps left to do by hand and, while the fix waits, a way to try
//! again in the same box). Each box says its state in a word and an icon, not by colour
//! alone, and carries the one line the panel's live region says for it.

use super::panel::{self, LINE};
use crate::dom::{append_text, make};
use allot_core::resize::{Job, Status, Step};
use std::cell::Cell;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// A fresh id for an element Allot labels or describes another with.
fn new_id() -> String {
    let n = NEXT_ID.with(|c| c.replace(c.get() + 1));
    format!("allot-fix-{n}")
}

fn button(
    doc: &Document,
    parent: &Element,
    text: &str,
    attr: &str,
    job: &Job,
) -> Result<Element, JsValue> {
    let b = append_text(doc, parent, "button", "allot-button", text)?;
    b.set_attribute("type", "button")?;
    b.set_attribute(attr, "")?;
    b.set_attribute("data-allot-job", &job.id)?;
    Ok(b)
}

/// A heading with a state's icon (hidden from screen readers) and word.
fn heading(
    doc: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    icon: &str,
    word: &str,
) -> Result<Element, JsValue> {
    let h = make(doc, tag, class)?;
    h.set_attribute("id", &new_id())?;
    if !icon.is_empty() {
        let i = append_text(doc, &h, "span", "allot-icon", icon)?;
        i.set_attribute("aria-hidden", "true")?;
        h.append_child(&doc.create_text_node(" "))?;
    }
    h.append_child(&doc.create_text_node(word))?;
    parent.append_child(&h)?;
    Ok(h)
}

/// One of the fix's boxes: its kind's attribute (the DOM contract), a group named by its
/// heading (icon and word), and the fix it is about.
fn new_box(
    doc: &Document,
    class: &str,
    attr: &str,
    (icon, word): (&str, &str),
    job: &Job,
) -> Result<Element, JsValue> {
    let box_ = make(doc, "div", &format!("allot-box {class}"))?;
    box_.set_attribute(attr, "")?;
    box_.set_attribute("role", "group")?;
    box_.set_attribute("data-allot-job", &job.id)?;
    let h = heading(doc, &box_, "h3", "allot-box-head", icon, word)?;
    if let Some(id) = h.get_attribute("id") {
        box_.set_attribute("aria-labelledby", &id)?;
    }
    Ok(box_)
}

/// Adds a box to the panel and brings the panel up to date.
fn show(doc: &Document, box_: &Element) -> Result<(), JsValue> {
    panel::boxes(doc)?.append_child(box_)?;
    panel::refresh(doc);
    Ok(())
}

/// Removes every box of one kind (`data-allot-resize-offer`, ...).
pub fn clear(doc: &Document, attr: &str) {
    if let Ok(list) = doc.query_selector_all(&format!("[{attr}]")) {
        for i in 0..list.length() {
            if let Some(n) = list.item(i) {
                if let Some(p) = n.parent_node() {
                    let _ = p.remove_child(&n);
                }
            }
        }
    }
    panel::refresh(doc);
}

/// Removes one box the partner dismissed.
pub fn dismiss(doc: &Document, box_: &Element) {
    box_.remove();
    panel::refresh(doc);
}

/// The failure box shown for fix `id`, if any.
fn failure_of(doc: &Document, id: &str) -> Option<Element> {
    let list = doc.query_selector_all("[data-allot-resize-failed]").ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<Element>(n).ok())
        .find(|b| b.get_attribute("data-allot-job").as_deref() == Some(id))
}

/// Shows the offer for `job`: inside the failure box just shown for it (one box: what
/// went wrong, the steps by hand, and "try again"), else as a box of its own. Returns
/// the offer's element (`data-allot-resize-offer`).
pub fn show_offer(doc: &Document, job: &Job) -> Result<Element, JsValue> {
    let offer = match failure_of(doc, &job.id) {
        Some(failure) => {
            let part = make(doc, "div", "allot-retry")?;
            part.set_attribute("data-allot-resize-offer", "")?;
            part.set_attribute("data-allot-job", &job.id)?;
            part.set_attribute("role", "group")?;
            let h = heading(doc, &part, "h4", "allot-retry-head", "", "Try again")?;
            if let Some(id) = h.get_attribute("id") {
                part.set_attribute("aria-labelledby", &id)?;
            }
            size_controls(doc, &part, job)?;
            let dismiss = failure.query_selector(":scope > [data-allot-dismiss]")?;
            failure.insert_before(&part, dismiss.as_ref().map(AsRef::as_ref))?;
            panel::refresh(doc);
            part
        }
        None => {
            let box_ = offer(doc, job)?;
            show(doc, &box_)?;
            box_
        }
    };
    Ok(offer)
}

/// "HighTech's admin backup account is 5 GB; you asked for 10 GB", an editable size
/// and the button that starts the fix.
fn offer(doc: &Document, job: &Job) -> Result<Element, JsValue> {
    let r = &job.request;
    let box_ = new_box(
        doc,
        "allot-offer",
        "data-allot-resize-offer",
        ("\u{21bb}", "Fix waiting"),
        job,
    )?;
    let title = format!(
        "{}'s admin backup account is 5 GB; you asked for {} GB.",
        r.company.trim(),
        r.requested_gb
    );
    append_text(doc, &box_, "p", "allot-box-title", &title)?;
    let mut line = format!("Allot: {title}");
    if matches!(job.status, Status::Cancelled | Status::Failed) {
        if let Some(o) = &job.outcome {
            append_text(doc, &box_, "p", "allot-box-note", o)?;
            line = format!("{line} {o}");
        }
    }
    box_.set_attribute(LINE, &line)?;
    size_controls(doc, &box_, job)?;
    append_text(
        doc,
        &box_,
        "p",
        "allot-box-note",
        "Allot will do the dashboard's own steps for you: View & Manage Companies, Login as Company Admin, Change Account Size, check the Home page, then resume your partner session. It changes nothing else.",
    )?;
    Ok(box_)
}

/// The offer's size field, its messages, "Resize it now" and "Not now".
fn size_controls(doc: &Document, parent: &Element, job: &Job) -> Result<(), JsValue> {
    let label = make(doc, "label", "allot-box-field")?;
    append_text(doc, &label, "span", "", "New size in GB ")?;
    let input = make(doc, "input", "allot-box-input")?;
    input.set_attribute("type", "text")?;
    input.set_attribute("inputmode", "numeric")?;
    input.set_attribute("value", &job.request.requested_gb.to_string())?;
    input.set_attribute("data-allot-resize-size", "")?;
    input.set_attribute("data-allot-job", &job.id)?;
    label.append_child(&input)?;
    parent.append_child(&label)?;
    let msgs = make(doc, "div", "allot-box-msgs")?;
    let msgs_id = new_id();
    msgs.set_attribute("id", &msgs_id)?;
    msgs.set_attribute("data-allot-resize-messages", "")?;
    input.set_attribute("aria-describedby", &msgs_id)?;
    parent.append_child(&msgs)?;
    button(doc, parent, "Resize it now", "data-allot-resize-start", job)?;
    let later = button(doc, parent, "Not now", "data-allot-resize-not-now", job)?;
    later.set_attribute("class", "allot-button allot-button-quiet")?;
    Ok(())
}

/// "Allot is resizing HighTech's admin backup account to 10 GB. Step 3 of 6: ...".
fn progress_text(job: &Job) -> String {
    format!(
        "Allot is resizing {}'s admin backup account to {} GB. {}",
        job.request.company.trim(),
        job.request.requested_gb,
        job.progress_text()
    )
}

/// The six steps, each marked done, now or to do (an icon and a word for screen
/// readers; the current one also `aria-current`).
fn fill_steps(doc: &Document, list: &Element, now: Step) -> Result<(), JsValue> {
    list.set_text_content(None);
    for step in Step::ALL {
        let (state, icon, word) = match step.cmp(&now) {
            std::cmp::Ordering::Less => ("done", "\u{2713}", "done: "),
            std::cmp::Ordering::Equal => ("now", "\u{25b8}", "now: "),
            std::cmp::Ordering::Greater => ("todo", "", "to do: "),
        };
        let li = make(doc, "li", &format!("allot-step allot-step-{state}"))?;
        let i = append_text(doc, &li, "span", "allot-icon", icon)?;
        i.set_attribute("aria-hidden", "true")?;
        append_text(doc, &li, "span", "allot-hide", word)?;
        li.append_child(&doc.create_text_node(step.title()))?;
        if state == "now" {
            li.set_attribute("aria-current", "step")?;
        }
        list.append_child(&li)?;
    }
    Ok(())
}

/// The progress: "Step 3 of 6: ...", the six steps, and Cancel. Called on every look
/// at the page: it changes the page only when the step does.
pub fn progress(doc: &Document, job: &Job) -> Result<(), JsValue> {
    let text = progress_text(job);
    let number = job.step.number().to_string();
    if let Some(p) = doc.query_selector("[data-allot-resize-progress]")? {
        if p.get_attribute("data-allot-step").as_deref() != Some(number.as_str()) {
            p.set_attribute("data-allot-step", &number)?;
            if let Some(list) = p.query_selector(".allot-step-list")? {
                fill_steps(doc, &list, job.step)?;
            }
            panel::refresh(doc);
        }
        if let Some(t) = p.query_selector(".allot-progress-text")? {
            if t.text_content().as_deref() != Some(text.as_str()) {
                t.set_text_content(Some(&text));
            }
        }
        return Ok(());
    }
    let box_ = new_box(
        doc,
        "allot-progress",
        "data-allot-resize-progress",
        ("\u{2026}", "Resizing"),
        job,
    )?;
    box_.set_attribute("data-allot-step", &number)?;
    box_.set_attribute(
        LINE,
        &format!(
            "Allot is resizing {}'s admin backup account to {} GB: {}.",
            job.request.company.trim(),
            job.request.requested_gb,
            job.step.label().to_lowercase()
        ),
    )?;
    append_text(doc, &box_, "p", "allot-progress-text", &text)?;
    let list = make(doc, "ol", "allot-step-list")?;
    fill_steps(doc, &list, job.step)?;
    box_.append_child(&list)?;
    button(doc, &box_, "Cancel", "data-allot-resize-cancel", job)?;
    show(doc, &box_)
}

/// The fix is done: what is true now.
pub fn done(doc: &Document, job: &Job) -> Result<(), JsValue> {
    let box_ = new_box(
        doc,
        "allot-done",
        "data-allot-resize-done",
        ("\u{2713}", "Done"),
        job,
    )?;
    let title = format!(
        "{}'s admin backup account is now {} GB, checked {}. You are back in your partner session.",
        job.request.company.trim(),
        job.request.requested_gb,
        if job.allocated_checked {
            "in the company's session and in the companies list"
        } else {
            "in the company's session"
        }
    );
    append_text(doc, &box_, "p", "allot-box-title", &title)?;
    box_.set_attribute(LINE, &format!("Allot: done. {title}"))?;
    button(doc, &box_, "Dismiss", "data-allot-dismiss", job)?;
    show(doc, &box_)
}

/// The fix stopped: why, and the steps left to do by hand (the offer to try again joins
/// this box, see [`show_offer`]).
pub fn failed(doc: &Document, job: &Job, reason: &str, steps: &[String]) -> Result<(), JsValue> {
    let box_ = new_box(
        doc,
        "allot-failed",
        "data-allot-resize-failed",
        ("\u{26a0}", "Stopped"),
        job,
    )?;
    let title = format!("Allot stopped: {reason}");
    append_text(doc, &box_, "p", "allot-box-title", &title)?;
    let mut line = title.clone();
    if !steps.is_empty() {
        append_text(doc, &box_, "p", "", "To finish by hand:")?;
        let list = make(doc, "ol", "allot-steps")?;
        for s in steps {
            append_text(doc, &list, "li", "", s)?;
        }
        box_.append_child(&list)?;
        line = format!(
            "{} The steps to finish by hand are in Allot's panel.",
            title.trim_end()
        );
    }
    box_.set_attribute(LINE, &line)?;
    button(doc, &box_, "Dismiss", "data-allot-dismiss", job)?;
    show(doc, &box_)
}

/// One message under the offer's size: a visible word for its severity, then the text.
fn message(doc: &Document, msgs: &Element, severity: &str, text: &str) -> Result<Element, JsValue> {
    let m = make(
        doc,
        "div",
        &format!("allot-box-msg allot-box-msg-{severity}"),
    )?;
    let word = match severity {
        "error" => "Error: ",
        "warning" => "Warning: ",
        _ => "Note: ",
    };
    append_text(doc, &m, "span", "allot-box-word", word)?;
    m.append_child(&doc.create_text_node(text))?;
    msgs.append_child(&m)?;
    Ok(m)
}

/// Marks the offer's size field invalid (or not) and says its first message.
fn after_messages(doc: &Document, offer: &Element, invalid: bool, first: Option<&str>) {
    if let Ok(Some(input)) = offer.query_selector("[data-allot-resize-size]") {
        let _ = if invalid {
            input.set_attribute("aria-invalid", "true")
        } else {
            input.remove_attribute("aria-invalid")
        };
    }
    if let Some(text) = first {
        panel::say(doc, text);
    }
}

/// Shows the core's findings about the offer's size under its field.
pub fn size_messages(
    doc: &Document,
    offer: &Element,
    findings: &[allot_core::Finding],
) -> Result<(), JsValue> {
    let Some(msgs) = offer.query_selector("[data-allot-resize-messages]")? else {
        return Ok(());
    };
    let before = msgs.text_content().unwrap_or_default();
    msgs.set_text_content(None);
    for f in findings {
        let m = message(doc, &msgs, f.severity.as_str(), &f.message)?;
        m.set_attribute("data-allot-code", &f.code)?;
        m.set_attribute("data-allot-severity", f.severity.as_str())?;
    }
    let invalid = allot_core::finding::blocks_create(findings);
    let first = findings.first().map(|f| f.message.as_str());
    // Said again only when what shows changed (each key press re-checks the size).
    let changed = msgs.text_content().unwrap_or_default() != before;
    after_messages(doc, offer, invalid, first.filter(|_| changed));
    Ok(())
}

/// Says under the offer's size why the fix did not start.
pub fn offer_note(doc: &Document, offer: &Element, text: &str) -> Result<(), JsValue> {
    let Some(msgs) = offer.query_selector("[data-allot-resize-messages]")? else {
        return Ok(());
    };
    msgs.set_text_content(None);
    message(doc, &msgs, "error", text)?;
    after_messages(doc, offer, false, Some(text));
    Ok(())
}
