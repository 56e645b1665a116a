//! The table of rules: for every code in `codes::ALL`, inputs that yield it and inputs
//! that do not. A code without both kinds of row fails `every_code_has_both_kinds_of_row`.

use allot_core::codes::{self, *};
use allot_core::labels::FormKind;
use allot_core::size::check_size;
use allot_core::{check_form, FieldId, Finding, FormSnapshot, Options, RuleGroup};
use std::collections::BTreeSet;

const PASSWORD: &str = "Hi9!Tech#x";
const ANSWER: &str = "Master Chief";

/// The seed's form, as the partner filled it in, with a good password.
fn seed() -> FormSnapshot {
    FormSnapshot {
        company_name: Some("HighTech".into()),
        quota_gb: Some("10".into()),
        egr_licenses: Some("0".into()),
        sp_licenses: Some("0".into()),
        endguard: Some(false),
        full_name: Some("HighTech".into()),
        email: Some("kblanc@pax8.com".into()),
        username: Some("HighTech".into()),
        password: Some(PASSWORD.into()),
        confirm_password: Some(PASSWORD.into()),
        ultrasafe: Some(false),
        secret_question: Some("What was your high school mascot?".into()),
        secret_answer: Some(ANSWER.into()),
        ..FormSnapshot::default()
    }
}

enum Input {
    Form(Box<FormSnapshot>, Options),
    Size {
        field: FieldId,
        text: &'static str,
        company_quota_gb: Option<u32>,
        options: Options,
    },
}

impl Input {
    fn run(&self) -> Vec<Finding> {
        match self {
            Input::Form(s, o) => check_form(s, o),
            Input::Size {
                field,
                text,
                company_quota_gb,
                options,
            } => check_size(*field, text, *company_quota_gb, options),
        }
    }
}

struct Row {
    code: &'static str,
    yields: bool,
    what: String,
    input: Input,
}

/// The seed form changed by `change`, as the partner is typing (nothing left yet).
fn typing(change: impl FnOnce(&mut FormSnapshot)) -> Input {
    let mut s = seed();
    change(&mut s);
    Input::Form(Box::new(s), Options::default())
}

/// The seed form changed by `change`, after the partner clicked Create.
fn on_create(change: impl FnOnce(&mut FormSnapshot)) -> Input {
    let mut s = seed();
    s.create_attempted = true;
    change(&mut s);
    Input::Form(Box::new(s), Options::default())
}

fn left(field: FieldId, change: impl FnOnce(&mut FormSnapshot)) -> Input {
    let mut s = seed();
    s.touched.insert(field);
    change(&mut s);
    Input::Form(Box::new(s), Options::default())
}

fn size(field: FieldId, text: &'static str, quota: Option<u32>, half: bool) -> Input {
    Input::Size {
        field,
        text,
        company_quota_gb: quota,
        options: Options {
            pax8_half_steps: half,
            ..Options::default()
        },
    }
}

fn quota(text: &'static str) -> Input {
    size(FieldId::QuotaGb, text, None, false)
}

fn account(text: &'static str) -> Input {
    size(FieldId::AccountSizeGb, text, None, false)
}

fn disabled(group: RuleGroup, input: Input) -> Input {
    match input {
        Input::Form(s, mut o) => {
            o.disabled_groups.insert(group);
            Input::Form(s, o)
        }
        Input::Size {
            field,
            text,
            company_quota_gb,
            mut options,
        } => {
            options.disabled_groups.insert(group);
            Input::Size {
                field,
                text,
                company_quota_gb,
                options,
            }
        }
    }
}

/// A form of another kind as the partner filled it in, with nothing Allot calls an error:
/// the newer Create Company ("Now"), its "Later" form, a Create Backup Account under Acme
/// Dental (quota 100 GB shown), a Change Account Size (quota 100 GB shown) and a Change
/// Company Size (75 GB used shown).
fn form_of(kind: FormKind, later: bool) -> FormSnapshot {
    let mut s = FormSnapshot {
        kind,
        ..FormSnapshot::default()
    };
    let admin = |s: &mut FormSnapshot| {
        s.full_name = Some("Dana Acme".into());
        s.email = Some("dana@acmedental.example.com".into());
        s.username = Some("AcmeFrontDesk".into());
        s.password = Some(PASSWORD.into());
        s.confirm_password = Some(PASSWORD.into());
    };
    match kind {
        FormKind::CreateCompany => {
            s.company_name = Some("HighTech".into());
            s.quota_gb = Some("10".into());
            s.sp_licenses = Some("0".into());
            s.is_managed = Some(true);
            if !later {
                admin(&mut s);
            }
        }
        FormKind::CreateBackupAccount => {
            s.company_reseller = Some("Acme Dental".into());
            admin(&mut s);
            s.account_size_gb = Some("25".into());
            s.ultrasafe = Some(false);
            s.company_quota_gb = Some(100);
        }
        FormKind::ChangeAccountSize => {
            s.account_size_gb = Some("50".into());
            s.company_quota_gb = Some(100);
        }
        FormKind::ChangeCompanySize => {
            s.quota_gb = Some("200".into());
            s.company_used_gb = Some(75);
        }
    }
    s
}

/// [`form_of`] changed by `change`; `attempted`: after the partner clicked Create.
fn kind(
    kind: FormKind,
    later: bool,
    attempted: bool,
    change: impl FnOnce(&mut FormSnapshot),
) -> Input {
    let mut s = form_of(kind, later);
    s.create_attempted = attempted;
    change(&mut s);
    Input::Form(Box::new(s), Options::default())
}

fn password(p: &'static str) -> Input {
    typing(|s| {
        s.password = Some(p.into());
        s.confirm_password = Some(p.into());
    })
}

fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    let mut yes = |code: &'static str, what: &str, input: Input| {
        rows.push(Row {
            code,
            yields: true,
            what: what.to_string(),
            input,
        })
    };
    // Quota and account size.
    yes(QUOTA_NOT_A_NUMBER, "10GB", quota("10GB"));
    yes(QUOTA_NOT_A_NUMBER, "10 gb", quota("10 gb"));
    yes(QUOTA_NOT_A_NUMBER, "10.5", quota("10.5"));
    yes(QUOTA_NOT_A_NUMBER, "-5", quota("-5"));
    yes(QUOTA_NOT_A_NUMBER, "1e3", quota("1e3"));
    yes(QUOTA_NOT_A_NUMBER, "0x10", quota("0x10"));
    yes(QUOTA_NOT_A_NUMBER, "+10", quota("+10"));
    yes(QUOTA_NOT_A_NUMBER, "Arabic-Indic digits", quota("١٠"));
    yes(QUOTA_NOT_A_NUMBER, "beyond u32", account("99999999999"));
    yes(
        QUOTA_NOT_A_NUMBER,
        "empty quota on Create",
        on_create(|s| s.quota_gb = Some(" ".into())),
    );
    yes(QUOTA_BELOW_MINIMUM, "4", quota("4"));
    yes(QUOTA_BELOW_MINIMUM, "0", account("0"));
    yes(QUOTA_NOT_A_TIER, "7", quota("7"));
    yes(QUOTA_NOT_A_TIER, "75", account("75"));
    yes(QUOTA_NOT_A_STEP, "120", quota("120"));
    yes(
        QUOTA_NOT_A_STEP,
        "120 with 50 GB steps",
        size(FieldId::QuotaGb, "120", None, true),
    );
    yes(QUOTA_NEEDS_PAX8_TICKET, "150", quota("150"));
    yes(QUOTA_NEEDS_PAX8_TICKET, "250 account", account("250"));
    yes(QUOTA_UNUSUALLY_LARGE, "10000", quota("10000"));
    yes(QUOTA_UNUSUALLY_LARGE, "250000", account("250000"));
    yes(
        QUOTA_OVER_COMPANY_QUOTA,
        "200 in 100",
        size(FieldId::AccountSizeGb, "200", Some(100), false),
    );
    yes(QUOTA_ADMIN_STARTS_AT_5, "seed form (10)", typing(|_| {}));
    yes(QUOTA_ADMIN_STARTS_AT_5, "1000", quota("1000"));
    yes(
        QUOTA_ADMIN_STARTS_AT_5,
        "newer Create Company, Now",
        kind(FormKind::CreateCompany, false, false, |_| {}),
    );
    yes(
        QUOTA_BELOW_USED,
        "company size 25 with 75 used",
        kind(FormKind::ChangeCompanySize, false, false, |s| {
            s.quota_gb = Some("25".into())
        }),
    );
    yes(
        QUOTA_OVER_COMPANY_QUOTA,
        "backup account of 200 in Acme's 100",
        kind(FormKind::CreateBackupAccount, false, false, |s| {
            s.account_size_gb = Some("200".into())
        }),
    );
    yes(
        QUOTA_OVER_COMPANY_QUOTA,
        "change account size to 200 in 100",
        kind(FormKind::ChangeAccountSize, false, false, |s| {
            s.account_size_gb = Some("200".into())
        }),
    );
    yes(
        QUOTA_NOT_A_NUMBER,
        "empty account size on Create",
        kind(FormKind::CreateBackupAccount, false, true, |s| {
            s.account_size_gb = Some(String::new())
        }),
    );
    yes(
        QUOTA_NOT_A_TIER,
        "backup account of 75",
        kind(FormKind::CreateBackupAccount, false, false, |s| {
            s.account_size_gb = Some("75".into())
        }),
    );
    yes(
        QUOTA_NEEDS_PAX8_TICKET,
        "company size 150",
        kind(FormKind::ChangeCompanySize, false, false, |s| {
            s.quota_gb = Some("150".into())
        }),
    );
    yes(
        QUOTA_BELOW_MINIMUM,
        "change account size to 3",
        kind(FormKind::ChangeAccountSize, false, false, |s| {
            s.account_size_gb = Some("3".into())
        }),
    );
    yes(
        USERNAME_EMAIL_STYLE,
        "backup account's email-style username",
        kind(FormKind::CreateBackupAccount, false, false, |s| {
            s.username = Some("dana@acmedental.example.com".into())
        }),
    );
    yes(
        ULTRASAFE_ACK_REQUIRED,
        "backup account's Is UltraSafe on Create",
        kind(FormKind::CreateBackupAccount, false, true, |s| {
            s.ultrasafe = Some(true)
        }),
    );
    yes(
        PASSWORD_MISMATCH,
        "newer Create Company",
        kind(FormKind::CreateCompany, false, false, |s| {
            s.confirm_password = Some("other".into())
        }),
    );
    yes(
        COMPANY_UNMANAGED,
        "Is Managed unticked",
        kind(FormKind::CreateCompany, false, false, |s| {
            s.is_managed = Some(false)
        }),
    );
    yes(
        COMPANY_UNMANAGED,
        "Is Managed unticked, Later",
        kind(FormKind::CreateCompany, true, false, |s| {
            s.is_managed = Some(false)
        }),
    );
    yes(
        COMPANY_ADMIN_LATER,
        "Later: no admin fields",
        kind(FormKind::CreateCompany, true, false, |_| {}),
    );

    // Username.
    yes(
        USERNAME_REQUIRED,
        "empty, left",
        left(FieldId::Username, |s| s.username = Some(String::new())),
    );
    yes(
        USERNAME_REQUIRED,
        "spaces, on Create",
        on_create(|s| s.username = Some("  ".into())),
    );
    yes(
        USERNAME_EMAIL_STYLE,
        "seed's email",
        typing(|s| s.username = Some("kblanc@pax8.com".into())),
    );
    yes(
        USERNAME_LENGTH,
        "2 characters",
        typing(|s| s.username = Some("ab".into())),
    );
    yes(
        USERNAME_LENGTH,
        "51 characters",
        typing(|s| s.username = Some("a".repeat(51))),
    );
    yes(
        USERNAME_CHARACTERS,
        "a space",
        typing(|s| s.username = Some("High Tech".into())),
    );
    yes(
        USERNAME_CHARACTERS,
        "an accent",
        typing(|s| s.username = Some("Hígh".into())),
    );
    yes(
        USERNAME_RESERVED,
        "123WS",
        typing(|s| s.username = Some("123WS".into())),
    );
    yes(
        USERNAME_RESERVED,
        "4fl",
        typing(|s| s.username = Some("4fl".into())),
    );
    yes(
        USERNAME_RESERVED,
        "u42",
        typing(|s| s.username = Some("u42".into())),
    );
    yes(USERNAME_NOT_REUSABLE, "seed form", typing(|_| {}));

    // Password.
    yes(
        PASSWORD_REQUIRED,
        "empty on Create",
        on_create(|s| s.password = Some(String::new())),
    );
    yes(PASSWORD_LENGTH, "7 characters", password("Hi9!Tec"));
    yes(
        PASSWORD_LENGTH,
        "21 characters",
        password("Hi9!Tech#xHi9!Tech#xY"),
    );
    yes(PASSWORD_NEEDS_DIGIT, "no digit", password("Hi!Tech#x"));
    yes(PASSWORD_NEEDS_UPPER, "no capital", password("hi9!tech#x"));
    yes(
        PASSWORD_NEEDS_LOWER,
        "no lower-case",
        password("HI9!TECH#X"),
    );
    yes(PASSWORD_NEEDS_SYMBOL, "no symbol", password("Hi9Techx"));
    yes(PASSWORD_CHARACTERS, "a space", password("Hi9! Tech#x"));
    yes(PASSWORD_CHARACTERS, "a hyphen", password("Hi9!-Tech#x"));
    yes(PASSWORD_RUN, "111", password("Hi111!Tech#x"));
    yes(PASSWORD_RUN, "abc", password("Hi9!abcT#x"));
    yes(PASSWORD_RUN, "321", password("Hi321!Tech#x"));
    yes(PASSWORD_COMMON_WORD, "Pass", password("Pass9!Tech#x"));
    yes(PASSWORD_COMMON_WORD, "iloveyou", password("ILoveYou9!x"));
    yes(
        PASSWORD_MISMATCH,
        "different",
        typing(|s| s.confirm_password = Some("Hi9!Tech#y".into())),
    );
    yes(
        PASSWORD_MISMATCH,
        "empty confirmation on Create",
        on_create(|s| s.confirm_password = Some(String::new())),
    );

    // UltraSafe.
    let ultrasafe = |s: &mut FormSnapshot| s.ultrasafe = Some(true);
    yes(ULTRASAFE_IRREVERSIBLE, "ticked", typing(ultrasafe));
    yes(
        ULTRASAFE_ACK_REQUIRED,
        "ticked, Create, no acknowledgment",
        on_create(ultrasafe),
    );
    yes(ULTRASAFE_SECRET_UNUSED, "ticked", typing(ultrasafe));
    yes(ULTRASAFE_HIPAA, "not ticked", typing(|_| {}));

    // Secret question and answer.
    yes(
        SECRET_QUESTION_REQUIRED,
        "empty on Create",
        on_create(|s| s.secret_question = Some(String::new())),
    );
    yes(
        SECRET_ANSWER_REQUIRED,
        "empty, left",
        left(FieldId::SecretAnswer, |s| {
            s.secret_answer = Some(" ".into())
        }),
    );
    yes(
        SECRET_ANSWER_CONTAINS_PASSWORD,
        "the password inside",
        typing(|s| s.secret_answer = Some(format!("my {PASSWORD} dog"))),
    );
    yes(
        SECRET_ANSWER_CONTAINS_PASSWORD,
        "the password in another case",
        typing(|s| s.secret_answer = Some(PASSWORD.to_uppercase())),
    );

    // Other fields.
    yes(
        COMPANY_REQUIRED,
        "empty on Create",
        on_create(|s| s.company_name = Some(String::new())),
    );
    yes(
        FULL_NAME_REQUIRED,
        "empty, left",
        left(FieldId::FullName, |s| s.full_name = Some(String::new())),
    );
    yes(
        EMAIL_REQUIRED,
        "empty on Create",
        on_create(|s| s.email = Some(String::new())),
    );
    yes(
        EMAIL_FORMAT,
        "no domain",
        typing(|s| s.email = Some("kblanc".into())),
    );
    yes(
        EMAIL_FORMAT,
        "no top-level domain",
        typing(|s| s.email = Some("kblanc@pax8".into())),
    );
    yes(
        LICENSES_NOT_A_NUMBER,
        "EGR -1",
        typing(|s| s.egr_licenses = Some("-1".into())),
    );
    yes(
        LICENSES_NOT_A_NUMBER,
        "SP v5 two",
        typing(|s| s.sp_licenses = Some("two".into())),
    );

    let mut no = |code: &'static str, what: &str, input: Input| {
        rows.push(Row {
            code,
            yields: false,
            what: what.to_string(),
            input,
        })
    };
    // The seed form, as typed, yields no error and no warning.
    for code in ALL {
        let info_only = [
            QUOTA_ADMIN_STARTS_AT_5,
            USERNAME_NOT_REUSABLE,
            ULTRASAFE_HIPAA,
        ];
        if !info_only.contains(code) {
            no(code, "seed form", typing(|_| {}));
            no(code, "seed form on Create", on_create(|_| {}));
        }
    }

    no(QUOTA_NOT_A_NUMBER, "10", quota("10"));
    no(QUOTA_NOT_A_NUMBER, " 10 ", quota(" 10 "));
    no(QUOTA_NOT_A_NUMBER, "empty size", account(""));
    no(
        QUOTA_NOT_A_NUMBER,
        "empty quota, not left",
        typing(|s| s.quota_gb = Some(String::new())),
    );
    no(
        QUOTA_NOT_A_NUMBER,
        "quota not on the page",
        on_create(|s| s.quota_gb = None),
    );
    no(QUOTA_BELOW_MINIMUM, "5", quota("5"));
    no(QUOTA_NOT_A_TIER, "50", quota("50"));
    no(QUOTA_NOT_A_TIER, "100", quota("100"));
    no(
        QUOTA_NOT_A_TIER,
        "7 with quota rules off",
        disabled(RuleGroup::Quota, quota("7")),
    );
    no(QUOTA_NOT_A_STEP, "200", quota("200"));
    no(
        QUOTA_NOT_A_STEP,
        "150 with 50 GB steps",
        size(FieldId::QuotaGb, "150", None, true),
    );
    no(
        QUOTA_NEEDS_PAX8_TICKET,
        "150 with 50 GB steps",
        size(FieldId::QuotaGb, "150", None, true),
    );
    no(QUOTA_NEEDS_PAX8_TICKET, "200", quota("200"));
    no(QUOTA_UNUSUALLY_LARGE, "9900", quota("9900"));
    no(
        QUOTA_OVER_COMPANY_QUOTA,
        "100 in 100",
        size(FieldId::AccountSizeGb, "100", Some(100), false),
    );
    no(
        QUOTA_OVER_COMPANY_QUOTA,
        "200, quota unknown",
        account("200"),
    );
    no(QUOTA_ADMIN_STARTS_AT_5, "5", quota("5"));
    no(QUOTA_ADMIN_STARTS_AT_5, "account size 10", account("10"));
    no(QUOTA_ADMIN_STARTS_AT_5, "7 is an error", quota("7"));
    no(
        QUOTA_ADMIN_STARTS_AT_5,
        "Later: no admin account",
        kind(FormKind::CreateCompany, true, false, |_| {}),
    );
    no(
        QUOTA_ADMIN_STARTS_AT_5,
        "company size 200",
        kind(FormKind::ChangeCompanySize, false, false, |_| {}),
    );
    no(
        QUOTA_BELOW_USED,
        "company size 200 with 75 used",
        kind(FormKind::ChangeCompanySize, false, false, |_| {}),
    );
    no(
        QUOTA_BELOW_USED,
        "company size 25, used not shown",
        kind(FormKind::ChangeCompanySize, false, false, |s| {
            s.quota_gb = Some("25".into());
            s.company_used_gb = None;
        }),
    );
    no(
        QUOTA_BELOW_USED,
        "Create Company of 25 beside 75 used",
        kind(FormKind::CreateCompany, false, false, |s| {
            s.quota_gb = Some("25".into());
            s.company_used_gb = Some(75);
        }),
    );
    no(
        QUOTA_OVER_COMPANY_QUOTA,
        "backup account of 200, quota not shown",
        kind(FormKind::CreateBackupAccount, false, false, |s| {
            s.account_size_gb = Some("200".into());
            s.company_quota_gb = None;
        }),
    );
    no(
        COMPANY_UNMANAGED,
        "Is Managed ticked",
        kind(FormKind::CreateCompany, false, true, |_| {}),
    );
    no(
        COMPANY_ADMIN_LATER,
        "Now: the admin fields",
        kind(FormKind::CreateCompany, false, true, |_| {}),
    );
    no(
        COMPANY_ADMIN_LATER,
        "change company size",
        kind(FormKind::ChangeCompanySize, false, true, |_| {}),
    );
    for k in FormKind::ALL {
        for code in [QUOTA_NOT_A_NUMBER, PASSWORD_MISMATCH, USERNAME_REQUIRED] {
            no(code, k.as_str(), kind(k, false, true, |_| {}));
        }
    }

    no(
        USERNAME_REQUIRED,
        "empty, not left",
        typing(|s| s.username = Some(String::new())),
    );
    no(
        USERNAME_REQUIRED,
        "not on the page",
        on_create(|s| s.username = None),
    );
    no(
        USERNAME_EMAIL_STYLE,
        "no top-level domain",
        typing(|s| s.username = Some("kblanc@pax8".into())),
    );
    no(
        USERNAME_LENGTH,
        "3 characters",
        typing(|s| s.username = Some("abc".into())),
    );
    no(
        USERNAME_LENGTH,
        "50 characters",
        typing(|s| s.username = Some("a".repeat(50))),
    );
    no(
        USERNAME_CHARACTERS,
        "all the allowed kinds",
        typing(|s| s.username = Some("High.Tech_co-1@x".into())),
    );
    no(
        USERNAME_RESERVED,
        "WS alone",
        typing(|s| s.username = Some("WS".into())),
    );
    no(
        USERNAME_RESERVED,
        "u42a",
        typing(|s| s.username = Some("u42a".into())),
    );
    no(
        USERNAME_NOT_REUSABLE,
        "empty",
        typing(|s| s.username = Some(String::new())),
    );

    no(
        PASSWORD_REQUIRED,
        "empty, not left",
        typing(|s| s.password = Some(String::new())),
    );
    no(PASSWORD_LENGTH, "8 characters", password("Hi9!Tecx"));
    no(
        PASSWORD_LENGTH,
        "20 characters",
        password("Hi9!Tech#xHi8!Tech#x"),
    );
    no(PASSWORD_CHARACTERS, "a backslash", password("Hi9\\Tech#x"));
    no(PASSWORD_RUN, "124", password("Hi124!Tech#x"));
    no(PASSWORD_COMMON_WORD, "pas", password("Pas9!Tech#x"));
    no(
        PASSWORD_MISMATCH,
        "empty confirmation, not left",
        typing(|s| s.confirm_password = Some(String::new())),
    );
    no(
        PASSWORD_MISMATCH,
        "confirmation not on the page",
        on_create(|s| s.confirm_password = None),
    );

    no(ULTRASAFE_IRREVERSIBLE, "not ticked", typing(|_| {}));
    no(
        ULTRASAFE_ACK_REQUIRED,
        "ticked, not Create",
        typing(|s| s.ultrasafe = Some(true)),
    );
    no(
        ULTRASAFE_ACK_REQUIRED,
        "ticked, Create, acknowledged",
        on_create(|s| {
            s.ultrasafe = Some(true);
            s.ultrasafe_ack = true;
        }),
    );
    no(ULTRASAFE_SECRET_UNUSED, "not ticked", typing(|_| {}));
    no(
        ULTRASAFE_HIPAA,
        "ticked",
        typing(|s| s.ultrasafe = Some(true)),
    );
    no(
        ULTRASAFE_HIPAA,
        "checkbox not on the page",
        typing(|s| s.ultrasafe = None),
    );
    no(
        ULTRASAFE_HIPAA,
        "UltraSafe rules off",
        disabled(RuleGroup::Ultrasafe, typing(|_| {})),
    );

    no(
        SECRET_QUESTION_REQUIRED,
        "empty with UltraSafe, on Create",
        on_create(|s| {
            s.ultrasafe = Some(true);
            s.ultrasafe_ack = true;
            s.secret_question = Some(String::new());
        }),
    );
    no(
        SECRET_ANSWER_REQUIRED,
        "empty with UltraSafe, on Create",
        on_create(|s| {
            s.ultrasafe = Some(true);
            s.secret_answer = Some(String::new());
        }),
    );
    no(
        SECRET_ANSWER_REQUIRED,
        "empty, not left",
        typing(|s| s.secret_answer = Some(String::new())),
    );
    no(
        SECRET_ANSWER_CONTAINS_PASSWORD,
        "a 3-character password",
        typing(|s| {
            s.password = Some("ast".into());
            s.secret_answer = Some("Master Chief".into());
        }),
    );

    no(
        COMPANY_REQUIRED,
        "empty, not left",
        typing(|s| s.company_name = Some(String::new())),
    );
    no(
        FULL_NAME_REQUIRED,
        "not on the page",
        on_create(|s| s.full_name = None),
    );
    no(
        EMAIL_REQUIRED,
        "empty, not left",
        typing(|s| s.email = Some(String::new())),
    );
    no(
        EMAIL_FORMAT,
        "empty on Create",
        on_create(|s| s.email = Some(String::new())),
    );
    no(
        LICENSES_NOT_A_NUMBER,
        "12",
        typing(|s| s.egr_licenses = Some("12".into())),
    );
    no(
        LICENSES_NOT_A_NUMBER,
        "empty",
        on_create(|s| s.sp_licenses = Some(String::new())),
    );
    rows
}

#[test]
fn every_row_holds() {
    let mut failures = Vec::new();
    for row in rows() {
        let findings = row.input.run();
        let found = findings.iter().any(|f| f.code == row.code);
        if found != row.yields {
            let got: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
            failures.push(format!(
                "{} {} for {:?}: got {:?}",
                if row.yields {
                    "expected"
                } else {
                    "did not expect"
                },
                row.code,
                row.what,
                got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_code_has_both_kinds_of_row() {
    let rows = rows();
    let mut missing = Vec::new();
    for code in ALL {
        for kind in [true, false] {
            if !rows.iter().any(|r| r.code == *code && r.yields == kind) {
                missing.push(format!(
                    "{code} has no row that {}",
                    if kind {
                        "yields it"
                    } else {
                        "does not yield it"
                    }
                ));
            }
        }
    }
    for r in &rows {
        if !ALL.contains(&r.code) {
            missing.push(format!("row {:?} names an unknown code {}", r.what, r.code));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn findings_agree_with_the_code_list() {
    for row in rows() {
        let form_kind = match &row.input {
            Input::Form(s, _) => Some(s.kind),
            Input::Size { .. } => None,
        };
        for f in row.input.run() {
            if let Some(k) = form_kind {
                assert!(
                    codes::kinds(&f.code).contains(&k),
                    "{} on a {} form ({})",
                    f.code,
                    k.as_str(),
                    row.what
                );
            }
            let info = codes::info_of(&f.code);
            assert!(info.is_some(), "unknown code {}", f.code);
            if let Some(info) = info {
                assert_eq!(Some(f.severity), codes::severity(&f.code), "{}", f.code);
                assert!(
                    info.fields.contains(&f.field),
                    "{} on {}",
                    f.code,
                    f.field.as_str()
                );
            }
        }
    }
}

#[test]
fn messages_follow_the_style() {
    for row in rows() {
        for f in row.input.run() {
            let m = f.message.to_lowercase();
            for banned in ["invalid", "please", "oops", "sorry"] {
                assert!(!m.contains(banned), "{}: {}", f.code, f.message);
            }
            assert!(f.message.len() > 10, "{}: {}", f.code, f.message);
            assert!(
                f.message.ends_with(['.', '-', '*']),
                "{}: {}",
                f.code,
                f.message
            );
        }
    }
    for info in codes::INFO {
        for field in info.fields {
            let m = codes::plain_message(info.code, *field).to_lowercase();
            assert!(!m.contains("invalid") && !m.contains("please"), "{m}");
            assert!(!m.contains("{label}"), "{m}");
        }
    }
}

/// A message with no value in it (no size, no count) is the code's plain message, the
/// one the README's table shows: one text per code, wherever it is said.
#[test]
fn fixed_messages_are_the_plain_ones() {
    let mut wrong = BTreeSet::new();
    for row in rows() {
        for f in row.input.run() {
            let fixed = !f.message.contains(|c: char| c.is_ascii_digit()) && f.params.is_empty();
            let plain = codes::plain_message(&f.code, f.field);
            // These say which of their cases it is; the table says what they share.
            let has_cases = [USERNAME_CHARACTERS, USERNAME_RESERVED, PASSWORD_MISMATCH]
                .contains(&f.code.as_str());
            if fixed && !has_cases && f.message != plain {
                wrong.insert(format!("{}: {:?} is not {:?}", f.code, f.message, plain));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_seed_form_creates_without_error() {
    let findings = check_form(&seed(), &Options::default());
    let got: BTreeSet<&str> = findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(
        got,
        [
            QUOTA_ADMIN_STARTS_AT_5,
            USERNAME_NOT_REUSABLE,
            ULTRASAFE_HIPAA
        ]
        .into_iter()
        .collect()
    );
}

#[test]
fn findings_come_in_form_order() {
    let mut s = seed();
    s.create_attempted = true;
    s.company_name = Some(String::new());
    s.quota_gb = Some("7".into());
    s.username = Some("a b".into());
    s.password = Some("x".into());
    s.ultrasafe = Some(true);
    let findings = check_form(&s, &Options::default());
    let fields: Vec<FieldId> = findings.iter().map(|f| f.field).collect();
    let mut sorted = fields.clone();
    sorted.sort();
    assert_eq!(fields, sorted);
    assert_eq!(fields.first(), Some(&FieldId::CompanyName));
    assert_eq!(fields.last(), Some(&FieldId::SecretQuestion));
}

#[test]
fn a_field_not_on_the_page_gets_nothing() {
    let s = FormSnapshot {
        create_attempted: true,
        touched: FieldId::ALL.into_iter().collect(),
        ..FormSnapshot::default()
    };
    assert!(check_form(&s, &Options::default()).is_empty());
}

#[test]
fn switched_off_groups_say_nothing() {
    let mut s = seed();
    s.create_attempted = true;
    s.company_name = Some(String::new());
    s.quota_gb = Some("7".into());
    s.username = Some("kblanc@pax8.com".into());
    s.password = Some("pass".into());
    s.ultrasafe = Some(true);
    s.email = Some("x".into());
    s.egr_licenses = Some("x".into());
    let all_off = Options {
        disabled_groups: RuleGroup::ALL.into_iter().collect(),
        ..Options::default()
    };
    assert!(check_form(&s, &all_off).is_empty());
    for group in RuleGroup::ALL {
        let options = Options {
            disabled_groups: [group].into_iter().collect(),
            ..Options::default()
        };
        for f in check_form(&s, &options) {
            assert_ne!(RuleGroup::of_code(&f.code), Some(group), "{}", f.code);
        }
    }
}

#[test]
fn email_style_username_suggests_the_company() {
    let mut s = seed();
    s.company_name = Some("High Tech, Inc.".into());
    s.username = Some("kblanc@pax8.com".into());
    let findings = check_form(&s, &Options::default());
    let f = findings.iter().find(|f| f.code == USERNAME_EMAIL_STYLE);
    assert_eq!(
        f.map(|f| f.suggestions.clone()),
        Some(vec!["HighTechInc".to_string()])
    );
    assert_eq!(
        allot_core::username::suggest_from_company("High Tech, Inc."),
        Some("HighTechInc".to_string())
    );
}

#[test]
fn ultrasafe_messages_say_what_the_seed_says() {
    let mut s = seed();
    s.ultrasafe = Some(true);
    s.create_attempted = true;
    let findings = check_form(&s, &Options::default());
    let find = |code: &str| {
        findings
            .iter()
            .find(|f| f.code == code)
            .cloned()
            .unwrap_or_else(|| panic!("no {code}"))
    };
    let f = find(ULTRASAFE_IRREVERSIBLE);
    assert!(
        f.message.contains("stays with the user only"),
        "{}",
        f.message
    );
    assert!(f.message.contains("cannot be recovered"), "{}", f.message);
    assert_eq!(f.field, FieldId::Ultrasafe);
    assert!(
        f.message.contains("cannot be switched off"),
        "{}",
        f.message
    );
    assert_eq!(find(ULTRASAFE_ACK_REQUIRED).field, FieldId::Ultrasafe);
    let unused: Vec<FieldId> = findings
        .iter()
        .filter(|f| f.code == ULTRASAFE_SECRET_UNUSED)
        .map(|f| f.field)
        .collect();
    assert_eq!(unused, [FieldId::SecretQuestion], "said once");
}

#[test]
fn debug_never_shows_a_secret() {
    let mut forms = vec![seed()];
    // A company name that holds the password: the username suggestion made from it
    // would show the password, so it is withheld.
    let mut s = seed();
    s.company_name = Some("Hi9@Tech Ltd".into());
    s.username = Some("kblanc@pax8.com".into());
    s.password = Some("Hi9@Tech".into());
    s.confirm_password = Some("Hi9@Tech".into());
    s.secret_answer = Some("Master Chief".into());
    s.create_attempted = true;
    forms.push(s);
    let mut s = seed();
    s.password = Some("pass word".into());
    s.confirm_password = Some("pass wort".into());
    s.secret_answer = Some("my pass word".into());
    forms.push(s);
    for s in forms {
        let mut blanked = s.clone();
        for slot in [
            &mut blanked.password,
            &mut blanked.confirm_password,
            &mut blanked.secret_answer,
        ] {
            if slot.is_some() {
                *slot = Some("other".into());
            }
        }
        assert_eq!(format!("{s:?}"), format!("{blanked:?}"));
        let secrets: Vec<String> = [&s.password, &s.confirm_password, &s.secret_answer]
            .into_iter()
            .flatten()
            .map(|x| x.to_lowercase())
            .collect();
        let findings = check_form(&s, &Options::default());
        for secret in &secrets {
            for f in &findings {
                let debug = format!("{f:?}").to_lowercase();
                assert!(!debug.contains(secret.as_str()), "{debug}");
                let json = serde_json::to_string(f).unwrap_or_default().to_lowercase();
                assert!(!json.contains(secret.as_str()), "{json}");
            }
        }
    }
}

#[test]
fn a_suggestion_holding_the_password_is_withheld() {
    let mut s = seed();
    s.company_name = Some("Hi9@Tech Ltd".into());
    s.username = Some("kblanc@pax8.com".into());
    let shown = check_form(&s, &Options::default());
    let suggestions = |fs: &[Finding]| -> Vec<String> {
        fs.iter()
            .filter(|f| f.code == USERNAME_EMAIL_STYLE)
            .flat_map(|f| f.suggestions.clone())
            .collect()
    };
    assert_eq!(suggestions(&shown), ["Hi9@TechLtd"]);
    s.password = Some("Hi9@Tech".into());
    let withheld = check_form(&s, &Options::default());
    assert!(suggestions(&withheld).is_empty());
}

#[test]
fn findings_round_trip_through_json() {
    for row in rows() {
        for f in row.input.run() {
            let json = serde_json::to_string(&f).unwrap_or_default();
            let back: Option<Finding> = serde_json::from_str(&json).ok();
            assert_eq!(back.as_ref(), Some(&f));
        }
    }
}

/// The README holds `codes::markdown_table()` between two markers. Run with
/// `ALLOT_BLESS=1` to rewrite it after changing the code list.
#[test]
fn readme_codes_table_is_up_to_date() {
    const START: &str = "<!-- codes:start -->\n";
    const END: &str = "<!-- codes:end -->";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");
    let table = codes::markdown_table();
    let file = std::fs::read_to_string(path).unwrap_or_default();
    if std::env::var_os("ALLOT_BLESS").is_some() {
        if let (Some(a), Some(b)) = (file.find(START), file.find(END)) {
            let updated = format!("{}{START}{table}{}", &file[..a], &file[b..]);
            std::fs::write(path, updated).expect("write README.md");
            return;
        }
    }
    assert!(
        file.contains(&format!("{START}{table}{END}")),
        "README.md does not hold codes::markdown_table(); run ALLOT_BLESS=1 cargo test -p allot-core --test table"
    );
}

/// Prints every distinct message the table produces, for reviewing the wording:
/// `cargo test -p allot-core --test table print_messages -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_messages() {
    let mut seen = BTreeSet::new();
    for row in rows() {
        for f in row.input.run() {
            if seen.insert(f.message.clone()) {
                println!(
                    "{:<34} {:<16} {} {:?}",
                    f.code,
                    f.field.as_str(),
                    f.message,
                    f.suggestions
                );
            }
        }
    }
}
