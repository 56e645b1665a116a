//! The form's one live region (visually hidden, polite): when the partner leaves a field
//! it says that field's message, once. The message boxes themselves are not live, so
//! typing is never talked over.

use super::form::FormState;
use super::message::tag;
use crate::dom::make;
use allot_core::{FieldId, Finding};
use wasm_bindgen::JsValue;
use web_sys::Document;

/// Says what `field` shows now (nothing when it shows nothing).
pub fn announce(
    doc: &Document,
    form: &mut FormState,
    field: FieldId,
    findings: &[Finding],
) -> Result<(), JsValue> {
    let said = form
        .shown(field)
        .and_then(|code| findings.iter().find(|f| f.field == field && f.code == code));
    let text = match said {
        Some(f) => format!("{}: {}: {}", field.label(), tag(f.severity).1, f.message),
        None => String::new(),
    };
    let region = match form.live.clone().filter(|l| l.is_connected()) {
        Some(r) => r,
        None => {
            let r = make(doc, "div", "allot-vh")?;
            r.set_attribute("data-allot-live", "")?;
            r.set_attribute("role", "status")?;
            r.set_attribute("aria-live", "polite")?;
            form.root.append_child(&r)?;
            form.live = Some(r.clone());
            r
        }
    };
    if region.text_content().as_deref() != Some(text.as_str()) {
        region.set_text_content(Some(&text));
    }
    Ok(())
}
