//! Finds the forms Allot checks among the page's labelled controls: the smallest part
//! of the page holding the fields of one form and its Create control.

use crate::controls::Control;
use crate::dom::{page_elements, text_of};
use allot_core::labels::{form_kind, is_create_text, FormKind};
use allot_core::FieldId;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, Node};

/// How far above the fields Allot looks for the Create control (a dialog's button bar).
const MAX_CLIMB: usize = 6;

/// A form found on the page, not yet annotated.
pub struct Found {
    pub kind: FormKind,
    pub root: Element,
    pub fields: Vec<(FieldId, Element)>,
    pub create: Option<Element>,
}

/// Groups the controls into forms. Controls already bound to a live form are left out
/// by the caller; each control joins at most one form.
pub fn forms(controls: Vec<Control>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut used = vec![false; controls.len()];
    for i in 0..controls.len() {
        if used[i] {
            continue;
        }
        let Some(root) = field_root(&controls, i) else {
            continue;
        };
        let mut fields = Vec::new();
        for (j, c) in controls.iter().enumerate() {
            if !used[j] && root.contains(Some(c.element.as_ref())) {
                // The first control naming a field wins; a repeat is ignored.
                if !fields
                    .iter()
                    .any(|(f, _): &(FieldId, Element)| *f == c.field)
                {
                    fields.push((c.field, c.element.clone()));
                }
                used[j] = true;
            }
        }
        let ids: Vec<FieldId> = fields.iter().map(|(f, _)| *f).collect();
        let Some(kind) = form_kind(&ids) else {
            continue;
        };
        let (root, create) = climb_to_create(root);
        found.push(Found {
            kind,
            root,
            fields,
            create,
        });
    }
    found
}

/// The smallest ancestor of control `i` that holds enough of the controls to be a form.
fn field_root(controls: &[Control], i: usize) -> Option<Element> {
    let mut node = controls[i].element.parent_element();
    while let Some(el) = node {
        let inside: Vec<FieldId> = controls
            .iter()
            .filter(|c| el.contains(Some(c.element.as_ref())))
            .map(|c| c.field)
            .collect();
        let repeated = inside
            .iter()
            .enumerate()
            .any(|(n, f)| inside[..n].contains(f));
        if repeated {
            // This part of the page holds more than one form: the control's own form
            // was smaller and is not one Allot checks.
            return None;
        }
        if form_kind(&inside).is_some() {
            return Some(el);
        }
        if el.tag_name().eq_ignore_ascii_case("body") {
            return None;
        }
        node = el.parent_element();
    }
    None
}

/// Climbs from the fields' root to the nearest ancestor holding a Create control.
pub fn climb_to_create(root: Element) -> (Element, Option<Element>) {
    let mut el = root.clone();
    for _ in 0..MAX_CLIMB {
        if let Some(create) = create_control(&el) {
            return (el, Some(create));
        }
        match el.parent_element() {
            Some(p) if !p.tag_name().eq_ignore_ascii_case("body") => el = p,
            _ => break,
        }
    }
    (root, None)
}

/// The control in `scope` whose text is Create (or Save, Submit, Add, OK); a control
/// saying "Create" is preferred to the others.
pub fn create_control(scope: &Element) -> Option<Element> {
    let list = scope
        .query_selector_all("button, input[type=submit], input[type=button], a, [role=button]");
    let mut best: Option<(bool, Element)> = None;
    for el in page_elements(list) {
        let text = control_text(&el);
        if !is_create_text(&text) {
            continue;
        }
        let says_create = text.trim().to_ascii_lowercase().starts_with("create");
        if best
            .as_ref()
            .map(|(c, _)| !c && says_create)
            .unwrap_or(true)
        {
            best = Some((says_create, el));
        }
    }
    best.map(|(_, el)| el)
}

/// What a button says: its text, or an input button's value.
pub fn control_text(el: &Element) -> String {
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        return input.value();
    }
    let node: &Node = el.as_ref();
    text_of(node)
        .or_else(|| el.get_attribute("aria-label"))
        .unwrap_or_default()
}
