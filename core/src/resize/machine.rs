//! The fix as a pure state machine: given the job and what the page shows now, decide
//! the one thing to do. Each step says what it expects, what it does and how it knows
//! it worked; the machine moves between steps, keeps the deadlines and the action
//! budget, and never hands out Ok twice in one run.

use super::action::{Action, Target};
use super::job::{Job, Status};
use super::step::Step;
use super::text::{clip, parse_gb, same_name};
use super::view::{find_row, PageView, RowMatch, Shown};

const COMPANIES_LINK: &str = "View & Manage Companies";
const LOGIN_ITEM: &str = "Login as Company Admin";
const ACCOUNTS_LINK: &str = "Backup Accounts";
const CHANGE_SIZE_ITEM: &str = "Change Account Size";
const OK_BUTTON: &str = "Ok";
const HOME_LINK: &str = "Home";

/// What one step makes of the page.
enum Outcome {
    /// The step has succeeded: go on to the next.
    Done,
    /// The page lost what an earlier step achieved: do that step again.
    Back(Step),
    /// Do this; `missing` says what the step still has not seen, for a failure reason.
    Act(Action, String),
    /// Nothing to do yet; `missing` as above.
    Wait(String),
    /// Stop now with this reason; `with_state` adds what is true of the account and a
    /// reminder of the company session the partner may still be in.
    Fail { reason: String, with_state: bool },
}

/// Decides the one thing to do now and updates the job (step, counters, `ok_clicked`,
/// status, outcome). Call it on every page load and page change while the job is
/// running, and at least every second or so while it returns [`Action::Wait`]
/// (deadlines only pass while someone asks). A job that is not running gets
/// [`Action::Wait`] (pending), [`Action::Finished`], [`Action::Failed`] or
/// [`Action::Cancelled`], never an action that touches the page.
pub fn advance(job: &mut Job, view: &PageView, now_ms: u64) -> Action {
    match job.status {
        Status::Pending => return Action::Wait,
        Status::Done => return Action::Finished,
        Status::Cancelled => return Action::Cancelled,
        Status::Failed => {
            return Action::Failed {
                reason: job.outcome.clone().unwrap_or_default(),
                manual_steps: job.manual_steps(),
            }
        }
        Status::Running => {}
    }
    // A clock that went back must not stall the deadlines.
    job.step_started_ms = job.step_started_ms.min(now_ms);
    job.last_action_ms = job.last_action_ms.min(now_ms);

    if !job.ok_clicked {
        if let Some(problem) = request_problem(job) {
            return job.fail(problem, now_ms);
        }
    }

    // One view can complete several steps (a reload may land past the step that was
    // running); every step is visited at most twice.
    for _ in 0..2 * Step::ALL.len() {
        match step_outcome(job, view) {
            Outcome::Done => {
                match job.step {
                    Step::LoginAsCompanyAdmin => job.in_company_session = true,
                    Step::Verify => job.verified = true,
                    Step::Resume => job.in_company_session = false,
                    _ => {}
                }
                match job.step.next() {
                    Some(next) => job.enter(next, now_ms),
                    None => return finish(job, now_ms),
                }
            }
            Outcome::Back(step) => job.enter(step, now_ms),
            Outcome::Fail { reason, with_state } => {
                let reason = if with_state {
                    format!("{reason} {}{}", job.account_state(), job.session_note())
                } else {
                    reason
                };
                return job.fail(reason, now_ms);
            }
            Outcome::Wait(missing) => {
                if past_deadline(job, now_ms) {
                    return fail_missing(job, &missing, now_ms);
                }
                return Action::Wait;
            }
            Outcome::Act(action, missing) => return act(job, action, &missing, now_ms),
        }
    }
    Action::Wait
}

/// Hands out `action`, unless the step's deadline or the action budget is spent, or the
/// same action was handed out a moment ago (the page has not reacted yet).
fn act(job: &mut Job, action: Action, missing: &str, now_ms: u64) -> Action {
    if past_deadline(job, now_ms) {
        return fail_missing(job, missing, now_ms);
    }
    let repeated = job.last_action.as_ref() == Some(&action)
        && now_ms.saturating_sub(job.last_action_ms) < job.limits.settle_ms;
    if repeated {
        return Action::Wait;
    }
    if job.actions_in_step >= job.limits.max_actions_per_step {
        let tries = job.actions_in_step;
        return fail_missing(job, &format!("{missing} after {tries} tries"), now_ms);
    }
    if job.actions_total >= job.limits.max_actions_total {
        let total = job.actions_total;
        return fail_missing(
            job,
            &format!("{missing}; Allot gave up after {total} actions in all"),
            now_ms,
        );
    }
    if matches!(action, Action::Confirm { .. }) {
        // Recorded before Ok is clicked: a reload after this never submits again.
        job.ok_clicked = true;
    }
    job.actions_in_step += 1;
    job.actions_total += 1;
    job.last_action = Some(action.clone());
    job.last_action_ms = now_ms;
    job.updated_ms = now_ms;
    action
}

fn past_deadline(job: &Job, now_ms: u64) -> bool {
    now_ms.saturating_sub(job.step_started_ms) > job.limits.step_timeout_ms
}

/// Fails the step: "Step 3 of 6: no backup account named HighTech was found.", then
/// what is true of the account.
fn fail_missing(job: &mut Job, missing: &str, now_ms: u64) -> Action {
    let reason = format!(
        "{}: {missing}. {}{}",
        job.step.label(),
        job.account_state(),
        job.session_note()
    );
    job.fail(reason, now_ms)
}

fn finish(job: &mut Job, now_ms: u64) -> Action {
    let r = &job.request;
    job.outcome = Some(format!(
        "The backup account {} of {} is now {} GB (checked on the Home page), and the partner session is resumed.",
        r.admin_username.trim(),
        r.company.trim(),
        r.requested_gb
    ));
    job.status = Status::Done;
    job.updated_ms = now_ms;
    Action::Finished
}

/// A request the fix must not carry out, checked before anything changes.
fn request_problem(job: &Job) -> Option<String> {
    let r = &job.request;
    let stop = "Allot stopped before changing anything.";
    if r.company.trim().is_empty() {
        return Some(format!("The fix has no company name: {stop}"));
    }
    if r.admin_username.trim().is_empty() {
        return Some(format!(
            "The fix has no admin backup account name for {}: {stop}",
            r.company.trim()
        ));
    }
    if r.requested_gb == 0 {
        return Some(format!("The fix asks for 0 GB: {stop}"));
    }
    if r.company_quota_gb > 0 && r.requested_gb > r.company_quota_gb {
        return Some(format!(
            "{} GB is more than {}'s quota of {} GB: {stop}",
            r.requested_gb,
            r.company.trim(),
            r.company_quota_gb
        ));
    }
    None
}

fn step_outcome(job: &Job, view: &PageView) -> Outcome {
    match job.step {
        Step::OpenCompanies => open_companies(job, view),
        Step::LoginAsCompanyAdmin => login_as_company_admin(job, view),
        Step::OpenChangeSize => {
            in_company_session(job, view).unwrap_or_else(|| open_change_size(job, view))
        }
        Step::EnterSize => in_company_session(job, view).unwrap_or_else(|| enter_size(job, view)),
        Step::Verify => in_company_session(job, view).unwrap_or_else(|| verify(job, view)),
        Step::Resume => resume(view),
    }
}

/// Step 1: the partner session's companies table, listing the company.
fn open_companies(job: &Job, view: &PageView) -> Outcome {
    let company = job.request.company.trim();
    if view.in_company_session() {
        return match view.shown_company(company) {
            // Already in the company's session: step 2's goal is met too.
            Shown::Target => Outcome::Done,
            Shown::Other(other) => leave_company_session(view, &other),
            Shown::Nothing => Outcome::Wait(format!(
                "the company name {company} was not found in the upper right"
            )),
        };
    }
    match view.companies_table.as_deref() {
        Some(rows) => match find_row(rows, company) {
            RowMatch::One(..) => Outcome::Done,
            RowMatch::Several(n) => several_companies(company, n),
            RowMatch::None => Outcome::Wait(no_company(company)),
        },
        None => to_companies_page(view),
    }
}

/// Step 2: the company's gear > Login as Company Admin, until the company session shows
/// the company in the upper right.
fn login_as_company_admin(job: &Job, view: &PageView) -> Outcome {
    let company = job.request.company.trim();
    if view.in_company_session() {
        return match view.shown_company(company) {
            Shown::Target => Outcome::Done,
            Shown::Other(other) => wrong_company(job, &other),
            Shown::Nothing => Outcome::Wait(format!(
                "the company name {company} was not found in the upper right"
            )),
        };
    }
    let Some(rows) = view.companies_table.as_deref() else {
        return to_companies_page(view);
    };
    let (row, key) = match find_row(rows, company) {
        RowMatch::One(row, key) => (row, key),
        RowMatch::Several(n) => return several_companies(company, n),
        RowMatch::None => return Outcome::Wait(no_company(company)),
    };
    let open_action = Action::OpenRowMenu {
        table: Target::Companies,
        row_key: key.to_string(),
    };
    if !view.open_menu.is_empty() {
        let ours = job.last_action.as_ref() == Some(&open_action);
        if view.menu_is_for(rows, row, key, ours) {
            return match view.menu_item(LOGIN_ITEM) {
                Some(item) => Outcome::Act(
                    Action::ChooseMenuItem {
                        text: item.to_string(),
                    },
                    format!("the company session for {company} did not open"),
                ),
                None => Outcome::Wait(format!("the menu item {LOGIN_ITEM} was not found")),
            };
        }
    }
    if !row.has_gear {
        return Outcome::Wait(format!("the gear of the company {company} was not found"));
    }
    Outcome::Act(
        open_action,
        format!("the gear menu of the company {company} did not open"),
    )
}

/// Steps 3 to 5 happen in the target company's session. `None` when the page is in it;
/// otherwise what to do about that. Checked on every call, so every click that changes
/// something comes after a look at the upper right.
fn in_company_session(job: &Job, view: &PageView) -> Option<Outcome> {
    let company = job.request.company.trim();
    if !view.in_company_session() {
        return Some(Outcome::Wait(format!(
            "the company session for {company} was not found (no link \"Click here to resume session as ...\")"
        )));
    }
    match view.shown_company(company) {
        Shown::Target => None,
        Shown::Other(other) => Some(wrong_company(job, &other)),
        Shown::Nothing => Some(Outcome::Wait(format!(
            "the company name {company} was not found in the upper right"
        ))),
    }
}

/// Step 3: Backup Accounts, the admin account's gear > Change Account Size, until the
/// dialog Allot opened is there.
fn open_change_size(job: &Job, view: &PageView) -> Outcome {
    let account = job.request.admin_username.trim();
    let choose_action = |text: &str| Action::ChooseMenuItem {
        text: text.to_string(),
    };
    if view.size_dialog.is_some() {
        let opened_by_us = matches!(
            &job.last_action,
            Some(Action::ChooseMenuItem { text }) if same_name(text, CHANGE_SIZE_ITEM)
        );
        return if opened_by_us {
            Outcome::Done
        } else {
            Outcome::Wait(format!(
                "a {CHANGE_SIZE_ITEM} dialog is open that Allot did not open; close it and start again"
            ))
        };
    }
    let Some(rows) = view.accounts_table.as_deref() else {
        return match view.link(ACCOUNTS_LINK) {
            Some(link) => Outcome::Act(
                Action::ClickLink {
                    text: link.to_string(),
                },
                format!("{ACCOUNTS_LINK} did not open"),
            ),
            None => Outcome::Wait(format!("the link {ACCOUNTS_LINK} was not found")),
        };
    };
    let (row, key) = match find_row(rows, account) {
        RowMatch::One(row, key) => (row, key),
        RowMatch::Several(n) => {
            return Outcome::Fail {
                reason: format!(
                    "{}: {n} backup accounts are named {account}, so Allot cannot tell which to change.",
                    job.step.label()
                ),
                with_state: true,
            }
        }
        RowMatch::None => {
            return Outcome::Wait(format!("no backup account named {account} was found"))
        }
    };
    let open_action = Action::OpenRowMenu {
        table: Target::Accounts,
        row_key: key.to_string(),
    };
    if !view.open_menu.is_empty() {
        let ours = job.last_action.as_ref() == Some(&open_action);
        if view.menu_is_for(rows, row, key, ours) {
            return match view.menu_item(CHANGE_SIZE_ITEM) {
                Some(item) => Outcome::Act(
                    choose_action(item),
                    format!("{CHANGE_SIZE_ITEM} did not open"),
                ),
                None => Outcome::Wait(format!("the menu item {CHANGE_SIZE_ITEM} was not found")),
            };
        }
    }
    if !row.has_gear {
        return Outcome::Wait(format!(
            "the gear of the backup account {account} was not found"
        ));
    }
    Outcome::Act(
        open_action,
        format!("the gear menu of the backup account {account} did not open"),
    )
}

/// Step 4: the size in the field, then Ok once; done when the dialog closes without an
/// error.
fn enter_size(job: &Job, view: &PageView) -> Outcome {
    let gb = job.request.requested_gb;
    let Some(dialog) = view.size_dialog.as_ref() else {
        return if job.ok_clicked {
            // Closed after Ok (or the page reloaded): the Home page will tell.
            Outcome::Done
        } else {
            // Closed before Ok (a reload): open it again.
            Outcome::Back(Step::OpenChangeSize)
        };
    };
    let error = dialog
        .error
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    let value_ok = parse_gb(&dialog.value) == Some(gb);
    if let Some(error) = error {
        if job.ok_clicked || value_ok {
            let account = job.request.admin_username.trim();
            let error = clip(error, 200);
            let stop = if error.ends_with(['.', '!', '?']) {
                ""
            } else {
                "."
            };
            return Outcome::Fail {
                reason: format!(
                    "The dashboard refused {gb} GB: {error}{stop} The backup account {account} is as it was."
                ),
                with_state: false,
            };
        }
    }
    if job.ok_clicked {
        return Outcome::Wait(format!(
            "the {CHANGE_SIZE_ITEM} dialog did not close after {OK_BUTTON}"
        ));
    }
    if !value_ok {
        return Outcome::Act(
            Action::FillSize { gb },
            format!("the size field did not take {gb}"),
        );
    }
    Outcome::Act(
        Action::Confirm {
            button: OK_BUTTON.to_string(),
        },
        format!("the {CHANGE_SIZE_ITEM} dialog did not close after {OK_BUTTON}"),
    )
}

/// Step 5: the Home page's Backup Account Usage shows the requested size.
fn verify(job: &Job, view: &PageView) -> Outcome {
    let account = job.request.admin_username.trim();
    let gb = job.request.requested_gb;
    if view.usage_table.is_none() {
        return match view.link(HOME_LINK) {
            Some(link) => Outcome::Act(
                Action::ClickLink {
                    text: link.to_string(),
                },
                "the Home page did not open".to_string(),
            ),
            None => Outcome::Wait(format!("the link {HOME_LINK} was not found")),
        };
    }
    let Some(row) = view.usage_row(account) else {
        return Outcome::Wait(format!(
            "no account named {account} was found in Backup Account Usage on the Home page"
        ));
    };
    match parse_gb(&row.size_text) {
        Some(shown) if shown == gb => Outcome::Done,
        Some(shown) => Outcome::Fail {
            reason: format!("The Home page still shows {shown} GB for {account}, not {gb} GB."),
            with_state: false,
        },
        None => Outcome::Wait(format!(
            "the size of {account} in Backup Account Usage could not be read (\"{}\")",
            clip(&row.size_text, 40)
        )),
    }
}

/// Step 6: back to the partner session; done when the resume link is gone.
fn resume(view: &PageView) -> Outcome {
    match view.resume_link.as_deref().map(str::trim) {
        Some(link) if !link.is_empty() => Outcome::Act(
            Action::ClickLink {
                text: link.to_string(),
            },
            "the partner session did not come back".to_string(),
        ),
        _ => Outcome::Done,
    }
}

/// The way to the companies table from a partner page.
fn to_companies_page(view: &PageView) -> Outcome {
    match view.link(COMPANIES_LINK) {
        Some(link) => Outcome::Act(
            Action::ClickLink {
                text: link.to_string(),
            },
            format!("{COMPANIES_LINK} did not open"),
        ),
        None => Outcome::Wait(format!("the link {COMPANIES_LINK} was not found")),
    }
}

/// Step 1 found the partner in another company's session: resume the partner session
/// first (that changes nothing on any account).
fn leave_company_session(view: &PageView, other: &str) -> Outcome {
    match view.resume_link.as_deref().map(str::trim) {
        Some(link) if !link.is_empty() => Outcome::Act(
            Action::ClickLink {
                text: link.to_string(),
            },
            format!("the partner session did not come back (the dashboard shows {other})"),
        ),
        _ => Outcome::Wait(format!(
            "the partner session was not found (the dashboard shows {other})"
        )),
    }
}

fn wrong_company(job: &Job, other: &str) -> Outcome {
    let company = job.request.company.trim();
    let back = " This tab is in that company's session: click \"Click here to resume session as ...\" to go back to your partner dashboard first.";
    let reason = if job.ok_clicked {
        format!("The dashboard shows {other}, not {company}: Allot stopped.{back}")
    } else {
        format!(
            "The dashboard opened {other}, not {company}: Allot stopped before changing anything.{back}"
        )
    };
    Outcome::Fail {
        reason,
        with_state: job.ok_clicked,
    }
}

fn no_company(company: &str) -> String {
    format!("no company named {company} was found in {COMPANIES_LINK}")
}

fn several_companies(company: &str, n: usize) -> Outcome {
    Outcome::Fail {
        reason: format!(
            "{n} companies are named {company} in {COMPANIES_LINK}, so Allot cannot tell which to open: Allot stopped before changing anything."
        ),
        with_state: false,
    }
}
