//! Allot's UltraSafe acknowledgment: a checkbox beside "Is Ultrasafe ?" while it is
//! ticked, required before Create, because both choices are permanent.

use super::form::FormState;
use crate::dom::{make, make_text};
use allot_core::FieldId;
use wasm_bindgen::JsValue;
use web_sys::Document;

pub const ACK_TEXT: &str = "I understand: if this password is lost, the data can't be recovered, and UltraSafe can't be switched off later";

/// Shows the acknowledgment while UltraSafe is on and removes it when it is off.
pub fn sync(doc: &Document, form: &mut FormState) -> Result<(), JsValue> {
    let on = form.snapshot().ultrasafe.unwrap_or(false);
    if !on {
        if let Some(a) = form.ack.take() {
            a.remove();
        }
        return Ok(());
    }
    if form.ack.as_ref().map(|a| a.is_connected()).unwrap_or(false) {
        return Ok(());
    }
    let Some(anchor) = form
        .boxes
        .iter()
        .find(|(f, b)| *f == FieldId::Ultrasafe && b.is_connected())
        .map(|(_, b)| b.clone())
    else {
        return Ok(());
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
    form.ack = Some(wrap);
    Ok(())
}
