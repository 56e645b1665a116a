//! Secret Question and Secret Answer (required unless UltraSafe is on; an answer must
//! not contain the password), and the guard that keeps the password and the secret
//! answer out of every finding.

use crate::codes;
use crate::field::FieldId;
use crate::finding::Finding;
use crate::unicode::lower;

/// Secrets shorter than this are not looked for in findings: any short string is found
/// by chance in ordinary text, and a password that short is an error anyway.
pub const MIN_GUARDED_CHARS: usize = 4;

/// Secret Question: required while UltraSafe is off.
pub fn check_question(text: &str, ultrasafe_on: bool, may_require: bool) -> Vec<Finding> {
    if !ultrasafe_on && text.trim().is_empty() && may_require {
        vec![Finding::error(
            FieldId::SecretQuestion,
            codes::SECRET_QUESTION_REQUIRED,
            "Enter a secret question.",
        )]
    } else {
        Vec::new()
    }
}

/// Secret Answer: required while UltraSafe is off; never containing the password.
/// `password` is `None` when the form has no password field.
pub fn check_answer(
    answer: &str,
    password: Option<&str>,
    ultrasafe_on: bool,
    may_require: bool,
) -> Vec<Finding> {
    let field = FieldId::SecretAnswer;
    if answer.trim().is_empty() {
        if !ultrasafe_on && may_require {
            return vec![Finding::error(
                field,
                codes::SECRET_ANSWER_REQUIRED,
                "Enter the answer to the secret question.",
            )];
        }
        return Vec::new();
    }
    if let Some(password) = password {
        if answer_contains_password(answer, password) {
            return vec![Finding::error(
                field,
                codes::SECRET_ANSWER_CONTAINS_PASSWORD,
                "Secret Answer must not contain the password: anyone who learns the answer would learn the password too. Choose an answer that has nothing to do with the password.",
            )];
        }
    }
    Vec::new()
}

/// The answer contains the password, in any case, for a password of 4 characters or
/// more (a shorter one is found in ordinary words by chance).
pub fn answer_contains_password(answer: &str, password: &str) -> bool {
    password.chars().count() >= MIN_GUARDED_CHARS && lower(answer).contains(&lower(password))
}

/// Keeps the secrets out of the findings, whatever public values they were built from
/// (a company name or a username may happen to contain the password): a suggestion or a
/// parameter that contains a secret (in any case) is dropped, and a message that does is
/// replaced by the code's plain message, which holds no value. Secrets shorter than
/// [`MIN_GUARDED_CHARS`] are not looked for.
pub fn redact(findings: &mut [Finding], secrets: &[&str]) {
    let guarded: Vec<String> = secrets
        .iter()
        .filter(|s| s.chars().count() >= MIN_GUARDED_CHARS)
        .map(|s| lower(s))
        .collect();
    if guarded.is_empty() {
        return;
    }
    let leaks = |text: &str| {
        let text = lower(text);
        guarded.iter().any(|s| text.contains(s.as_str()))
    };
    for f in findings.iter_mut() {
        f.suggestions.retain(|s| !leaks(s));
        f.params.retain(|(k, v)| !leaks(k) && !leaks(v));
        if leaks(&f.message) {
            f.message = codes::plain_message(&f.code, f.field);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_only_without_ultrasafe() {
        assert_eq!(check_question("", false, true).len(), 1);
        assert!(check_question("", true, true).is_empty());
        assert!(check_question("", false, false).is_empty());
        assert_eq!(check_answer(" ", None, false, true).len(), 1);
        assert!(check_answer("", None, true, true).is_empty());
    }

    #[test]
    fn answer_must_not_contain_the_password() {
        let f = check_answer("my Secret1! dog", Some("secret1!"), false, false);
        assert_eq!(f[0].code, codes::SECRET_ANSWER_CONTAINS_PASSWORD);
        assert!(!f[0].message.to_lowercase().contains("secret1!"));
        assert!(check_answer("Master Chief", Some("Abc"), false, false).is_empty());
        assert!(check_answer("Master Chief", Some("Hunter2!x"), false, false).is_empty());
    }

    #[test]
    fn redact_drops_what_would_echo_a_secret() {
        let mut f = vec![Finding::warning(
            FieldId::Username,
            codes::USERNAME_EMAIL_STYLE,
            "Use HighTechLtd",
        )
        .with_suggestions(["HighTechLtd".to_string(), "Other".to_string()])
        .with_param("name", "HighTechLtd")];
        redact(&mut f, &["hightech", "ab"]);
        assert_eq!(f[0].suggestions, ["Other"]);
        assert!(f[0].params.is_empty());
        assert_eq!(
            f[0].message,
            codes::plain_message(codes::USERNAME_EMAIL_STYLE, FieldId::Username)
        );
    }
}
