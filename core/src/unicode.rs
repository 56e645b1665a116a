//! The Unicode the rules need: NFKC, lower case, letters and digits. With the
//! `unicode-tables` feature (native builds and tests) they come from std's and
//! unicode-normalization's tables; without it (the WASM modules, which then carry no
//! tables) from the host, handed over once with [`set_host`]: the browser's
//! `normalize("NFKC")`, `toLowerCase()` and `\p{Alphabetic}` / `\p{N}` classes, which
//! follow the same Unicode definitions. ASCII never goes to the host; with no host, text
//! beyond ASCII is left as it is.

use std::sync::OnceLock;

/// The host's Unicode functions.
pub struct Host {
    pub nfkc: fn(&str) -> String,
    pub lower: fn(&str) -> String,
    /// `char::is_alphanumeric`: Alphabetic, or a number (Nd, Nl, No).
    pub is_alphanumeric: fn(char) -> bool,
    /// `char::is_alphabetic`: the Alphabetic property.
    pub is_alphabetic: fn(char) -> bool,
}

static HOST: OnceLock<Host> = OnceLock::new();

/// Hands the core the host's Unicode (once; later calls change nothing).
pub fn set_host(host: Host) {
    let _ = HOST.set(host);
}

#[cfg_attr(feature = "unicode-tables", allow(dead_code))]
fn host() -> Option<&'static Host> {
    HOST.get()
}

/// `text` in Unicode compatibility form (NFKC).
pub fn nfkc(text: &str) -> String {
    #[cfg(feature = "unicode-tables")]
    {
        use unicode_normalization::UnicodeNormalization;
        text.nfkc().collect()
    }
    #[cfg(not(feature = "unicode-tables"))]
    match host() {
        Some(h) if !text.is_ascii() => (h.nfkc)(text),
        _ => text.to_string(),
    }
}

/// `text` in lower case (`str::to_lowercase`).
pub fn lower(text: &str) -> String {
    #[cfg(feature = "unicode-tables")]
    {
        text.to_lowercase()
    }
    #[cfg(not(feature = "unicode-tables"))]
    match host() {
        Some(h) if !text.is_ascii() => (h.lower)(text),
        _ => text.to_ascii_lowercase(),
    }
}

/// `char::is_alphanumeric`.
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    #[cfg(feature = "unicode-tables")]
    {
        c.is_alphanumeric()
    }
    #[cfg(not(feature = "unicode-tables"))]
    host().is_some_and(|h| (h.is_alphanumeric)(c))
}

/// `char::is_alphabetic`.
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    #[cfg(feature = "unicode-tables")]
    {
        c.is_alphabetic()
    }
    #[cfg(not(feature = "unicode-tables"))]
    host().is_some_and(|h| (h.is_alphabetic)(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_answer_as_std_does() {
        assert_eq!(lower("ÉCOLE Straße ΣΑΣ"), "école straße σας");
        assert_eq!(nfkc("Ｈｉｇｈ\u{FB01}"), "Highfi");
        for c in ['a', 'Z', '7', 'é', 'ß', '٣', 'Ⅻ', '中'] {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c}");
        }
        for c in [' ', '-', '€', '\u{a0}', '!'] {
            assert!(!is_alphanumeric(c), "{c:?}");
        }
    }
}
