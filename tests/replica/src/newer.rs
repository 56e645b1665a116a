//! The newer generation's HTML (Generation::Newer), after Infrascale's documentation: a top
//! bar with the session's name on the left, "Accounts" and "Endpoint Backup" menus, the
//! consolidated Companies and Backup Accounts grids with an Actions icon per row whose menu is
//! appended to the page body, and modal dialogs. Same data, routes and script as the seed's.

use std::fmt::Write;

use crate::grid::{paginate, GridQuery};
use crate::pages::{
    account_fields, body_attrs, company_options, error_list, esc, gb, notice_html, quota_line,
    stray_link, Chrome, CSS, SCRIPT,
};
use crate::state::{Account, AccountForm, Company, CreateForm, Data, PARTNER_NAME};
use crate::{CreateRefusal, Faults};

/// Fixed values for the grid columns the replica has no data for.
const GROUP_NAME: &str = "Default Group";
const POLICY_NAME: &str = "Default Policy";
const SIGNUP_DATE: &str = "01/15/2024";
const PRODUCTS: &str = "Endpoint Backup";

/// The vertical-ellipsis glyph of the Actions buttons.
const ACTIONS_GLYPH: &str = "&#8942;";

pub fn page(faults: &Faults, title: &str, chrome: &Chrome, body: &str) -> String {
    let session_name = match chrome {
        Chrome::LoggedOut => String::new(),
        Chrome::Partner => format!("<span class=\"session-name\">{}</span>", esc(PARTNER_NAME)),
        Chrome::Company(c) => format!("<span class=\"session-name\">{}</span>", esc(&c.name)),
    };
    let log_off = match chrome {
        Chrome::LoggedOut => "",
        _ => "<a href=\"/Account/LogOff\" class=\"logoff\">Log Off</a>",
    };
    let banner = match chrome {
        Chrome::Company(c) => format!(
            "<div class=\"session-banner\" role=\"note\">You are managing {} as its company administrator. \
             <a href=\"/Account/ResumeSession\">Click here to resume session as {}</a></div>\n",
            esc(&c.name),
            esc(PARTNER_NAME)
        ),
        _ => String::new(),
    };
    let menu = match chrome {
        Chrome::LoggedOut => "",
        Chrome::Partner => PARTNER_MENU,
        Chrome::Company(_) => COMPANY_MENU,
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title} | Infrascale Dashboard</title>\n<link rel=\"icon\" href=\"data:,\">\n\
         <style>{CSS}{NEWER_CSS}</style>\n</head>\n<body class=\"newer\"{attrs}>\n\
         <header class=\"topbar\"><div class=\"topbar-left\"><span class=\"brand\">Infrascale</span>{session_name}</div>\
         <div class=\"topbar-right\">{log_off}</div></header>\n\
         {menu}{banner}<div id=\"notice\" class=\"notice\" role=\"status\" hidden></div>\n\
         <main id=\"main\" class=\"content\">\n{body}\n</main>\n\
         <footer class=\"footer\">Infrascale Dashboard &middot; local replica for Allot</footer>\n\
         <script>{SCRIPT}</script>\n</body>\n</html>\n",
        title = esc(title),
        attrs = body_attrs(faults),
    )
}

const PARTNER_MENU: &str = "<nav class=\"navbar\"><ul id=\"menu\" class=\"nav\">\
<li><a href=\"/\">Home</a></li>\
<li class=\"dropdown\"><a href=\"#\" onclick=\"return toggleMenu(this);\">Accounts</a>\
<ul class=\"submenu\">\
<li><a href=\"/Companies\">Companies</a></li>\
<li><a href=\"/Partners\">Partners</a></li>\
<li><a href=\"/DashboardAccounts\">Dashboard Accounts</a></li>\
</ul></li>\
<li class=\"dropdown\"><a href=\"#\" onclick=\"return toggleMenu(this);\">Endpoint Backup</a>\
<ul class=\"submenu\">\
<li><a href=\"/BackupAccounts\">Backup Accounts</a></li>\
</ul></li>\
</ul></nav>\n";

const COMPANY_MENU: &str = "<nav class=\"navbar\"><ul id=\"menu\" class=\"nav\">\
<li><a href=\"/\">Home</a></li>\
<li class=\"dropdown\"><a href=\"#\" onclick=\"return toggleMenu(this);\">Endpoint Backup</a>\
<ul class=\"submenu\">\
<li><a href=\"/BackupAccounts\">Backup Accounts</a></li>\
</ul></li>\
</ul></nav>\n";

pub fn logon_page(user_name: &str, error: Option<&str>) -> String {
    let error = error
        .map(|e| error_list(&[e.to_string()]))
        .unwrap_or_default();
    let body = format!(
        "<h1>Log On</h1>\n{error}<form action=\"/Account/LogOn\" method=\"post\" class=\"card logon\">\n\
         <div class=\"form-row\"><label for=\"UserName\">User Name</label>\
         <input type=\"text\" id=\"UserName\" name=\"UserName\" autocomplete=\"username\" value=\"{}\"></div>\n\
         <div class=\"form-row\"><label for=\"Password\">Password</label>\
         <input type=\"password\" id=\"Password\" name=\"Password\" autocomplete=\"current-password\"></div>\n\
         <div class=\"form-buttons\"><button type=\"submit\" class=\"primary\">Log On</button></div>\n</form>",
        esc(user_name)
    );
    page(&Faults::default(), "Log On", &Chrome::LoggedOut, &body)
}

pub fn partner_home(data: &Data) -> String {
    let accounts: usize = data.companies.iter().map(|c| c.accounts.len()).sum();
    let body = format!(
        "<h1>Dashboard</h1>\n<div class=\"cards\">\
         <div class=\"card\"><div class=\"card-label\">Companies</div><div class=\"card-value\">{}</div></div>\
         <div class=\"card\"><div class=\"card-label\">Backup Accounts</div><div class=\"card-value\">{accounts}</div></div>\
         </div>",
        data.companies.len()
    );
    page(&data.faults, "Dashboard", &Chrome::Partner, &body)
}

pub fn company_home(data: &Data, company: &Company, query: &GridQuery) -> String {
    let body = format!(
        "<h1>Dashboard</h1>\n<p class=\"intro\">Company quota: {}. Allocated: {}.</p>\n{}{}",
        gb(company.quota_gb),
        gb(company.allocated_gb()),
        stray_link(&data.faults, company),
        account_grid(data, company_rows(company), query, true)
    );
    page(&data.faults, "Dashboard", &Chrome::Company(company), &body)
}

fn actions_button(menu_id: &str, open_on_load: bool) -> String {
    format!(
        "<td class=\"actions\"><button type=\"button\" class=\"actions-button\" title=\"Actions\" aria-label=\"Actions\" \
         aria-haspopup=\"menu\" aria-expanded=\"false\" data-menu=\"{menu_id}\"{} onclick=\"return toggleActions(this);\">{ACTIONS_GLYPH}</button></td>",
        if open_on_load { " data-open-on-load=\"1\"" } else { "" }
    )
}

fn menu_template(menu_id: &str, items: &str) -> String {
    format!("<template id=\"{menu_id}\">{items}</template>\n")
}

/// "5 GB (5%)": the admin account's size and its share of the company's quota.
fn allocated_space(company: &Company) -> String {
    let admin = company.admin_account().map(|a| a.size_gb).unwrap_or(0);
    let percent = (admin * 100 + company.quota_gb / 2)
        .checked_div(company.quota_gb)
        .unwrap_or(0);
    format!("{} ({percent}%)", gb(admin))
}

pub fn companies_page(data: &Data, query: &GridQuery, notice: Option<&str>) -> String {
    let paged = paginate(data.companies.iter().collect(), |c| &c.name, query);
    let mut rows = String::new();
    let mut templates = String::new();
    for (i, c) in paged.rows.iter().enumerate() {
        let menu_id = format!("actions-company-{}", c.id);
        let mut items = String::new();
        if c.managed {
            let _ = write!(
                items,
                "<a href=\"/Companies/LoginAsAdmin/{}\" role=\"menuitem\">Login as Company Admin</a>",
                c.id
            );
        }
        let _ = write!(
            items,
            "<a href=\"#\" role=\"menuitem\" onclick=\"return openDialog('/Companies/ChangeSizeDialog/{id}');\">Change Company Size</a>\
             <a href=\"#\" role=\"menuitem\" onclick=\"return openDialog('/Companies/CancelDialog/{id}');\">Cancel Company</a>",
            id = c.id
        );
        templates.push_str(&menu_template(&menu_id, &items));
        let _ = writeln!(
            rows,
            "<tr data-company-id=\"{id}\"><td class=\"company-name\">{name}</td><td>{full_name}</td>\
             <td><div class=\"admin-user\">{username}</div><div class=\"admin-email\">{email}</div></td>\
             <td class=\"company-size\"><a href=\"#\" class=\"size-link\" onclick=\"return openDialog('/Companies/ChangeSizeDialog/{id}');\">{size}</a></td>\
             <td class=\"allocated\">{allocated}</td><td>0 GB</td><td>SP v5: {sp}</td><td>{PRODUCTS}</td><td>{accounts}</td>{actions}</tr>",
            id = c.id,
            name = esc(&c.name),
            full_name = esc(&c.full_name),
            username = esc(&c.username),
            email = esc(&c.email),
            size = gb(c.quota_gb),
            allocated = allocated_space(c),
            sp = c.sp_licenses,
            accounts = c.accounts.len(),
            actions = actions_button(&menu_id, data.faults.menus_stay_open && i == 0),
        );
    }
    if rows.is_empty() {
        rows.push_str("<tr><td colspan=\"10\" class=\"empty\">No companies.</td></tr>\n");
    }
    let body = format!(
        "{notice}<div class=\"page-head\"><h1>Companies</h1>\
         <button type=\"button\" class=\"primary\" id=\"btnCreateCompany\" onclick=\"return openDialog('/Companies/CreatePrompt');\">Create Company</button></div>\n\
         {search}<table class=\"grid companies\">\n<thead><tr><th>Company Name</th><th>Admin Full Name</th>\
         <th>Admin User &amp; Email</th><th>Size (click to change)</th><th>Allocated Space</th><th>Used</th>\
         <th>Licenses</th><th>Products</th><th>Accounts</th><th>Actions</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n\
         {pager}{templates}",
        notice = notice_html(notice),
        search = paged.search_html(),
        pager = paged.pager_html(),
    );
    page(&data.faults, "Companies", &Chrome::Partner, &body)
}

fn company_rows(company: &Company) -> Vec<(&Company, &Account)> {
    company
        .listed_accounts()
        .into_iter()
        .map(|a| (company, a))
        .collect()
}

/// The consolidated backup accounts grid. `company_session`: the Actions menu offers "Change
/// Account Size" (the partner's does not).
fn account_grid(
    data: &Data,
    all: Vec<(&Company, &Account)>,
    query: &GridQuery,
    company_session: bool,
) -> String {
    let paged = paginate(all, |(_, a)| &a.name, query);
    let open_row = if data.faults.menus_stay_open {
        paged.rows.iter().find(|(_, a)| !a.admin).map(|(_, a)| a.id)
    } else {
        None
    };
    let mut rows = String::new();
    let mut templates = String::new();
    for (c, a) in &paged.rows {
        let menu_id = format!("actions-account-{}", a.id);
        let mut items = String::new();
        if company_session {
            let _ = write!(
                items,
                "<a href=\"#\" role=\"menuitem\" onclick=\"return openChangeSize({});\">Change Account Size</a>",
                a.id
            );
        }
        for other in [
            "Set Password",
            "Make Company Administrator",
            "Limit User's Rights",
        ] {
            let _ = write!(
                items,
                "<a href=\"#\" role=\"menuitem\" onclick=\"return notOnReplica(this.textContent);\">{}</a>",
                esc(other)
            );
        }
        templates.push_str(&menu_template(&menu_id, &items));
        let email = if a.admin { c.email.as_str() } else { "" };
        let _ = writeln!(
            rows,
            "<tr data-account-id=\"{id}\"><td class=\"account-name\">{name}</td><td>{company}</td><td>{GROUP_NAME}</td>\
             <td>{POLICY_NAME}</td><td class=\"account-size\">{size}</td><td>0 GB</td><td>{SIGNUP_DATE}</td><td>0</td>\
             <td>0</td><td>{email}</td><td></td><td>No</td>{actions}</tr>",
            id = a.id,
            name = esc(&a.name),
            company = esc(&c.name),
            size = gb(a.size_gb),
            email = esc(email),
            actions = actions_button(&menu_id, open_row == Some(a.id)),
        );
    }
    if rows.is_empty() {
        rows.push_str("<tr><td colspan=\"13\" class=\"empty\">No backup accounts.</td></tr>\n");
    }
    format!(
        "{search}<table class=\"grid accounts\">\n<thead><tr><th>Account Name</th><th>Company Name</th><th>Group Name</th>\
         <th>Policy Name</th><th>Size</th><th>Used Space</th><th>Signup Date</th><th>Alerts</th><th>Device</th>\
         <th>Email Address</th><th>Phone Number</th><th>Limited</th><th>Actions</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n\
         {pager}{templates}",
        search = paged.search_html(),
        pager = paged.pager_html(),
    )
}

/// The heading of Endpoint Backup > Backup Accounts, with its "Create Backup Account".
const ACCOUNTS_HEAD: &str = "<div class=\"page-head\"><h1>Backup Accounts</h1>\
<button type=\"button\" class=\"primary\" onclick=\"return openDialog('/BackupAccounts/CreateDialog');\">Create Backup Account</button></div>\n";

/// Endpoint Backup > Backup Accounts: every child company's accounts for the partner, the
/// company's own in a company session (under its quota line).
pub fn backup_accounts_page(data: &Data, company: Option<&Company>, query: &GridQuery) -> String {
    match company {
        Some(company) => {
            let body = format!(
                "{ACCOUNTS_HEAD}{}{}{}",
                quota_line(company),
                stray_link(&data.faults, company),
                account_grid(data, company_rows(company), query, true)
            );
            page(
                &data.faults,
                "Backup Accounts",
                &Chrome::Company(company),
                &body,
            )
        }
        None => {
            let all = data.companies.iter().flat_map(company_rows).collect();
            let body = format!("{ACCOUNTS_HEAD}{}", account_grid(data, all, query, false));
            page(&data.faults, "Backup Accounts", &Chrome::Partner, &body)
        }
    }
}

pub fn partners_page(data: &Data) -> String {
    let body = format!(
        "<h1>Partners</h1>\n<table class=\"grid\">\n<thead><tr><th>Partner Name</th><th>Companies</th></tr></thead>\n\
         <tbody>\n<tr><td>{}</td><td>{}</td></tr>\n</tbody>\n</table>",
        esc(PARTNER_NAME),
        data.companies.len()
    );
    page(&data.faults, "Partners", &Chrome::Partner, &body)
}

pub fn dashboard_accounts_page(data: &Data) -> String {
    let body = format!(
        "<h1>Dashboard Accounts</h1>\n<table class=\"grid\">\n<thead><tr><th>Name</th><th>Role</th></tr></thead>\n\
         <tbody>\n<tr><td>{}</td><td>Partner Administrator</td></tr>\n</tbody>\n</table>",
        esc(PARTNER_NAME)
    );
    page(&data.faults, "Dashboard Accounts", &Chrome::Partner, &body)
}

pub fn reports_page(data: &Data, company: &Company) -> String {
    let body = "<h1>Reports</h1>\n<p>No reports have been generated for this company yet.</p>";
    page(&data.faults, "Reports", &Chrome::Company(company), body)
}

/// A modal dialog (backdrop, header with title and close, body) as the AJAX calls insert it;
/// the script finds its content by `.ui-dialog-content`.
fn modal(title: &str, content: &str) -> String {
    format!(
        "<div id=\"dialog\" class=\"modal-backdrop\"><div class=\"modal\" role=\"dialog\" aria-modal=\"true\" aria-labelledby=\"dialogTitle\">\
         <div class=\"modal-header\"><h2 id=\"dialogTitle\" class=\"modal-title\">{}</h2>\
         <button type=\"button\" class=\"modal-close\" title=\"Close\" aria-label=\"Close\" onclick=\"return closeDialog(false);\">&times;</button></div>\
         <div class=\"modal-body ui-dialog-content\">{content}</div></div></div>",
        esc(title)
    )
}

pub fn create_prompt() -> String {
    modal(
        "Company Administrator",
        "<p class=\"prompt\">Create the company administrator's backup account now or later?</p>\n\
         <div class=\"modal-footer\">\
         <button type=\"button\" class=\"primary\" onclick=\"return openDialog('/Companies/CreateDialog?admin=now');\">Now</button> \
         <button type=\"button\" onclick=\"return openDialog('/Companies/CreateDialog?admin=later');\">Later</button></div>",
    )
}

pub fn create_dialog(faults: &Faults, admin_later: bool) -> String {
    modal(
        "Create Company",
        &create_form_content(
            &CreateForm::blank_newer(admin_later),
            &[],
            faults.create_refusal == CreateRefusal::Page,
        ),
    )
}

fn field(label: &str, id: &str, value: &str, kind: &str) -> String {
    let autocomplete = if kind == "password" {
        " autocomplete=\"new-password\""
    } else {
        ""
    };
    format!(
        "<div class=\"form-row\"><label for=\"{id}\">{label}</label>\
         <input type=\"{kind}\" id=\"{id}\" name=\"{id}\"{autocomplete} value=\"{}\"></div>\n",
        esc(value)
    )
}

/// The newer Create Company form; the admin fields only after "Now". `page_post`: Create
/// submits the form as a normal POST.
pub fn create_form_content(form: &CreateForm, errors: &[String], page_post: bool) -> String {
    let mut out = String::from(if page_post {
        "<form id=\"createCompanyForm\" class=\"create-company\" action=\"/Companies/Create\" method=\"post\">\n"
    } else {
        "<form id=\"createCompanyForm\" class=\"create-company\" action=\"/Companies/Create\" method=\"post\" onsubmit=\"return false;\">\n"
    });
    let _ = writeln!(
        out,
        "<input type=\"hidden\" name=\"AdminAccount\" value=\"{}\">",
        if form.admin_later { "later" } else { "now" }
    );
    if !errors.is_empty() {
        out.push_str(&error_list(errors));
    }
    out.push_str(&field(
        "Company Name",
        "CompanyName",
        &form.company_name,
        "text",
    ));
    out.push_str(&field("Quota in GB", "QuotaGB", &form.quota_gb, "text"));
    out.push_str(&field(
        "SP v5 Licenses",
        "SpLicenses",
        &form.sp_licenses,
        "text",
    ));
    let _ = writeln!(
        out,
        "<div class=\"form-row checkbox\"><input type=\"checkbox\" id=\"IsManaged\" name=\"IsManaged\" value=\"true\"{}>\
         <label for=\"IsManaged\">Is Managed</label></div>",
        if form.managed { " checked" } else { "" }
    );
    if !form.admin_later {
        for (label, id, value, kind) in account_fields(
            "Username",
            &form.full_name,
            &form.email,
            &form.username,
            &form.password,
            &form.confirm_password,
        ) {
            out.push_str(&field(label, id, value, kind));
        }
    }
    out.push_str("<div class=\"modal-footer\">");
    out.push_str(if page_post {
        "<button type=\"submit\" id=\"btnCreate\" class=\"primary\">Create</button> "
    } else {
        "<button type=\"button\" id=\"btnCreate\" class=\"primary\" onclick=\"return createCompany(this);\">Create</button> "
    });
    out.push_str(
        "<button type=\"button\" onclick=\"return closeDialog(false);\">Cancel</button></div>\n</form>",
    );
    out
}

/// `create_refusal: Page`: the full page a refused Create answers.
pub fn create_refused_page(data: &Data, errors: &[String]) -> String {
    let body = format!(
        "<h1>Create Company</h1>\n<p>The company was not created.</p>\n{}\
         <p><a href=\"/Companies\">Companies</a></p>",
        error_list(errors)
    );
    page(&data.faults, "Create Company", &Chrome::Partner, &body)
}

pub fn change_size_dialog(account: &Account) -> String {
    let content = format!(
        "<form id=\"changeSizeForm\" action=\"/BackupAccounts/ChangeSize\" method=\"post\" \
         onsubmit=\"return changeSize(document.getElementById('btnChangeSizeSave'));\">\n\
         <input type=\"hidden\" name=\"AccountId\" value=\"{id}\">\n\
         <p class=\"account-line\">Account: {name}</p>\n\
         <div class=\"form-row\"><label for=\"AccountSizeInGB\">Account Size In GB</label>\
         <input type=\"text\" id=\"AccountSizeInGB\" name=\"AccountSizeInGB\" value=\"{size}\"></div>\n\
         <div class=\"modal-footer\">\
         <button type=\"button\" id=\"btnChangeSizeSave\" class=\"primary\" onclick=\"return changeSize(this);\">Save</button> \
         <button type=\"button\" onclick=\"return closeDialog(false);\">Cancel</button></div>\n</form>",
        id = account.id,
        name = esc(&account.name),
        size = account.size_gb
    );
    modal("Change Account Size", &content)
}

pub fn change_company_size_dialog(company: &Company) -> String {
    let content = format!(
        "<form id=\"changeCompanySizeForm\" action=\"/Companies/ChangeSize\" method=\"post\" \
         onsubmit=\"return changeCompanySize();\">\n\
         <input type=\"hidden\" name=\"CompanyId\" value=\"{id}\">\n\
         <p class=\"company-line\">Company: {name}</p>\n\
         <p class=\"company-line\">Allocated to its backup accounts: {allocated}</p>\n\
         <div class=\"form-row\"><label for=\"QuotaGB\">Quota in GB</label>\
         <input type=\"text\" id=\"QuotaGB\" name=\"QuotaGB\" value=\"{quota}\"></div>\n\
         <div class=\"modal-footer\">\
         <button type=\"button\" class=\"primary\" onclick=\"return changeCompanySize();\">Save</button> \
         <button type=\"button\" onclick=\"return closeDialog(false);\">Cancel</button></div>\n</form>",
        id = company.id,
        name = esc(&company.name),
        allocated = gb(company.allocated_gb()),
        quota = company.quota_gb
    );
    modal("Change Company Size", &content)
}

pub fn create_account_dialog(companies: &[&Company]) -> String {
    modal(
        "Create Backup Account",
        &create_account_content(companies, &AccountForm::default(), &[]),
    )
}

fn checkbox(label: &str, id: &str, checked: bool) -> String {
    format!(
        "<div class=\"form-row checkbox\"><input type=\"checkbox\" id=\"{id}\" name=\"{id}\" value=\"true\"{}>\
         <label for=\"{id}\">{label}</label></div>\n",
        if checked { " checked" } else { "" }
    )
}

/// The newer "Create Backup Account" form, as documented: Company/Reseller, the account's
/// fields and size, four options, Create and Clear.
pub fn create_account_content(
    companies: &[&Company],
    form: &AccountForm,
    errors: &[String],
) -> String {
    let mut out = String::from(
        "<form id=\"createAccountForm\" class=\"create-account\" action=\"/BackupAccounts/Create\" method=\"post\" onsubmit=\"return false;\">\n",
    );
    if !errors.is_empty() {
        out.push_str(&error_list(errors));
    }
    let _ = writeln!(
        out,
        "<div class=\"form-row\"><label for=\"CompanyId\">Company/Reseller</label>\
         <select id=\"CompanyId\" name=\"CompanyId\">{}</select></div>",
        company_options(companies, &form.company_id)
    );
    for (label, id, value, kind) in form.fields() {
        out.push_str(&field(label, id, value, kind));
    }
    out.push_str(&checkbox(
        "Assign ShadowProtect v5 license",
        "AssignSpLicense",
        false,
    ));
    out.push_str(&checkbox("Limited rights", "LimitedRights", false));
    out.push_str(&checkbox("Is UltraSafe", "IsUltraSafe", form.ultrasafe));
    out.push_str(&checkbox(
        "Do not send Welcome Email",
        "NoWelcomeEmail",
        false,
    ));
    out.push_str(
        "<div class=\"modal-footer\">\
         <button type=\"button\" class=\"primary\" onclick=\"return createAccount(this);\">Create</button> \
         <button type=\"button\" onclick=\"return clearForm(this);\">Clear</button></div>\n</form>",
    );
    out
}

pub fn cancel_company_dialog(company: &Company) -> String {
    let content = format!(
        "<p class=\"confirm\">Cancel company {}?</p>\n<div class=\"modal-footer\">\
         <button type=\"button\" class=\"primary\" onclick=\"return cancelCompany({});\">OK</button> \
         <button type=\"button\" onclick=\"return closeDialog(false);\">Cancel</button></div>",
        esc(&company.name),
        company.id
    );
    modal("Cancel Company", &content)
}

pub(crate) const NEWER_CSS: &str = r#"
body.newer { background: #f3f5f8; font: 14px/1.45 "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
.topbar { display: flex; justify-content: space-between; align-items: center; gap: 16px; background: #0b2e4f; color: #fff; padding: 8px 20px; }
.topbar-left { display: flex; align-items: baseline; gap: 14px; flex: 1 1 auto; min-width: 0; }
.brand { font-size: 20px; font-weight: 600; letter-spacing: .3px; flex: 0 0 auto; }
.session-name { font-size: 14px; opacity: .9; overflow-wrap: anywhere; min-width: 0; }
.topbar-right { flex: 0 0 auto; }
.topbar-right a { color: #cfe3ff; }
.navbar { background: #134a7c; }
.nav { list-style: none; margin: 0; padding: 0 12px; display: flex; position: relative; z-index: 10; }
.nav li { position: relative; list-style: none; }
.nav a { display: block; padding: 9px 16px; color: #fff; text-decoration: none; white-space: nowrap; }
.nav a:hover { background: #1d5e98; }
.nav .submenu { display: none; position: absolute; left: 0; top: 100%; min-width: 200px; margin: 0; padding: 4px 0; background: #fff; box-shadow: 0 4px 10px rgba(0,0,0,.2); }
.nav .submenu a { color: #134a7c; }
.nav .submenu a:hover { background: #eef3f9; }
.nav li.open > .submenu { display: block; }
.session-banner { background: #fff7d6; border-bottom: 1px solid #e8d48a; padding: 6px 20px; font-size: 13px; overflow-wrap: anywhere; }
.content { padding: 16px 24px 30px; }
.content h1 { font-size: 22px; font-weight: 600; color: #0b2e4f; margin: 4px 0 12px; }
.page-head { display: flex; justify-content: space-between; align-items: center; }
.cards { display: flex; gap: 16px; }
.card { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: 12px 16px; }
.card-value { font-size: 22px; font-weight: 600; }
button { padding: 5px 14px; border: 1px solid #9aa9b8; border-radius: 4px; background: #fff; cursor: pointer; }
button.primary { background: #1668b8; border-color: #1668b8; color: #fff; }
.actions-button { border: none; background: transparent; font-size: 18px; padding: 2px 8px; }
.actions-popup { z-index: 50; min-width: 210px; background: #fff; border: 1px solid #c3ccd6; border-radius: 4px; box-shadow: 0 4px 12px rgba(0,0,0,.2); padding: 4px 0; }
.actions-popup a { display: block; padding: 6px 14px; color: #134a7c; text-decoration: none; white-space: nowrap; }
.actions-popup a:hover { background: #eef3f9; }
.modal-backdrop { position: fixed; inset: 0; background: rgba(10,20,40,.45); z-index: 100; display: flex; align-items: flex-start; justify-content: center; overflow: auto; }
.modal { margin-top: 60px; background: #fff; border-radius: 6px; box-shadow: 0 8px 24px rgba(0,0,0,.35); min-width: 420px; max-width: 640px; }
.modal-header { display: flex; justify-content: space-between; align-items: center; padding: 10px 16px; border-bottom: 1px solid #e3e8ee; }
.modal-title { margin: 0; font-size: 17px; }
.modal-close { border: none; background: transparent; font-size: 20px; padding: 0 4px; }
.modal-body { padding: 12px 16px; }
.modal-footer { display: flex; justify-content: flex-end; gap: 8px; border-top: 1px solid #e3e8ee; margin-top: 12px; padding-top: 10px; }
.form-row { display: flex; align-items: center; gap: 10px; margin: 6px 0; }
.form-row label { width: 150px; text-align: right; }
.form-row.checkbox label { width: auto; }
.form-row.checkbox { padding-left: 160px; }
.logon { max-width: 420px; }
.form-buttons { margin-top: 10px; padding-left: 160px; }
"#;
