//! Shows findings beside their fields per the DOM contract: a message box after each
//! field, messages with code and severity, ids joined to the field's aria-describedby,
//! aria-invalid while the field has an error, and one-click suggestion buttons.

use super::form::FormState;
use crate::dom::{make, make_text};
use allot_core::{FieldId, Finding, Severity};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlInputElement, Node};

/// Marks aria-invalid values Allot set, so it only ever removes its own.
const INVALID_MARK: &str = "data-allot-invalid";

/// Renders every field's findings. Messages that did not change are left in place, so
/// a suggestion button under the pointer is never swapped out mid-click.
pub fn render(doc: &Document, form: &mut FormState, findings: &[Finding]) -> Result<(), JsValue> {
    for (field, el) in form.fields.clone() {
        let mine: Vec<&Finding> = findings.iter().filter(|f| f.field == field).collect();
        let boxed = message_box(doc, form, field, &el)?;
        reconcile(doc, form.id, &boxed, &mine)?;
        describe(form.id, &el, &boxed, &mine)?;
    }
    Ok(())
}

/// The field's message box, made (and placed after the field) when first needed.
fn message_box(
    doc: &Document,
    form: &mut FormState,
    field: FieldId,
    el: &Element,
) -> Result<Element, JsValue> {
    if let Some((_, b)) = form
        .boxes
        .iter()
        .find(|(f, b)| *f == field && b.is_connected())
    {
        return Ok(b.clone());
    }
    form.boxes.retain(|(f, _)| *f != field);
    let boxed = make(doc, "div", "allot-msgs")?;
    boxed.set_attribute("data-allot-for", field.as_str())?;
    boxed.set_attribute("aria-live", "polite")?;
    let anchor = anchor_after(el);
    if let Some(parent) = anchor.parent_node() {
        parent.insert_before(&boxed, anchor.next_sibling().as_ref())?;
    }
    form.boxes.push((field, boxed.clone()));
    Ok(boxed)
}

/// Where a field's messages go: right after it, or after a checkbox's own text.
fn anchor_after(el: &Element) -> Node {
    let is_checkbox = el
        .dyn_ref::<HtmlInputElement>()
        .map(|i| i.type_() == "checkbox")
        .unwrap_or(false);
    let node: Node = el.clone().into();
    if is_checkbox {
        let mut last = node.clone();
        let mut next = node.next_sibling();
        while let Some(n) = next {
            let is_text = n.node_type() == Node::TEXT_NODE;
            let is_label = n
                .dyn_ref::<Element>()
                .map(|e| {
                    matches!(
                        e.tag_name().to_ascii_lowercase().as_str(),
                        "label" | "span" | "small" | "b"
                    )
                })
                .unwrap_or(false);
            if !(is_text || is_label) {
                break;
            }
            last = n.clone();
            next = n.next_sibling();
        }
        return last;
    }
    node
}

/// The id of a finding's message element.
pub fn message_id(form_id: u32, f: &Finding) -> String {
    format!(
        "allot-f{form_id}-{}-{}",
        f.field.as_str(),
        f.code.replace('.', "-")
    )
}

/// What makes two renderings of a message the same.
fn signature(f: &Finding) -> String {
    format!(
        "{}|{}|{}",
        f.severity.as_str(),
        f.message,
        f.suggestions.join("|")
    )
}

fn reconcile(
    doc: &Document,
    form_id: u32,
    boxed: &Element,
    mine: &[&Finding],
) -> Result<(), JsValue> {
    let wanted: Vec<String> = mine.iter().map(|f| message_id(form_id, f)).collect();
    let kids = boxed.children();
    let mut stale = Vec::new();
    for i in 0..kids.length() {
        if let Some(k) = kids.item(i) {
            let keep = wanted.contains(&k.id())
                && mine.iter().any(|f| {
                    message_id(form_id, f) == k.id()
                        && k.get_attribute("data-allot-sig").as_deref() == Some(&signature(f))
                });
            if !keep {
                stale.push(k);
            }
        }
    }
    for k in stale {
        k.remove();
    }
    let mut prev: Option<Element> = None;
    for f in mine {
        let id = message_id(form_id, f);
        let existing = boxed.query_selector(&format!("#{id}")).ok().flatten();
        let el = match existing {
            Some(e) => e,
            None => {
                let e = message(doc, &id, f)?;
                let after = match &prev {
                    Some(p) => p.next_sibling(),
                    None => boxed.first_child(),
                };
                boxed.insert_before(&e, after.as_ref())?;
                e
            }
        };
        prev = Some(el);
    }
    Ok(())
}

/// One message element: hidden severity prefix, the text, the suggestion buttons.
fn message(doc: &Document, id: &str, f: &Finding) -> Result<Element, JsValue> {
    let el = make(
        doc,
        "div",
        &format!("allot-msg allot-{}", f.severity.as_str()),
    )?;
    el.set_id(id);
    el.set_attribute("data-allot-code", &f.code)?;
    el.set_attribute("data-allot-severity", f.severity.as_str())?;
    el.set_attribute("data-allot-sig", &signature(f))?;
    let prefix = match f.severity {
        Severity::Error => "Error: ",
        Severity::Warning => "Warning: ",
        Severity::Info => "Note: ",
    };
    el.append_child(&web_sys::Node::from(make_text(
        doc, "span", "allot-vh", prefix,
    )?))?;
    el.append_child(&web_sys::Node::from(make_text(
        doc,
        "span",
        "allot-text",
        &f.message,
    )?))?;
    for s in &f.suggestions {
        let b = make_text(doc, "button", "allot-suggest", &format!("Use {s}"))?;
        b.set_attribute("type", "button")?;
        b.set_attribute("data-allot-suggest", s)?;
        el.append_child(&b)?;
    }
    Ok(el)
}

/// Joins the message ids to aria-describedby (keeping the page's own ids) and sets
/// aria-invalid while the field has an error.
fn describe(form_id: u32, el: &Element, boxed: &Element, mine: &[&Finding]) -> Result<(), JsValue> {
    let _ = boxed;
    let prefix = format!("allot-f{form_id}-");
    let mut ids: Vec<String> = el
        .get_attribute("aria-describedby")
        .unwrap_or_default()
        .split_whitespace()
        .filter(|id| !id.starts_with(&prefix))
        .map(str::to_string)
        .collect();
    ids.extend(mine.iter().map(|f| message_id(form_id, f)));
    if ids.is_empty() {
        el.remove_attribute("aria-describedby")?;
    } else {
        el.set_attribute("aria-describedby", &ids.join(" "))?;
    }
    let has_error = mine.iter().any(|f| f.severity == Severity::Error);
    if has_error {
        el.set_attribute("aria-invalid", "true")?;
        el.set_attribute(INVALID_MARK, "")?;
    } else if el.has_attribute(INVALID_MARK) {
        el.remove_attribute("aria-invalid")?;
        el.remove_attribute(INVALID_MARK)?;
    }
    Ok(())
}

/// Takes Allot's marks off a field (when its form leaves the page or is dropped).
pub fn unmark(form_id: u32, el: &Element) {
    let _ = describe(form_id, el, el, &[]);
    let _ = el.remove_attribute("data-allot-field");
}
