//! The field ids of domain.md: one name per form field, the same in Rust, in the DOM
//! (`data-allot-field`) and in tests.

use serde::{Deserialize, Serialize};

/// A field Allot knows on the dashboard's forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldId {
    CompanyName,
    QuotaGb,
    EgrLicenses,
    SpLicenses,
    Endguard,
    FullName,
    Email,
    Username,
    Password,
    ConfirmPassword,
    Ultrasafe,
    SecretQuestion,
    SecretAnswer,
    AccountSizeGb,
    CompanyReseller,
    IsManaged,
}

impl FieldId {
    /// Every field: the create-company form's in its order, then the other forms' own.
    pub const ALL: [FieldId; 16] = [
        FieldId::CompanyName,
        FieldId::QuotaGb,
        FieldId::EgrLicenses,
        FieldId::SpLicenses,
        FieldId::Endguard,
        FieldId::FullName,
        FieldId::Email,
        FieldId::Username,
        FieldId::Password,
        FieldId::ConfirmPassword,
        FieldId::Ultrasafe,
        FieldId::SecretQuestion,
        FieldId::SecretAnswer,
        FieldId::AccountSizeGb,
        FieldId::CompanyReseller,
        FieldId::IsManaged,
    ];

    /// The id as domain.md spells it (`quota_gb`).
    pub fn as_str(self) -> &'static str {
        match self {
            FieldId::CompanyName => "company_name",
            FieldId::QuotaGb => "quota_gb",
            FieldId::EgrLicenses => "egr_licenses",
            FieldId::SpLicenses => "sp_licenses",
            FieldId::Endguard => "endguard",
            FieldId::FullName => "full_name",
            FieldId::Email => "email",
            FieldId::Username => "username",
            FieldId::Password => "password",
            FieldId::ConfirmPassword => "confirm_password",
            FieldId::Ultrasafe => "ultrasafe",
            FieldId::SecretQuestion => "secret_question",
            FieldId::SecretAnswer => "secret_answer",
            FieldId::AccountSizeGb => "account_size_gb",
            FieldId::CompanyReseller => "company_reseller",
            FieldId::IsManaged => "is_managed",
        }
    }

    /// The inverse of [`FieldId::as_str`].
    pub fn parse(id: &str) -> Option<FieldId> {
        FieldId::ALL.into_iter().find(|f| f.as_str() == id)
    }

    /// The label the partner reads on the dashboard, used in messages.
    pub fn label(self) -> &'static str {
        match self {
            FieldId::CompanyName => "Company Name",
            FieldId::QuotaGb => "Quota In GB",
            FieldId::EgrLicenses => "EGR Licenses",
            FieldId::SpLicenses => "SP v5 Licenses",
            FieldId::Endguard => "Enable EndGuard",
            FieldId::FullName => "Full Name",
            FieldId::Email => "Email",
            FieldId::Username => "Username",
            FieldId::Password => "Password",
            FieldId::ConfirmPassword => "Confirm Password",
            FieldId::Ultrasafe => "Is Ultrasafe",
            FieldId::SecretQuestion => "Secret Question",
            FieldId::SecretAnswer => "Secret Answer",
            FieldId::AccountSizeGb => "Account Size In GB",
            FieldId::CompanyReseller => "Company/Reseller",
            FieldId::IsManaged => "Is Managed",
        }
    }

    /// A checkbox rather than a text box.
    pub fn is_checkbox(self) -> bool {
        matches!(
            self,
            FieldId::Endguard | FieldId::Ultrasafe | FieldId::IsManaged
        )
    }

    /// A field whose value is a secret: never stored, logged or sent.
    pub fn is_secret(self) -> bool {
        matches!(
            self,
            FieldId::Password | FieldId::ConfirmPassword | FieldId::SecretAnswer
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_their_names_and_serde() {
        for f in FieldId::ALL {
            assert_eq!(FieldId::parse(f.as_str()), Some(f));
            let json = serde_json::to_string(&f).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", f.as_str()));
        }
        assert_eq!(FieldId::parse("quota"), None);
    }
}
