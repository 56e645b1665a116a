//! Every rule code Allot can report, with its severity, the fields it goes on, when it
//! appears and a plain message without any value in it (used when a message must be
//! withdrawn because it would echo a secret). Codes are stable: they are the
//! `data-allot-code` of the DOM and the names the tests use.

use crate::field::FieldId;
use crate::finding::Severity;
use crate::labels::FormKind;

pub const QUOTA_NOT_A_NUMBER: &str = "quota.not_a_number";
pub const QUOTA_BELOW_MINIMUM: &str = "quota.below_minimum";
pub const QUOTA_NOT_A_TIER: &str = "quota.not_a_tier";
pub const QUOTA_NOT_A_STEP: &str = "quota.not_a_step";
pub const QUOTA_NEEDS_PAX8_TICKET: &str = "quota.needs_pax8_ticket";
pub const QUOTA_UNUSUALLY_LARGE: &str = "quota.unusually_large";
pub const QUOTA_OVER_COMPANY_QUOTA: &str = "quota.over_company_quota";
pub const QUOTA_ADMIN_STARTS_AT_5: &str = "quota.admin_starts_at_5";
pub const QUOTA_BELOW_USED: &str = "quota.below_used";

pub const USERNAME_REQUIRED: &str = "username.required";
pub const USERNAME_EMAIL_STYLE: &str = "username.email_style";
pub const USERNAME_LENGTH: &str = "username.length";
pub const USERNAME_CHARACTERS: &str = "username.characters";
pub const USERNAME_RESERVED: &str = "username.reserved";
pub const USERNAME_NOT_REUSABLE: &str = "username.not_reusable";

pub const PASSWORD_REQUIRED: &str = "password.required";
pub const PASSWORD_LENGTH: &str = "password.length";
pub const PASSWORD_NEEDS_DIGIT: &str = "password.needs_digit";
pub const PASSWORD_NEEDS_UPPER: &str = "password.needs_upper";
pub const PASSWORD_NEEDS_LOWER: &str = "password.needs_lower";
pub const PASSWORD_NEEDS_SYMBOL: &str = "password.needs_symbol";
pub const PASSWORD_CHARACTERS: &str = "password.characters";
pub const PASSWORD_RUN: &str = "password.run";
pub const PASSWORD_COMMON_WORD: &str = "password.common_word";
pub const PASSWORD_MISMATCH: &str = "password.mismatch";

pub const ULTRASAFE_IRREVERSIBLE: &str = "ultrasafe.irreversible";
pub const ULTRASAFE_ACK_REQUIRED: &str = "ultrasafe.ack_required";
pub const ULTRASAFE_SECRET_UNUSED: &str = "ultrasafe.secret_unused";
pub const ULTRASAFE_HIPAA: &str = "ultrasafe.hipaa";

pub const SECRET_QUESTION_REQUIRED: &str = "secret.question_required";
pub const SECRET_ANSWER_REQUIRED: &str = "secret.answer_required";
pub const SECRET_ANSWER_CONTAINS_PASSWORD: &str = "secret.answer_contains_password";

pub const COMPANY_REQUIRED: &str = "company.required";
pub const COMPANY_UNMANAGED: &str = "company.unmanaged";
pub const COMPANY_ADMIN_LATER: &str = "company.admin_later";
pub const FULL_NAME_REQUIRED: &str = "full_name.required";
pub const EMAIL_REQUIRED: &str = "email.required";
pub const EMAIL_FORMAT: &str = "email.format";
pub const LICENSES_NOT_A_NUMBER: &str = "licenses.not_a_number";

/// Every code, grouped by rule group in form order.
pub const ALL: &[&str] = &[
    QUOTA_NOT_A_NUMBER,
    QUOTA_BELOW_MINIMUM,
    QUOTA_NOT_A_TIER,
    QUOTA_NOT_A_STEP,
    QUOTA_NEEDS_PAX8_TICKET,
    QUOTA_UNUSUALLY_LARGE,
    QUOTA_OVER_COMPANY_QUOTA,
    QUOTA_ADMIN_STARTS_AT_5,
    QUOTA_BELOW_USED,
    USERNAME_REQUIRED,
    USERNAME_EMAIL_STYLE,
    USERNAME_LENGTH,
    USERNAME_CHARACTERS,
    USERNAME_RESERVED,
    USERNAME_NOT_REUSABLE,
    PASSWORD_REQUIRED,
    PASSWORD_LENGTH,
    PASSWORD_NEEDS_DIGIT,
    PASSWORD_NEEDS_UPPER,
    PASSWORD_NEEDS_LOWER,
    PASSWORD_NEEDS_SYMBOL,
    PASSWORD_CHARACTERS,
    PASSWORD_RUN,
    PASSWORD_COMMON_WORD,
    PASSWORD_MISMATCH,
    ULTRASAFE_IRREVERSIBLE,
    ULTRASAFE_ACK_REQUIRED,
    ULTRASAFE_SECRET_UNUSED,
    ULTRASAFE_HIPAA,
    SECRET_QUESTION_REQUIRED,
    SECRET_ANSWER_REQUIRED,
    SECRET_ANSWER_CONTAINS_PASSWORD,
    COMPANY_REQUIRED,
    COMPANY_UNMANAGED,
    COMPANY_ADMIN_LATER,
    FULL_NAME_REQUIRED,
    EMAIL_REQUIRED,
    EMAIL_FORMAT,
    LICENSES_NOT_A_NUMBER,
];

/// What a code is: its severity, the fields it can go on, and a plain message. In
/// `plain`, `{label}` stands for the field's label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeInfo {
    pub code: &'static str,
    pub severity: Severity,
    pub fields: &'static [FieldId],
    pub plain: &'static str,
}

/// A code's [`CodeInfo`] and when it appears (the README's table says so). Only
/// [`when`] reads the text at run time, so the extension's module does not carry it.
struct Described {
    info: CodeInfo,
    when: &'static str,
}

const SIZE_FIELDS: &[FieldId] = &[FieldId::QuotaGb, FieldId::AccountSizeGb];
const SECRET_FIELDS: &[FieldId] = &[FieldId::SecretQuestion, FieldId::SecretAnswer];
const LICENSE_FIELDS: &[FieldId] = &[FieldId::EgrLicenses, FieldId::SpLicenses];

const fn info(
    code: &'static str,
    severity: Severity,
    fields: &'static [FieldId],
    when: &'static str,
    plain: &'static str,
) -> Described {
    Described {
        info: CodeInfo {
            code,
            severity,
            fields,
            plain,
        },
        when,
    }
}

use Severity::{Error, Info, Warning};

/// One entry per code, in the order of [`ALL`].
pub const INFO: &[CodeInfo] = &infos(&DESCRIBED);

/// [`CodeInfo`] of each entry of `described`, in its order.
const fn infos(described: &[Described; ALL.len()]) -> [CodeInfo; ALL.len()] {
    let mut out = [described[0].info; ALL.len()];
    let mut i = 1;
    while i < out.len() {
        out[i] = described[i].info;
        i += 1;
    }
    out
}

/// When a code appears, `None` for a code Allot does not have.
pub fn when(code: &str) -> Option<&'static str> {
    DESCRIBED
        .iter()
        .find(|d| d.info.code == code)
        .map(|d| d.when)
}

const DESCRIBED: [Described; ALL.len()] = [
    info(
        QUOTA_NOT_A_NUMBER,
        Error,
        SIZE_FIELDS,
        "The size is not a whole number of GB (\"10GB\", \"10.5\", \"-5\", \"1e3\", \"+10\", a number beyond 4,294,967,295). Also, the field is empty once the partner has left it or attempted Create (every size field is required).",
        "Enter {label} as a whole number of GB, such as 10 or 100.",
    ),
    info(
        QUOTA_BELOW_MINIMUM,
        Error,
        SIZE_FIELDS,
        "The size is under 5 GB.",
        "{label} must be 5 GB or more.",
    ),
    info(
        QUOTA_NOT_A_TIER,
        Error,
        SIZE_FIELDS,
        "The size is from 5 to 99 GB and not 5, 10, 25 or 50.",
        "Below 100 GB, {label} can only be 5, 10, 25 or 50.",
    ),
    info(
        QUOTA_NOT_A_STEP,
        Error,
        SIZE_FIELDS,
        "The size is 100 GB or more and not a multiple of 100 (nor of 50 when 50 GB steps are on).",
        "{label} must be a multiple of 100 GB from 100 GB up.",
    ),
    info(
        QUOTA_NEEDS_PAX8_TICKET,
        Warning,
        SIZE_FIELDS,
        "The size is 150, 250, 350, ... GB and the partner's options do not say Pax8 has enabled 50 GB steps.",
        "{label} can be a multiple of 50 GB above 100 GB only once Pax8 has enabled 50 GB steps through a support ticket.",
    ),
    info(
        QUOTA_UNUSUALLY_LARGE,
        Warning,
        SIZE_FIELDS,
        "The size is 10,000 GB or more (the partner API counts in MB, so a unit slip is likely).",
        "The size is unusually large for {label}. Check that the size is in GB, not MB.",
    ),
    info(
        QUOTA_OVER_COMPANY_QUOTA,
        Error,
        SIZE_FIELDS,
        "A backup account's size is above the company's quota, when the quota is known.",
        "{label} must be no more than the company's quota.",
    ),
    info(
        QUOTA_ADMIN_STARTS_AT_5,
        Info,
        &[FieldId::QuotaGb],
        "`quota_gb` is a size above 5 GB with no error: the admin backup account will still start at 5 GB.",
        "The company's admin backup account will start at 5 GB. After Create, Allot will offer to resize it.",
    ),
    info(
        QUOTA_BELOW_USED,
        Error,
        &[FieldId::QuotaGb],
        "A company's new size is below what its backup accounts already use, when the page shows that (the dialog's own text).",
        "{label} must be at least what the company's backup accounts already use.",
    ),
    info(
        USERNAME_REQUIRED,
        Error,
        &[FieldId::Username],
        "Username is empty once the partner has left it or attempted Create.",
        "Enter a username.",
    ),
    info(
        USERNAME_EMAIL_STYLE,
        Warning,
        &[FieldId::Username],
        "Username looks like an email address (name@host.tld); the suggestion is made from the company name.",
        "Username is an email address. Use a name tied to the company instead: a username can never be used again, even after the company is cancelled.",
    ),
    info(
        USERNAME_LENGTH,
        Error,
        &[FieldId::Username],
        "Username has content and is shorter than 3 or longer than 50 characters.",
        "Username must be from 3 to 50 characters.",
    ),
    info(
        USERNAME_CHARACTERS,
        Error,
        &[FieldId::Username],
        "Username has a character other than letters a to z, digits and `@ . _ -` (spaces included).",
        "Username can only contain letters a to z, digits and @ . _ -",
    ),
    info(
        USERNAME_RESERVED,
        Error,
        &[FieldId::Username],
        "Username is digits followed by WS or FL (any case), or U followed by digits only.",
        "Username has a form the dashboard keeps for its own accounts. Choose another username.",
    ),
    info(
        USERNAME_NOT_REUSABLE,
        Info,
        &[FieldId::Username],
        "Username has content.",
        "Once created, a username can never be used again, even if the company is cancelled and created again.",
    ),
    info(
        PASSWORD_REQUIRED,
        Error,
        &[FieldId::Password],
        "Password is empty once the partner has left it or attempted Create.",
        "Enter a password.",
    ),
    info(
        PASSWORD_LENGTH,
        Error,
        &[FieldId::Password],
        "Password has content and is shorter than 8 or longer than 20 characters.",
        "Password must be from 8 to 20 characters.",
    ),
    info(
        PASSWORD_NEEDS_DIGIT,
        Error,
        &[FieldId::Password],
        "Password has content and no digit.",
        "Password must include a digit (0 to 9).",
    ),
    info(
        PASSWORD_NEEDS_UPPER,
        Error,
        &[FieldId::Password],
        "Password has content and no capital letter A to Z.",
        "Password must include a capital letter (A to Z).",
    ),
    info(
        PASSWORD_NEEDS_LOWER,
        Error,
        &[FieldId::Password],
        "Password has content and no lower-case letter a to z.",
        "Password must include a lower-case letter (a to z).",
    ),
    info(
        PASSWORD_NEEDS_SYMBOL,
        Error,
        &[FieldId::Password],
        "Password has content and none of `( ) ! @ # $ % \\ ^ & *`.",
        "Password must include one of these symbols: ( ) ! @ # $ % \\ ^ & *",
    ),
    info(
        PASSWORD_CHARACTERS,
        Error,
        &[FieldId::Password],
        "Password has a character other than letters a to z and A to Z, digits and `( ) ! @ # $ % \\ ^ & *` (spaces included).",
        "Password can only contain letters a to z and A to Z, digits and the symbols ( ) ! @ # $ % \\ ^ & * (no spaces).",
    ),
    info(
        PASSWORD_RUN,
        Warning,
        &[FieldId::Password],
        "Password has three of the same character in a row, or three digits or letters in ascending or descending order (123, cba).",
        "Password has 3 characters in a row that repeat or follow in order, such as 111, abc or 321. Change them so the password is harder to guess.",
    ),
    info(
        PASSWORD_COMMON_WORD,
        Warning,
        &[FieldId::Password],
        "Password contains pass, qwe, asd, zxc, iloveyou or admin, in any case.",
        "Password contains a common word or keyboard pattern that is easy to guess. Choose a password without it.",
    ),
    info(
        PASSWORD_MISMATCH,
        Error,
        &[FieldId::ConfirmPassword],
        "Confirm Password has content and differs from Password; or it is empty while Password is not, once the partner has left it or attempted Create.",
        "Confirm Password must match Password.",
    ),
    info(
        ULTRASAFE_IRREVERSIBLE,
        Warning,
        &[FieldId::Ultrasafe],
        "Is Ultrasafe is ticked.",
        crate::ultrasafe::IRREVERSIBLE,
    ),
    info(
        ULTRASAFE_ACK_REQUIRED,
        Error,
        &[FieldId::Ultrasafe],
        "Create was attempted with Is Ultrasafe ticked and Allot's acknowledgment not ticked.",
        crate::ultrasafe::ACK_REQUIRED,
    ),
    info(
        ULTRASAFE_SECRET_UNUSED,
        Info,
        SECRET_FIELDS,
        "Is Ultrasafe is ticked: one finding, on Secret Question (or on Secret Answer when the page has no Secret Question); neither is required then.",
        crate::ultrasafe::SECRET_UNUSED,
    ),
    info(
        ULTRASAFE_HIPAA,
        Info,
        &[FieldId::Ultrasafe],
        "Is Ultrasafe is on the page and not ticked.",
        crate::ultrasafe::HIPAA,
    ),
    info(
        SECRET_QUESTION_REQUIRED,
        Error,
        &[FieldId::SecretQuestion],
        "UltraSafe is not ticked and Secret Question is empty, once the partner has left it or attempted Create.",
        "Enter a secret question.",
    ),
    info(
        SECRET_ANSWER_REQUIRED,
        Error,
        &[FieldId::SecretAnswer],
        "UltraSafe is not ticked and Secret Answer is empty, once the partner has left it or attempted Create.",
        "Enter the answer to the secret question.",
    ),
    info(
        SECRET_ANSWER_CONTAINS_PASSWORD,
        Error,
        &[FieldId::SecretAnswer],
        "Secret Answer contains the password (any case), for a password of 4 characters or more.",
        "Secret Answer must not contain the password: anyone who learns the answer would learn the password too. Choose an answer that has nothing to do with the password.",
    ),
    info(
        COMPANY_REQUIRED,
        Error,
        &[FieldId::CompanyName],
        "Company Name is empty once the partner has left it or attempted Create.",
        "Enter the company name.",
    ),
    info(
        COMPANY_UNMANAGED,
        Info,
        &[FieldId::IsManaged],
        "Is Managed is on the page and not ticked: Login as Company Admin, and so Allot's one-click fix, will not be available for the company.",
        "With Is Managed unticked, the company will be unmanaged: Login as Company Admin will not be offered for it, so Allot's one-click fix of its admin backup account will not be available. Only the company's administrator can ask to be managed again.",
    ),
    info(
        COMPANY_ADMIN_LATER,
        Info,
        &[FieldId::QuotaGb],
        "The Create Company form has no admin fields (the partner chose to create the administrator's account later): there will be no admin account to resize.",
        "The company administrator's backup account will be created later, so there will be no admin account for Allot to resize after Create. Set its size when you create it.",
    ),
    info(
        FULL_NAME_REQUIRED,
        Error,
        &[FieldId::FullName],
        "Full Name is empty once the partner has left it or attempted Create.",
        "Enter a full name.",
    ),
    info(
        EMAIL_REQUIRED,
        Error,
        &[FieldId::Email],
        "Email is empty once the partner has left it or attempted Create.",
        "Enter an email address.",
    ),
    info(
        EMAIL_FORMAT,
        Error,
        &[FieldId::Email],
        "Email has content that is not an address like name@example.com.",
        "Enter an email address in the correct format, like name@example.com.",
    ),
    info(
        LICENSES_NOT_A_NUMBER,
        Error,
        LICENSE_FIELDS,
        "EGR Licenses or SP v5 Licenses has content that is not a whole number from 0 (empty says nothing).",
        "{label} must be a whole number, 0 or more.",
    ),
];

/// What is known about a code, `None` for a code Allot does not have.
pub fn info_of(code: &str) -> Option<&'static CodeInfo> {
    INFO.iter().find(|i| i.code == code)
}

/// The severity a code always has.
pub fn severity(code: &str) -> Option<Severity> {
    info_of(code).map(|i| i.severity)
}

/// A message for the code on this field with no value in it: no size, no username, no
/// count. Used in place of a message that would have echoed a secret.
pub fn plain_message(code: &str, field: FieldId) -> String {
    match info_of(code) {
        Some(i) => i.plain.replace("{label}", field.label()),
        None => format!("Check {}.", field.label()),
    }
}

/// The form kinds a code can appear on: where its fields are, and what the rule is about.
pub fn kinds(code: &str) -> &'static [FormKind] {
    use FormKind::*;
    const EVERY: &[FormKind] = &[
        CreateCompany,
        CreateBackupAccount,
        ChangeAccountSize,
        ChangeCompanySize,
    ];
    const CREATES: &[FormKind] = &[CreateCompany, CreateBackupAccount];
    match code {
        QUOTA_OVER_COMPANY_QUOTA => &[CreateBackupAccount, ChangeAccountSize],
        QUOTA_ADMIN_STARTS_AT_5
        | ULTRASAFE_SECRET_UNUSED
        | COMPANY_REQUIRED
        | COMPANY_UNMANAGED
        | COMPANY_ADMIN_LATER
        | LICENSES_NOT_A_NUMBER => &[CreateCompany],
        QUOTA_BELOW_USED => &[ChangeCompanySize],
        c if c.starts_with("quota.") => EVERY,
        c if c.starts_with("secret.") => &[CreateCompany],
        _ => CREATES,
    }
}

/// The table of codes in Markdown: code | severity | field | forms | when it appears |
/// what Allot says (the plain message, on the code's first field).
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| code | severity | field | forms | when it appears | what Allot says |\n| --- | --- | --- | --- | --- | --- |\n",
    );
    for i in INFO {
        let fields: Vec<String> = i
            .fields
            .iter()
            .map(|f| format!("`{}`", f.as_str()))
            .collect();
        let forms: Vec<String> = kinds(i.code)
            .iter()
            .map(|k| format!("`{}`", k.as_str()))
            .collect();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} |\n",
            i.code,
            i.severity.as_str(),
            fields.join(", "),
            forms.join(", "),
            when(i.code).unwrap_or_default().replace('|', "\\|"),
            i.fields
                .first()
                .map(|f| plain_message(i.code, *f))
                .unwrap_or_default()
                .replace('|', "\\|")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::RuleGroup;

    #[test]
    fn info_lists_every_code_once_in_order() {
        let listed: Vec<&str> = INFO.iter().map(|i| i.code).collect();
        assert_eq!(listed, ALL.to_vec());
        for code in ALL {
            assert!(RuleGroup::of_code(code).is_some(), "{code} has no group");
            assert!(
                when(code).is_some_and(|w| !w.is_empty()),
                "{code} says not when"
            );
            assert_eq!(ALL.iter().filter(|c| *c == code).count(), 1);
        }
    }
}
