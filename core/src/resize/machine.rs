//! The fix as a pure state machine: given the job and what the page shows now, decide
//! the one thing to do. Each step says what it expects, what it does and how it knows
//! it worked; the machine moves between steps, keeps the deadlines and the action
//! budget, and never hands out Ok twice in one run.

use super::action::Action;
use super::grid::GridKind;
use super::job::{Job, Status};
use super::step::Step;
use super::text::{clip, parse_gb, same_name};
use super::view::{menu_item, Located, PageView, Shown, SizeDialog};

/// The links to the companies grid: the seed's, then the newer dashboard's
/// (Accounts > Companies).
pub(crate) const COMPANIES_LINKS: [&str; 2] = ["View & Manage Companies", "Companies"];
const LOGIN_ITEM: &str = "Login as Company Admin";
/// The link to a company's backup accounts (the seed's menu, and the newer Endpoint
/// Backup > Backup Accounts).
const ACCOUNTS_LINK: &str = "Backup Accounts";
const CHANGE_SIZE_ITEM: &str = "Change Account Size";
/// The size dialog's confirming button: the seed's Ok, the newer Save.
const CONFIRM_BUTTONS: [&str; 2] = ["Ok", "Save"];
const HOME_LINK: &str = "Home";
/// A run turns at most this many pages of a grid looking for a name.
const MAX_PAGES: u32 = 200;

/// What one step makes of the page.
enum Outcome {
    /// The step has succeeded: go on to the next.
    Done,
    /// Go to this step now: back when the page lost what an earlier step achieved, on
    /// when a later step's goal is already met.
    Goto(Step),
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
            Outcome::Goto(step) => job.enter(step, now_ms),
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
    if let Action::NextPage { .. } = action {
        if job.pages_turned >= MAX_PAGES {
            return fail_missing(job, &format!("{missing} in {MAX_PAGES} pages"), now_ms);
        }
        job.pages_turned += 1;
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
    let checked = if job.allocated_checked {
        "checked in the company's session and in the companies list"
    } else {
        "checked in the company's session"
    };
    let was = if job.unchanged {
        " It already had that size, so nothing was submitted."
    } else {
        ""
    };
    job.outcome = Some(format!(
        "The backup account {} of {} is now {} GB ({checked}), and the partner session is resumed.{was}",
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

fn step_outcome(job: &mut Job, view: &PageView) -> Outcome {
    match job.step {
        Step::OpenCompanies => open_companies(job, view),
        Step::LoginAsCompanyAdmin => login_as_company_admin(job, view),
        Step::OpenChangeSize => {
            in_company_session(job, view).unwrap_or_else(|| open_change_size(job, view))
        }
        Step::EnterSize => in_company_session(job, view).unwrap_or_else(|| enter_size(job, view)),
        Step::Verify => in_company_session(job, view).unwrap_or_else(|| verify(job, view)),
        Step::Resume => resume(job, view),
    }
}

/// The company's row in the partner session's companies grid (with or without its gear
/// or Actions control yet), or what to do to reach it: open the companies page, turn a
/// page, or stop when several rows carry the name.
fn company_row(job: &mut Job, view: &PageView) -> Result<(usize, usize), Outcome> {
    let company = job.request.company.trim().to_string();
    match view.locate(GridKind::Companies, &company) {
        Located::One(g, r) | Located::NoGear(g, r) => {
            job.allocated_seen |= view.grids[g].has_allocated();
            Ok((g, r))
        }
        Located::Several(n) => Err(several_companies(&company, n)),
        Located::NotListed => Err(turn_page(view, GridKind::Companies, no_company(&company))),
        Located::NoGrid => Err(to_companies_page(view)),
    }
}

/// The pager's Next under the grid of `kind`, or a wait saying `missing`.
fn turn_page(view: &PageView, kind: GridKind, missing: String) -> Outcome {
    match view.next_page(kind) {
        Some((_, page)) => Outcome::Act(
            Action::NextPage {
                grid: kind,
                from_page: page.unwrap_or(0),
            },
            missing,
        ),
        None => Outcome::Wait(missing),
    }
}

/// Step 1: the partner session's companies grid, listing the company.
fn open_companies(job: &mut Job, view: &PageView) -> Outcome {
    let company = job.request.company.trim().to_string();
    if view.in_company_session() {
        return match view.shown_company(&company) {
            // Already in the company's session, named whole: step 2's goal is met too.
            Shown::Target => Outcome::Done,
            Shown::Other(other) => leave_company_session(view, &other),
            Shown::Nothing => Outcome::Wait(not_in_header(&company)),
        };
    }
    // Step 1 only needs the row; step 2 waits for its control.
    match company_row(job, view) {
        Ok(_) => Outcome::Done,
        Err(outcome) => outcome,
    }
}

/// Step 2: the company's gear or Actions > Login as Company Admin, until the company
/// session names the company whole in the header.
fn login_as_company_admin(job: &mut Job, view: &PageView) -> Outcome {
    let company = job.request.company.trim().to_string();
    if view.in_company_session() {
        return match view.shown_company(&company) {
            Shown::Target => Outcome::Done,
            Shown::Other(other) => wrong_company(job, &other),
            Shown::Nothing => Outcome::Wait(not_in_header(&company)),
        };
    }
    let (g, r) = match company_row(job, view) {
        Ok(at) => at,
        Err(outcome) => return outcome,
    };
    if !view.grids[g].rows[r].has_gear {
        return Outcome::Wait(format!(
            "the gear or Actions control of the company {company} was not found"
        ));
    }
    let key = view.grids[g].name_of(r).unwrap_or(&company).to_string();
    row_menu_item(
        job,
        view,
        (GridKind::Companies, g, r, &key),
        LOGIN_ITEM,
        || unmanaged(job_company(job)),
        format!("the company session for {company} did not open"),
    )
}

/// The company name of a job, trimmed.
fn job_company(job: &Job) -> String {
    job.request.company.trim().to_string()
}

/// Opens the row's menu and chooses `item` in it, only in the menu the page ties to
/// that row. A menu of the row without the item ends the run with `lacks()`; a menu that
/// opened after Allot's click but that the page does not tie to the row ends it too.
fn row_menu_item(
    job: &Job,
    view: &PageView,
    (kind, g, r, key): (GridKind, usize, usize, &str),
    item: &str,
    lacks: impl FnOnce() -> String,
    missing: String,
) -> Outcome {
    let open_action = Action::OpenRowMenu {
        grid: kind,
        row_key: key.to_string(),
    };
    if let Some(m) = view.menu_of(g, r) {
        let menu = &view.menus[m];
        return match menu_item(menu, item) {
            Some(text) => Outcome::Act(
                Action::ChooseMenuItem {
                    grid: kind,
                    row_key: key.to_string(),
                    text: text.to_string(),
                },
                missing,
            ),
            None if !menu.items.is_empty() => Outcome::Fail {
                reason: format!("{}: {}", job.step.label(), lacks()),
                with_state: true,
            },
            None => Outcome::Wait(format!("the menu item {item} was not found")),
        };
    }
    if job.last_action.as_ref() == Some(&open_action) && view.stray_new_menu(g, r) {
        return Outcome::Fail {
            reason: format!(
                "{}: a menu opened that the page does not tie to the row of {key}, so Allot cannot tell whose it is and stopped before clicking {item}.",
                job.step.label()
            ),
            with_state: true,
        };
    }
    Outcome::Act(open_action, format!("the menu of {key} did not open"))
}

/// Steps 3 to 5 happen in the target company's session. `None` when the page is in it;
/// otherwise what to do about that. Checked on every call, so every click that changes
/// something comes after a look at the header.
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
        Shown::Nothing => Some(Outcome::Wait(not_in_header(company))),
    }
}

/// True when the size dialog is the one Allot's own click on the target account's
/// "Change Account Size" opened.
fn dialog_is_ours(job: &Job, dialog: &SizeDialog) -> bool {
    let account = job.request.admin_username.trim();
    dialog.opened_by_allot
        && matches!(
            &job.last_action,
            Some(Action::ChooseMenuItem { grid: GridKind::Accounts, row_key, text })
                if same_name(row_key, account) && same_name(text, CHANGE_SIZE_ITEM)
        )
}

/// Another backup account the dialog names whole ("Account: acme-frontdesk").
fn names_other_account(job: &Job, view: &PageView, dialog: &SizeDialog) -> Option<String> {
    let account = job.request.admin_username.trim();
    let others: Vec<&str> = view
        .grids
        .iter()
        .filter(|g| g.kind() == Some(GridKind::Accounts))
        .flat_map(|g| (0..g.rows.len()).filter_map(move |r| g.name_of(r)))
        .filter(|name| !same_name(name, account))
        .collect();
    dialog.texts.iter().find_map(|t| {
        others
            .iter()
            .find(|o| super::text::names_whole(t, o))
            .map(|o| o.to_string())
    })
}

/// Step 3: the admin account's row (on the page already, or on Backup Accounts), its
/// gear or Actions > Change Account Size, until the dialog that click opened is there.
fn open_change_size(job: &mut Job, view: &PageView) -> Outcome {
    let account = job.request.admin_username.trim().to_string();
    let company = job_company(job);
    if let Some(dialog) = view.size_dialog.as_ref() {
        if !dialog_is_ours(job, dialog) {
            return Outcome::Fail {
                reason: format!(
                    "{}: a {CHANGE_SIZE_ITEM} dialog is open that Allot did not open, so Allot stopped before changing anything. Close it and start again.",
                    job.step.label()
                ),
                with_state: true,
            };
        }
        if let Some(other) = names_other_account(job, view, dialog) {
            return Outcome::Fail {
                reason: format!(
                    "{}: the {CHANGE_SIZE_ITEM} dialog names the backup account {other}, not {account}, so Allot stopped before changing anything.",
                    job.step.label()
                ),
                with_state: true,
            };
        }
        return Outcome::Done;
    }
    let (g, r) = match view.locate(GridKind::Accounts, &account) {
        Located::One(g, r) => (g, r),
        Located::Several(n) => {
            return Outcome::Fail {
                reason: format!(
                    "{}: {n} backup accounts are named {account}, so Allot cannot tell which to change.",
                    job.step.label()
                ),
                with_state: true,
            }
        }
        Located::NoGear(..) | Located::NoGrid => return to_accounts_page(job, view, &account),
        Located::NotListed => {
            let missing = format!("no backup account named {account} was found");
            return match view.next_page(GridKind::Accounts) {
                Some(_) => turn_page(view, GridKind::Accounts, missing),
                None => match to_accounts_page(job, view, &account) {
                    Outcome::Act(..) if job.actions_in_step > 0 => Outcome::Wait(missing),
                    Outcome::Wait(_) => Outcome::Wait(missing),
                    other => other,
                },
            };
        }
    };
    let grid = &view.grids[g];
    if let Some(owner) = grid.company_of(r) {
        if !same_name(owner, &company) {
            return Outcome::Fail {
                reason: format!(
                    "{}: the backup account {account} is listed under the company {owner}, not {company}, so Allot stopped before changing anything.",
                    job.step.label()
                ),
                with_state: true,
            };
        }
    }
    if let Some(size) = grid.size_of(r) {
        if let Some(problem) = size_problem(job, size) {
            return problem;
        }
        if size == job.request.requested_gb && !job.ok_clicked {
            job.unchanged = true;
            return Outcome::Goto(Step::Verify);
        }
    }
    let key = grid.name_of(r).unwrap_or(&account).to_string();
    row_menu_item(
        job,
        view,
        (GridKind::Accounts, g, r, &key),
        CHANGE_SIZE_ITEM,
        || {
            format!(
                "the menu of the backup account {account} has no {CHANGE_SIZE_ITEM}, so Allot cannot change its size."
            )
        },
        format!("{CHANGE_SIZE_ITEM} did not open"),
    )
}

/// The account shows `size`, neither the size it had when the fix was asked for nor the
/// size asked: it is not the account this Create made.
fn size_problem(job: &Job, size: u32) -> Option<Outcome> {
    let r = &job.request;
    let known = r.current_gb;
    if job.ok_clicked || known == 0 || size == known || size == r.requested_gb {
        return None;
    }
    Some(Outcome::Fail {
        reason: format!(
            "{}: the backup account {} is {size} GB, not the {known} GB of the admin account this Create made, so it may be another account: Allot stopped before changing anything.",
            job.step.label(),
            r.admin_username.trim()
        ),
        with_state: false,
    })
}

/// The way to the company's backup accounts: the "Backup Accounts" link.
fn to_accounts_page(job: &Job, view: &PageView, account: &str) -> Outcome {
    match view.link(ACCOUNTS_LINK) {
        // Clicked already: the page is loading, or it is there and shows the row
        // without its control yet.
        Some(link)
            if matches!(&job.last_action, Some(Action::ClickLink { text }) if same_name(text, link)) =>
        {
            Outcome::Wait(format!(
                "the backup account {account} with its gear or Actions control was not found"
            ))
        }
        Some(link) => Outcome::Act(
            Action::ClickLink {
                text: link.to_string(),
            },
            format!("the backup account {account} with its gear or Actions control was not found"),
        ),
        None => Outcome::Wait(format!(
            "the backup account {account} with its gear or Actions control was not found, nor a link {ACCOUNTS_LINK}"
        )),
    }
}

/// Step 4: the size in the field of the dialog Allot opened, then Ok (or Save) once;
/// done when the dialog closes without an error.
fn enter_size(job: &mut Job, view: &PageView) -> Outcome {
    let gb = job.request.requested_gb;
    let Some(dialog) = view.size_dialog.as_ref() else {
        return if job.ok_clicked {
            // Closed after Ok (or the page reloaded): step 5 will tell.
            Outcome::Done
        } else {
            // Closed before Ok (a reload): open it again.
            Outcome::Goto(Step::OpenChangeSize)
        };
    };
    if !job.ok_clicked && !dialog.opened_by_allot {
        return Outcome::Fail {
            reason: format!(
                "{}: the {CHANGE_SIZE_ITEM} dialog on the page is not the one Allot opened, so Allot stopped before changing anything.",
                job.step.label()
            ),
            with_state: true,
        };
    }
    if !job.ok_clicked {
        if let Some(problem) = parse_gb(&dialog.initial).and_then(|size| size_problem(job, size)) {
            return problem;
        }
    }
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
            "the {CHANGE_SIZE_ITEM} dialog did not close after it was confirmed"
        ));
    }
    if !value_ok {
        return Outcome::Act(
            Action::FillSize { gb },
            format!("the size field did not take {gb}"),
        );
    }
    // The first of Ok and Save the dialog has, and only when one button says it: what
    // `resolve` clicks, so Ok is never recorded as clicked for a click that cannot land.
    let named: Option<Vec<&String>> = CONFIRM_BUTTONS.iter().find_map(|want| {
        let named: Vec<&String> = dialog
            .buttons
            .iter()
            .filter(|b| same_name(b, want))
            .collect();
        (!named.is_empty()).then_some(named)
    });
    match named.as_deref() {
        Some([button]) => Outcome::Act(
            Action::Confirm {
                button: button.trim().to_string(),
            },
            format!("the {CHANGE_SIZE_ITEM} dialog did not close after it was confirmed"),
        ),
        Some(several) => Outcome::Wait(format!(
            "the {CHANGE_SIZE_ITEM} dialog has {} buttons {}, so Allot cannot tell which to click",
            several.len(),
            several[0].trim()
        )),
        None => Outcome::Wait(format!(
            "the {CHANGE_SIZE_ITEM} dialog has no Ok or Save button"
        )),
    }
}

/// Step 5: the company's session shows the requested size: Backup Account Usage on the
/// Home page, or the accounts grid's Size column when Home has no usage table.
fn verify(job: &mut Job, view: &PageView) -> Outcome {
    let account = job.request.admin_username.trim().to_string();
    let gb = job.request.requested_gb;
    let shown = if let Some(row) = view.usage_row(&account) {
        match parse_gb(&row.size_text) {
            Some(size) => Some(size),
            None => {
                return Outcome::Wait(format!(
                    "the size of {account} in Backup Account Usage could not be read (\"{}\")",
                    clip(&row.size_text, 40)
                ))
            }
        }
    } else if view.usage_table.is_none() && !job.went_home && view.link(HOME_LINK).is_some() {
        job.went_home = true;
        return Outcome::Act(
            Action::ClickLink {
                text: view.link(HOME_LINK).unwrap_or(HOME_LINK).to_string(),
            },
            "the Home page did not open".to_string(),
        );
    } else {
        match view.locate(GridKind::Accounts, &account) {
            Located::One(g, r) | Located::NoGear(g, r) => view.grids[g].size_of(r),
            _ => None,
        }
    };
    match shown {
        Some(size) if size == gb => Outcome::Done,
        // A list that has not caught up yet: the deadline turns a lasting one into a
        // failure that says what the dashboard shows.
        Some(size) => Outcome::Wait(format!(
            "the dashboard still shows {size} GB for {account}, not {gb} GB"
        )),
        None if job.went_home && view.usage_table.is_none() => {
            // Home was opened and has no usage table: the Backup Accounts page shows sizes.
            match view.link(ACCOUNTS_LINK) {
                Some(link) if view.locate(GridKind::Accounts, &account) == Located::NoGrid => {
                    Outcome::Act(
                        Action::ClickLink {
                            text: link.to_string(),
                        },
                        format!("the size of {account} was not found on the dashboard"),
                    )
                }
                _ => Outcome::Wait(format!(
                    "the size of {account} was not found on the dashboard"
                )),
            }
        }
        None => Outcome::Wait(format!(
            "no account named {account} was found in Backup Account Usage on the Home page"
        )),
    }
}

/// Step 6: back to the partner session; where the companies grid has an Allocated Space
/// column, it must show the new size too.
fn resume(job: &mut Job, view: &PageView) -> Outcome {
    if let Some(link) = view.resume_link.as_deref().map(str::trim) {
        if !link.is_empty() {
            return Outcome::Act(
                Action::ClickLink {
                    text: link.to_string(),
                },
                "the partner session did not come back".to_string(),
            );
        }
    }
    if !job.allocated_seen || job.allocated_checked {
        return Outcome::Done;
    }
    let company = job_company(job);
    let gb = job.request.requested_gb;
    let (g, r) = match company_row(job, view) {
        Ok(at) => at,
        Err(outcome) => return outcome,
    };
    match view.grids[g].allocated_of(r) {
        Some(size) if size == gb => {
            job.allocated_checked = true;
            Outcome::Done
        }
        Some(size) => Outcome::Fail {
            reason: format!(
                "The companies list shows Allocated Space {size} GB for {company}, not {gb} GB."
            ),
            with_state: false,
        },
        // This page's grid has no Allocated Space column: nothing more to check.
        None => Outcome::Done,
    }
}

/// The way to the companies grid from a partner page: the seed's "View & Manage
/// Companies", or the newer "Companies".
fn to_companies_page(view: &PageView) -> Outcome {
    match COMPANIES_LINKS.iter().find_map(|l| view.link(l)) {
        Some(link) => Outcome::Act(
            Action::ClickLink {
                text: link.to_string(),
            },
            format!("{} did not open", COMPANIES_LINKS[0]),
        ),
        None => Outcome::Wait(format!(
            "the link {} (or Companies) was not found",
            COMPANIES_LINKS[0]
        )),
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

fn not_in_header(company: &str) -> String {
    format!("the company name {company} was not found in the page's header")
}

fn no_company(company: &str) -> String {
    format!("no company named {company} was found in the companies list")
}

fn unmanaged(company: String) -> String {
    format!(
        "{company} is not a managed company: its menu has no {LOGIN_ITEM}, so Allot cannot reach its backup accounts. Make the company managed first (only its admin can ask for that), then resize its admin backup account."
    )
}

fn several_companies(company: &str, n: usize) -> Outcome {
    Outcome::Fail {
        reason: format!(
            "{n} companies are named {company} in the companies list, so Allot cannot tell which to open: Allot stopped before changing anything."
        ),
        with_state: false,
    }
}
