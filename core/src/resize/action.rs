//! The one thing the machine asks the content script to do now.

use serde::{Deserialize, Serialize};

/// Which table a row menu belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// View & Manage Companies (partner session).
    Companies,
    /// The company's backup accounts list (company session).
    Accounts,
}

/// What to do now. Texts are the dashboard's own visible texts as the view reported
/// them: the content script finds the element whose text is the same name
/// ([`super::same_name`]), never by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    /// Click the link with this text.
    ClickLink { text: String },
    /// Click the gear at the right of the row of `table` that has a cell with this text.
    OpenRowMenu { table: Target, row_key: String },
    /// Click this item of the open gear menu.
    ChooseMenuItem { text: String },
    /// Put this number in the dialog's "Account Size In GB" field (nothing else).
    FillSize { gb: u32 },
    /// Click the dialog's button with this text ("Ok"). Returned at most once per run.
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
                | Action::OpenRowMenu { .. }
                | Action::ChooseMenuItem { .. }
                | Action::FillSize { .. }
                | Action::Confirm { .. }
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
