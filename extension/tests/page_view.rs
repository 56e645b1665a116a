// Page reading for the allocation fix: `observe` on dashboard-shaped fixture pages (grids of both generations, menus and their rows, header, pager, size dialog, create answers).

mod common;

use allot_core::resize::{
    GridKind, Located, Menu, PageView, Paging, Row, Shown, SizeDialog, UsageRow,
};
use allot_extension::fix::observe::{
    create_form_shown, dialog_of, observe, size_fields, visible_texts, Memory, Observation,
};
use common::{doc, seed_rows, set_value, Fixture};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// The page as a first look sees it (no click of Allot's remembered).
fn view() -> PageView {
    observe(&doc(), &mut Memory::default()).view
}

/// A look with the runner's memory of Allot's clicks.
fn look(memory: &mut Memory) -> Observation {
    observe(&doc(), memory)
}

fn row(cells: &[&str], has_gear: bool) -> Row {
    Row {
        cells: cells.iter().map(|c| c.to_string()).collect(),
        has_gear,
    }
}

fn usage(account: &str, size_text: &str) -> UsageRow {
    UsageRow {
        account: account.to_string(),
        size_text: size_text.to_string(),
    }
}

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

/// The menus Allot's click on `row` of grid `grid` would remember: that row's element
/// and the menu containers visible just before (as `act` records them).
fn remember_gear_click(memory: &mut Memory, grid: usize, row: usize) {
    let before = look(memory);
    let row_el = before.grids[grid].rows[row].clone();
    let open: Vec<Element> = before.menus.iter().map(|(c, _)| c.clone()).collect();
    memory.gear_click = Some((row_el, open));
}

/// Shows the element at `selector` (a menu the page opens).
fn show(f: &Fixture, selector: &str) {
    f.get(selector)
        .set_attribute("style", "display:block")
        .expect("show it");
}

const ROW_MENU: &str = r##"<li><a href="#">Login as Company Admin</a></li>
    <li><a href="#">Edit Company</a></li>
    <li><a href="#">Cancel Company</a></li>"##;

/// The seed's companies list: a header row, then one row per company with its gear
/// (and the gear's menu, hidden unless `open` names the company) in the last cell.
fn seed_companies(open: &[&str]) -> String {
    let company = |id: &str, name: &str, user: &str, quota: &str, size: &str, accounts: &str| {
        let display = if open.contains(&name) {
            "block"
        } else {
            "none"
        };
        format!(
            r##"<tr id="row-{id}"><td>{name}</td><td>{user}</td><td>{quota}</td>
                 <td><a href="#" class="size-link">{size}</a></td><td>{accounts}</td>
                 <td class="actions"><div class="gear-wrap">
                   <a href="#" class="gear" title="Actions" id="gear-{id}"><img alt=""></a>
                   <ul class="gear-menu" id="menu-{id}" style="display:{display}">{ROW_MENU}</ul>
                 </div></td></tr>"##
        )
    };
    format!(
        r##"<h2>View &amp; Manage Companies</h2>
            <table class="grid companies">
              <thead><tr><th>Company Name</th><th>Username</th><th>Quota</th>
                <th>Size (click to change)</th><th>Backup Accounts</th><th></th></tr></thead>
              <tbody>{}{}</tbody>
            </table>"##,
        company("acme", "Acme Dental", "acme-admin", "100 GB", "5 GB", "1"),
        company("hightech", "HighTech", "hightech", "10 GB", "5 GB", "2"),
    )
}

fn seed_companies_rows() -> Vec<Row> {
    vec![
        row(
            &["Acme Dental", "acme-admin", "100 GB", "5 GB", "1", ""],
            true,
        ),
        row(&["HighTech", "hightech", "10 GB", "5 GB", "2", ""], true),
    ]
}

/// The newer dashboard's companies grid: an Actions button per row, whose menu the
/// page appends elsewhere (`aria` names it by aria-controls).
fn newer_companies(aria: bool) -> String {
    let company = |id: &str, name: &str, admin: &str, email: &str, size: &str, alloc: &str| {
        let controls = if aria {
            format!(r#" aria-controls="actions-{id}""#)
        } else {
            String::new()
        };
        format!(
            r##"<tr id="row-{id}"><td>{name}</td><td>{admin}</td><td>{email}</td>
                 <td><a href="#" class="size-link">{size}</a></td><td>{alloc}</td><td>0 GB</td>
                 <td>3</td><td>Endpoint Backup</td><td>1</td>
                 <td class="actions"><button type="button" class="actions-button" title="Actions"
                   aria-label="Actions" aria-haspopup="menu" aria-expanded="false"{controls}
                   id="gear-{id}">&#8942;</button></td></tr>"##
        )
    };
    format!(
        r##"<h1>Companies</h1>
            <table class="grid companies">
              <thead><tr><th>Company Name</th><th>Admin Full Name</th><th>Admin User &amp; Email</th>
                <th>Size (click to change)</th><th>Allocated Space</th><th>Used</th><th>Licenses</th>
                <th>Products</th><th>Accounts</th><th>Actions</th></tr></thead>
              <tbody>{}{}</tbody>
            </table>"##,
        company(
            "acme",
            "Acme Dental",
            "Jane Roe",
            "jane@acme.example",
            "100 GB",
            "5 GB (5%)"
        ),
        company(
            "hightech",
            "HighTech",
            "John Doe",
            "john@hightech.example",
            "10 GB",
            "10 GB (100%)"
        ),
    )
}

/// A row menu as the newer dashboard appends it to the body.
fn body_menu(id: &str) -> String {
    format!(
        r##"<ul role="menu" class="actions-menu" id="{id}" style="position:absolute; top:300px; left:300px">
              <li role="none"><a role="menuitem" href="#">Login as Company Admin</a></li>
              <li role="none"><a role="menuitem" href="#">Change Company Size</a></li>
              <li role="none"><a role="menuitem" href="#">Cancel Company</a></li></ul>"##
    )
}

fn body_menu_items() -> Vec<String> {
    strings(&[
        "Login as Company Admin",
        "Change Company Size",
        "Cancel Company",
    ])
}

// ---- Grids of both generations ----

#[wasm_bindgen_test]
fn seed_companies_table_rows_with_their_gears() {
    let f = Fixture::new(&seed_companies(&[]));
    let obs = look(&mut Memory::default());
    let v = &obs.view;
    assert_eq!(v.grids.len(), 1, "{:?}", v.grids);
    let g = &v.grids[0];
    assert_eq!(
        g.header,
        strings(&[
            "Company Name",
            "Username",
            "Quota",
            "Size (click to change)",
            "Backup Accounts",
            ""
        ])
    );
    assert_eq!(g.rows, seed_companies_rows());
    assert_eq!(g.kind(), Some(GridKind::Companies));
    assert_eq!(g.paging, Paging::default());
    assert_eq!(g.size_of(1), Some(5));
    assert_eq!(
        v.locate(GridKind::Companies, "HighTech"),
        Located::One(0, 1)
    );
    assert_eq!(v.locate(GridKind::Companies, "High"), Located::NotListed);
    assert_eq!(v.locate(GridKind::Accounts, "HighTech"), Located::NoGrid);
    // The elements behind the view: each row and its gear.
    assert_eq!(obs.grids[0].rows[1], f.get("#row-hightech"));
    assert_eq!(obs.grids[0].gears[0], Some(f.get("#gear-acme")));
    assert_eq!(obs.grids[0].gears[1], Some(f.get("#gear-hightech")));
    assert_eq!(obs.grids[0].next, None);
    assert_eq!(v.usage_table, None);
    assert_eq!(v.resume_link, None);
    assert_eq!(v.size_dialog, None);
    assert!(v.menus.is_empty(), "{:?}", v.menus);
    assert!(obs.dialog.is_none());
    // Links are read even inside a closed menu.
    assert!(v.links.iter().any(|l| l == "Login as Company Admin"));
}

#[wasm_bindgen_test]
fn newer_companies_grid_with_actions_buttons() {
    let f = Fixture::new(&newer_companies(false));
    let obs = look(&mut Memory::default());
    let v = &obs.view;
    assert_eq!(v.grids.len(), 1, "{:?}", v.grids);
    let g = &v.grids[0];
    assert_eq!(g.kind(), Some(GridKind::Companies));
    assert_eq!(g.header[2], "Admin User & Email");
    assert_eq!(
        g.rows[0],
        row(
            &[
                "Acme Dental",
                "Jane Roe",
                "jane@acme.example",
                "100 GB",
                "5 GB (5%)",
                "0 GB",
                "3",
                "Endpoint Backup",
                "1",
                "⋮"
            ],
            true
        )
    );
    assert_eq!(g.rows.len(), 2);
    assert!(g.rows[1].has_gear);
    assert!(g.has_allocated());
    assert_eq!(g.allocated_of(0), Some(5));
    assert_eq!(g.size_of(0), Some(100));
    assert_eq!(g.name_of(1), Some("HighTech"));
    assert_eq!(obs.grids[0].gears[1], Some(f.get("#gear-hightech")));
    assert_eq!(
        v.locate(GridKind::Companies, "Acme Dental"),
        Located::One(0, 0)
    );
}

#[wasm_bindgen_test]
fn newer_accounts_grid_with_a_company_column() {
    let f = Fixture::new(
        r##"<h1>Backup Accounts</h1>
            <table class="grid accounts">
              <thead><tr><th>Account Name</th><th>Company Name</th><th>Group Name</th><th>Policy Name</th>
                <th>Size</th><th>Used Space</th><th>Signup Date</th><th>Actions</th></tr></thead>
              <tbody>
                <tr id="acc-1"><td>HighTech</td><td>HighTech</td><td>Default Group</td><td>Default Policy</td>
                  <td>10 GB</td><td>0 GB</td><td>01/15/2024</td>
                  <td><button type="button" aria-label="Actions" aria-haspopup="menu" id="acc-gear-1">&#8942;</button></td></tr>
                <tr id="acc-2"><td>hightech-files</td><td>HighTech</td><td>Default Group</td><td>Default Policy</td>
                  <td>25 GB</td><td>0 GB</td><td>01/15/2024</td>
                  <td><button type="button" aria-label="Actions" aria-haspopup="menu">&#8942;</button></td></tr>
              </tbody>
            </table>"##,
    );
    let obs = look(&mut Memory::default());
    let v = &obs.view;
    assert_eq!(v.grids.len(), 1, "{:?}", v.grids);
    let g = &v.grids[0];
    // An account-name column makes it an accounts grid, its Company Name column aside.
    assert_eq!(g.kind(), Some(GridKind::Accounts));
    assert_eq!(g.name_of(1), Some("hightech-files"));
    assert_eq!(g.company_of(0), Some("HighTech"));
    assert_eq!(g.size_of(1), Some(25));
    assert!(g.rows.iter().all(|r| r.has_gear));
    assert_eq!(obs.grids[0].gears[0], Some(f.get("#acc-gear-1")));
    assert_eq!(v.locate(GridKind::Accounts, "HighTech"), Located::One(0, 0));
    assert_eq!(v.locate(GridKind::Companies, "HighTech"), Located::NoGrid);
}

#[wasm_bindgen_test]
fn the_kind_of_each_grid_is_told_by_its_header() {
    let _f = Fixture::new(
        r##"<table><tr><th>Company Name</th><th>Account Name</th><th>Size</th><th>Is UltraSafe</th></tr>
              <tr><td>HighTech</td><td>hightech-files</td><td>25 GB</td><td>No</td></tr></table>
            <table><tr><th>Account Name</th><th>Size</th><th></th></tr>
              <tr><td>HighTech</td><td>10 GB</td><td><a href="#" title="Actions">⚙</a></td></tr></table>
            <table><tr><th>Partner Name</th><th>Companies</th></tr>
              <tr><td>Pax8 Demo Partner</td><td>2</td></tr></table>
            <table><tr><th>Company</th><th>Quota</th></tr>
              <tr><td>HighTech</td><td>10 GB</td></tr></table>"##,
    );
    let v = view();
    let kinds: Vec<Option<GridKind>> = v.grids.iter().map(|g| g.kind()).collect();
    assert_eq!(
        kinds,
        vec![
            Some(GridKind::Accounts),
            Some(GridKind::Accounts),
            None,
            Some(GridKind::Companies)
        ]
    );
    // The seed's All Backup Accounts grid has no controls: its rows have no gear.
    assert!(!v.grids[0].rows[0].has_gear);
    assert!(v.grids[1].rows[0].has_gear);
}

#[wasm_bindgen_test]
fn an_aria_grid_with_a_row_without_its_control() {
    let f = Fixture::new(
        r##"<div role="grid" aria-label="Companies">
              <div role="rowgroup">
                <div role="row"><div role="columnheader">Company Name</div>
                  <div role="columnheader">Size (click to change)</div><div role="columnheader">Actions</div></div>
              </div>
              <div role="rowgroup">
                <div role="row" id="ar-1"><div role="gridcell">Acme Dental</div><div role="gridcell">5 GB</div>
                  <div role="gridcell"><button type="button" aria-label="Actions" aria-haspopup="menu" id="ar-gear">&#8942;</button></div></div>
                <div role="row" id="ar-2"><div role="gridcell">HighTech</div><div role="gridcell">10 GB</div>
                  <div role="gridcell"></div></div>
              </div>
            </div>"##,
    );
    let obs = look(&mut Memory::default());
    let v = &obs.view;
    assert_eq!(v.grids.len(), 1, "{:?}", v.grids);
    let g = &v.grids[0];
    assert_eq!(
        g.header,
        strings(&["Company Name", "Size (click to change)", "Actions"])
    );
    assert_eq!(
        g.rows,
        vec![
            row(&["Acme Dental", "5 GB", "⋮"], true),
            row(&["HighTech", "10 GB", ""], false),
        ]
    );
    assert_eq!(g.kind(), Some(GridKind::Companies));
    assert_eq!(obs.grids[0].rows[1], f.get("#ar-2"));
    assert_eq!(obs.grids[0].gears[0], Some(f.get("#ar-gear")));
    assert_eq!(obs.grids[0].gears[1], None);
    assert_eq!(
        v.locate(GridKind::Companies, "HighTech"),
        Located::NoGear(0, 1)
    );
}

#[wasm_bindgen_test]
fn a_grid_split_into_a_header_table_and_a_body_table() {
    let f = Fixture::new(
        r##"<div class="grid-header"><table><thead><tr><th>Account Name</th><th>Company Name</th>
              <th>Size</th><th></th></tr></thead></table></div>
            <div class="grid-body"><table><tbody>
              <tr id="sp-1"><td>HighTech</td><td>HighTech</td><td>10 GB</td>
                <td><a href="#" title="Actions" id="sp-gear">⚙</a></td></tr>
              <tr><td>hightech-files</td><td>HighTech</td><td>25 GB</td><td></td></tr>
            </tbody></table></div>"##,
    );
    let obs = look(&mut Memory::default());
    let v = &obs.view;
    assert_eq!(v.grids.len(), 1, "{:?}", v.grids);
    let g = &v.grids[0];
    assert_eq!(
        g.header,
        strings(&["Account Name", "Company Name", "Size", ""])
    );
    assert_eq!(
        g.rows,
        vec![
            row(&["HighTech", "HighTech", "10 GB", "⚙"], true),
            row(&["hightech-files", "HighTech", "25 GB", ""], false),
        ]
    );
    assert_eq!(g.kind(), Some(GridKind::Accounts));
    assert_eq!(obs.grids[0].rows[0], f.get("#sp-1"));
    assert_eq!(obs.grids[0].gears[0], Some(f.get("#sp-gear")));
}

#[wasm_bindgen_test]
fn cells_leave_out_the_row_menu_and_allots_own_elements() {
    let _f = Fixture::new(
        r##"<table><tr><th>Company Name</th><th></th></tr>
              <tr><td> HighTech <span data-allot-own>resize to 10 GB</span>
                <ul style="display:block"><li><a href="#">Login as Company Admin</a></li></ul></td>
                <td><a href="#" title="Actions">⚙</a></td></tr></table>"##,
    );
    let v = view();
    assert_eq!(v.grids[0].rows, vec![row(&["HighTech", "⚙"], true)]);
}

#[wasm_bindgen_test]
fn a_gear_is_a_labelled_control_a_wordless_one_or_the_last_cells() {
    let f = Fixture::new(
        r##"<table><tr><th>Company Name</th><th>Size</th><th></th></tr>
              <tr><td>Acme Dental</td><td><a href="#">5 GB</a></td><td><a href="#" id="gr-a">⚙</a></td></tr>
              <tr><td>HighTech</td><td><a href="#">5 GB</a></td><td><span onclick="void 0" id="gr-s">⚙</span></td></tr>
              <tr><td>Blue River</td><td>5 GB</td><td><a href="#" id="gr-edit">Edit</a></td></tr>
              <tr><td><a href="#">Coastal</a></td><td>5 GB</td><td></td></tr>
            </table>"##,
    );
    let obs = look(&mut Memory::default());
    let has: Vec<bool> = obs.view.grids[0].rows.iter().map(|r| r.has_gear).collect();
    assert_eq!(has, vec![true, true, true, false]);
    let gears = &obs.grids[0].gears;
    assert_eq!(gears[0], Some(f.get("#gr-a")));
    assert_eq!(gears[1], Some(f.get("#gr-s")));
    assert_eq!(gears[2], Some(f.get("#gr-edit")));
    assert_eq!(gears[3], None);
}

#[wasm_bindgen_test]
fn allots_own_elements_are_not_read_as_the_page() {
    let _f = Fixture::new(
        r##"<div data-allot-own>
              <a href="#">Click here to resume session as Pax8 Demo Partner</a>
              <table><tr><th>Company Name</th></tr><tr><td>HighTech</td><td><a href="#">⚙</a></td></tr></table>
              <ul><li><a href="#">Login as Company Admin</a></li></ul>
            </div>"##,
    );
    let v = view();
    assert_eq!(v.resume_link, None);
    assert!(v.grids.is_empty(), "{:?}", v.grids);
    assert!(v.menus.is_empty(), "{:?}", v.menus);
    assert!(v.links.is_empty(), "{:?}", v.links);
}

// ---- Pager ----

fn paged_grid(pager: &str) -> String {
    format!(
        r##"<div class="grid-wrap">
              <table><thead><tr><th>Company Name</th><th>Size</th><th></th></tr></thead>
                <tbody><tr><td>HighTech</td><td>5 GB</td><td><a href="#" title="Actions">⚙</a></td></tr></tbody></table>
              <div class="pager">{pager}
                <form class="pager-form"><label for="pagerPage">Page</label> <input type="text" id="pagerPage" value="2"></form>
              </div>
            </div>"##
    )
}

#[wasm_bindgen_test]
fn the_pager_says_the_page_and_its_next_link() {
    let f = Fixture::new(&paged_grid(
        r##"<a href="?page=1">First</a> <a href="?page=1">Previous</a> <a href="?page=3" id="pg-next">Next</a>
            <a href="?page=4">Last</a> <span class="pager-info">Page 2 of 4</span>"##,
    ));
    let obs = look(&mut Memory::default());
    assert_eq!(
        obs.view.grids[0].paging,
        Paging {
            page: Some(2),
            pages: Some(4),
            has_next: true,
            has_first: true
        }
    );
    assert_eq!(obs.grids[0].next, Some(f.get("#pg-next")));
    assert_eq!(obs.view.next_page(GridKind::Companies), Some((0, Some(2))));
}

#[wasm_bindgen_test]
fn a_next_in_plain_text_cannot_be_clicked() {
    let _f = Fixture::new(&paged_grid(
        r##"<a href="?page=1">First</a> <a href="?page=3">Previous</a> <span class="pager-off">Next</span>
            <span class="pager-off">Last</span> <span class="pager-info">Page 4 of 4</span>"##,
    ));
    let obs = look(&mut Memory::default());
    assert_eq!(
        obs.view.grids[0].paging,
        Paging {
            page: Some(4),
            pages: Some(4),
            has_next: false,
            has_first: true
        }
    );
    assert_eq!(obs.grids[0].next, None);
    assert_eq!(obs.view.next_page(GridKind::Companies), None);
}

#[wasm_bindgen_test]
fn a_disabled_next_button_cannot_be_clicked() {
    let _f = Fixture::new(&paged_grid(
        r##"<button type="button" disabled>Previous</button> <button type="button" disabled>Next</button>
            <span class="pager-info">Page 1 of 1</span>"##,
    ));
    let obs = look(&mut Memory::default());
    let paging = &obs.view.grids[0].paging;
    assert!(!paging.has_next, "{paging:?}");
    assert_eq!((paging.page, paging.pages), (Some(1), Some(1)));
    assert_eq!(obs.grids[0].next, None);
}

// ---- Menus and the rows they belong to ----

#[wasm_bindgen_test]
fn an_open_gear_menu_inside_its_row() {
    let f = Fixture::new(&seed_companies(&["HighTech"]));
    let obs = look(&mut Memory::default());
    let v = &obs.view;
    assert_eq!(
        v.menus,
        vec![Menu {
            items: strings(&["Login as Company Admin", "Edit Company", "Cancel Company"]),
            owner: Some((0, 1)),
            new: false,
        }]
    );
    assert_eq!(obs.menus[0].0, f.get("#menu-hightech"));
    assert_eq!(obs.menus[0].1.len(), 3);
    assert_eq!(v.menu_of(0, 1), Some(0));
    assert_eq!(v.menu_of(0, 0), None);
    // A row reads the same whether its menu is open or not.
    assert_eq!(v.grids[0].rows, seed_companies_rows());
}

#[wasm_bindgen_test]
fn two_menus_open_at_once_each_inside_its_row() {
    let _f = Fixture::new(&seed_companies(&["Acme Dental", "HighTech"]));
    let v = view();
    let owners: Vec<Option<(usize, usize)>> = v.menus.iter().map(|m| m.owner).collect();
    assert_eq!(owners, vec![Some((0, 0)), Some((0, 1))]);
    assert_eq!(v.menu_of(0, 0), Some(0));
    assert_eq!(v.menu_of(0, 1), Some(1));
    assert!(v.menus.iter().all(|m| !m.new));
}

#[wasm_bindgen_test]
fn a_menu_hidden_by_visibility_is_not_open() {
    let _f = Fixture::new(
        r##"<table>
              <tr><th>Company Name</th><th></th></tr>
              <tr><td>Acme Dental</td><td><a href="#">⚙</a>
                <ul style="visibility:hidden"><li><a href="#">Login as Company Admin</a></li></ul></td></tr>
              <tr><td>HighTech</td><td><a href="#">⚙</a>
                <ul style="visibility:visible"><li><a href="#">Login as Company Admin</a></li></ul></td></tr>
            </table>"##,
    );
    let v = view();
    assert_eq!(
        v.menus,
        vec![Menu {
            items: strings(&["Login as Company Admin"]),
            owner: Some((0, 1)),
            new: false,
        }]
    );
}

#[wasm_bindgen_test]
fn a_body_menu_named_by_the_rows_aria_controls() {
    let _f = Fixture::new(&newer_companies(true));
    let _menu = Fixture::also(&body_menu("actions-hightech"));
    let v = view();
    assert_eq!(
        v.menus,
        vec![Menu {
            items: body_menu_items(),
            owner: Some((0, 1)),
            new: false,
        }]
    );
    assert_eq!(v.menu_of(0, 1), Some(0));
}

#[wasm_bindgen_test]
fn a_body_menu_without_an_aria_link_belongs_to_no_row_on_first_sight() {
    let _f = Fixture::new(&newer_companies(false));
    let _menu = Fixture::also(&body_menu("actions-menu"));
    let v = view();
    assert_eq!(v.menus.len(), 1, "{:?}", v.menus);
    assert_eq!(v.menus[0].owner, None);
    assert!(!v.menus[0].new);
    assert_eq!(v.menu_of(0, 1), None);
}

#[wasm_bindgen_test]
fn the_one_new_body_menu_after_allots_click_is_the_clicked_rows() {
    let _f = Fixture::new(&newer_companies(false));
    let mut memory = Memory::default();
    remember_gear_click(&mut memory, 0, 1);
    let _menu = Fixture::also(&body_menu("actions-menu"));
    let v = look(&mut memory).view;
    assert_eq!(
        v.menus,
        vec![Menu {
            items: body_menu_items(),
            owner: Some((0, 1)),
            new: true,
        }]
    );
    assert_eq!(v.menu_of(0, 1), Some(0));
    assert!(!v.stray_new_menu(0, 1));
}

#[wasm_bindgen_test]
fn two_new_body_menus_after_allots_click_belong_to_no_row() {
    let _f = Fixture::new(&newer_companies(false));
    let mut memory = Memory::default();
    remember_gear_click(&mut memory, 0, 1);
    let _menus = Fixture::also(&format!(
        "{}{}",
        body_menu("actions-menu-1"),
        body_menu("actions-menu-2")
    ));
    let v = look(&mut memory).view;
    assert_eq!(v.menus.len(), 2, "{:?}", v.menus);
    assert!(v.menus.iter().all(|m| m.owner.is_none() && m.new));
    assert_eq!(v.menu_of(0, 1), None);
    assert!(v.stray_new_menu(0, 1));
}

#[wasm_bindgen_test]
fn a_body_menu_open_before_allots_click_is_not_the_clicked_rows() {
    let _f = Fixture::new(&newer_companies(false));
    let _menu = Fixture::also(&body_menu("actions-menu"));
    let mut memory = Memory::default();
    remember_gear_click(&mut memory, 0, 1);
    let v = look(&mut memory).view;
    assert_eq!(v.menus.len(), 1, "{:?}", v.menus);
    assert_eq!(v.menus[0].owner, None);
    assert!(!v.menus[0].new);
}

/// A page-level "Change Account Size" link outside any row (a stray entry the dashboard
/// shows on a company's home).
const STRAY_LINK: &str =
    r##"<div class="page-tools" id="stray"><a href="#">Change Account Size</a></div>"##;

#[wasm_bindgen_test]
fn a_stray_change_account_size_link_is_a_menu_of_no_row() {
    let f = Fixture::new(&format!("{STRAY_LINK}{}", seed_companies(&[])));
    let obs = look(&mut Memory::default());
    assert_eq!(
        obs.view.menus,
        vec![Menu {
            items: strings(&["Change Account Size"]),
            owner: None,
            new: false,
        }]
    );
    assert_eq!(obs.menus[0].0, f.get("#stray"));
}

#[wasm_bindgen_test]
fn a_stray_link_seen_before_allots_click_stays_old_and_of_no_row() {
    let f = Fixture::new(&format!("{STRAY_LINK}{}", seed_companies(&[])));
    let mut memory = Memory::default();
    remember_gear_click(&mut memory, 0, 1);
    show(&f, "#menu-hightech");
    let v = look(&mut memory).view;
    assert_eq!(
        v.menus,
        vec![
            Menu {
                items: strings(&["Change Account Size"]),
                owner: None,
                new: false,
            },
            Menu {
                items: strings(&["Login as Company Admin", "Edit Company", "Cancel Company"]),
                owner: Some((0, 1)),
                new: true,
            },
        ]
    );
    assert_eq!(v.menu_of(0, 1), Some(1));
    assert!(!v.stray_new_menu(0, 1));
}

// ---- Header ----

const LATIN_NAME: &str =
    "Northwestern Regional Orthopaedic and Sports Medicine Associates Holdings, LLC";
const JAPANESE_NAME: &str = "株式会社東京湾岸総合医療法人記念病院グループ本部事業推進室";

fn has(texts: &[String], text: &str) -> bool {
    texts.iter().any(|t| t == text)
}

#[wasm_bindgen_test]
fn the_header_reads_a_name_on_the_left_and_on_the_right_of_a_top_bar() {
    let _f = Fixture::new(
        r##"<div class="topbar" style="position:absolute; top:0; left:0; right:0; height:40px">
              <div style="position:absolute; left:8px; top:8px"><span class="brand">Infrascale</span>
                <span class="session-name">Acme Dental</span></div>
              <div style="position:absolute; right:16px; top:8px; text-align:right">
                <span class="user-name">Pax8 Demo Partner</span> | <a href="/Account/LogOff">Log Off</a></div>
            </div>
            <div style="position:absolute; top:600px; left:8px"><span>Low Corp</span></div>
            <div style="position:absolute; top:8px; left:400px; display:none"><span>Hidden Corp</span></div>"##,
    );
    let v = view();
    for name in ["Infrascale", "Acme Dental", "Pax8 Demo Partner"] {
        assert!(has(&v.header, name), "{name}: {:?}", v.header);
    }
    for other in ["Log Off", "|", "Low Corp", "Hidden Corp"] {
        assert!(!has(&v.header, other), "{other}: {:?}", v.header);
    }
    assert_eq!(v.shown_company("Acme Dental"), Shown::Target);
    assert!(matches!(v.shown_company("Acme"), Shown::Other(_)));
}

#[wasm_bindgen_test]
fn the_header_reads_a_name_beside_an_icon() {
    let _f = Fixture::new(
        r##"<div style="position:absolute; top:8px; right:16px">
              <span class="who">HighTech <i class="caret"></i></span></div>"##,
    );
    let v = view();
    assert!(has(&v.header, "HighTech"), "{:?}", v.header);
}

#[wasm_bindgen_test]
fn a_header_or_banner_lower_on_the_page_is_still_the_header() {
    let _f = Fixture::new(
        r##"<header style="position:absolute; top:420px; left:8px"><span>Acme Dental</span></header>
            <div role="banner" style="position:absolute; top:520px; left:8px"><div><b>HighTech</b></div></div>
            <div style="position:absolute; top:620px; left:8px"><span>Low Corp</span></div>"##,
    );
    let v = view();
    assert!(has(&v.header, "Acme Dental"), "{:?}", v.header);
    assert!(has(&v.header, "HighTech"), "{:?}", v.header);
    assert!(!has(&v.header, "Low Corp"), "{:?}", v.header);
}

#[wasm_bindgen_test]
fn the_header_reads_long_names_whole() {
    assert_eq!(LATIN_NAME.chars().count(), 78);
    assert_eq!(JAPANESE_NAME.chars().count(), 29);
    let _f = Fixture::new(&format!(
        r##"<header style="position:absolute; top:0; left:0; width:320px">
              <span class="session-name">{LATIN_NAME}</span></header>
            <div style="position:absolute; top:120px; right:8px; width:120px"><span>{JAPANESE_NAME}</span></div>"##
    ));
    let v = view();
    assert!(has(&v.header, LATIN_NAME), "{:?}", v.header);
    assert!(has(&v.header, JAPANESE_NAME), "{:?}", v.header);
    assert_eq!(v.shown_company(LATIN_NAME), Shown::Target);
    assert_eq!(v.shown_company(JAPANESE_NAME), Shown::Target);
}

#[wasm_bindgen_test]
fn the_header_leaves_out_the_resume_link_grids_and_dialogs() {
    let _f = Fixture::new(
        r##"<header style="position:absolute; top:0; left:0; right:0">
              <span class="session-name">Acme Dental</span> <a href="/Account/LogOff">Log Off</a>
              <div class="session-banner">You are managing Acme Dental.
                <a href="/Account/ResumeSession">Click here to resume session as Pax8 Demo Partner</a></div>
            </header>
            <table style="position:absolute; top:60px; left:8px">
              <tr><th>Company Name</th></tr><tr><td>Grid Corp</td></tr></table>
            <div role="dialog" style="position:absolute; top:100px; left:300px"><p>Dialog Corp</p></div>
            <ul role="menu" style="position:absolute; top:100px; left:600px"><li>Menu Corp</li></ul>"##,
    );
    let v = view();
    assert!(has(&v.header, "Acme Dental"), "{:?}", v.header);
    assert!(
        v.header
            .iter()
            .all(|t| !t.to_lowercase().contains("resume session")),
        "{:?}",
        v.header
    );
    for other in [
        "Log Off",
        "Company Name",
        "Grid Corp",
        "Dialog Corp",
        "Menu Corp",
    ] {
        assert!(!has(&v.header, other), "{other}: {:?}", v.header);
    }
    assert_eq!(
        v.resume_link.as_deref(),
        Some("Click here to resume session as Pax8 Demo Partner")
    );
}

#[wasm_bindgen_test]
fn the_header_leaves_out_a_resume_link_with_markup_inside() {
    let _f = Fixture::new(
        r##"<header style="position:absolute; top:0; left:0; right:0">
              <span class="session-name">Acme Dental</span>
              <a href="/Account/ResumeSession">Click here to <b>resume session</b> as Pax8 Demo Partner</a>
            </header>"##,
    );
    let v = view();
    assert!(has(&v.header, "Acme Dental"), "{:?}", v.header);
    assert!(
        v.header.iter().all(|t| !t.contains("Pax8")
            && !t.to_lowercase().contains("resume session")
            && !t.starts_with("Click here")),
        "{:?}",
        v.header
    );
}

// ---- Resume link ----

#[wasm_bindgen_test]
fn the_resume_link_marks_a_company_session() {
    let _f = Fixture::new(
        r##"<div class="session">Company Dashboard:
              <a href="/Account/ResumeSession">Click here to
                 <b>resume session</b> as   Pax8 Demo Partner</a></div>
            <p><a href="#">Home</a> <a href="#">Backup Accounts</a></p>"##,
    );
    let v = view();
    assert_eq!(
        v.resume_link.as_deref(),
        Some("Click here to resume session as Pax8 Demo Partner")
    );
    assert!(v.in_company_session());
    assert_eq!(v.link("backup accounts"), Some("Backup Accounts"));
}

#[wasm_bindgen_test]
fn the_resume_link_may_hold_only_the_words_before_the_partners_name() {
    let _f = Fixture::new(
        r##"<p><a href="/Account/ResumeSession">Click here to resume session as</a> (Partner Account)</p>"##,
    );
    assert_eq!(
        view().resume_link.as_deref(),
        Some("Click here to resume session as")
    );
}

// ---- The usage table ----

/// The Home page's usage table under its heading.
const USAGE: &str = r##"<h3>Backup Account Usage</h3>
    <table class="usage">
      <tr><th>Account Name</th><th>Size</th><th>Percent</th></tr>
      <tr><td>HighTech</td><td>10 GB</td><td>0 %</td></tr>
      <tr><td>hightech-files</td><td>25 GB</td><td>12 %</td></tr>
    </table>"##;

fn usage_rows() -> Vec<UsageRow> {
    vec![usage("HighTech", "10 GB"), usage("hightech-files", "25 GB")]
}

#[wasm_bindgen_test]
fn the_usage_table_under_its_heading() {
    let _f = Fixture::new(USAGE);
    let v = view();
    assert_eq!(v.usage_table, Some(usage_rows()));
    assert_eq!(
        v.usage_row("hightech-files"),
        Some(&usage("hightech-files", "25 GB"))
    );
    // It is a grid too, an accounts grid without controls.
    assert_eq!(v.grids.len(), 1, "{:?}", v.grids);
    assert!(v.grids[0].rows.iter().all(|r| !r.has_gear));
    assert_eq!(
        v.locate(GridKind::Accounts, "HighTech"),
        Located::NoGear(0, 0)
    );
}

#[wasm_bindgen_test]
fn the_usage_table_with_its_heading_inside_and_columns_reordered() {
    let _f = Fixture::new(
        r##"<table>
              <tr><th colspan="3"> Backup Account Usage </th></tr>
              <tr><td>Percent</td><td>Account Name</td><td>Size</td></tr>
              <tr><td>0 %</td><td>HighTech</td><td>10 GB</td></tr>
            </table>"##,
    );
    assert_eq!(view().usage_table, Some(vec![usage("HighTech", "10 GB")]));
}

#[wasm_bindgen_test]
fn the_accounts_grid_with_gears_wins_over_the_usage_table() {
    let _f = Fixture::new(&format!(
        r##"{USAGE}
            <h3>Backup Accounts</h3>
            <table class="accounts">
              <tr><th>Account Name</th><th>Size</th><th>Last Backup</th><th></th></tr>
              <tr><td>HighTech</td><td>10 GB</td><td>Never</td>
                  <td><a href="#" title="Actions"><img alt=""></a></td></tr>
              <tr><td>hightech-files</td><td>25 GB</td><td>Today</td>
                  <td><span onclick="void 0">⚙</span></td></tr>
            </table>"##
    ));
    let v = view();
    assert_eq!(v.grids.len(), 2, "{:?}", v.grids);
    assert_eq!(
        v.grids[1].rows,
        vec![
            row(&["HighTech", "10 GB", "Never", ""], true),
            row(&["hightech-files", "25 GB", "Today", "⚙"], true),
        ]
    );
    assert_eq!(v.usage_table, Some(usage_rows()));
    assert_eq!(v.locate(GridKind::Accounts, "HighTech"), Located::One(1, 0));
    assert_eq!(v.locate(GridKind::Companies, "HighTech"), Located::NoGrid);
}

#[wasm_bindgen_test]
fn the_usage_table_inside_a_layout_table() {
    let _f = Fixture::new(&format!(
        r##"<table class="layout"><tr><td class="sidebar"><a href="#">Home</a></td>
              <td class="main">{USAGE}</td></tr></table>"##
    ));
    assert_eq!(view().usage_table, Some(usage_rows()));
}

#[wasm_bindgen_test]
fn the_usage_heading_with_an_icon() {
    let _f = Fixture::new(
        r##"<div class="panel-heading"><i class="icon-hdd"></i> Backup Account Usage</div>
            <table>
              <tr><th>Account Name</th><th>Size</th><th>Percent</th></tr>
              <tr><td>HighTech</td><td>10 GB</td><td>0 %</td></tr>
            </table>"##,
    );
    assert_eq!(view().usage_table, Some(vec![usage("HighTech", "10 GB")]));
}

// ---- The size dialog ----

/// The seed's Change Account Size dialog; `id` keeps two of them apart.
fn size_dialog_html(id: &str, account: &str, size: &str) -> String {
    format!(
        r##"<div class="ui-dialog" role="dialog" id="{id}-dialog">
              <div class="ui-dialog-titlebar"><span>Change Account Size</span></div>
              <p class="account-line">Account: <strong>{account}</strong></p>
              <table><tr><td class="editor-label">Account Size In GB</td>
                <td class="editor-field"><input type="text" id="{id}-size" value="{size}"></td></tr></table>
              <div class="dlg-error" id="{id}-error"></div>
              <div class="ui-dialog-buttonpane"><input type="button" value="Ok"> <input type="button" value="Cancel"></div>
            </div>"##
    )
}

const REFUSAL: &str = "Account size must be 5, 10, 25, 50 or a multiple of 100 GB.";

#[wasm_bindgen_test]
fn the_size_dialog_gives_its_value_then_the_dashboards_refusal() {
    let f = Fixture::new(&size_dialog_html("sz", "HighTech", "5"));
    let mut memory = Memory::default();
    let obs = look(&mut memory);
    let handles = obs.dialog.as_ref().expect("the dialog's elements");
    assert_eq!(handles.field, f.get("#sz-size"));
    assert_eq!(dialog_of(&handles.field), f.get("#sz-dialog"));
    assert_eq!(handles.buttons.len(), 2);
    let d = obs.view.size_dialog.expect("the size dialog");
    assert_eq!(d.value, "5");
    assert_eq!(d.initial, "5");
    assert_eq!(d.error, None);
    assert!(!d.opened_by_allot);
    assert_eq!(d.buttons, strings(&["Ok", "Cancel"]));
    assert!(has(&d.texts, "HighTech"), "{:?}", d.texts);

    set_value(&f.get("#sz-size"), "75");
    f.get("#sz-error").set_text_content(Some(REFUSAL));
    let d = look(&mut memory).view.size_dialog.expect("the size dialog");
    assert_eq!(d.value, "75");
    assert_eq!(d.initial, "5", "the value when it appeared is kept");
    assert_eq!(d.error.as_deref(), Some(REFUSAL));

    f.get("#sz-dialog")
        .set_attribute("style", "display:none")
        .expect("hide the dialog");
    let obs = look(&mut memory);
    assert_eq!(obs.view.size_dialog, None);
    assert!(obs.dialog.is_none());
    assert!(memory.dialog.is_none(), "a closed dialog is forgotten");
}

#[wasm_bindgen_test]
fn a_refusal_shown_from_the_start_is_not_read_as_new() {
    let f = Fixture::new(&size_dialog_html("sz", "HighTech", "5"));
    f.get("#sz-error").set_text_content(Some(REFUSAL));
    let mut memory = Memory::default();
    let first = look(&mut memory).view.size_dialog.expect("the size dialog");
    assert_eq!(first.error, None);
    let again = look(&mut memory).view.size_dialog.expect("the size dialog");
    assert_eq!(again.error, None);
}

#[wasm_bindgen_test]
fn a_dialog_that_appears_after_allots_click_is_allots() {
    let _page = Fixture::new(&seed_companies(&[]));
    let mut memory = Memory {
        item_click: Some(size_fields(&doc())),
        ..Memory::default()
    };
    let f = Fixture::also(&size_dialog_html("sz", "HighTech", "5"));
    let d = look(&mut memory).view.size_dialog.expect("the size dialog");
    assert!(d.opened_by_allot);
    assert_eq!((d.value.as_str(), d.initial.as_str()), ("5", "5"));

    set_value(&f.get("#sz-size"), "10");
    let d = look(&mut memory).view.size_dialog.expect("the size dialog");
    assert!(d.opened_by_allot, "still the same dialog");
    assert_eq!(d.value, "10");
    assert_eq!(d.initial, "5");
}

#[wasm_bindgen_test]
fn a_dialog_open_before_allots_click_is_not_allots() {
    let _f = Fixture::new(&size_dialog_html("sz", "HighTech", "5"));
    let mut memory = Memory {
        item_click: Some(size_fields(&doc())),
        ..Memory::default()
    };
    assert_eq!(memory.item_click.as_ref().map(Vec::len), Some(1));
    let d = look(&mut memory).view.size_dialog.expect("the size dialog");
    assert!(!d.opened_by_allot);
}

#[wasm_bindgen_test]
fn a_dialog_without_allots_click_is_not_allots() {
    let _f = Fixture::new(&size_dialog_html("sz", "HighTech", "5"));
    let d = view().size_dialog.expect("the size dialog");
    assert!(!d.opened_by_allot);
}

#[wasm_bindgen_test]
fn two_size_dialogs_at_once_are_not_allots() {
    let mut memory = Memory {
        item_click: Some(size_fields(&doc())),
        ..Memory::default()
    };
    assert_eq!(memory.item_click.as_ref().map(Vec::len), Some(0));
    let _f = Fixture::new(&format!(
        "{}{}",
        size_dialog_html("one", "HighTech", "5"),
        size_dialog_html("two", "Acme Dental", "5")
    ));
    let obs = look(&mut memory);
    let d = obs.view.size_dialog.expect("a size dialog is shown");
    assert!(!d.opened_by_allot);
}

#[wasm_bindgen_test]
fn the_newer_dialogs_buttons_ok_save_cancel() {
    let f = Fixture::new(
        r##"<div class="modal-backdrop"><div class="modal" role="dialog" aria-modal="true" id="nd-dialog">
              <h2>Change Account Size</h2>
              <p>Account: <strong>HighTech</strong></p>
              <div class="form-row"><label for="nd-size">Account Size In GB</label>
                <input type="text" id="nd-size" value="10"></div>
              <div class="modal-buttons"><button type="button">Ok</button> <button type="button">Save</button>
                <input type="button" value="Cancel"></div>
            </div></div>"##,
    );
    let obs = look(&mut Memory::default());
    let d = obs.view.size_dialog.expect("the size dialog");
    assert_eq!(d.buttons, strings(&["Ok", "Save", "Cancel"]));
    assert_eq!(d.value, "10");
    let handles = obs.dialog.expect("the dialog's elements");
    assert_eq!(handles.field, f.get("#nd-size"));
    assert_eq!(dialog_of(&handles.field), f.get("#nd-dialog"));
}

#[wasm_bindgen_test]
fn no_size_field_no_dialog() {
    let _f = Fixture::new(&seed_companies(&[]));
    let mut memory = Memory::default();
    assert_eq!(look(&mut memory).view.size_dialog, None::<SizeDialog>);
    assert!(memory.dialog.is_none());
}

// ---- The dashboard's answer to a Create ----

#[wasm_bindgen_test]
fn a_small_create_form_is_shown_until_hidden() {
    let f = Fixture::new(
        r##"<div id="cf"><table>
              <tr><td>Company Name</td><td><input type="text" id="cf-company"></td></tr>
              <tr><td>Quota In GB</td><td><input type="text" id="cf-quota"></td></tr>
              <tr><td>Username</td><td><input type="text" id="cf-user"></td></tr>
              <tr><td>Password</td><td><input type="password" id="cf-pass"></td></tr>
            </table><input type="button" value="Create"></div>"##,
    );
    assert!(create_form_shown(&doc()));
    f.get("#cf")
        .set_attribute("style", "display:none")
        .expect("hide the form");
    assert!(!create_form_shown(&doc()));
}

#[wasm_bindgen_test]
fn the_seed_create_form_is_a_create_form_and_a_size_form_is_not() {
    let seed = Fixture::new(&format!("<table>{}</table>", seed_rows("cs-")));
    assert!(create_form_shown(&doc()));
    drop(seed);
    let _f = Fixture::new(&size_dialog_html("sz", "HighTech", "5"));
    assert!(!create_form_shown(&doc()));
}

#[wasm_bindgen_test]
fn visible_texts_give_the_success_message_and_leave_out_hidden_ones() {
    let long = "word ".repeat(70);
    let _f = Fixture::new(&format!(
        r##"<div class="create-result"><p class="success">Company HighTech was created.</p>
              <div class="buttons"><input type="button" value="Close"></div></div>
            <p style="display:none">Company Hidden Corp was created.</p>
            <p>{long}</p>"##
    ));
    let texts = visible_texts(&doc());
    assert!(has(&texts, "Company HighTech was created."), "{texts:?}");
    assert!(
        !texts.iter().any(|t| t.contains("Hidden Corp")),
        "{texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t.starts_with("word word")),
        "{texts:?}"
    );
    assert!(!create_form_shown(&doc()));
}
