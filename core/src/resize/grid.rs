//! The dashboard's grids as the fix reads them: a header row, rows of cell texts with
//! their gear or Actions control, and the pager under them. Which grid lists companies
//! and which lists backup accounts is told by the header names of both dashboard
//! generations; a row is found by its name cell, compared whole.

use super::text::{normalize, parse_gb, same_name};
use serde::{Deserialize, Serialize};

/// What a grid lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GridKind {
    /// View & Manage Companies, or Accounts > Companies (partner session).
    Companies,
    /// A company's backup accounts (Backup Accounts, or the company dashboard itself).
    Accounts,
}

/// Header names of the column that names a backup account, most telling first.
const ACCOUNT_NAME_HEADERS: [&str; 2] = ["account name", "backup account"];
/// Header names that name a backup account only in a grid without a company column
/// (the seed's companies grid has a "Username" column).
const LOOSE_ACCOUNT_HEADERS: [&str; 3] = ["account", "username", "user name"];
/// Header names of the column that names a company.
const COMPANY_NAME_HEADERS: [&str; 2] = ["company name", "company"];
/// Header names of a size column (the seed's "Size", the newer "Size (click to change)").
const SIZE_HEADERS: [&str; 3] = ["size", "size (click to change)", "account size"];
/// The newer companies grid's column with the admin backup account's space.
const ALLOCATED_HEADER: &str = "allocated space";

/// One row of a grid: the visible text of each cell, and whether the row has its own
/// gear or Actions control.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub cells: Vec<String>,
    pub has_gear: bool,
}

/// The pager under a grid, when it has one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Paging {
    /// The page shown (1-based), when the pager says.
    pub page: Option<u32>,
    /// How many pages there are, when the pager says.
    pub pages: Option<u32>,
    /// A "Next" control that can be clicked (not disabled, not plain text).
    pub has_next: bool,
    /// A "First" control that can be clicked.
    pub has_first: bool,
}

/// A grid on the page: a header row and the rows under it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    pub paging: Paging,
}

/// How a name was found among a grid's rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowMatch {
    /// Exactly one row: its index.
    One(usize),
    /// Several rows carry the name: how many.
    Several(usize),
    /// No row carries it.
    None,
}

impl Grid {
    /// The index of the first column whose header is one of `names`, the earlier names
    /// first.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|name| {
            self.header
                .iter()
                .position(|h| normalize(h).trim_end_matches(['*', ':']).trim() == *name)
        })
    }

    /// What this grid lists, told by its header: an account-name column makes it a
    /// backup accounts grid (the newer one also has a Company Name column); a
    /// company-name column alone makes it a companies grid.
    pub fn kind(&self) -> Option<GridKind> {
        if self.column(&ACCOUNT_NAME_HEADERS).is_some() {
            Some(GridKind::Accounts)
        } else if self.column(&COMPANY_NAME_HEADERS).is_some() {
            Some(GridKind::Companies)
        } else if self.column(&LOOSE_ACCOUNT_HEADERS).is_some() {
            Some(GridKind::Accounts)
        } else {
            None
        }
    }

    /// The column that names the rows of this grid.
    pub fn name_column(&self) -> Option<usize> {
        match self.kind()? {
            GridKind::Accounts => self
                .column(&ACCOUNT_NAME_HEADERS)
                .or_else(|| self.column(&LOOSE_ACCOUNT_HEADERS)),
            GridKind::Companies => self.column(&COMPANY_NAME_HEADERS),
        }
    }

    /// The company-name column of a backup accounts grid (the newer one has it).
    pub fn company_column(&self) -> Option<usize> {
        match self.kind()? {
            GridKind::Accounts => self.column(&COMPANY_NAME_HEADERS),
            GridKind::Companies => None,
        }
    }

    /// The row whose name cell is `name`, compared whole. Only the name column counts,
    /// so "Acme" never picks the row of "Acme Dental", nor a row that merely mentions it.
    pub fn find(&self, name: &str) -> RowMatch {
        let Some(col) = self.name_column() else {
            return RowMatch::None;
        };
        let found: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.cells.get(col).is_some_and(|c| same_name(c, name)))
            .map(|(i, _)| i)
            .collect();
        match found.as_slice() {
            [] => RowMatch::None,
            [i] => RowMatch::One(*i),
            _ => RowMatch::Several(found.len()),
        }
    }

    /// The row's name, as the page wrote it.
    pub fn name_of(&self, row: usize) -> Option<&str> {
        let col = self.name_column()?;
        self.rows.get(row)?.cells.get(col).map(|c| c.trim())
    }

    /// The size a row shows in its Size column, in GB, if the grid has one and it reads.
    pub fn size_of(&self, row: usize) -> Option<u32> {
        let col = self.column(&SIZE_HEADERS)?;
        leading_gb(self.rows.get(row)?.cells.get(col)?)
    }

    /// The admin backup account's space a companies grid shows for a row ("10 GB (10%)"),
    /// when the grid has an Allocated Space column.
    pub fn allocated_of(&self, row: usize) -> Option<u32> {
        let col = self.column(&[ALLOCATED_HEADER])?;
        leading_gb(self.rows.get(row)?.cells.get(col)?)
    }

    /// True when the grid has an Allocated Space column.
    pub fn has_allocated(&self) -> bool {
        self.column(&[ALLOCATED_HEADER]).is_some()
    }

    /// The company a row of a backup accounts grid belongs to, if the grid says.
    pub fn company_of(&self, row: usize) -> Option<&str> {
        let col = self.company_column()?;
        self.rows.get(row)?.cells.get(col).map(|c| c.trim())
    }
}

/// A size at the start of a cell: "10 GB", "10 GB (10%)", "1,024 GB of 2,048 GB".
pub fn leading_gb(text: &str) -> Option<u32> {
    let text = text.trim();
    if let Some(gb) = parse_gb(text) {
        return Some(gb);
    }
    let lower = normalize(text);
    let end = lower.find("gb").map(|i| i + 2)?;
    parse_gb(&lower[..end])
}
