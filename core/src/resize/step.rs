//! The six steps of the seed's allocation fix, in order, with the number and title the
//! partner sees ("Step 3 of 6: Opening Change Account Size").

use serde::{Deserialize, Serialize};

/// One step of the fix. The order of the variants is the order of the flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Manage > Companies > View & Manage Companies, in the partner session.
    OpenCompanies,
    /// The company's gear > "Login as Company Admin".
    LoginAsCompanyAdmin,
    /// Backup Accounts, the admin account's gear > "Change Account Size".
    OpenChangeSize,
    /// The size in "Account Size In GB", then "Ok".
    EnterSize,
    /// The Home page's "Backup Account Usage" shows the new size.
    Verify,
    /// "Click here to resume session as ..." back to the partner session.
    Resume,
}

impl Step {
    /// How many steps the fix has.
    pub const COUNT: u8 = 6;

    /// Every step, in order.
    pub const ALL: [Step; 6] = [
        Step::OpenCompanies,
        Step::LoginAsCompanyAdmin,
        Step::OpenChangeSize,
        Step::EnterSize,
        Step::Verify,
        Step::Resume,
    ];

    /// 1 to 6.
    pub fn number(self) -> u8 {
        match self {
            Step::OpenCompanies => 1,
            Step::LoginAsCompanyAdmin => 2,
            Step::OpenChangeSize => 3,
            Step::EnterSize => 4,
            Step::Verify => 5,
            Step::Resume => 6,
        }
    }

    /// The step numbered `number` (1 to 6).
    pub fn from_number(number: u8) -> Option<Step> {
        Step::ALL.iter().copied().find(|s| s.number() == number)
    }

    /// What the partner reads while the step runs.
    pub fn title(self) -> &'static str {
        match self {
            Step::OpenCompanies => "Opening View & Manage Companies",
            Step::LoginAsCompanyAdmin => "Logging in as Company Admin",
            Step::OpenChangeSize => "Opening Change Account Size",
            Step::EnterSize => "Entering the new size",
            Step::Verify => "Checking the Home page",
            Step::Resume => "Resuming the partner session",
        }
    }

    /// The step after this one; `None` after the last.
    pub fn next(self) -> Option<Step> {
        Step::from_number(self.number() + 1)
    }

    /// "Step 3 of 6", the prefix of progress and of failure reasons.
    pub fn label(self) -> String {
        format!("Step {} of {}", self.number(), Step::COUNT)
    }

    /// "Step 3 of 6: Opening Change Account Size".
    pub fn progress_text(self) -> String {
        format!("{}: {}", self.label(), self.title())
    }
}
