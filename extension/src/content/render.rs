//! Shows findings beside their fields per the DOM contract, one message per field (see
//! `allot_core::voice`): a message box placed so the label stays beside its field, the
//! message's id joined to the field's aria-describedby, aria-invalid while the field
//! shows an error. Only what changed is written to the page.

use super::form::FormState;
use super::message::{self, Look};
use super::place;
use crate::dom::make;
use allot_core::password::checklist;
use allot_core::{voice, FieldId, Finding, Severity};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// Marks aria-invalid values Allot set, so it only ever removes its own.
const INVALID_MARK: &str = "data-allot-invalid";

/// Renders every field's one message. A message that did not change is left in place,
/// so a suggestion button under the pointer is never swapped out mid-click.
pub fn render(
    doc: &Document,
    form: &mut FormState,
    findings: &[Finding],
    folded: &[String],
) -> Result<(), JsValue> {
    let mut shown = Vec::new();
    let mut rendered = Vec::new();
    for (field, el) in form.fields.clone() {
        let mine = voice::of_field(findings, field);
        let typing = form.typing == Some(field);
        let pick = voice::settle(form.shown(field), &mine, typing);
        let Some(f) = pick else {
            let want = Rendered::default();
            if form.rendered(field) != Some(&want) {
                drop_box(form, field);
                describe(form.id, &el, None, false)?;
            }
            rendered.push((field, want));
            continue;
        };
        let checks;
        let look = if voice::is_password_rule(&f.code) {
            let password = form.element(FieldId::Password).map(super::form::value);
            checks = checklist(password.as_deref().unwrap_or_default());
            Look::Checklist {
                checks: &checks,
                spoken: !typing,
            }
        } else if voice::is_standing(&f.code) {
            if folded.contains(&f.code) {
                Look::Folded
            } else {
                Look::Standing
            }
        } else {
            Look::Plain
        };
        let id = message_id(form.id, f);
        let want = Rendered {
            message: Some((id, message::signature(f, &look))),
            invalid: f.severity == Severity::Error && !typing,
        };
        shown.push((field, f.code.clone()));
        // The same message as last time, still on the page: nothing to write.
        let same = form.rendered(field) == Some(&want) && form.box_of(field).is_some();
        if !same {
            let boxed = message_box(doc, form, field, &el)?;
            let (id, sig) = want.message.as_ref().expect("a message");
            show(doc, &boxed, id, sig, f, &look)?;
            describe(form.id, &el, Some(id), want.invalid)?;
        }
        rendered.push((field, want));
    }
    form.shown = shown;
    form.rendered = rendered;
    Ok(())
}

/// What Allot last wrote for a field: its message (id and signature) and aria-invalid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    message: Option<(String, String)>,
    invalid: bool,
}

/// The field's message box, made (and placed) when first needed.
fn message_box(
    doc: &Document,
    form: &mut FormState,
    field: FieldId,
    el: &Element,
) -> Result<Element, JsValue> {
    if let Some(b) = form.box_of(field) {
        return Ok(b.clone());
    }
    form.boxes.retain(|(f, _)| *f != field);
    let boxed = make(doc, "div", "allot-msgs")?;
    boxed.set_attribute("data-allot-for", field.as_str())?;
    place::place(doc, el, &boxed)?;
    form.boxes.push((field, boxed.clone()));
    Ok(boxed)
}

/// Takes a field's box off the page when it has nothing to say (an empty row of Allot's
/// would still take room in the page's table).
fn drop_box(form: &mut FormState, field: FieldId) {
    let gone: Vec<Element> = form
        .boxes
        .iter()
        .filter(|(f, _)| *f == field)
        .map(|(_, b)| b.clone())
        .collect();
    form.boxes.retain(|(f, _)| *f != field);
    for b in gone {
        place::remove(&b);
    }
}

/// The id of a finding's message element.
pub fn message_id(form_id: u32, f: &Finding) -> String {
    format!(
        "allot-f{form_id}-{}-{}",
        f.field.as_str(),
        f.code.replace('.', "-")
    )
}

/// Puts the one message in the box, unless the same message is there already.
fn show(
    doc: &Document,
    boxed: &Element,
    id: &str,
    sig: &str,
    f: &Finding,
    look: &Look,
) -> Result<(), JsValue> {
    let current = boxed.first_element_child();
    if let Some(c) = &current {
        if c.id() == id && c.get_attribute("data-allot-sig").as_deref() == Some(sig) {
            return Ok(());
        }
    }
    let fresh = message::build(doc, id, f, look)?;
    match current {
        Some(c) => c.replace_with_with_node_1(&fresh)?,
        None => {
            boxed.append_child(&fresh)?;
        }
    }
    Ok(())
}

/// Joins the message id to aria-describedby (keeping the page's own ids) and sets
/// aria-invalid while the field shows an error; writes only what changed.
pub fn describe(
    form_id: u32,
    el: &Element,
    message: Option<&str>,
    invalid: bool,
) -> Result<(), JsValue> {
    let prefix = format!("allot-f{form_id}-");
    let before = el.get_attribute("aria-describedby");
    let mut ids: Vec<&str> = before
        .as_deref()
        .unwrap_or_default()
        .split_whitespace()
        .filter(|id| !id.starts_with(&prefix))
        .collect();
    ids.extend(message);
    let after = ids.join(" ");
    if before.as_deref().unwrap_or_default() != after {
        if after.is_empty() {
            el.remove_attribute("aria-describedby")?;
        } else {
            el.set_attribute("aria-describedby", &after)?;
        }
    }
    if invalid {
        if !el.has_attribute(INVALID_MARK) {
            el.set_attribute("aria-invalid", "true")?;
            el.set_attribute(INVALID_MARK, "")?;
        }
    } else if el.has_attribute(INVALID_MARK) {
        el.remove_attribute("aria-invalid")?;
        el.remove_attribute(INVALID_MARK)?;
    }
    Ok(())
}

/// Takes Allot's marks off a field (when its form leaves the page or is dropped).
pub fn unmark(form_id: u32, el: &Element) {
    let _ = describe(form_id, el, None, false);
    let _ = el.remove_attribute("data-allot-field");
}
