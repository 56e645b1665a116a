//! The dashboard's HTML: full pages (server-rendered tables, one inline script each) and the
//! fragments its AJAX calls fetch. Every page-controlled string goes through [`esc`]; no URL
//! is absolute, so the pages work under whatever host name the browser maps to the replica.

use std::fmt::Write;

use crate::state::{Account, Company, CreateForm, Data, PARTNER_NAME};

/// Escapes text for HTML element content and double- or single-quoted attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Who the page is for: decides the header, the menu and the company-admin banner.
pub enum Chrome<'a> {
    LoggedOut,
    Partner,
    Company(&'a Company),
}

pub fn page(title: &str, chrome: &Chrome, body: &str) -> String {
    let banner = match chrome {
        Chrome::Company(_) => format!(
            "<div id=\"impersonation\" class=\"impersonation-banner\">You are logged in as company administrator. \
             <a href=\"/Account/ResumeSession\">Click here to resume session as {}</a></div>",
            esc(PARTNER_NAME)
        ),
        _ => String::new(),
    };
    let who = match chrome {
        Chrome::LoggedOut => String::new(),
        Chrome::Partner => login_display(PARTNER_NAME),
        Chrome::Company(c) => login_display(&c.name),
    };
    let menu = match chrome {
        Chrome::LoggedOut => String::new(),
        Chrome::Partner => PARTNER_MENU.to_string(),
        Chrome::Company(_) => COMPANY_MENU.to_string(),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title} - SOS Online Backup</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>{CSS}</style>\n</head>\n<body>\n\
         {banner}<div class=\"page\">\n<div id=\"header\"><div id=\"title\"><h1>SOS Online Backup</h1></div>{who}</div>\n\
         {menu}<div id=\"notice\" class=\"notice\" role=\"status\" hidden></div>\n\
         <div id=\"main\">\n{body}\n</div>\n\
         <div id=\"footer\">SOS Online Backup Partner Dashboard &middot; local replica for Allot</div>\n\
         </div>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        title = esc(title),
    )
}

fn login_display(name: &str) -> String {
    format!(
        "<div id=\"logindisplay\"><span class=\"user-name\">{}</span> | <a href=\"/Account/LogOff\">Log Off</a></div>",
        esc(name)
    )
}

const PARTNER_MENU: &str = "<ul id=\"menu\" class=\"menu\">\
<li><a href=\"/\">Home</a></li>\
<li class=\"dropdown\"><a href=\"#\" onclick=\"return toggleMenu(this);\">Manage</a>\
<ul class=\"submenu\">\
<li class=\"dropdown\"><a href=\"#\" onclick=\"return toggleMenu(this);\">Companies</a>\
<ul class=\"submenu flyout\">\
<li><a href=\"#\" id=\"addNewCompany\" onclick=\"return openDialog('/Companies/CreateDialog');\">Add New Company</a></li>\
<li><a href=\"/Companies\">View &amp; Manage Companies</a></li>\
</ul></li>\
<li><a href=\"/Accounts\">Backup Accounts</a></li>\
</ul></li>\
</ul>\n";

const COMPANY_MENU: &str = "<ul id=\"menu\" class=\"menu\">\
<li><a href=\"/\">Home</a></li>\
<li><a href=\"/BackupAccounts\">Backup Accounts</a></li>\
<li><a href=\"/Reports\">Reports</a></li>\
</ul>\n";

pub fn logon_page(user_name: &str, error: Option<&str>) -> String {
    let error = error
        .map(|e| {
            format!(
                "<div class=\"validation-summary-errors\"><ul><li>{}</li></ul></div>",
                esc(e)
            )
        })
        .unwrap_or_default();
    let body = format!(
        "<h2>Log On</h2>\n<p>Please enter your user name and password.</p>\n{error}\
         <form action=\"/Account/LogOn\" method=\"post\">\n<div class=\"logon-box\"><fieldset>\
         <legend>Account Information</legend>\n\
         <div class=\"editor-label\"><label for=\"UserName\">User Name</label></div>\n\
         <div class=\"editor-field\"><input type=\"text\" id=\"UserName\" name=\"UserName\" autocomplete=\"username\" value=\"{}\"></div>\n\
         <div class=\"editor-label\"><label for=\"Password\">Password</label></div>\n\
         <div class=\"editor-field\"><input type=\"password\" id=\"Password\" name=\"Password\" autocomplete=\"current-password\"></div>\n\
         <p><input type=\"submit\" value=\"Log On\"></p>\n</fieldset></div>\n</form>",
        esc(user_name)
    );
    page("Log On", &Chrome::LoggedOut, &body)
}

fn gb(size: u64) -> String {
    format!("{size} GB")
}

fn usage_table<'a>(accounts: impl Iterator<Item = &'a Account>) -> String {
    let mut rows = String::new();
    for a in accounts {
        let _ = writeln!(
            rows,
            "<tr><td>{}</td><td>{}</td><td>0 %</td></tr>",
            esc(&a.name),
            gb(a.size_gb)
        );
    }
    if rows.is_empty() {
        rows.push_str("<tr><td colspan=\"3\" class=\"empty\">No backup accounts.</td></tr>\n");
    }
    format!(
        "<div class=\"box\"><h3>Backup Account Usage</h3>\n<table class=\"grid usage\">\n\
         <thead><tr><th>Account Name</th><th>Size</th><th>Percent</th></tr></thead>\n\
         <tbody>\n{rows}</tbody>\n</table></div>"
    )
}

pub fn partner_home(data: &Data) -> String {
    let body = format!(
        "<h2>Home</h2>\n<p class=\"intro\">Welcome, {}. {} companies, {} backup accounts.</p>\n{}",
        esc(PARTNER_NAME),
        data.companies.len(),
        data.companies
            .iter()
            .map(|c| c.accounts.len())
            .sum::<usize>(),
        usage_table(data.companies.iter().flat_map(|c| c.accounts.iter()))
    );
    page("Home", &Chrome::Partner, &body)
}

pub fn company_home(company: &Company) -> String {
    let body = format!(
        "<h2>Company Dashboard</h2>\n<p class=\"intro\">Company quota: {}. Allocated: {}.</p>\n{}",
        gb(company.quota_gb),
        gb(company.allocated_gb()),
        usage_table(company.accounts.iter())
    );
    page("Company Dashboard", &Chrome::Company(company), &body)
}

fn gear(items: &str) -> String {
    format!(
        "<td class=\"actions\"><div class=\"gear-wrap\">\
         <a href=\"#\" title=\"Actions\" class=\"gear\" onclick=\"return toggleGear(this);\">\u{2699}</a>\
         <ul class=\"gear-menu\">{items}</ul></div></td>"
    )
}

pub fn companies_page(data: &Data) -> String {
    let mut rows = String::new();
    for c in &data.companies {
        let items = format!(
            "<li><a href=\"/Companies/LoginAsAdmin/{id}\">Login as Company Admin</a></li>\
             <li><a href=\"#\" onclick=\"return notAvailable('Edit Company');\">Edit Company</a></li>\
             <li><a href=\"#\" onclick=\"return notAvailable('Cancel Company');\">Cancel Company</a></li>",
            id = c.id
        );
        let _ = writeln!(
            rows,
            "<tr data-company-id=\"{}\"><td>{}</td><td>{}</td><td>{}</td>\
             <td><a href=\"#\" class=\"size-link\" onclick=\"return notAvailable('Changing the company size');\">{}</a></td>\
             <td>{}</td>{}</tr>",
            c.id,
            esc(&c.name),
            esc(&c.username),
            gb(c.quota_gb),
            gb(c.allocated_gb()),
            c.accounts.len(),
            gear(&items)
        );
    }
    if rows.is_empty() {
        rows.push_str("<tr><td colspan=\"6\" class=\"empty\">No companies.</td></tr>\n");
    }
    let body = format!(
        "<h2>View &amp; Manage Companies</h2>\n\
         <table class=\"grid companies\">\n<thead><tr><th>Company Name</th><th>Username</th><th>Quota</th>\
         <th>Size (click to change)</th><th>Backup Accounts</th><th></th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>"
    );
    page("View & Manage Companies", &Chrome::Partner, &body)
}

/// The partner's read-only list of every backup account (Manage > Backup Accounts).
pub fn partner_accounts_page(data: &Data) -> String {
    let mut rows = String::new();
    for c in &data.companies {
        for a in &c.accounts {
            let _ = writeln!(
                rows,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&c.name),
                esc(&a.name),
                gb(a.size_gb),
                if a.ultrasafe { "Yes" } else { "No" }
            );
        }
    }
    let body = format!(
        "<h2>All Backup Accounts</h2>\n<table class=\"grid\">\n<thead><tr><th>Company Name</th>\
         <th>Account Name</th><th>Size</th><th>Is UltraSafe</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>"
    );
    page("All Backup Accounts", &Chrome::Partner, &body)
}

pub fn backup_accounts_page(company: &Company) -> String {
    let mut rows = String::new();
    for a in &company.accounts {
        let items = format!(
            "<li><a href=\"#\" onclick=\"return openChangeSize({id});\">Change Account Size</a></li>\
             <li><a href=\"#\" onclick=\"return notAvailable('Change Password');\">Change Password</a></li>",
            id = a.id
        );
        let _ = writeln!(
            rows,
            "<tr data-account-id=\"{}\"><td class=\"account-name\">{}</td><td class=\"account-size\">{}</td>\
             <td>0 GB</td><td>{}</td>{}</tr>",
            a.id,
            esc(&a.name),
            gb(a.size_gb),
            if a.ultrasafe { "Yes" } else { "No" },
            gear(&items)
        );
    }
    if rows.is_empty() {
        rows.push_str("<tr><td colspan=\"5\" class=\"empty\">No backup accounts.</td></tr>\n");
    }
    let body = format!(
        "<h2>Backup Accounts</h2>\n<table class=\"grid accounts\">\n<thead><tr><th>Account Name</th>\
         <th>Size</th><th>Used</th><th>Is UltraSafe</th><th></th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>"
    );
    page("Backup Accounts", &Chrome::Company(company), &body)
}

pub fn reports_page(company: &Company) -> String {
    let body = "<h2>Reports</h2>\n<p>No reports have been generated for this company yet.</p>";
    page("Reports", &Chrome::Company(company), body)
}

pub fn not_found_page() -> String {
    page(
        "Not Found",
        &Chrome::LoggedOut,
        "<h2>Not Found</h2>\n<p>The page you asked for does not exist. <a href=\"/\">Home</a></p>",
    )
}

/// A dialog (overlay, title bar with its close, content) as the AJAX calls insert it.
fn dialog(title: &str, content: &str) -> String {
    format!(
        "<div id=\"dialog\" class=\"ui-dialog-overlay\"><div class=\"ui-dialog\" role=\"dialog\" aria-labelledby=\"dialogTitle\">\
         <div class=\"ui-dialog-titlebar\"><span id=\"dialogTitle\" class=\"ui-dialog-title\">{}</span>\
         <a href=\"#\" class=\"ui-dialog-titlebar-close\" title=\"Close\" onclick=\"return closeDialog(false);\">\u{2715}</a></div>\
         <div class=\"ui-dialog-content\">{content}</div></div></div>",
        esc(title)
    )
}

pub fn create_dialog() -> String {
    dialog(
        "Create Company With Admin Backup Account",
        &create_form_content(&CreateForm::blank(), &[]),
    )
}

fn text_row(label_html: &str, id: &str, value: &str, kind: &str) -> String {
    let autocomplete = if kind == "password" {
        " autocomplete=\"new-password\""
    } else {
        ""
    };
    format!(
        "<tr><td class=\"editor-label\">{label_html}</td><td class=\"editor-field\">\
         <input type=\"{kind}\" id=\"{id}\" name=\"{id}\"{autocomplete} value=\"{}\"></td></tr>\n",
        esc(value)
    )
}

fn checkbox_row(text: &str, id: &str, checked: bool) -> String {
    format!(
        "<tr><td class=\"editor-label\"></td><td class=\"editor-field\">\
         <input type=\"checkbox\" id=\"{id}\" name=\"{id}\" value=\"true\"{}> {}</td></tr>\n",
        if checked { " checked" } else { "" },
        esc(text)
    )
}

/// The create form (what replaces the dialog's content after a refusal), with the errors at
/// the top, one line each.
pub fn create_form_content(form: &CreateForm, errors: &[String]) -> String {
    let mut out = String::from(
        "<form id=\"createCompanyForm\" action=\"/Companies/Create\" method=\"post\" onsubmit=\"return false;\">\n",
    );
    if !errors.is_empty() {
        out.push_str("<div class=\"validation-summary-errors\"><ul>");
        for e in errors {
            let _ = write!(out, "<li>{}</li>", esc(e));
        }
        out.push_str("</ul></div>\n");
    }
    out.push_str("<table class=\"form-table\">\n");
    out.push_str(&text_row(
        "Company Name",
        "CompanyName",
        &form.company_name,
        "text",
    ));
    out.push_str(&text_row("Quota In GB", "QuotaGB", &form.quota_gb, "text"));
    out.push_str(&text_row(
        "EGR Licenses",
        "EgrLicenses",
        &form.egr_licenses,
        "text",
    ));
    out.push_str(&text_row(
        "SP v5 Licenses",
        "SpLicenses",
        &form.sp_licenses,
        "text",
    ));
    out.push_str(&checkbox_row(
        "Enable EndGuard",
        "EnableEndGuard",
        form.endguard,
    ));
    out.push_str(&text_row("Full Name", "FullName", &form.full_name, "text"));
    out.push_str(&text_row("Email", "Email", &form.email, "text"));
    out.push_str(&text_row(
        "Username <small>(usually same as email)</small>",
        "UserName",
        &form.username,
        "text",
    ));
    out.push_str(&text_row(
        "Password",
        "Password",
        &form.password,
        "password",
    ));
    out.push_str(&text_row(
        "Confirm Password",
        "ConfirmPassword",
        &form.confirm_password,
        "password",
    ));
    out.push_str(&checkbox_row(
        "Is Ultrasafe ?",
        "IsUltraSafe",
        form.ultrasafe,
    ));
    out.push_str(&text_row(
        "Secret Question",
        "SecretQuestion",
        &form.secret_question,
        "text",
    ));
    out.push_str(&text_row(
        "Secret Answer",
        "SecretAnswer",
        &form.secret_answer,
        "text",
    ));
    out.push_str(
        "</table>\n<div class=\"ui-dialog-buttonpane\">\
         <input type=\"button\" id=\"btnCreateCompany\" class=\"primary\" value=\"Create\" onclick=\"return createCompany(this);\"> \
         <input type=\"button\" id=\"btnCancelCreate\" value=\"Cancel\" onclick=\"return closeDialog(false);\">\
         </div>\n</form>",
    );
    out
}

pub fn create_success(company_name: &str) -> String {
    format!(
        "<div class=\"create-result\"><p class=\"success\">Company {} was created.</p>\n\
         <div class=\"ui-dialog-buttonpane\"><input type=\"button\" id=\"btnCloseCreated\" class=\"primary\" value=\"Close\" \
         onclick=\"return closeDialog(true);\"></div></div>",
        esc(company_name)
    )
}

pub fn change_size_dialog(account: &Account) -> String {
    let content = format!(
        "<form id=\"changeSizeForm\" action=\"/BackupAccounts/ChangeSize\" method=\"post\" \
         onsubmit=\"return changeSize(document.getElementById('btnChangeSizeOk'));\">\n\
         <input type=\"hidden\" name=\"AccountId\" value=\"{id}\">\n\
         <p class=\"account-line\">Account: <strong>{name}</strong></p>\n\
         <table class=\"form-table\">\n\
         <tr><td class=\"editor-label\">Account Size In GB</td><td class=\"editor-field\">\
         <input type=\"text\" id=\"AccountSizeInGB\" name=\"AccountSizeInGB\" value=\"{size}\"></td></tr>\n\
         </table>\n<div class=\"ui-dialog-buttonpane\">\
         <input type=\"button\" id=\"btnChangeSizeOk\" class=\"primary\" value=\"Ok\" onclick=\"return changeSize(this);\"> \
         <input type=\"button\" id=\"btnChangeSizeCancel\" value=\"Cancel\" onclick=\"return closeDialog(false);\">\
         </div>\n</form>",
        id = account.id,
        name = esc(&account.name),
        size = account.size_gb
    );
    dialog("Change Account Size", &content)
}

const CSS: &str = r#"
body { margin: 0; background: #5c87b2; font: 13px/1.4 "Trebuchet MS", Verdana, Helvetica, sans-serif; color: #222; }
.page { width: 980px; margin: 0 auto 20px; background: #fff; min-height: 500px; box-shadow: 0 0 6px rgba(0,0,0,.3); }
#header { display: flex; justify-content: space-between; align-items: center; background: #1f4e79; color: #fff; padding: 10px 20px; }
#title h1 { margin: 0; font-size: 24px; letter-spacing: .5px; }
#title h1::before { content: ""; display: inline-block; width: 14px; height: 14px; margin-right: 8px; border-radius: 50%; background: #f7a823; }
#logindisplay { font-size: 12px; }
#logindisplay .user-name { font-weight: bold; }
#logindisplay a { color: #dde9f7; }
.impersonation-banner { background: #fff4c2; border-bottom: 1px solid #e0c860; color: #5a4a00; text-align: center; padding: 6px; font-size: 12px; }
.impersonation-banner a { color: #1f4e79; font-weight: bold; }
.menu { list-style: none; margin: 0; padding: 0 12px; background: #2f6ca3; display: flex; position: relative; z-index: 10; }
.menu li { position: relative; list-style: none; }
.menu a { display: block; padding: 8px 16px; color: #fff; text-decoration: none; white-space: nowrap; }
.menu a:hover { background: #3f80bd; }
.menu .submenu { display: none; position: absolute; left: 0; top: 100%; min-width: 190px; margin: 0; padding: 0; background: #2f6ca3; box-shadow: 0 3px 6px rgba(0,0,0,.3); }
.menu .submenu.flyout { left: 100%; top: 0; }
.menu li:hover > .submenu, .menu li.open > .submenu { display: block; }
.notice { margin: 10px 20px 0; padding: 8px 12px; background: #e6f4e1; border: 1px solid #9cc98f; color: #2d5c22; }
.notice[hidden] { display: none; }
#main { padding: 10px 20px 30px; }
#main h2 { color: #1f4e79; border-bottom: 1px solid #ccd; padding-bottom: 4px; }
#main h3 { color: #333; margin: 14px 0 6px; }
.intro { color: #555; }
.box { border: 1px solid #ccd; padding: 6px 10px 10px; background: #fafbfd; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid th { background: #e3ebf4; text-align: left; padding: 5px 8px; border: 1px solid #c7d3e0; }
table.grid td { padding: 5px 8px; border: 1px solid #dde4ec; }
table.grid tbody tr:nth-child(even) { background: #f6f8fb; }
table.grid td.empty { color: #888; font-style: italic; }
td.actions { width: 28px; text-align: center; }
.gear-wrap { position: relative; display: inline-block; }
a.gear { text-decoration: none; font-size: 16px; color: #555; }
.gear-menu { display: none; position: absolute; right: 0; top: 100%; z-index: 20; margin: 2px 0 0; padding: 4px 0; min-width: 190px; list-style: none; background: #fff; border: 1px solid #99a; box-shadow: 0 3px 8px rgba(0,0,0,.25); text-align: left; }
.gear-wrap.open .gear-menu { display: block; }
.gear-menu a { display: block; padding: 5px 12px; color: #1f4e79; text-decoration: none; white-space: nowrap; }
.gear-menu a:hover { background: #e3ebf4; }
#footer { padding: 10px 20px; color: #889; font-size: 11px; border-top: 1px solid #eee; }
.logon-box { width: 340px; }
.logon-box fieldset { border: 1px solid #ccd; padding: 10px 16px; }
.editor-label { margin: 8px 0 2px; }
input[type=text], input[type=password] { width: 220px; padding: 3px 4px; border: 1px solid #99a; }
input[type=button], input[type=submit] { padding: 3px 14px; }
input.primary { font-weight: bold; }
.validation-summary-errors { color: #c00; border: 1px solid #e3a1a1; background: #fdf0f0; padding: 4px 8px; margin: 0 0 8px; }
.validation-summary-errors ul { margin: 2px 0; padding-left: 18px; }
.ui-dialog-overlay { position: fixed; inset: 0; background: rgba(30,40,60,.45); z-index: 100; display: flex; align-items: flex-start; justify-content: center; overflow: auto; }
.ui-dialog { margin-top: 40px; background: #fff; border: 1px solid #556; border-radius: 4px; box-shadow: 0 6px 20px rgba(0,0,0,.4); min-width: 380px; }
.ui-dialog-titlebar { display: flex; justify-content: space-between; align-items: center; background: #1f4e79; color: #fff; padding: 6px 10px; font-weight: bold; border-radius: 3px 3px 0 0; }
.ui-dialog-titlebar-close { color: #fff; text-decoration: none; margin-left: 16px; }
.ui-dialog-content { padding: 10px 14px; }
table.form-table td { padding: 3px 6px; }
table.form-table td.editor-label { text-align: right; white-space: nowrap; margin: 0; }
.ui-dialog-buttonpane { text-align: right; border-top: 1px solid #dde; margin-top: 10px; padding-top: 8px; }
.create-result .success { color: #2d5c22; font-weight: bold; }
"#;

const SCRIPT: &str = r#"
function ajax(method, url, body, done) {
  var xhr = new XMLHttpRequest();
  xhr.open(method, url, true);
  xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
  if (body !== null) xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
  xhr.onreadystatechange = function () { if (xhr.readyState === 4) done(xhr.status, xhr.responseText); };
  xhr.send(body);
}
function formBody(form) {
  var parts = [];
  var fields = form.querySelectorAll('input, select, textarea');
  for (var i = 0; i < fields.length; i++) {
    var f = fields[i];
    if (!f.name || f.type === 'button' || f.type === 'submit') continue;
    var value = f.type === 'checkbox' ? (f.checked ? 'true' : 'false') : f.value;
    parts.push(encodeURIComponent(f.name) + '=' + encodeURIComponent(value));
  }
  return parts.join('&');
}
function closeMenus() {
  var open = document.querySelectorAll('#menu li.open');
  for (var i = 0; i < open.length; i++) open[i].classList.remove('open');
}
function toggleMenu(link) {
  var item = link.parentNode;
  var wasOpen = item.classList.contains('open');
  var siblings = item.parentNode.children;
  for (var i = 0; i < siblings.length; i++) siblings[i].classList.remove('open');
  if (!wasOpen) item.classList.add('open');
  return false;
}
function closeGears() {
  var open = document.querySelectorAll('.gear-wrap.open');
  for (var i = 0; i < open.length; i++) open[i].classList.remove('open');
}
function toggleGear(link) {
  var wrap = link.parentNode;
  var wasOpen = wrap.classList.contains('open');
  closeGears();
  if (!wasOpen) wrap.classList.add('open');
  return false;
}
document.addEventListener('click', function (e) {
  if (!e.target.closest || !e.target.closest('.gear-wrap')) closeGears();
  if (!e.target.closest || !e.target.closest('#menu')) closeMenus();
});
var noticeTimer = null;
function showNotice(text) {
  var notice = document.getElementById('notice');
  notice.textContent = text;
  notice.hidden = false;
  if (noticeTimer) clearTimeout(noticeTimer);
  noticeTimer = setTimeout(function () { notice.hidden = true; }, 8000);
}
function notAvailable(what) {
  closeGears();
  showNotice(what + ' is not available on this dashboard.');
  return false;
}
function dialogContent() {
  return document.querySelector('#dialog .ui-dialog-content');
}
function openDialog(url) {
  closeMenus();
  closeGears();
  closeDialog(false);
  ajax('GET', url, null, function (status, html) {
    if (status !== 200) { showNotice('The dialog could not be opened (HTTP ' + status + ').'); return; }
    closeDialog(false);
    var holder = document.createElement('div');
    holder.innerHTML = html;
    var dialog = holder.firstElementChild;
    document.body.appendChild(dialog);
    var first = dialog.querySelector('input[type=text]');
    if (first) first.focus();
  });
  return false;
}
function closeDialog(reload) {
  var dialog = document.getElementById('dialog');
  if (dialog) dialog.parentNode.removeChild(dialog);
  if (reload) window.location.reload();
  return false;
}
function showDialogError(content, message) {
  var box = content.querySelector('.validation-summary-errors');
  if (!box) {
    box = document.createElement('div');
    box.className = 'validation-summary-errors';
    content.insertBefore(box, content.firstChild);
  }
  box.innerHTML = '';
  var list = document.createElement('ul');
  var line = document.createElement('li');
  line.textContent = message;
  list.appendChild(line);
  box.appendChild(list);
}
function createCompany(button) {
  var content = dialogContent();
  var form = document.getElementById('createCompanyForm');
  if (!content || !form) return false;
  button.disabled = true;
  ajax('POST', '/Companies/Create', formBody(form), function (status, html) {
    if (status === 200) { content.innerHTML = html; return; }
    button.disabled = false;
    showDialogError(content, 'The company could not be created (HTTP ' + status + ').');
  });
  return false;
}
function openChangeSize(id) {
  return openDialog('/BackupAccounts/ChangeSizeDialog/' + id);
}
function changeSize(button) {
  var content = dialogContent();
  var form = document.getElementById('changeSizeForm');
  if (!content || !form) return false;
  button.disabled = true;
  ajax('POST', '/BackupAccounts/ChangeSize', formBody(form), function (status, text) {
    button.disabled = false;
    var answer = null;
    try { answer = JSON.parse(text); } catch (e) { answer = null; }
    if (!answer) answer = { success: false, message: 'Unexpected answer from the server (HTTP ' + status + ').' };
    if (!answer.success) { showDialogError(content, answer.message); return; }
    closeDialog(false);
    var cell = document.querySelector('tr[data-account-id="' + answer.accountId + '"] td.account-size');
    if (cell) cell.textContent = answer.sizeText;
    showNotice(answer.message);
  });
  return false;
}
document.addEventListener('keydown', function (e) {
  if (e.key === 'Escape' && document.getElementById('dialog')) closeDialog(false);
});
(function () {
  var first = document.getElementById('UserName');
  if (first && !document.getElementById('dialog')) first.focus();
})();
"#;
