//! Properties of the allocation fix over random pages: whatever the dashboard shows,
//! `advance` never panics, never hands out Ok twice in a run, and never hands out an
//! action that can change data unless `resolve` ties it, on that same page, to the
//! target's own row, menu or dialog, in the target company's session.

use allot_core::resize::*;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};
use std::cell::RefCell;

const T0: u64 = 1_700_000_000_000;
const RESUME: &str = "Click here to resume session as Pax8 Partner";
const LOGIN: &str = "Login as Company Admin";
const CAS: &str = "Change Account Size";

/// Runs per property; `PROPTEST_CASES` overrides it for a longer run.
const CASES: u32 = 512;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES)
}

fn config() -> Config {
    Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    }
}

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

fn pick(texts: &'static [&'static str]) -> impl Strategy<Value = String> {
    select(texts).prop_map(str::to_string)
}

/// Names of companies and accounts: the targets, their prefixes and extensions, the same
/// names in other forms, others, and anything.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => pick(&[
            "HighTech",
            "hightech",
            " HIGHTECH ",
            "ＨｉｇｈＴｅｃｈ",
            "High",
            "HighTech Labs",
            "HighTech2",
            "OtherCo",
            "hightech-admin",
            "HIGHTECH-ADMIN",
            "hightech-admin2",
            "hightech-ad",
            "reception",
            "",
        ]),
        1 => "\\PC{0,8}",
    ]
}

fn size() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => pick(&["5", "5 GB", "10", "10 GB", "10.00 GB", "50 GB", "100", "100 GB (100%)", ""]),
        1 => pick(&["loading", "1o", "-5", "10 MB"]),
        1 => "\\PC{0,6}",
    ]
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![name(), size()]
}

const HEADERS: [&[&str]; 7] = [
    &["Company Name", "Username", "Size", "Status", ""],
    &[
        "Company Name",
        "Admin User & Email",
        "Size (click to change)",
        "Allocated Space",
        "Actions",
    ],
    &["Account Name", "Size", "Used", ""],
    &[
        "Account Name",
        "Company Name",
        "Size",
        "Used Space",
        "Actions",
    ],
    &["Account Name", "Size", "Percent"],
    &["Username", "Size"],
    &["Name", "Size"],
];

fn grid() -> impl Strategy<Value = Grid> {
    let header = prop_oneof![
        6 => (0..HEADERS.len()).prop_map(|i| strings(HEADERS[i])),
        1 => proptest::collection::vec(prop_oneof![cell(), pick(&["Company Name", "Account Name", "Size"])], 0..4),
    ];
    let row = (
        name(),
        proptest::collection::vec(cell(), 0..5),
        any::<bool>(),
    )
        .prop_map(|(first, rest, has_gear)| {
            let mut cells = vec![first];
            cells.extend(rest);
            Row { cells, has_gear }
        });
    let paging = (
        proptest::option::of(0u32..6),
        proptest::option::of(0u32..6),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(page, pages, has_next, has_first)| Paging {
            page,
            pages,
            has_next,
            has_first,
        });
    (header, proptest::collection::vec(row, 0..4), paging).prop_map(|(header, rows, paging)| Grid {
        header,
        rows,
        paging,
    })
}

fn item() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => pick(&[
            LOGIN,
            CAS,
            "login as company admin ",
            "Edit",
            "Delete",
            "Change Company Size",
            "Cancel Company",
            "Set Password",
        ]),
        1 => "\\PC{0,8}",
    ]
}

fn menu() -> impl Strategy<Value = Menu> {
    (
        proptest::collection::vec(item(), 0..4),
        proptest::option::of((0usize..3, 0usize..4)),
        any::<bool>(),
    )
        .prop_map(|(items, owner, new)| Menu { items, owner, new })
}

fn dialog() -> impl Strategy<Value = SizeDialog> {
    (
        (
            size(),
            size(),
            proptest::option::of(pick(&[
                "Invalid size",
                "",
                "Account size must be between 5 GB and 10 GB",
            ])),
        ),
        any::<bool>(),
        proptest::collection::vec(
            prop_oneof![
                pick(&[
                    CAS,
                    "Account: hightech-admin",
                    "Account: reception",
                    "Account: hightech-admin2"
                ]),
                name(),
            ],
            0..3,
        ),
        proptest::collection::vec(pick(&["Ok", "Save", "Cancel", "OK", " ok ", "Close"]), 0..3),
    )
        .prop_map(
            |((value, initial, error), opened_by_allot, texts, buttons)| SizeDialog {
                value,
                initial,
                error,
                opened_by_allot,
                texts,
                buttons,
            },
        )
}

fn view() -> impl Strategy<Value = PageView> {
    (
        (
            proptest::option::of(prop_oneof![
                4 => pick(&[RESUME, "", " ", "Click here to resume session as Someone"]),
                1 => "\\PC{0,8}",
            ]),
            proptest::collection::vec(
                prop_oneof![
                    3 => pick(&[
                        "HighTech",
                        "Log out",
                        "Company: HighTech",
                        "Company: HighTech Labs",
                        "HighTech Labs",
                        "Pax8 Partner",
                        "ＨＩＧＨＴＥＣＨ | Log off",
                        "OtherCo",
                        "",
                    ]),
                    1 => name(),
                ],
                0..3,
            ),
            proptest::collection::vec(
                prop_oneof![
                    4 => pick(&[
                        "Home",
                        "View & Manage Companies",
                        "Companies",
                        "Backup Accounts",
                        RESUME,
                        "Accounts",
                    ]),
                    1 => name(),
                ],
                0..5,
            ),
        ),
        (
            proptest::collection::vec(grid(), 0..3),
            proptest::option::of(proptest::collection::vec(
                (name(), size()).prop_map(|(account, size_text)| UsageRow { account, size_text }),
                0..3,
            )),
            proptest::collection::vec(menu(), 0..3),
            proptest::option::of(dialog()),
        ),
    )
        .prop_map(
            |((resume_link, header, links), (grids, usage_table, menus, size_dialog))| PageView {
                resume_link,
                header,
                links,
                grids,
                usage_table,
                menus,
                size_dialog,
            },
        )
}

/// Stands for the target's name (the company or the admin account, by the grid) in
/// generated rows.
const TARGET: &str = "\u{0}target";

/// What a reacting page is made of.
#[derive(Clone, Debug)]
struct Reaction {
    /// A menu opened by a gear is tied to its row (or to the row before, or to none).
    tied: bool,
    /// That menu says it appeared after Allot's click.
    new: bool,
    items: Vec<String>,
    opened_by_allot: bool,
    /// The company session's header.
    header: String,
    /// Rows of a grid that appears: name ([`TARGET`] for the target), size, gear.
    rows: Vec<(String, String, bool)>,
    /// The newer generation's headers.
    newer: bool,
    /// The company dashboard lists the accounts right after login.
    home_lists_accounts: bool,
    /// A newer accounts row's Company Name is the target company.
    own_company: bool,
}

/// The page the machine sees next.
#[derive(Clone, Debug)]
enum Next {
    /// Another page altogether.
    Fresh(PageView),
    /// The same page again (the observer fired, or a click did nothing).
    Same,
    /// The page after the last action was clicked, roughly, with random details: a grid
    /// listing the target or not, a menu tied to the row or not, a company session
    /// naming the company whole or not, a dialog Allot opened or not.
    React(Reaction),
}

fn reaction() -> impl Strategy<Value = Reaction> {
    let row = (
        prop_oneof![2 => Just(TARGET.to_string()), 3 => name()],
        size(),
        prop_oneof![4 => Just(true), 1 => Just(false)],
    );
    (
        (
            prop_oneof![4 => Just(true), 1 => Just(false)],
            any::<bool>(),
            proptest::collection::vec(item(), 0..3),
            prop_oneof![4 => Just(true), 1 => Just(false)],
        ),
        (
            pick(&[
                "HighTech",
                "Company: HighTech",
                "HighTech | Log off",
                "HighTech Labs",
                "High",
            ]),
            proptest::collection::vec(row, 0..4),
            any::<bool>(),
            any::<bool>(),
            prop_oneof![4 => Just(true), 1 => Just(false)],
        ),
    )
        .prop_map(
            |(
                (tied, new, items, opened_by_allot),
                (header, rows, newer, home_lists_accounts, own_company),
            )| {
                Reaction {
                    tied,
                    new,
                    items,
                    opened_by_allot,
                    header,
                    rows,
                    newer,
                    home_lists_accounts,
                    own_company,
                }
            },
        )
}

fn next() -> impl Strategy<Value = Next> {
    prop_oneof![
        1 => view().prop_map(Next::Fresh),
        1 => Just(Next::Same),
        10 => reaction().prop_map(Next::React),
    ]
}

fn companies_grid(r: &Reaction, request: &FixRequest) -> Grid {
    let header: &[&str] = if r.newer { HEADERS[1] } else { HEADERS[0] };
    let rows = r
        .rows
        .iter()
        .map(|(name, size, gear)| {
            let name = if name == TARGET {
                &request.company
            } else {
                name
            };
            let mut cells = strings(&[name, "user", size]);
            if r.newer {
                cells.push(size.clone());
            }
            cells.push(String::new());
            Row {
                cells,
                has_gear: *gear,
            }
        })
        .collect();
    Grid {
        header: strings(header),
        rows,
        paging: Paging::default(),
    }
}

fn accounts_grid(r: &Reaction, request: &FixRequest) -> Grid {
    let header: &[&str] = if r.newer { HEADERS[3] } else { HEADERS[2] };
    let company = if r.own_company {
        request.company.as_str()
    } else {
        "HighTech Labs"
    };
    let rows = r
        .rows
        .iter()
        .map(|(name, size, gear)| {
            let name = if name == TARGET {
                &request.admin_username
            } else {
                name
            };
            let cells = if r.newer {
                strings(&[name, company, size, "0 GB", ""])
            } else {
                strings(&[name, size, "0 GB", ""])
            };
            Row {
                cells,
                has_gear: *gear,
            }
        })
        .collect();
    Grid {
        header: strings(header),
        rows,
        paging: Paging::default(),
    }
}

fn react(view: &PageView, last: Option<&Action>, next: &Next, request: &FixRequest) -> PageView {
    let Next::React(r) = next else {
        return view.clone();
    };
    let mut view = view.clone();
    let Some(last) = last else {
        return view;
    };
    let resolved = resolve(last, &view);
    let company_page = |view: &mut PageView| {
        view.resume_link = Some(RESUME.into());
        view.header = vec![r.header.clone(), "Log out".into()];
        view.links = strings(&["Home", "Backup Accounts", RESUME]);
        view.menus.clear();
        view.size_dialog = None;
        view.usage_table = None;
    };
    let partner_page = |view: &mut PageView| {
        view.resume_link = None;
        view.header = strings(&["Pax8 Partner", "Log out"]);
        view.links = strings(&["Home", "View & Manage Companies", "Companies"]);
        view.grids.clear();
        view.menus.clear();
        view.size_dialog = None;
        view.usage_table = None;
    };
    match (last, resolved) {
        (_, None) => {}
        (Action::ClickLink { text }, Some(_)) => {
            if normalize(text).starts_with("click here to resume") {
                partner_page(&mut view);
            } else if same_name(text, "View & Manage Companies") || same_name(text, "Companies") {
                partner_page(&mut view);
                view.grids = vec![companies_grid(r, request)];
            } else if same_name(text, "Backup Accounts") || same_name(text, "Home") {
                company_page(&mut view);
                view.grids = vec![accounts_grid(r, request)];
                if same_name(text, "Home") {
                    view.usage_table = Some(
                        view.grids[0]
                            .rows
                            .iter()
                            .map(|row| UsageRow {
                                account: row.cells[0].clone(),
                                size_text: row.cells[if r.newer { 2 } else { 1 }].clone(),
                            })
                            .collect(),
                    );
                }
            }
        }
        (Action::NextPage { grid, .. }, Some(Resolved::NextPage(g))) => {
            let mut fresh = match grid {
                GridKind::Companies => companies_grid(r, request),
                GridKind::Accounts => accounts_grid(r, request),
            };
            let page = view.grids[g].paging.page.unwrap_or(1) + 1;
            fresh.paging = Paging {
                page: Some(page),
                pages: Some(page + u32::from(r.new)),
                has_next: r.new,
                has_first: true,
            };
            view.grids[g] = fresh;
            view.menus.clear();
        }
        (Action::OpenRowMenu { .. }, Some(Resolved::Gear { grid, row })) => {
            let owner = if r.tied {
                Some((grid, row))
            } else if row > 0 {
                Some((grid, row - 1))
            } else {
                None
            };
            let mut items = r.items.clone();
            items.push(LOGIN.into());
            items.push(CAS.into());
            view.menus.push(Menu {
                items,
                owner,
                new: r.new,
            });
        }
        (Action::ChooseMenuItem { grid, .. }, Some(_)) => match grid {
            GridKind::Companies => {
                company_page(&mut view);
                view.grids = if r.home_lists_accounts {
                    vec![accounts_grid(r, request)]
                } else {
                    Vec::new()
                };
            }
            GridKind::Accounts => {
                view.menus.clear();
                view.size_dialog = Some(SizeDialog {
                    value: "5".into(),
                    initial: "5".into(),
                    error: None,
                    opened_by_allot: r.opened_by_allot,
                    texts: vec![CAS.into(), format!("Account: {}", request.admin_username)],
                    buttons: if r.newer {
                        strings(&["Save", "Cancel"])
                    } else {
                        strings(&["Ok", "Cancel"])
                    },
                });
            }
        },
        (Action::FillSize { gb }, Some(_)) => {
            if let Some(d) = view.size_dialog.as_mut() {
                d.value = gb.to_string();
            }
        }
        (Action::Confirm { .. }, Some(_)) => view.size_dialog = None,
        _ => {}
    }
    view
}

#[derive(Clone, Debug)]
struct Run {
    request: FixRequest,
    /// Where the job starts: step 1 after Start, or a later step as if the earlier ones
    /// had succeeded.
    start: Step,
    /// The first page: random (0), the companies grid (1), the accounts grid (2), the
    /// accounts grid and a size dialog (3), made of `first_made_of`.
    first_kind: u8,
    first_made_of: Reaction,
    first: PageView,
    nexts: Vec<(Next, u64)>,
    cancel_at: Option<usize>,
}

fn run() -> impl Strategy<Value = Run> {
    (
        (
            pick(&["HighTech", "High", "hightech"]),
            pick(&["hightech-admin", "hightech"]),
            select(&[10u32, 100, 5, 50][..]),
            select(&[0u32, 10, 100][..]),
            select(&[0u32, 5, 50][..]),
        ),
        prop_oneof![
            3 => Just(Step::OpenCompanies),
            1 => Just(Step::OpenChangeSize),
            1 => Just(Step::EnterSize),
            1 => select(&Step::ALL[..]),
        ],
        (0u8..4, reaction(), view()),
        proptest::collection::vec(
            (next(), prop_oneof![8 => 0u64..3_000, 1 => 0u64..60_000]),
            1..40,
        ),
        proptest::option::of(0usize..60),
    )
        .prop_map(
            |(
                (company, admin_username, requested_gb, company_quota_gb, current_gb),
                start,
                (first_kind, first_made_of, first),
                nexts,
                cancel_at,
            )| Run {
                request: FixRequest {
                    company,
                    admin_username,
                    requested_gb,
                    company_quota_gb,
                    current_gb,
                    confirmed: true,
                },
                start,
                first_kind,
                first_made_of,
                first,
                nexts,
                cancel_at,
            },
        )
}

fn first_view(run: &Run) -> PageView {
    let r = &run.first_made_of;
    let request = &run.request;
    let mut view = PageView::default();
    match run.first_kind {
        1 => {
            view.header = strings(&["Pax8 Partner", "Log out"]);
            view.links = strings(&["Home", "View & Manage Companies"]);
            view.grids = vec![companies_grid(r, request)];
        }
        2 | 3 => {
            view.resume_link = Some(RESUME.into());
            view.header = vec![r.header.clone(), "Log out".into()];
            view.links = strings(&["Home", "Backup Accounts", RESUME]);
            view.grids = vec![accounts_grid(r, request)];
            if run.first_kind == 3 {
                view.size_dialog = Some(SizeDialog {
                    value: "5".into(),
                    initial: "5".into(),
                    error: None,
                    opened_by_allot: r.opened_by_allot,
                    texts: vec![CAS.into(), format!("Account: {}", request.admin_username)],
                    buttons: strings(&["Ok", "Cancel"]),
                });
            }
        }
        _ => view = run.first.clone(),
    }
    view
}

fn job_for(run: &Run) -> Job {
    let mut job = Job::new("fix-1", run.request.clone(), T0);
    assert!(job.start(T0));
    let step = run.start;
    job.step = step;
    job.ok_clicked = step > Step::EnterSize;
    job.verified = step > Step::Verify;
    job.in_company_session = step > Step::LoginAsCompanyAdmin && step < Step::Resume;
    if step == Step::EnterSize {
        job.last_action = Some(Action::ChooseMenuItem {
            grid: GridKind::Accounts,
            row_key: run.request.admin_username.clone(),
            text: CAS.into(),
        });
        job.last_action_ms = T0 - 10_000;
    }
    job
}

/// What the runs handed out, all cases together.
#[derive(Debug, Default)]
struct Seen {
    logins: u32,
    change_sizes: u32,
    fills: u32,
    confirms: u32,
    finished: u32,
}

/// True when `action` is Change Account Size on the target account.
fn is_change_size(action: Option<&Action>, account: &str) -> bool {
    matches!(
        action,
        Some(Action::ChooseMenuItem { grid: GridKind::Accounts, row_key, text })
            if same_name(row_key, account) && same_name(text, CAS)
    )
}

/// Checks one action handed out for `view`. `before` is the last action that touched
/// the page before it, FillSize left out.
fn check(
    job: &Job,
    view: &PageView,
    action: &Action,
    before: Option<&Action>,
    seen: &mut Seen,
) -> Result<(), TestCaseError> {
    if !action.changes_data() {
        return Ok(());
    }
    let company = job.request.company.as_str();
    let account = job.request.admin_username.as_str();
    let at = resolve(action, view);
    prop_assert!(at.is_some(), "{action:?} does not resolve on {view:#?}");
    let in_target_session =
        |view: &PageView| view.in_company_session() && view.shown_company(company) == Shown::Target;
    match (action, at) {
        (
            Action::ChooseMenuItem {
                grid,
                row_key,
                text,
            },
            Some(Resolved::MenuItem { menu, item }),
        ) => {
            let m = &view.menus[menu];
            prop_assert!(same_name(&m.items[item], text));
            let owner = m.owner;
            prop_assert!(owner.is_some(), "an untied menu: {view:#?}");
            let (g, r) = owner.unwrap_or_default();
            prop_assert_eq!(view.locate(*grid, row_key), Located::One(g, r));
            let row_grid = &view.grids[g];
            prop_assert_eq!(row_grid.kind(), Some(*grid));
            let name = row_grid.name_of(r).unwrap_or_default();
            match grid {
                GridKind::Companies => {
                    prop_assert!(same_name(name, company), "{name:?} is not {company:?}");
                    prop_assert!(same_name(text, LOGIN), "{text:?}");
                    prop_assert!(!view.in_company_session());
                    prop_assert_eq!(job.step, Step::LoginAsCompanyAdmin);
                    seen.logins += 1;
                }
                GridKind::Accounts => {
                    prop_assert!(same_name(name, account), "{name:?} is not {account:?}");
                    prop_assert!(same_name(text, CAS), "{text:?}");
                    prop_assert!(in_target_session(view), "header {:?}", view.header);
                    if let Some(owner) = row_grid.company_of(r) {
                        prop_assert!(same_name(owner, company));
                    }
                    prop_assert_eq!(job.step, Step::OpenChangeSize);
                    seen.change_sizes += 1;
                }
            }
        }
        (Action::FillSize { gb }, Some(Resolved::SizeField)) => {
            let dialog = view.size_dialog.as_ref();
            prop_assert!(dialog.is_some_and(|d| d.opened_by_allot));
            prop_assert_eq!(*gb, job.request.requested_gb);
            prop_assert!(is_change_size(before, account), "after {before:?}");
            prop_assert!(in_target_session(view), "header {:?}", view.header);
            prop_assert_eq!(job.step, Step::EnterSize);
            seen.fills += 1;
        }
        (Action::Confirm { button }, Some(Resolved::DialogButton(i))) => {
            let dialog = view.size_dialog.clone().unwrap_or_default();
            prop_assert!(dialog.opened_by_allot);
            prop_assert!(same_name(&dialog.buttons[i], button));
            prop_assert!(same_name(button, "Ok") || same_name(button, "Save"));
            prop_assert_eq!(parse_gb(&dialog.value), Some(job.request.requested_gb));
            prop_assert!(is_change_size(before, account), "after {before:?}");
            prop_assert!(in_target_session(view), "header {:?}", view.header);
            prop_assert!(job.ok_clicked);
            seen.confirms += 1;
        }
        (action, at) => prop_assert!(false, "{action:?} resolved to {at:?}"),
    }
    Ok(())
}

fn drive(run: &Run, seen: &mut Seen) -> Result<(), TestCaseError> {
    let mut job = job_for(run);
    let mut view = first_view(run);
    let mut now = T0;
    let mut last: Option<Action> = job.last_action.clone();
    let mut before: Option<Action> = job.last_action.clone();
    let mut confirms = 0;
    for (i, (next, delta)) in run.nexts.iter().enumerate() {
        if i > 0 {
            view = match next {
                Next::Fresh(v) => v.clone(),
                Next::Same => view,
                Next::React(_) => react(&view, last.as_ref(), next, &run.request),
            };
        }
        now += delta;
        if run.cancel_at == Some(i) {
            job.cancel(now);
        }
        let status = job.status;
        let action = advance(&mut job, &view, now);
        if status != Status::Running {
            prop_assert!(!action.touches_page(), "{status:?}: {action:?}");
        }
        check(&job, &view, &action, before.as_ref(), seen)?;
        if matches!(action, Action::Confirm { .. }) {
            confirms += 1;
        }
        if action == Action::Finished && status == Status::Running {
            seen.finished += 1;
        }
        if action.touches_page() {
            if !matches!(action, Action::FillSize { .. }) {
                before = Some(action.clone());
            }
            last = Some(action);
        }
        prop_assert!(job.actions_in_step <= job.limits.max_actions_per_step);
        prop_assert!(job.actions_total <= job.limits.max_actions_total);
        let json = serde_json::to_string(&job).map_err(|e| TestCaseError::fail(e.to_string()))?;
        job = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    }
    prop_assert!(confirms <= 1, "Ok handed out {confirms} times");
    Ok(())
}

#[test]
fn data_changing_actions_go_only_to_the_targets_row_menu_and_dialog() {
    let seen = RefCell::new(Seen::default());
    let mut runner = TestRunner::new(config());
    let result = runner.run(&run(), |run| drive(&run, &mut seen.borrow_mut()));
    if let Err(error) = result {
        match error {
            TestError::Fail(why, run) => panic!("{why}\n{run:#?}"),
            TestError::Abort(why) => panic!("aborted: {why}"),
        }
    }
    // The runs reached every kind of data-changing action, so the checks above ran.
    let seen = seen.into_inner();
    if cases() >= CASES {
        assert!(
            seen.logins > 0 && seen.change_sizes > 0 && seen.fills > 0 && seen.confirms > 0,
            "{seen:?}"
        );
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_pages_never_panic_and_never_click_ok_twice(
        views in proptest::collection::vec((view(), prop_oneof![0u64..5_000, any::<u64>()]), 1..30),
        gb in 0u32..30,
        quota in 0u32..30,
        current in 0u32..30,
        step in select(&Step::ALL[..]),
        ok_clicked in any::<bool>(),
        cancel_at in proptest::option::of(0usize..30),
    ) {
        let request = FixRequest {
            company: "HighTech".into(),
            admin_username: "hightech-admin".into(),
            requested_gb: gb,
            company_quota_gb: quota,
            current_gb: current,
            confirmed: true,
        };
        let mut job = Job::new("fix-1", request, T0);
        prop_assert!(job.start(T0));
        job.step = step;
        job.ok_clicked = ok_clicked;
        let mut now = T0;
        let mut confirms = 0;
        for (i, (view, delta)) in views.iter().enumerate() {
            now = now.wrapping_add(*delta);
            if cancel_at == Some(i) {
                job.cancel(now);
            }
            let before = job.status;
            let was_clicked = job.ok_clicked;
            let action = advance(&mut job, view, now);
            if matches!(action, Action::Confirm { .. }) {
                confirms += 1;
                prop_assert!(!was_clicked && job.ok_clicked);
            }
            if before != Status::Running {
                prop_assert!(!action.touches_page());
            }
            if action.changes_data() {
                prop_assert!(resolve(&action, view).is_some(), "{:?} on {:#?}", action, view);
            }
            prop_assert!(job.actions_in_step <= job.limits.max_actions_per_step);
            let _ = job.progress_text();
            let _ = job.manual_steps();
        }
        prop_assert!(confirms <= 1);
    }
}
