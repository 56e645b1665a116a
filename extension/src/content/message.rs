//! One message element as the partner sees it: a visible severity word with its icon (not
//! colour alone), the text, the one-click suggestions; the password rules as one live
//! checklist; a standing note with "Hide", or folded to a small "Note" button.

use crate::dom::{append_text, make, make_text};
use allot_core::password::Check;
use allot_core::{Finding, Severity};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// How a message is shown.
pub enum Look<'a> {
    Plain,
    /// The password rules, met or not; `spoken` once the partner has left the field or
    /// paused (unmet rules then show as the error they are).
    Checklist {
        checks: &'a [Check],
        spoken: bool,
    },
    /// A standing note the partner folded away: only a button to unfold it.
    Folded,
    /// A standing note shown whole, with "Hide".
    Standing,
}

/// The severity's visible word and icon.
pub fn tag(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("\u{2716}", "Error"),
        Severity::Warning => ("\u{26a0}", "Warning"),
        Severity::Info => ("\u{2139}", "Note"),
    }
}

/// What makes two renderings of a message the same.
pub fn signature(f: &Finding, look: &Look) -> String {
    let extra = match look {
        Look::Plain => String::new(),
        Look::Folded => "folded".to_string(),
        Look::Standing => "standing".to_string(),
        Look::Checklist { checks, spoken } => {
            let met: String = checks
                .iter()
                .map(|c| if c.met { '1' } else { '0' })
                .collect();
            format!("checklist {met} {spoken}")
        }
    };
    format!(
        "{}|{}|{}|{}|{extra}",
        f.code,
        f.severity.as_str(),
        f.message,
        f.suggestions.join("|")
    )
}

/// The message element for finding `f`, with element id `id`.
pub fn build(doc: &Document, id: &str, f: &Finding, look: &Look) -> Result<Element, JsValue> {
    let pending = matches!(look, Look::Checklist { spoken: false, .. });
    let class = format!(
        "allot-msg allot-{}{}",
        f.severity.as_str(),
        if pending { " allot-pending" } else { "" }
    );
    let el = make(doc, "div", &class)?;
    el.set_id(id);
    el.set_attribute("data-allot-code", &f.code)?;
    el.set_attribute("data-allot-severity", f.severity.as_str())?;
    el.set_attribute("data-allot-sig", &signature(f, look))?;
    match look {
        Look::Folded => {
            let b = make(doc, "button", "allot-unfold")?;
            b.set_attribute("type", "button")?;
            b.set_attribute("data-allot-unfold", &f.code)?;
            b.set_attribute("aria-expanded", "false")?;
            append_text(doc, &b, "span", "allot-icon", "\u{2139}")?;
            append_text(doc, &b, "span", "", " Note")?;
            el.append_child(&b)?;
            return Ok(el);
        }
        Look::Checklist { checks, spoken } => {
            let word = if *spoken { tag(f.severity) } else { ("", "") };
            head(doc, &el, word)?;
            append_text(doc, &el, "span", "allot-text", "Password needs:")?;
            let list = checklist(doc, checks)?;
            el.append_child(&list)?;
            return Ok(el);
        }
        Look::Plain | Look::Standing => {}
    }
    head(doc, &el, tag(f.severity))?;
    append_text(doc, &el, "span", "allot-text", &f.message)?;
    for s in &f.suggestions {
        let b = make_text(doc, "button", "allot-suggest", &format!("Use {s}"))?;
        b.set_attribute("type", "button")?;
        b.set_attribute("data-allot-suggest", s)?;
        el.append_child(&b)?;
    }
    if matches!(look, Look::Standing) {
        let b = make_text(doc, "button", "allot-fold", "Hide")?;
        b.set_attribute("type", "button")?;
        b.set_attribute("data-allot-fold", &f.code)?;
        b.set_attribute("aria-expanded", "true")?;
        b.set_attribute("aria-label", "Hide this note on every form")?;
        el.append_child(&b)?;
    }
    Ok(el)
}

/// The visible severity: an icon (hidden from screen readers) and the word.
fn head(doc: &Document, el: &Element, (icon, word): (&str, &str)) -> Result<(), JsValue> {
    if word.is_empty() {
        return Ok(());
    }
    let t = make(doc, "span", "allot-tag")?;
    let i = make_text(doc, "span", "allot-icon", icon)?;
    i.set_attribute("aria-hidden", "true")?;
    t.append_child(&i)?;
    append_text(doc, &t, "span", "", &format!(" {word}: "))?;
    el.append_child(&t)?;
    Ok(())
}

/// The password rules, each ticked off once met.
fn checklist(doc: &Document, checks: &[Check]) -> Result<Element, JsValue> {
    let list = make(doc, "ul", "allot-checklist")?;
    for c in checks {
        let item = make(doc, "li", if c.met { "allot-met" } else { "allot-unmet" })?;
        item.set_attribute("data-allot-rule", c.code)?;
        item.set_attribute("data-allot-met", if c.met { "true" } else { "false" })?;
        let mark = make_text(
            doc,
            "span",
            "allot-mark",
            if c.met { "\u{2714}" } else { "\u{25cb}" },
        )?;
        mark.set_attribute("aria-hidden", "true")?;
        item.append_child(&mark)?;
        append_text(
            doc,
            &item,
            "span",
            "allot-vh",
            if c.met { "Done: " } else { "Not yet: " },
        )?;
        append_text(doc, &item, "span", "", c.text)?;
        list.append_child(&item)?;
    }
    Ok(list)
}
