//! Password and Confirm Password, by Infrascale's support articles: 8 to 20 characters,
//! a digit, a capital, a lower-case letter and a symbol, nothing else, and no runs or
//! common words. A message never quotes the password or any part of it.

use crate::codes;
use crate::field::FieldId;
use crate::finding::Finding;

pub const MIN_CHARS: usize = 8;
pub const MAX_CHARS: usize = 20;
/// The symbols a password may (and must, at least one) contain.
pub const SYMBOLS: &str = "()!@#$%\\^&*";
/// Words and keyboard patterns that make a password easy to guess.
pub const COMMON_WORDS: [&str; 6] = ["pass", "qwe", "asd", "zxc", "iloveyou", "admin"];

pub fn is_symbol(c: char) -> bool {
    SYMBOLS.contains(c)
}

/// A character a password may contain.
pub fn is_allowed_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_symbol(c)
}

/// Three of the same character in a row, or three digits or letters (any case) in
/// ascending or descending order: 111, aaa, 123, 321, abc, CBA.
pub fn has_run(password: &str) -> bool {
    let chars: Vec<char> = password.chars().collect();
    chars.windows(3).any(|w| {
        let (a, b, c) = (w[0], w[1], w[2]);
        if a == b && b == c {
            return true;
        }
        let same_kind = (a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit())
            || (a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && c.is_ascii_alphabetic());
        if !same_kind {
            return false;
        }
        let [a, b, c] = [a, b, c].map(|x| i32::from(x.to_ascii_lowercase() as u8));
        (b - a == 1 && c - b == 1) || (a - b == 1 && b - c == 1)
    })
}

/// Contains one of [`COMMON_WORDS`], any case.
pub fn has_common_word(password: &str) -> bool {
    let lower = crate::unicode::lower(password);
    COMMON_WORDS.iter().any(|w| lower.contains(w))
}

/// Checks the password. Nothing about an empty one until `may_require`.
pub fn check_password(password: &str, may_require: bool) -> Vec<Finding> {
    let field = FieldId::Password;
    let mut out = Vec::new();
    if password.is_empty() {
        if may_require {
            out.push(Finding::error(
                field,
                codes::PASSWORD_REQUIRED,
                "Enter a password.",
            ));
        }
        return out;
    }

    let n = password.chars().count();
    if n < MIN_CHARS {
        out.push(
            Finding::error(
                field,
                codes::PASSWORD_LENGTH,
                "Password must be 8 characters or more.",
            )
            .with_param("minimum", MIN_CHARS),
        );
    } else if n > MAX_CHARS {
        out.push(
            Finding::error(
                field,
                codes::PASSWORD_LENGTH,
                "Password must be 20 characters or fewer.",
            )
            .with_param("maximum", MAX_CHARS),
        );
    }

    let needs = [
        (
            password.chars().any(|c| c.is_ascii_digit()),
            codes::PASSWORD_NEEDS_DIGIT,
            "Password must include a digit (0 to 9).",
        ),
        (
            password.chars().any(|c| c.is_ascii_uppercase()),
            codes::PASSWORD_NEEDS_UPPER,
            "Password must include a capital letter (A to Z).",
        ),
        (
            password.chars().any(|c| c.is_ascii_lowercase()),
            codes::PASSWORD_NEEDS_LOWER,
            "Password must include a lower-case letter (a to z).",
        ),
        (
            password.chars().any(is_symbol),
            codes::PASSWORD_NEEDS_SYMBOL,
            "Password must include one of these symbols: ( ) ! @ # $ % \\ ^ & *",
        ),
    ];
    for (has, code, message) in needs {
        if !has {
            out.push(Finding::error(field, code, message));
        }
    }

    if !password.chars().all(is_allowed_char) {
        out.push(Finding::error(
            field,
            codes::PASSWORD_CHARACTERS,
            "Password can only contain letters a to z and A to Z, digits and the symbols ( ) ! @ # $ % \\ ^ & * (no spaces).",
        ));
    }

    if has_run(password) {
        out.push(Finding::warning(
            field,
            codes::PASSWORD_RUN,
            "Password has 3 characters in a row that repeat or follow in order, such as 111, abc or 321. Change them so the password is harder to guess.",
        ));
    }

    if has_common_word(password) {
        out.push(Finding::warning(
            field,
            codes::PASSWORD_COMMON_WORD,
            "Password contains a common word or keyboard pattern that is easy to guess. Choose a password without it.",
        ));
    }
    out
}

/// One line of the password checklist shown under Password while the partner types: a
/// rule and whether the password meets it. Holds no part of the password.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Check {
    /// The rule's code, the one [`check_password`] gives while it is not met.
    pub code: &'static str,
    /// The rule in a few words, as a checklist line.
    pub text: &'static str,
    pub met: bool,
}

/// Every rule [`check_password`] applies, in order, met or not, for a password with
/// content. Each unmet line is exactly one finding of `check_password`.
pub fn checklist(password: &str) -> Vec<Check> {
    let n = password.chars().count();
    let has = |f: fn(&char) -> bool| password.chars().any(|c| f(&c));
    [
        (
            codes::PASSWORD_LENGTH,
            "8 to 20 characters",
            (MIN_CHARS..=MAX_CHARS).contains(&n),
        ),
        (
            codes::PASSWORD_NEEDS_DIGIT,
            "a digit",
            has(char::is_ascii_digit),
        ),
        (
            codes::PASSWORD_NEEDS_UPPER,
            "a capital letter",
            has(char::is_ascii_uppercase),
        ),
        (
            codes::PASSWORD_NEEDS_LOWER,
            "a lower-case letter",
            has(char::is_ascii_lowercase),
        ),
        (
            codes::PASSWORD_NEEDS_SYMBOL,
            "a symbol: ( ) ! @ # $ % \\ ^ & *",
            has(|c| is_symbol(*c)),
        ),
        (
            codes::PASSWORD_CHARACTERS,
            "nothing else (no spaces)",
            password.chars().all(is_allowed_char),
        ),
        (
            codes::PASSWORD_RUN,
            "no run such as 111, abc or 321",
            !has_run(password),
        ),
        (
            codes::PASSWORD_COMMON_WORD,
            "no common word (pass, qwe, admin ...)",
            !has_common_word(password),
        ),
    ]
    .into_iter()
    .map(|(code, text, met)| Check { code, text, met })
    .collect()
}

/// Checks Confirm Password against Password: as soon as the confirmation has content,
/// or, when it is empty and the password is not, once `may_require`.
pub fn check_confirm(password: &str, confirm: &str, may_require: bool) -> Vec<Finding> {
    let field = FieldId::ConfirmPassword;
    if confirm.is_empty() {
        if !password.is_empty() && may_require {
            return vec![Finding::error(
                field,
                codes::PASSWORD_MISMATCH,
                "Enter the password again in Confirm Password.",
            )];
        }
        return Vec::new();
    }
    if confirm == password {
        return Vec::new();
    }
    vec![Finding::error(
        field,
        codes::PASSWORD_MISMATCH,
        "Confirm Password must match Password. Type the same password in both.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_of(p: &str) -> Vec<String> {
        check_password(p, true)
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn a_good_password_has_nothing_to_say() {
        assert!(codes_of("Tr0ub4dor!x").is_empty());
        assert!(codes_of("Gh7(k\\Lm2z").is_empty());
    }

    #[test]
    fn each_rule() {
        assert_eq!(codes_of(""), ["password.required"]);
        assert!(check_password("", false).is_empty());
        assert_eq!(codes_of("Sh0rt!"), ["password.length"]);
        assert_eq!(
            codes_of("Averyl0ngpassw!thmore21"),
            ["password.length", "password.common_word"]
        );
        assert_eq!(codes_of("NoDigits!x"), ["password.needs_digit"]);
        assert_eq!(codes_of("n0upper!x"), ["password.needs_upper"]);
        assert_eq!(codes_of("N0LOWER!X"), ["password.needs_lower"]);
        assert_eq!(codes_of("N0symbolx"), ["password.needs_symbol"]);
        assert_eq!(codes_of("Sp ace!9x"), ["password.characters"]);
        assert_eq!(codes_of("Gh7(k\\Lm2é"), ["password.characters"]);
        assert_eq!(codes_of("Gh7(kLm2zzz"), ["password.run"]);
        assert_eq!(codes_of("Xy!9rAbCw"), ["password.run"]);
        assert_eq!(codes_of("Xy!9r321w"), ["password.run"]);
        assert_eq!(codes_of("Xy!9rAdMiNw"), ["password.common_word"]);
    }

    #[test]
    fn the_checklist_lists_exactly_the_findings() {
        for p in [
            "x",
            "Sh0rt!",
            "NoDigits!x",
            "Tr0ub4dor!x",
            "Sp ace!9x",
            "Xy!9rAdMiNw",
            "Gh7(kLm2zzz",
            "Averyl0ngpassw!thmore21",
            "é",
        ] {
            let unmet: Vec<&str> = checklist(p)
                .iter()
                .filter(|c| !c.met)
                .map(|c| c.code)
                .collect();
            assert_eq!(unmet, codes_of(p), "{p}");
        }
    }

    #[test]
    fn runs() {
        for r in [
            "111", "aaa", "123", "321", "abc", "CBA", "xYz", "!!!", "   ", "789",
        ] {
            assert!(has_run(r), "{r}");
        }
        for ok in ["124", "a1b", "890", "za", "zab", "1a2", "ab", "éé"] {
            assert!(!has_run(ok), "{ok}");
        }
    }

    #[test]
    fn confirm() {
        assert!(check_confirm("Abc", "Abc", true).is_empty());
        assert!(check_confirm("", "", true).is_empty());
        assert!(check_confirm("Abc", "", false).is_empty());
        assert_eq!(check_confirm("Abc", "", true).len(), 1);
        assert_eq!(check_confirm("Abc", "abc", false).len(), 1);
        assert_eq!(check_confirm("", "abc", false).len(), 1);
    }
}
