// Page reading for the allocation fix: page_view and its helpers on dashboard-shaped fixture pages.

mod common;

use allot_core::resize::{PageView, Row, SizeDialog, UsageRow};
use allot_extension::fix::observe::{cell_text, dialog_of, gear, page_view, size_field};
use common::{doc, set_value, Fixture};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn view() -> PageView {
    page_view(&doc())
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

/// A companies list: a header row, then one row per company with its gear (and the
/// gear's menu, hidden unless `open` names the company) in the last cell.
fn companies(open: Option<&str>) -> String {
    let company = |name: &str, quota: &str, size: &str| {
        let display = if open == Some(name) { "block" } else { "none" };
        format!(
            r##"<tr><td>{name}</td><td>{quota}</td><td><a href="#">{size}</a></td>
                 <td class="actions"><a href="#" class="gear" title="Actions"><img alt=""></a>
                   <ul class="popup" style="display:{display}">
                     <li><a href="#">Login as Company Admin</a></li>
                     <li><a href="#">Edit Company</a></li>
                     <li><a href="#">Cancel Company</a></li>
                   </ul></td></tr>"##
        )
    };
    format!(
        r##"<h2>View &amp; Manage Companies</h2>
            <table class="grid">
              <thead><tr><th>Company Name</th><th>Quota</th><th>Size (click to change)</th><th></th></tr></thead>
              <tbody>{}{}</tbody>
            </table>"##,
        company("Acme Dental", "100 GB", "5 GB"),
        company("HighTech", "10 GB", "5 GB"),
    )
}

fn companies_rows() -> Vec<Row> {
    vec![
        row(&["Acme Dental", "100 GB", "5 GB", ""], true),
        row(&["HighTech", "10 GB", "5 GB", ""], true),
    ]
}

#[wasm_bindgen_test]
fn companies_table_rows_with_their_gears() {
    let _f = Fixture::new(&companies(None));
    let v = view();
    assert_eq!(v.companies_table, Some(companies_rows()));
    assert_eq!(v.accounts_table, None);
    assert_eq!(v.usage_table, None);
    assert_eq!(v.resume_link, None);
    assert_eq!(v.size_dialog, None);
    assert!(v.open_menu.is_empty());
    assert_eq!(v.menu_row, None);
    // Links are read even inside a closed menu.
    assert!(v.links.iter().any(|l| l == "Login as Company Admin"));
}

#[wasm_bindgen_test]
fn an_open_gear_menu_gives_its_items_and_its_row() {
    let _f = Fixture::new(&companies(Some("HighTech")));
    let v = view();
    assert_eq!(
        v.open_menu,
        vec!["Login as Company Admin", "Edit Company", "Cancel Company"]
    );
    assert_eq!(
        v.menu_row.as_deref().map(str::trim),
        Some("HighTech 10 GB 5 GB")
    );
    // A row reads the same whether its menu is open or not.
    assert_eq!(v.companies_table, Some(companies_rows()));
}

#[wasm_bindgen_test]
fn gear_is_the_clickable_thing_in_the_last_cell() {
    let f = Fixture::new(
        r##"<table>
              <tr id="gr-link"><td>HighTech</td><td><a href="#" id="gr-a">⚙</a></td></tr>
              <tr id="gr-span"><td>HighTech</td><td><span onclick="void 0" id="gr-s">⚙</span></td></tr>
              <tr id="gr-none"><td><a href="#">HighTech</a></td><td>5 GB</td></tr>
            </table>"##,
    );
    assert_eq!(
        gear(&f.get("#gr-link")).map(|g| g.id()).as_deref(),
        Some("gr-a")
    );
    assert_eq!(
        gear(&f.get("#gr-span")).map(|g| g.id()).as_deref(),
        Some("gr-s")
    );
    assert!(gear(&f.get("#gr-none")).is_none());
}

#[wasm_bindgen_test]
fn cell_text_leaves_out_the_menu_and_allots_own_elements() {
    let f = Fixture::new(
        r##"<table><tr>
              <td id="ct-cell"> HighTech <span data-allot-own>resize to 10 GB</span>
                <ul><li><a href="#">Login as Company Admin</a></li></ul></td>
            </tr></table>"##,
    );
    assert_eq!(cell_text(&f.get("#ct-cell")), "HighTech");
}

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
    assert!(v.links.iter().any(|l| l == "Backup Accounts"));
}

#[wasm_bindgen_test]
fn allots_own_elements_are_not_read_as_the_page() {
    let _f = Fixture::new(
        r##"<div data-allot-own>
              <a href="#">Click here to resume session as Pax8 Demo Partner</a>
              <table><tr><th>Company Name</th></tr><tr><td>HighTech</td><td><a href="#">⚙</a></td></tr></table>
            </div>"##,
    );
    let v = view();
    assert_eq!(v.resume_link, None);
    assert_eq!(v.companies_table, None);
}

/// The Home page's usage table under its heading.
const USAGE: &str = r##"<h3>Backup Account Usage</h3>
    <table class="usage">
      <tr><th>Account Name</th><th>Size</th><th>Percent</th></tr>
      <tr><td>HighTech</td><td>10 GB</td><td>0 %</td></tr>
      <tr><td>hightech-files</td><td>25 GB</td><td>12 %</td></tr>
    </table>"##;

#[wasm_bindgen_test]
fn the_usage_table_under_its_heading() {
    let _f = Fixture::new(USAGE);
    let v = view();
    assert_eq!(
        v.usage_table,
        Some(vec![
            usage("HighTech", "10 GB"),
            usage("hightech-files", "25 GB")
        ])
    );
    // It has an Account Name column but no gears: not the accounts list.
    assert_eq!(v.accounts_table, None);
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
fn the_accounts_table_is_the_one_with_gears_not_the_usage_table() {
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
    assert_eq!(
        v.accounts_table,
        Some(vec![
            row(&["HighTech", "10 GB", "Never", ""], true),
            row(&["hightech-files", "25 GB", "Today", "⚙"], true),
        ])
    );
    assert_eq!(
        v.usage_table,
        Some(vec![
            usage("HighTech", "10 GB"),
            usage("hightech-files", "25 GB")
        ])
    );
    assert_eq!(v.companies_table, None);
}

#[wasm_bindgen_test]
fn the_size_dialog_gives_its_value_then_the_dashboards_refusal() {
    // Forget any dialog an earlier test's page left in the reader's memory.
    assert_eq!(view().size_dialog, None);
    let f = Fixture::new(
        r##"<div class="dlg" role="dialog" id="sz-dialog">
              <div class="dlg-title">Change Account Size</div>
              <table><tr><td>Account Name</td><td>HighTech</td></tr>
                <tr><td>Account Size In GB</td><td><input type="text" id="sz-size" value="5"></td></tr></table>
              <div class="dlg-error" id="sz-error"></div>
              <div class="dlg-buttons"><input type="button" value="Ok"> <input type="button" value="Cancel"></div>
            </div>"##,
    );
    let field = size_field(&doc()).expect("the size field");
    assert_eq!(field.id(), "sz-size");
    assert_eq!(dialog_of(&field).id(), "sz-dialog");
    assert_eq!(
        view().size_dialog,
        Some(SizeDialog {
            value: "5".to_string(),
            error: None
        })
    );

    set_value(&f.get("#sz-size"), "75");
    f.get("#sz-error").set_text_content(Some(
        "Account size must be 5, 10, 25, 50 or a multiple of 100 GB.",
    ));
    assert_eq!(
        view().size_dialog,
        Some(SizeDialog {
            value: "75".to_string(),
            error: Some("Account size must be 5, 10, 25, 50 or a multiple of 100 GB.".to_string())
        })
    );

    f.get("#sz-dialog")
        .set_attribute("style", "display:none")
        .expect("hide the dialog");
    assert_eq!(size_field(&doc()), None);
    assert_eq!(view().size_dialog, None);
}

#[wasm_bindgen_test]
fn upper_right_reads_the_top_right_corner_only() {
    let _f = Fixture::new(
        r##"<div style="position:absolute; top:8px; right:16px; text-align:right">
              <span>HighTech</span></div>
            <div style="position:absolute; top:8px; left:8px"><span>Left Corp</span></div>
            <div style="position:absolute; top:400px; right:16px"><span>Low Corp</span></div>
            <div style="position:absolute; top:8px; right:200px; display:none"><span>Hidden Corp</span></div>"##,
    );
    let v = view();
    assert!(
        v.upper_right.iter().any(|t| t == "HighTech"),
        "{:?}",
        v.upper_right
    );
    for other in ["Left Corp", "Low Corp", "Hidden Corp"] {
        assert!(!v.upper_right.iter().any(|t| t == other), "{other}");
    }
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

#[wasm_bindgen_test]
fn the_usage_table_inside_a_layout_table() {
    let _f = Fixture::new(&format!(
        r##"<table class="layout"><tr><td class="sidebar"><a href="#">Home</a></td>
              <td class="main">{USAGE}</td></tr></table>"##
    ));
    assert_eq!(
        view().usage_table,
        Some(vec![
            usage("HighTech", "10 GB"),
            usage("hightech-files", "25 GB")
        ])
    );
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

#[wasm_bindgen_test]
fn upper_right_reads_a_name_beside_an_icon() {
    let _f = Fixture::new(
        r##"<div style="position:absolute; top:8px; right:16px">
              <span class="who">HighTech <i class="caret"></i></span></div>"##,
    );
    let v = view();
    assert!(
        v.upper_right.iter().any(|t| t == "HighTech"),
        "{:?}",
        v.upper_right
    );
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
    assert_eq!(v.open_menu, vec!["Login as Company Admin"]);
    let row = v.menu_row.unwrap_or_default();
    assert!(row.starts_with("HighTech"), "{row}");
    assert!(!row.contains("Acme"), "{row}");
}
