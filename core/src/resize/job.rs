//! A fix the partner asked for: what to do (the request), where it stands (status,
//! step, counters) and how it ended (outcome). Serialisable: the content script keeps it
//! in extension storage as JSON between page loads. Never holds a password.

use super::action::Action;
use super::step::Step;
use serde::{Deserialize, Serialize};

/// What the partner asked for at Create. No password, no secret answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixRequest {
    /// The company's name as the dashboard shows it.
    pub company: String,
    /// The username of the company's admin backup account (its Account Name).
    pub admin_username: String,
    /// The size the admin backup account should have, in GB.
    pub requested_gb: u32,
    /// The company's quota in GB; 0 when unknown.
    pub company_quota_gb: u32,
    /// The admin backup account's size when the fix was asked for, in GB: 5 after a
    /// Create. Allot changes nothing when the account shows another size (and not the
    /// size asked): it is not the account this Create made. 0 when unknown.
    #[serde(default)]
    pub current_gb: u32,
    /// Allot saw the dashboard say it created the company (the offer shows only then).
    #[serde(default)]
    pub confirmed: bool,
}

/// Where a fix stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Remembered, not started: a fix never runs unless the partner clicked for it.
    Pending,
    Running,
    Done,
    Failed,
    Cancelled,
}

/// How long a step may take and how often it may act before it gives up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    /// A step fails when it has not succeeded this long after it started.
    pub step_timeout_ms: u64,
    /// A step fails rather than act more often than this.
    pub max_actions_per_step: u32,
    /// The whole run fails rather than act more often than this.
    pub max_actions_total: u32,
    /// The same action is not repeated sooner than this after it was asked for (a page
    /// that has not reacted yet is given time; a gear menu is not toggled shut).
    pub settle_ms: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            step_timeout_ms: 30_000,
            max_actions_per_step: 6,
            max_actions_total: 40,
            settle_ms: 2_000,
        }
    }
}

/// One fix: one admin backup account to give one size.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    pub id: String,
    pub request: FixRequest,
    pub status: Status,
    /// The step running (or where the run stopped).
    pub step: Step,
    pub step_started_ms: u64,
    pub actions_in_step: u32,
    /// Set before Confirm is handed out: once true, this run never clicks Ok again.
    pub ok_clicked: bool,
    /// How the run ended, in plain words.
    pub outcome: Option<String>,
    pub created_ms: u64,
    pub updated_ms: u64,
    /// Actions handed out in this run, all steps together.
    #[serde(default)]
    pub actions_total: u32,
    /// The Home page showed the requested size.
    #[serde(default)]
    pub verified: bool,
    /// The run reached the target company's session (the partner may still be in it).
    #[serde(default)]
    pub in_company_session: bool,
    /// The last action handed out, and when.
    #[serde(default)]
    pub last_action: Option<Action>,
    #[serde(default)]
    pub last_action_ms: u64,
    /// How many times the partner started this fix.
    #[serde(default)]
    pub runs: u32,
    #[serde(default)]
    pub limits: Limits,
    /// The partner said "Not now": the dashboard stops offering it (the popup still can).
    #[serde(default)]
    pub dismissed: bool,
    /// Pages of a grid turned with "Next" in this run.
    #[serde(default)]
    pub pages_turned: u32,
    /// Step 5 clicked Home once to look for Backup Account Usage.
    #[serde(default)]
    pub went_home: bool,
    /// The companies grid has an Allocated Space column: step 6 checks it too.
    #[serde(default)]
    pub allocated_seen: bool,
    /// The companies grid's Allocated Space showed the size asked.
    #[serde(default)]
    pub allocated_checked: bool,
    /// The account already had the size asked: nothing was submitted.
    #[serde(default)]
    pub unchanged: bool,
}

impl Job {
    /// A fix remembered at Create, waiting for the partner's click.
    pub fn new(id: impl Into<String>, request: FixRequest, now_ms: u64) -> Job {
        Job {
            id: id.into(),
            request,
            status: Status::Pending,
            step: Step::OpenCompanies,
            step_started_ms: now_ms,
            actions_in_step: 0,
            ok_clicked: false,
            outcome: None,
            created_ms: now_ms,
            updated_ms: now_ms,
            actions_total: 0,
            verified: false,
            in_company_session: false,
            last_action: None,
            last_action_ms: 0,
            runs: 0,
            dismissed: false,
            limits: Limits::default(),
            pages_turned: 0,
            went_home: false,
            allocated_seen: false,
            allocated_checked: false,
            unchanged: false,
        }
    }

    /// Starts (or, after a failure or a cancel, restarts) the fix from step 1. False,
    /// changing nothing, when it is already running or done: a fix never runs twice at
    /// once and never again once done.
    pub fn start(&mut self, now_ms: u64) -> bool {
        match self.status {
            Status::Running | Status::Done => false,
            Status::Pending | Status::Failed | Status::Cancelled => {
                self.status = Status::Running;
                self.step = Step::OpenCompanies;
                self.step_started_ms = now_ms;
                self.actions_in_step = 0;
                self.actions_total = 0;
                self.ok_clicked = false;
                self.verified = false;
                self.in_company_session = false;
                self.outcome = None;
                self.last_action = None;
                self.last_action_ms = 0;
                self.runs = self.runs.saturating_add(1);
                self.dismissed = false;
                self.pages_turned = 0;
                self.went_home = false;
                self.allocated_seen = false;
                self.allocated_checked = false;
                self.unchanged = false;
                self.updated_ms = now_ms;
                true
            }
        }
    }

    /// The partner cancels: a pending or running fix stops where it is and hands out no
    /// further action. The outcome says whether the account may have changed. A fix
    /// already done, failed or cancelled stays as it is.
    pub fn cancel(&mut self, now_ms: u64) {
        let text = match self.status {
            Status::Pending => "Cancelled before it started: nothing was changed.".to_string(),
            Status::Running => format!(
                "Cancelled at {}. {}{}",
                self.step.label().to_lowercase(),
                self.account_state(),
                self.session_note()
            ),
            Status::Done | Status::Failed | Status::Cancelled => return,
        };
        self.status = Status::Cancelled;
        self.outcome = Some(text);
        self.updated_ms = now_ms;
    }

    /// Whether the dashboard should offer this fix: Allot saw the dashboard create the
    /// company, the fix waits for the partner (never started, cancelled or failed) and
    /// they have not said "Not now". A fix whose Create was not confirmed is never
    /// offered on the page; the popup lists it.
    pub fn offered(&self) -> bool {
        matches!(
            self.status,
            Status::Pending | Status::Cancelled | Status::Failed
        ) && !self.dismissed
            && self.request.confirmed
    }

    /// "Step 3 of 6: Opening Change Account Size": the step running, or where the run
    /// stopped.
    pub fn progress_text(&self) -> String {
        self.step.progress_text()
    }

    /// What is left to do by hand, from the current step on, in plain words (empty once
    /// done).
    pub fn manual_steps(&self) -> Vec<String> {
        super::manual::manual_steps(self)
    }

    /// What is true of the account now, as one sentence.
    pub(crate) fn account_state(&self) -> String {
        let r = &self.request;
        if self.verified {
            format!(
                "The backup account {} is {} GB (checked on the dashboard).",
                r.admin_username.trim(),
                r.requested_gb
            )
        } else if self.ok_clicked {
            format!(
                "Ok was clicked for {} GB, so the size may have changed: check the backup account {} on the Home page.",
                r.requested_gb,
                r.admin_username.trim()
            )
        } else {
            format!(
                "Nothing was changed: the backup account {} is as it was.",
                r.admin_username.trim()
            )
        }
    }

    /// A reminder that the partner may still be in the company's session.
    pub(crate) fn session_note(&self) -> String {
        if self.in_company_session {
            format!(
                " You may still be in {}'s company session: the link \"Click here to resume session as ...\" leads back to the partner dashboard.",
                self.request.company.trim()
            )
        } else {
            String::new()
        }
    }

    /// Moves to `step`, with a fresh deadline and action count.
    pub(crate) fn enter(&mut self, step: Step, now_ms: u64) {
        self.step = step;
        self.step_started_ms = now_ms;
        self.actions_in_step = 0;
        self.updated_ms = now_ms;
    }

    /// Ends the run as failed with `reason`.
    pub(crate) fn fail(&mut self, reason: String, now_ms: u64) -> Action {
        self.status = Status::Failed;
        self.outcome = Some(reason.clone());
        self.updated_ms = now_ms;
        Action::Failed {
            reason,
            manual_steps: self.manual_steps(),
        }
    }
}
