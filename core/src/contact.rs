//! The plain fields of the create forms: Company Name, Full Name and Email (required; Email
//! also has a shape), the licence counts (whole numbers from 0), and the newer Create
//! Company's notes: an unmanaged company, and no admin account until later.

use crate::codes;
use crate::field::FieldId;
use crate::finding::Finding;
use crate::size::{parse_size, SizeError};

/// An address like name@host.tld: one @, something before it, and after it labels
/// separated by dots ending in a top-level domain of 2 letters or more. No spaces.
pub fn looks_like_email(text: &str) -> bool {
    let t = text.trim();
    if t.chars().any(char::is_whitespace) {
        return false;
    }
    let Some((local, domain)) = t.split_once('@') else {
        return false;
    };
    if local.is_empty() || domain.contains('@') {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return false;
    }
    let tld = labels.last().copied().unwrap_or("");
    tld.chars().count() >= 2 && tld.chars().all(crate::unicode::is_alphabetic)
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Company Name: required.
pub fn check_company(text: &str, may_require: bool) -> Vec<Finding> {
    if is_blank(text) && may_require {
        vec![Finding::error(
            FieldId::CompanyName,
            codes::COMPANY_REQUIRED,
            "Enter the company name.",
        )]
    } else {
        Vec::new()
    }
}

/// Full Name: required.
pub fn check_full_name(text: &str, may_require: bool) -> Vec<Finding> {
    if is_blank(text) && may_require {
        vec![Finding::error(
            FieldId::FullName,
            codes::FULL_NAME_REQUIRED,
            "Enter a full name.",
        )]
    } else {
        Vec::new()
    }
}

/// Email: required, and shaped like an address as soon as it has content.
pub fn check_email(text: &str, may_require: bool) -> Vec<Finding> {
    if is_blank(text) {
        if may_require {
            return vec![Finding::error(
                FieldId::Email,
                codes::EMAIL_REQUIRED,
                "Enter an email address.",
            )];
        }
        return Vec::new();
    }
    if looks_like_email(text) {
        return Vec::new();
    }
    vec![Finding::error(
        FieldId::Email,
        codes::EMAIL_FORMAT,
        "Enter an email address in the correct format, like name@example.com.",
    )]
}

/// EGR Licenses and SP v5 Licenses: a whole number from 0. Empty says nothing: the
/// dashboard's own default is 0, and whether it takes an empty box is unknown.
pub fn check_licenses(field: FieldId, text: &str) -> Vec<Finding> {
    let label = field.label();
    let (message, suggestion) = match parse_size(text) {
        Ok(_) | Err(SizeError::Empty) => return Vec::new(),
        Err(SizeError::Negative) => (format!("{label} must be 0 or more."), Some("0".to_string())),
        Err(SizeError::Plus { gb: n }) | Err(SizeError::Grouped { gb: n }) => (
            format!("Enter {label} as digits only, such as {n}."),
            Some(n.to_string()),
        ),
        Err(SizeError::Decimal {
            whole: Some(n),
            exact: true,
        }) => (
            format!("{label} must be a whole number, such as {n}."),
            Some(n.to_string()),
        ),
        Err(SizeError::TooLarge) => (
            format!("{label} is far too large. Enter the number of licences, 0 or more."),
            None,
        ),
        Err(_) => (
            format!("{label} must be a whole number, 0 or more, such as 0 or 5."),
            None,
        ),
    };
    let finding = Finding::error(field, codes::LICENSES_NOT_A_NUMBER, message);
    vec![finding.with_suggestions(suggestion)]
}

/// Is Managed: unticked, the company will be unmanaged, and the partner cannot log in as
/// its admin, so Allot's one-click fix cannot resize its admin account.
pub fn check_managed(ticked: bool) -> Vec<Finding> {
    if ticked {
        return Vec::new();
    }
    vec![Finding::info(
        FieldId::IsManaged,
        codes::COMPANY_UNMANAGED,
        "With Is Managed unticked, the company will be unmanaged: Login as Company Admin will not be offered for it, so Allot's one-click fix of its admin backup account will not be available. Only the company's administrator can ask to be managed again.",
    )]
}

/// The newer Create Company after "Later": no admin backup account now, so none to resize.
pub fn admin_later() -> Finding {
    Finding::info(
        FieldId::QuotaGb,
        codes::COMPANY_ADMIN_LATER,
        "The company administrator's backup account will be created later, so there will be no admin account for Allot to resize after Create. Set its size when you create it.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_shapes() {
        for ok in [
            "kblanc@pax8.com",
            "a@b.co",
            " x.y@mail.example.org ",
            "é@exemple.fr",
        ] {
            assert!(looks_like_email(ok), "{ok}");
        }
        for bad in [
            "",
            "kblanc",
            "@pax8.com",
            "kblanc@",
            "kblanc@pax8",
            "a@b.c",
            "a@@b.com",
            "a b@c.com",
            "a@b..com",
            "a@b.c0m",
            "a@.com",
        ] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }

    #[test]
    fn licences() {
        assert!(check_licenses(FieldId::EgrLicenses, "0").is_empty());
        assert!(check_licenses(FieldId::EgrLicenses, " 12 ").is_empty());
        assert!(check_licenses(FieldId::EgrLicenses, "").is_empty());
        let f = check_licenses(FieldId::SpLicenses, "-1");
        assert_eq!(f[0].suggestions, ["0"]);
        assert_eq!(f[0].message, "SP v5 Licenses must be 0 or more.");
        let f = check_licenses(FieldId::SpLicenses, "3.0");
        assert_eq!(f[0].suggestions, ["3"]);
        let f = check_licenses(FieldId::SpLicenses, "three");
        assert!(f[0].suggestions.is_empty());
        // "5GB" is not a count of licences.
        assert_eq!(check_licenses(FieldId::SpLicenses, "5GB").len(), 1);
    }
}
