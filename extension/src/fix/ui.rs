//! The allocation fix's boxes on the dashboard: the offer (with the size the partner can
//! edit), the progress overlay with Cancel, and the outcome (done, or failed with the
//! steps left to do by hand). Fixed to a corner, so the page's layout never moves.

use crate::dom::{append_text, make};
use allot_core::resize::{Job, Status};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node};

/// Allot's fix panel: one per page, holding the boxes below.
pub fn panel(doc: &Document) -> Result<Element, JsValue> {
    if let Some(p) = doc.query_selector("[data-allot-fix-panel]")? {
        return Ok(p);
    }
    let p = make(doc, "div", "allot-panel")?;
    p.set_attribute("data-allot-fix-panel", "")?;
    let parent: Node = match doc.body() {
        Some(b) => b.into(),
        None => doc.document_element().ok_or("no page")?.into(),
    };
    parent.append_child(&p)?;
    Ok(p)
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

/// One of the fix's boxes: its kind's attribute (the DOM contract), its ARIA role, and
/// the fix it is about.
fn new_box(
    doc: &Document,
    class: &str,
    attr: &str,
    role: &str,
    job: &Job,
) -> Result<Element, JsValue> {
    let box_ = make(doc, "div", &format!("allot-box {class}"))?;
    box_.set_attribute(attr, "")?;
    box_.set_attribute("role", role)?;
    box_.set_attribute("data-allot-job", &job.id)?;
    Ok(box_)
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
}

/// "HighTech's admin backup account is 5 GB; you asked for 10 GB", an editable size
/// and the button that starts the fix.
pub fn offer(doc: &Document, job: &Job) -> Result<Element, JsValue> {
    let r = &job.request;
    let box_ = new_box(doc, "allot-offer", "data-allot-resize-offer", "region", job)?;
    box_.set_attribute("aria-label", "Allot: resize the admin backup account")?;
    append_text(
        doc,
        &box_,
        "p",
        "allot-box-title",
        &format!(
            "{}'s admin backup account is 5 GB; you asked for {} GB.",
            r.company.trim(),
            r.requested_gb
        ),
    )?;
    if matches!(job.status, Status::Cancelled | Status::Failed) {
        if let Some(o) = &job.outcome {
            append_text(doc, &box_, "p", "allot-box-note", o)?;
        }
    }
    let label = make(doc, "label", "allot-box-field")?;
    append_text(doc, &label, "span", "", "New size in GB ")?;
    let input = make(doc, "input", "allot-box-input")?;
    input.set_attribute("type", "text")?;
    input.set_attribute("inputmode", "numeric")?;
    input.set_attribute("value", &r.requested_gb.to_string())?;
    input.set_attribute("data-allot-resize-size", "")?;
    input.set_attribute("data-allot-job", &job.id)?;
    label.append_child(&input)?;
    box_.append_child(&label)?;
    let msgs = make(doc, "div", "allot-box-msgs")?;
    msgs.set_attribute("data-allot-resize-messages", "")?;
    msgs.set_attribute("aria-live", "polite")?;
    box_.append_child(&msgs)?;
    button(doc, &box_, "Resize it now", "data-allot-resize-start", job)?;
    let later = button(doc, &box_, "Not now", "data-allot-resize-not-now", job)?;
    later.set_attribute("class", "allot-button allot-button-quiet")?;
    append_text(
        doc,
        &box_,
        "p",
        "allot-box-note",
        "Allot will do the dashboard's own steps for you: View & Manage Companies, Login as Company Admin, Change Account Size, check the Home page, then resume your partner session. It changes nothing else.",
    )?;
    Ok(box_)
}

/// The progress overlay: "Step 3 of 6: ..." and Cancel.
pub fn progress(doc: &Document, job: &Job) -> Result<(), JsValue> {
    let text = format!(
        "Allot is resizing {}'s admin backup account to {} GB. {}",
        job.request.company.trim(),
        job.request.requested_gb,
        job.progress_text()
    );
    if let Some(p) = doc.query_selector("[data-allot-resize-progress]")? {
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
        "status",
        job,
    )?;
    append_text(doc, &box_, "p", "allot-progress-text", &text)?;
    button(doc, &box_, "Cancel", "data-allot-resize-cancel", job)?;
    panel(doc)?.append_child(&box_)?;
    Ok(())
}

/// The fix is done: what is true now.
pub fn done(doc: &Document, job: &Job) -> Result<(), JsValue> {
    let box_ = new_box(doc, "allot-done", "data-allot-resize-done", "status", job)?;
    append_text(
        doc,
        &box_,
        "p",
        "allot-box-title",
        &format!(
            "Done: {}'s admin backup account is now {} GB, checked {}. You are back in your partner session.",
            job.request.company.trim(),
            job.request.requested_gb,
            if job.allocated_checked {
                "in the company's session and in the companies list"
            } else {
                "in the company's session"
            }
        ),
    )?;
    button(doc, &box_, "Dismiss", "data-allot-dismiss", job)?;
    panel(doc)?.append_child(&box_)?;
    Ok(())
}

/// The fix stopped: why, and the steps left to do by hand.
pub fn failed(doc: &Document, job: &Job, reason: &str, steps: &[String]) -> Result<(), JsValue> {
    let box_ = new_box(
        doc,
        "allot-failed",
        "data-allot-resize-failed",
        "alert",
        job,
    )?;
    append_text(
        doc,
        &box_,
        "p",
        "allot-box-title",
        &format!("Allot stopped: {reason}"),
    )?;
    if !steps.is_empty() {
        append_text(doc, &box_, "p", "", "To finish by hand:")?;
        let list = make(doc, "ol", "allot-steps")?;
        for s in steps {
            append_text(doc, &list, "li", "", s)?;
        }
        box_.append_child(&list)?;
    }
    button(doc, &box_, "Dismiss", "data-allot-dismiss", job)?;
    panel(doc)?.append_child(&box_)?;
    Ok(())
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
    msgs.set_text_content(None);
    for f in findings {
        let m = append_text(
            doc,
            &msgs,
            "div",
            &format!("allot-msg allot-{}", f.severity.as_str()),
            &f.message,
        )?;
        m.set_attribute("data-allot-code", &f.code)?;
        m.set_attribute("data-allot-severity", f.severity.as_str())?;
    }
    Ok(())
}

/// Says under the offer's size why the fix did not start.
pub fn offer_note(doc: &Document, offer: &Element, message: &str) -> Result<(), JsValue> {
    let Some(msgs) = offer.query_selector("[data-allot-resize-messages]")? else {
        return Ok(());
    };
    msgs.set_text_content(None);
    append_text(doc, &msgs, "div", "allot-msg allot-error", message)?;
    Ok(())
}
