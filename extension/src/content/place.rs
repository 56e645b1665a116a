//! Where a field's message box goes, so the page's label stays beside its field: in a
//! table layout, a row of Allot's own under the field's row (the message in the field's
//! column); in a flex or grid row holding the label, right after that row; otherwise
//! right after the field (or after a checkbox's own text).

use crate::dom::{make, OWN_ATTR};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, Element, HtmlInputElement, HtmlTableCellElement, HtmlTableRowElement, Node,
};

/// How many ancestors up a flex or grid row that holds the label is looked for.
const ROW_DEPTH: usize = 3;

/// Puts `boxed` where field `el`'s messages belong.
pub fn place(doc: &Document, el: &Element, boxed: &Element) -> Result<(), JsValue> {
    if let Some((row, cell)) = table_row(el) {
        return under_row(doc, &row, &cell, boxed);
    }
    if let Some(row) = layout_row(el) {
        return row.after_with_node_1(boxed);
    }
    let anchor = anchor_after(el);
    match anchor.parent_node() {
        Some(parent) => parent
            .insert_before(boxed, anchor.next_sibling().as_ref())
            .map(|_| ()),
        None => Ok(()),
    }
}

/// Takes a placed box (and the row Allot made for it) off the page.
pub fn remove(boxed: &Element) {
    match boxed.closest("tr[data-allot-row]") {
        Ok(Some(row)) => row.remove(),
        _ => boxed.remove(),
    }
}

/// The table row and cell of a field whose row has another cell (its label's).
fn table_row(el: &Element) -> Option<(HtmlTableRowElement, HtmlTableCellElement)> {
    let cell: HtmlTableCellElement = el.closest("td, th").ok()??.dyn_into().ok()?;
    let row: HtmlTableRowElement = cell.parent_element()?.dyn_into().ok()?;
    (row.cells().length() > 1).then_some((row, cell))
}

/// A row of Allot's own after `row`: empty cells up to the field's column, then the box
/// across the rest.
fn under_row(
    doc: &Document,
    row: &HtmlTableRowElement,
    cell: &HtmlTableCellElement,
    boxed: &Element,
) -> Result<(), JsValue> {
    let ours = make(doc, "tr", "allot-row")?;
    ours.set_attribute("data-allot-row", "")?;
    let before = u32::try_from(cell.cell_index()).unwrap_or(0);
    for _ in 0..before {
        let empty = make(doc, "td", "allot-cell")?;
        ours.append_child(&empty)?;
    }
    let holder = make(doc, "td", "allot-cell")?;
    let rest = row.cells().length().saturating_sub(before).max(1);
    holder.set_attribute("colspan", &rest.to_string())?;
    holder.append_child(boxed)?;
    ours.append_child(&holder)?;
    // After any row Allot already put under this one (two fields in one row).
    let mut after: Element = row.clone().into();
    while let Some(next) = after.next_element_sibling() {
        if !next.has_attribute("data-allot-row") {
            break;
        }
        after = next;
    }
    after.after_with_node_1(&ours)
}

/// The nearest ancestor laid out as a flex row or a grid that holds the field's label
/// (text other than the field itself), and no other field.
fn layout_row(el: &Element) -> Option<Element> {
    let win = web_sys::window()?;
    let mut at = el.parent_element();
    for _ in 0..ROW_DEPTH {
        let row = at?;
        let style = win.get_computed_style(&row).ok()??;
        let display = style.get_property_value("display").unwrap_or_default();
        let direction = style
            .get_property_value("flex-direction")
            .unwrap_or_default();
        let is_row = (display.ends_with("flex") && direction.starts_with("row"))
            || display.ends_with("grid");
        let fields = row
            .query_selector_all("input:not([type=hidden]), select, textarea")
            .map(|l| l.length())
            .unwrap_or(0);
        let has_text = row.text_content().is_some_and(|t| !t.trim().is_empty());
        if fields > 1 || row.has_attribute(OWN_ATTR) {
            return None;
        }
        if is_row && has_text {
            return Some(row);
        }
        at = row.parent_element();
    }
    None
}

/// Right after the field, or after a checkbox's own text.
fn anchor_after(el: &Element) -> Node {
    let is_checkbox = el
        .dyn_ref::<HtmlInputElement>()
        .map(|i| i.type_() == "checkbox")
        .unwrap_or(false);
    let node: Node = el.clone().into();
    if !is_checkbox {
        return node;
    }
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
    last
}
