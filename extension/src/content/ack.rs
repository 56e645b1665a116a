//! Allot's UltraSafe acknowledgment: a checkbox under "Is Ultrasafe ?" while it is
//! ticked, required before Create, because both choices are permanent. While Create is
//! held back for it, its error is shown inside it and the checkbox carries it
//! (aria-invalid, aria-describedby), so the summary's link lands on the checkbox.

use super::form::FormState;
use super::message::{self, Look};
use super::render::{describe, message_id};
use crate::dom::{make, make_text};
use allot_core::ultrasafe::ACK_TEXT;
use allot_core::{voice, FieldId, Finding};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// Shows the acknowledgment while UltraSafe is on (with its error, if any) and removes
/// it when UltraSafe is off.
pub fn sync(
    doc: &Document,
    form: &mut FormState,
    on: bool,
    findings: &[Finding],
) -> Result<(), JsValue> {
    if !on {
        if let Some(a) = form.ack.take() {
            a.remove();
        }
        return Ok(());
    }
    let wrap = match form.ack.clone().filter(|a| a.is_connected()) {
        Some(wrap) => wrap,
        None => {
            let Some(wrap) = make_ack(doc, form)? else {
                return Ok(());
            };
            form.ack = Some(wrap.clone());
            wrap
        }
    };
    let error = findings.iter().find(|f| voice::is_ack_error(&f.code));
    show_error(doc, form.id, &wrap, error)?;
    if let Some(input) = form.ack_box() {
        let id = error.map(|f| message_id(form.id, f));
        describe(form.id, &input, id.as_deref(), error.is_some())?;
    }
    Ok(())
}

/// The acknowledgment, placed right after Is Ultrasafe's message.
fn make_ack(doc: &Document, form: &FormState) -> Result<Option<Element>, JsValue> {
    let Some(anchor) = form.box_of(FieldId::Ultrasafe).cloned() else {
        return Ok(None);
    };
    let wrap = make(doc, "div", "allot-ack")?;
    let label = make(doc, "label", "allot-ack-label")?;
    let input = make(doc, "input", "allot-ack-box")?;
    input.set_attribute("type", "checkbox")?;
    input.set_attribute("data-allot-ultrasafe-ack", "")?;
    label.append_child(&input)?;
    label.append_child(&web_sys::Node::from(make_text(
        doc,
        "span",
        "allot-ack-text",
        ACK_TEXT,
    )?))?;
    wrap.append_child(&label)?;
    anchor.after_with_node_1(&wrap)?;
    Ok(Some(wrap))
}

/// The acknowledgment's error inside it, or none.
fn show_error(
    doc: &Document,
    form_id: u32,
    wrap: &Element,
    error: Option<&Finding>,
) -> Result<(), JsValue> {
    let current = wrap.query_selector(".allot-msg").ok().flatten();
    match (error, current) {
        (None, Some(c)) => c.remove(),
        (Some(f), current) => {
            let id = message_id(form_id, f);
            let sig = message::signature(f, &Look::Plain);
            if let Some(c) = &current {
                if c.get_attribute("data-allot-sig").as_deref() == Some(sig.as_str()) {
                    return Ok(());
                }
                c.remove();
            }
            let el = message::build(doc, &id, f, &Look::Plain)?;
            wrap.append_child(&el)?;
        }
        (None, None) => {}
    }
    Ok(())
}
