//! Which field a label names, and which form a set of fields is: pure functions of the
//! text a partner reads, so the page reader never decides anything from ids or markup.

use crate::field::FieldId;
use serde::{Deserialize, Serialize};

/// The forms Allot recognises; the name is what `data-allot-form` carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FormKind {
    /// "Create Company With Admin Backup Account" (seed) and the newer "Create Company".
    #[default]
    CreateCompany,
    /// "Create Backup Account": a backup account under a company, with its own admin fields.
    CreateBackupAccount,
    /// "Change Account Size": one backup account's size.
    ChangeAccountSize,
    /// "Change Company Size" (the companies list's "Size (click to change)"): the quota.
    ChangeCompanySize,
}

impl FormKind {
    pub const ALL: [FormKind; 4] = [
        FormKind::CreateCompany,
        FormKind::CreateBackupAccount,
        FormKind::ChangeAccountSize,
        FormKind::ChangeCompanySize,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FormKind::CreateCompany => "create-company",
            FormKind::CreateBackupAccount => "create-backup-account",
            FormKind::ChangeAccountSize => "change-account-size",
            FormKind::ChangeCompanySize => "change-company-size",
        }
    }

    /// The inverse of [`FormKind::as_str`].
    pub fn parse(name: &str) -> Option<FormKind> {
        FormKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// Lower case, hints in brackets dropped, punctuation turned into spaces, spaces
/// collapsed: "Username (usually same as email):" -> "username".
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if crate::unicode::is_alphanumeric(c) => {
                out.push_str(&crate::unicode::lower(c.encode_utf8(&mut [0; 4])))
            }
            _ => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The labels each field is known by, already normalised (seed, docs, and close variants).
const KNOWN: &[(FieldId, &[&str])] = &[
    (FieldId::CompanyName, &["company name", "company"]),
    (
        FieldId::QuotaGb,
        &[
            "quota in gb",
            "quota gb",
            "quota",
            "company quota in gb",
            "storage quota in gb",
            "company size in gb",
            "company size",
        ],
    ),
    (
        FieldId::EgrLicenses,
        &["egr licenses", "egr licences", "egr license"],
    ),
    (
        FieldId::SpLicenses,
        &[
            "sp v5 licenses",
            "sp v5 licences",
            "sp licenses",
            "shadowprotect v5 licenses",
        ],
    ),
    (FieldId::Endguard, &["enable endguard", "endguard"]),
    (FieldId::FullName, &["full name", "name"]),
    (FieldId::Email, &["email", "e mail", "email address"]),
    (FieldId::Username, &["username", "user name", "login name"]),
    (FieldId::Password, &["password"]),
    (
        FieldId::ConfirmPassword,
        &[
            "confirm password",
            "password confirmation",
            "repeat password",
            "retype password",
        ],
    ),
    (
        FieldId::Ultrasafe,
        &[
            "is ultrasafe",
            "ultrasafe",
            "is ultra safe",
            "enable ultrasafe",
        ],
    ),
    (
        FieldId::SecretQuestion,
        &["secret question", "security question"],
    ),
    (FieldId::SecretAnswer, &["secret answer", "security answer"]),
    (
        FieldId::AccountSizeGb,
        &[
            "account size in gb",
            "account size",
            "size in gb",
            "new size in gb",
        ],
    ),
    (
        FieldId::CompanyReseller,
        &[
            "company reseller",
            "company or reseller",
            "reseller company",
        ],
    ),
    (
        FieldId::IsManaged,
        &["is managed", "managed", "managed company"],
    ),
];

/// The field a label names, if any. Matches whole labels only, so "Password" is never
/// taken for "Confirm Password".
pub fn classify(label: &str) -> Option<FieldId> {
    let norm = normalise(label);
    if norm.is_empty() || norm.len() > 60 {
        return None;
    }
    KNOWN
        .iter()
        .find(|(_, names)| names.contains(&norm.as_str()))
        .map(|(field, _)| *field)
}

/// The first candidate label (in the reader's order of trust) that names a field.
pub fn classify_first<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Option<FieldId> {
    candidates.into_iter().find_map(classify)
}

/// The form a set of fields found together is, if Allot checks it. Decided by the labels
/// alone: the company's name and quota make a Create Company (with or without the admin's
/// fields); a backup account's size with two or more of the account's own fields (Company/
/// Reseller, Full Name, Email, Username, Password) a Create Backup Account; a size alone a
/// Change Account Size or Change Company Size. A quota and an account size together are two
/// forms, never one; a log-on form (User Name, Password) is none.
pub fn form_kind(fields: &[FieldId]) -> Option<FormKind> {
    let has = |f: FieldId| fields.contains(&f);
    let account = has(FieldId::AccountSizeGb);
    let quota = has(FieldId::QuotaGb);
    if account && quota {
        return None;
    }
    let create_keys = [
        FieldId::CompanyName,
        FieldId::QuotaGb,
        FieldId::Username,
        FieldId::Password,
    ];
    let company = has(FieldId::CompanyName) && quota;
    if !account && (company || create_keys.iter().filter(|f| has(**f)).count() >= 3) {
        return Some(FormKind::CreateCompany);
    }
    let identity = [
        FieldId::CompanyReseller,
        FieldId::FullName,
        FieldId::Email,
        FieldId::Username,
        FieldId::Password,
    ]
    .iter()
    .filter(|f| has(**f))
    .count();
    let others = fields
        .iter()
        .any(|f| !matches!(f, FieldId::AccountSizeGb | FieldId::QuotaGb));
    match (account, quota) {
        (true, _) if identity >= 2 && !has(FieldId::CompanyName) => {
            Some(FormKind::CreateBackupAccount)
        }
        (true, _) if !others => Some(FormKind::ChangeAccountSize),
        (_, true) if !others => Some(FormKind::ChangeCompanySize),
        _ => None,
    }
}

/// Normalised texts of the controls that submit a form on the dashboard.
pub fn is_create_text(text: &str) -> bool {
    matches!(
        normalise(text).as_str(),
        "create" | "create company" | "save" | "submit" | "add" | "ok"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_labels_name_their_fields() {
        let seed = [
            ("Company Name", FieldId::CompanyName),
            ("Quota In GB", FieldId::QuotaGb),
            ("Quota in GB:", FieldId::QuotaGb),
            ("EGR Licenses", FieldId::EgrLicenses),
            ("SP v5 Licenses", FieldId::SpLicenses),
            ("Enable EndGuard", FieldId::Endguard),
            ("Full Name", FieldId::FullName),
            ("Email", FieldId::Email),
            ("Username (usually same as email)", FieldId::Username),
            ("  USERNAME\n  (usually same as email) *", FieldId::Username),
            ("Password", FieldId::Password),
            ("Confirm Password", FieldId::ConfirmPassword),
            ("Is Ultrasafe ?", FieldId::Ultrasafe),
            ("Is UltraSafe", FieldId::Ultrasafe),
            ("Secret Question", FieldId::SecretQuestion),
            ("Secret Answer", FieldId::SecretAnswer),
            ("Account Size In GB", FieldId::AccountSizeGb),
        ];
        for (label, field) in seed {
            assert_eq!(classify(label), Some(field), "{label}");
        }
    }

    #[test]
    fn other_texts_name_nothing() {
        for text in [
            "",
            "Create",
            "Password strength",
            "Size (click to change)",
            "(((",
        ] {
            assert_eq!(classify(text), None, "{text}");
        }
        assert_eq!(classify(&"Company ".repeat(20)), None);
    }

    #[test]
    fn first_matching_candidate_wins() {
        assert_eq!(
            classify_first(["", "Secret Answer", "Password"]),
            Some(FieldId::SecretAnswer)
        );
    }

    #[test]
    fn forms_are_known_by_their_fields() {
        use FieldId::*;
        assert_eq!(
            form_kind(&[CompanyName, QuotaGb, Username, Password]),
            Some(FormKind::CreateCompany)
        );
        assert_eq!(
            form_kind(&[AccountSizeGb]),
            Some(FormKind::ChangeAccountSize)
        );
        assert_eq!(form_kind(&[Username, Password]), None);
        assert_eq!(form_kind(&[]), None);
        assert_eq!(form_kind(&[QuotaGb]), Some(FormKind::ChangeCompanySize));
        assert_eq!(form_kind(&[QuotaGb, AccountSizeGb]), None);
    }

    #[test]
    fn create_controls_are_known_by_text() {
        for t in ["Create", " create ", "OK", "Save", "Add"] {
            assert!(is_create_text(t), "{t}");
        }
        for t in ["Cancel", "Close", "✕", "Create anyway"] {
            assert!(!is_create_text(t), "{t}");
        }
    }
}
