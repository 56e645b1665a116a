//! The error summary shown when Allot holds back a Create: GOV.UK style, at the top of
//! the form, focused when shown, one link per field with an error that moves focus to
//! that field (or to the UltraSafe acknowledgment), and "Create with N problems" that
//! lets one Create through unchanged. Updated in place while the partner fixes things.

use super::form::FormState;
use crate::dom::{append_text, make, make_text};
use allot_core::{voice, Finding, Severity};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// The errors the summary lists: each field's most important error, and the
/// acknowledgment's.
pub fn errors(findings: &[Finding]) -> Vec<&Finding> {
    let mut out: Vec<&Finding> = Vec::new();
    for f in findings.iter().filter(|f| f.severity == Severity::Error) {
        let ack = voice::is_ack_error(&f.code);
        if ack
            || !out
                .iter()
                .any(|o| o.field == f.field && !voice::is_ack_error(&o.code))
        {
            out.push(f);
        }
    }
    out
}

/// Shows (or updates) the summary with the form's errors; removes it when none are left.
pub fn show(doc: &Document, form: &mut FormState, findings: &[Finding]) -> Result<(), JsValue> {
    let errors = errors(findings);
    if errors.is_empty() {
        remove(form);
        return Ok(());
    }
    let summary = match form.summary.clone().filter(|s| s.is_connected()) {
        Some(s) => s,
        None => {
            let s = make_summary(doc, form.id)?;
            form.root.prepend_with_node_1(&s)?;
            form.summary = Some(s.clone());
            s
        }
    };
    let signature: Vec<String> = errors
        .iter()
        .map(|f| format!("{}|{}|{}", f.field.as_str(), f.code, f.message))
        .collect();
    let signature = signature.join("\n");
    if summary.get_attribute("data-allot-sig").as_deref() == Some(signature.as_str()) {
        return Ok(());
    }
    summary.set_attribute("data-allot-sig", &signature)?;
    fill_list(doc, &summary, &errors)?;
    set_override(doc, &summary, &errors)
}

/// The summary's frame: heading, lead, an empty list.
fn make_summary(doc: &Document, form_id: u32) -> Result<Element, JsValue> {
    let summary = make(doc, "div", "allot-summary")?;
    summary.set_attribute("data-allot-summary", "")?;
    summary.set_attribute("tabindex", "-1")?;
    let title_id = format!("allot-f{form_id}-summary-title");
    summary.set_attribute("aria-labelledby", &title_id)?;
    let title = append_text(
        doc,
        &summary,
        "h2",
        "allot-summary-title",
        "There is a problem",
    )?;
    title.set_id(&title_id);
    append_text(
        doc,
        &summary,
        "p",
        "allot-summary-lead",
        "Allot held back Create: the dashboard would refuse it or it would do harm. Fix these first.",
    )?;
    let list = make(doc, "ul", "allot-summary-list")?;
    summary.append_child(&list)?;
    Ok(summary)
}

/// One link per error, replacing the list's items.
fn fill_list(doc: &Document, summary: &Element, errors: &[&Finding]) -> Result<(), JsValue> {
    let Some(list) = summary.query_selector(".allot-summary-list")? else {
        return Ok(());
    };
    list.set_text_content(None);
    for f in errors {
        let item = make(doc, "li", "")?;
        let link = make_text(doc, "a", "allot-summary-link", &f.message)?;
        link.set_attribute("href", "#")?;
        let target = if voice::is_ack_error(&f.code) {
            "ultrasafe_ack"
        } else {
            f.field.as_str()
        };
        link.set_attribute("data-allot-summary-link", target)?;
        link.set_attribute("data-allot-code", &f.code)?;
        item.append_child(&link)?;
        list.append_child(&item)?;
    }
    Ok(())
}

/// "Create with N problems" while every error may be overridden; none while the
/// UltraSafe acknowledgment is missing (it is never skipped).
fn set_override(doc: &Document, summary: &Element, errors: &[&Finding]) -> Result<(), JsValue> {
    let existing = summary.query_selector("[data-allot-override]")?;
    if !errors.iter().all(|f| voice::overridable(f)) {
        if let Some(b) = existing {
            b.remove();
        }
        return Ok(());
    }
    let label = voice::override_label(errors.len());
    match existing {
        Some(b) => {
            if b.text_content().as_deref() != Some(label.as_str()) {
                b.set_text_content(Some(&label));
            }
        }
        None => {
            let b = make_text(doc, "button", "allot-override", &label)?;
            b.set_attribute("type", "button")?;
            b.set_attribute("data-allot-override", "")?;
            summary.append_child(&b)?;
        }
    }
    Ok(())
}

/// Updates a summary already on screen (never shows one that is not).
pub fn refresh(doc: &Document, form: &mut FormState, findings: &[Finding]) -> Result<(), JsValue> {
    if form.summary.as_ref().is_some_and(|s| s.is_connected()) {
        show(doc, form, findings)?;
    }
    Ok(())
}

pub fn remove(form: &mut FormState) {
    if let Some(s) = form.summary.take() {
        s.remove();
    }
}
