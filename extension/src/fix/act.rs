//! Does the one thing the fix's state machine asked for, on the page, by text: click a
//! link, a row's gear, a menu item or a dialog button, or put the size in the field.

use super::observe::{all, all_in, button_text, dialog_of, gear, is_visible, size_field};
use crate::dom::{self, text_of};
use allot_core::resize::{normalize, same_name, Action, Target};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// Performs `action`; an error names what could not be found (the machine's deadline
/// turns a lasting one into a failure with the manual steps).
pub fn perform(doc: &Document, action: &Action) -> Result<(), String> {
    match action {
        Action::ClickLink { text } => click(&find_link(doc, text)?),
        Action::OpenRowMenu { table, row_key } => click(&find_gear(doc, *table, row_key)?),
        Action::ChooseMenuItem { text } => click(&find_menu_item(doc, text)?),
        Action::FillSize { gb } => {
            let field = size_field(doc).ok_or("no Account Size In GB field")?;
            dom::set_value_as_partner(&field, &gb.to_string());
            Ok(())
        }
        Action::Confirm { button } => {
            let field = size_field(doc).ok_or("no Account Size In GB field")?;
            let dialog = dialog_of(&field);
            let ok = all_in(&dialog, "button, input[type=button], input[type=submit], a")
                .into_iter()
                .find(|b| same_name(&button_text(b), button))
                .ok_or_else(|| format!("no {button} button in the dialog"))?;
            click(&ok)
        }
        Action::Wait | Action::Finished | Action::Failed { .. } | Action::Cancelled => Ok(()),
    }
}

fn click(el: &Element) -> Result<(), String> {
    let h = el.dyn_ref::<HtmlElement>().ok_or("not clickable")?;
    h.click();
    Ok(())
}

/// A link (or button) with this text; visible ones first, then hidden menu entries.
fn find_link(doc: &Document, text: &str) -> Result<Element, String> {
    let candidates: Vec<Element> = all(doc, "a, button")
        .into_iter()
        .filter(|a| text_of(a).map(|t| same_name(&t, text)).unwrap_or(false))
        .collect();
    candidates
        .iter()
        .find(|a| is_visible(a))
        .or_else(|| candidates.first())
        .cloned()
        .ok_or_else(|| format!("no link {text:?}"))
}

/// The gear of the row of `table` that has a cell with this text.
fn find_gear(doc: &Document, table: Target, key: &str) -> Result<Element, String> {
    let header = match table {
        Target::Companies => "company name",
        Target::Accounts => "account name",
    };
    for t in all(doc, "table") {
        let rows = all_in(&t, "tr");
        let Some(first) = rows.first() else { continue };
        let is_it = all_in(first, "th, td")
            .iter()
            .any(|c| text_of(c).map(|x| normalize(&x) == header).unwrap_or(false));
        if !is_it {
            continue;
        }
        for tr in &rows[1..] {
            let named = all_in(tr, "td")
                .iter()
                .any(|c| text_of(c).map(|x| same_name(&x, key)).unwrap_or(false));
            if named {
                if let Some(g) = gear(tr) {
                    return Ok(g);
                }
            }
        }
    }
    Err(format!("no row {key:?} with a gear"))
}

/// A visible menu item with this text.
fn find_menu_item(doc: &Document, text: &str) -> Result<Element, String> {
    all(doc, "a, button, [role=menuitem], li")
        .into_iter()
        .filter(is_visible)
        .filter(|e| text_of(e).map(|t| same_name(&t, text)).unwrap_or(false))
        // The innermost match: the link inside the list item, not the item.
        .last()
        .ok_or_else(|| format!("no menu item {text:?}"))
}
