// Form detection: which forms the labelled controls make up, their roots and their Create controls.

mod common;

use allot_core::labels::FormKind;
use allot_core::FieldId;
use allot_extension::content::detect::{self, Found};
use allot_extension::controls as collect;
use common::{doc, seed_rows, Fixture, CREATE_FIELDS};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// The forms found on the whole page.
fn found() -> Vec<Found> {
    detect::forms(collect::controls(&doc()))
}

fn ids(found: &Found) -> Vec<FieldId> {
    found.fields.iter().map(|(f, _)| *f).collect()
}

/// The id of the element the form holds for `field` (ids read better than elements in
/// a failed assertion).
fn id_of(found: &Found, field: FieldId) -> String {
    found
        .fields
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, el)| el.id())
        .unwrap_or_else(|| panic!("{field:?} not found"))
}

fn create_id(found: &Found) -> Option<String> {
    found.create.as_ref().map(Element::id)
}

/// The seed's dialog: title bar, the fields' table, a button bar outside the table with
/// a non-submit "Create" input button.
fn seed_dialog(prefix: &str) -> String {
    format!(
        r##"<div class="dlg" role="dialog" id="{prefix}dialog">
             <div class="dlg-title"><span>Create Company With Admin Backup Account</span>
               <a href="#" class="dlg-close" title="Close">✕</a></div>
             <div class="dlg-body"><table class="fields">{rows}</table></div>
             <div class="dlg-buttons">
               <input type="button" id="{prefix}create" value="Create">
               <input type="button" id="{prefix}cancel" value="Cancel">
             </div>
           </div>"##,
        rows = seed_rows(prefix)
    )
}

#[wasm_bindgen_test]
fn seed_dialog_is_one_create_company_form_with_its_create_button() {
    let f = Fixture::new(&seed_dialog("sd-"));
    let found = found();
    assert_eq!(found.len(), 1);
    let form = &found[0];
    assert_eq!(form.kind, FormKind::CreateCompany);
    assert_eq!(ids(form), CREATE_FIELDS.to_vec());
    assert_eq!(create_id(form).as_deref(), Some("sd-create"));
    assert!(form.root.contains(Some(f.get("#sd-create").as_ref())));
    assert_eq!(form.root.id(), "sd-dialog");
    for (field, id) in [
        (FieldId::CompanyName, "sd-company"),
        (FieldId::QuotaGb, "sd-quota"),
        (FieldId::Endguard, "sd-endguard"),
        (FieldId::Username, "sd-username"),
        (FieldId::Password, "sd-password"),
        (FieldId::ConfirmPassword, "sd-confirm"),
        (FieldId::Ultrasafe, "sd-ultrasafe"),
        (FieldId::SecretAnswer, "sd-answer"),
    ] {
        assert_eq!(id_of(form, field), id, "{field:?}");
    }
}

#[wasm_bindgen_test]
fn the_same_form_in_a_real_form_element_with_a_save_submit_button() {
    let _f = Fixture::new(&format!(
        r##"<form id="rf-form" action="/Companies/Create" method="post">
             <fieldset><legend>Create Company With Admin Backup Account</legend>
               <table>{rows}</table></fieldset>
             <p class="actions"><button type="submit" id="rf-save">Save</button>
                <button type="button">Cancel</button></p>
           </form>"##,
        rows = seed_rows("rf-")
    ));
    let found = found();
    assert_eq!(found.len(), 1);
    let form = &found[0];
    assert_eq!(form.kind, FormKind::CreateCompany);
    assert_eq!(ids(form), CREATE_FIELDS.to_vec());
    assert_eq!(create_id(form).as_deref(), Some("rf-save"));
    assert_eq!(form.root.id(), "rf-form");
}

#[wasm_bindgen_test]
fn a_control_saying_create_is_preferred_and_allots_own_buttons_are_ignored() {
    let f = Fixture::new(&format!(
        r##"<div class="panel"><table>{rows}</table>
             <div class="bar"><a href="#" id="cp-add" role="button">Add</a>
               <button type="button" data-allot-own id="cp-own">Create</button>
               <button type="button" id="cp-create"><span>Create</span> <span>Company</span></button>
             </div></div>"##,
        rows = seed_rows("cp-")
    ));
    let found = found();
    assert_eq!(found.len(), 1);
    assert_eq!(create_id(&found[0]).as_deref(), Some("cp-create"));
    assert_eq!(
        detect::create_control(&f.root).map(|el| el.id()).as_deref(),
        Some("cp-create")
    );
}

#[wasm_bindgen_test]
fn control_text_reads_input_values_text_and_aria_labels() {
    let f = Fixture::new(
        r##"<input type="button" id="ct-input" value=" Create ">
           <a href="#" id="ct-link"><span>Create</span>
             <span data-allot-own>(checked by Allot)</span></a>
           <button type="button" id="ct-icon" aria-label="Save"><img alt=""></button>"##,
    );
    assert_eq!(detect::control_text(&f.get("#ct-input")), " Create ");
    assert_eq!(detect::control_text(&f.get("#ct-link")), "Create");
    assert_eq!(detect::control_text(&f.get("#ct-icon")), "Save");
}

#[wasm_bindgen_test]
fn a_login_box_after_the_create_form_is_not_a_form() {
    let f = Fixture::new(&format!(
        r##"{dialog}
           <div class="login" id="la-login"><table>
             <tr><td>Username</td><td><input type="text" id="la-login-user"></td></tr>
             <tr><td>Password</td><td><input type="password" id="la-login-pass"></td></tr>
           </table><input type="submit" value="Log On"></div>"##,
        dialog = seed_dialog("la-")
    ));
    let found = found();
    assert_eq!(found.len(), 1);
    let form = &found[0];
    assert_eq!(form.kind, FormKind::CreateCompany);
    assert_eq!(ids(form), CREATE_FIELDS.to_vec());
    assert_eq!(id_of(form, FieldId::Username), "la-username");
    assert_eq!(id_of(form, FieldId::Password), "la-password");
    assert!(!form.root.contains(Some(f.get("#la-login").as_ref())));
}

#[wasm_bindgen_test]
fn a_login_box_before_the_create_form_is_not_a_form() {
    let f = Fixture::new(&format!(
        r##"<div class="login" id="lb-login"><table>
             <tr><td>Username</td><td><input type="text" id="lb-login-user"></td></tr>
             <tr><td>Password</td><td><input type="password" id="lb-login-pass"></td></tr>
           </table><input type="submit" value="Log On"></div>
           {dialog}"##,
        dialog = seed_dialog("lb-")
    ));
    let found = found();
    assert_eq!(found.len(), 1);
    let form = &found[0];
    assert_eq!(form.kind, FormKind::CreateCompany);
    assert_eq!(id_of(form, FieldId::Username), "lb-username");
    assert_eq!(id_of(form, FieldId::Password), "lb-password");
    assert!(!form.root.contains(Some(f.get("#lb-login").as_ref())));
}

#[wasm_bindgen_test]
fn a_login_box_alone_is_not_a_form() {
    let _f = Fixture::new(
        r##"<form class="login"><table>
             <tr><td>Username</td><td><input type="text"></td></tr>
             <tr><td>Password</td><td><input type="password"></td></tr>
           </table><button type="submit">Log On</button></form>"##,
    );
    assert!(found().is_empty());
}

#[wasm_bindgen_test]
fn a_form_without_a_create_button_is_found_without_one() {
    let f = Fixture::new(&format!(
        r##"<div class="panel" id="nc-panel"><table>{rows}</table>
             <div class="bar"><button type="button">Cancel</button></div></div>"##,
        rows = seed_rows("nc-")
    ));
    let found = found();
    assert_eq!(found.len(), 1);
    let form = &found[0];
    assert_eq!(form.kind, FormKind::CreateCompany);
    assert_eq!(ids(form), CREATE_FIELDS.to_vec());
    assert!(form.create.is_none());
    assert!(f.get("#nc-panel").contains(Some(form.root.as_ref())));
}

#[wasm_bindgen_test]
fn a_form_with_a_few_of_the_fields_is_still_the_create_form() {
    let _f = Fixture::new(
        r##"<div><label>Company Name <input type="text"></label>
             <label>Quota In GB <input type="text"></label>
             <label>Username <input type="text"></label>
             <button type="button">Create</button></div>"##,
    );
    let found = found();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, FormKind::CreateCompany);
    assert_eq!(
        ids(&found[0]),
        vec![FieldId::CompanyName, FieldId::QuotaGb, FieldId::Username]
    );
    assert!(found[0].create.is_some());
}

#[wasm_bindgen_test]
fn change_account_size_dialog_is_found_with_its_ok_button() {
    let _f = Fixture::new(
        r##"<div class="dlg" role="dialog" id="cs-dialog">
             <div class="dlg-title">Change Account Size <a href="#" title="Close">✕</a></div>
             <div class="dlg-body"><table>
               <tr><td>Account Name</td><td>HighTech</td></tr>
               <tr><td>Account Size In GB</td><td><input type="text" id="cs-size" value="5"></td></tr>
             </table></div>
             <div class="dlg-buttons"><input type="button" id="cs-ok" value="Ok">
               <input type="button" value="Cancel"></div>
           </div>"##,
    );
    let found = found();
    assert_eq!(found.len(), 1);
    let form = &found[0];
    assert_eq!(form.kind, FormKind::ChangeAccountSize);
    assert_eq!(ids(form), vec![FieldId::AccountSizeGb]);
    assert_eq!(id_of(form, FieldId::AccountSizeGb), "cs-size");
    assert_eq!(create_id(form).as_deref(), Some("cs-ok"));
    assert_eq!(form.root.id(), "cs-dialog");
}

#[wasm_bindgen_test]
fn a_change_account_size_dialog_beside_the_create_form_is_its_own_form() {
    let _f = Fixture::new(&format!(
        r##"{dialog}
           <div class="dlg" role="dialog" id="bs-size-dialog"><table>
             <tr><td>Account Size In GB</td><td><input type="text" id="bs-size" value="5"></td></tr>
           </table><button type="button" id="bs-ok">OK</button></div>"##,
        dialog = seed_dialog("bs-")
    ));
    let found = found();
    let kinds: Vec<FormKind> = found.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        vec![FormKind::CreateCompany, FormKind::ChangeAccountSize]
    );
    assert_eq!(create_id(&found[0]).as_deref(), Some("bs-create"));
    assert_eq!(create_id(&found[1]).as_deref(), Some("bs-ok"));
}

/// The newer "Create Backup Account" dialog as documented: labelled rows, a Company/Reseller
/// list, four options, Create and Clear.
const NEWER_BACKUP_ACCOUNT: &str = r##"<div class="modal" role="dialog" id="ba-dialog">
  <div class="modal-header"><h2>Create Backup Account</h2><button type="button">×</button></div>
  <form>
    <div class="row"><label for="ba-co">Company/Reseller</label>
      <select id="ba-co"><option value="">-- Select --</option><option value="1">Acme</option></select></div>
    <div class="row"><label for="ba-fn">Full Name</label><input type="text" id="ba-fn"></div>
    <div class="row"><label for="ba-em">Email</label><input type="text" id="ba-em"></div>
    <div class="row"><label for="ba-un">Username</label><input type="text" id="ba-un"></div>
    <div class="row"><label for="ba-pw">Password</label><input type="password" id="ba-pw"></div>
    <div class="row"><label for="ba-cp">Confirm Password</label><input type="password" id="ba-cp"></div>
    <div class="row"><label for="ba-size">Account Size In GB</label><input type="text" id="ba-size"></div>
    <div class="row"><input type="checkbox" id="ba-sp"><label for="ba-sp">Assign ShadowProtect v5 license</label></div>
    <div class="row"><input type="checkbox" id="ba-lim"><label for="ba-lim">Limited rights</label></div>
    <div class="row"><input type="checkbox" id="ba-us"><label for="ba-us">Is UltraSafe</label></div>
    <div class="row"><input type="checkbox" id="ba-nw"><label for="ba-nw">Do not send Welcome Email</label></div>
    <div class="footer"><button type="button" id="ba-create">Create</button>
      <button type="button" id="ba-clear">Clear</button></div>
  </form></div>"##;

#[wasm_bindgen_test]
fn the_newer_create_backup_account_dialog_is_its_own_kind() {
    let _f = Fixture::new(NEWER_BACKUP_ACCOUNT);
    let found = found();
    assert_eq!(found.len(), 1);
    let form = &found[0];
    assert_eq!(form.kind, FormKind::CreateBackupAccount);
    assert_eq!(
        ids(form),
        vec![
            FieldId::CompanyReseller,
            FieldId::FullName,
            FieldId::Email,
            FieldId::Username,
            FieldId::Password,
            FieldId::ConfirmPassword,
            FieldId::AccountSizeGb,
            FieldId::Ultrasafe,
        ]
    );
    assert_eq!(id_of(form, FieldId::CompanyReseller), "ba-co");
    assert_eq!(id_of(form, FieldId::Ultrasafe), "ba-us");
    assert_eq!(create_id(form).as_deref(), Some("ba-create"));
}

#[wasm_bindgen_test]
fn the_seed_create_backup_account_table_is_its_own_kind() {
    let _f = Fixture::new(
        r##"<div class="dlg" role="dialog"><table>
          <tr><td>Company/Reseller</td><td><select id="sb-co"><option value="1" selected>Acme</option></select></td></tr>
          <tr><td>Full Name</td><td><input type="text"></td></tr>
          <tr><td>Email</td><td><input type="text"></td></tr>
          <tr><td>Username</td><td><input type="text"></td></tr>
          <tr><td>Password</td><td><input type="password"></td></tr>
          <tr><td>Confirm Password</td><td><input type="password"></td></tr>
          <tr><td>Account Size In GB</td><td><input type="text" id="sb-size"></td></tr>
          <tr><td></td><td><input type="checkbox" id="sb-us"> Is Ultrasafe ?</td></tr>
        </table><input type="button" id="sb-create" value="Create"><input type="button" value="Cancel"></div>"##,
    );
    let found = found();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, FormKind::CreateBackupAccount);
    assert_eq!(id_of(&found[0], FieldId::AccountSizeGb), "sb-size");
    assert_eq!(id_of(&found[0], FieldId::Ultrasafe), "sb-us");
    assert_eq!(create_id(&found[0]).as_deref(), Some("sb-create"));
}

#[wasm_bindgen_test]
fn change_company_size_dialogs_are_found_in_both_generations() {
    for (html, ok) in [
        (
            r##"<div role="dialog"><p>Company: Acme</p><p>Allocated to its backup accounts: 75 GB</p>
              <table><tr><td>Company Size In GB</td><td><input type="text" id="cc-size" value="100"></td></tr></table>
              <input type="button" id="cc-ok" value="Ok"><input type="button" value="Cancel"></div>"##,
            "cc-ok",
        ),
        (
            r##"<div role="dialog"><form><p>Company: Acme</p>
              <div class="row"><label for="cc-size">Quota in GB</label><input type="text" id="cc-size" value="100"></div>
              <div class="footer"><button type="button" id="cc-save">Save</button><button type="button">Cancel</button></div>
              </form></div>"##,
            "cc-save",
        ),
    ] {
        let _f = Fixture::new(html);
        let found = found();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, FormKind::ChangeCompanySize);
        assert_eq!(ids(&found[0]), vec![FieldId::QuotaGb]);
        assert_eq!(create_id(&found[0]).as_deref(), Some(ok));
    }
}

#[wasm_bindgen_test]
fn a_size_dialog_beside_the_backup_account_dialog_and_a_log_on_form_are_told_apart() {
    let _f = Fixture::new(&format!(
        r##"{NEWER_BACKUP_ACCOUNT}
           <div role="dialog"><label>Account Size In GB <input type="text" id="nb-size"></label>
             <button type="button" id="nb-ok">OK</button></div>
           <form><label>User Name <input type="text"></label>
             <label>Password <input type="password"></label><input type="submit" value="Log On"></form>"##
    ));
    let kinds: Vec<FormKind> = found().iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        vec![FormKind::CreateBackupAccount, FormKind::ChangeAccountSize]
    );
}
