//! How the form speaks: at most one message per field (the most important first, the
//! others waiting until it is fixed), when a new message may appear while the partner
//! types, and which errors "Create anyway" may override.

use crate::codes;
use crate::field::FieldId;
use crate::finding::{Finding, Severity};

/// Notes that stand for the whole time a form is open (true of every such form): shown
/// once, and the partner can fold them away for good.
pub const STANDING_NOTES: [&str; 3] = [
    codes::QUOTA_ADMIN_STARTS_AT_5,
    codes::USERNAME_NOT_REUSABLE,
    codes::ULTRASAFE_HIPAA,
];

/// A note the partner may fold away for good.
pub fn is_standing(code: &str) -> bool {
    STANDING_NOTES.contains(&code)
}

/// A rule of the password checklist ([`crate::password::checklist`]): shown as one live
/// list under Password rather than one message each.
pub fn is_password_rule(code: &str) -> bool {
    crate::password::checklist("")
        .iter()
        .any(|check| check.code == code)
}

/// The error that belongs to Allot's UltraSafe acknowledgment rather than to a field:
/// shown in the acknowledgment, which carries it (aria-invalid, aria-describedby).
pub fn is_ack_error(code: &str) -> bool {
    code == codes::ULTRASAFE_ACK_REQUIRED
}

/// Whether "Create anyway" may let a Create through despite this error. The partner
/// can know better than a rule, but UltraSafe must always be chosen on purpose.
pub fn overridable(finding: &Finding) -> bool {
    !is_ack_error(&finding.code)
}

/// The words on the "Create anyway" control for `problems` overridable errors.
pub fn override_label(problems: usize) -> String {
    match problems {
        1 => "Create with 1 problem".to_string(),
        n => format!("Create with {n} problems"),
    }
}

/// The findings on one field (the acknowledgment's error left out), in rule order.
pub fn of_field(findings: &[Finding], field: FieldId) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.field == field && !is_ack_error(&f.code))
        .collect()
}

/// The most important of a field's findings: the first error, else the first warning,
/// else the first note.
pub fn most_important<'a>(mine: &[&'a Finding]) -> Option<&'a Finding> {
    [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .find_map(|s| mine.iter().find(|f| f.severity == s).copied())
}

/// What a field shows next. `shown` is the code on screen now; `mine` the field's
/// findings now; `typing` is true while the partner is mid-word in this field (typed,
/// has not paused, has not left it).
///
/// A message that no longer applies goes at once. While typing, the message on screen
/// stays (updated) if it still applies, and nothing new appears except the password
/// checklist and notes: a new error or warning waits for a pause or for the partner to
/// leave the field, so nothing is said about half a word. Otherwise the most important.
pub fn settle<'a>(shown: Option<&str>, mine: &[&'a Finding], typing: bool) -> Option<&'a Finding> {
    if !typing {
        return most_important(mine);
    }
    if let Some(still) = shown.and_then(|code| mine.iter().find(|f| f.code == code)) {
        return Some(still);
    }
    most_important(mine).filter(|f| is_password_rule(&f.code) || f.severity == Severity::Info)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(code: &str, severity: Severity) -> Finding {
        Finding::new(FieldId::Username, code, severity, "Some message.")
    }

    #[test]
    fn errors_come_before_warnings_and_notes() {
        let note = f(codes::USERNAME_NOT_REUSABLE, Severity::Info);
        let warning = f(codes::USERNAME_EMAIL_STYLE, Severity::Warning);
        let error = f(codes::USERNAME_CHARACTERS, Severity::Error);
        assert_eq!(
            most_important(&[&note, &warning, &error]).map(|f| f.severity),
            Some(Severity::Error)
        );
        assert_eq!(
            most_important(&[&note, &warning]).map(|f| f.severity),
            Some(Severity::Warning)
        );
        assert_eq!(most_important(&[]), None);
    }

    #[test]
    fn while_typing_only_what_is_shown_or_a_note_or_the_checklist_appears() {
        let note = f(codes::USERNAME_NOT_REUSABLE, Severity::Info);
        let warning = f(codes::USERNAME_EMAIL_STYLE, Severity::Warning);
        let error = f(codes::USERNAME_CHARACTERS, Severity::Error);
        let mine = [&note, &warning, &error];
        // New error while typing: waits; nothing shown rather than a note over it.
        assert_eq!(settle(None, &mine, true), None);
        // The warning on screen still applies: it stays though an error came.
        assert_eq!(
            settle(Some(codes::USERNAME_EMAIL_STYLE), &mine, true).map(|f| &f.code[..]),
            Some(codes::USERNAME_EMAIL_STYLE)
        );
        // Paused or left: the most important.
        assert_eq!(
            settle(Some(codes::USERNAME_EMAIL_STYLE), &mine, false).map(|f| &f.code[..]),
            Some(codes::USERNAME_CHARACTERS)
        );
        // A note appears while typing; a cleared message goes at once.
        assert_eq!(
            settle(Some(codes::USERNAME_CHARACTERS), &[&note], true).map(|f| &f.code[..]),
            Some(codes::USERNAME_NOT_REUSABLE)
        );
        assert_eq!(settle(Some(codes::USERNAME_CHARACTERS), &[], true), None);
        let rule = Finding::error(FieldId::Password, codes::PASSWORD_NEEDS_DIGIT, "x");
        assert_eq!(
            settle(None, &[&rule], true).map(|f| &f.code[..]),
            Some(codes::PASSWORD_NEEDS_DIGIT)
        );
    }

    #[test]
    fn the_acknowledgment_is_never_overridden() {
        let ack = Finding::error(FieldId::Ultrasafe, codes::ULTRASAFE_ACK_REQUIRED, "x");
        let quota = Finding::error(FieldId::QuotaGb, codes::QUOTA_NOT_A_TIER, "x");
        assert!(!overridable(&ack));
        assert!(overridable(&quota));
        assert!(of_field(&[ack], FieldId::Ultrasafe).is_empty());
        assert_eq!(override_label(1), "Create with 1 problem");
        assert_eq!(override_label(2), "Create with 2 problems");
    }

    #[test]
    fn password_rules_are_the_checklists() {
        assert!(is_password_rule(codes::PASSWORD_NEEDS_SYMBOL));
        assert!(is_password_rule(codes::PASSWORD_COMMON_WORD));
        assert!(!is_password_rule(codes::PASSWORD_REQUIRED));
        assert!(!is_password_rule(codes::PASSWORD_MISMATCH));
    }
}
