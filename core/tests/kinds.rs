//! The form kinds as a table: the labels each kind shows in both dashboard generations,
//! and near-misses (a log-on form, a size dialog beside a create dialog) that must not be
//! taken for one; then what each kind's valid form says.

use allot_core::labels::{classify, form_kind, FormKind};
use allot_core::{check_form, FieldId, FormSnapshot, Options, Severity};

/// The fields the labels name, in order; a label that names nothing fails the row.
fn fields(labels: &[&str]) -> Vec<FieldId> {
    labels
        .iter()
        .map(|l| classify(l).unwrap_or_else(|| panic!("{l:?} names no field")))
        .collect()
}

/// (what, labels as the page shows them, the kind they make).
const TABLE: &[(&str, &[&str], Option<FormKind>)] = &[
    (
        "seed: Create Company With Admin Backup Account",
        &[
            "Company Name",
            "Quota In GB",
            "EGR Licenses",
            "SP v5 Licenses",
            "Enable EndGuard",
            "Full Name",
            "Email",
            "Username (usually same as email)",
            "Password",
            "Confirm Password",
            "Is Ultrasafe ?",
            "Secret Question",
            "Secret Answer",
        ],
        Some(FormKind::CreateCompany),
    ),
    (
        "newer: Create Company, admin account now",
        &[
            "Company Name",
            "Quota in GB",
            "SP v5 Licenses",
            "Is Managed",
            "Full Name",
            "Email",
            "Username",
            "Password",
            "Confirm Password",
        ],
        Some(FormKind::CreateCompany),
    ),
    (
        "newer: Create Company, admin account later",
        &[
            "Company Name",
            "Quota in GB",
            "SP v5 Licenses",
            "Is Managed",
        ],
        Some(FormKind::CreateCompany),
    ),
    (
        "seed: Create Backup Account",
        &[
            "Company/Reseller",
            "Full Name",
            "Email",
            "Username",
            "Password",
            "Confirm Password",
            "Account Size In GB",
            "Is Ultrasafe ?",
        ],
        Some(FormKind::CreateBackupAccount),
    ),
    (
        "newer: Create Backup Account",
        &[
            "Company/Reseller",
            "Full Name",
            "Email",
            "Username",
            "Password",
            "Confirm Password",
            "Account Size In GB",
            "Is UltraSafe",
        ],
        Some(FormKind::CreateBackupAccount),
    ),
    (
        "Create Backup Account, a few labels read",
        &["Username", "Password", "Account Size In GB"],
        Some(FormKind::CreateBackupAccount),
    ),
    (
        "seed: Change Account Size (Ok)",
        &["Account Size In GB"],
        Some(FormKind::ChangeAccountSize),
    ),
    (
        "newer: Change Account Size (Save)",
        &["Account Size In GB:"],
        Some(FormKind::ChangeAccountSize),
    ),
    (
        "seed: Change Company Size",
        &["Company Size In GB"],
        Some(FormKind::ChangeCompanySize),
    ),
    (
        "newer: Change Company Size",
        &["Quota in GB"],
        Some(FormKind::ChangeCompanySize),
    ),
    ("log-on form", &["User Name", "Password"], None),
    (
        "a size dialog beside a create dialog",
        &["Quota In GB", "Account Size In GB"],
        None,
    ),
    (
        "an account size with one account field is neither dialog",
        &["Username", "Account Size In GB"],
        None,
    ),
    (
        "a change-password form",
        &["Password", "Confirm Password"],
        None,
    ),
    ("a contact form", &["Full Name", "Email"], None),
    (
        "a company's name and a backup account's size",
        &["Company Name", "Full Name", "Email", "Account Size In GB"],
        None,
    ),
];

#[test]
fn each_kind_is_known_by_its_labels_in_both_generations() {
    let mut failures = Vec::new();
    for (what, labels, want) in TABLE {
        let got = form_kind(&fields(labels));
        if got != *want {
            failures.push(format!("{what}: expected {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_kind_has_a_row_in_each_generation() {
    for kind in FormKind::ALL {
        let rows = TABLE.iter().filter(|(_, _, k)| *k == Some(kind)).count();
        assert!(rows >= 2, "{} has {rows} rows", kind.as_str());
        assert_eq!(FormKind::parse(kind.as_str()), Some(kind));
    }
}

#[test]
fn new_labels_name_their_fields() {
    for (label, field) in [
        ("Company/Reseller", FieldId::CompanyReseller),
        ("Company / Reseller:", FieldId::CompanyReseller),
        ("Is Managed", FieldId::IsManaged),
        ("Company Size In GB", FieldId::QuotaGb),
        ("Account Size In GB", FieldId::AccountSizeGb),
    ] {
        assert_eq!(classify(label), Some(field), "{label}");
    }
    for label in [
        "Assign ShadowProtect v5 license",
        "Limited rights",
        "Do not send Welcome Email",
        "Size (click to change)",
    ] {
        assert_eq!(classify(label), None, "{label}");
    }
    assert_eq!(FieldId::CompanyReseller.as_str(), "company_reseller");
    assert_eq!(FieldId::IsManaged.as_str(), "is_managed");
    assert!(FieldId::IsManaged.is_checkbox());
}

const PASSWORD: &str = "Hi9!Tech#x";

fn create_backup_account() -> FormSnapshot {
    FormSnapshot {
        kind: FormKind::CreateBackupAccount,
        company_reseller: Some("Acme Dental".into()),
        full_name: Some("Front Desk".into()),
        email: Some("desk@acmedental.example.com".into()),
        username: Some("AcmeFrontDesk".into()),
        password: Some(PASSWORD.into()),
        confirm_password: Some(PASSWORD.into()),
        account_size_gb: Some("25".into()),
        ultrasafe: Some(false),
        company_quota_gb: Some(100),
        ..FormSnapshot::default()
    }
}

fn codes(s: &FormSnapshot) -> Vec<String> {
    check_form(s, &Options::default())
        .into_iter()
        .map(|f| f.code)
        .collect()
}

#[test]
fn a_valid_backup_account_says_only_notes() {
    let mut s = create_backup_account();
    s.create_attempted = true;
    let findings = check_form(&s, &Options::default());
    assert!(findings.iter().all(|f| f.severity == Severity::Info));
    assert_eq!(codes(&s), ["username.not_reusable", "ultrasafe.hipaa"]);
}

#[test]
fn a_backup_account_gets_the_create_rules() {
    let mut s = create_backup_account();
    s.username = Some("desk@acmedental.example.com".into());
    s.ultrasafe = Some(true);
    s.account_size_gb = Some("200".into());
    s.create_attempted = true;
    let got = codes(&s);
    for code in [
        "username.email_style",
        "ultrasafe.irreversible",
        "ultrasafe.ack_required",
        "quota.over_company_quota",
    ] {
        assert!(got.iter().any(|c| c == code), "{code} missing from {got:?}");
    }
    // The suggestion for an email-style username comes from the chosen company.
    let f = check_form(&s, &Options::default());
    let email = f.iter().find(|f| f.code == "username.email_style");
    assert_eq!(
        email.map(|f| f.suggestions.clone()),
        Some(vec!["AcmeDental".to_string()])
    );
    assert!(!got.iter().any(|c| c.starts_with("secret.")));
    assert!(!got.iter().any(|c| c == "quota.admin_starts_at_5"));
}

#[test]
fn the_newer_create_company_notes() {
    let later = FormSnapshot {
        company_name: Some("HighTech".into()),
        quota_gb: Some("10".into()),
        sp_licenses: Some("0".into()),
        is_managed: Some(false),
        ..FormSnapshot::default()
    };
    assert!(later.admin_later());
    assert_eq!(codes(&later), ["company.admin_later", "company.unmanaged"]);
    let mut now = later.clone();
    now.username = Some("HighTech".into());
    assert!(!now.admin_later());
    assert!(codes(&now).contains(&"quota.admin_starts_at_5".to_string()));
}

#[test]
fn size_dialogs_check_only_their_size() {
    let company = FormSnapshot {
        kind: FormKind::ChangeCompanySize,
        quota_gb: Some("25".into()),
        company_used_gb: Some(75),
        ..FormSnapshot::default()
    };
    assert_eq!(codes(&company), ["quota.below_used"]);
    let mut empty = company.clone();
    empty.quota_gb = Some(String::new());
    empty.create_attempted = true;
    assert_eq!(codes(&empty), ["quota.not_a_number"]);
    let account = FormSnapshot {
        kind: FormKind::ChangeAccountSize,
        account_size_gb: Some("150".into()),
        company_quota_gb: Some(100),
        ..FormSnapshot::default()
    };
    assert_eq!(
        codes(&account),
        ["quota.needs_pax8_ticket", "quota.over_company_quota"]
    );
    let pax8 = Options {
        pax8_half_steps: true,
        ..Options::default()
    };
    let mut fits = account.clone();
    fits.company_quota_gb = Some(200);
    assert!(check_form(&fits, &pax8).is_empty());
}
