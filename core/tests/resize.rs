//! The allocation fix's state machine, driven natively: a small fake dashboard (both
//! generations) that reacts to the machine's actions the way the pages do, clicking only
//! what [`resolve`] ties an action to, and hand-built page views for the single steps.
//! Names and Create answers are in `resize_names.rs`, the properties in
//! `resize_props.rs`.

use allot_core::resize::*;

const T0: u64 = 1_700_000_000_000;
const RESUME: &str = "Click here to resume session as Pax8 Partner";
const ADMIN: &str = "hightech-admin";
const LOGIN: &str = "Login as Company Admin";
const CAS: &str = "Change Account Size";

const SEED_COMPANIES: [&str; 5] = ["Company Name", "Username", "Size", "Status", ""];
const NEWER_COMPANIES: [&str; 10] = [
    "Company Name",
    "Admin Full Name",
    "Admin User & Email",
    "Size (click to change)",
    "Allocated Space",
    "Used",
    "Licenses",
    "Products",
    "Accounts",
    "Actions",
];
const SEED_ACCOUNTS: [&str; 4] = ["Account Name", "Size", "Used", ""];
const NEWER_ACCOUNTS: [&str; 8] = [
    "Account Name",
    "Company Name",
    "Group Name",
    "Policy Name",
    "Size",
    "Used Space",
    "Signup Date",
    "Actions",
];
const USAGE: [&str; 3] = ["Account Name", "Size", "Percent"];

fn request() -> FixRequest {
    FixRequest {
        company: "HighTech".into(),
        admin_username: ADMIN.into(),
        requested_gb: 10,
        company_quota_gb: 10,
        current_gb: 5,
        confirmed: true,
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
    job_for(request(), step)
}

fn job_for(request: FixRequest, step: Step) -> Job {
    let account = request.admin_username.clone();
    let mut job = running(request);
    job.step = step;
    job.ok_clicked = step > Step::EnterSize;
    job.verified = step > Step::Verify;
    job.in_company_session = step > Step::LoginAsCompanyAdmin && step < Step::Resume;
    if step == Step::EnterSize {
        job.last_action = Some(change_size(&account));
        job.last_action_ms = T0 - 10_000;
    }
    job
}

fn roundtrip(job: &Job) -> Job {
    let json = serde_json::to_string(job).expect("a job serialises");
    serde_json::from_str(&json).expect("a job deserialises")
}

fn click(text: &str) -> Action {
    Action::ClickLink { text: text.into() }
}

fn gear(grid: GridKind, row_key: &str) -> Action {
    Action::OpenRowMenu {
        grid,
        row_key: row_key.into(),
    }
}

fn choose(grid: GridKind, row_key: &str, text: &str) -> Action {
    Action::ChooseMenuItem {
        grid,
        row_key: row_key.into(),
        text: text.into(),
    }
}

fn login(company: &str) -> Action {
    choose(GridKind::Companies, company, LOGIN)
}

fn change_size(account: &str) -> Action {
    choose(GridKind::Accounts, account, CAS)
}

fn next_page(grid: GridKind, from_page: u32) -> Action {
    Action::NextPage { grid, from_page }
}

fn confirm(button: &str) -> Action {
    Action::Confirm {
        button: button.into(),
    }
}

fn ok() -> Action {
    confirm("Ok")
}

fn reason(action: &Action) -> &str {
    match action {
        Action::Failed { reason, .. } => reason,
        other => panic!("expected Failed, got {other:?}"),
    }
}

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

// ---------------------------------------------------------------------------------
// Hand-built page views

/// A readable way to write a [`PageView`].
struct Page(PageView);

impl Page {
    /// A seed partner-session page with the Manage menu in the DOM.
    fn partner() -> Page {
        Page(PageView {
            header: strings(&["Pax8 Partner", "Log out"]),
            links: strings(&["Home", "Manage", "View & Manage Companies"]),
            ..PageView::default()
        })
    }

    /// A newer partner-session page: Accounts > Companies, Endpoint Backup > Backup
    /// Accounts.
    fn partner_newer() -> Page {
        Page(PageView {
            header: strings(&["Pax8 Partner", "Log out"]),
            links: strings(&[
                "Home",
                "Accounts",
                "Companies",
                "Partners",
                "Dashboard Accounts",
                "Endpoint Backup",
                "Backup Accounts",
            ]),
            ..PageView::default()
        })
    }

    /// A page of `company`'s session (the header shows it).
    fn company(company: &str) -> Page {
        Page(PageView {
            resume_link: Some(RESUME.into()),
            header: strings(&[company, "Log out"]),
            links: strings(&["Home", "Backup Accounts", "Users", RESUME]),
            ..PageView::default()
        })
    }

    fn without_links(mut self) -> Page {
        self.0.links.clear();
        self
    }

    fn links(mut self, links: &[&str]) -> Page {
        self.0.links = strings(links);
        self
    }

    fn header(mut self, texts: &[&str]) -> Page {
        self.0.header = strings(texts);
        self
    }

    /// A grid whose rows all have a gear.
    fn grid(mut self, header: &[&str], rows: Vec<Vec<String>>) -> Page {
        self.0.grids.push(Grid {
            header: strings(header),
            rows: rows
                .into_iter()
                .map(|cells| Row {
                    cells,
                    has_gear: true,
                })
                .collect(),
            paging: Paging::default(),
        });
        self
    }

    /// The seed's View & Manage Companies grid.
    fn companies(self, names: &[&str]) -> Page {
        let rows = names
            .iter()
            .map(|n| {
                let user = format!("{}-admin", n.trim().to_lowercase().replace(' ', ""));
                vec![
                    n.to_string(),
                    user,
                    "10 GB".into(),
                    "Active".into(),
                    "".into(),
                ]
            })
            .collect();
        self.grid(&SEED_COMPANIES, rows)
    }

    /// The newer Accounts > Companies grid: name and Allocated Space.
    fn companies_newer(self, rows: &[(&str, &str)]) -> Page {
        let rows = rows
            .iter()
            .map(|(name, allocated)| {
                vec![
                    name.to_string(),
                    "Admin".into(),
                    "admin@example.com".into(),
                    "10 GB".into(),
                    allocated.to_string(),
                    "0 GB".into(),
                    "0".into(),
                    "Backup".into(),
                    "1".into(),
                    "".into(),
                ]
            })
            .collect();
        self.grid(&NEWER_COMPANIES, rows)
    }

    /// The seed's Backup Accounts grid: name and size.
    fn accounts(self, rows: &[(&str, &str)]) -> Page {
        let rows = rows
            .iter()
            .map(|(name, size)| vec![name.to_string(), size.to_string(), "0 GB".into(), "".into()])
            .collect();
        self.grid(&SEED_ACCOUNTS, rows)
    }

    /// The newer backup accounts grid: name, company and size.
    fn accounts_newer(self, rows: &[(&str, &str, &str)]) -> Page {
        let rows = rows
            .iter()
            .map(|(name, company, size)| {
                vec![
                    name.to_string(),
                    company.to_string(),
                    "Default".into(),
                    "Default".into(),
                    size.to_string(),
                    "0 GB".into(),
                    "2024-01-01".into(),
                    "".into(),
                ]
            })
            .collect();
        self.grid(&NEWER_ACCOUNTS, rows)
    }

    /// The Home page's Backup Account Usage: read as a table and as a grid without
    /// gears.
    fn usage(mut self, rows: &[(&str, &str)]) -> Page {
        self.0.usage_table = Some(
            rows.iter()
                .map(|(account, size)| UsageRow {
                    account: account.to_string(),
                    size_text: size.to_string(),
                })
                .collect(),
        );
        let cells = rows
            .iter()
            .map(|(a, s)| vec![a.to_string(), s.to_string(), "50%".into()])
            .collect();
        self.grid(&USAGE, cells).gearless()
    }

    /// The last grid's pager shows `page` of `pages`.
    fn paging(mut self, page: u32, pages: u32) -> Page {
        if let Some(grid) = self.0.grids.last_mut() {
            grid.paging = Paging {
                page: Some(page),
                pages: Some(pages),
                has_next: page < pages,
                has_first: page > 1,
            };
        }
        self
    }

    /// The last grid's rows have no gear.
    fn gearless(mut self) -> Page {
        if let Some(grid) = self.0.grids.last_mut() {
            for row in &mut grid.rows {
                row.has_gear = false;
            }
        }
        self
    }

    fn menu(mut self, owner: Option<(usize, usize)>, new: bool, items: &[&str]) -> Page {
        self.0.menus.push(Menu {
            items: strings(items),
            owner,
            new,
        });
        self
    }

    /// The dialog Allot opened on hightech-admin (5 GB), with `value` in its field.
    fn dialog(mut self, value: &str, error: Option<&str>) -> Page {
        self.0.size_dialog = Some(SizeDialog {
            value: value.into(),
            initial: "5".into(),
            error: error.map(str::to_string),
            opened_by_allot: true,
            texts: strings(&[CAS, &format!("Account: {ADMIN}")]),
            buttons: strings(&["Ok", "Cancel"]),
        });
        self
    }

    fn edit_dialog(mut self, edit: impl FnOnce(&mut SizeDialog)) -> Page {
        if let Some(dialog) = self.0.size_dialog.as_mut() {
            edit(dialog);
        }
        self
    }

    fn build(self) -> PageView {
        self.0
    }
}

// ---------------------------------------------------------------------------------
// A fake dashboard that answers the machine's actions

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Generation {
    Seed,
    Newer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    PartnerHome,
    Companies,
    CompanyHome,
    Accounts,
}

/// How the page ties an open menu to its row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tie {
    /// The menu's owner is its row.
    Row,
    /// The page cannot tell (owner None).
    Untied,
    /// The page wrongly names the next row (or the one before).
    OtherRow,
}

#[derive(Clone, Debug)]
struct Company {
    name: String,
    quota: u32,
    managed: bool,
    /// The first is the admin account.
    accounts: Vec<(String, u32)>,
}

#[derive(Clone, Debug)]
struct OpenMenu {
    grid: GridKind,
    row: String,
    new: bool,
}

/// Where a menu of the view comes from.
#[derive(Clone, Debug)]
enum Source {
    Row(GridKind, String),
    /// A page-level group of "Change Account Size" items, tied to no row.
    Stray,
}

#[derive(Clone, Debug)]
struct Dialog {
    account: String,
    value: String,
    initial: String,
    error: Option<String>,
}

#[derive(Clone, Debug)]
struct Dash {
    generation: Generation,
    companies: Vec<Company>,
    /// The company whose session is open.
    session: Option<usize>,
    screen: Screen,
    companies_page: usize,
    accounts_page: usize,
    per_page: usize,
    menus: Vec<OpenMenu>,
    dialog: Option<Dialog>,
    tie: Tie,
    /// Opening a gear leaves the other rows' menus open.
    menus_stay_open: bool,
    /// The accounts page shows a page-level "Change Account Size" group.
    stray_group: bool,
    /// The company dashboard lists the backup accounts with their gears (no Backup
    /// Accounts link).
    home_lists_accounts: bool,
    /// The company dashboard shows Backup Account Usage.
    usage_on_home: bool,
    /// "Login as Company Admin" opens this company instead of the one clicked.
    login_opens: Option<usize>,
    /// Ok closes the dialog but the size does not change.
    drops_submits: bool,
    /// The companies grid's Allocated Space shows this instead of the admin's size.
    allocated_shows: Option<u32>,
    /// Links that do nothing when clicked.
    broken_links: Vec<String>,
    /// Ok or Save clicks that reached the dashboard.
    submits: u32,
    /// Every action that was clicked.
    log: Vec<Action>,
    /// Actions [`resolve`] could not tie to the page: not clicked.
    unresolved: Vec<Action>,
}

impl Dash {
    /// The seed's dashboard: Manage > View & Manage Companies, Backup Accounts, Home's
    /// Backup Account Usage, Ok.
    fn seed(admin: &str) -> Dash {
        Dash {
            generation: Generation::Seed,
            companies: vec![
                Company {
                    name: "OtherCo".into(),
                    quota: 50,
                    managed: true,
                    accounts: vec![("otherco-admin".into(), 5)],
                },
                Company {
                    name: "HighTech".into(),
                    quota: 10,
                    managed: true,
                    accounts: vec![(admin.into(), 5), ("reception".into(), 5)],
                },
                Company {
                    name: "HighTech Labs".into(),
                    quota: 10,
                    managed: true,
                    accounts: vec![("labs-admin".into(), 5)],
                },
            ],
            session: None,
            screen: Screen::PartnerHome,
            companies_page: 0,
            accounts_page: 0,
            per_page: 30,
            menus: Vec::new(),
            dialog: None,
            tie: Tie::Row,
            menus_stay_open: false,
            stray_group: false,
            home_lists_accounts: false,
            usage_on_home: true,
            login_opens: None,
            drops_submits: false,
            allocated_shows: None,
            broken_links: Vec::new(),
            submits: 0,
            log: Vec::new(),
            unresolved: Vec::new(),
        }
    }

    /// The newer dashboard: Accounts > Companies with Allocated Space, Actions menus, a
    /// company dashboard that lists the backup accounts, Save.
    fn newer(admin: &str) -> Dash {
        Dash {
            generation: Generation::Newer,
            home_lists_accounts: true,
            usage_on_home: false,
            ..Dash::seed(admin)
        }
    }

    /// `n` companies listed before the others (a partner with many companies).
    fn with_fillers(mut self, n: usize) -> Dash {
        let fillers = (0..n).map(|i| Company {
            name: format!("Filler {i:03}"),
            quota: 10,
            managed: true,
            accounts: vec![(format!("filler-{i:03}"), 5)],
        });
        self.companies.splice(0..0, fillers);
        self
    }

    fn index_of(&self, company: &str) -> usize {
        self.companies
            .iter()
            .position(|c| c.name == company)
            .expect("the company exists")
    }

    fn company_mut(&mut self, company: &str) -> &mut Company {
        let i = self.index_of(company);
        &mut self.companies[i]
    }

    fn size_of(&self, account: &str) -> Option<u32> {
        self.companies
            .iter()
            .flat_map(|c| c.accounts.iter())
            .find(|(name, _)| name == account)
            .map(|(_, gb)| *gb)
    }

    fn pages(&self, rows: usize) -> usize {
        rows.div_ceil(self.per_page).max(1)
    }

    fn companies_grid(&self, page: Page) -> Page {
        let start = self.companies_page * self.per_page;
        let shown = self.companies.iter().skip(start).take(self.per_page);
        let pages = self.pages(self.companies.len()) as u32;
        let page = match self.generation {
            Generation::Seed => {
                let names: Vec<&str> = shown.map(|c| c.name.as_str()).collect();
                page.companies(&names)
            }
            Generation::Newer => {
                let rows: Vec<(String, String)> = shown
                    .map(|c| {
                        let admin = c.accounts.first().map_or(0, |a| a.1);
                        let gb = self.allocated_shows.unwrap_or(admin);
                        let percent = gb * 100 / c.quota.max(1);
                        (c.name.clone(), format!("{gb} GB ({percent}%)"))
                    })
                    .collect();
                let rows: Vec<(&str, &str)> =
                    rows.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
                page.companies_newer(&rows)
            }
        };
        page.paging(self.companies_page as u32 + 1, pages)
    }

    fn accounts_grid(&self, page: Page, c: usize) -> Page {
        let company = &self.companies[c];
        let start = self.accounts_page * self.per_page;
        let rows: Vec<(String, String)> = company
            .accounts
            .iter()
            .skip(start)
            .take(self.per_page)
            .map(|(name, gb)| (name.clone(), format!("{gb} GB")))
            .collect();
        let pages = self.pages(company.accounts.len()) as u32;
        let page = match self.generation {
            Generation::Seed => {
                let rows: Vec<(&str, &str)> =
                    rows.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
                page.accounts(&rows)
            }
            Generation::Newer => {
                let rows: Vec<(&str, &str, &str)> = rows
                    .iter()
                    .map(|(a, b)| (a.as_str(), company.name.as_str(), b.as_str()))
                    .collect();
                page.accounts_newer(&rows)
            }
        };
        page.paging(self.accounts_page as u32 + 1, pages)
    }

    fn menu_items(&self, grid: GridKind, row: &str) -> Vec<&'static str> {
        match (self.generation, grid) {
            (Generation::Seed, GridKind::Companies) => {
                if self.companies.iter().any(|c| c.name == row && !c.managed) {
                    vec!["Edit", "Delete"]
                } else {
                    vec!["Edit", LOGIN, "Delete"]
                }
            }
            (Generation::Newer, GridKind::Companies) => {
                if self.companies.iter().any(|c| c.name == row && !c.managed) {
                    vec!["Change Company Size", "Cancel Company"]
                } else {
                    vec![LOGIN, "Change Company Size", "Cancel Company"]
                }
            }
            (Generation::Seed, GridKind::Accounts) => vec![CAS, "Change Password", "Delete"],
            (Generation::Newer, GridKind::Accounts) => vec![
                "Set Password",
                CAS,
                "Make Company Administrator",
                "Limit User's Rights",
            ],
        }
    }

    /// The page as the content script reads it, and where each of its menus comes from.
    fn render(&self) -> (PageView, Vec<Source>) {
        let mut page = match self.session {
            None => {
                let page = match self.generation {
                    Generation::Seed => Page::partner(),
                    Generation::Newer => Page::partner_newer(),
                };
                if self.screen == Screen::Companies {
                    self.companies_grid(page)
                } else {
                    page
                }
            }
            Some(c) => {
                let mut page = Page::company(&self.companies[c].name);
                if self.home_lists_accounts {
                    page = page.links(&["Home", "Users", RESUME]);
                }
                match self.screen {
                    Screen::Accounts => self.accounts_grid(page, c),
                    _ => {
                        if self.usage_on_home {
                            let rows: Vec<(String, String)> = self.companies[c]
                                .accounts
                                .iter()
                                .map(|(name, gb)| (name.clone(), format!("{gb} GB")))
                                .collect();
                            let rows: Vec<(&str, &str)> =
                                rows.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
                            page = page.usage(&rows);
                        }
                        if self.home_lists_accounts {
                            page = self.accounts_grid(page, c);
                        }
                        page
                    }
                }
            }
        };
        let mut sources = Vec::new();
        for menu in &self.menus {
            let Located::One(g, r) = page.0.locate(menu.grid, &menu.row) else {
                continue;
            };
            let rows = page.0.grids[g].rows.len();
            let owner = match self.tie {
                Tie::Row => Some((g, r)),
                Tie::Untied => None,
                Tie::OtherRow if r + 1 < rows => Some((g, r + 1)),
                Tie::OtherRow if r > 0 => Some((g, r - 1)),
                Tie::OtherRow => None,
            };
            let items = self.menu_items(menu.grid, &menu.row);
            page = page.menu(owner, menu.new, &items);
            sources.push(Source::Row(menu.grid, menu.row.clone()));
        }
        let accounts_shown = page
            .0
            .grids
            .iter()
            .any(|g| g.kind() == Some(GridKind::Accounts) && g.rows.iter().any(|r| r.has_gear));
        if self.stray_group && self.session.is_some() && accounts_shown {
            page = page.menu(None, false, &[CAS]);
            sources.push(Source::Stray);
        }
        if let Some(d) = &self.dialog {
            page.0.size_dialog = Some(SizeDialog {
                value: d.value.clone(),
                initial: d.initial.clone(),
                error: d.error.clone(),
                opened_by_allot: true,
                texts: strings(&[CAS, &format!("Account: {}", d.account)]),
                buttons: match self.generation {
                    Generation::Seed => strings(&["Ok", "Cancel"]),
                    Generation::Newer => strings(&["Save", "Cancel"]),
                },
            });
        }
        (page.build(), sources)
    }

    fn view(&self) -> PageView {
        self.render().0
    }

    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.companies_page = 0;
        self.accounts_page = 0;
        self.menus.clear();
        self.dialog = None;
    }

    /// A page load: menus and dialogs are gone.
    fn reload(&mut self) {
        self.menus.clear();
        self.dialog = None;
    }

    /// Does `action` the way the content script does: on the element [`resolve`] ties
    /// it to in a fresh view, or not at all.
    fn apply(&mut self, action: &Action) {
        if !action.touches_page() {
            return;
        }
        let (view, sources) = self.render();
        let Some(at) = resolve(action, &view) else {
            self.unresolved.push(action.clone());
            return;
        };
        self.log.push(action.clone());
        match at {
            Resolved::Link(i) => self.click_link(&view.links[i]),
            Resolved::NextPage(g) => {
                match view.grids[g].kind() {
                    Some(GridKind::Companies) => self.companies_page += 1,
                    _ => self.accounts_page += 1,
                }
                self.menus.clear();
            }
            Resolved::Gear { grid, row } => {
                let kind = view.grids[grid].kind().expect("a grid of a kind");
                let name = view.grids[grid].name_of(row).expect("a name").to_string();
                let open = self
                    .menus
                    .iter()
                    .position(|m| m.grid == kind && m.row == name);
                match open {
                    // A second click on the same gear closes its menu.
                    Some(i) => {
                        self.menus.remove(i);
                    }
                    None => {
                        if !self.menus_stay_open {
                            self.menus.clear();
                        }
                        for m in &mut self.menus {
                            m.new = false;
                        }
                        self.menus.push(OpenMenu {
                            grid: kind,
                            row: name,
                            new: true,
                        });
                    }
                }
            }
            Resolved::MenuItem { menu, item } => {
                let text = view.menus[menu].items[item].clone();
                let source = sources[menu].clone();
                self.menus.clear();
                match (source, text.as_str()) {
                    (Source::Row(GridKind::Companies, row), LOGIN) => {
                        let clicked = self.companies.iter().position(|c| c.name == row);
                        self.session = self.login_opens.or(clicked);
                        self.go(Screen::CompanyHome);
                    }
                    (Source::Row(GridKind::Accounts, row), CAS) => self.open_dialog(&row),
                    (Source::Stray, CAS) => {
                        // Whatever the page had selected: not the admin account.
                        let c = self.session.expect("a company session");
                        let other = self.companies[c].accounts.last().expect("an account");
                        let other = other.0.clone();
                        self.open_dialog(&other);
                    }
                    (_, text) => panic!("no menu item {text:?} should be chosen"),
                }
            }
            Resolved::SizeField => {
                let Action::FillSize { gb } = action else {
                    unreachable!()
                };
                let dialog = self.dialog.as_mut().expect("the dialog is open");
                dialog.value = gb.to_string();
                dialog.error = None;
            }
            Resolved::DialogButton(i) => {
                let button = view.size_dialog.as_ref().expect("a dialog").buttons[i].clone();
                match button.as_str() {
                    "Ok" | "Save" => self.submit(),
                    _ => self.dialog = None,
                }
            }
        }
    }

    fn click_link(&mut self, text: &str) {
        if self.broken_links.iter().any(|l| l == text) {
            return;
        }
        match (self.session, self.generation, text) {
            (None, Generation::Seed, "View & Manage Companies")
            | (None, Generation::Newer, "Companies") => self.go(Screen::Companies),
            (None, _, "Home") => self.go(Screen::PartnerHome),
            (Some(_), _, RESUME) => {
                self.session = None;
                self.go(Screen::PartnerHome);
            }
            (Some(_), _, "Backup Accounts") => self.go(Screen::Accounts),
            (Some(_), _, "Home") => self.go(Screen::CompanyHome),
            _ => panic!("the link {text:?} should not be clicked here"),
        }
    }

    fn open_dialog(&mut self, account: &str) {
        let gb = self.size_of(account).expect("the account exists");
        self.dialog = Some(Dialog {
            account: account.into(),
            value: gb.to_string(),
            initial: gb.to_string(),
            error: None,
        });
    }

    fn submit(&mut self) {
        let dialog = self.dialog.clone().expect("the dialog is open");
        self.submits += 1;
        let c = self.session.expect("a company session");
        let quota = self.companies[c].quota;
        let gb: u32 = dialog.value.parse().unwrap_or(0);
        if !(5..=quota).contains(&gb) {
            self.dialog = Some(Dialog {
                error: Some(format!("Account size must be between 5 GB and {quota} GB")),
                ..dialog
            });
            return;
        }
        if !self.drops_submits {
            for (name, size) in &mut self.companies[c].accounts {
                if *name == dialog.account {
                    *size = gb;
                }
            }
        }
        self.dialog = None;
    }
}

/// Drives the machine against the dashboard until it ends or `max` calls have been made,
/// `tick` ms apart. Returns the final action. Every action handed out resolves on the
/// page it was decided on.
fn drive(job: &mut Job, dash: &mut Dash, now: &mut u64, tick: u64, max: usize) -> Action {
    for _ in 0..max {
        let action = advance(job, &dash.view(), *now);
        if action.is_final() {
            assert!(dash.unresolved.is_empty(), "{:?}", dash.unresolved);
            return action;
        }
        dash.apply(&action);
        *now += tick;
    }
    panic!("the fix did not end within {max} calls: {job:?}");
}

fn seed_flow(admin: &str) -> Vec<Action> {
    vec![
        click("View & Manage Companies"),
        gear(GridKind::Companies, "HighTech"),
        login("HighTech"),
        click("Backup Accounts"),
        gear(GridKind::Accounts, admin),
        change_size(admin),
        Action::FillSize { gb: 10 },
        ok(),
        click("Home"),
        click(RESUME),
    ]
}

fn newer_flow() -> Vec<Action> {
    vec![
        click("Companies"),
        gear(GridKind::Companies, "HighTech"),
        login("HighTech"),
        gear(GridKind::Accounts, ADMIN),
        change_size(ADMIN),
        Action::FillSize { gb: 10 },
        confirm("Save"),
        click("Home"),
        click(RESUME),
        click("Companies"),
    ]
}

fn data_changes(log: &[Action]) -> Vec<&Action> {
    log.iter().filter(|a| a.changes_data()).collect()
}

// ---------------------------------------------------------------------------------
// The whole flow

#[test]
fn the_whole_flow_gives_the_account_its_size_with_one_ok() {
    let mut job = running(request());
    let mut dash = Dash::seed(ADMIN);
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
    assert_eq!(dash.log, seed_flow(ADMIN));
    assert!(dash.unresolved.is_empty());
    assert_eq!(dash.submits, 1);
    assert_eq!(dash.size_of(ADMIN), Some(10));
    assert_eq!(dash.size_of("reception"), Some(5));
    assert_eq!(dash.session, None);
    assert_eq!(job.status, Status::Done);
    assert!(job.verified && job.ok_clicked && !job.unchanged);
    assert!(!job.allocated_seen && !job.allocated_checked);
    assert_eq!(
        job.outcome.as_deref(),
        Some("The backup account hightech-admin of HighTech is now 10 GB (checked in the company's session), and the partner session is resumed.")
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
    let mut dash = Dash::seed("HighTech");
    let mut now = T0;
    assert_eq!(
        drive(&mut job, &mut dash, &mut now, 500, 100),
        Action::Finished
    );
    assert_eq!(dash.log, seed_flow("HighTech"));
    assert_eq!(dash.size_of("HighTech"), Some(10));
    assert_eq!(dash.submits, 1);
}

#[test]
fn the_seed_company_dashboard_that_lists_the_account_is_used_without_backup_accounts() {
    let mut job = running(request());
    let mut dash = Dash::seed(ADMIN);
    dash.home_lists_accounts = true;
    let mut now = T0;
    assert_eq!(
        drive(&mut job, &mut dash, &mut now, 500, 100),
        Action::Finished
    );
    // No Backup Accounts link, and Home's usage table is already on the page after Ok.
    let mut expected = seed_flow(ADMIN);
    expected.remove(8);
    expected.remove(3);
    assert_eq!(dash.log, expected);
    assert_eq!(dash.size_of(ADMIN), Some(10));
}

#[test]
fn a_json_round_trip_before_every_call_changes_nothing() {
    let mut job = running(request());
    let mut dash = Dash::seed(ADMIN);
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
    assert_eq!(dash.log, seed_flow(ADMIN));
}

// ---------------------------------------------------------------------------------
// The newer dashboard

#[test]
fn the_newer_dashboard_flow_uses_companies_actions_the_listed_accounts_and_save() {
    let mut job = running(request());
    let mut dash = Dash::newer(ADMIN);
    let mut now = T0;
    assert_eq!(
        drive(&mut job, &mut dash, &mut now, 500, 100),
        Action::Finished
    );
    assert_eq!(dash.log, newer_flow());
    assert_eq!(dash.submits, 1);
    assert_eq!(dash.size_of(ADMIN), Some(10));
    assert!(job.verified && job.allocated_seen && job.allocated_checked);
    assert_eq!(
        job.outcome.as_deref(),
        Some("The backup account hightech-admin of HighTech is now 10 GB (checked in the company's session and in the companies list), and the partner session is resumed.")
    );
}

#[test]
fn the_newer_dashboard_flow_with_backup_accounts_and_usage_tables() {
    let mut job = running(request());
    let mut dash = Dash::newer(ADMIN);
    dash.home_lists_accounts = false;
    dash.usage_on_home = true;
    let mut now = T0;
    assert_eq!(
        drive(&mut job, &mut dash, &mut now, 500, 100),
        Action::Finished
    );
    assert_eq!(
        dash.log,
        [
            click("Companies"),
            gear(GridKind::Companies, "HighTech"),
            login("HighTech"),
            click("Backup Accounts"),
            gear(GridKind::Accounts, ADMIN),
            change_size(ADMIN),
            Action::FillSize { gb: 10 },
            confirm("Save"),
            click("Home"),
            click(RESUME),
            click("Companies"),
        ]
    );
    assert!(job.allocated_checked);
}

#[test]
fn the_companies_link_is_used_when_view_and_manage_companies_is_absent() {
    let mut job = job_at(Step::OpenCompanies);
    let action = advance(&mut job, &Page::partner_newer().build(), T0 + 1);
    assert_eq!(action, click("Companies"));
    // The seed's link wins when both are there.
    let mut job = job_at(Step::OpenCompanies);
    let both = Page::partner_newer()
        .links(&["Companies", "View & Manage Companies"])
        .build();
    assert_eq!(
        advance(&mut job, &both, T0 + 1),
        click("View & Manage Companies")
    );
}

#[test]
fn save_is_clicked_when_the_dialog_has_no_ok() {
    let mut job = job_at(Step::EnterSize);
    let view = Page::company("HighTech")
        .dialog("10", None)
        .edit_dialog(|d| d.buttons = strings(&["Cancel", "Save"]))
        .build();
    assert_eq!(advance(&mut job, &view, T0 + 1), confirm("Save"));
    assert!(job.ok_clicked);
}

#[test]
fn a_dialog_without_ok_or_save_is_never_confirmed() {
    let mut job = job_at(Step::EnterSize);
    let view = Page::company("HighTech")
        .dialog("10", None)
        .edit_dialog(|d| d.buttons = strings(&["Cancel"]))
        .build();
    assert_eq!(advance(&mut job, &view, T0 + 1), Action::Wait);
    let text = reason(&advance(&mut job, &view, T0 + 31_000)).to_string();
    assert!(text.contains("has no Ok or Save button"), "{text}");
    assert!(!job.ok_clicked);
}

#[test]
fn verify_reads_the_accounts_grid_when_home_has_no_usage_table() {
    let mut job = job_at(Step::Verify);
    job.ok_clicked = true;
    job.verified = false;
    let listed = Page::company("HighTech")
        .links(&["Home", RESUME])
        .accounts_newer(&[
            (ADMIN, "HighTech", "10 GB"),
            ("reception", "HighTech", "5 GB"),
        ])
        .build();
    // Home is opened once to look for Backup Account Usage.
    assert_eq!(advance(&mut job, &listed, T0 + 1), click("Home"));
    assert!(job.went_home);
    // Home lists the accounts with their sizes: that is the check.
    assert_eq!(advance(&mut job, &listed, T0 + 2), click(RESUME));
    assert!(job.verified);
    assert_eq!(job.step, Step::Resume);
}

#[test]
fn verify_goes_to_backup_accounts_when_home_shows_no_sizes() {
    let mut job = job_at(Step::Verify);
    job.went_home = true;
    let home = Page::company("HighTech").build();
    assert_eq!(advance(&mut job, &home, T0 + 1), click("Backup Accounts"));
    let accounts = Page::company("HighTech")
        .accounts(&[(ADMIN, "5 GB")])
        .build();
    // A list that may not have caught up yet is given until the deadline.
    assert_eq!(advance(&mut job, &accounts, T0 + 2), Action::Wait);
    assert!(reason(&advance(&mut job, &accounts, T0 + 30_002))
        .starts_with("Step 5 of 6: the dashboard still shows 5 GB for hightech-admin, not 10 GB."));
}

#[test]
fn allocated_space_is_checked_after_resume() {
    // A match finishes with both checks.
    let mut job = job_at(Step::Resume);
    job.allocated_seen = true;
    let partner = Page::partner_newer().build();
    assert_eq!(advance(&mut job, &partner, T0 + 1), click("Companies"));
    let companies = Page::partner_newer()
        .companies_newer(&[("OtherCo", "5 GB (10%)"), ("HighTech", "10 GB (100%)")])
        .build();
    assert_eq!(advance(&mut job, &companies, T0 + 2), Action::Finished);
    assert!(job.allocated_checked);
    assert!(job
        .outcome
        .as_deref()
        .is_some_and(|o| o.contains("and in the companies list")));

    // A mismatch fails, saying what the list shows.
    let mut job = job_at(Step::Resume);
    job.allocated_seen = true;
    let stale = Page::partner_newer()
        .companies_newer(&[("HighTech", "5 GB (50%)")])
        .build();
    assert_eq!(
        reason(&advance(&mut job, &stale, T0 + 1)),
        "The companies list shows Allocated Space 5 GB for HighTech, not 10 GB."
    );
    assert_eq!(job.status, Status::Failed);
}

#[test]
fn a_stale_allocated_space_fails_the_newer_flow_at_the_end() {
    let mut job = running(request());
    let mut dash = Dash::newer(ADMIN);
    dash.allocated_shows = Some(5);
    let mut now = T0;
    let end = drive(&mut job, &mut dash, &mut now, 500, 100);
    assert_eq!(
        reason(&end),
        "The companies list shows Allocated Space 5 GB for HighTech, not 10 GB."
    );
    assert_eq!(job.step, Step::Resume);
    assert!(job.verified);
    assert_eq!(dash.submits, 1);
}

// ---------------------------------------------------------------------------------
// Paging

#[test]
fn the_company_on_page_4_is_reached_by_next_then_its_gear() {
    let mut job = running(request());
    // 95 companies before OtherCo and HighTech: HighTech is the 97th, on page 4.
    let mut dash = Dash::newer(ADMIN).with_fillers(95);
    let mut now = T0;
    assert_eq!(
        drive(&mut job, &mut dash, &mut now, 500, 200),
        Action::Finished
    );
    let pages = [
        next_page(GridKind::Companies, 1),
        next_page(GridKind::Companies, 2),
        next_page(GridKind::Companies, 3),
    ];
    let mut expected = vec![click("Companies")];
    expected.extend(pages.clone());
    expected.extend(newer_flow()[1..].iter().cloned());
    expected.extend(pages);
    assert_eq!(dash.log, expected);
    assert_eq!(job.pages_turned, 6);
    assert_eq!(dash.size_of(ADMIN), Some(10));
}

#[test]
fn a_pager_that_does_not_say_its_page_is_turned_from_page_0() {
    let mut job = job_at(Step::OpenCompanies);
    let mut view = Page::partner().companies(&["OtherCo"]).build();
    view.grids[0].paging = Paging {
        has_next: true,
        ..Paging::default()
    };
    let action = advance(&mut job, &view, T0 + 1);
    assert_eq!(action, next_page(GridKind::Companies, 0));
    assert_eq!(resolve(&action, &view), Some(Resolved::NextPage(0)));
}

#[test]
fn the_accounts_grid_is_paged_too() {
    let mut job = running(request());
    let mut dash = Dash::seed(ADMIN);
    let hightech = dash.company_mut("HighTech");
    let admin = hightech.accounts.remove(0);
    for i in 0..40 {
        hightech.accounts.push((format!("user-{i:02}"), 5));
    }
    hightech.accounts.push(admin);
    let mut now = T0;
    assert_eq!(
        drive(&mut job, &mut dash, &mut now, 500, 200),
        Action::Finished
    );
    assert_eq!(
        dash.log[3..6],
        [
            click("Backup Accounts"),
            next_page(GridKind::Accounts, 1),
            gear(GridKind::Accounts, ADMIN),
        ]
    );
    assert_eq!(dash.size_of(ADMIN), Some(10));
}

#[test]
fn paging_stops_at_the_max_pages_cap() {
    let mut job = job_at(Step::OpenCompanies);
    job.limits.max_actions_per_step = 1_000;
    job.limits.max_actions_total = 1_000;
    job.limits.step_timeout_ms = u64::MAX / 4;
    let mut now = T0;
    let mut turned = 0;
    let end = loop {
        let page = turned + 1;
        let view = Page::partner()
            .companies(&[&format!("Filler {page}")])
            .paging(page, 10_000)
            .build();
        let action = advance(&mut job, &view, now);
        now += 3_000;
        match action {
            Action::NextPage { from_page, .. } => {
                assert_eq!(from_page, page);
                turned += 1;
            }
            other => break other,
        }
    };
    assert_eq!(turned, 200);
    assert_eq!(job.pages_turned, 200);
    assert!(
        reason(&end).starts_with(
            "Step 1 of 6: no company named HighTech was found in the companies list in 200 pages."
        ),
        "{end:?}"
    );
}

#[test]
fn a_pager_that_does_not_move_fails_after_the_step_limit() {
    let mut job = job_at(Step::OpenCompanies);
    let view = Page::partner().companies(&["OtherCo"]).paging(1, 9).build();
    let mut now = T0 + 1;
    let mut turns = 0;
    let end = loop {
        match advance(&mut job, &view, now) {
            Action::Wait => {}
            Action::NextPage { .. } => turns += 1,
            other => break other,
        }
        now += 500;
    };
    assert_eq!(turns, 6);
    assert!(reason(&end).contains("after 6 tries"), "{end:?}");
}

// ---------------------------------------------------------------------------------
// Each step alone, from hand-built views: (name, job, view, action, step after)

#[test]
fn single_steps() {
    let with_last = |step: Step, last: Action| {
        let mut job = job_at(step);
        job.last_action = Some(last);
        job.last_action_ms = T0 - 10_000;
        job
    };
    let not_clicked = |step: Step| {
        let mut job = job_at(step);
        job.ok_clicked = false;
        job
    };
    let cases: Vec<(&str, Job, PageView, Action, Step)> = vec![
        (
            "step 1 is done when the companies grid lists the company",
            job_at(Step::OpenCompanies),
            Page::partner()
                .companies(&["OtherCo", "HighTech", "HighTech Labs"])
                .build(),
            gear(GridKind::Companies, "HighTech"),
            Step::LoginAsCompanyAdmin,
        ),
        (
            "step 1 opens View & Manage Companies by its link",
            job_at(Step::OpenCompanies),
            Page::partner().build(),
            click("View & Manage Companies"),
            Step::OpenCompanies,
        ),
        (
            "step 1 leaves another company's session first",
            job_at(Step::OpenCompanies),
            Page::company("OtherCo").build(),
            click(RESUME),
            Step::OpenCompanies,
        ),
        (
            "step 1 leaves a prefix company's session (Acme Dental is not Acme)",
            job_at(Step::OpenCompanies),
            Page::company("HighTech Labs").build(),
            click(RESUME),
            Step::OpenCompanies,
        ),
        (
            "step 1 in the target's session already goes on to step 3",
            job_at(Step::OpenCompanies),
            Page::company("HighTech").build(),
            click("Backup Accounts"),
            Step::OpenChangeSize,
        ),
        (
            "step 1 turns the companies page when the company is not on it",
            job_at(Step::OpenCompanies),
            Page::partner()
                .companies(&["OtherCo", "HighTech Labs"])
                .paging(2, 5)
                .build(),
            next_page(GridKind::Companies, 2),
            Step::OpenCompanies,
        ),
        (
            "step 1 is done with the row alone; step 2 waits for its gear",
            job_at(Step::OpenCompanies),
            Page::partner().companies(&["HighTech"]).gearless().build(),
            Action::Wait,
            Step::LoginAsCompanyAdmin,
        ),
        (
            "step 2 chooses Login as Company Admin in the company's own menu",
            job_at(Step::LoginAsCompanyAdmin),
            Page::partner()
                .companies(&["OtherCo", "HighTech"])
                .menu(Some((0, 1)), true, &["Edit", LOGIN])
                .build(),
            login("HighTech"),
            Step::LoginAsCompanyAdmin,
        ),
        (
            "step 2 never takes another row's menu for the company's",
            job_at(Step::LoginAsCompanyAdmin),
            Page::partner()
                .companies(&["HighTech", "HighTech Labs"])
                .menu(Some((0, 1)), false, &[LOGIN])
                .build(),
            gear(GridKind::Companies, "HighTech"),
            Step::LoginAsCompanyAdmin,
        ),
        (
            "step 2 ignores a menu left open on another row and opens the target's gear",
            with_last(
                Step::LoginAsCompanyAdmin,
                gear(GridKind::Companies, "OtherCo"),
            ),
            Page::partner()
                .companies(&["OtherCo", "HighTech"])
                .menu(Some((0, 0)), true, &[LOGIN])
                .build(),
            gear(GridKind::Companies, "HighTech"),
            Step::LoginAsCompanyAdmin,
        ),
        (
            "step 2 waits while the company's menu has no items yet",
            job_at(Step::LoginAsCompanyAdmin),
            Page::partner()
                .companies(&["HighTech"])
                .menu(Some((0, 0)), true, &[])
                .build(),
            Action::Wait,
            Step::LoginAsCompanyAdmin,
        ),
        (
            "step 2 is done when the company session shows the company",
            job_at(Step::LoginAsCompanyAdmin),
            Page::company("HighTech").build(),
            click("Backup Accounts"),
            Step::OpenChangeSize,
        ),
        (
            "step 3 opens the gear of the admin account",
            job_at(Step::OpenChangeSize),
            Page::company("HighTech")
                .accounts(&[("reception", "5 GB"), (ADMIN, "5 GB")])
                .build(),
            gear(GridKind::Accounts, ADMIN),
            Step::OpenChangeSize,
        ),
        (
            "step 3 chooses Change Account Size in the admin account's menu",
            job_at(Step::OpenChangeSize),
            Page::company("HighTech")
                .accounts(&[("reception", "5 GB"), (ADMIN, "5 GB")])
                .menu(Some((0, 1)), true, &[CAS, "Delete"])
                .build(),
            change_size(ADMIN),
            Step::OpenChangeSize,
        ),
        (
            "step 3 uses the gear on the company dashboard when it lists the account",
            job_at(Step::OpenChangeSize),
            Page::company("HighTech")
                .links(&["Home", RESUME])
                .accounts_newer(&[(ADMIN, "HighTech", "5 GB")])
                .build(),
            gear(GridKind::Accounts, ADMIN),
            Step::OpenChangeSize,
        ),
        (
            "step 3 goes to Backup Accounts from a usage table without gears",
            job_at(Step::OpenChangeSize),
            Page::company("HighTech").usage(&[(ADMIN, "5 GB")]).build(),
            click("Backup Accounts"),
            Step::OpenChangeSize,
        ),
        (
            "step 3 turns the accounts page when the account is not on it",
            job_at(Step::OpenChangeSize),
            Page::company("HighTech")
                .accounts(&[("reception", "5 GB")])
                .paging(1, 2)
                .build(),
            next_page(GridKind::Accounts, 1),
            Step::OpenChangeSize,
        ),
        (
            "step 3 never chooses a page-level Change Account Size group",
            job_at(Step::OpenChangeSize),
            Page::company("HighTech")
                .accounts(&[(ADMIN, "5 GB")])
                .menu(None, false, &[CAS])
                .build(),
            gear(GridKind::Accounts, ADMIN),
            Step::OpenChangeSize,
        ),
        (
            "step 3 is done when the dialog Allot opened is there",
            with_last(Step::OpenChangeSize, change_size(ADMIN)),
            Page::company("HighTech").dialog("5", None).build(),
            Action::FillSize { gb: 10 },
            Step::EnterSize,
        ),
        (
            "step 3 with the requested size already shown submits nothing",
            job_at(Step::OpenChangeSize),
            Page::company("HighTech")
                .links(&["Users", RESUME])
                .accounts(&[(ADMIN, "10 GB")])
                .build(),
            click(RESUME),
            Step::Resume,
        ),
        (
            "step 4 fills the size",
            job_at(Step::EnterSize),
            Page::company("HighTech").dialog("5 GB", None).build(),
            Action::FillSize { gb: 10 },
            Step::EnterSize,
        ),
        (
            "step 4 does not refill a field that already holds the size",
            not_clicked(Step::EnterSize),
            Page::company("HighTech").dialog("10.00 GB", None).build(),
            ok(),
            Step::EnterSize,
        ),
        (
            "step 4 refills after the dashboard rejected what was typed",
            job_at(Step::EnterSize),
            Page::company("HighTech")
                .dialog("1o", Some("Enter a number"))
                .build(),
            Action::FillSize { gb: 10 },
            Step::EnterSize,
        ),
        (
            "step 4 is done when the dialog is gone after Ok",
            job_for(request(), Step::Verify).tap(|j| j.step = Step::EnterSize),
            Page::company("HighTech")
                .accounts(&[(ADMIN, "10 GB")])
                .build(),
            click("Home"),
            Step::Verify,
        ),
        (
            "a reload before Ok opens the dialog again",
            not_clicked(Step::EnterSize),
            Page::company("HighTech")
                .accounts(&[(ADMIN, "5 GB")])
                .build(),
            gear(GridKind::Accounts, ADMIN),
            Step::OpenChangeSize,
        ),
        (
            "step 5 is done when the usage table shows the size",
            job_at(Step::Verify),
            Page::company("HighTech")
                .usage(&[("reception", "5 GB"), (ADMIN, "10.00 GB")])
                .build(),
            click(RESUME),
            Step::Resume,
        ),
        (
            "step 6 is done when the resume link is gone",
            job_at(Step::Resume),
            Page::partner().build(),
            Action::Finished,
            Step::Resume,
        ),
        (
            "names match after trimming and folding case and whitespace",
            job_at(Step::OpenCompanies),
            Page::partner().companies(&["  HIGHTECH\u{a0} "]).build(),
            gear(GridKind::Companies, "HIGHTECH"),
            Step::LoginAsCompanyAdmin,
        ),
        (
            "names match in full-width letters (NFKC)",
            job_at(Step::OpenCompanies),
            Page::partner().companies(&["ＨｉｇｈＴｅｃｈ"]).build(),
            gear(GridKind::Companies, "ＨｉｇｈＴｅｃｈ"),
            Step::LoginAsCompanyAdmin,
        ),
    ];
    for (name, mut job, view, action, step) in cases {
        let got = advance(&mut job, &view, T0 + 1);
        assert_eq!(got, action, "{name}");
        assert_eq!(job.step, step, "{name}");
        if got.touches_page() {
            assert!(resolve(&got, &view).is_some(), "{name}: it resolves");
        }
    }
}

/// A small helper to change a value in an expression.
trait Tap: Sized {
    fn tap(mut self, f: impl FnOnce(&mut Self)) -> Self {
        f(&mut self);
        self
    }
}

impl Tap for Job {}

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
    assert_eq!(advance(&mut job, &filled, T0 + 2), ok());
    assert!(job.ok_clicked, "Ok is recorded before it is handed out");
    assert_eq!(advance(&mut job, &filled, T0 + 3), Action::Wait);
    assert_eq!(advance(&mut job, &filled, T0 + 10_000), Action::Wait);
}

// ---------------------------------------------------------------------------------
// Ambiguous menus

#[test]
fn a_menu_the_page_does_not_tie_to_the_row_stops_before_any_choice() {
    for tie in [Tie::Untied, Tie::OtherRow] {
        let mut job = running(request());
        let mut dash = Dash::seed(ADMIN);
        dash.tie = tie;
        let mut now = T0;
        let end = drive(&mut job, &mut dash, &mut now, 500, 100);
        assert_eq!(
            reason(&end),
            "Step 2 of 6: a menu opened that the page does not tie to the row of HighTech, so Allot cannot tell whose it is and stopped before clicking Login as Company Admin. Nothing was changed: the backup account hightech-admin is as it was.",
            "{tie:?}"
        );
        assert_eq!(
            dash.log,
            [
                click("View & Manage Companies"),
                gear(GridKind::Companies, "HighTech")
            ],
            "{tie:?}"
        );
        assert!(data_changes(&dash.log).is_empty());
    }
}

#[test]
fn an_untied_menu_on_the_accounts_page_stops_before_change_account_size() {
    let mut job = job_at(Step::OpenChangeSize);
    job.last_action = Some(gear(GridKind::Accounts, ADMIN));
    job.last_action_ms = T0;
    let view = Page::company("HighTech")
        .accounts(&[("reception", "5 GB"), (ADMIN, "5 GB")])
        .menu(Some((0, 0)), true, &[CAS])
        .build();
    let text = reason(&advance(&mut job, &view, T0 + 1)).to_string();
    assert!(
        text.starts_with(
            "Step 3 of 6: a menu opened that the page does not tie to the row of hightech-admin"
        ),
        "{text}"
    );
    assert!(text.contains("before clicking Change Account Size"));
    assert!(text.contains("You may still be in HighTech's company session"));
}

#[test]
fn menus_left_open_on_other_rows_are_ignored() {
    let mut job = running(request());
    let mut dash = Dash::seed(ADMIN);
    dash.menus_stay_open = true;
    // The partner had opened OtherCo's menu before starting the fix.
    dash.go(Screen::Companies);
    dash.menus.push(OpenMenu {
        grid: GridKind::Companies,
        row: "OtherCo".into(),
        new: false,
    });
    let mut now = T0;
    assert_eq!(
        drive(&mut job, &mut dash, &mut now, 500, 100),
        Action::Finished
    );
    assert_eq!(dash.log, seed_flow(ADMIN)[1..]);
    assert_eq!(dash.session, None);
    assert_eq!(dash.size_of("otherco-admin"), Some(5));
}

#[test]
fn a_page_level_change_account_size_group_is_never_chosen() {
    let mut job = running(request());
    let mut dash = Dash::seed(ADMIN);
    dash.stray_group = true;
    let mut now = T0;
    assert_eq!(
        drive(&mut job, &mut dash, &mut now, 500, 100),
        Action::Finished
    );
    assert_eq!(dash.log, seed_flow(ADMIN));
    assert_eq!(dash.size_of("reception"), Some(5));
    assert_eq!(dash.size_of(ADMIN), Some(10));
}

// ---------------------------------------------------------------------------------
// Whole names

fn acme() -> FixRequest {
    FixRequest {
        company: "Acme".into(),
        admin_username: "acme-admin".into(),
        ..request()
    }
}

#[test]
fn a_header_naming_a_longer_company_is_the_wrong_company() {
    let mut job = job_for(acme(), Step::LoginAsCompanyAdmin);
    let view = Page::company("Acme Dental")
        .header(&["Acme Dental"])
        .accounts(&[("acme-admin", "5 GB")])
        .build();
    let action = advance(&mut job, &view, T0 + 1);
    assert_eq!(
        reason(&action),
        "The dashboard opened Acme Dental, not Acme: Allot stopped before changing anything. This tab is in that company's session: click \"Click here to resume session as ...\" to go back to your partner dashboard first."
    );
    // The same at steps 3 and 4, before anything changes.
    for step in [Step::OpenChangeSize, Step::EnterSize] {
        let mut job = job_for(acme(), step);
        let view = Page::company("Acme Dental")
            .header(&["Company: Acme Dental", "Log out"])
            .accounts(&[("acme-admin", "5 GB")])
            .dialog("5", None)
            .build();
        let text = reason(&advance(&mut job, &view, T0 + 1)).to_string();
        assert!(
            text.starts_with("The dashboard opened Company: Acme Dental, Log out, not Acme"),
            "{step:?}: {text}"
        );
        assert!(!job.ok_clicked);
    }
}

#[test]
fn login_opening_a_prefix_company_stops_before_anything_changes() {
    let mut job = running(FixRequest {
        company: "HighTech".into(),
        ..request()
    });
    let mut dash = Dash::seed(ADMIN);
    dash.login_opens = Some(dash.index_of("HighTech Labs"));
    let mut now = T0;
    let end = drive(&mut job, &mut dash, &mut now, 500, 100);
    assert!(reason(&end)
        .starts_with("The dashboard opened HighTech Labs, Log out, not HighTech: Allot stopped before changing anything."));
    assert_eq!(dash.log.len(), 3, "nothing after Login as Company Admin");
    assert_eq!(dash.submits, 0);
}

#[test]
fn step_2_fails_at_once_when_the_header_shows_another_company() {
    let mut job = running(request());
    let mut dash = Dash::seed(ADMIN);
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
fn the_companies_grid_picks_only_the_whole_name() {
    let mut job = job_for(acme(), Step::LoginAsCompanyAdmin);
    let view = Page::partner()
        .companies(&["Acme Dental", "Acme Dental Labs", "Acme", "The Acme"])
        .build();
    let action = advance(&mut job, &view, T0 + 1);
    assert_eq!(action, gear(GridKind::Companies, "Acme"));
    assert_eq!(
        resolve(&action, &view),
        Some(Resolved::Gear { grid: 0, row: 2 })
    );
    // Without Acme's own row, the longer names are never taken for it.
    let mut job = job_for(acme(), Step::LoginAsCompanyAdmin);
    let view = Page::partner()
        .companies(&["Acme Dental", "Acme Dental Labs"])
        .build();
    assert_eq!(advance(&mut job, &view, T0 + 1), Action::Wait);
}

#[test]
fn an_account_listed_under_another_company_is_not_touched() {
    let mut job = job_at(Step::OpenChangeSize);
    let view = Page::company("HighTech")
        .accounts_newer(&[(ADMIN, "HighTech Labs", "5 GB")])
        .build();
    assert_eq!(
        reason(&advance(&mut job, &view, T0 + 1)),
        "Step 3 of 6: the backup account hightech-admin is listed under the company HighTech Labs, not HighTech, so Allot stopped before changing anything. Nothing was changed: the backup account hightech-admin is as it was. You may still be in HighTech's company session: the link \"Click here to resume session as ...\" leads back to the partner dashboard."
    );
}

#[test]
fn a_dialog_naming_another_account_is_not_filled() {
    let mut job = job_at(Step::OpenChangeSize);
    job.last_action = Some(change_size(ADMIN));
    let view = Page::company("HighTech")
        .accounts(&[(ADMIN, "5 GB"), ("reception", "5 GB")])
        .dialog("5", None)
        .edit_dialog(|d| d.texts = strings(&[CAS, "Account: reception"]))
        .build();
    let text = reason(&advance(&mut job, &view, T0 + 1)).to_string();
    assert!(
        text.starts_with("Step 3 of 6: the Change Account Size dialog names the backup account reception, not hightech-admin, so Allot stopped before changing anything."),
        "{text}"
    );
    assert!(!job.ok_clicked);
}

#[test]
fn long_and_japanese_names_match_whole_in_the_header() {
    let long = "Northwestern Regional Dental and Orthodontic Associates of Greater Springfield";
    assert_eq!(long.chars().count(), 78);
    let japanese = "株式会社ハイテクソリューションズ東京本社営業部第二課事務所";
    assert_eq!(japanese.chars().count(), 29);
    for (company, header) in [
        (long, long.to_string()),
        (long, format!("Company: {long}")),
        (japanese, japanese.to_string()),
        (japanese, format!("Pax8 Partner > {japanese}")),
        (japanese, format!("{japanese}\u{3000}| Log off")),
    ] {
        let mut job = job_for(
            FixRequest {
                company: company.into(),
                ..request()
            },
            Step::LoginAsCompanyAdmin,
        );
        let view = Page::company(company).header(&[&header]).build();
        assert_eq!(
            advance(&mut job, &view, T0 + 1),
            click("Backup Accounts"),
            "{header}"
        );
        assert_eq!(job.step, Step::OpenChangeSize);
    }
    // One character less is another company.
    let short: String = japanese.chars().take(28).collect();
    let mut job = job_for(
        FixRequest {
            company: short,
            ..request()
        },
        Step::LoginAsCompanyAdmin,
    );
    let view = Page::company(japanese).header(&[japanese]).build();
    assert!(matches!(
        advance(&mut job, &view, T0 + 1),
        Action::Failed { .. }
    ));
}

#[test]
fn header_names_are_normalised_before_they_are_compared() {
    let high_tech = || {
        job_for(
            FixRequest {
                company: " High  Tech ".into(),
                ..request()
            },
            Step::LoginAsCompanyAdmin,
        )
    };
    for header in [
        "HIGH TECH",
        " High\u{a0}Tech ",
        "Ｈｉｇｈ\u{3000}Ｔｅｃｈ",
        "high  tech | Log off",
        "Company:\u{3000}High Tech",
    ] {
        let mut job = high_tech();
        let view = Page::company("x").header(&[header]).build();
        assert_eq!(
            advance(&mut job, &view, T0 + 1),
            click("Backup Accounts"),
            "{header}"
        );
    }
    for header in ["HighTech", "High Tech Labs", "High-Tech"] {
        let mut job = high_tech();
        let view = Page::company("x").header(&[header]).build();
        assert!(
            reason(&advance(&mut job, &view, T0 + 1)).starts_with("The dashboard opened"),
            "{header}"
        );
    }
    assert!(!same_name("HighTech", "High Tech"));
    assert!(same_name("ＨｉｇｈＴｅｃｈ", "hightech"));
    assert!(names_whole("Pax8 Partner » ＨＩＧＨＴＥＣＨ", "HighTech"));
    assert!(!names_whole("HighTech Labs | Log off", "HighTech"));
}

// ---------------------------------------------------------------------------------
// Unmanaged companies

#[test]
fn an_unmanaged_company_stops_the_fix_with_what_to_do() {
    for dash in [Dash::seed(ADMIN), Dash::newer(ADMIN)] {
        let mut dash = dash;
        dash.company_mut("HighTech").managed = false;
        let mut job = running(request());
        let mut now = T0;
        let end = drive(&mut job, &mut dash, &mut now, 500, 100);
        let text = reason(&end);
        assert!(
            text.starts_with("Step 2 of 6: HighTech is not a managed company: its menu has no Login as Company Admin"),
            "{text}"
        );
        assert!(text.contains("Make the company managed first"), "{text}");
        assert!(data_changes(&dash.log).is_empty(), "{:?}", dash.log);
        assert_eq!(dash.session, None);
        let Action::Failed { manual_steps, .. } = end else {
            unreachable!()
        };
        assert!(manual_steps[0].contains("it must be made managed first"));
    }
}

// ---------------------------------------------------------------------------------
// The account's current size

fn big_request() -> FixRequest {
    FixRequest {
        requested_gb: 100,
        company_quota_gb: 0,
        ..request()
    }
}

#[test]
fn an_account_at_another_size_than_5_gb_is_not_touched() {
    let mut job = job_for(big_request(), Step::OpenChangeSize);
    let view = Page::company("HighTech")
        .accounts(&[(ADMIN, "50 GB")])
        .build();
    assert_eq!(
        reason(&advance(&mut job, &view, T0 + 1)),
        "Step 3 of 6: the backup account hightech-admin is 50 GB, not the 5 GB of the admin account this Create made, so it may be another account: Allot stopped before changing anything."
    );

    // The same through the whole flow.
    let mut job = running(big_request());
    let mut dash = Dash::seed(ADMIN);
    dash.company_mut("HighTech").accounts[0].1 = 50;
    let mut now = T0;
    let end = drive(&mut job, &mut dash, &mut now, 500, 100);
    assert!(reason(&end).contains("is 50 GB, not the 5 GB"));
    assert_eq!(dash.log.len(), 4, "{:?}", dash.log);
    assert_eq!(data_changes(&dash.log), [&login("HighTech")]);
}

#[test]
fn an_unknown_current_size_is_not_checked() {
    let mut job = job_for(
        FixRequest {
            current_gb: 0,
            ..big_request()
        },
        Step::OpenChangeSize,
    );
    let view = Page::company("HighTech")
        .accounts(&[(ADMIN, "50 GB")])
        .build();
    assert_eq!(
        advance(&mut job, &view, T0 + 1),
        gear(GridKind::Accounts, ADMIN)
    );
}

#[test]
fn an_account_already_at_the_size_goes_to_verify_without_submitting() {
    let mut job = running(request());
    let mut dash = Dash::seed(ADMIN);
    dash.company_mut("HighTech").accounts[0].1 = 10;
    let mut now = T0;
    assert_eq!(
        drive(&mut job, &mut dash, &mut now, 500, 100),
        Action::Finished
    );
    assert!(job.unchanged && job.verified && !job.ok_clicked);
    assert_eq!(dash.submits, 0);
    assert!(!dash
        .log
        .iter()
        .any(|a| matches!(a, Action::FillSize { .. } | Action::Confirm { .. })));
    assert!(job
        .outcome
        .as_deref()
        .is_some_and(|o| o.ends_with("It already had that size, so nothing was submitted.")));
}

#[test]
fn a_dialog_that_opens_at_another_size_is_not_filled() {
    let mut job = job_for(big_request(), Step::EnterSize);
    let view = Page::company("HighTech")
        .dialog("50", None)
        .edit_dialog(|d| d.initial = "50".into())
        .build();
    assert!(reason(&advance(&mut job, &view, T0 + 1))
        .starts_with("Step 4 of 6: the backup account hightech-admin is 50 GB, not the 5 GB"));
    assert!(!job.ok_clicked);
    // From step 3 on the same view: the dialog is taken, then refused before FillSize.
    let mut job = job_for(big_request(), Step::OpenChangeSize);
    job.last_action = Some(change_size(ADMIN));
    assert!(matches!(
        advance(&mut job, &view, T0 + 1),
        Action::Failed { .. }
    ));
}

// ---------------------------------------------------------------------------------
// Dialogs Allot did not open

#[test]
fn a_dialog_allot_did_not_open_is_never_filled_or_confirmed() {
    let not_ours = |value: &str| {
        Page::company("HighTech")
            .dialog(value, None)
            .edit_dialog(|d| d.opened_by_allot = false)
            .build()
    };
    // At step 3 even right after Allot's own click.
    let mut job = job_at(Step::OpenChangeSize);
    job.last_action = Some(change_size(ADMIN));
    assert_eq!(
        reason(&advance(&mut job, &not_ours("5"), T0 + 1)),
        "Step 3 of 6: a Change Account Size dialog is open that Allot did not open, so Allot stopped before changing anything. Close it and start again. Nothing was changed: the backup account hightech-admin is as it was. You may still be in HighTech's company session: the link \"Click here to resume session as ...\" leads back to the partner dashboard."
    );
    // At step 3 when Allot's last action was not Change Account Size.
    let mut job = job_at(Step::OpenChangeSize);
    job.last_action = Some(gear(GridKind::Accounts, ADMIN));
    let ours_by_page = Page::company("HighTech").dialog("5", None).build();
    assert!(reason(&advance(&mut job, &ours_by_page, T0 + 1)).contains("that Allot did not open"));
    // At step 4, with the size in or not.
    for value in ["5", "10"] {
        let mut job = job_at(Step::EnterSize);
        let text = reason(&advance(&mut job, &not_ours(value), T0 + 1)).to_string();
        assert!(text.contains("is not the one Allot opened"), "{text}");
        assert!(!job.ok_clicked);
    }
}

// ---------------------------------------------------------------------------------
// resolve

#[test]
fn resolve_ties_actions_to_the_page_as_it_is() {
    let page = Page::company("HighTech")
        .accounts(&[("reception", "5 GB"), (ADMIN, "5 GB")])
        .menu(Some((0, 1)), true, &["Delete", CAS]);
    let view = page.build();
    assert_eq!(
        resolve(&click("Backup Accounts"), &view),
        Some(Resolved::Link(1))
    );
    assert_eq!(resolve(&click("Nowhere"), &view), None);
    assert_eq!(
        resolve(&gear(GridKind::Accounts, ADMIN), &view),
        Some(Resolved::Gear { grid: 0, row: 1 })
    );
    assert_eq!(resolve(&gear(GridKind::Companies, ADMIN), &view), None);
    assert_eq!(
        resolve(&change_size(ADMIN), &view),
        Some(Resolved::MenuItem { menu: 0, item: 1 })
    );
    assert_eq!(resolve(&change_size("reception"), &view), None);
    assert_eq!(resolve(&Action::Wait, &view), None);
    assert_eq!(resolve(&Action::Finished, &view), None);

    // The row is gone.
    let gone = Page::company("HighTech")
        .accounts(&[("reception", "5 GB")])
        .menu(Some((0, 0)), true, &[CAS])
        .build();
    assert_eq!(resolve(&gear(GridKind::Accounts, ADMIN), &gone), None);
    assert_eq!(resolve(&change_size(ADMIN), &gone), None);

    // Two rows carry the name.
    let two = Page::company("HighTech")
        .accounts(&[(ADMIN, "5 GB"), ("HIGHTECH-ADMIN", "5 GB")])
        .menu(Some((0, 0)), true, &[CAS])
        .build();
    assert_eq!(resolve(&gear(GridKind::Accounts, ADMIN), &two), None);
    assert_eq!(resolve(&change_size(ADMIN), &two), None);

    // The menu is not owned by the row (or by no row), or two menus claim it.
    for menus in [
        vec![(Some((0, 0)), true)],
        vec![(None, true)],
        vec![(Some((0, 1)), true), (Some((0, 1)), false)],
    ] {
        let mut page =
            Page::company("HighTech").accounts(&[("reception", "5 GB"), (ADMIN, "5 GB")]);
        for (owner, new) in menus.clone() {
            page = page.menu(owner, new, &[CAS]);
        }
        assert_eq!(
            resolve(&change_size(ADMIN), &page.build()),
            None,
            "{menus:?}"
        );
    }

    // The menu lacks the item.
    let lacks = Page::company("HighTech")
        .accounts(&[(ADMIN, "5 GB")])
        .menu(Some((0, 0)), true, &["Delete"])
        .build();
    assert_eq!(resolve(&change_size(ADMIN), &lacks), None);

    // The dialog: ours or not, one button of the text or not.
    let ours = Page::company("HighTech")
        .dialog("10", None)
        .edit_dialog(|d| d.buttons = strings(&["Cancel", " ok "]))
        .build();
    assert_eq!(
        resolve(&Action::FillSize { gb: 10 }, &ours),
        Some(Resolved::SizeField)
    );
    assert_eq!(resolve(&ok(), &ours), Some(Resolved::DialogButton(1)));
    assert_eq!(resolve(&confirm("Save"), &ours), None);
    let theirs = Page::company("HighTech")
        .dialog("10", None)
        .edit_dialog(|d| d.opened_by_allot = false)
        .build();
    assert_eq!(resolve(&Action::FillSize { gb: 10 }, &theirs), None);
    assert_eq!(resolve(&ok(), &theirs), None);
    let two_oks = Page::company("HighTech")
        .dialog("10", None)
        .edit_dialog(|d| d.buttons = strings(&["Ok", "OK"]))
        .build();
    assert_eq!(resolve(&ok(), &two_oks), None);
    let none = Page::company("HighTech").build();
    assert_eq!(resolve(&Action::FillSize { gb: 10 }, &none), None);

    // Next page: the grid of that kind, showing that page.
    let paged = Page::partner().companies(&["OtherCo"]).paging(3, 4).build();
    assert_eq!(
        resolve(&next_page(GridKind::Companies, 3), &paged),
        Some(Resolved::NextPage(0))
    );
    assert_eq!(resolve(&next_page(GridKind::Companies, 2), &paged), None);
    assert_eq!(resolve(&next_page(GridKind::Accounts, 3), &paged), None);
    let last = Page::partner().companies(&["OtherCo"]).paging(4, 4).build();
    assert_eq!(resolve(&next_page(GridKind::Companies, 4), &last), None);
}

#[test]
fn resolve_finds_the_row_among_several_grids() {
    // The Home page: a usage grid without gears, then the accounts grid.
    let view = Page::company("HighTech")
        .usage(&[(ADMIN, "5 GB")])
        .accounts(&[("reception", "5 GB"), (ADMIN, "5 GB")])
        .menu(Some((1, 1)), true, &[CAS])
        .build();
    assert_eq!(
        resolve(&gear(GridKind::Accounts, ADMIN), &view),
        Some(Resolved::Gear { grid: 1, row: 1 })
    );
    assert_eq!(
        resolve(&change_size(ADMIN), &view),
        Some(Resolved::MenuItem { menu: 0, item: 0 })
    );
    // Only the usage grid: no gear to click.
    let usage_only = Page::company("HighTech").usage(&[(ADMIN, "5 GB")]).build();
    assert_eq!(resolve(&gear(GridKind::Accounts, ADMIN), &usage_only), None);
}

#[test]
fn a_page_that_changed_before_the_click_gets_no_click() {
    let mut job = job_at(Step::OpenChangeSize);
    let with_menu = Page::company("HighTech")
        .accounts(&[(ADMIN, "5 GB")])
        .menu(Some((0, 0)), true, &[CAS])
        .build();
    let action = advance(&mut job, &with_menu, T0 + 1);
    assert_eq!(action, change_size(ADMIN));
    // The grid re-rendered and the menu closed before the click.
    let changed = Page::company("HighTech")
        .accounts(&[(ADMIN, "5 GB")])
        .build();
    assert_eq!(resolve(&action, &changed), None);
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
        "Step 1 of 6: the link View & Manage Companies (or Companies) was not found. Nothing was changed: the backup account hightech-admin is as it was."
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
    assert!(reason(&action)
        .starts_with("Step 1 of 6: no company named HighTech was found in the companies list."));
}

#[test]
fn step_2_fails_when_two_companies_have_the_name() {
    let mut job = job_at(Step::LoginAsCompanyAdmin);
    let view = Page::partner().companies(&["HighTech", "hightech"]).build();
    let action = advance(&mut job, &view, T0 + 1);
    assert_eq!(
        reason(&action),
        "2 companies are named HighTech in the companies list, so Allot cannot tell which to open: Allot stopped before changing anything."
    );
}

#[test]
fn step_3_fails_when_two_accounts_have_the_name() {
    let mut job = job_at(Step::OpenChangeSize);
    let view = Page::company("HighTech")
        .accounts(&[(ADMIN, "5 GB"), ("HighTech-Admin ", "5 GB")])
        .build();
    assert!(reason(&advance(&mut job, &view, T0 + 1))
        .starts_with("Step 3 of 6: 2 backup accounts are named hightech-admin"));
}

#[test]
fn the_brief_wording_for_another_company_when_it_is_the_only_header_text() {
    let mut job = job_at(Step::LoginAsCompanyAdmin);
    let view = Page::company("OtherCo").header(&["OtherCo"]).build();
    assert_eq!(
        reason(&advance(&mut job, &view, T0 + 1)),
        "The dashboard opened OtherCo, not HighTech: Allot stopped before changing anything. This tab is in that company's session: click \"Click here to resume session as ...\" to go back to your partner dashboard first."
    );
}

#[test]
fn steps_3_and_4_check_the_header_before_every_click() {
    for (step, view) in [
        (
            Step::OpenChangeSize,
            Page::company("OtherCo")
                .accounts(&[(ADMIN, "5 GB")])
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
fn step_3_waits_while_the_header_is_empty_and_then_fails() {
    let mut job = job_at(Step::OpenChangeSize);
    let view = Page::company("HighTech")
        .header(&[" "])
        .accounts(&[(ADMIN, "5 GB")])
        .build();
    assert_eq!(advance(&mut job, &view, T0 + 1), Action::Wait);
    assert!(reason(&advance(&mut job, &view, T0 + 31_000))
        .starts_with("Step 3 of 6: the company name HighTech was not found in the page's header."));
}

#[test]
fn step_3_fails_at_the_deadline_when_the_backup_account_is_missing() {
    let mut job = running(seed_request());
    let mut dash = Dash::seed("someone-else");
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
    assert_eq!(
        manual_steps[0],
        "Open Backup Accounts (on the newer dashboard: Endpoint Backup > Backup Accounts). On the backup account HighTech, click the gear (or Actions) at the right and choose Change Account Size."
    );
    assert_eq!(dash.submits, 0);
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
fn step_3_fails_when_the_accounts_menu_has_no_change_account_size() {
    let mut job = job_at(Step::OpenChangeSize);
    let view = Page::company("HighTech")
        .accounts(&[(ADMIN, "5 GB")])
        .menu(Some((0, 0)), true, &["Set Password", "Limit User's Rights"])
        .build();
    assert!(reason(&advance(&mut job, &view, T0 + 1)).starts_with(
        "Step 3 of 6: the menu of the backup account hightech-admin has no Change Account Size, so Allot cannot change its size."
    ));
}

#[test]
fn step_4_fails_with_the_dashboards_message_when_the_size_is_refused() {
    let mut job = running(FixRequest {
        requested_gb: 20,
        company_quota_gb: 20,
        ..request()
    });
    let mut dash = Dash::seed(ADMIN);
    let mut now = T0;
    let end = drive(&mut job, &mut dash, &mut now, 500, 100);
    assert_eq!(
        reason(&end),
        "The dashboard refused 20 GB: Account size must be between 5 GB and 10 GB. The backup account hightech-admin is as it was."
    );
    assert_eq!(job.step, Step::EnterSize);
    assert_eq!(dash.submits, 1);
    assert_eq!(dash.size_of(ADMIN), Some(5));
    let Action::Failed { manual_steps, .. } = end else {
        unreachable!()
    };
    assert_eq!(
        manual_steps[0],
        "Enter 20 in Account Size In GB and click Ok (or Save)."
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
        "Step 4 of 6: the Change Account Size dialog did not close after it was confirmed. Ok was clicked for 10 GB"
    ), "{text}");
}

#[test]
fn step_5_fails_when_the_home_page_still_shows_the_old_size() {
    let mut job = running(seed_request());
    let mut dash = Dash::seed("HighTech");
    dash.drops_submits = true;
    let mut now = T0;
    let end = drive(&mut job, &mut dash, &mut now, 500, 100);
    assert_eq!(
        reason(&end).split(". Ok was clicked").next(),
        Some("Step 5 of 6: the dashboard still shows 5 GB for HighTech, not 10 GB")
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
        .usage(&[(ADMIN, "loading")])
        .build();
    assert_eq!(advance(&mut job, &view, T0 + 1), Action::Wait);
    assert!(
        reason(&advance(&mut job, &view, T0 + 31_000)).contains("could not be read (\"loading\")")
    );
}

#[test]
fn a_step_fails_after_its_action_limit() {
    let mut job = running(request());
    let mut dash = Dash::seed(ADMIN);
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
fn the_run_fails_after_its_total_action_budget() {
    let mut job = job_at(Step::OpenCompanies);
    job.limits.max_actions_total = 3;
    let mut dash = Dash::seed(ADMIN);
    dash.broken_links.push("View & Manage Companies".into());
    let mut now = T0;
    let end = drive(&mut job, &mut dash, &mut now, 2_500, 100);
    assert!(reason(&end).contains("Allot gave up after 3 actions in all"));
    assert_eq!(dash.log.len(), 3);
}

#[test]
fn step_6_fails_when_the_partner_session_does_not_come_back_and_says_the_size_is_done() {
    let mut job = running(request());
    let mut dash = Dash::seed(ADMIN);
    dash.broken_links.push(RESUME.into());
    let mut now = T0;
    let end = drive(&mut job, &mut dash, &mut now, 3_000, 100);
    let text = reason(&end);
    assert!(text.starts_with("Step 6 of 6: the partner session did not come back after 6 tries."));
    assert!(text.contains("The backup account hightech-admin is 10 GB (checked on the dashboard)."));
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
    let open = gear(GridKind::Companies, "HighTech");
    assert_eq!(advance(&mut job, &view, T0 + 1), open);
    // The mutation observer fires again before the menu shows: no second click (it would
    // close the menu).
    assert_eq!(advance(&mut job, &view, T0 + 500), Action::Wait);
    assert_eq!(advance(&mut job, &view, T0 + 2_001), open);
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
        let mut dash = Dash::seed(ADMIN);
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
        assert_eq!(dash.size_of(ADMIN), Some(if changed { 10 } else { 5 }));
        match step {
            Step::Verify => assert!(outcome.contains("Ok was clicked for 10 GB")),
            Step::Resume => assert!(outcome.contains("is 10 GB (checked on the dashboard)")),
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
    let view = Page::company("HighTech").dialog("10", None).build();
    assert_eq!(advance(&mut job, &view, T0 + 1), ok());
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
    for newer in [false, true] {
        let actions = if newer {
            newer_flow()
        } else {
            seed_flow(ADMIN)
        };
        for reload_after in 0..actions.len() {
            let mut job = running(request());
            let mut dash = if newer {
                Dash::newer(ADMIN)
            } else {
                Dash::seed(ADMIN)
            };
            let mut now = T0;
            let mut reloaded = false;
            for _ in 0..100 {
                let action = advance(&mut job, &dash.view(), now);
                if action.is_final() {
                    assert_eq!(
                        action,
                        Action::Finished,
                        "newer {newer}, reload after action {reload_after}"
                    );
                    break;
                }
                dash.apply(&action);
                now += 500;
                if !reloaded && dash.log.len() == reload_after + 1 {
                    // The page loads again; the content script reads the job back.
                    reloaded = true;
                    dash.reload();
                    job = roundtrip(&job);
                }
            }
            let at = format!("newer {newer}, reload after action {reload_after}");
            assert_eq!(job.status, Status::Done, "{at}");
            assert_eq!(dash.submits, 1, "{at}");
            assert_eq!(dash.size_of(ADMIN), Some(10), "{at}");
            assert!(dash.unresolved.is_empty(), "{at}: {:?}", dash.unresolved);
        }
    }
}

#[test]
fn every_step_resumes_from_a_stored_job_on_a_fresh_page() {
    for step in Step::ALL {
        // Run to the step, store the job, and come back on the page a reload shows.
        let mut job = running(request());
        let mut dash = Dash::seed(ADMIN);
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
    let dialog = Page::company("HighTech").dialog("10", None).build();
    assert_eq!(advance(&mut job, &dialog, T0 + 1), ok());
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
    let mut dash = Dash::seed(ADMIN);
    let mut now = T0;
    loop {
        let action = advance(&mut job, &dash.view(), now);
        now += 500;
        if action == ok() {
            // The job was saved, the page reloaded before the click landed.
            dash.reload();
            job = roundtrip(&job);
            break;
        }
        dash.apply(&action);
    }
    let end = drive(&mut job, &mut dash, &mut now, 500, 100);
    assert_eq!(dash.submits, 0);
    assert!(!dash.log.contains(&ok()));
    assert_eq!(
        reason(&end).split(". Ok was clicked").next(),
        Some("Step 5 of 6: the dashboard still shows 5 GB for hightech-admin, not 10 GB")
    );
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
    failed.allocated_seen = true;
    failed.pages_turned = 4;
    failed.went_home = true;
    let view = Page::company("HighTech").usage(&[(ADMIN, "5 GB")]).build();
    advance(&mut failed, &view, T0 + 1);
    advance(&mut failed, &view, T0 + 30_002);
    assert_eq!(failed.status, Status::Failed);
    let mut cancelled = job_at(Step::EnterSize);
    cancelled.unchanged = true;
    cancelled.cancel(T0 + 1);
    for mut job in [failed, cancelled] {
        assert!(job.start(T0 + 5));
        assert_eq!(job.status, Status::Running);
        assert_eq!(job.step, Step::OpenCompanies);
        assert!(!job.ok_clicked && !job.verified && !job.unchanged);
        assert!(!job.allocated_seen && !job.allocated_checked && !job.went_home);
        assert_eq!(job.pages_turned, 0);
        assert_eq!(job.last_action, None);
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
    assert!(matches!(first, Action::Failed { .. }));
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
            "In the partner dashboard, open Manage > Companies > View & Manage Companies (on the newer dashboard: Accounts > Companies).",
            "On the company HighTech, click the gear (or Actions) at the right and choose Login as Company Admin. Check that the dashboard's header shows HighTech. (An unmanaged company has no Login as Company Admin: it must be made managed first.)",
            "Open Backup Accounts (on the newer dashboard: Endpoint Backup > Backup Accounts). On the backup account HighTech, click the gear (or Actions) at the right and choose Change Account Size.",
            "Enter 10 in Account Size In GB and click Ok (or Save).",
            "Open Home and check that Backup Account Usage (or the backup accounts list) shows HighTech at 10 GB. If it shows another size, change the size again (Backup Accounts, gear, Change Account Size).",
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
    let action = serde_json::to_value(gear(GridKind::Accounts, "HighTech")).expect("json");
    assert_eq!(
        action,
        serde_json::json!({"kind": "open_row_menu", "grid": "accounts", "row_key": "HighTech"})
    );
    assert_eq!(
        serde_json::to_value(next_page(GridKind::Companies, 3)).expect("json"),
        serde_json::json!({"kind": "next_page", "grid": "companies", "from_page": 3})
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
    assert_eq!(job.request.current_gb, 0);
    assert!(!job.request.confirmed);
    assert!(!job.offered(), "an old job's Create was never confirmed");
    let view: PageView = serde_json::from_value(serde_json::json!({
        "links": ["Home"],
        "grids": [{"header": ["Company Name"], "rows": [{"cells": ["HighTech"], "has_gear": true}]}],
        "menus": [{"items": ["Edit"]}],
        "size_dialog": {"value": "5"}
    }))
    .expect("a sparse view loads");
    assert_eq!(view.links, ["Home"]);
    assert_eq!(view.grids[0].kind(), Some(GridKind::Companies));
    assert_eq!(view.menus[0].owner, None);
    assert!(!view.menus[0].new);
    assert!(!view.size_dialog.as_ref().is_some_and(|d| d.opened_by_allot));
    let text = serde_json::to_string(&job).expect("json");
    assert!(!text.to_lowercase().contains("password"));
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

#[test]
fn a_fix_whose_create_was_not_confirmed_is_never_offered() {
    let unconfirmed = FixRequest {
        confirmed: false,
        ..request()
    };
    let mut job = Job::new("j", unconfirmed, T0);
    assert!(!job.offered());
    job.status = Status::Failed;
    assert!(!job.offered());
    job.status = Status::Cancelled;
    assert!(!job.offered());
    let mut confirmed = Job::new("j", request(), T0);
    for status in [Status::Running, Status::Done] {
        confirmed.status = status;
        assert!(!confirmed.offered(), "{status:?}");
    }
}

#[test]
fn a_dialog_with_two_ok_buttons_is_never_confirmed() {
    for buttons in [&["Ok", "OK"][..], &["Ok", " ok ", "Save"][..]] {
        let mut job = job_at(Step::EnterSize);
        let view = Page::company("HighTech")
            .dialog("10", None)
            .edit_dialog(|d| d.buttons = strings(buttons))
            .build();
        let action = advance(&mut job, &view, T0 + 1);
        assert!(
            !matches!(action, Action::Confirm { .. }),
            "{buttons:?}: {action:?}"
        );
        assert!(!job.ok_clicked, "{buttons:?}");
    }
}

#[test]
fn two_ok_buttons_fail_at_the_deadline_without_ok() {
    let mut job = job_at(Step::EnterSize);
    let view = Page::company("HighTech")
        .dialog("10", None)
        .edit_dialog(|d| d.buttons = strings(&["Ok", "OK", "Cancel"]))
        .build();
    assert_eq!(advance(&mut job, &view, T0 + 1), Action::Wait);
    let text = reason(&advance(&mut job, &view, T0 + 31_000)).to_string();
    assert!(
        text.starts_with("Step 4 of 6: the Change Account Size dialog has 2 buttons Ok, so Allot cannot tell which to click. Nothing was changed"),
        "{text}"
    );
}
