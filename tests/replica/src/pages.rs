//! The seed generation's HTML: full pages (server-rendered tables, one inline script each) and
//! the fragments its AJAX calls fetch. Every page-controlled string goes through [`esc`]; no
//! URL is absolute, so the pages work under whatever host name the browser maps to the replica.
//! The script is shared with the newer generation (`newer.rs`).

use std::fmt::Write;

use crate::grid::{paginate, GridQuery};
use crate::state::{Account, AccountForm, Company, CreateForm, Data, PARTNER_NAME};
use crate::{CreateRefusal, Faults};

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

/// The `<body>` attributes the script reads: `data-menus-stay-open` and
/// `data-dialog-in-steps` for those faults.
pub fn body_attrs(faults: &Faults) -> String {
    let mut attrs = String::new();
    if faults.menus_stay_open {
        attrs.push_str(" data-menus-stay-open=\"1\"");
    }
    if faults.dialog_in_steps {
        attrs.push_str(" data-dialog-in-steps=\"1\"");
    }
    attrs
}

pub fn page(faults: &Faults, title: &str, chrome: &Chrome, body: &str) -> String {
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
        Chrome::Company(_) if faults.company_home_lists_accounts => {
            COMPANY_MENU_WITHOUT_ACCOUNTS.to_string()
        }
        Chrome::Company(_) => COMPANY_MENU.to_string(),
    };
    let body_attrs = body_attrs(faults);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title} - SOS Online Backup</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>{CSS}</style>\n</head>\n<body{body_attrs}>\n\
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

const COMPANY_MENU_WITHOUT_ACCOUNTS: &str = "<ul id=\"menu\" class=\"menu\">\
<li><a href=\"/\">Home</a></li>\
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
    page(&Faults::default(), "Log On", &Chrome::LoggedOut, &body)
}

pub(crate) fn gb(size: u64) -> String {
    format!("{size} GB")
}

/// The `stray_change_size_link` fault's page-level link: for the company's most recently added
/// account that is not the admin's (nothing without the fault or such an account).
pub(crate) fn stray_link(faults: &Faults, company: &Company) -> String {
    match company.newest_other_account() {
        Some(account) if faults.stray_change_size_link => format!(
            "<p class=\"page-actions\"><a href=\"#\" class=\"page-action\" onclick=\"return openChangeSize({});\">Change Account Size</a></p>\n",
            account.id
        ),
        _ => String::new(),
    }
}

/// A notice shown once at the top of a page (after a page-mode Create).
pub(crate) fn notice_html(notice: Option<&str>) -> String {
    notice
        .map(|n| {
            format!(
                "<div class=\"notice flash\" role=\"status\">{}</div>\n",
                esc(n)
            )
        })
        .unwrap_or_default()
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
        usage_table(
            data.companies
                .iter()
                .flat_map(|c| c.listed_accounts().into_iter())
        )
    );
    page(&data.faults, "Home", &Chrome::Partner, &body)
}

pub fn company_home(data: &Data, company: &Company, query: &GridQuery) -> String {
    let accounts = if data.faults.company_home_lists_accounts {
        format!(
            "<div class=\"box\"><h3>Backup Accounts</h3>\n{}{}</div>",
            stray_link(&data.faults, company),
            account_grid(data, company, query, false)
        )
    } else {
        format!(
            "{}{}",
            stray_link(&data.faults, company),
            usage_table(company.listed_accounts().into_iter())
        )
    };
    let body = format!(
        "<h2>Company Dashboard</h2>\n<p class=\"intro\">Company quota: {}. Allocated: {}.</p>\n{accounts}",
        gb(company.quota_gb),
        gb(company.allocated_gb()),
    );
    page(
        &data.faults,
        "Company Dashboard",
        &Chrome::Company(company),
        &body,
    )
}

fn gear(items: &str, open: bool) -> String {
    format!(
        "<td class=\"actions\"><div class=\"gear-wrap{}\">\
         <a href=\"#\" title=\"Actions\" class=\"gear\" onclick=\"return toggleGear(this);\">\u{2699}</a>\
         <ul class=\"gear-menu\">{items}</ul></div></td>",
        if open { " open" } else { "" }
    )
}

pub fn companies_page(data: &Data, query: &GridQuery, notice: Option<&str>) -> String {
    let paged = paginate(data.companies.iter().collect(), |c| &c.name, query);
    let mut rows = String::new();
    for (i, c) in paged.rows.iter().enumerate() {
        let login = if c.managed {
            format!(
                "<li><a href=\"/Companies/LoginAsAdmin/{}\">Login as Company Admin</a></li>",
                c.id
            )
        } else {
            String::new()
        };
        let items = format!(
            "{login}\
             <li><a href=\"#\" onclick=\"return notAvailable('Edit Company');\">Edit Company</a></li>\
             <li><a href=\"#\" onclick=\"return notAvailable('Cancel Company');\">Cancel Company</a></li>"
        );
        let open = data.faults.menus_stay_open && i == 0;
        let _ = writeln!(
            rows,
            "<tr data-company-id=\"{}\"><td>{}</td><td>{}</td><td>{}</td>\
             <td><a href=\"#\" class=\"size-link\" onclick=\"return openDialog('/Companies/ChangeSizeDialog/{}');\">{}</a></td>\
             <td>{}</td>{}</tr>",
            c.id,
            esc(&c.name),
            esc(&c.username),
            gb(c.quota_gb),
            c.id,
            gb(c.allocated_gb()),
            c.accounts.len(),
            gear(&items, open)
        );
    }
    if rows.is_empty() {
        rows.push_str("<tr><td colspan=\"6\" class=\"empty\">No companies.</td></tr>\n");
    }
    let body = format!(
        "{notice}<h2>View &amp; Manage Companies</h2>\n{search}\
         <table class=\"grid companies\">\n<thead><tr><th>Company Name</th><th>Username</th><th>Quota</th>\
         <th>Size (click to change)</th><th>Backup Accounts</th><th></th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n{pager}",
        notice = notice_html(notice),
        search = paged.search_html(),
        pager = paged.pager_html(),
    );
    page(
        &data.faults,
        "View & Manage Companies",
        &Chrome::Partner,
        &body,
    )
}

/// The partner's read-only list of every backup account (Manage > Backup Accounts).
pub fn partner_accounts_page(data: &Data, query: &GridQuery) -> String {
    let all: Vec<(&Company, &Account)> = data
        .companies
        .iter()
        .flat_map(|c| c.listed_accounts().into_iter().map(move |a| (c, a)))
        .collect();
    let paged = paginate(all, |(_, a)| &a.name, query);
    let mut rows = String::new();
    {
        for (c, a) in &paged.rows {
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
        "<h2>All Backup Accounts</h2>\n{CREATE_ACCOUNT_LINK}{}<table class=\"grid\">\n<thead><tr><th>Company Name</th>\
         <th>Account Name</th><th>Size</th><th>Is UltraSafe</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n{}",
        paged.search_html(),
        paged.pager_html(),
    );
    page(&data.faults, "All Backup Accounts", &Chrome::Partner, &body)
}

/// A company's backup accounts with a gear each (the Backup Accounts page; the Home page with
/// the `company_home_lists_accounts` fault). `full` adds the Used and Is UltraSafe columns.
fn account_grid(data: &Data, company: &Company, query: &GridQuery, full: bool) -> String {
    let paged = paginate(company.listed_accounts(), |a| &a.name, query);
    let open_row = if data.faults.menus_stay_open {
        paged.rows.iter().find(|a| !a.admin).map(|a| a.id)
    } else {
        None
    };
    let mut rows = String::new();
    for a in &paged.rows {
        let items = format!(
            "<li><a href=\"#\" onclick=\"return openChangeSize({id});\">Change Account Size</a></li>\
             <li><a href=\"#\" onclick=\"return notAvailable('Change Password');\">Change Password</a></li>",
            id = a.id
        );
        let extra = if full {
            format!(
                "<td>0 GB</td><td>{}</td>",
                if a.ultrasafe { "Yes" } else { "No" }
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            rows,
            "<tr data-account-id=\"{}\"><td class=\"account-name\">{}</td><td class=\"account-size\">{}</td>\
             {extra}{}</tr>",
            a.id,
            esc(&a.name),
            gb(a.size_gb),
            gear(&items, open_row == Some(a.id))
        );
    }
    let columns = if full { 5 } else { 3 };
    if rows.is_empty() {
        let _ = writeln!(
            rows,
            "<tr><td colspan=\"{columns}\" class=\"empty\">No backup accounts.</td></tr>"
        );
    }
    let head = if full {
        "<th>Account Name</th><th>Size</th><th>Used</th><th>Is UltraSafe</th><th></th>"
    } else {
        "<th>Account Name</th><th>Size</th><th></th>"
    };
    format!(
        "{}<table class=\"grid accounts\">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n{}",
        paged.search_html(),
        paged.pager_html(),
    )
}

/// The link that opens "Create Backup Account" (the seed's Backup Accounts pages).
const CREATE_ACCOUNT_LINK: &str = "<p class=\"page-create\"><a href=\"#\" class=\"create-link\" \
onclick=\"return openDialog('/BackupAccounts/CreateDialog');\">Create Backup Account</a></p>\n";

/// "Company quota: 100 GB. Allocated: 75 GB." under a company page's heading.
pub(crate) fn quota_line(company: &Company) -> String {
    format!(
        "<p class=\"intro\">Company quota: {}. Allocated: {}.</p>\n",
        gb(company.quota_gb),
        gb(company.allocated_gb())
    )
}

pub fn backup_accounts_page(data: &Data, company: &Company, query: &GridQuery) -> String {
    let body = format!(
        "<h2>Backup Accounts</h2>\n{CREATE_ACCOUNT_LINK}{}{}{}",
        quota_line(company),
        stray_link(&data.faults, company),
        account_grid(data, company, query, true)
    );
    page(
        &data.faults,
        "Backup Accounts",
        &Chrome::Company(company),
        &body,
    )
}

pub fn reports_page(data: &Data, company: &Company) -> String {
    let body = "<h2>Reports</h2>\n<p>No reports have been generated for this company yet.</p>";
    page(&data.faults, "Reports", &Chrome::Company(company), body)
}

pub fn forbidden_page(message: &str) -> String {
    page(
        &Faults::default(),
        "Forbidden",
        &Chrome::LoggedOut,
        &format!(
            "<h2>Forbidden</h2>\n<p>{} <a href=\"/\">Home</a></p>",
            esc(message)
        ),
    )
}

pub fn not_found_page() -> String {
    page(
        &Faults::default(),
        "Not Found",
        &Chrome::LoggedOut,
        "<h2>Not Found</h2>\n<p>The page you asked for does not exist. <a href=\"/\">Home</a></p>",
    )
}

/// A dialog (overlay, title bar with its close, content) as the AJAX calls insert it.
pub(crate) fn dialog(title: &str, content: &str) -> String {
    format!(
        "<div id=\"dialog\" class=\"ui-dialog-overlay\"><div class=\"ui-dialog\" role=\"dialog\" aria-labelledby=\"dialogTitle\">\
         <div class=\"ui-dialog-titlebar\"><span id=\"dialogTitle\" class=\"ui-dialog-title\">{}</span>\
         <a href=\"#\" class=\"ui-dialog-titlebar-close\" title=\"Close\" onclick=\"return closeDialog(false);\">\u{2715}</a></div>\
         <div class=\"ui-dialog-content\">{content}</div></div></div>",
        esc(title)
    )
}

pub fn create_dialog(faults: &Faults) -> String {
    dialog(
        "Create Company With Admin Backup Account",
        &create_form_content(
            &CreateForm::blank(),
            &[],
            faults.create_refusal == CreateRefusal::Page,
        ),
    )
}

/// The errors as the dashboard lists them.
pub(crate) fn error_list(errors: &[String]) -> String {
    let mut out = String::from("<div class=\"validation-summary-errors\"><ul>");
    for e in errors {
        let _ = write!(out, "<li>{}</li>", esc(e));
    }
    out.push_str("</ul></div>\n");
    out
}

/// `create_refusal: Dialog`: the dialog's content after a refusal, the errors and Close.
pub fn create_refused_content(errors: &[String]) -> String {
    format!(
        "<div class=\"create-result\">{}<div class=\"ui-dialog-buttonpane\">\
         <input type=\"button\" id=\"btnCloseRefused\" class=\"primary\" value=\"Close\" \
         onclick=\"return closeDialog(false);\"></div></div>",
        error_list(errors)
    )
}

/// `create_refusal: Page`: the full page a refused Create answers.
pub fn create_refused_page(data: &Data, errors: &[String]) -> String {
    let body = format!(
        "<h2>Create Company</h2>\n<p>The company was not created.</p>\n{}\
         <p><a href=\"/Companies\">View &amp; Manage Companies</a></p>",
        error_list(errors)
    );
    page(&data.faults, "Create Company", &Chrome::Partner, &body)
}

/// A text field of a form: its label (HTML), its name (also its id), its value and its input
/// type. Both generations render the same lists their own way.
pub(crate) type FieldSpec<'a> = (&'a str, &'static str, &'a str, &'static str);

/// The fields of an account's own: Full Name, Email, Username, Password and Confirm
/// Password (the admin's on Create Company, the account's on Create Backup Account).
pub(crate) fn account_fields<'a>(
    username_label: &'a str,
    full_name: &'a str,
    email: &'a str,
    username: &'a str,
    password: &'a str,
    confirm_password: &'a str,
) -> [FieldSpec<'a>; 5] {
    [
        ("Full Name", "FullName", full_name, "text"),
        ("Email", "Email", email, "text"),
        (username_label, "UserName", username, "text"),
        ("Password", "Password", password, "password"),
        (
            "Confirm Password",
            "ConfirmPassword",
            confirm_password,
            "password",
        ),
    ]
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
/// the top, one line each. `page_post`: Create submits the form as a normal POST.
pub fn create_form_content(form: &CreateForm, errors: &[String], page_post: bool) -> String {
    let mut out = String::from(if page_post {
        "<form id=\"createCompanyForm\" action=\"/Companies/Create\" method=\"post\">\n"
    } else {
        "<form id=\"createCompanyForm\" action=\"/Companies/Create\" method=\"post\" onsubmit=\"return false;\">\n"
    });
    if !errors.is_empty() {
        out.push_str(&error_list(errors));
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
    for (label, id, value, kind) in account_fields(
        "Username <small>(usually same as email)</small>",
        &form.full_name,
        &form.email,
        &form.username,
        &form.password,
        &form.confirm_password,
    ) {
        out.push_str(&text_row(label, id, value, kind));
    }
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
    out.push_str("</table>\n<div class=\"ui-dialog-buttonpane\">");
    out.push_str(if page_post {
        "<input type=\"submit\" id=\"btnCreateCompany\" class=\"primary\" value=\"Create\"> "
    } else {
        "<input type=\"button\" id=\"btnCreateCompany\" class=\"primary\" value=\"Create\" onclick=\"return createCompany(this);\"> "
    });
    out.push_str(
        "<input type=\"button\" id=\"btnCancelCreate\" value=\"Cancel\" onclick=\"return closeDialog(false);\">\
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

/// The Company/Reseller list: every company the session may add to, none chosen unless
/// there is only one.
pub(crate) fn company_options(companies: &[&Company], chosen: &str) -> String {
    let mut out = String::new();
    if companies.len() != 1 {
        out.push_str("<option value=\"\">-- Select --</option>");
    }
    for c in companies {
        let id = c.id.to_string();
        let selected = if companies.len() == 1 || chosen.trim() == id {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<option value=\"{id}\"{selected}>{}</option>",
            esc(&c.name)
        );
    }
    out
}

pub fn create_account_dialog(companies: &[&Company]) -> String {
    dialog(
        "Create Backup Account",
        &create_account_content(companies, &AccountForm::default(), &[]),
    )
}

/// The seed's "Create Backup Account" form (what replaces the dialog's content after a
/// refusal), with the errors at the top.
pub fn create_account_content(
    companies: &[&Company],
    form: &AccountForm,
    errors: &[String],
) -> String {
    let mut out = String::from(
        "<form id=\"createAccountForm\" action=\"/BackupAccounts/Create\" method=\"post\" onsubmit=\"return false;\">\n",
    );
    if !errors.is_empty() {
        out.push_str(&error_list(errors));
    }
    let _ = writeln!(
        out,
        "<table class=\"form-table\">\n<tr><td class=\"editor-label\">Company/Reseller</td><td class=\"editor-field\">\
         <select id=\"CompanyId\" name=\"CompanyId\">{}</select></td></tr>",
        company_options(companies, &form.company_id)
    );
    for (label, id, value, kind) in form.fields() {
        out.push_str(&text_row(label, id, value, kind));
    }
    out.push_str(&checkbox_row(
        "Is Ultrasafe ?",
        "IsUltraSafe",
        form.ultrasafe,
    ));
    out.push_str(
        "</table>\n<div class=\"ui-dialog-buttonpane\">\
         <input type=\"button\" id=\"btnCreateAccount\" class=\"primary\" value=\"Create\" onclick=\"return createAccount(this);\"> \
         <input type=\"button\" value=\"Cancel\" onclick=\"return closeDialog(false);\"></div>\n</form>",
    );
    out
}

/// What replaces the dialog's content once a backup account is created.
pub fn account_created(name: &str) -> String {
    format!(
        "<div class=\"create-result\"><p class=\"success\">Backup account {} was created.</p>\n\
         <div class=\"ui-dialog-buttonpane\"><input type=\"button\" class=\"primary\" value=\"Close\" \
         onclick=\"return closeDialog(true);\"></div></div>",
        esc(name)
    )
}

/// The companies list's "Size (click to change)" (seed): the company's size, with what its
/// backup accounts already use.
pub fn change_company_size_dialog(company: &Company) -> String {
    let content = format!(
        "<form id=\"changeCompanySizeForm\" action=\"/Companies/ChangeSize\" method=\"post\" \
         onsubmit=\"return changeCompanySize();\">\n\
         <input type=\"hidden\" name=\"CompanyId\" value=\"{id}\">\n\
         <p class=\"company-line\">Company: <strong>{name}</strong></p>\n\
         <p class=\"company-line\">Allocated to its backup accounts: {allocated}</p>\n\
         <table class=\"form-table\">\n\
         <tr><td class=\"editor-label\">Company Size In GB</td><td class=\"editor-field\">\
         <input type=\"text\" id=\"QuotaGB\" name=\"QuotaGB\" value=\"{quota}\"></td></tr>\n\
         </table>\n<div class=\"ui-dialog-buttonpane\">\
         <input type=\"button\" class=\"primary\" value=\"Ok\" onclick=\"return changeCompanySize();\"> \
         <input type=\"button\" value=\"Cancel\" onclick=\"return closeDialog(false);\">\
         </div>\n</form>",
        id = company.id,
        name = esc(&company.name),
        allocated = gb(company.allocated_gb()),
        quota = company.quota_gb
    );
    dialog("Change Company Size", &content)
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

pub(crate) const CSS: &str = r#"
body { margin: 0; background: #5c87b2; font: 13px/1.4 "Trebuchet MS", Verdana, Helvetica, sans-serif; color: #222; }
.page { width: 980px; margin: 0 auto 20px; background: #fff; min-height: 500px; box-shadow: 0 0 6px rgba(0,0,0,.3); }
#header { display: flex; justify-content: space-between; align-items: center; background: #1f4e79; color: #fff; padding: 10px 20px; }
#title h1 { margin: 0; font-size: 24px; letter-spacing: .5px; }
#title h1::before { content: ""; display: inline-block; width: 14px; height: 14px; margin-right: 8px; border-radius: 50%; background: #f7a823; }
#title { flex: 0 0 auto; }
#logindisplay { font-size: 12px; max-width: 60%; text-align: right; overflow-wrap: anywhere; }
table.grid td { overflow-wrap: anywhere; }
.grid-search { margin: 6px 0; }
.pager { margin: 8px 0; display: flex; gap: 8px; align-items: center; }
.pager-form { display: inline; }
.pager-form input[type=text] { width: 40px; }
.pager-off { color: #999; }
.page-actions { margin: 6px 0; }
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

/// The script of every page, both generations.
pub(crate) const SCRIPT: &str = r#"
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
function menusStayOpen() {
  return !!document.body && document.body.hasAttribute('data-menus-stay-open');
}
function closeGears() {
  var open = document.querySelectorAll('.gear-wrap.open');
  for (var i = 0; i < open.length; i++) open[i].classList.remove('open');
}
function toggleGear(link) {
  var wrap = link.parentNode;
  var wasOpen = wrap.classList.contains('open');
  if (!menusStayOpen()) closeGears();
  if (wasOpen) wrap.classList.remove('open'); else wrap.classList.add('open');
  return false;
}
function closeActionMenus() {
  var open = document.querySelectorAll('.actions-popup');
  for (var i = 0; i < open.length; i++) open[i].parentNode.removeChild(open[i]);
  var buttons = document.querySelectorAll('.actions-button[aria-expanded="true"]');
  for (var j = 0; j < buttons.length; j++) buttons[j].setAttribute('aria-expanded', 'false');
}
function closeRowMenus() {
  if (menusStayOpen()) return;
  closeGears();
  closeActionMenus();
}
function toggleActions(button) {
  var id = button.getAttribute('data-menu');
  var popups = document.querySelectorAll('.actions-popup');
  for (var i = 0; i < popups.length; i++) {
    if (popups[i].getAttribute('data-for') === id) {
      popups[i].parentNode.removeChild(popups[i]);
      button.setAttribute('aria-expanded', 'false');
      return false;
    }
  }
  closeRowMenus();
  var template = document.getElementById(id);
  if (!template) return false;
  var menu = document.createElement('div');
  menu.className = 'actions-popup';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('data-for', id);
  menu.appendChild(template.content.cloneNode(true));
  var box = button.getBoundingClientRect();
  menu.style.position = 'absolute';
  menu.style.top = (box.bottom + window.pageYOffset + 2) + 'px';
  menu.style.left = '0px';
  document.body.appendChild(menu);
  var left = box.right + window.pageXOffset - menu.offsetWidth;
  menu.style.left = Math.max(0, left) + 'px';
  button.setAttribute('aria-expanded', 'true');
  return false;
}
document.addEventListener('click', function (e) {
  var inside = e.target.closest && e.target.closest('.gear-wrap, .actions-popup, .actions-button');
  if (!inside) closeRowMenus();
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
  closeRowMenus();
  showNotice(what + ' is not available on this dashboard.');
  return false;
}
function notOnReplica(what) {
  closeRowMenus();
  showNotice(what + ' is not available on this replica.');
  return false;
}
function dialogContent() {
  return document.querySelector('#dialog .ui-dialog-content');
}
function openDialog(url) {
  closeMenus();
  closeRowMenus();
  closeDialog(false);
  ajax('GET', url, null, function (status, html) {
    if (status !== 200) { showNotice('The dialog could not be opened (HTTP ' + status + ').'); return; }
    closeDialog(false);
    var holder = document.createElement('div');
    holder.innerHTML = html;
    var dialog = holder.firstElementChild;
    // The dialog in steps (fault): its button bar arrives a moment after the fields.
    var later = document.body.getAttribute('data-dialog-in-steps') ? dialog.querySelector('.ui-dialog-buttonpane') : null;
    if (later) later.parentNode.removeChild(later);
    document.body.appendChild(dialog);
    var first = dialog.querySelector('input[type=text]');
    if (first) first.focus();
    if (later) setTimeout(function () { dialog.querySelector('.ui-dialog-content').appendChild(later); }, 150);
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
function sendDialogForm(button, url, formId, what) {
  var content = dialogContent();
  var form = document.getElementById(formId);
  if (!content || !form) return false;
  button.disabled = true;
  ajax('POST', url, formBody(form), function (status, html) {
    if (status === 200) { content.innerHTML = html; return; }
    button.disabled = false;
    showDialogError(content, what + ' could not be created (HTTP ' + status + ').');
  });
  return false;
}
function createCompany(button) {
  return sendDialogForm(button, '/Companies/Create', 'createCompanyForm', 'The company');
}
function createAccount(button) {
  return sendDialogForm(button, '/BackupAccounts/Create', 'createAccountForm', 'The backup account');
}
function clearForm(button) {
  var form = button.closest('form');
  if (form) form.reset();
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
function postForDialog(url, form, done) {
  var content = dialogContent();
  if (!content) return false;
  ajax('POST', url, form ? formBody(form) : '', function (status, text) {
    var answer = null;
    try { answer = JSON.parse(text); } catch (e) { answer = null; }
    if (!answer) answer = { success: false, message: 'Unexpected answer from the server (HTTP ' + status + ').' };
    if (!answer.success) { showDialogError(content, answer.message); return; }
    done(answer);
  });
  return false;
}
function changeCompanySize() {
  return postForDialog('/Companies/ChangeSize', document.getElementById('changeCompanySizeForm'), function () {
    closeDialog(true);
  });
}
function cancelCompany(id) {
  return postForDialog('/Companies/Cancel/' + id, null, function () { closeDialog(true); });
}
document.addEventListener('keydown', function (e) {
  if (e.key === 'Escape' && document.getElementById('dialog')) closeDialog(false);
});
(function () {
  var first = document.getElementById('UserName');
  if (first && !document.getElementById('dialog')) first.focus();
  var preopened = document.querySelectorAll('[data-open-on-load]');
  for (var i = 0; i < preopened.length; i++) toggleActions(preopened[i]);
})();
"#;
