//! The error summary shown when Allot holds back a Create: GOV.UK style, at the top of
//! the form, focused, one link per error that moves focus to its field, and a
//! "Create anyway" control that lets the next Create through unchanged.

use super::form::FormState;
use crate::dom::{self, make, make_text};
use allot_core::{Finding, Severity};
use wasm_bindgen::JsValue;
use web_sys::Document;

/// Shows (or refreshes) the summary with the form's errors; removes it when none are left.
pub fn show(doc: &Document, form: &mut FormState, findings: &[Finding]) -> Result<(), JsValue> {
    let errors: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        remove(form);
        return Ok(());
    }
    // The same errors: the summary on screen stays as it is (with its focus).
    let signature: Vec<String> = errors
        .iter()
        .map(|f| format!("{}|{}|{}", f.field.as_str(), f.code, f.message))
        .collect();
    let signature = signature.join("\n");
    if let Some(old) = form.summary.as_ref().filter(|s| s.is_connected()) {
        if old.get_attribute("data-allot-sig").as_deref() == Some(signature.as_str()) {
            return Ok(());
        }
    }
    let summary = make(doc, "div", "allot-summary")?;
    summary.set_attribute("data-allot-summary", "")?;
    summary.set_attribute("role", "alert")?;
    summary.set_attribute("tabindex", "-1")?;
    summary.set_attribute("data-allot-sig", &signature)?;
    summary.append_child(&web_sys::Node::from(make_text(
        doc,
        "h2",
        "allot-summary-title",
        "There is a problem",
    )?))?;
    summary.append_child(&web_sys::Node::from(make_text(
        doc,
        "p",
        "allot-summary-lead",
        "Allot held back Create: the dashboard would refuse it or it would do harm. Fix these first.",
    )?))?;
    let list = make(doc, "ul", "allot-summary-list")?;
    for f in errors {
        let item = make(doc, "li", "")?;
        let link = make_text(doc, "a", "allot-summary-link", &f.message)?;
        link.set_attribute("href", "#")?;
        link.set_attribute("data-allot-summary-link", f.field.as_str())?;
        link.set_attribute("data-allot-code", &f.code)?;
        item.append_child(&link)?;
        list.append_child(&item)?;
    }
    summary.append_child(&list)?;
    let anyway = make_text(doc, "button", "allot-override", "Create anyway")?;
    anyway.set_attribute("type", "button")?;
    anyway.set_attribute("data-allot-override", "")?;
    summary.append_child(&anyway)?;
    match form.summary.take().filter(|s| s.is_connected()) {
        Some(old) => {
            let had_focus = doc.active_element().as_ref() == Some(&old);
            old.replace_with_with_node_1(&summary)?;
            if had_focus {
                dom::focus(&summary);
            }
        }
        None => form.root.prepend_with_node_1(&summary)?,
    }
    form.summary = Some(summary);
    Ok(())
}

/// Updates a summary already on screen (never shows one that is not).
pub fn refresh(doc: &Document, form: &mut FormState, findings: &[Finding]) -> Result<(), JsValue> {
    if form
        .summary
        .as_ref()
        .map(|s| s.is_connected())
        .unwrap_or(false)
    {
        show(doc, form, findings)?;
    }
    Ok(())
}

pub fn remove(form: &mut FormState) {
    if let Some(s) = form.summary.take() {
        s.remove();
    }
}
