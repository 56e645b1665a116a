//! The one thing the machine asks the content script to do now, and how an action is
//! tied to the page it is done on ([`resolve`]): the content script clicks exactly the
//! element the page view proves is the target's, or nothing.

use super::grid::GridKind;
use super::text::same_name;
use super::view::{menu_item, Located, PageView};
use serde::{Deserialize, Serialize};

/// What to do now. Texts are the dashboard's own visible texts as the view reported
/// them; rows are named by their name cell, compared whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    /// Click the link with this text (navigation: menus, Home, the resume link).
    ClickLink { text: String },
    /// Click the pager's "Next" under the grid of `grid` now showing page `from_page`
    /// (0 when the pager does not say).
    NextPage { grid: GridKind, from_page: u32 },
    /// Click the gear or Actions control of the row of `grid` named `row_key`.
    OpenRowMenu { grid: GridKind, row_key: String },
    /// Click item `text` of the menu that belongs to the row of `grid` named `row_key`.
    ChooseMenuItem {
        grid: GridKind,
        row_key: String,
        text: String,
    },
    /// Put this number in the size field of the dialog Allot opened (nothing else).
    FillSize { gb: u32 },
    /// Click that dialog's button with this text ("Ok", "Save"). At most once per run.
    Confirm { button: String },
    /// Nothing to do now: ask again when the page changes, and at least every second or
    /// so (deadlines only pass while someone asks).
    Wait,
    /// The fix is done; nothing more to do.
    Finished,
    /// The fix stopped: tell the partner why and what is left to do by hand.
    Failed {
        reason: String,
        manual_steps: Vec<String>,
    },
    /// The partner cancelled; nothing more to do.
    Cancelled,
}

impl Action {
    /// True for the actions that touch the page (clicks and typing); false for Wait and
    /// for the end states.
    pub fn touches_page(&self) -> bool {
        matches!(
            self,
            Action::ClickLink { .. }
                | Action::NextPage { .. }
                | Action::OpenRowMenu { .. }
                | Action::ChooseMenuItem { .. }
                | Action::FillSize { .. }
                | Action::Confirm { .. }
        )
    }

    /// True for the actions that can change the dashboard's data or session: a menu
    /// item (Login as Company Admin, Change Account Size), typing the size, Ok.
    pub fn changes_data(&self) -> bool {
        matches!(
            self,
            Action::ChooseMenuItem { .. } | Action::FillSize { .. } | Action::Confirm { .. }
        )
    }

    /// True when the fix is over (Finished, Failed or Cancelled).
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            Action::Finished | Action::Failed { .. } | Action::Cancelled
        )
    }
}

/// The element of a page view an action is done on: indices into the view's lists, the
/// same the content script keeps the page's elements in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// `links[i]`.
    Link(usize),
    /// The pager's Next under `grids[i]`.
    NextPage(usize),
    /// The gear or Actions control of `grids[grid].rows[row]`.
    Gear { grid: usize, row: usize },
    /// `menus[menu].items[item]`.
    MenuItem { menu: usize, item: usize },
    /// The size dialog's field.
    SizeField,
    /// The size dialog's `buttons[i]`.
    DialogButton(usize),
}

/// Ties `action` to the page as `view` shows it now, or `None` when the page does not
/// prove where it goes. The content script calls this on a fresh view right before it
/// clicks, so a page that changed since the machine decided gets no click:
/// - a row is the one row of its kind whose name cell is the name, whole, with a control;
/// - a menu item is in the one visible menu the page ties to that row;
/// - the size field and buttons are those of a dialog Allot's own click opened.
pub fn resolve(action: &Action, view: &PageView) -> Option<Resolved> {
    match action {
        Action::ClickLink { text } => view
            .links
            .iter()
            .position(|l| same_name(l, text))
            .map(Resolved::Link),
        Action::NextPage { grid, from_page } => {
            let (g, page) = view.next_page(*grid)?;
            (page.unwrap_or(0) == *from_page).then_some(Resolved::NextPage(g))
        }
        Action::OpenRowMenu { grid, row_key } => match view.locate(*grid, row_key) {
            Located::One(g, r) => Some(Resolved::Gear { grid: g, row: r }),
            _ => None,
        },
        Action::ChooseMenuItem {
            grid,
            row_key,
            text,
        } => {
            let Located::One(g, r) = view.locate(*grid, row_key) else {
                return None;
            };
            let m = view.menu_of(g, r)?;
            let menu = &view.menus[m];
            let wanted = menu_item(menu, text)?;
            let item = menu.items.iter().position(|i| i == wanted)?;
            Some(Resolved::MenuItem { menu: m, item })
        }
        Action::FillSize { .. } => view
            .size_dialog
            .as_ref()
            .filter(|d| d.opened_by_allot)
            .map(|_| Resolved::SizeField),
        Action::Confirm { button } => {
            let dialog = view.size_dialog.as_ref().filter(|d| d.opened_by_allot)?;
            let mut matching = dialog
                .buttons
                .iter()
                .enumerate()
                .filter(|(_, b)| same_name(b, button));
            match (matching.next(), matching.next()) {
                (Some((i, _)), None) => Some(Resolved::DialogButton(i)),
                _ => None,
            }
        }
        Action::Wait | Action::Finished | Action::Failed { .. } | Action::Cancelled => None,
    }
}
