//! Reads a dashboard page into the core's `PageView` for the allocation fix, with the
//! page's elements behind it (so an action clicks exactly what the view describes): by
//! what a partner reads (link texts, grid headers, the page's header band, menu items,
//! the "Account Size In GB" dialog), never by ids or classes. `Memory` is what Allot's
//! own clicks on this page leave for the next look: which row's control it clicked and
//! which menus and dialogs were there before, so a menu or dialog is tied to the click
//! that opened it.

use super::grids::{self, is_visible, GridHandles};
use crate::dom::{self, text_of};
use allot_core::labels::{classify, form_kind};
use allot_core::resize::{normalize, Menu, PageView, SizeDialog, UsageRow};
use allot_core::FieldId;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

/// The start of the link that leads back to the partner session (seed).
pub const RESUME_PREFIX: &str = "click here to resume session as";
/// Row-menu items of both dashboard generations; a visible one marks an open menu.
const MENU_ITEMS: [&str; 7] = [
    "login as company admin",
    "change account size",
    "change company size",
    "cancel company",
    "set password",
    "make company administrator",
    "limit user's rights",
];
/// At most this many links are read (menus included).
const MAX_LINKS: usize = 400;
/// How far down the page the header band reaches, in CSS pixels from the top.
const HEADER_BAND: f64 = 200.0;
/// Texts of a header that name no one: separators and session actions.
const HEADER_ACTIONS: [&str; 8] = [
    "log off",
    "log out",
    "logout",
    "sign out",
    "help",
    "my account",
    "settings",
    "profile",
];

/// A page as the fix sees it, and the elements behind each part of the view.
pub struct Observation {
    pub view: PageView,
    pub links: Vec<Element>,
    pub grids: Vec<GridHandles>,
    /// Each menu's container and its items, in the view's order.
    pub menus: Vec<(Element, Vec<Element>)>,
    pub dialog: Option<DialogHandles>,
}

/// The size dialog's field and buttons.
pub struct DialogHandles {
    pub field: Element,
    pub buttons: Vec<Element>,
}

/// What Allot's own clicks on this page leave for the next look. Kept by the runner,
/// passed in; never borrowed while the page runs its handlers.
#[derive(Default)]
pub struct Memory {
    /// The row whose gear or Actions control Allot clicked last, and the menus visible
    /// just before that click.
    pub gear_click: Option<(Element, Vec<Element>)>,
    /// Allot clicked "Change Account Size": the size fields on the page just before.
    pub item_click: Option<Vec<Element>>,
    /// The size dialog Allot has seen: its field, its value then, the texts it showed
    /// then, and whether Allot's click opened it.
    pub dialog: Option<SeenDialog>,
}

pub struct SeenDialog {
    field: Element,
    initial: String,
    baseline: Vec<String>,
    ours: bool,
}

/// Everything the machine needs to know about the page now.
pub fn observe(doc: &Document, memory: &mut Memory) -> Observation {
    let mut link_elements: Vec<Element> = all(doc, "a, [role=link], [role=menuitem]");
    // The resume link counts wherever it is; other links only up to the limit.
    let resume_at = link_elements
        .iter()
        .position(|a| text_of(a).is_some_and(|t| normalize(&t).starts_with(RESUME_PREFIX)));
    if let Some(at) = resume_at.filter(|at| *at >= MAX_LINKS) {
        link_elements.swap(at, MAX_LINKS - 1);
    }
    link_elements.truncate(MAX_LINKS);
    let link_texts: Vec<Option<String>> = link_elements.iter().map(|a| text_of(a)).collect();
    let resume_link = link_texts
        .iter()
        .flatten()
        .find(|t| normalize(t).starts_with(RESUME_PREFIX))
        .cloned();
    let (links, link_elements): (Vec<String>, Vec<Element>) = link_texts
        .into_iter()
        .zip(link_elements)
        .filter_map(|(t, e)| t.map(|t| (t, e)))
        .unzip();
    let (grids, grid_handles) = grids::read(doc);
    let menus = menus(doc);
    let is_new = |container: &Element| {
        memory
            .gear_click
            .as_ref()
            .is_some_and(|(_, before)| !before.contains(container))
    };
    // Only one menu that appeared after Allot's click can be the one that click opened.
    let by_click = menus.iter().filter(|(c, _)| is_new(c)).count() == 1;
    let view_menus = menus
        .iter()
        .map(|(container, items)| Menu {
            items: items.iter().filter_map(|i| text_of(i)).collect(),
            owner: owner(container, &grid_handles, memory, by_click),
            new: is_new(container),
        })
        .collect();
    let (size_dialog, dialog) = match size_dialog(doc, memory) {
        Some((view, handles)) => (Some(view), Some(handles)),
        None => (None, None),
    };
    Observation {
        view: PageView {
            resume_link,
            header: header(doc),
            links,
            grids,
            usage_table: usage_table(doc),
            menus: view_menus,
            size_dialog,
        },
        links: link_elements,
        grids: grid_handles,
        menus,
        dialog,
    }
}

/// The page's own elements matching `selector` (Allot's left out).
pub fn all(doc: &Document, selector: &str) -> Vec<Element> {
    dom::page_elements(doc.query_selector_all(selector))
}

fn all_in(root: &Element, selector: &str) -> Vec<Element> {
    dom::page_elements(root.query_selector_all(selector))
}

/// The text an element holds directly (its own text nodes, not its children's).
fn own_text(el: &Element) -> Option<String> {
    let kids = el.child_nodes();
    let mut raw = String::new();
    for i in 0..kids.length() {
        if let Some(k) = kids.item(i) {
            if k.node_type() == web_sys::Node::TEXT_NODE {
                raw.push_str(&k.node_value().unwrap_or_default());
                raw.push(' ');
            }
        }
    }
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// The visible texts of the page's header, whole, wherever they sit in it: the band at
/// the top of the page, and any banner landmark. Grids, dialogs and the resume link are
/// left out.
fn header(doc: &Document) -> Vec<String> {
    let scroll = dom::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
    let mut out: Vec<String> = Vec::new();
    for el in all(doc, "body *") {
        let tag = el.tag_name().to_ascii_lowercase();
        if matches!(tag.as_str(), "script" | "style" | "option" | "noscript") {
            continue;
        }
        let Some(t) = own_text(&el) else {
            continue;
        };
        let in_banner = matches!(el.closest("header, [role=banner]"), Ok(Some(_)));
        let top = el.get_bounding_client_rect().top() + scroll;
        if !(in_banner || top <= HEADER_BAND) || !is_visible(&el) {
            continue;
        }
        let inside_other = matches!(
            el.closest("table, [role=grid], [role=dialog], dialog, [role=menu]"),
            Ok(Some(_))
        );
        let in_resume_link = el
            .closest("a, [role=link]")
            .ok()
            .flatten()
            .and_then(|a| text_of(&a))
            .is_some_and(|t| normalize(&t).starts_with(RESUME_PREFIX));
        let n = normalize(&t);
        if inside_other
            || in_resume_link
            || n.starts_with(RESUME_PREFIX)
            || !n.chars().any(char::is_alphanumeric)
            || HEADER_ACTIONS.contains(&n.as_str())
            || n.chars().count() > 200
        {
            continue;
        }
        if !out.contains(&t) {
            out.push(t);
        }
        if out.len() >= 40 {
            break;
        }
    }
    out
}

/// Visible menus: the containers of visible row-menu items, each with its items.
fn menus(doc: &Document) -> Vec<(Element, Vec<Element>)> {
    let mut out: Vec<(Element, Vec<Element>)> = Vec::new();
    for item in all(doc, "a, button, li, [role=menuitem]") {
        let named = text_of(&item)
            .map(|t| MENU_ITEMS.contains(&normalize(&t).as_str()))
            .unwrap_or(false);
        if !named || !is_visible(&item) {
            continue;
        }
        let container = item
            .closest("[role=menu], ul, ol, menu")
            .ok()
            .flatten()
            .or_else(|| item.parent_element())
            .unwrap_or_else(|| item.clone());
        if out.iter().any(|(c, _)| *c == container) {
            continue;
        }
        let mut items: Vec<Element> = all_in(&container, "a, button, [role=menuitem]")
            .into_iter()
            .filter(is_visible)
            .filter(|e| text_of(e).is_some())
            .collect();
        if items.is_empty() {
            items.push(item.clone());
        }
        out.push((container, items));
    }
    out
}

/// The grid row a menu belongs to, when the page proves it: the menu sits in the row;
/// the row's control names it (aria-controls, aria-owns) or it names the control
/// (aria-labelledby); or it is the one menu that appeared after Allot clicked that row's
/// control.
fn owner(
    container: &Element,
    grids: &[GridHandles],
    memory: &Memory,
    by_click: bool,
) -> Option<(usize, usize)> {
    let find_row = |row: &Element| {
        grids
            .iter()
            .enumerate()
            .find_map(|(g, h)| h.rows.iter().position(|r| r == row).map(|r| (g, r)))
    };
    if let Ok(Some(row)) = container.closest("tr, [role=row]") {
        // Inside a row: that row, or none if the row is not a grid row Allot read.
        return find_row(&row);
    }
    let id = container.id();
    let labelled_by = container
        .get_attribute("aria-labelledby")
        .unwrap_or_default();
    for (g, h) in grids.iter().enumerate() {
        for (r, gear) in h.gears.iter().enumerate() {
            let Some(gear) = gear else { continue };
            let names_menu = ["aria-controls", "aria-owns"].iter().any(|a| {
                gear.get_attribute(a)
                    .is_some_and(|ids| !id.is_empty() && ids.split_whitespace().any(|i| i == id))
            });
            let named_by =
                !gear.id().is_empty() && labelled_by.split_whitespace().any(|i| i == gear.id());
            if names_menu || named_by {
                return Some((g, r));
            }
        }
    }
    let (row, before) = memory.gear_click.as_ref()?;
    if !by_click || before.contains(container) {
        return None;
    }
    find_row(row)
}

/// The table under the heading "Backup Account Usage": each row's Account Name and Size.
fn usage_table(doc: &Document) -> Option<Vec<UsageRow>> {
    // The innermost element saying it (a heading may hold an icon): the last match in
    // document order, since an element comes before what it holds.
    let heading = all(
        doc,
        "h1, h2, h3, h4, h5, h6, caption, legend, th, td, div, span, p, strong, b, label",
    )
    .into_iter()
    .filter(|e| {
        text_of(e)
            .map(|t| normalize(&t) == "backup account usage")
            .unwrap_or(false)
    })
    .last()?;
    let mut candidates = Vec::new();
    let mut up = heading.closest("table").ok().flatten();
    while let Some(t) = up {
        up = t
            .parent_element()
            .and_then(|p| p.closest("table").ok().flatten());
        candidates.push(t);
    }
    candidates.extend(all(doc, "table").into_iter().filter(|t| {
        heading.compare_document_position(t) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0
    }));
    candidates.iter().find_map(usage_rows)
}

/// A table's Account Name and Size columns, if it has them.
fn usage_rows(table: &Element) -> Option<Vec<UsageRow>> {
    let rows: Vec<Vec<String>> = all_in(table, "tr")
        .into_iter()
        .filter(|tr| tr.closest("table").ok().flatten().as_ref() == Some(table))
        .map(|tr| {
            let kids = tr.children();
            (0..kids.length())
                .filter_map(|i| kids.item(i))
                .filter(|c| matches!(c.tag_name().to_ascii_lowercase().as_str(), "td" | "th"))
                .map(|c| grids::cell_text(&c))
                .collect()
        })
        .collect();
    let column = |cells: &[String], name: &str| cells.iter().position(|h| normalize(h) == name);
    let header_at = rows.iter().position(|cells| {
        column(cells, "account name").is_some() && column(cells, "size").is_some()
    })?;
    let header = &rows[header_at];
    let name_col = column(header, "account name")?;
    let size_col = column(header, "size")?;
    Some(
        rows[header_at + 1..]
            .iter()
            .filter_map(|cells| {
                Some(UsageRow {
                    account: cells.get(name_col)?.clone(),
                    size_text: cells.get(size_col)?.clone(),
                })
            })
            .collect(),
    )
}

/// Every visible field labelled "Account Size In GB" (also what `act` remembers before
/// it clicks "Change Account Size").
pub fn size_fields(doc: &Document) -> Vec<Element> {
    crate::controls::controls(doc)
        .into_iter()
        .filter(|c| c.field == FieldId::AccountSizeGb && is_visible(&c.element))
        .map(|c| c.element)
        .collect()
}

/// The open Change Account Size dialog: its value, its value when it appeared, any
/// message it shows that it did not show then (the dashboard's refusal), its texts and
/// buttons, and whether Allot's click opened it. Several size dialogs at once: none is
/// trusted.
fn size_dialog(doc: &Document, memory: &mut Memory) -> Option<(SizeDialog, DialogHandles)> {
    let fields = size_fields(doc);
    let [field] = fields.as_slice() else {
        if fields.is_empty() {
            memory.dialog = None;
        }
        return fields.first().map(|f| {
            let (mut view, handles) = read_dialog(f, None);
            view.opened_by_allot = false;
            (view, handles)
        });
    };
    let value = field
        .dyn_ref::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default();
    let known = memory.dialog.as_ref().is_some_and(|d| d.field == *field);
    let baseline = memory
        .dialog
        .as_ref()
        .filter(|_| known)
        .map(|d| &d.baseline);
    // Read once: at first sight, what the dialog shows becomes its baseline.
    let (mut view, handles) = read_dialog(field, baseline);
    if !known {
        let ours = memory
            .item_click
            .as_ref()
            .is_some_and(|before| !before.contains(field));
        memory.dialog = Some(SeenDialog {
            field: field.clone(),
            initial: value.clone(),
            baseline: view.texts.clone(),
            ours,
        });
    }
    let seen = memory.dialog.as_ref()?;
    view.value = value;
    view.initial = seen.initial.clone();
    view.opened_by_allot = seen.ours;
    Some((view, handles))
}

/// The dialog around `field`: its texts, buttons, and the first text not in `baseline`.
fn read_dialog(field: &Element, baseline: Option<&Vec<String>>) -> (SizeDialog, DialogHandles) {
    let dialog = dialog_of(field);
    let texts: Vec<String> = all_in(&dialog, "*")
        .iter()
        .filter(|e| e.child_element_count() == 0 && is_visible(e))
        .filter(|e| !is_button(e))
        .filter_map(|e| text_of(e))
        .filter(|t| classify(t).is_none())
        .collect();
    let buttons: Vec<Element> =
        all_in(&dialog, "button, input[type=button], input[type=submit], a")
            .into_iter()
            .filter(is_visible)
            .filter(|b| !button_text(b).is_empty())
            .collect();
    let error = baseline.and_then(|base| texts.iter().find(|t| !base.contains(t)).cloned());
    (
        SizeDialog {
            value: String::new(),
            initial: String::new(),
            error,
            opened_by_allot: false,
            texts,
            buttons: buttons.iter().map(button_text).collect(),
        },
        DialogHandles {
            field: field.clone(),
            buttons,
        },
    )
}

fn is_button(el: &Element) -> bool {
    let tag = el.tag_name().to_ascii_lowercase();
    tag == "button"
        || (tag == "input"
            && el
                .get_attribute("type")
                .is_some_and(|t| t == "button" || t == "submit"))
}

/// The dialog around the size field: the nearest overlay (a `<dialog>`, role=dialog, or
/// a fixed or absolutely placed box) that holds an Ok or Save button; failing that, the
/// nearest ancestor that holds one.
pub fn dialog_of(field: &Element) -> Element {
    let mut el = field.clone();
    let mut holder: Option<Element> = None;
    for _ in 0..12 {
        match el.parent_element() {
            Some(p) if !p.tag_name().eq_ignore_ascii_case("body") => {
                el = p;
                let confirms = all_in(&el, "button, input[type=button], input[type=submit], a")
                    .iter()
                    .any(|b| matches!(normalize(&button_text(b)).as_str(), "ok" | "save"));
                if !confirms {
                    continue;
                }
                if is_overlay(&el) {
                    return el;
                }
                holder.get_or_insert_with(|| el.clone());
            }
            _ => break,
        }
    }
    holder.unwrap_or(el)
}

/// A box laid over the page: how dialogs of every age show themselves.
fn is_overlay(el: &Element) -> bool {
    let role = el.get_attribute("role").unwrap_or_default();
    if el.tag_name().eq_ignore_ascii_case("dialog") || role == "dialog" || role == "alertdialog" {
        return true;
    }
    dom::window()
        .and_then(|w| w.get_computed_style(el).ok().flatten())
        .and_then(|st| st.get_property_value("position").ok())
        .map(|p| p == "fixed" || p == "absolute")
        .unwrap_or(false)
}

pub fn button_text(el: &Element) -> String {
    el.dyn_ref::<HtmlInputElement>()
        .map(|i| i.value())
        .or_else(|| text_of(el))
        .unwrap_or_default()
}

/// Short visible texts of the page, each one element's text (for the dashboard's answer
/// to a Create): leaves and near-leaves, up to 300 characters.
pub fn visible_texts(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for el in all(doc, "body *") {
        if el.child_element_count() > 3 {
            continue;
        }
        let tag = el.tag_name().to_ascii_lowercase();
        if matches!(tag.as_str(), "script" | "style" | "option" | "noscript") {
            continue;
        }
        let Some(t) = text_of(&el) else { continue };
        if t.chars().count() > 300 || out.contains(&t) || !is_visible(&el) {
            continue;
        }
        out.push(t);
        if out.len() >= 600 {
            break;
        }
    }
    out
}

/// True when a create-company form is on the page (shown again after a refusal).
pub fn create_form_shown(doc: &Document) -> bool {
    let fields: Vec<FieldId> = crate::controls::controls(doc)
        .into_iter()
        .filter(|c| is_visible(&c.element))
        .map(|c| c.field)
        .collect();
    form_kind(&fields) == Some(allot_core::labels::FormKind::CreateCompany)
}
