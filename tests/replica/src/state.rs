//! The dashboard's data (companies, backup accounts, counters, faults), the sessions, and the
//! server-side checks of the two forms that change data.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use crate::{AccountSnap, CompanySnap, Faults, StateSnapshot};

/// The partner everyone logs in as.
pub const PARTNER_NAME: &str = "Pax8 Demo Partner";

/// Every backup account, the admin one included, is made at this size.
pub const NEW_ACCOUNT_GB: u64 = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Partner,
    CompanyAdmin(u32),
}

pub struct Inner {
    pub data: Data,
    sessions: HashMap<String, Mode>,
    session_seq: u64,
    session_keys: RandomState,
}

impl Inner {
    pub fn new() -> Self {
        Inner {
            data: Data::initial(),
            sessions: HashMap::new(),
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
        }
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
    pub accounts: Vec<Account>,
}

impl Company {
    pub fn allocated_gb(&self) -> u64 {
        self.accounts.iter().map(|a| a.size_gb).sum()
    }
}

pub struct Account {
    pub id: u32,
    pub name: String,
    pub size_gb: u64,
    pub ultrasafe: bool,
}

pub struct Data {
    pub companies: Vec<Company>,
    pub create_posts: u32,
    pub change_size_posts: u32,
    pub faults: Faults,
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
            faults: Faults::default(),
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
        });
        data.set_size(acme, 50);
        data.add_account(acme, "acme-frontdesk", 25, false);
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
                })
                .collect(),
        }
    }

    pub fn company(&self, id: u32) -> Option<&Company> {
        self.companies.iter().find(|c| c.id == id)
    }

    /// The company id to open for "Login as Company Admin" on `id`, faults included.
    pub fn login_target(&self, id: u32) -> Option<u32> {
        self.company(id)?;
        if self.faults.login_as_wrong_company {
            if let Some(other) = self.companies.iter().find(|c| c.id != id) {
                return Some(other.id);
            }
        }
        Some(id)
    }

    /// Whether a username is taken: by any company admin or any backup account, compared
    /// case-insensitively (usernames are never recycled).
    pub fn username_taken(&self, username: &str) -> bool {
        let wanted = username.to_lowercase();
        self.companies.iter().any(|c| {
            c.username.to_lowercase() == wanted
                || c.accounts.iter().any(|a| a.name.to_lowercase() == wanted)
        })
    }

    /// Adds the company with its admin backup account, named after the username, at 5 GB
    /// whatever the quota (as the real dashboard does). Returns the new company's id.
    pub fn add_company(&mut self, new: NewCompany) -> u32 {
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
            accounts: Vec::new(),
        });
        self.add_account(id, &new.username, NEW_ACCOUNT_GB, new.ultrasafe);
        id
    }

    fn add_account(&mut self, company: u32, name: &str, size_gb: u64, ultrasafe: bool) {
        let id = self.next_account_id;
        self.next_account_id += 1;
        if let Some(c) = self.companies.iter_mut().find(|c| c.id == company) {
            c.accounts.push(Account {
                id,
                name: name.to_string(),
                size_gb,
                ultrasafe,
            });
        }
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
        a.size_gb = size_gb;
        Ok(size_gb)
    }
}

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
}

/// The "Create Company With Admin Backup Account" form as posted (field names as the page
/// sends them). The passwords and the secret answer live only as long as the request.
#[derive(Clone, Debug, Default)]
pub struct CreateForm {
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
            ..Default::default()
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
        CreateForm {
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
        let quota = match self.quota_gb.trim() {
            "" => {
                errors.push("The Quota In GB field is required.".into());
                None
            }
            q => match q.parse::<u64>() {
                Ok(q) if is_quota_tier(q) => Some(q),
                Ok(_) => {
                    errors.push(
                        "Quota In GB must be 5, 10, 25 or 50 GB, or a multiple of 100 GB.".into(),
                    );
                    None
                }
                Err(_) => {
                    errors.push("The field Quota In GB must be a whole number.".into());
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
        let egr_licenses = licences(&self.egr_licenses, "EGR Licenses");
        let sp_licenses = licences(&self.sp_licenses, "SP v5 Licenses");
        required(&mut errors, &self.full_name, "Full Name");
        required(&mut errors, &self.email, "Email");
        let username = self.username.trim();
        if username.is_empty() {
            errors.push("The Username field is required.".into());
        } else if data.username_taken(username) {
            errors.push(format!(
                "The username {username} is already taken. Choose another username."
            ));
        }
        if self.password.is_empty() {
            errors.push("The Password field is required.".into());
        } else if self.password != self.confirm_password {
            errors.push("The password and confirmation password do not match.".into());
        }
        match quota {
            Some(quota_gb) if errors.is_empty() => Ok(NewCompany {
                name: self.company_name.trim().to_string(),
                quota_gb,
                username: username.to_string(),
                email: self.email.trim().to_string(),
                full_name: self.full_name.trim().to_string(),
                ultrasafe: self.ultrasafe,
                endguard: self.endguard,
                egr_licenses,
                sp_licenses,
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
