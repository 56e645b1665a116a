//! What the content script reads from a dashboard page, by visible text only, and the
//! questions the machine asks of it. Plain data: built by hand in tests.

use super::grid::{Grid, GridKind, RowMatch};
use super::text::{clip, names_whole, same_name};
use serde::{Deserialize, Serialize};

/// One row of the Home page's "Backup Account Usage" table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageRow {
    /// The "Account Name" cell.
    pub account: String,
    /// The "Size" cell as shown ("10 GB").
    pub size_text: String,
}

/// An open (visible) row menu, or a group of visible menu-item texts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Menu {
    /// The visible items' texts.
    pub items: Vec<String>,
    /// The grid row it belongs to, `(grid, row)` indices into [`PageView::grids`], when
    /// the page proves it: the menu sits inside the row, the row's control names it
    /// (aria-controls), or it is the one menu that appeared after Allot clicked that
    /// row's gear or Actions control.
    pub owner: Option<(usize, usize)>,
    /// It appeared after Allot's last click on a row's control, in this page.
    pub new: bool,
}

/// An open Change Account Size dialog (one with an "Account Size In GB" field).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SizeDialog {
    /// The field's current value.
    pub value: String,
    /// The field's value when the dialog appeared: the account's size then.
    pub initial: String,
    /// The error message the dialog shows, if any.
    pub error: Option<String>,
    /// The dialog appeared after Allot clicked "Change Account Size" in a row menu, in
    /// this page, and no other size dialog was open before that click.
    pub opened_by_allot: bool,
    /// The dialog's other short texts (its title, "Account: NAME").
    pub texts: Vec<String>,
    /// Its buttons' texts ("Ok", "Save", "Cancel").
    pub buttons: Vec<String>,
}

/// A dashboard page as the content script saw it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PageView {
    /// Text of a "Click here to resume session as ..." link, if present: its presence
    /// means a company session.
    pub resume_link: Option<String>,
    /// Short visible texts of the page's header (its top band, a banner landmark), each
    /// one element's own text, whole, wherever it sits in the band: where the dashboard
    /// names whose session it is.
    pub header: Vec<String>,
    /// Texts of navigation links present in the DOM (menus included, even hidden).
    pub links: Vec<String>,
    /// Every grid with a header row: companies, backup accounts, usage.
    pub grids: Vec<Grid>,
    /// The table under the heading "Backup Account Usage".
    pub usage_table: Option<Vec<UsageRow>>,
    /// Visible menus (groups of visible menu items).
    pub menus: Vec<Menu>,
    /// An open Change Account Size dialog.
    pub size_dialog: Option<SizeDialog>,
}

/// Whose name the header shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    /// The target company, named whole.
    Target,
    /// Texts, none of them naming the target company whole (joined for a message).
    Other(String),
    /// Nothing yet.
    Nothing,
}

/// Where a name is among the page's grids of one kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Located {
    /// One row, with its own control: `(grid, row)`.
    One(usize, usize),
    /// One row, without a gear or Actions control.
    NoGear(usize, usize),
    /// Several rows carry the name.
    Several(usize),
    /// Grids of that kind are on the page, none lists the name.
    NotListed,
    /// No grid of that kind is on the page.
    NoGrid,
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

    /// Whether the header names `company` whole.
    pub fn shown_company(&self, company: &str) -> Shown {
        let texts: Vec<&str> = self
            .header
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        if texts.is_empty() {
            Shown::Nothing
        } else if texts.iter().any(|t| names_whole(t, company)) {
            Shown::Target
        } else {
            Shown::Other(clip(&texts.join(", "), 120))
        }
    }

    /// The usage row for `account` (same name), if the usage table is shown.
    pub fn usage_row(&self, account: &str) -> Option<&UsageRow> {
        self.usage_table
            .as_ref()?
            .iter()
            .find(|r| same_name(&r.account, account))
    }

    /// Where `name` is among the grids of `kind`. A row with a control wins over the
    /// same name in a grid without controls (the Home page's usage table); two rows with
    /// controls are ambiguous.
    pub fn locate(&self, kind: GridKind, name: &str) -> Located {
        let mut any_grid = false;
        let mut with_gear = Vec::new();
        let mut without = Vec::new();
        let mut several = 0;
        for (g, grid) in self.grids.iter().enumerate() {
            if grid.kind() != Some(kind) {
                continue;
            }
            any_grid = true;
            match grid.find(name) {
                RowMatch::One(r) if grid.rows[r].has_gear => with_gear.push((g, r)),
                RowMatch::One(r) => without.push((g, r)),
                RowMatch::Several(n) => several += n,
                RowMatch::None => {}
            }
        }
        if several > 0 || with_gear.len() > 1 {
            return Located::Several(several.max(with_gear.len()));
        }
        match (with_gear.first(), without.first()) {
            (Some(&(g, r)), _) => Located::One(g, r),
            (None, Some(&(g, r))) => Located::NoGear(g, r),
            (None, None) if any_grid => Located::NotListed,
            (None, None) => Located::NoGrid,
        }
    }

    /// The one visible menu that belongs to row `row` of grid `grid`.
    pub fn menu_of(&self, grid: usize, row: usize) -> Option<usize> {
        let mut owned = self
            .menus
            .iter()
            .enumerate()
            .filter(|(_, m)| m.owner == Some((grid, row)));
        match (owned.next(), owned.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// A menu that appeared after Allot's click on a row's control and that the page
    /// does not tie to `(grid, row)`: Allot cannot tell whose menu it is.
    pub fn stray_new_menu(&self, grid: usize, row: usize) -> bool {
        self.menus
            .iter()
            .any(|m| m.new && m.owner != Some((grid, row)))
    }

    /// The first grid of `kind` whose pager can go on to a next page: its index and the
    /// page it shows, when the pager says.
    pub fn next_page(&self, kind: GridKind) -> Option<(usize, Option<u32>)> {
        self.grids
            .iter()
            .enumerate()
            .find(|(_, g)| g.kind() == Some(kind) && g.paging.has_next)
            .map(|(i, g)| (i, g.paging.page))
    }
}

/// The item of `menu` whose text is `text`, as the page wrote it.
pub fn menu_item<'a>(menu: &'a Menu, text: &str) -> Option<&'a str> {
    menu.items
        .iter()
        .find(|i| same_name(i, text))
        .map(String::as_str)
}
