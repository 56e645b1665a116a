//! Reads the page's grids for the allocation fix: HTML tables and ARIA grids alike, each
//! as a header row, rows of cell texts with the row's own gear or Actions control, and
//! the pager under it ("Next", "Page 2 of 4"). By what a partner reads, never by ids or
//! classes.

use crate::dom::{self, text_of};
use allot_core::resize::{normalize, Grid, Paging, Row};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

/// The page's elements behind one grid of the view.
pub struct GridHandles {
    /// Each row's element, in the order of the view's rows.
    pub rows: Vec<Element>,
    /// Each row's gear or Actions control.
    pub gears: Vec<Option<Element>>,
    /// The pager's "Next" control, when it can be clicked.
    pub next: Option<Element>,
}

/// Texts of a pager's "Next" control (its text, aria-label or title).
const NEXT_TEXTS: [&str; 6] = ["next", "next page", "go to the next page", "›", "»", ">"];
/// Words in a control's label that say it opens a row's menu.
const MENU_WORDS: [&str; 6] = ["action", "gear", "setting", "option", "menu", "more"];
/// At most this many grids are read.
const MAX_GRIDS: usize = 20;
/// At most this many rows of a grid are read.
const MAX_ROWS: usize = 500;

/// Every grid with a header row, and its elements.
pub fn read(doc: &Document) -> (Vec<Grid>, Vec<GridHandles>) {
    let mut grids = Vec::new();
    let mut handles = Vec::new();
    let mut previous_header: Option<Vec<String>> = None;
    for table in dom::page_elements(doc.query_selector_all("table, [role=grid], [role=table]")) {
        if grids.len() >= MAX_GRIDS {
            break;
        }
        let rows = row_elements(&table);
        let mut texts: Vec<(Vec<String>, bool)> = rows
            .iter()
            .take(MAX_ROWS)
            .map(|tr| {
                let cells = cells(tr);
                let is_header = cells.iter().any(is_header_cell);
                (cells.iter().map(cell_text).collect(), is_header)
            })
            .collect();
        let header_at = texts.iter().position(|(_, h)| *h);
        let (header, body_from) = match header_at {
            Some(i) => (texts[i].0.clone(), i + 1),
            // A grid split in two tables (header table, body table): the body takes the
            // header of the table just before it.
            None => match previous_header.take() {
                Some(h) => (h, 0),
                None => continue,
            },
        };
        if body_from == texts.len() && header_at.is_some() {
            previous_header = Some(header);
            continue;
        }
        previous_header = None;
        let body_rows: Vec<Element> = rows
            .iter()
            .skip(body_from)
            .take(MAX_ROWS)
            .cloned()
            .collect();
        let gears: Vec<Option<Element>> = body_rows.iter().map(row_control).collect();
        let grid_rows: Vec<Row> = texts
            .drain(body_from.min(texts.len())..)
            .zip(&gears)
            .map(|((cells, _), gear)| Row {
                cells,
                has_gear: gear.is_some(),
            })
            .collect();
        let (paging, next) = pager(&table);
        grids.push(Grid {
            header,
            rows: grid_rows,
            paging,
        });
        handles.push(GridHandles {
            rows: body_rows,
            gears,
            next,
        });
    }
    (grids, handles)
}

/// The rows of a table or ARIA grid that belong to it (not to a grid nested inside).
fn row_elements(table: &Element) -> Vec<Element> {
    let aria = !table.tag_name().eq_ignore_ascii_case("table");
    let (rows, owner) = if aria {
        ("[role=row]", "[role=grid], [role=table], table")
    } else {
        ("tr", "table")
    };
    dom::page_elements(table.query_selector_all(rows))
        .into_iter()
        .filter(|tr| {
            tr.parent_element()
                .and_then(|p| p.closest(owner).ok().flatten())
                .as_ref()
                == Some(table)
        })
        .collect()
}

/// A row's cells: td/th children, or ARIA cells.
fn cells(row: &Element) -> Vec<Element> {
    let kids = row.children();
    let mut out: Vec<Element> = (0..kids.length())
        .filter_map(|i| kids.item(i))
        .filter(|c| {
            let tag = c.tag_name().to_ascii_lowercase();
            let role = c.get_attribute("role").unwrap_or_default();
            matches!(tag.as_str(), "td" | "th")
                || matches!(
                    role.as_str(),
                    "cell" | "gridcell" | "columnheader" | "rowheader"
                )
        })
        .collect();
    if out.is_empty() {
        out = dom::page_elements(
            row.query_selector_all("[role=cell], [role=gridcell], [role=columnheader]"),
        );
    }
    out
}

fn is_header_cell(cell: &Element) -> bool {
    cell.tag_name().eq_ignore_ascii_case("th")
        || cell.get_attribute("role").as_deref() == Some("columnheader")
}

/// A cell's own text, without the row menu it may hold (hidden or open), so a row reads
/// the same whether its menu is open or not.
pub fn cell_text(cell: &Element) -> String {
    let Ok(copy) = cell.clone_node_with_deep(true) else {
        return text_of(cell).unwrap_or_default();
    };
    let Some(copy) = copy.dyn_ref::<Element>() else {
        return String::new();
    };
    for menu in dom::page_elements(copy.query_selector_all("ul, ol, [role=menu], menu")) {
        menu.remove();
    }
    text_of(copy).unwrap_or_default()
}

/// A row's gear or Actions control: a control that says it opens a menu (aria-haspopup,
/// or a label such as "Actions"), else a control with no words (an icon), else the first
/// control of the last cell. Controls inside the row's own menu do not count.
pub fn row_control(row: &Element) -> Option<Element> {
    let controls: Vec<Element> = dom::page_elements(
        row.query_selector_all("a, button, [role=button], [onclick], [aria-haspopup]"),
    )
    .into_iter()
    .filter(|c| {
        c.parent_element()
            .and_then(|p| p.closest("ul, ol, [role=menu], menu").ok().flatten())
            .is_none_or(|m| !row.contains(Some(m.as_ref())))
    })
    .collect();
    let labelled = |c: &Element| {
        let label = [c.get_attribute("aria-label"), c.get_attribute("title")]
            .into_iter()
            .flatten()
            .map(|t| normalize(&t))
            .collect::<Vec<_>>()
            .join(" ");
        c.has_attribute("aria-haspopup") || MENU_WORDS.iter().any(|w| label.contains(w))
    };
    if let Some(c) = controls.iter().rev().find(|c| labelled(c)) {
        return Some(c.clone());
    }
    let wordless = |c: &Element| {
        !text_of(c)
            .unwrap_or_default()
            .chars()
            .any(char::is_alphanumeric)
    };
    if let Some(c) = controls.iter().rev().find(|c| wordless(c)) {
        return Some(c.clone());
    }
    let last = cells(row).into_iter().last()?;
    controls
        .into_iter()
        .find(|c| last.contains(Some(c.as_ref())))
}

/// The pager under a grid: the nearest "Next" control and "Page N of M" around it.
fn pager(table: &Element) -> (Paging, Option<Element>) {
    let mut paging = Paging::default();
    let mut scope = table.parent_element();
    for _ in 0..4 {
        let Some(s) = scope else { break };
        if s.tag_name().eq_ignore_ascii_case("body") {
            break;
        }
        let controls = dom::page_elements(s.query_selector_all("a, button, [role=button]"));
        let said = |c: &Element, texts: &[&str]| {
            [
                text_of(c),
                c.get_attribute("aria-label"),
                c.get_attribute("title"),
            ]
            .into_iter()
            .flatten()
            .any(|t| texts.contains(&normalize(&t).as_str()))
        };
        let next = controls
            .iter()
            .filter(|c| !table.contains(Some(c.as_ref())))
            .find(|c| said(c, &NEXT_TEXTS))
            .cloned();
        let first = controls
            .iter()
            .any(|c| said(c, &["first", "first page"]) && clickable(c));
        if next.is_some() || first {
            paging.has_first = first;
            paging.has_next = next.as_ref().is_some_and(clickable);
            let (page, pages) = page_numbers(&s);
            paging.page = page;
            paging.pages = pages;
            return (paging.clone(), next.filter(clickable));
        }
        scope = s.parent_element();
    }
    (paging, None)
}

/// A pager control that can be clicked: a link with an address or a handler, a button
/// that is not disabled.
fn clickable(c: &Element) -> bool {
    if c.get_attribute("aria-disabled").as_deref() == Some("true") || c.has_attribute("disabled") {
        return false;
    }
    if c.tag_name().eq_ignore_ascii_case("a") {
        return c.has_attribute("href") || c.has_attribute("onclick");
    }
    true
}

/// "Page 2 of 4" in the pager, or the value of its page box.
fn page_numbers(scope: &Element) -> (Option<u32>, Option<u32>) {
    for el in dom::page_elements(scope.query_selector_all("span, div, td, li, p, label, b, strong"))
        .into_iter()
        .take(400)
    {
        if el.child_element_count() > 2 {
            continue;
        }
        let Some(text) = text_of(&el) else { continue };
        if let Some(found) = page_of(&normalize(&text)) {
            return (Some(found.0), Some(found.1));
        }
    }
    let boxed = dom::page_elements(scope.query_selector_all("input"))
        .into_iter()
        .filter_map(|i| i.dyn_into::<HtmlInputElement>().ok())
        .find(|i| {
            crate::controls::label_candidates(i.as_ref())
                .iter()
                .any(|l| normalize(l) == "page")
        })
        .and_then(|i| i.value().trim().parse().ok());
    (boxed, None)
}

/// (N, M) from a text holding "page N of M".
fn page_of(text: &str) -> Option<(u32, u32)> {
    let at = text.find("page ")?;
    let rest = &text[at + 5..];
    let mut words = rest.split_whitespace();
    let n = words.next()?.parse().ok()?;
    (words.next()? == "of").then_some(())?;
    let m = words
        .next()?
        .trim_end_matches(['.', ',', ')'])
        .parse()
        .ok()?;
    Some((n, m))
}

/// Whether an element is shown (laid out, not hidden).
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
