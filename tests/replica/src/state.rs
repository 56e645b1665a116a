//! The dashboard's data (companies, backup accounts, counters, change log, faults, generation),
//! the sessions, and the server-side checks of the forms that change data.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use crate::{AccountSnap, CompanySnap, Faults, Generation, SizeChange, StateSnapshot};

/// The partner everyone logs in as.
pub const PARTNER_NAME: &str = "Pax8 Demo Partner";

/// Every backup account, the admin one included, is made at this size.
pub const NEW_ACCOUNT_GB: u64 = 5;

/// The longest company name Create accepts, in characters (any script).
pub const MAX_COMPANY_NAME_CHARS: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Partner,
    CompanyAdmin(u32),
}

pub struct Inner {
    pub data: Data,
    sessions: HashMap<String, Mode>,
    /// A notice to show once on the session's next companies page (after a page-mode Create).
    flash: HashMap<String, String>,
    session_seq: u64,
    session_keys: RandomState,
}

impl Inner {
    pub fn new() -> Self {
        Inner {
            data: Data::initial(),
            sessions: HashMap::new(),
            flash: HashMap::new(),
            session_seq: 0,
            session_keys: RandomState::new(),
        }
    }

    /// The mode of a session as it stands now: a company-admin session whose company no
    /// longer exists (after a reset) acts as the partner's.
    pub fn mode(&self, session: Option<&str>) -> Option<Mode> {
        match self.sessions.get(session?)? {
            Mode::CompanyAdmin(id) if self.data.company(*id).is_none() => Some(Mode::Partner),
            mode => Some(*mode),
        }
    }

    /// Puts `mode` in the given session, or in a new one; returns the session id to set in
    /// the cookie.
    pub fn set_mode(&mut self, session: Option<&str>, mode: Mode) -> String {
        let id = match session {
            Some(id) if self.sessions.contains_key(id) => id.to_string(),
            _ => self.new_session_id(),
        };
        self.sessions.insert(id.clone(), mode);
        id
    }

    pub fn log_off(&mut self, session: Option<&str>) {
        if let Some(id) = session {
            self.sessions.remove(id);
            self.flash.remove(id);
        }
    }

    /// Keeps `notice` for the session's next companies page.
    pub fn set_flash(&mut self, session: &str, notice: String) {
        self.flash.insert(session.to_string(), notice);
    }

    /// The notice kept for the session, once.
    pub fn take_flash(&mut self, session: Option<&str>) -> Option<String> {
        self.flash.remove(session?)
    }

    fn new_session_id(&mut self) -> String {
        self.session_seq += 1;
        let mut id = String::new();
        for part in 0..2u64 {
            let mut hasher = self.session_keys.build_hasher();
            hasher.write_u64(self.session_seq);
            hasher.write_u64(part);
            id.push_str(&format!("{:016x}", hasher.finish()));
        }
        id
    }
}

pub struct Company {
    pub id: u32,
    pub name: String,
    pub quota_gb: u64,
    pub username: String,
    pub email: String,
    pub full_name: String,
    pub ultrasafe: bool,
    pub endguard: bool,
    pub egr_licenses: u32,
    pub sp_licenses: u32,
    /// Only a managed company offers "Login as Company Admin".
    pub managed: bool,
    /// The admin account (made at Create, unless "Later") comes first.
    pub accounts: Vec<Account>,
}

impl Company {
    pub fn allocated_gb(&self) -> u64 {
        self.accounts.iter().map(|a| a.size_gb).sum()
    }

    /// The company admin's backup account, if it has one.
    pub fn admin_account(&self) -> Option<&Account> {
        self.accounts.iter().find(|a| a.admin)
    }

    /// The accounts in the order the grids list them: those marked `list_first`, then the
    /// rest, each in the order they were added.
    pub fn listed_accounts(&self) -> Vec<&Account> {
        let mut listed: Vec<&Account> = self.accounts.iter().collect();
        listed.sort_by_key(|a| !a.list_first);
        listed
    }

    /// The most recently added account that is not the admin's.
    pub fn newest_other_account(&self) -> Option<&Account> {
        self.accounts
            .iter()
            .filter(|a| !a.admin)
            .max_by_key(|a| a.id)
    }
}

pub struct Account {
    pub id: u32,
    pub name: String,
    pub size_gb: u64,
    pub ultrasafe: bool,
    /// The company admin's account.
    pub admin: bool,
    /// Listed before the others (the `extra_account` fault's account).
    pub list_first: bool,
}

pub struct Data {
    pub companies: Vec<Company>,
    pub create_posts: u32,
    pub change_size_posts: u32,
    pub create_account_posts: u32,
    pub change_company_size_posts: u32,
    pub changes: Vec<SizeChange>,
    pub faults: Faults,
    pub generation: Generation,
    /// Usernames of cancelled companies: never given out again.
    retired_usernames: Vec<String>,
    next_company_id: u32,
    next_account_id: u32,
}

impl Data {
    /// Two companies already under the partner, so that lists are not empty, a username is
    /// taken from the start, and "the first other company" exists for the wrong-company fault.
    pub fn initial() -> Self {
        let mut data = Data {
            companies: Vec::new(),
            create_posts: 0,
            change_size_posts: 0,
            create_account_posts: 0,
            change_company_size_posts: 0,
            changes: Vec::new(),
            faults: Faults::default(),
            generation: Generation::Seed,
            retired_usernames: Vec::new(),
            next_company_id: 1,
            next_account_id: 1,
        };
        let acme = data.add_company(NewCompany {
            name: "Acme Dental".into(),
            quota_gb: 100,
            username: "AcmeDental".into(),
            email: "it@acmedental.example.com".into(),
            full_name: "Dana Acme".into(),
            ultrasafe: false,
            endguard: false,
            egr_licenses: 0,
            sp_licenses: 0,
            managed: true,
            admin_account: true,
        });
        data.set_size(acme, 50);
        data.add_account(acme, "acme-frontdesk", 25, false, false);
        let law = data.add_company(NewCompany {
            name: "Blue River Law".into(),
            quota_gb: 200,
            username: "BlueRiverLaw".into(),
            email: "admin@blueriverlaw.example.com".into(),
            full_name: "Sam River".into(),
            ultrasafe: true,
            endguard: true,
            egr_licenses: 2,
            sp_licenses: 1,
            managed: true,
            admin_account: true,
        });
        data.set_size(law, 100);
        data
    }

    pub fn snapshot(&self) -> StateSnapshot {
        StateSnapshot {
            create_posts: self.create_posts,
            change_size_posts: self.change_size_posts,
            companies: self
                .companies
                .iter()
                .map(|c| CompanySnap {
                    id: c.id,
                    name: c.name.clone(),
                    quota_gb: c.quota_gb,
                    username: c.username.clone(),
                    email: c.email.clone(),
                    ultrasafe: c.ultrasafe,
                    accounts: c
                        .accounts
                        .iter()
                        .map(|a| AccountSnap {
                            name: a.name.clone(),
                            size_gb: a.size_gb,
                        })
                        .collect(),
                    full_name: c.full_name.clone(),
                    egr_licenses: c.egr_licenses,
                    sp_licenses: c.sp_licenses,
                    endguard: c.endguard,
                    managed: c.managed,
                })
                .collect(),
            changes: self.changes.clone(),
            create_account_posts: self.create_account_posts,
            change_company_size_posts: self.change_company_size_posts,
        }
    }

    /// Switches faults, and adds the filler companies `filler_companies` asks for that are
    /// not there yet.
    pub fn set_faults(&mut self, faults: Faults) {
        let fillers = faults.filler_companies;
        self.faults = faults;
        for n in 1..=fillers {
            let username = format!("filler{n:03}");
            if self.companies.iter().any(|c| c.username == username) {
                continue;
            }
            let id = self.add_company_unchecked(NewCompany {
                name: format!("Filler Company {n:03}"),
                quota_gb: 100,
                username: username.clone(),
                email: format!("{username}@filler.example.com"),
                full_name: format!("Filler Admin {n:03}"),
                ultrasafe: false,
                endguard: false,
                egr_licenses: 0,
                sp_licenses: 0,
                managed: true,
                admin_account: true,
            });
            // Before the other companies, after the fillers numbered below it.
            let at = self
                .companies
                .iter()
                .take_while(|c| is_filler_below(&c.username, n))
                .count();
            if let Some(pos) = self.companies.iter().position(|c| c.id == id) {
                let company = self.companies.remove(pos);
                self.companies.insert(at, company);
            }
        }
    }

    pub fn company(&self, id: u32) -> Option<&Company> {
        self.companies.iter().find(|c| c.id == id)
    }

    /// The company id to open for "Login as Company Admin" on `id`, faults included.
    pub fn login_target(&self, id: u32) -> Result<u32, LoginRefusal> {
        let company = self.company(id).ok_or(LoginRefusal::NotFound)?;
        if !company.managed {
            return Err(LoginRefusal::Unmanaged);
        }
        if self.faults.login_as_wrong_company {
            if let Some(other) = self.companies.iter().find(|c| c.id != id) {
                return Ok(other.id);
            }
        }
        Ok(id)
    }

    /// Whether a username is taken: by any company admin or any backup account, compared
    /// case-insensitively (usernames are never recycled).
    pub fn username_taken(&self, username: &str) -> bool {
        let wanted = username.to_lowercase();
        if self
            .retired_usernames
            .iter()
            .any(|u| u.to_lowercase() == wanted)
        {
            return true;
        }
        self.companies.iter().any(|c| {
            c.username.to_lowercase() == wanted
                || c.accounts.iter().any(|a| a.name.to_lowercase() == wanted)
        })
    }

    /// Adds a company created through Create, at the end of the list, with what the faults
    /// say (`extra_account`, `unmanaged_new_companies`). Returns the new company's id.
    pub fn add_company(&mut self, mut new: NewCompany) -> u32 {
        if self.faults.unmanaged_new_companies {
            new.managed = false;
        }
        let username = new.username.clone();
        let extra = self.faults.extra_account && new.admin_account;
        let id = self.add_company_unchecked(new);
        if extra {
            self.add_account(
                id,
                &format!("{username}.frontdesk"),
                NEW_ACCOUNT_GB,
                false,
                true,
            );
        }
        id
    }

    /// Adds the company with its admin backup account (unless `admin_account` is off), named
    /// after the username, at 5 GB whatever the quota (as the real dashboard does).
    fn add_company_unchecked(&mut self, new: NewCompany) -> u32 {
        let id = self.next_company_id;
        self.next_company_id += 1;
        self.companies.push(Company {
            id,
            name: new.name,
            quota_gb: new.quota_gb,
            username: new.username.clone(),
            email: new.email,
            full_name: new.full_name,
            ultrasafe: new.ultrasafe,
            endguard: new.endguard,
            egr_licenses: new.egr_licenses,
            sp_licenses: new.sp_licenses,
            managed: new.managed,
            accounts: Vec::new(),
        });
        if new.admin_account {
            self.add_account(id, &new.username, NEW_ACCOUNT_GB, new.ultrasafe, false);
            if let Some(a) = self
                .companies
                .last_mut()
                .and_then(|c| c.accounts.first_mut())
            {
                a.admin = true;
            }
        }
        id
    }

    /// Removes the company ("Cancel Company"); its usernames are never given out again.
    pub fn cancel_company(&mut self, id: u32) -> Option<String> {
        let pos = self.companies.iter().position(|c| c.id == id)?;
        let company = self.companies.remove(pos);
        if !company.username.is_empty() {
            self.retired_usernames.push(company.username.clone());
        }
        for a in &company.accounts {
            self.retired_usernames.push(a.name.clone());
        }
        Some(company.name)
    }

    fn add_account(
        &mut self,
        company: u32,
        name: &str,
        size_gb: u64,
        ultrasafe: bool,
        list_first: bool,
    ) {
        let id = self.next_account_id;
        self.next_account_id += 1;
        if let Some(c) = self.companies.iter_mut().find(|c| c.id == company) {
            c.accounts.push(Account {
                id,
                name: name.to_string(),
                size_gb,
                ultrasafe,
                admin: false,
                list_first,
            });
        }
    }

    /// "Create Backup Account": adds the account the form describes to its company.
    pub fn create_account(&mut self, new: &NewAccount) {
        self.add_account(new.company, &new.name, new.size_gb, new.ultrasafe, false);
    }

    /// Sets the size of a company's first (admin) account; for the initial data.
    fn set_size(&mut self, company: u32, size_gb: u64) {
        if let Some(a) = self
            .companies
            .iter_mut()
            .find(|c| c.id == company)
            .and_then(|c| c.accounts.first_mut())
        {
            a.size_gb = size_gb;
        }
    }

    /// "Change Account Size" for an account of `company`: the new size, or the message the
    /// dashboard refuses it with.
    pub fn change_size(&mut self, company: u32, account: u32, size: &str) -> Result<u64, String> {
        if let Some(message) = &self.faults.refuse_change_size {
            return Err(message.clone());
        }
        let c = self
            .companies
            .iter_mut()
            .find(|c| c.id == company)
            .ok_or_else(|| "Backup account not found.".to_string())?;
        let quota = c.quota_gb;
        let company_name = c.name.clone();
        let a = c
            .accounts
            .iter_mut()
            .find(|a| a.id == account)
            .ok_or_else(|| "Backup account not found.".to_string())?;
        let size_gb: u64 = size
            .trim()
            .parse()
            .map_err(|_| "Account size must be a whole number of GB.".to_string())?;
        if size_gb < NEW_ACCOUNT_GB {
            return Err(format!(
                "Account size can't be less than {NEW_ACCOUNT_GB} GB."
            ));
        }
        if size_gb > quota {
            return Err(format!(
                "Account size can't be more than the company quota of {quota} GB."
            ));
        }
        let from_gb = a.size_gb;
        a.size_gb = size_gb;
        let account_name = a.name.clone();
        self.changes.push(SizeChange {
            company: company_name,
            account: account_name,
            from_gb,
            to_gb: size_gb,
        });
        Ok(size_gb)
    }

    /// "Change Company Size" (newer generation): the new quota, or the message the dashboard
    /// refuses it with.
    pub fn change_company_size(&mut self, company: u32, quota: &str) -> Result<u64, String> {
        let c = self
            .companies
            .iter_mut()
            .find(|c| c.id == company)
            .ok_or_else(|| "Company not found.".to_string())?;
        let quota_gb: u64 = quota
            .trim()
            .parse()
            .map_err(|_| "The field Quota in GB must be a whole number.".to_string())?;
        if !is_quota_tier(quota_gb) {
            return Err(QUOTA_TIER_MESSAGE_NEWER.to_string());
        }
        let allocated = c.allocated_gb();
        if quota_gb < allocated {
            return Err(format!(
                "Quota in GB can't be less than the {allocated} GB the company's backup accounts use."
            ));
        }
        let from_gb = c.quota_gb;
        c.quota_gb = quota_gb;
        self.changes.push(SizeChange {
            company: c.name.clone(),
            account: String::new(),
            from_gb,
            to_gb: quota_gb,
        });
        Ok(quota_gb)
    }
}

/// Why "Login as Company Admin" is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginRefusal {
    NotFound,
    Unmanaged,
}

/// Whether `username` is `fillerNNN` with NNN below `n`.
fn is_filler_below(username: &str, n: u32) -> bool {
    username
        .strip_prefix("filler")
        .and_then(|rest| rest.parse::<u32>().ok())
        .is_some_and(|k| k < n)
}

const QUOTA_TIER_MESSAGE_NEWER: &str =
    "Quota in GB must be 5, 10, 25 or 50 GB, or a multiple of 50 GB from 100 GB.";

pub struct NewCompany {
    pub name: String,
    pub quota_gb: u64,
    pub username: String,
    pub email: String,
    pub full_name: String,
    pub ultrasafe: bool,
    pub endguard: bool,
    pub egr_licenses: u32,
    pub sp_licenses: u32,
    pub managed: bool,
    /// Whether to make the admin backup account now (the newer dashboard's "Later" does not).
    pub admin_account: bool,
}

/// The "Create Company With Admin Backup Account" form (seed) or the "Create Company" form
/// (newer, recognised by its `AdminAccount` field: `now` or `later`) as posted (field names as
/// the page sends them). The passwords and the secret answer live only as long as the request.
#[derive(Clone, Debug, Default)]
pub struct CreateForm {
    /// The newer dashboard's form: no EGR licences, EndGuard, UltraSafe nor secret question;
    /// "Is Managed"; the admin account now or later.
    pub newer: bool,
    /// Newer form after "Later": no admin account, so no admin fields.
    pub admin_later: bool,
    pub managed: bool,
    pub company_name: String,
    pub quota_gb: String,
    pub egr_licenses: String,
    pub sp_licenses: String,
    pub endguard: bool,
    pub full_name: String,
    pub email: String,
    pub username: String,
    pub password: String,
    pub confirm_password: String,
    pub ultrasafe: bool,
    pub secret_question: String,
    pub secret_answer: String,
}

impl CreateForm {
    /// The form as it first appears: licences at 0, everything else empty.
    pub fn blank() -> Self {
        CreateForm {
            egr_licenses: "0".into(),
            sp_licenses: "0".into(),
            managed: true,
            ..Default::default()
        }
    }

    /// The newer dashboard's form as it first appears, after "Now" or "Later".
    pub fn blank_newer(admin_later: bool) -> Self {
        CreateForm {
            newer: true,
            admin_later,
            ..Self::blank()
        }
    }

    pub fn from_fields(fields: &HashMap<String, String>) -> Self {
        let text = |name: &str| fields.get(name).cloned().unwrap_or_default();
        let checked = |name: &str| {
            fields
                .get(name)
                .map(|v| {
                    let v = v.trim().to_ascii_lowercase();
                    v == "true" || v == "on" || v == "1"
                })
                .unwrap_or(false)
        };
        let admin = fields
            .get("AdminAccount")
            .map(|v| v.trim().to_ascii_lowercase());
        let newer = admin.is_some();
        CreateForm {
            newer,
            admin_later: admin.as_deref() == Some("later"),
            managed: !newer || checked("IsManaged"),
            company_name: text("CompanyName"),
            quota_gb: text("QuotaGB"),
            egr_licenses: text("EgrLicenses"),
            sp_licenses: text("SpLicenses"),
            endguard: checked("EnableEndGuard"),
            full_name: text("FullName"),
            email: text("Email"),
            username: text("UserName"),
            password: text("Password"),
            confirm_password: text("ConfirmPassword"),
            ultrasafe: checked("IsUltraSafe"),
            secret_question: text("SecretQuestion"),
            secret_answer: text("SecretAnswer"),
        }
    }

    /// The form to show again after a refusal: what was entered, less the two passwords.
    pub fn without_passwords(&self) -> Self {
        CreateForm {
            password: String::new(),
            confirm_password: String::new(),
            ..self.clone()
        }
    }

    /// The server's checks, in the form's order: the company to add, or one message per
    /// problem.
    pub fn validate(&self, data: &Data) -> Result<NewCompany, Vec<String>> {
        let mut errors = Vec::new();
        let required = |errors: &mut Vec<String>, value: &str, label: &str| {
            if value.trim().is_empty() {
                errors.push(format!("The {label} field is required."));
            }
        };
        required(&mut errors, &self.company_name, "Company Name");
        if self.company_name.trim().chars().count() > MAX_COMPANY_NAME_CHARS {
            errors.push(format!(
                "Company Name can't be longer than {MAX_COMPANY_NAME_CHARS} characters."
            ));
        }
        let quota_label = if self.newer {
            "Quota in GB"
        } else {
            "Quota In GB"
        };
        let quota = match self.quota_gb.trim() {
            "" => {
                errors.push(format!("The {quota_label} field is required."));
                None
            }
            q => match q.parse::<u64>() {
                Ok(q) if is_quota_tier(q) => Some(q),
                Ok(_) if self.newer => {
                    errors.push(QUOTA_TIER_MESSAGE_NEWER.into());
                    None
                }
                Ok(_) => {
                    errors.push(
                        "Quota In GB must be 5, 10, 25 or 50 GB, or a multiple of 100 GB.".into(),
                    );
                    None
                }
                Err(_) => {
                    errors.push(format!("The field {quota_label} must be a whole number."));
                    None
                }
            },
        };
        let mut licences = |value: &str, label: &str| match value.trim() {
            "" => {
                errors.push(format!("The {label} field is required."));
                0
            }
            v => v.parse::<u32>().unwrap_or_else(|_| {
                errors.push(format!("The field {label} must be a whole number."));
                0
            }),
        };
        let egr_licenses = if self.newer {
            0
        } else {
            licences(&self.egr_licenses, "EGR Licenses")
        };
        let sp_licenses = licences(&self.sp_licenses, "SP v5 Licenses");
        let admin_account = !self.admin_later;
        let username = if admin_account {
            self.username.trim()
        } else {
            ""
        };
        if admin_account {
            required(&mut errors, &self.full_name, "Full Name");
            required(&mut errors, &self.email, "Email");
            check_username(&mut errors, data, username, false);
            check_passwords(&mut errors, &self.password, &self.confirm_password);
        }
        let text_if_admin = |value: &str| {
            if admin_account {
                value.trim().to_string()
            } else {
                String::new()
            }
        };
        match quota {
            Some(quota_gb) if errors.is_empty() => Ok(NewCompany {
                name: self.company_name.trim().to_string(),
                quota_gb,
                username: username.to_string(),
                email: text_if_admin(&self.email),
                full_name: text_if_admin(&self.full_name),
                ultrasafe: self.ultrasafe && !self.newer,
                endguard: self.endguard && !self.newer,
                egr_licenses,
                sp_licenses,
                managed: self.managed,
                admin_account,
            }),
            _ => Err(errors),
        }
    }
}

/// 5, 10, 25 and 50 GB; from 100 GB up, steps of 100 GB, and the 50 GB steps (150, 250...)
/// that Pax8 enables on request.
pub fn is_quota_tier(gb: u64) -> bool {
    matches!(gb, 5 | 10 | 25 | 50) || (gb >= 100 && gb % 50 == 0)
}

/// A backup account "Create Backup Account" is about to add.
pub struct NewAccount {
    pub company: u32,
    pub name: String,
    pub size_gb: u64,
    pub ultrasafe: bool,
}

/// The "Create Backup Account" form as posted (both generations; the newer one's extra
/// options are accepted and not kept). The passwords live only as long as the request.
#[derive(Clone, Debug, Default)]
pub struct AccountForm {
    pub company_id: String,
    pub full_name: String,
    pub email: String,
    pub username: String,
    pub password: String,
    pub confirm_password: String,
    pub size_gb: String,
    pub ultrasafe: bool,
}

/// Username: required, free (never used before, in any case) and, where `syntax`, of the
/// dashboard's syntax (Create Backup Account checks it; Create Company does not).
fn check_username(errors: &mut Vec<String>, data: &Data, username: &str, syntax: bool) {
    if username.is_empty() {
        errors.push("The Username field is required.".into());
    } else if syntax && !username_syntax_ok(username) {
        errors.push("Username must be 3 to 50 letters, digits and the characters @ . _ -".into());
    } else if data.username_taken(username) {
        errors.push(format!(
            "The username {username} is already taken. Choose another username."
        ));
    }
}

/// Password required, and Confirm Password the same.
fn check_passwords(errors: &mut Vec<String>, password: &str, confirm: &str) {
    if password.is_empty() {
        errors.push("The Password field is required.".into());
    } else if password != confirm {
        errors.push("The password and confirmation password do not match.".into());
    }
}

/// A username the dashboard accepts: 3 to 50 letters, digits and `@ . _ -`.
fn username_syntax_ok(username: &str) -> bool {
    (3..=50).contains(&username.chars().count())
        && username
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '.' | '_' | '-'))
}

impl AccountForm {
    pub fn from_fields(fields: &HashMap<String, String>) -> Self {
        let text = |name: &str| fields.get(name).cloned().unwrap_or_default();
        AccountForm {
            company_id: text("CompanyId"),
            full_name: text("FullName"),
            email: text("Email"),
            username: text("UserName"),
            password: text("Password"),
            confirm_password: text("ConfirmPassword"),
            size_gb: text("AccountSizeInGB"),
            ultrasafe: fields
                .get("IsUltraSafe")
                .is_some_and(|v| matches!(v.trim(), "true" | "on" | "1")),
        }
    }

    /// Its text fields as both generations show them: the account's own, then its size.
    pub fn fields(&self) -> Vec<crate::pages::FieldSpec<'_>> {
        let mut fields = crate::pages::account_fields(
            "Username",
            &self.full_name,
            &self.email,
            &self.username,
            &self.password,
            &self.confirm_password,
        )
        .to_vec();
        fields.push((
            "Account Size In GB",
            "AccountSizeInGB",
            &self.size_gb,
            "text",
        ));
        fields
    }

    /// The form to show again after a refusal: what was entered, less the two passwords.
    pub fn without_passwords(&self) -> Self {
        AccountForm {
            password: String::new(),
            confirm_password: String::new(),
            ..self.clone()
        }
    }

    /// The server's checks, in the form's order: the account to add, or one message per
    /// problem. `session_company`: a company session may only add to its own company.
    pub fn validate(
        &self,
        data: &Data,
        session_company: Option<u32>,
    ) -> Result<NewAccount, Vec<String>> {
        let mut errors = Vec::new();
        let company = self
            .company_id
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|id| session_company.is_none_or(|s| s == *id))
            .and_then(|id| data.company(id));
        if company.is_none() {
            errors.push("The Company/Reseller field is required.".to_string());
        }
        for (value, label) in [(&self.full_name, "Full Name"), (&self.email, "Email")] {
            if value.trim().is_empty() {
                errors.push(format!("The {label} field is required."));
            }
        }
        let username = self.username.trim();
        check_username(&mut errors, data, username, true);
        check_passwords(&mut errors, &self.password, &self.confirm_password);
        let size = match self.size_gb.trim() {
            "" => {
                errors.push("The Account Size In GB field is required.".into());
                None
            }
            v => match v.parse::<u64>() {
                Ok(gb) if !is_quota_tier(gb) => {
                    errors.push(
                        "Account Size In GB must be 5, 10, 25 or 50 GB, or a multiple of 50 GB from 100 GB."
                            .into(),
                    );
                    None
                }
                Ok(gb) => match company {
                    Some(c) if gb > c.quota_gb => {
                        errors.push(format!(
                            "Account size can't be more than the company quota of {} GB.",
                            c.quota_gb
                        ));
                        None
                    }
                    _ => Some(gb),
                },
                Err(_) => {
                    errors.push("The field Account Size In GB must be a whole number.".into());
                    None
                }
            },
        };
        match (company, size) {
            (Some(c), Some(size_gb)) if errors.is_empty() => Ok(NewAccount {
                company: c.id,
                name: username.to_string(),
                size_gb,
                ultrasafe: self.ultrasafe,
            }),
            _ => Err(errors),
        }
    }
}
