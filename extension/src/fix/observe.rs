//! Reads a dashboard page into the core's `PageView` for the allocation fix: by what a
//! partner reads (link texts, table headers, the "Backup Account Usage" heading, the
//! upper-right corner), never by ids or classes.

use crate::dom::{self, text_of};
use allot_core::labels::classify;
use allot_core::resize::{normalize, PageView, Row, SizeDialog, UsageRow};
use allot_core::FieldId;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

/// The start of the link that leads back to the partner session (seed).
pub const RESUME_PREFIX: &str = "click here to resume session as";
/// Gear menu items the seed names; a visible one marks an open menu.
const MENU_ITEMS: [&str; 2] = ["login as company admin", "change account size"];
/// At most this many links are read (menus included).
const MAX_LINKS: u32 = 400;

thread_local! {
    /// Texts the size dialog showed when Allot first saw it: anything new is its answer.
    static DIALOG_BASELINE: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Everything the machine needs to know about the page now.
pub fn page_view(doc: &Document) -> PageView {
    let links = all(doc, "a");
    let resume_link = links
        .iter()
        .filter_map(|a| text_of(a))
        .find(|t| normalize(t).starts_with(RESUME_PREFIX));
    let (companies_table, accounts_table) = tables(doc);
    let (open_menu, menu_row) = open_menu(doc);
    PageView {
        resume_link,
        upper_right: upper_right(doc),
        links: links
            .iter()
            .take(MAX_LINKS as usize)
            .filter_map(|a| text_of(a))
            .collect(),
        companies_table,
        accounts_table,
        usage_table: usage_table(doc),
        open_menu,
        menu_row,
        size_dialog: size_dialog(doc),
    }
}

/// The page's own elements matching `selector` (Allot's left out).
pub fn all(doc: &Document, selector: &str) -> Vec<Element> {
    dom::page_elements(doc.query_selector_all(selector))
}

pub fn is_visible(el: &Element) -> bool {
    let Some(h) = el.dyn_ref::<HtmlElement>() else {
        return false;
    };
    if h.offset_parent().is_none() && h.offset_width() == 0 {
        return false;
    }
    let r = el.get_bounding_client_rect();
    if r.width() <= 0.0 && r.height() <= 0.0 {
        return false;
    }
    let hidden = dom::window()
        .and_then(|w| w.get_computed_style(el).ok().flatten())
        .and_then(|st| st.get_property_value("visibility").ok())
        .map(|v| v == "hidden" || v == "collapse")
        .unwrap_or(false);
    !hidden
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

/// Short visible texts in the top band's right part, where the dashboard shows whose
/// session it is (the company's name in a company session).
fn upper_right(doc: &Document) -> Vec<String> {
    let width = dom::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(1280.0);
    let mut out = Vec::new();
    for el in all(doc, "body *") {
        let tag = el.tag_name().to_ascii_lowercase();
        if matches!(tag.as_str(), "script" | "style" | "option") {
            continue;
        }
        let Some(t) = own_text(&el) else {
            continue;
        };
        let r = el.get_bounding_client_rect();
        if r.top() + dom_scroll_y() > 160.0 || r.left() < width * 0.5 || !is_visible(&el) {
            continue;
        }
        if t.len() <= 80 && !out.contains(&t) && !is_header_action(&t) {
            out.push(t);
        }
        if out.len() >= 20 {
            break;
        }
    }
    out
}

/// Texts in a dashboard's header that name no one: separators and session actions.
fn is_header_action(text: &str) -> bool {
    let t = normalize(text);
    !t.chars().any(char::is_alphanumeric)
        || matches!(
            t.as_str(),
            "log off" | "log out" | "logout" | "sign out" | "help" | "my account" | "settings"
        )
}

fn dom_scroll_y() -> f64 {
    dom::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

/// A table's rows as cell texts, its header row first (th cells or the first row).
fn rows(table: &Element) -> Vec<(Vec<String>, Element)> {
    all_in(table, "tr")
        .into_iter()
        .filter(|tr| tr.closest("table").ok().flatten().as_ref() == Some(table))
        .map(|tr| {
            let cells: Vec<String> = children(&tr)
                .iter()
                .filter(|c| matches!(c.tag_name().to_ascii_lowercase().as_str(), "td" | "th"))
                .map(cell_text)
                .collect();
            (cells, tr)
        })
        .collect()
}

/// A cell's own text, without the gear menu it may hold (hidden or open), so a row
/// reads the same whether its menu is open or not.
pub fn cell_text(cell: &Element) -> String {
    let Ok(copy) = cell.clone_node_with_deep(true) else {
        return text_of(cell).unwrap_or_default();
    };
    let Some(copy) = copy.dyn_ref::<Element>() else {
        return String::new();
    };
    for menu in all_in(copy, "ul, ol, [role=menu], menu") {
        menu.remove();
    }
    text_of(copy).unwrap_or_default()
}

/// The page's own elements inside `root` matching `selector`.
pub fn all_in(root: &Element, selector: &str) -> Vec<Element> {
    dom::page_elements(root.query_selector_all(selector))
}

fn children(el: &Element) -> Vec<Element> {
    let kids = el.children();
    (0..kids.length()).filter_map(|i| kids.item(i)).collect()
}

/// The clickable thing at the right end of a row: its gear.
pub fn gear(row: &Element) -> Option<Element> {
    let cells: Vec<Element> = children(row)
        .into_iter()
        .filter(|c| c.tag_name().eq_ignore_ascii_case("td"))
        .collect();
    let last = cells.last()?;
    all_in(
        last,
        "a, button, [role=button], img[onclick], span[onclick], i[onclick]",
    )
    .into_iter()
    .next()
}

/// Which column of the header says `name`.
fn column(header: &[String], name: &str) -> Option<usize> {
    header.iter().position(|h| normalize(h) == name)
}

/// The companies list (header "Company Name") and the backup accounts list (header
/// "Account Name", with gears); the usage table has no gears and is read apart.
fn tables(doc: &Document) -> (Option<Vec<Row>>, Option<Vec<Row>>) {
    let mut companies = None;
    let mut accounts = None;
    for table in all(doc, "table") {
        let rows = rows(&table);
        let Some((header, _)) = rows.first() else {
            continue;
        };
        let body: Vec<Row> = rows[1..]
            .iter()
            .map(|(cells, tr)| Row {
                cells: cells.clone(),
                has_gear: gear(tr).is_some(),
            })
            .collect();
        if companies.is_none() && column(header, "company name").is_some() {
            companies = Some(body);
        } else if accounts.is_none()
            && column(header, "account name").is_some()
            && body.iter().any(|r| r.has_gear)
        {
            accounts = Some(body);
        }
    }
    (companies, accounts)
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
    // The tables holding the heading (innermost first), then the tables after it: the
    // first with "Account Name" and "Size" columns is the usage table.
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
    let rows = rows(table);
    let header_at = rows.iter().position(|(cells, _)| {
        column(cells, "account name").is_some() && column(cells, "size").is_some()
    })?;
    let header = &rows[header_at].0;
    let name_col = column(header, "account name")?;
    let size_col = column(header, "size")?;
    Some(
        rows[header_at + 1..]
            .iter()
            .filter_map(|(cells, _)| {
                Some(UsageRow {
                    account: cells.get(name_col)?.clone(),
                    size_text: cells.get(size_col)?.clone(),
                })
            })
            .collect(),
    )
}

/// The visible gear menu (if one is open) and the text of the row it belongs to.
fn open_menu(doc: &Document) -> (Vec<String>, Option<String>) {
    let item = all(doc, "a, button, li, [role=menuitem]")
        .into_iter()
        .find(|e| {
            is_visible(e)
                && text_of(e)
                    .map(|t| MENU_ITEMS.contains(&normalize(&t).as_str()))
                    .unwrap_or(false)
        });
    let Some(item) = item else {
        return (Vec::new(), None);
    };
    let menu = item
        .closest("ul, ol, [role=menu], menu")
        .ok()
        .flatten()
        .or_else(|| item.parent_element())
        .unwrap_or_else(|| item.clone());
    let items: Vec<String> = all_in(&menu, "a, button, [role=menuitem]")
        .iter()
        .filter(|e| is_visible(e))
        .filter_map(|e| text_of(e))
        .collect();
    let row = menu.closest("tr").ok().flatten().map(|tr| {
        children(&tr)
            .iter()
            .map(cell_text)
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    });
    let items = if items.is_empty() {
        text_of(&item).into_iter().collect()
    } else {
        items
    };
    (items, row)
}

/// The field labelled "Account Size In GB" when visible.
pub fn size_field(doc: &Document) -> Option<Element> {
    super::super::content::controls(doc)
        .into_iter()
        .find(|c| c.field == FieldId::AccountSizeGb && is_visible(&c.element))
        .map(|c| c.element)
}

/// The dialog around the size field: the nearest overlay (a `<dialog>`, role=dialog, or
/// a fixed or absolutely placed box) that holds an Ok button; failing that, the nearest
/// ancestor that holds one. The dialog's answer may sit anywhere inside it.
pub fn dialog_of(field: &Element) -> Element {
    let mut el = field.clone();
    let mut holder: Option<Element> = None;
    for _ in 0..12 {
        match el.parent_element() {
            Some(p) if !p.tag_name().eq_ignore_ascii_case("body") => {
                el = p;
                let has_ok = all_in(&el, "button, input[type=button], input[type=submit], a")
                    .iter()
                    .any(|b| normalize(&button_text(b)) == "ok");
                if !has_ok {
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

/// The open Change Account Size dialog: its value, and any message it shows that it did
/// not show when Allot first saw it (the dashboard's refusal).
fn size_dialog(doc: &Document) -> Option<SizeDialog> {
    let Some(field) = size_field(doc) else {
        DIALOG_BASELINE.with(|b| *b.borrow_mut() = None);
        return None;
    };
    let value = field
        .dyn_ref::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default();
    let texts: Vec<String> = all_in(&dialog_of(&field), "*")
        .iter()
        .filter(|e| e.child_element_count() == 0 && is_visible(e))
        .filter_map(|e| text_of(e))
        .filter(|t| classify(t).is_none())
        .collect();
    let error = DIALOG_BASELINE.with(|b| {
        let mut b = b.borrow_mut();
        match b.as_ref() {
            None => {
                *b = Some(texts.clone());
                None
            }
            Some(base) => texts.iter().find(|t| !base.contains(t)).cloned(),
        }
    });
    Some(SizeDialog { value, error })
}
