//! Collect first, decide later: reads each form control on the page into a plain record
//! with its label candidates, in a fixed order of trust. The core decides what it is.
//! Shared by the create form's checks (`content`) and the allocation fix (`fix`).

use crate::dom::{is_own, page_elements, text_of};
use allot_core::labels::classify_first;
use allot_core::FieldId;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, Node};

/// Longest text taken as a label; longer text is a paragraph, not a label.
const MAX_LABEL: usize = 100;

/// A control on the page and the field its labels name.
pub struct Control {
    pub element: Element,
    pub field: FieldId,
}

/// Every control on the page whose labels name a field Allot knows.
pub fn controls(doc: &Document) -> Vec<Control> {
    let mut out = Vec::new();
    for el in page_elements(doc.query_selector_all("input, textarea, select")) {
        if !is_data_control(&el) {
            continue;
        }
        let candidates = label_candidates(&el);
        if let Some(field) = classify_first(candidates.iter().map(String::as_str)) {
            if kind_fits(&el, field) {
                out.push(Control { element: el, field });
            }
        }
    }
    out
}

/// Inputs that hold a value a partner types or ticks (not buttons, not hidden).
fn is_data_control(el: &Element) -> bool {
    match el.dyn_ref::<HtmlInputElement>() {
        Some(input) => !matches!(
            input.type_().as_str(),
            "hidden" | "submit" | "button" | "reset" | "image" | "file" | "radio"
        ),
        None => true,
    }
}

/// A checkbox label must name a checkbox field and a text label a text field.
fn kind_fits(el: &Element, field: FieldId) -> bool {
    let is_checkbox = el
        .dyn_ref::<HtmlInputElement>()
        .map(|i| i.type_() == "checkbox")
        .unwrap_or(false);
    is_checkbox == field.is_checkbox()
}

fn push(out: &mut Vec<String>, text: Option<String>) {
    if let Some(t) = text {
        if t.len() <= MAX_LABEL {
            out.push(t);
        }
    }
}

/// Label texts for a control, most trusted first: its <label>s, aria-label(ledby), an
/// enclosing label, the table cell before it (or its own cell for a checkbox), the text
/// just before it (or just after a checkbox), the element before its parent, then its
/// placeholder and title.
pub fn label_candidates(el: &Element) -> Vec<String> {
    let mut out = Vec::new();
    let labels = if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.labels()
    } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        Some(s.labels())
    } else {
        el.dyn_ref::<HtmlTextAreaElement>().map(|t| t.labels())
    };
    if let Some(labels) = labels {
        for i in 0..labels.length() {
            push(&mut out, labels.item(i).and_then(|n| text_of(&n)));
        }
    }
    push(&mut out, el.get_attribute("aria-label"));
    if let (Some(ids), Some(doc)) = (el.get_attribute("aria-labelledby"), el.owner_document()) {
        let text: Vec<String> = ids
            .split_whitespace()
            .filter_map(|id| doc.get_element_by_id(id))
            .filter_map(|l| text_of(&l))
            .collect();
        push(&mut out, (!text.is_empty()).then(|| text.join(" ")));
    }
    if let Ok(Some(label)) = el.closest("label") {
        push(&mut out, text_of(&label));
    }
    let is_checkbox = el
        .dyn_ref::<HtmlInputElement>()
        .map(|i| i.type_() == "checkbox")
        .unwrap_or(false);
    if let Ok(Some(cell)) = el.closest("td, th") {
        if is_checkbox {
            push(&mut out, text_of(&cell));
        }
        let mut prev = cell.previous_element_sibling();
        while let Some(p) = prev {
            if holds_control(&p) {
                // That cell belongs to another field.
                break;
            }
            if let Some(t) = text_of(&p) {
                push(&mut out, Some(t));
                break;
            }
            prev = p.previous_element_sibling();
        }
    }
    // A checkbox's text follows it; other fields' text comes before them.
    if is_checkbox {
        push(&mut out, sibling_text(el, true));
    }
    push(&mut out, sibling_text(el, false));
    if let Some(parent) = el.parent_element() {
        if let Some(prev) = parent.previous_element_sibling() {
            if !holds_control(&prev) {
                push(&mut out, text_of(&prev));
            }
        }
    }
    push(&mut out, el.get_attribute("placeholder"));
    push(&mut out, el.get_attribute("title"));
    out
}

/// Whether an element is, or holds, a form control (so its text is that control's label).
fn holds_control(el: &Element) -> bool {
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "select" | "textarea")
        || matches!(el.query_selector("input, select, textarea"), Ok(Some(_)))
}

/// The nearest non-empty text beside the control within its parent, stopping at another
/// control or a line break (so one field never takes its neighbour's label).
fn sibling_text(el: &Element, after: bool) -> Option<String> {
    let step = |n: &Node| {
        if after {
            n.next_sibling()
        } else {
            n.previous_sibling()
        }
    };
    let mut node = step(el.as_ref());
    while let Some(n) = node {
        if let Some(e) = n.dyn_ref::<Element>() {
            let tag = e.tag_name().to_ascii_lowercase();
            if matches!(tag.as_str(), "button" | "br" | "hr") || holds_control(e) {
                return None;
            }
        }
        if !is_own(&n) {
            if let Some(t) = text_of(&n) {
                return Some(t);
            }
        }
        node = step(&n);
    }
    None
}
