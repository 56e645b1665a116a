// Label finding: which field each control's label names, in the layouts a dashboard may use.

mod common;

use allot_core::FieldId;
use allot_extension::controls::label_candidates;
use common::{seed_rows, Fixture, CREATE_FIELDS};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn label_for_names_its_field_wherever_the_label_is() {
    let f = Fixture::new(
        r#"<div class="labels"><label for="lf-quota">Quota In GB</label></div>
           <p>Storage</p>
           <div class="inputs"><input type="text" id="lf-quota"></div>"#,
    );
    assert_eq!(f.field_of("#lf-quota"), Some(FieldId::QuotaGb));
    assert_eq!(
        label_candidates(&f.get("#lf-quota"))
            .first()
            .map(String::as_str),
        Some("Quota In GB")
    );
}

#[wasm_bindgen_test]
fn label_for_names_a_select() {
    let f = Fixture::new(
        r#"<div><label for="lf-question">Secret Question</label></div>
           <p>Pick one the user will remember</p>
           <span><select id="lf-question"><option>What was your high school mascot?</option></select></span>"#,
    );
    assert_eq!(f.field_of("#lf-question"), Some(FieldId::SecretQuestion));
}

#[wasm_bindgen_test]
fn label_for_names_a_textarea() {
    let f = Fixture::new(
        r#"<div><label for="lf-answer">Secret Answer</label></div>
           <p>Not the password</p>
           <span><textarea id="lf-answer"></textarea></span>"#,
    );
    assert_eq!(f.field_of("#lf-answer"), Some(FieldId::SecretAnswer));
}

#[wasm_bindgen_test]
fn an_enclosing_label_names_its_field() {
    let f = Fixture::new(
        r#"<label>Full Name <input type="text" id="el-name"></label>
           <label><span class="caption">Email</span><br><input type="text" id="el-email"></label>
           <label><input type="checkbox" id="el-endguard"> Enable EndGuard</label>"#,
    );
    assert_eq!(f.field_of("#el-name"), Some(FieldId::FullName));
    assert_eq!(f.field_of("#el-email"), Some(FieldId::Email));
    assert_eq!(f.field_of("#el-endguard"), Some(FieldId::Endguard));
}

#[wasm_bindgen_test]
fn seed_table_of_label_cells_names_all_thirteen_fields() {
    let f = Fixture::new(&format!("<table>{}</table>", seed_rows("st-")));
    assert_eq!(f.fields(), CREATE_FIELDS.to_vec());
    assert_eq!(f.field_of("#st-quota"), Some(FieldId::QuotaGb));
    assert_eq!(f.field_of("#st-confirm"), Some(FieldId::ConfirmPassword));
}

#[wasm_bindgen_test]
fn label_cell_found_past_an_empty_cell() {
    let f = Fixture::new(
        r#"<table><tr><td>Quota In GB</td><td class="spacer"></td><td><input type="text" id="ec-quota"></td></tr></table>"#,
    );
    assert_eq!(f.field_of("#ec-quota"), Some(FieldId::QuotaGb));
}

#[wasm_bindgen_test]
fn label_cell_in_a_th_names_its_field() {
    let f = Fixture::new(
        r#"<table><tr><th>EGR Licenses</th><td><input type="text" id="th-egr"></td></tr></table>"#,
    );
    assert_eq!(f.field_of("#th-egr"), Some(FieldId::EgrLicenses));
}

#[wasm_bindgen_test]
fn text_before_the_field_in_the_same_div_names_it() {
    let f = Fixture::new(
        r#"<div>Quota in GB: <input type="text" id="tb-quota"></div>
           <div><span class="lbl">EGR Licenses</span> <input type="text" id="tb-egr"></div>
           <div>Company Name <input type="text" id="tb-company"><br>
                SP v5 Licenses <input type="text" id="tb-sp"></div>"#,
    );
    assert_eq!(f.field_of("#tb-quota"), Some(FieldId::QuotaGb));
    assert_eq!(f.field_of("#tb-egr"), Some(FieldId::EgrLicenses));
    assert_eq!(f.field_of("#tb-company"), Some(FieldId::CompanyName));
    assert_eq!(f.field_of("#tb-sp"), Some(FieldId::SpLicenses));
}

#[wasm_bindgen_test]
fn definition_list_names_its_fields() {
    let f = Fixture::new(
        r#"<dl><dt>Email</dt><dd><input type="text" id="dl-email"></dd>
               <dt>Username <em>(usually same as email)</em></dt><dd><input type="text" id="dl-user"></dd>
               <dt>Password</dt><dd><input type="password" id="dl-pass"></dd>
               <dt>Confirm Password</dt><dd><input type="password" id="dl-confirm"></dd></dl>"#,
    );
    assert_eq!(f.field_of("#dl-email"), Some(FieldId::Email));
    assert_eq!(f.field_of("#dl-user"), Some(FieldId::Username));
    assert_eq!(f.field_of("#dl-pass"), Some(FieldId::Password));
    assert_eq!(f.field_of("#dl-confirm"), Some(FieldId::ConfirmPassword));
}

#[wasm_bindgen_test]
fn a_div_before_the_fields_parent_names_it() {
    let f = Fixture::new(
        r#"<div class="row"><div class="col-label">Secret Answer</div>
             <div class="col-field"><input type="text" id="dv-answer"></div></div>
           <div class="row"><div class="col-label"><span>Full Name</span></div>
             <div class="col-field"><input type="text" id="dv-name"></div></div>"#,
    );
    assert_eq!(f.field_of("#dv-answer"), Some(FieldId::SecretAnswer));
    assert_eq!(f.field_of("#dv-name"), Some(FieldId::FullName));
}

#[wasm_bindgen_test]
fn aria_label_names_its_field() {
    let f =
        Fixture::new(r#"<div><input type="text" id="al-sp" aria-label="SP v5 Licenses"></div>"#);
    assert_eq!(f.field_of("#al-sp"), Some(FieldId::SpLicenses));
}

#[wasm_bindgen_test]
fn aria_labelledby_names_its_field_from_several_ids() {
    let f = Fixture::new(
        r#"<h4><span id="lb-a">Secret</span> <span id="lb-b">Question</span></h4>
           <p>Asked when the password is lost.</p>
           <div><input type="text" id="lb-q" aria-labelledby="lb-a lb-b"></div>"#,
    );
    assert_eq!(f.field_of("#lb-q"), Some(FieldId::SecretQuestion));
}

#[wasm_bindgen_test]
fn placeholder_alone_names_its_field() {
    let f = Fixture::new(
        r#"<div><input type="text" id="ph-company" placeholder="Company Name"></div>
           <div><input type="text" id="ph-email" placeholder="Email"></div>
           <div><input type="password" id="ph-pass" placeholder="Password"></div>"#,
    );
    assert_eq!(f.field_of("#ph-company"), Some(FieldId::CompanyName));
    assert_eq!(f.field_of("#ph-email"), Some(FieldId::Email));
    assert_eq!(f.field_of("#ph-pass"), Some(FieldId::Password));
}

#[wasm_bindgen_test]
fn a_checkbox_followed_by_its_text_is_named() {
    let f = Fixture::new(
        r#"<div><input type="checkbox" id="cb-ultra"> Is Ultrasafe ?</div>
           <table><tr><td><input type="checkbox" id="cb-endguard">&nbsp;Enable EndGuard</td><td></td></tr></table>
           <p><span>Options</span> <input type="checkbox" id="cb-ultra2"> <span>Is UltraSafe</span></p>"#,
    );
    assert_eq!(f.field_of("#cb-ultra"), Some(FieldId::Ultrasafe));
    assert_eq!(f.field_of("#cb-endguard"), Some(FieldId::Endguard));
    assert_eq!(f.field_of("#cb-ultra2"), Some(FieldId::Ultrasafe));
}

#[wasm_bindgen_test]
fn two_checkboxes_in_one_cell_each_take_the_text_after_them() {
    let f = Fixture::new(
        r#"<table><tr><td>Options</td><td>
             <input type="checkbox" id="tc-endguard"> Enable EndGuard<br>
             <input type="checkbox" id="tc-ultra"> Is Ultrasafe ?
           </td></tr></table>"#,
    );
    assert_eq!(f.field_of("#tc-endguard"), Some(FieldId::Endguard));
    assert_eq!(f.field_of("#tc-ultra"), Some(FieldId::Ultrasafe));
}

#[wasm_bindgen_test]
fn a_checkbox_label_does_not_name_a_text_field_nor_the_reverse() {
    let f = Fixture::new(
        r#"<div>Is Ultrasafe ? <input type="text" id="kf-text"></div>
           <div><input type="checkbox" id="kf-check"> Email</div>"#,
    );
    assert_eq!(f.field_of("#kf-text"), None);
    assert_eq!(f.field_of("#kf-check"), None);
}

#[wasm_bindgen_test]
fn the_usernames_hint_is_ignored() {
    let f = Fixture::new(
        r#"<label for="hi-a">Username (usually same as email)</label><p>-</p><span><input type="text" id="hi-a"></span>
           <table><tr><td>Username <small>(usually same as email)</small></td><td><input type="text" id="hi-b"></td></tr></table>
           <div>  USERNAME
                 (usually same as email) * <input type="text" id="hi-c"></div>"#,
    );
    assert_eq!(f.field_of("#hi-a"), Some(FieldId::Username));
    assert_eq!(f.field_of("#hi-b"), Some(FieldId::Username));
    assert_eq!(f.field_of("#hi-c"), Some(FieldId::Username));
}

#[wasm_bindgen_test]
fn case_space_and_punctuation_variants_name_the_same_fields() {
    let f = Fixture::new(
        r#"<table>
             <tr><td>QUOTA in GB:</td><td><input type="text" id="vr-quota1"></td></tr>
             <tr><td>Quota in GB</td><td><input type="text" id="vr-quota2"></td></tr>
             <tr><td>  Company&nbsp;&nbsp;Name * </td><td><input type="text" id="vr-company"></td></tr>
             <tr><td>E-mail:</td><td><input type="text" id="vr-email"></td></tr>
             <tr><td>Secret&nbsp;Question?</td><td><input type="text" id="vr-question"></td></tr>
             <tr><td colspan="2"><input type="checkbox" id="vr-ultra"> Is UltraSafe</td></tr>
             <tr><td colspan="2"><input type="checkbox" id="vr-ultra2">Is Ultrasafe?</td></tr>
           </table>"#,
    );
    assert_eq!(f.field_of("#vr-quota1"), Some(FieldId::QuotaGb));
    assert_eq!(f.field_of("#vr-quota2"), Some(FieldId::QuotaGb));
    assert_eq!(f.field_of("#vr-company"), Some(FieldId::CompanyName));
    assert_eq!(f.field_of("#vr-email"), Some(FieldId::Email));
    assert_eq!(f.field_of("#vr-question"), Some(FieldId::SecretQuestion));
    assert_eq!(f.field_of("#vr-ultra"), Some(FieldId::Ultrasafe));
    assert_eq!(f.field_of("#vr-ultra2"), Some(FieldId::Ultrasafe));
}

#[wasm_bindgen_test]
fn a_password_label_does_not_make_confirm_password_a_password() {
    let f = Fixture::new(
        r#"<table>
             <tr><td>Password</td><td><input type="password" id="pw-t1"></td></tr>
             <tr><td>Confirm Password</td><td><input type="password" id="pw-t2"></td></tr>
           </table>
           <label for="pw-l1">Password</label><input type="password" id="pw-l1">
           <label for="pw-l2">Confirm Password</label><input type="password" id="pw-l2">
           <div>Password <input type="password" id="pw-d1">
                <input type="password" id="pw-d2" placeholder="Confirm Password"></div>
           <div class="row"><div>Password</div><div><input type="password" id="pw-r1"></div></div>
           <div class="row"><div>Confirm Password</div><div><input type="password" id="pw-r2"></div></div>"#,
    );
    for (id, field) in [
        ("#pw-t1", FieldId::Password),
        ("#pw-t2", FieldId::ConfirmPassword),
        ("#pw-l1", FieldId::Password),
        ("#pw-l2", FieldId::ConfirmPassword),
        ("#pw-d1", FieldId::Password),
        ("#pw-d2", FieldId::ConfirmPassword),
        ("#pw-r1", FieldId::Password),
        ("#pw-r2", FieldId::ConfirmPassword),
    ] {
        assert_eq!(f.field_of(id), Some(field), "{id}");
    }
}

#[wasm_bindgen_test]
fn a_neighbours_password_label_does_not_name_a_placeholder_only_confirm() {
    let f = Fixture::new(
        r#"<div class="group"><label>Password</label> <input type="password" id="nb-pass"></div>
           <div class="group"><input type="password" id="nb-confirm" placeholder="Confirm Password"></div>"#,
    );
    assert_eq!(f.field_of("#nb-pass"), Some(FieldId::Password));
    assert_eq!(f.field_of("#nb-confirm"), Some(FieldId::ConfirmPassword));
}

#[wasm_bindgen_test]
fn a_neighbours_label_cell_does_not_name_a_placeholder_only_confirm() {
    let f = Fixture::new(
        r#"<table><tr><td>Password</td>
             <td><input type="password" id="nc-pass"></td>
             <td><input type="password" id="nc-confirm" placeholder="Confirm Password"></td></tr></table>"#,
    );
    assert_eq!(f.field_of("#nc-pass"), Some(FieldId::Password));
    assert_eq!(f.field_of("#nc-confirm"), Some(FieldId::ConfirmPassword));
}

#[wasm_bindgen_test]
fn an_unrelated_search_box_names_nothing() {
    let f = Fixture::new(
        r#"<div class="toolbar">Search <input type="search" id="sb-search" placeholder="Search companies...">
             <button type="button">Go</button></div>
           <div><input type="text" id="sb-filter" placeholder="Filter" title="Type to filter the list"></div>"#,
    );
    assert_eq!(f.field_of("#sb-search"), None);
    assert_eq!(f.field_of("#sb-filter"), None);
    assert!(f.fields().is_empty());
}

#[wasm_bindgen_test]
fn an_unlabelled_box_after_a_labelled_field_names_nothing() {
    let f = Fixture::new(
        r#"<div class="group"><label>Email</label> <input type="text" id="ub-email"></div>
           <div class="group"><input type="search" id="ub-search" placeholder="Search"></div>"#,
    );
    assert_eq!(f.field_of("#ub-email"), Some(FieldId::Email));
    assert_eq!(f.field_of("#ub-search"), None);
}

#[wasm_bindgen_test]
fn buttons_and_hidden_inputs_are_ignored() {
    let f = Fixture::new(
        r#"<label for="bh-hidden">Company Name</label><input type="hidden" id="bh-hidden" value="HighTech">
           <table><tr><td>Password</td><td><input type="submit" id="bh-submit" value="Password"></td></tr>
                  <tr><td>Email</td><td><input type="button" id="bh-button" value="Email"></td></tr></table>
           <label>Quota In GB <button type="button" id="bh-real-button">10</button></label>"#,
    );
    assert_eq!(f.field_of("#bh-hidden"), None);
    assert_eq!(f.field_of("#bh-submit"), None);
    assert_eq!(f.field_of("#bh-button"), None);
    assert!(f.fields().is_empty());
}

#[wasm_bindgen_test]
fn allots_own_elements_are_ignored() {
    let f = Fixture::new(
        r#"<div data-allot-own><label>Password <input type="password" id="ow-inside"></label></div>
           <div><span data-allot-own>Quota In GB</span><input type="text" id="ow-label"></div>
           <div>Email <span data-allot-own role="alert">Email: enter an address like name@example.com</span>
                <input type="text" id="ow-between"></div>"#,
    );
    assert_eq!(f.field_of("#ow-inside"), None);
    assert_eq!(f.field_of("#ow-label"), None);
    assert_eq!(f.field_of("#ow-between"), Some(FieldId::Email));
}

#[wasm_bindgen_test]
fn candidates_come_most_trusted_first() {
    let f = Fixture::new(
        r#"<label for="cc-email">Email</label>
           <div>Contact <input type="text" id="cc-email" placeholder="name@example.com" title="Admin contact"></div>"#,
    );
    let candidates = label_candidates(&f.get("#cc-email"));
    assert_eq!(candidates.first().map(String::as_str), Some("Email"));
    let at = |text: &str| {
        candidates
            .iter()
            .position(|c| c == text)
            .unwrap_or_else(|| panic!("{text} missing from {candidates:?}"))
    };
    assert!(at("Email") < at("Contact"));
    assert!(at("Contact") < at("name@example.com"));
    assert!(at("name@example.com") < at("Admin contact"));
    assert_eq!(f.field_of("#cc-email"), Some(FieldId::Email));
}

#[wasm_bindgen_test]
fn a_paragraph_is_not_taken_for_a_label() {
    let long = "Company Name ".repeat(10);
    let f = Fixture::new(&format!(
        r#"<div><p>{long}</p><div><input type="text" id="lp-field"></div></div>"#
    ));
    assert!(label_candidates(&f.get("#lp-field")).is_empty());
    assert_eq!(f.field_of("#lp-field"), None);
}
