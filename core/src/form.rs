//! A form as Allot sees it (its kind, a snapshot of the partner's values and what the page
//! shows beside it) and the one call that runs every rule of that kind on it.

use crate::bit_set::FieldSet;
use crate::field::FieldId;
use crate::finding::Finding;
use crate::labels::FormKind;
use crate::options::{Options, RuleGroup};
use crate::{contact, password, secret, size, ultrasafe, username};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The partner's values at one moment. A field that is `None` is not on the page:
/// no rule reports on it. Debug never shows the password, confirmation or secret answer.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FormSnapshot {
    /// Which form this is; decides the notes about the company's admin account.
    pub kind: FormKind,
    pub company_name: Option<String>,
    pub quota_gb: Option<String>,
    pub egr_licenses: Option<String>,
    pub sp_licenses: Option<String>,
    pub endguard: Option<bool>,
    pub full_name: Option<String>,
    pub email: Option<String>,
    pub username: Option<String>,
    pub password: Option<String>,
    pub confirm_password: Option<String>,
    pub ultrasafe: Option<bool>,
    pub secret_question: Option<String>,
    pub secret_answer: Option<String>,
    pub account_size_gb: Option<String>,
    /// The company chosen in "Company/Reseller" (its name as the partner reads it).
    pub company_reseller: Option<String>,
    pub is_managed: Option<bool>,
    /// The company's quota, when the page shows it beside the form.
    pub company_quota_gb: Option<u32>,
    /// What the company's backup accounts already use, when the page shows it.
    pub company_used_gb: Option<u32>,
    /// Fields the partner has left at least once (blur): "required" shows only then.
    pub touched: FieldSet,
    /// The partner tried to Create: every "required" shows.
    pub create_attempted: bool,
    /// Allot's own "I understand" checkbox beside UltraSafe is ticked.
    pub ultrasafe_ack: bool,
}

impl FormSnapshot {
    /// The text of a text field, `None` for checkboxes and missing fields.
    pub fn text(&self, field: FieldId) -> Option<&str> {
        let value = match field {
            FieldId::CompanyName => &self.company_name,
            FieldId::QuotaGb => &self.quota_gb,
            FieldId::EgrLicenses => &self.egr_licenses,
            FieldId::SpLicenses => &self.sp_licenses,
            FieldId::FullName => &self.full_name,
            FieldId::Email => &self.email,
            FieldId::Username => &self.username,
            FieldId::Password => &self.password,
            FieldId::ConfirmPassword => &self.confirm_password,
            FieldId::SecretQuestion => &self.secret_question,
            FieldId::SecretAnswer => &self.secret_answer,
            FieldId::AccountSizeGb => &self.account_size_gb,
            FieldId::CompanyReseller => &self.company_reseller,
            FieldId::Endguard | FieldId::Ultrasafe | FieldId::IsManaged => return None,
        };
        value.as_deref()
    }

    /// Sets a text field's value; checkboxes are ignored.
    pub fn set_text(&mut self, field: FieldId, value: String) {
        let slot = match field {
            FieldId::CompanyName => &mut self.company_name,
            FieldId::QuotaGb => &mut self.quota_gb,
            FieldId::EgrLicenses => &mut self.egr_licenses,
            FieldId::SpLicenses => &mut self.sp_licenses,
            FieldId::FullName => &mut self.full_name,
            FieldId::Email => &mut self.email,
            FieldId::Username => &mut self.username,
            FieldId::Password => &mut self.password,
            FieldId::ConfirmPassword => &mut self.confirm_password,
            FieldId::SecretQuestion => &mut self.secret_question,
            FieldId::SecretAnswer => &mut self.secret_answer,
            FieldId::AccountSizeGb => &mut self.account_size_gb,
            FieldId::CompanyReseller => &mut self.company_reseller,
            FieldId::Endguard | FieldId::Ultrasafe | FieldId::IsManaged => return,
        };
        *slot = Some(value);
    }

    /// Sets a checkbox; other fields are ignored.
    pub fn set_checked(&mut self, field: FieldId, checked: bool) {
        match field {
            FieldId::Endguard => self.endguard = Some(checked),
            FieldId::Ultrasafe => self.ultrasafe = Some(checked),
            FieldId::IsManaged => self.is_managed = Some(checked),
            _ => {}
        }
    }

    /// "Required" may be said of this field now.
    pub fn may_require(&self, field: FieldId) -> bool {
        self.create_attempted || self.touched.contains(&field)
    }

    /// A Create Company form without the admin's fields: the partner chose to create the
    /// company administrator's account later.
    pub fn admin_later(&self) -> bool {
        self.kind == FormKind::CreateCompany
            && [
                FieldId::FullName,
                FieldId::Email,
                FieldId::Username,
                FieldId::Password,
            ]
            .iter()
            .all(|f| self.text(*f).is_none())
    }
}

impl fmt::Debug for FormSnapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hidden = |v: &Option<String>| v.as_ref().map(|_| "<hidden>");
        f.debug_struct("FormSnapshot")
            .field("kind", &self.kind)
            .field("company_name", &self.company_name)
            .field("quota_gb", &self.quota_gb)
            .field("egr_licenses", &self.egr_licenses)
            .field("sp_licenses", &self.sp_licenses)
            .field("endguard", &self.endguard)
            .field("full_name", &self.full_name)
            .field("email", &self.email)
            .field("username", &self.username)
            .field("password", &hidden(&self.password))
            .field("confirm_password", &hidden(&self.confirm_password))
            .field("ultrasafe", &self.ultrasafe)
            .field("secret_question", &self.secret_question)
            .field("secret_answer", &hidden(&self.secret_answer))
            .field("account_size_gb", &self.account_size_gb)
            .field("company_reseller", &self.company_reseller)
            .field("is_managed", &self.is_managed)
            .field("company_quota_gb", &self.company_quota_gb)
            .field("company_used_gb", &self.company_used_gb)
            .field("touched", &self.touched)
            .field("create_attempted", &self.create_attempted)
            .field("ultrasafe_ack", &self.ultrasafe_ack)
            .finish()
    }
}

/// Runs every enabled rule on the snapshot: findings in form order, field by field.
///
/// The same rules serve every form kind: a field that is `None` is not on the page and
/// gets no finding. An empty size field (`quota_gb`, `account_size_gb`) gets
/// `quota.not_a_number` once "required" may be said. A backup account's size is checked
/// against the company's quota and a company's size against what its accounts use, when
/// the page shows them. The Is Ultrasafe checkbox missing from the page counts as unticked
/// for the secret fields. Finally no finding keeps a suggestion, a parameter or a message
/// that contains the password, its confirmation or the secret answer (see
/// [`crate::secret::redact`]).
pub fn check_form(snapshot: &FormSnapshot, options: &Options) -> Vec<Finding> {
    let s = snapshot;
    let mut out: Vec<Finding> = Vec::new();

    if let Some(text) = &s.company_name {
        out.extend(contact::check_company(
            text,
            s.may_require(FieldId::CompanyName),
        ));
    }
    if let Some(text) = &s.quota_gb {
        out.extend(check_size_field(s, FieldId::QuotaGb, text, None, options));
        if s.kind == FormKind::ChangeCompanySize {
            out.extend(size::check_against_used(text, s.company_used_gb, options));
        }
    }
    for field in [FieldId::EgrLicenses, FieldId::SpLicenses] {
        if let Some(text) = s.text(field) {
            out.extend(contact::check_licenses(field, text));
        }
    }
    if let Some(ticked) = s.is_managed {
        out.extend(contact::check_managed(ticked));
    }
    if let Some(text) = &s.full_name {
        out.extend(contact::check_full_name(
            text,
            s.may_require(FieldId::FullName),
        ));
    }
    if let Some(text) = &s.email {
        out.extend(contact::check_email(text, s.may_require(FieldId::Email)));
    }
    if let Some(text) = &s.username {
        let company = s.company_name.as_deref().or(s.company_reseller.as_deref());
        out.extend(username::check_username(
            text,
            company,
            s.may_require(FieldId::Username),
        ));
    }
    if let Some(password) = &s.password {
        out.extend(password::check_password(
            password,
            s.may_require(FieldId::Password),
        ));
    }
    if let (Some(password), Some(confirm)) = (&s.password, &s.confirm_password) {
        out.extend(password::check_confirm(
            password,
            confirm,
            s.may_require(FieldId::ConfirmPassword),
        ));
    }
    out.extend(ultrasafe::check_ultrasafe(
        s.ultrasafe,
        s.create_attempted,
        s.ultrasafe_ack,
    ));
    let ultrasafe_on = s.ultrasafe == Some(true);
    if let Some(text) = &s.secret_question {
        if ultrasafe_on {
            out.push(ultrasafe::secret_unused(FieldId::SecretQuestion));
        }
        out.extend(secret::check_question(
            text,
            ultrasafe_on,
            s.may_require(FieldId::SecretQuestion),
        ));
    }
    if let Some(answer) = &s.secret_answer {
        // Said once, on the first secret field on the page.
        if ultrasafe_on && s.secret_question.is_none() {
            out.push(ultrasafe::secret_unused(FieldId::SecretAnswer));
        }
        out.extend(secret::check_answer(
            answer,
            s.password.as_deref(),
            ultrasafe_on,
            s.may_require(FieldId::SecretAnswer),
        ));
    }
    if let Some(text) = &s.account_size_gb {
        out.extend(check_size_field(
            s,
            FieldId::AccountSizeGb,
            text,
            s.company_quota_gb,
            options,
        ));
    }

    admin_account_notes(s, &mut out);
    out.retain(|f| RuleGroup::of_code(&f.code).is_none_or(|g| options.enabled(g)));
    // Already in form order, kept so (a stable insertion sort: a few findings, and no
    // general sort's code in the WASM module) whatever is added above.
    for i in 1..out.len() {
        let mut j = i;
        while j > 0 && out[j - 1].field > out[j].field {
            out.swap(j - 1, j);
            j -= 1;
        }
    }
    let secrets: Vec<&str> = [&s.password, &s.confirm_password, &s.secret_answer]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .collect();
    secret::redact(&mut out, &secrets);
    out
}

/// A size field: "required" once it may be said, else the size rules (within `cap`).
fn check_size_field(
    s: &FormSnapshot,
    field: FieldId,
    text: &str,
    cap: Option<u32>,
    options: &Options,
) -> Vec<Finding> {
    if text.trim().is_empty() {
        if s.may_require(field) {
            return vec![size::quota_required(field)];
        }
        return Vec::new();
    }
    size::check_size(field, text, cap, options)
}

/// The notes about the company's admin backup account belong to Create Company only: "it
/// will start at 5 GB" when there will be one, "there will be none" when it comes later.
fn admin_account_notes(s: &FormSnapshot, out: &mut Vec<Finding>) {
    let admin_now = s.kind == FormKind::CreateCompany && !s.admin_later();
    if !admin_now {
        out.retain(|f| f.code != crate::codes::QUOTA_ADMIN_STARTS_AT_5);
    }
    if s.admin_later() && s.quota_gb.is_some() {
        out.push(contact::admin_later());
    }
}
