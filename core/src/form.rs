//! The create-company form as Allot sees it (a snapshot of the partner's values) and
//! the one call that runs every rule on it.

use crate::field::FieldId;
use crate::finding::Finding;
use crate::options::{Options, RuleGroup};
use crate::{contact, password, secret, size, ultrasafe, username};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The partner's values at one moment. A field that is `None` is not on the page:
/// no rule reports on it. Debug never shows the password, confirmation or secret answer.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FormSnapshot {
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
    /// Fields the partner has left at least once (blur): "required" shows only then.
    pub touched: BTreeSet<FieldId>,
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
            FieldId::Endguard | FieldId::Ultrasafe | FieldId::AccountSizeGb => return None,
        };
        value.as_deref()
    }

    /// Sets a text field's value; checkboxes and `account_size_gb` are ignored.
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
            FieldId::Endguard | FieldId::Ultrasafe | FieldId::AccountSizeGb => return,
        };
        *slot = Some(value);
    }

    /// Sets a checkbox; other fields are ignored.
    pub fn set_checked(&mut self, field: FieldId, checked: bool) {
        match field {
            FieldId::Endguard => self.endguard = Some(checked),
            FieldId::Ultrasafe => self.ultrasafe = Some(checked),
            _ => {}
        }
    }

    /// "Required" may be said of this field now.
    pub fn may_require(&self, field: FieldId) -> bool {
        self.create_attempted || self.touched.contains(&field)
    }
}

impl fmt::Debug for FormSnapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hidden = |v: &Option<String>| v.as_ref().map(|_| "<hidden>");
        f.debug_struct("FormSnapshot")
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
            .field("touched", &self.touched)
            .field("create_attempted", &self.create_attempted)
            .field("ultrasafe_ack", &self.ultrasafe_ack)
            .finish()
    }
}

/// Runs every enabled rule on the snapshot: findings in form order, field by field.
///
/// A field that is `None` is not on the page and gets no finding. An empty `quota_gb`
/// gets `quota.not_a_number` once "required" may be said. The Is Ultrasafe checkbox
/// missing from the page counts as unticked for the secret fields. Finally no finding
/// keeps a suggestion, a parameter or a message that contains the password, its
/// confirmation or the secret answer (see [`crate::secret::redact`]).
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
        if text.trim().is_empty() {
            if s.may_require(FieldId::QuotaGb) {
                out.push(size::quota_required(FieldId::QuotaGb));
            }
        } else {
            out.extend(size::check_size(FieldId::QuotaGb, text, None, options));
        }
    }
    for field in [FieldId::EgrLicenses, FieldId::SpLicenses] {
        if let Some(text) = s.text(field) {
            out.extend(contact::check_licenses(field, text));
        }
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
        out.extend(username::check_username(
            text,
            s.company_name.as_deref(),
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
        if ultrasafe_on {
            out.push(ultrasafe::secret_unused(FieldId::SecretAnswer));
        }
        out.extend(secret::check_answer(
            answer,
            s.password.as_deref(),
            ultrasafe_on,
            s.may_require(FieldId::SecretAnswer),
        ));
    }

    out.retain(|f| RuleGroup::of_code(&f.code).is_none_or(|g| options.enabled(g)));
    // Already in form order; the stable sort keeps it so whatever is added above.
    out.sort_by_key(|f| f.field);
    let secrets: Vec<&str> = [&s.password, &s.confirm_password, &s.secret_answer]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .collect();
    secret::redact(&mut out, &secrets);
    out
}
