//! What the content script reads from a dashboard page, by visible text only, and the
//! questions the machine asks of it. Plain data: built by hand in tests.

use super::text::{contains_name, same_name};
use serde::{Deserialize, Serialize};

/// One row of a table: the visible text of each cell, and whether the row has a gear.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub cells: Vec<String>,
    pub has_gear: bool,
}

/// One row of the Home page's "Backup Account Usage" table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageRow {
    /// The "Account Name" cell.
    pub account: String,
    /// The "Size" cell as shown ("10 GB").
    pub size_text: String,
}

/// An open Change Account Size dialog (one with an "Account Size In GB" field).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SizeDialog {
    /// The field's current value.
    pub value: String,
    /// The error message the dialog shows, if any.
    #[serde(default)]
    pub error: Option<String>,
}

/// A dashboard page as the content script saw it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PageView {
    /// Text of a "Click here to resume session as ..." link, if present: its presence
    /// means a company session.
    pub resume_link: Option<String>,
    /// Visible texts in the page's upper-right header area.
    pub upper_right: Vec<String>,
    /// Texts of navigation links present in the DOM (menus included, even hidden).
    pub links: Vec<String>,
    /// A table with header "Company Name" (not the usage table).
    pub companies_table: Option<Vec<Row>>,
    /// A table with header "Account Name" that has gears (the backup accounts list).
    pub accounts_table: Option<Vec<Row>>,
    /// The table under the heading "Backup Account Usage".
    pub usage_table: Option<Vec<UsageRow>>,
    /// Items of an open (visible) gear popup menu.
    pub open_menu: Vec<String>,
    /// Text of the row whose gear menu is open, if known.
    pub menu_row: Option<String>,
    /// An open Change Account Size dialog.
    pub size_dialog: Option<SizeDialog>,
}

/// Whose name the upper right shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Shown {
    /// The target company.
    Target,
    /// Texts, none of them the target company (joined for a message).
    Other(String),
    /// Nothing yet.
    Nothing,
}

/// How a name was found among a table's rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RowMatch<'a> {
    /// One row: the row and the text of the cell that names it.
    One(&'a Row, &'a str),
    /// Several rows have such a cell: how many.
    Several(usize),
    /// No row names it.
    None,
}

impl PageView {
    /// True when the page belongs to a company session (a resume link is present).
    pub fn in_company_session(&self) -> bool {
        self.resume_link
            .as_deref()
            .is_some_and(|t| !t.trim().is_empty())
    }

    /// The link whose text is `text` (same name), as the page wrote it.
    pub fn link(&self, text: &str) -> Option<&str> {
        self.links
            .iter()
            .find(|l| same_name(l, text))
            .map(String::as_str)
    }

    /// The open menu's item whose text is `text`, as the page wrote it.
    pub fn menu_item(&self, text: &str) -> Option<&str> {
        self.open_menu
            .iter()
            .find(|i| same_name(i, text))
            .map(String::as_str)
    }

    /// Whether the upper right shows `company`.
    pub(crate) fn shown_company(&self, company: &str) -> Shown {
        let texts: Vec<&str> = self
            .upper_right
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        if texts.is_empty() {
            Shown::Nothing
        } else if texts.iter().any(|t| contains_name(t, company)) {
            Shown::Target
        } else {
            Shown::Other(super::text::clip(&texts.join(", "), 80))
        }
    }

    /// The usage row for `account` (same name), if the usage table is shown.
    pub(crate) fn usage_row(&self, account: &str) -> Option<&UsageRow> {
        self.usage_table
            .as_ref()?
            .iter()
            .find(|r| same_name(&r.account, account))
    }

    /// True when the open menu belongs to `target` (one of `rows`, named by its cell
    /// `key`). The menu's row text (the row's cells separated by whitespace) must hold
    /// every cell of `target` and of no other row, so the menu of "HighTech Labs" is
    /// never taken for HighTech's; a row text that is just `key` also counts. When the
    /// page cannot say which row the menu belongs to, only if `opened_by_us` (the
    /// machine's last action opened that row's menu).
    pub(crate) fn menu_is_for(
        &self,
        rows: &[Row],
        target: &Row,
        key: &str,
        opened_by_us: bool,
    ) -> bool {
        match self.menu_row.as_deref() {
            Some(text) if !text.trim().is_empty() => {
                let mut holding = rows.iter().filter(|r| row_in(text, r));
                match (holding.next(), holding.next()) {
                    (Some(r), None) => std::ptr::eq(r, target),
                    (None, _) => same_name(text, key),
                    _ => false,
                }
            }
            _ => opened_by_us,
        }
    }
}

/// The row of `rows` that has a cell with the same name as `name`. Only whole cells
/// count: "HighTech" never picks the row of "HighTech Labs".
pub(crate) fn find_row<'a>(rows: &'a [Row], name: &str) -> RowMatch<'a> {
    let found: Vec<(&Row, &str)> = rows
        .iter()
        .filter_map(|r| {
            r.cells
                .iter()
                .find(|c| same_name(c, name))
                .map(|c| (r, c.trim()))
        })
        .collect();
    match found.as_slice() {
        [] => RowMatch::None,
        [(row, cell)] => RowMatch::One(row, cell),
        _ => RowMatch::Several(found.len()),
    }
}

/// True when every non-empty cell of `row` appears, as whole words, in `text`.
fn row_in(text: &str, row: &Row) -> bool {
    let mut cells = row.cells.iter().filter(|c| !c.trim().is_empty()).peekable();
    cells.peek().is_some() && cells.all(|c| contains_name(text, c))
}
