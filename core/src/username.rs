//! The Username of the company's admin: the dashboard's syntax (3 to 50 characters of
//! letters, digits and `@ . _ -`; no forms it keeps for itself), the seed's best practice
//! (a name tied to the company, not an email address) and the fact that a username can
//! never be used again.

use crate::codes;
use crate::contact::looks_like_email;
use crate::field::FieldId;
use crate::finding::Finding;

pub const MIN_CHARS: usize = 3;
pub const MAX_CHARS: usize = 50;

/// A character the dashboard accepts in a username.
pub fn is_allowed_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '@' | '.' | '_' | '-')
}

/// Digits followed by WS or FL (any case), or U followed by digits only: forms the
/// dashboard keeps for its own accounts.
pub fn is_reserved(username: &str) -> bool {
    let lower = username.to_ascii_lowercase();
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let digits_then_suffix = ["ws", "fl"]
        .iter()
        .any(|suffix| lower.strip_suffix(suffix).is_some_and(all_digits));
    let u_then_digits = lower.strip_prefix('u').is_some_and(all_digits);
    digits_then_suffix || u_then_digits
}

/// The allowed characters of `text`, at most 50 of them.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| is_allowed_char(*c))
        .take(MAX_CHARS)
        .collect()
}

/// A username that gives no error: right length, allowed characters, not reserved.
fn is_acceptable(username: &str) -> bool {
    let n = username.chars().count();
    (MIN_CHARS..=MAX_CHARS).contains(&n)
        && username.chars().all(is_allowed_char)
        && !is_reserved(username)
}

/// A username made from the company name: characters the dashboard refuses dropped, at
/// most 50 kept. None when fewer than 3 remain, or when what remains is reserved or is
/// itself an email address.
pub fn suggest_from_company(company_name: &str) -> Option<String> {
    // "High Tech, Inc." gives "HighTechInc", not "HighTechInc.": no mark at either end.
    let cleaned = clean(company_name);
    let s = cleaned.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    if is_acceptable(s) && !looks_like_email(s) {
        Some(s.to_string())
    } else {
        None
    }
}

/// Checks the username. `company_name` feeds the suggestion for an email-style username.
pub fn check_username(text: &str, company_name: Option<&str>, may_require: bool) -> Vec<Finding> {
    let field = FieldId::Username;
    let mut out = Vec::new();
    if text.trim().is_empty() {
        if may_require {
            out.push(Finding::error(
                field,
                codes::USERNAME_REQUIRED,
                "Enter a username.",
            ));
        }
        return out;
    }

    if !text.chars().all(is_allowed_char) {
        let has_space = text.chars().any(char::is_whitespace);
        let message = if has_space {
            "Username must not contain spaces. Use only letters a to z, digits and @ . _ -"
        } else {
            "Username can only contain letters a to z, digits and @ . _ -"
        };
        // Offered only when what goes is spaces or punctuation: dropping a letter such
        // as "í" would make another name.
        let cleaned = clean(text);
        let drops_letters = text
            .chars()
            .any(|c| !is_allowed_char(c) && crate::unicode::is_alphanumeric(c));
        let suggestion = (is_acceptable(&cleaned) && !drops_letters).then_some(cleaned);
        out.push(
            Finding::error(field, codes::USERNAME_CHARACTERS, message).with_suggestions(suggestion),
        );
    }

    let n = text.chars().count();
    if n < MIN_CHARS {
        out.push(
            Finding::error(
                field,
                codes::USERNAME_LENGTH,
                "Username must be 3 characters or more.",
            )
            .with_param("length", n)
            .with_param("minimum", MIN_CHARS),
        );
    } else if n > MAX_CHARS {
        out.push(
            Finding::error(
                field,
                codes::USERNAME_LENGTH,
                "Username must be 50 characters or fewer.",
            )
            .with_param("length", n)
            .with_param("maximum", MAX_CHARS),
        );
    }

    if is_reserved(text) {
        let message = if text.to_ascii_lowercase().starts_with('u') {
            "Username cannot be U followed only by digits: the dashboard keeps that form for its own accounts. Choose another username."
        } else {
            "Username cannot be digits followed by WS or FL: the dashboard keeps that form for its own accounts. Choose another username."
        };
        out.push(Finding::error(field, codes::USERNAME_RESERVED, message));
    }

    if looks_like_email(text) {
        let suggestion = company_name.and_then(suggest_from_company);
        out.push(
            Finding::warning(
                field,
                codes::USERNAME_EMAIL_STYLE,
                "Username is an email address. Use a name tied to the company instead: a username can never be used again, even after the company is cancelled.",
            )
            .with_suggestions(suggestion),
        );
    }

    out.push(Finding::info(
        field,
        codes::USERNAME_NOT_REUSABLE,
        "Once created, a username can never be used again, even if the company is cancelled and created again.",
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_of(text: &str) -> Vec<String> {
        check_username(text, Some("HighTech"), true)
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn the_seeds_username_is_fine() {
        assert_eq!(codes_of("HighTech"), ["username.not_reusable"]);
    }

    #[test]
    fn email_style_suggests_the_company() {
        let f = check_username("kblanc@pax8.com", Some("High Tech, Inc."), false);
        let email = f.iter().find(|f| f.code == codes::USERNAME_EMAIL_STYLE);
        assert_eq!(
            email.map(|f| f.suggestions.clone()),
            Some(vec!["HighTechInc".to_string()])
        );
    }

    #[test]
    fn suggestion_from_company() {
        assert_eq!(suggest_from_company("HighTech"), Some("HighTech".into()));
        assert_eq!(suggest_from_company("Ça va"), Some("ava".into()));
        assert_eq!(suggest_from_company("A B"), None);
        assert_eq!(suggest_from_company("123 WS"), None);
        assert_eq!(suggest_from_company("U 42"), None);
        assert_eq!(suggest_from_company("x@y.com"), None);
        assert_eq!(suggest_from_company(&"a".repeat(80)), Some("a".repeat(50)));
    }

    #[test]
    fn reserved_forms() {
        for r in ["123WS", "9fl", "0Ws", "U1", "u0042"] {
            assert!(is_reserved(r), "{r}");
        }
        for ok in [
            "WS", "FL", "U", "12WSX", "A12WS", "U12a", "UU12", "HighTech",
        ] {
            assert!(!is_reserved(ok), "{ok}");
        }
    }

    #[test]
    fn syntax() {
        assert_eq!(codes_of("ab"), ["username.length", "username.not_reusable"]);
        assert_eq!(
            codes_of("High Tech"),
            ["username.characters", "username.not_reusable"]
        );
        let f = check_username(" HighTech ", None, false);
        assert_eq!(f[0].suggestions, ["HighTech"]);
        let f = check_username("High-Tech!", None, false);
        assert_eq!(f[0].suggestions, ["High-Tech"]);
        let f = check_username("Hígh", None, false);
        assert!(f[0].suggestions.is_empty());
        assert!(codes_of("   ").contains(&"username.required".to_string()));
        assert!(check_username("", None, false).is_empty());
    }
}
