//! The allocation fix's state machine, driven natively: a small fake dashboard that
//! reacts to the machine's actions the way the seed's pages do, and hand-built page
//! views for the single steps.

use allot_core::resize::*;
use proptest::prelude::*;

const T0: u64 = 1_700_000_000_000;
const RESUME: &str = "Click here to resume session as Pax8 Partner";

fn request() -> FixRequest {
    FixRequest {
        company: "HighTech".into(),
        admin_username: "hightech-admin".into(),
        requested_gb: 10,
        company_quota_gb: 10,
    }
}

/// The seed's own names: the admin backup account is called like the company.
fn seed_request() -> FixRequest {
    FixRequest {
        admin_username: "HighTech".into(),
        ..request()
    }
}

fn running(request: FixRequest) -> Job {
    let mut job = Job::new("fix-1", request, T0);
    assert!(job.start(T0));
    job
}

/// A running job at `step`, as if the earlier steps had succeeded.
fn job_at(step: Step) -> Job {
    let mut job = running(request());
    job.step = step;
    job.ok_clicked = step > Step::EnterSize;
    job.verified = step > Step::Verify;
    job.in_company_session = step > Step::LoginAsCompanyAdmin;
    job
}

fn roundtrip(job: &Job) -> Job {
    let json = serde_json::to_string(job).expect("a job serialises");
    serde_json::from_str(&json).expect("a job deserialises")
}

fn click(text: &str) -> Action {
    Action::ClickLink { text: text.into() }
}

fn choose(text: &str) -> Action {
    Action::ChooseMenuItem { text: text.into() }
}

fn open_menu(table: Target, row_key: &str) -> Action {
    Action::OpenRowMenu {
        table,
        row_key: row_key.into(),
    }
}

fn confirm() -> Action {
    Action::Confirm {
        button: "Ok".into(),
    }
}

fn reason(action: &Action) -> &str {
    match action {
        Action::Failed { reason, .. } => reason,
        other => panic!("expected Failed, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------
// Hand-built page views

/// A readable way to write a [`PageView`].
struct Page(PageView);

impl Page {
    /// A partner-session page with the Manage menu in the DOM.
    fn partner() -> Page {
        Page(PageView {
            upper_right: vec!["Pax8 Partner".into(), "Log out".into()],
            links: vec![
                "Home".into(),
                "Manage".into(),
                "View & Manage Companies".into(),
            ],
            ..PageView::default()
        })
    }

    /// A page of `company`'s session (the upper right shows it).
    fn company(company: &str) -> Page {
        Page(PageView {
            resume_link: Some(RESUME.into()),
            upper_right: vec![company.into(), "Log out".into()],
            links: vec!["Home".into(), "Backup Accounts".into(), "Users".into()],
            ..PageView::default()
        })
    }

    fn without_links(mut self) -> Page {
        self.0.links.clear();
        self
    }

    fn upper_right(mut self, texts: &[&str]) -> Page {
        self.0.upper_right = texts.iter().map(|t| t.to_string()).collect();
        self
    }

    fn companies(mut self, names: &[&str]) -> Page {
        self.0.companies_table = Some(
            names
                .iter()
                .map(|n| Row {
                    cells: vec![n.to_string(), "10 GB".into(), "Active".into()],
                    has_gear: true,
                })
                .collect(),
        );
        self
    }

    fn accounts(mut self, rows: &[(&str, &str)]) -> Page {
        self.0.accounts_table = Some(
            rows.iter()
                .map(|(name, size)| Row {
                    cells: vec![name.to_string(), size.to_string()],
                    has_gear: true,
                })
                .collect(),
        );
        self
    }

    fn usage(mut self, rows: &[(&str, &str)]) -> Page {
        self.0.usage_table = Some(
            rows.iter()
                .map(|(account, size)| UsageRow {
                    account: account.to_string(),
                    size_text: size.to_string(),
                })
                .collect(),
        );
        self
    }

    fn menu(mut self, row: Option<&str>, items: &[&str]) -> Page {
        self.0.menu_row = row.map(str::to_string);
        self.0.open_menu = items.iter().map(|t| t.to_string()).collect();
        self
    }

    fn dialog(mut self, value: &str, error: Option<&str>) -> Page {
        self.0.size_dialog = Some(SizeDialog {
            value: value.into(),
            error: error.map(str::to_string),
        });
        self
    }

    fn build(self) -> PageView {
        self.0
    }
}

// ---------------------------------------------------------------------------------
// A fake dashboard that answers the machine's actions

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    PartnerHome,
    Companies,
    CompanyHome,
    Accounts,
}

#[derive(Clone, Debug)]
struct Company {
    name: String,
    quota: u32,
    accounts: Vec<(String, u32)>,
}

#[derive(Clone, Debug)]
struct Dash {
    companies: Vec<Company>,
    /// The company whose session is open.
    session: Option<usize>,
    screen: Screen,
    /// The open gear menu: its table and its row's name.
    menu: Option<(Target, String)>,
    /// The open Change Account Size dialog: account, value, error.
    dialog: Option<(String, String, Option<String>)>,
    /// Whether views say which row a menu belongs to.
    tells_menu_row: bool,
    /// "Login as Company Admin" opens this company instead of the one clicked.
    login_opens: Option<usize>,
    /// Ok closes the dialog but the size does not change.
    drops_submits: bool,
    /// Links that do nothing when clicked.
    broken_links: Vec<String>,
    /// Ok clicks that reached the dashboard.
    submits: u32,
    /// Every action that touched the page.
    log: Vec<Action>,
}

impl Dash {
    fn new(admin: &str) -> Dash {
        Dash {
            companies: vec![
                Company {
                    name: "OtherCo".into(),
                    quota: 50,
                    accounts: vec![("otherco-admin".into(), 5)],
                },
                Company {
                    name: "HighTech".into(),
                    quota: 10,
                    accounts: vec![(admin.into(), 5), ("reception".into(), 5)],
                },
                Company {
                    name: "HighTech Labs".into(),
                    quota: 10,
                    accounts: vec![("labs-admin".into(), 5)],
                },
            ],
            session: None,
            screen: Screen::PartnerHome,
            menu: None,
            dialog: None,
            tells_menu_row: true,
            login_opens: None,
            drops_submits: false,
            broken_links: Vec::new(),
            submits: 0,
            log: Vec::new(),
        }
    }

    fn size_of(&self, account: &str) -> Option<u32> {
        self.companies
            .iter()
            .flat_map(|c| c.accounts.iter())
            .find(|(name, _)| name == account)
            .map(|(_, gb)| *gb)
    }

    fn company_rows(&self) -> Vec<Row> {
        self.companies
            .iter()
            .map(|c| Row {
                cells: vec![c.name.clone(), format!("{} GB", c.quota), "Active".into()],
                has_gear: true,
            })
            .collect()
    }

    fn account_rows(&self, company: usize) -> Vec<Row> {
        self.companies[company]
            .accounts
            .iter()
            .map(|(name, gb)| Row {
                cells: vec![name.clone(), format!("{gb} GB")],
                has_gear: true,
            })
            .collect()
    }

    fn view(&self) -> PageView {
        let mut page = match self.session {
            None => {
                let page = Page::partner();
                if self.screen == Screen::Companies {
                    let mut view = page.build();
                    view.companies_table = Some(self.company_rows());
                    Page(view)
                } else {
                    page
                }
            }
            Some(c) => {
                let mut view = Page::company(&self.companies[c].name).build();
                match self.screen {
                    Screen::Accounts => view.accounts_table = Some(self.account_rows(c)),
                    _ => {
                        view.usage_table = Some(
                            self.companies[c]
                                .accounts
                                .iter()
                                .map(|(name, gb)| UsageRow {
                                    account: name.clone(),
                                    size_text: format!("{gb} GB"),
                                })
                                .collect(),
                        )
                    }
                }
                Page(view)
            }
        };
        if let Some((target, row)) = &self.menu {
            let items: &[&str] = match target {
                Target::Companies => &["Edit", "Login as Company Admin", "Delete"],
                Target::Accounts => &["Change Account Size", "Change Password", "Delete"],
            };
            let rows = match target {
                Target::Companies => self.company_rows(),
                Target::Accounts => self.account_rows(self.session.unwrap_or(0)),
            };
            let row_text = rows
                .iter()
                .find(|r| r.cells[0] == *row)
                .map(|r| r.cells.join("\t"));
            let told = if self.tells_menu_row { row_text } else { None };
            page = page.menu(told.as_deref(), items);
        }
        if let Some((_, value, error)) = &self.dialog {
            page = page.dialog(value, error.as_deref());
        }
        page.build()
    }

    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.menu = None;
        self.dialog = None;
    }

    /// A page load: menus and dialogs are gone.
    fn reload(&mut self) {
        self.menu = None;
        self.dialog = None;
    }

    fn apply(&mut self, action: &Action) {
        if action.touches_page() {
            self.log.push(action.clone());
        }
        match action {
            Action::ClickLink { text } => {
                if self.broken_links.contains(text) {
                    return;
                }
                match (self.session, text.as_str()) {
                    (None, "View & Manage Companies") => self.go(Screen::Companies),
                    (None, "Home") => self.go(Screen::PartnerHome),
                    (Some(_), RESUME) => {
                        self.session = None;
                        self.go(Screen::PartnerHome);
                    }
                    (Some(_), "Backup Accounts") => self.go(Screen::Accounts),
                    (Some(_), "Home") => self.go(Screen::CompanyHome),
                    _ => panic!("no link {text:?} on this page"),
                }
            }
            Action::OpenRowMenu { table, row_key } => {
                let same = self.menu.as_ref() == Some(&(*table, row_key.clone()));
                // A second click on the same gear closes its menu.
                self.menu = if same {
                    None
                } else {
                    Some((*table, row_key.clone()))
                };
            }
            Action::ChooseMenuItem { text } => {
                let (target, row) = self.menu.take().expect("a menu is open");
                match (target, text.as_str()) {
                    (Target::Companies, "Login as Company Admin") => {
                        let clicked = self.companies.iter().position(|c| c.name == row);
                        self.session = self.login_opens.or(clicked);
                        self.go(Screen::CompanyHome);
                    }
                    (Target::Accounts, "Change Account Size") => {
                        let gb = self.size_of(&row).expect("the account exists");
                        self.dialog = Some((row, gb.to_string(), None));
                    }
                    _ => panic!("no menu item {text:?}"),
                }
            }
            Action::FillSize { gb } => {
                let dialog = self.dialog.as_mut().expect("the dialog is open");
                dialog.1 = gb.to_string();
                dialog.2 = None;
            }
            Action::Confirm { .. } => {
                let (account, value, _) = self.dialog.clone().expect("the dialog is open");
                self.submits += 1;
                let c = self.session.expect("a company session");
                let quota = self.companies[c].quota;
                let gb: u32 = value.parse().unwrap_or(0);
                if !(5..=quota).contains(&gb) {
                    self.dialog = Some((
                        account,
                        value,
                        Some(format!("Account size must be between 5 GB and {quota} GB")),
                    ));
                    return;
                }
                if !self.drops_submits {
                    for (name, size) in &mut self.companies[c].accounts {
                        if *name == account {
                            *size = gb;
                        }
                    }
                }
                self.dialog = None;
            }
            Action::Wait | Action::Finished | Action::Failed { .. } | Action::Cancelled => {}
        }
    }
}

/// Drives the machine against the dashboard until it ends or `max` calls have been made,
/// `tick` ms apart. Returns the final action.
fn drive(job: &mut Job, dash: &mut Dash, now: &mut u64, tick: u64, max: usize) -> Action {
    for _ in 0..max {
        let action = advance(job, &dash.view(), *now);
        if action.is_final() {
            return action;
        }
        dash.apply(&action);
        *now += tick;
    }
    panic!("the fix did not end within {max} calls: {job:?}");
}

fn flow_actions(admin: &str) -> Vec<Action> {
    vec![
        click("View & Manage Companies"),
        open_menu(Target::Companies, "HighTech"),
        choose("Login as Company Admin"),
        click("Backup Accounts"),
        open_menu(Target::Accounts, admin),
        choose("Change Account Size"),
        Action::FillSize { gb: 10 },
        confirm(),
        click("Home"),
        click(RESUME),
    ]
}

// ---------------------------------------------------------------------------------
// The whole flow

#[test]
fn the_whole_flow_gives_the_account_its_size_with_one_ok() {
    let mut job = running(request());
    let mut dash = Dash::new("hightech-admin");
    let mut now = T0;
    let mut progress = Vec::new();
    let end = loop {
        let action = advance(&mut job, &dash.view(), now);
        progress.push(job.progress_text());
        if action.is_final() {
            break action;
        }
        dash.apply(&action);
        now += 500;
    };
    assert_eq!(end, Action::Finished);
    assert_eq!(dash.log, flow_actions("hightech-admin"));
    assert_eq!(dash.submits, 1);
    assert_eq!(dash.size_of("hightech-admin"), Some(10));
    assert_eq!(dash.size_of("reception"), Some(5));
    assert_eq!(dash.session, None);
    assert_eq!(job.status, Status::Done);
    assert!(job.verified && job.ok_clicked);
    assert_eq!(
        job.outcome.as_deref(),
        Some("The backup account hightech-admin of HighTech is now 10 GB (checked on the Home page), and the partner session is resumed.")
    );
    assert!(progress.contains(&"Step 3 of 6: Opening Change Account Size".to_string()));
    for step in Step::ALL {
        assert!(
            progress.contains(&step.progress_text()),
            "{step:?} never shown"
        );
    }
    assert!(job.manual_steps().is_empty());
    // Asking again changes nothing.
    assert_eq!(advance(&mut job, &dash.view(), now), Action::Finished);
}

#[test]
fn the_seed_names_work_when_the_admin_account_is_named_like_the_company() {
    let mut job = running(seed_request());
    let mut dash = Dash::new("HighTech");
    let mut now = T0;
    assert_eq!(
        drive(&mut job, &mut dash, &mut now, 500, 100),
        Action::Finished
    );
    assert_eq!(dash.log, flow_actions("HighTech"));
    assert_eq!(dash.size_of("HighTech"), Some(10));
    assert_eq!(dash.submits, 1);
}

#[test]
fn the_flow_works_when_the_page_cannot_say_which_row_a_menu_belongs_to() {
    let mut job = running(request());
    let mut dash = Dash::new("hightech-admin");
    dash.tells_menu_row = false;
    let mut now = T0;
    assert_eq!(
        drive(&mut job, &mut dash, &mut now, 500, 100),
        Action::Finished
    );
    assert_eq!(dash.log, flow_actions("hightech-admin"));
}

#[test]
fn a_json_round_trip_before_every_call_changes_nothing() {
    let mut job = running(request());
    let mut dash = Dash::new("hightech-admin");
    let mut now = T0;
    for _ in 0..100 {
        let stored = roundtrip(&job);
        assert_eq!(stored, job);
        job = stored;
        let action = advance(&mut job, &dash.view(), now);
        if action.is_final() {
            break;
        }
        dash.apply(&action);
        now += 500;
    }
    assert_eq!(job.status, Status::Done);
    assert_eq!(dash.log, flow_actions("hightech-admin"));
}

// ---------------------------------------------------------------------------------
// Each step's success, from hand-built views

#[test]
fn step_1_is_done_when_the_companies_table_lists_the_company() {
    let mut job = job_at(Step::OpenCompanies);
    let view = Page::partner()
        .companies(&["OtherCo", "HighTech", "HighTech Labs"])
        .build();
    let action = advance(&mut job, &view, T0 + 1);
    assert_eq!(job.step, Step::LoginAsCompanyAdmin);
    assert_eq!(action, open_menu(Target::Companies, "HighTech"));
}

#[test]
fn step_1_opens_view_and_manage_companies_by_its_link() {
    let mut job = job_at(Step::OpenCompanies);
    let action = advance(&mut job, &Page::partner().build(), T0 + 1);
    assert_eq!(action, click("View & Manage Companies"));
    assert_eq!(job.step, Step::OpenCompanies);
    assert_eq!(job.actions_in_step, 1);
}

#[test]
fn step_1_leaves_another_company_session_first() {
    let mut job = job_at(Step::OpenCompanies);
    let action = advance(&mut job, &Page::company("OtherCo").build(), T0 + 1);
    assert_eq!(action, click(RESUME));
    assert_eq!(job.status, Status::Running);
}

#[test]
fn step_2_chooses_login_as_company_admin_in_the_company_menu() {
    let mut job = job_at(Step::LoginAsCompanyAdmin);
    let view = Page::partner()
        .companies(&["OtherCo", "HighTech"])
        .menu(
            Some("HighTech\t10 GB\tActive"),
            &["Edit", "Login as Company Admin"],
        )
        .build();
    assert_eq!(
        advance(&mut job, &view, T0 + 1),
        choose("Login as Company Admin")
    );
}

#[test]
fn step_2_is_done_when_the_company_session_shows_the_company() {
    let mut job = job_at(Step::LoginAsCompanyAdmin);
    let view = Page::company("HighTech").build();
    let action = advance(&mut job, &view, T0 + 1);
    assert_eq!(job.step, Step::OpenChangeSize);
    assert!(job.in_company_session);
    assert_eq!(action, click("Backup Accounts"));
}

#[test]
fn step_3_opens_the_gear_of_the_admin_account() {
    let mut job = job_at(Step::OpenChangeSize);
    let view = Page::company("HighTech")
        .accounts(&[("reception", "5 GB"), ("hightech-admin", "5 GB")])
        .build();
    assert_eq!(
        advance(&mut job, &view, T0 + 1),
        open_menu(Target::Accounts, "hightech-admin")
    );
    let view = Page::company("HighTech")
        .accounts(&[("reception", "5 GB"), ("hightech-admin", "5 GB")])
        .menu(
            Some("hightech-admin 5 GB"),
            &["Change Account Size", "Delete"],
        )
        .build();
    assert_eq!(
        advance(&mut job, &view, T0 + 2),
        choose("Change Account Size")
    );
}

#[test]
fn step_3_is_done_when_the_dialog_allot_opened_is_there() {
    let mut job = job_at(Step::OpenChangeSize);
    job.last_action = Some(choose("Change Account Size"));
    let view = Page::company("HighTech").dialog("5", None).build();
    assert_eq!(
        advance(&mut job, &view, T0 + 1),
        Action::FillSize { gb: 10 }
    );
    assert_eq!(job.step, Step::EnterSize);
}

#[test]
fn step_4_fills_the_size_then_clicks_ok_once() {
    let mut job = job_at(Step::EnterSize);
    let filled = Page::company("HighTech").dialog("10", None).build();
    assert_eq!(
        advance(
            &mut job,
            &Page::company("HighTech").dialog("5 GB", None).build(),
            T0 + 1
        ),
        Action::FillSize { gb: 10 }
    );
    assert!(!job.ok_clicked);
    assert_eq!(advance(&mut job, &filled, T0 + 2), confirm());
    assert!(job.ok_clicked, "Ok is recorded before it is handed out");
    assert_eq!(advance(&mut job, &filled, T0 + 3), Action::Wait);
}

#[test]
fn step_4_does_not_refill_a_field_that_already_holds_the_size() {
    let mut job = job_at(Step::EnterSize);
    job.ok_clicked = false;
    let view = Page::company("HighTech").dialog("10.00 GB", None).build();
    assert_eq!(advance(&mut job, &view, T0 + 1), confirm());
}

#[test]
fn step_4_is_done_when_the_dialog_is_gone_after_ok() {
    let mut job = job_at(Step::EnterSize);
    job.ok_clicked = true;
    let view = Page::company("HighTech")
        .accounts(&[("hightech-admin", "10 GB")])
        .build();
    assert_eq!(advance(&mut job, &view, T0 + 1), click("Home"));
    assert_eq!(job.step, Step::Verify);
}

#[test]
fn step_5_is_done_when_the_usage_table_shows_the_size() {
    let mut job = job_at(Step::Verify);
    let view = Page::company("HighTech")
        .usage(&[("reception", "5 GB"), ("hightech-admin", "10.00 GB")])
        .build();
    assert_eq!(advance(&mut job, &view, T0 + 1), click(RESUME));
    assert_eq!(job.step, Step::Resume);
    assert!(job.verified);
}

#[test]
fn step_6_is_done_when_the_resume_link_is_gone() {
    let mut job = job_at(Step::Resume);
    assert_eq!(
        advance(&mut job, &Page::partner().build(), T0 + 1),
        Action::Finished
    );
    assert_eq!(job.status, Status::Done);
    assert!(!job.in_company_session);
}

#[test]
fn names_match_after_trimming_and_folding_case_and_whitespace() {
    let mut job = job_at(Step::OpenCompanies);
    let view = Page::partner().companies(&["  HIGHTECH\u{a0} "]).build();
    assert_eq!(
        advance(&mut job, &view, T0 + 1),
        open_menu(Target::Companies, "HIGHTECH")
    );
}

// ---------------------------------------------------------------------------------
// Failures

#[test]
fn step_1_fails_at_the_deadline_when_the_link_is_missing() {
    let mut job = job_at(Step::OpenCompanies);
    let view = Page::partner().without_links().build();
    assert_eq!(advance(&mut job, &view, T0 + 10_000), Action::Wait);
    assert_eq!(advance(&mut job, &view, T0 + 30_000), Action::Wait);
    let action = advance(&mut job, &view, T0 + 30_001);
    assert_eq!(
        reason(&action),
        "Step 1 of 6: the link View & Manage Companies was not found. Nothing was changed: the backup account hightech-admin is as it was."
    );
    assert_eq!(job.status, Status::Failed);
    let Action::Failed { manual_steps, .. } = action else {
        unreachable!()
    };
    assert_eq!(manual_steps.len(), 6);
}

#[test]
fn step_1_fails_when_the_company_is_not_listed() {
    let mut job = job_at(Step::OpenCompanies);
    let view = Page::partner()
        .companies(&["OtherCo", "HighTech Labs"])
        .build();
    assert_eq!(advance(&mut job, &view, T0 + 1), Action::Wait);
    let action = advance(&mut job, &view, T0 + 40_000);
    assert!(reason(&action).starts_with(
        "Step 1 of 6: no company named HighTech was found in View & Manage Companies."
    ));
}

#[test]
fn step_2_never_takes_another_rows_menu_for_the_companys() {
    let mut job = job_at(Step::LoginAsCompanyAdmin);
    let view = Page::partner()
        .companies(&["HighTech", "HighTech Labs"])
        .menu(
            Some("HighTech Labs\t10 GB\tActive"),
            &["Login as Company Admin"],
        )
        .build();
    assert_eq!(
        advance(&mut job, &view, T0 + 1),
        open_menu(Target::Companies, "HighTech")
    );
}

#[test]
fn step_2_fails_when_two_companies_have_the_name() {
    let mut job = job_at(Step::LoginAsCompanyAdmin);
    let view = Page::partner().companies(&["HighTech", "hightech"]).build();
    let action = advance(&mut job, &view, T0 + 1);
    assert!(reason(&action).contains("2 companies are named HighTech"));
}

#[test]
fn step_2_fails_at_once_when_the_upper_right_shows_another_company() {
    let mut job = running(request());
    let mut dash = Dash::new("hightech-admin");
    dash.login_opens = Some(0);
    let mut now = T0;
    let end = drive(&mut job, &mut dash, &mut now, 500, 100);
    assert_eq!(
        reason(&end),
        "The dashboard opened OtherCo, Log out, not HighTech: Allot stopped before changing anything. This tab is in that company's session: click \"Click here to resume session as ...\" to go back to your partner dashboard first."
    );
    assert_eq!(job.step, Step::LoginAsCompanyAdmin);
    assert_eq!(dash.submits, 0);
    assert_eq!(dash.log.len(), 3, "nothing after Login as Company Admin");
    assert!(!advance(&mut job, &dash.view(), now).touches_page());
}

#[test]
fn the_brief_wording_for_another_company_when_it_is_the_only_upper_right_text() {
    let mut job = job_at(Step::LoginAsCompanyAdmin);
    let view = Page::company("OtherCo").upper_right(&["OtherCo"]).build();
    assert_eq!(
        reason(&advance(&mut job, &view, T0 + 1)),
        "The dashboard opened OtherCo, not HighTech: Allot stopped before changing anything. This tab is in that company's session: click \"Click here to resume session as ...\" to go back to your partner dashboard first."
    );
}

#[test]
fn steps_3_and_4_check_the_upper_right_before_every_click() {
    for (step, view) in [
        (
            Step::OpenChangeSize,
            Page::company("OtherCo")
                .accounts(&[("hightech-admin", "5 GB")])
                .build(),
        ),
        (
            Step::EnterSize,
            Page::company("OtherCo").dialog("10", None).build(),
        ),
    ] {
        let mut job = job_at(step);
        job.ok_clicked = false;
        let action = advance(&mut job, &view, T0 + 1);
        assert!(
            reason(&action).starts_with("The dashboard opened OtherCo, Log out, not HighTech"),
            "{step:?}"
        );
        assert!(!job.ok_clicked);
    }
}

#[test]
fn another_company_after_ok_says_the_size_may_have_changed() {
    let mut job = job_at(Step::Verify);
    job.verified = false;
    let view = Page::company("OtherCo")
        .usage(&[("otherco-admin", "5 GB")])
        .build();
    let text = reason(&advance(&mut job, &view, T0 + 1)).to_string();
    assert!(text.starts_with("The dashboard shows OtherCo, Log out, not HighTech: Allot stopped."));
    assert!(text.contains("Ok was clicked for 10 GB"));
}

#[test]
fn step_3_waits_while_the_upper_right_is_empty_and_then_fails() {
    let mut job = job_at(Step::OpenChangeSize);
    let view = Page::company("HighTech")
        .upper_right(&[" "])
        .accounts(&[("hightech-admin", "5 GB")])
        .build();
    assert_eq!(advance(&mut job, &view, T0 + 1), Action::Wait);
    assert!(reason(&advance(&mut job, &view, T0 + 31_000))
        .starts_with("Step 3 of 6: the company name HighTech was not found in the upper right."));
}

#[test]
fn step_3_fails_at_the_deadline_when_the_backup_account_is_missing() {
    let mut job = running(seed_request());
    let mut dash = Dash::new("someone-else");
    let mut now = T0;
    let end = drive(&mut job, &mut dash, &mut now, 1_000, 200);
    assert_eq!(
        reason(&end),
        "Step 3 of 6: no backup account named HighTech was found. Nothing was changed: the backup account HighTech is as it was. You may still be in HighTech's company session: the link \"Click here to resume session as ...\" leads back to the partner dashboard."
    );
    let Action::Failed { manual_steps, .. } = end else {
        unreachable!()
    };
    assert_eq!(manual_steps.len(), 4);
    assert!(manual_steps[0].contains(
        "On the backup account HighTech, click the gear at the right and choose Change Account Size."
    ));
    assert_eq!(dash.submits, 0);
}

#[test]
fn step_3_never_fills_a_dialog_it_did_not_open() {
    let mut job = job_at(Step::OpenChangeSize);
    let view = Page::company("HighTech").dialog("5", None).build();
    assert_eq!(advance(&mut job, &view, T0 + 1), Action::Wait);
    let text = reason(&advance(&mut job, &view, T0 + 31_000)).to_string();
    assert!(text.contains("a Change Account Size dialog is open that Allot did not open"));
}

#[test]
fn step_3_fails_when_the_company_session_is_gone() {
    let mut job = job_at(Step::OpenChangeSize);
    let view = Page::partner().build();
    assert_eq!(advance(&mut job, &view, T0 + 1), Action::Wait);
    assert!(reason(&advance(&mut job, &view, T0 + 31_000))
        .starts_with("Step 3 of 6: the company session for HighTech was not found"));
}

#[test]
fn step_4_fails_with_the_dashboards_message_when_the_size_is_refused() {
    let mut job = running(FixRequest {
        requested_gb: 20,
        company_quota_gb: 20,
        ..request()
    });
    let mut dash = Dash::new("hightech-admin");
    let mut now = T0;
    let end = drive(&mut job, &mut dash, &mut now, 500, 100);
    assert_eq!(
        reason(&end),
        "The dashboard refused 20 GB: Account size must be between 5 GB and 10 GB. The backup account hightech-admin is as it was."
    );
    assert_eq!(job.step, Step::EnterSize);
    assert_eq!(dash.submits, 1);
    assert_eq!(dash.size_of("hightech-admin"), Some(5));
    let Action::Failed { manual_steps, .. } = end else {
        unreachable!()
    };
    assert_eq!(
        manual_steps[0],
        "Enter 20 in Account Size In GB and click Ok."
    );
    assert_eq!(manual_steps.len(), 3);
}

#[test]
fn step_4_fails_at_the_deadline_when_the_dialog_stays_open_after_ok() {
    let mut job = job_at(Step::EnterSize);
    job.ok_clicked = true;
    let view = Page::company("HighTech").dialog("10", None).build();
    assert_eq!(advance(&mut job, &view, T0 + 1), Action::Wait);
    let text = reason(&advance(&mut job, &view, T0 + 30_001)).to_string();
    assert!(text.starts_with(
        "Step 4 of 6: the Change Account Size dialog did not close after Ok. Ok was clicked for 10 GB"
    ));
}

#[test]
fn step_5_fails_when_the_home_page_still_shows_the_old_size() {
    let mut job = running(seed_request());
    let mut dash = Dash::new("HighTech");
    dash.drops_submits = true;
    let mut now = T0;
    let end = drive(&mut job, &mut dash, &mut now, 500, 100);
    assert_eq!(
        reason(&end),
        "The Home page still shows 5 GB for HighTech, not 10 GB."
    );
    assert_eq!(job.step, Step::Verify);
    assert_eq!(dash.submits, 1);
}

#[test]
fn step_5_fails_at_the_deadline_when_the_account_is_not_in_the_usage_table() {
    let mut job = job_at(Step::Verify);
    let view = Page::company("HighTech")
        .usage(&[("reception", "5 GB")])
        .build();
    assert_eq!(advance(&mut job, &view, T0 + 1), Action::Wait);
    assert!(reason(&advance(&mut job, &view, T0 + 31_000)).starts_with(
        "Step 5 of 6: no account named hightech-admin was found in Backup Account Usage on the Home page."
    ));
}

#[test]
fn step_5_waits_on_a_size_it_cannot_read() {
    let mut job = job_at(Step::Verify);
    let view = Page::company("HighTech")
        .usage(&[("hightech-admin", "loading")])
        .build();
    assert_eq!(advance(&mut job, &view, T0 + 1), Action::Wait);
    assert!(
        reason(&advance(&mut job, &view, T0 + 31_000)).contains("could not be read (\"loading\")")
    );
}

#[test]
fn a_step_fails_after_its_action_limit() {
    let mut job = running(request());
    let mut dash = Dash::new("hightech-admin");
    dash.broken_links.push("View & Manage Companies".into());
    let mut now = T0;
    let end = drive(&mut job, &mut dash, &mut now, 2_500, 100);
    assert_eq!(
        reason(&end),
        "Step 1 of 6: View & Manage Companies did not open after 6 tries. Nothing was changed: the backup account hightech-admin is as it was."
    );
    assert_eq!(dash.log.len(), 6);
    assert!(now - T0 < 30_000, "the limit came before the deadline");
}

#[test]
fn step_6_fails_when_the_partner_session_does_not_come_back_and_says_the_size_is_done() {
    let mut job = running(request());
    let mut dash = Dash::new("hightech-admin");
    dash.broken_links.push(RESUME.into());
    let mut now = T0;
    let end = drive(&mut job, &mut dash, &mut now, 3_000, 100);
    let text = reason(&end);
    assert!(text.starts_with("Step 6 of 6: the partner session did not come back after 6 tries."));
    assert!(text.contains("The backup account hightech-admin is 10 GB (checked on the Home page)."));
    let Action::Failed { manual_steps, .. } = end else {
        unreachable!()
    };
    assert_eq!(manual_steps.len(), 1);
}

#[test]
fn a_request_above_the_quota_fails_before_any_action() {
    let mut job = running(FixRequest {
        requested_gb: 20,
        ..request()
    });
    let action = advance(&mut job, &Page::partner().build(), T0 + 1);
    assert_eq!(
        reason(&action),
        "20 GB is more than HighTech's quota of 10 GB: Allot stopped before changing anything."
    );
    for broken in [
        FixRequest {
            company: "  ".into(),
            ..request()
        },
        FixRequest {
            admin_username: String::new(),
            ..request()
        },
        FixRequest {
            requested_gb: 0,
            ..request()
        },
    ] {
        let mut job = running(broken);
        assert!(reason(&advance(&mut job, &Page::partner().build(), T0 + 1))
            .ends_with("Allot stopped before changing anything."));
    }
}

#[test]
fn the_same_action_is_not_repeated_before_the_page_has_had_time() {
    let mut job = job_at(Step::LoginAsCompanyAdmin);
    let view = Page::partner().companies(&["HighTech"]).build();
    let gear = open_menu(Target::Companies, "HighTech");
    assert_eq!(advance(&mut job, &view, T0 + 1), gear);
    // The mutation observer fires again before the menu shows: no second click (it would
    // close the menu).
    assert_eq!(advance(&mut job, &view, T0 + 500), Action::Wait);
    assert_eq!(advance(&mut job, &view, T0 + 2_001), gear);
    assert_eq!(job.actions_in_step, 2);
}

#[test]
fn a_clock_that_goes_back_neither_panics_nor_stalls() {
    let mut job = job_at(Step::OpenCompanies);
    let view = Page::partner().without_links().build();
    assert_eq!(advance(&mut job, &view, T0 - 1_000_000), Action::Wait);
    assert_eq!(advance(&mut job, &view, 0), Action::Wait);
    assert!(matches!(
        advance(&mut job, &view, 40_000),
        Action::Failed { .. }
    ));
}

// ---------------------------------------------------------------------------------
// Cancel

#[test]
fn the_partner_can_cancel_at_every_step() {
    for step in Step::ALL {
        let mut job = running(request());
        let mut dash = Dash::new("hightech-admin");
        let mut now = T0;
        while job.step != step {
            let action = advance(&mut job, &dash.view(), now);
            assert!(!action.is_final(), "{step:?}: {action:?}");
            dash.apply(&action);
            now += 500;
        }
        job.cancel(now);
        assert_eq!(job.status, Status::Cancelled);
        for _ in 0..3 {
            assert_eq!(advance(&mut job, &dash.view(), now), Action::Cancelled);
            now += 10_000;
        }
        let outcome = job.outcome.clone().unwrap_or_default();
        assert!(
            outcome.starts_with(&format!("Cancelled at step {} of 6.", step.number())),
            "{outcome}"
        );
        let changed = step > Step::EnterSize;
        assert_eq!(
            dash.size_of("hightech-admin"),
            Some(if changed { 10 } else { 5 })
        );
        match step {
            Step::Verify => assert!(outcome.contains("Ok was clicked for 10 GB")),
            Step::Resume => assert!(outcome.contains("is 10 GB (checked on the Home page)")),
            _ => assert!(
                outcome.contains(
                    "Nothing was changed: the backup account hightech-admin is as it was."
                ),
                "{outcome}"
            ),
        }
        assert_eq!(
            outcome.contains("company session"),
            step > Step::LoginAsCompanyAdmin,
            "{outcome}"
        );
        assert_eq!(job.manual_steps().len(), 7 - usize::from(step.number()));
    }
}

#[test]
fn cancel_right_after_ok_was_handed_out_says_so() {
    let mut job = job_at(Step::EnterSize);
    job.ok_clicked = false;
    let view = Page::company("HighTech").dialog("10", None).build();
    assert_eq!(advance(&mut job, &view, T0 + 1), confirm());
    job.cancel(T0 + 2);
    assert!(job
        .outcome
        .as_deref()
        .unwrap_or_default()
        .contains("Ok was clicked for 10 GB, so the size may have changed"));
    assert_eq!(advance(&mut job, &view, T0 + 3), Action::Cancelled);
}

#[test]
fn cancel_before_start_and_after_the_end() {
    let mut job = Job::new("fix-1", request(), T0);
    job.cancel(T0 + 1);
    assert_eq!(job.status, Status::Cancelled);
    assert_eq!(
        job.outcome.as_deref(),
        Some("Cancelled before it started: nothing was changed.")
    );

    let mut done = job_at(Step::Resume);
    assert_eq!(
        advance(&mut done, &Page::partner().build(), T0 + 1),
        Action::Finished
    );
    done.cancel(T0 + 2);
    assert_eq!(done.status, Status::Done);
}

// ---------------------------------------------------------------------------------
// Resuming after a page load

#[test]
fn the_fix_resumes_from_json_after_a_page_load_at_every_point() {
    let actions = flow_actions("hightech-admin");
    for reload_after in 0..actions.len() {
        let mut job = running(request());
        let mut dash = Dash::new("hightech-admin");
        let mut now = T0;
        let mut reloaded = false;
        let mut steps_seen = Vec::new();
        for _ in 0..100 {
            let action = advance(&mut job, &dash.view(), now);
            if action.is_final() {
                assert_eq!(
                    action,
                    Action::Finished,
                    "reload after action {reload_after}"
                );
                break;
            }
            dash.apply(&action);
            now += 500;
            if !reloaded && dash.log.len() == reload_after + 1 {
                // The page loads again; the content script reads the job back.
                reloaded = true;
                steps_seen.push(job.step);
                dash.reload();
                job = roundtrip(&job);
            }
        }
        assert_eq!(
            job.status,
            Status::Done,
            "reload after action {reload_after}"
        );
        assert_eq!(dash.submits, 1, "reload after action {reload_after}");
        assert_eq!(dash.size_of("hightech-admin"), Some(10));
    }
}

#[test]
fn every_step_resumes_from_a_stored_job_on_a_fresh_page() {
    for step in Step::ALL {
        // Run to the step, store the job, and come back on the page a reload shows.
        let mut job = running(request());
        let mut dash = Dash::new("hightech-admin");
        let mut now = T0;
        while job.step != step {
            let action = advance(&mut job, &dash.view(), now);
            dash.apply(&action);
            now += 500;
        }
        let stored = serde_json::to_string(&job).expect("serialises");
        dash.reload();
        let mut job: Job = serde_json::from_str(&stored).expect("deserialises");
        assert_eq!(job.step, step);
        assert_eq!(
            drive(&mut job, &mut dash, &mut now, 500, 100),
            Action::Finished,
            "{step:?}"
        );
        assert_eq!(dash.submits, 1, "{step:?}");
    }
}

#[test]
fn a_reload_with_ok_already_clicked_goes_to_verification_without_resubmitting() {
    let mut job = job_at(Step::EnterSize);
    job.ok_clicked = false;
    let dialog = Page::company("HighTech").dialog("10", None).build();
    assert_eq!(advance(&mut job, &dialog, T0 + 1), confirm());
    let mut job = roundtrip(&job);
    // The same view again (the observer fired before the click landed), then long after.
    for now in [T0 + 2, T0 + 5_000, T0 + 20_000] {
        assert_eq!(advance(&mut job, &dialog, now), Action::Wait);
    }
    // After the reload the dialog is gone: verification, not a second Ok.
    let home = Page::company("HighTech").build();
    assert_eq!(advance(&mut job, &home, T0 + 21_000), click("Home"));
    assert_eq!(job.step, Step::Verify);
}

#[test]
fn a_reload_that_swallowed_the_ok_click_is_caught_on_the_home_page() {
    let mut job = running(request());
    let mut dash = Dash::new("hightech-admin");
    let mut now = T0;
    loop {
        let action = advance(&mut job, &dash.view(), now);
        now += 500;
        if action == confirm() {
            // The job was saved, the page reloaded before the click landed.
            dash.reload();
            job = roundtrip(&job);
            break;
        }
        dash.apply(&action);
    }
    let end = drive(&mut job, &mut dash, &mut now, 500, 100);
    assert_eq!(dash.submits, 0);
    assert!(!dash.log.contains(&confirm()));
    assert_eq!(
        reason(&end),
        "The Home page still shows 5 GB for hightech-admin, not 10 GB."
    );
}

#[test]
fn a_reload_before_ok_opens_the_dialog_again() {
    let mut job = job_at(Step::EnterSize);
    job.ok_clicked = false;
    let view = Page::company("HighTech")
        .accounts(&[("hightech-admin", "5 GB")])
        .build();
    assert_eq!(
        advance(&mut job, &view, T0 + 1),
        open_menu(Target::Accounts, "hightech-admin")
    );
    assert_eq!(job.step, Step::OpenChangeSize);
}

// ---------------------------------------------------------------------------------
// Start, states that are not running, text

#[test]
fn start_never_runs_a_job_twice() {
    let mut job = Job::new("fix-1", request(), T0);
    assert_eq!(job.status, Status::Pending);
    assert!(job.start(T0 + 1));
    assert_eq!(job.status, Status::Running);
    assert!(!job.start(T0 + 2), "already running");
    assert_eq!(job.step_started_ms, T0 + 1);

    let mut done = job_at(Step::Resume);
    advance(&mut done, &Page::partner().build(), T0 + 1);
    assert_eq!(done.status, Status::Done);
    assert!(!done.start(T0 + 2), "done");
    assert_eq!(done.status, Status::Done);
}

#[test]
fn start_restarts_a_failed_or_cancelled_job_from_step_1() {
    let mut failed = job_at(Step::Verify);
    let view = Page::company("HighTech")
        .usage(&[("hightech-admin", "5 GB")])
        .build();
    advance(&mut failed, &view, T0 + 1);
    assert_eq!(failed.status, Status::Failed);
    let mut cancelled = job_at(Step::EnterSize);
    cancelled.cancel(T0 + 1);
    for mut job in [failed, cancelled] {
        assert!(job.start(T0 + 5));
        assert_eq!(job.status, Status::Running);
        assert_eq!(job.step, Step::OpenCompanies);
        assert!(!job.ok_clicked && !job.verified);
        assert_eq!(job.outcome, None);
        assert_eq!(job.runs, 2);
    }
}

#[test]
fn a_job_that_is_not_running_never_touches_the_page() {
    let views = [
        Page::partner().companies(&["HighTech"]).build(),
        Page::company("HighTech").dialog("10", None).build(),
        Page::company("HighTech").build(),
    ];
    let pending = Job::new("fix-1", request(), T0);
    let mut failed = job_at(Step::OpenCompanies);
    advance(
        &mut failed,
        &Page::partner().without_links().build(),
        T0 + 60_000,
    );
    let mut cancelled = job_at(Step::EnterSize);
    cancelled.cancel(T0);
    let mut done = job_at(Step::Resume);
    advance(&mut done, &Page::partner().build(), T0);
    for (job, expected) in [
        (pending, "wait"),
        (failed, "failed"),
        (cancelled, "cancelled"),
        (done, "finished"),
    ] {
        for view in &views {
            let mut job = job.clone();
            let before = job.clone();
            let action = advance(&mut job, view, T0 + 100_000);
            assert!(!action.touches_page(), "{expected}: {action:?}");
            let kind = serde_json::to_value(&action).expect("serialises")["kind"].clone();
            assert_eq!(kind, expected);
            assert_eq!(job, before, "{expected}: the job is unchanged");
        }
    }
}

#[test]
fn a_failed_job_repeats_its_reason_and_manual_steps() {
    let mut job = job_at(Step::OpenChangeSize);
    let view = Page::partner().build();
    let first = advance(&mut job, &view, T0 + 60_000);
    assert_eq!(advance(&mut job, &view, T0 + 70_000), first);
}

#[test]
fn steps_are_numbered_and_titled() {
    let numbers: Vec<u8> = Step::ALL.iter().map(|s| s.number()).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
    for step in Step::ALL {
        assert_eq!(Step::from_number(step.number()), Some(step));
    }
    assert_eq!(Step::from_number(0), None);
    assert_eq!(Step::from_number(7), None);
    assert_eq!(Step::Resume.next(), None);
    assert_eq!(Step::OpenCompanies.next(), Some(Step::LoginAsCompanyAdmin));
    assert_eq!(
        Step::OpenCompanies.progress_text(),
        "Step 1 of 6: Opening View & Manage Companies"
    );
    assert_eq!(
        job_at(Step::OpenChangeSize).progress_text(),
        "Step 3 of 6: Opening Change Account Size"
    );
}

#[test]
fn manual_steps_follow_the_seed_from_the_current_step() {
    let pending = Job::new("fix-1", seed_request(), T0);
    let all = pending.manual_steps();
    assert_eq!(
        all,
        [
            "In the partner dashboard, open Manage > Companies > View & Manage Companies.",
            "On the company HighTech, click the gear at the right and choose Login as Company Admin. Check that HighTech shows in the upper right.",
            "Open Backup Accounts. On the backup account HighTech, click the gear at the right and choose Change Account Size.",
            "Enter 10 in Account Size In GB and click Ok.",
            "Open Home and check that Backup Account Usage shows HighTech at 10 GB. If it shows another size, change the size again (Backup Accounts, gear, Change Account Size).",
            "Click the link \"Click here to resume session as ...\" to go back to the partner dashboard.",
        ]
    );
    let mut at_3 = pending.clone();
    assert!(at_3.start(T0));
    at_3.step = Step::OpenChangeSize;
    assert_eq!(at_3.manual_steps(), all[2..]);
}

#[test]
fn the_json_is_readable_and_old_jobs_still_load() {
    let action = serde_json::to_value(open_menu(Target::Accounts, "HighTech")).expect("json");
    assert_eq!(
        action,
        serde_json::json!({"kind": "open_row_menu", "table": "accounts", "row_key": "HighTech"})
    );
    let job = serde_json::to_value(job_at(Step::EnterSize)).expect("json");
    assert_eq!(job["step"], "enter_size");
    assert_eq!(job["status"], "running");
    // A job stored with only the fields the extension first knew.
    let minimal = serde_json::json!({
        "id": "fix-1",
        "request": {"company": "HighTech", "admin_username": "HighTech", "requested_gb": 10, "company_quota_gb": 10},
        "status": "running", "step": "verify", "step_started_ms": T0, "actions_in_step": 0,
        "ok_clicked": true, "outcome": null, "created_ms": T0, "updated_ms": T0
    });
    let job: Job = serde_json::from_value(minimal).expect("loads");
    assert_eq!(job.limits, Limits::default());
    let view: PageView = serde_json::from_value(serde_json::json!({"links": ["Home"]}))
        .expect("a sparse view loads");
    assert_eq!(view.links, ["Home"]);
    let text = serde_json::to_string(&job).expect("json");
    assert!(!text.to_lowercase().contains("password"));
}

#[test]
fn sizes_are_read_leniently() {
    for (text, gb) in [
        ("10", Some(10)),
        ("10 GB", Some(10)),
        ("10GB", Some(10)),
        ("10.00 GB", Some(10)),
        (" 10\u{a0}gb ", Some(10)),
        ("1,024 GB", Some(1024)),
        ("10,00 GB", Some(10)),
        ("10 GiB", Some(10)),
        ("10.5 GB", None),
        ("10 MB", None),
        ("", None),
        ("GB", None),
        ("-10 GB", None),
        ("99999999999 GB", None),
        (".5", None),
        ("1,0,0", None),
    ] {
        assert_eq!(parse_gb(text), gb, "{text:?}");
    }
}

#[test]
fn names_are_compared_whole() {
    assert!(same_name(" High  Tech ", "high tech"));
    assert!(!same_name("", ""));
    assert!(contains_name("Company: HighTech", "hightech"));
    assert!(!contains_name("HighTech2", "HighTech"));
    assert!(!contains_name("anything", " "));
    assert_eq!(normalize("  A\t\u{a0}B "), "a b");
}

// ---------------------------------------------------------------------------------
// Any input

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("HighTech".to_string()),
        Just("hightech-admin".to_string()),
        Just("OtherCo".to_string()),
        Just("View & Manage Companies".to_string()),
        Just("Login as Company Admin".to_string()),
        Just("Backup Accounts".to_string()),
        Just("Change Account Size".to_string()),
        Just("Home".to_string()),
        Just(RESUME.to_string()),
        Just("10 GB".to_string()),
        Just("5".to_string()),
        Just("1,0,".to_string()),
        ".{0,12}",
    ]
}

fn rows() -> impl Strategy<Value = Option<Vec<Row>>> {
    proptest::option::of(proptest::collection::vec(
        (proptest::collection::vec(text(), 0..3), any::<bool>())
            .prop_map(|(cells, has_gear)| Row { cells, has_gear }),
        0..3,
    ))
}

fn view() -> impl Strategy<Value = PageView> {
    (
        (
            proptest::option::of(text()),
            proptest::collection::vec(text(), 0..3),
            proptest::collection::vec(text(), 0..3),
            rows(),
            rows(),
        ),
        (
            proptest::option::of(proptest::collection::vec(
                (text(), text()).prop_map(|(account, size_text)| UsageRow { account, size_text }),
                0..3,
            )),
            proptest::collection::vec(text(), 0..3),
            proptest::option::of(text()),
            proptest::option::of(
                (text(), proptest::option::of(text()))
                    .prop_map(|(value, error)| SizeDialog { value, error }),
            ),
        ),
    )
        .prop_map(
            |(
                (resume_link, upper_right, links, companies_table, accounts_table),
                (usage_table, open_menu, menu_row, size_dialog),
            )| PageView {
                resume_link,
                upper_right,
                links,
                companies_table,
                accounts_table,
                usage_table,
                open_menu,
                menu_row,
                size_dialog,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_pages_never_panic_and_never_click_ok_twice(
        views in proptest::collection::vec((view(), prop_oneof![0u64..5_000, any::<u64>()]), 1..30),
        gb in 0u32..30,
        quota in 0u32..30,
        cancel_at in proptest::option::of(0usize..30),
    ) {
        let mut job = running(FixRequest { requested_gb: gb, company_quota_gb: quota, ..request() });
        let mut now = T0;
        let mut confirms = 0;
        for (i, (view, delta)) in views.iter().enumerate() {
            now = now.wrapping_add(*delta);
            if cancel_at == Some(i) {
                job.cancel(now);
            }
            let before = job.status;
            let action = advance(&mut job, view, now);
            if matches!(action, Action::Confirm { .. }) {
                confirms += 1;
                prop_assert!(job.ok_clicked);
            }
            if before != Status::Running {
                prop_assert!(!action.touches_page());
            }
            prop_assert!(job.actions_in_step <= job.limits.max_actions_per_step);
            let _ = job.progress_text();
            let _ = job.manual_steps();
            job = roundtrip(&job);
        }
        prop_assert!(confirms <= 1);
    }
}

#[test]
fn a_dismissed_fix_is_not_offered_until_started_again() {
    let mut job = Job::new("j", request(), T0);
    assert!(job.offered());
    job.dismissed = true;
    assert!(!job.offered());
    let back: Job = serde_json::from_str(&serde_json::to_string(&job).unwrap_or_default())
        .unwrap_or_else(|_| Job::new("other", request(), T0));
    assert!(back.dismissed, "dismissal survives storage");
    assert!(job.start(T0 + 1));
    assert!(!job.dismissed);
    job.cancel(T0 + 2);
    assert!(job.offered(), "a cancelled fix is offered again");
}
