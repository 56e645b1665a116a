//! Which field a label names, and which form a set of fields is: pure functions of the
//! text a partner reads, so the page reader never decides anything from ids or markup.

use crate::field::FieldId;
use serde::{Deserialize, Serialize};

/// The forms Allot recognises; the name is what `data-allot-form` carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FormKind {
    CreateCompany,
    ChangeAccountSize,
}

impl FormKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FormKind::CreateCompany => "create-company",
            FormKind::ChangeAccountSize => "change-account-size",
        }
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
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
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

/// The form a set of fields found together is, if Allot checks it.
pub fn form_kind(fields: &[FieldId]) -> Option<FormKind> {
    let has = |f: FieldId| fields.contains(&f);
    let create_keys = [
        FieldId::CompanyName,
        FieldId::QuotaGb,
        FieldId::Username,
        FieldId::Password,
    ];
    if create_keys.iter().filter(|f| has(**f)).count() >= 3 {
        return Some(FormKind::CreateCompany);
    }
    if has(FieldId::AccountSizeGb) && !has(FieldId::CompanyName) {
        return Some(FormKind::ChangeAccountSize);
    }
    None
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
