//! Does the one thing the fix's state machine asked for, on the element a fresh look at
//! the page ties it to (the core's `resolve`): a link, the pager's Next, the target
//! row's own gear or Actions control, an item of the menu that row opened, or the field
//! and button of the dialog that item opened. When the page does not prove where the
//! action goes, nothing is clicked.

use super::grids::is_visible;
use super::observe::{size_fields, Memory, Observation};
use crate::dom;
use allot_core::resize::{resolve, same_name, Action, Resolved};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The menu item whose click Allot remembers the size fields before.
const CHANGE_SIZE_ITEM: &str = "Change Account Size";

/// Performs `action` on the page `obs` shows; an error says why nothing was done (the
/// machine asks again on the next look, and its deadline turns a lasting one into a
/// failure with the manual steps).
pub fn perform(
    doc: &Document,
    action: &Action,
    obs: &Observation,
    memory: &mut Memory,
) -> Result<(), String> {
    if !action.touches_page() {
        return Ok(());
    }
    let target = resolve(action, &obs.view)
        .ok_or("the page does not show where this goes any more; nothing was clicked")?;
    match target {
        Resolved::Link(i) => click(&visible_link(obs, i).ok_or("no such link")?),
        Resolved::NextPage(g) => {
            let next = obs.grids.get(g).and_then(|h| h.next.clone());
            click(&next.ok_or("no Next control")?)
        }
        Resolved::Gear { grid, row } => {
            let handles = obs.grids.get(grid).ok_or("no such grid")?;
            let gear = handles
                .gears
                .get(row)
                .cloned()
                .flatten()
                .ok_or("no gear on that row")?;
            let row_el = handles.rows.get(row).cloned().ok_or("no such row")?;
            // Remembered before the click: a menu that shows up after it is its menu.
            let open_before = obs.menus.iter().map(|(c, _)| c.clone()).collect();
            memory.gear_click = Some((row_el, open_before));
            click(&gear)
        }
        Resolved::MenuItem { menu, item } => {
            let el = obs
                .menus
                .get(menu)
                .and_then(|(_, items)| items.get(item))
                .cloned()
                .ok_or("no such menu item")?;
            if let Action::ChooseMenuItem { text, .. } = action {
                if same_name(text, CHANGE_SIZE_ITEM) {
                    memory.item_click = Some(size_fields(doc));
                    memory.dialog = None;
                }
            }
            click(&el)
        }
        Resolved::SizeField => {
            let Action::FillSize { gb } = action else {
                return Err("not a size".into());
            };
            let field = obs
                .dialog
                .as_ref()
                .map(|d| d.field.clone())
                .ok_or("no size field")?;
            dom::set_value_as_partner(&field, &gb.to_string());
            Ok(())
        }
        Resolved::DialogButton(i) => {
            let button = obs
                .dialog
                .as_ref()
                .and_then(|d| d.buttons.get(i))
                .cloned()
                .ok_or("no such button")?;
            click(&button)
        }
    }
}

/// The link a `Resolved::Link` names, or a visible one with the same text (a menu's
/// entry is often in the page twice).
fn visible_link(obs: &Observation, i: usize) -> Option<Element> {
    let text = obs.view.links.get(i)?;
    obs.view
        .links
        .iter()
        .zip(&obs.links)
        .filter(|(t, _)| same_name(t, text))
        .map(|(_, e)| e)
        .find(|e| is_visible(e))
        .or_else(|| obs.links.get(i))
        .cloned()
}

fn click(el: &Element) -> Result<(), String> {
    let h = el.dyn_ref::<HtmlElement>().ok_or("not clickable")?;
    h.click();
    Ok(())
}
