//! How the fix compares what the dashboard shows with what the partner asked for:
//! names compared whole after Unicode normalisation (NFKC), trimming, collapsing
//! whitespace and folding case, and a lenient reader for sizes such as "10 GB", "10GB"
//! or "10.00 GB".

use crate::unicode::{lower, nfkc};

/// `text` in Unicode compatibility form (NFKC: full-width letters, ligatures and
/// composed accents made one way), trimmed, with every run of whitespace (non-breaking
/// and ideographic spaces included) made one space, in lower case. Two texts name the
/// same thing when their normal forms are equal.
pub fn normalize(text: &str) -> String {
    lower(&nfkc(text).split_whitespace().collect::<Vec<_>>().join(" "))
}

/// True when `a` and `b` are the same name once normalised; an empty name matches
/// nothing. Names are compared whole: "Acme" is never "Acme Dental".
pub fn same_name(a: &str, b: &str) -> bool {
    let a = normalize(a);
    !a.is_empty() && a == normalize(b)
}

/// The separators a dashboard header puts between the things it names ("Acme Dental |
/// Log Off", "Company: Acme Dental", "Pax8 Partner > Acme Dental").
const HEADER_SEPARATORS: [char; 8] = ['|', '•', '·', '>', '»', '/', ':', '\u{2014}'];

/// True when a header text names `name` whole: the whole text is the name, or one of its
/// parts between separators is ("Company: Acme Dental" names "Acme Dental", never
/// "Acme").
pub fn names_whole(text: &str, name: &str) -> bool {
    same_name(text, name)
        || text
            .split(HEADER_SEPARATORS)
            .any(|part| same_name(part, name))
}

/// A size in whole gigabytes from a dashboard text: "10", "10 GB", "10GB", "10.00 GB",
/// "10 gb", "1,024 GB" (thousands separator), "10,00 GB" (decimal comma). `None` for
/// anything else: empty text, other units, a fraction (10.5 GB is not 10), a sign,
/// or a number too large.
pub fn parse_gb(text: &str) -> Option<u32> {
    let lower = normalize(text);
    let number = ["gib", "gb", "g"]
        .iter()
        .find_map(|unit| lower.strip_suffix(unit))
        .unwrap_or(&lower)
        .trim();
    if number.is_empty() {
        return None;
    }
    let plain = without_grouping(number)?;
    let (whole, fraction) = match plain.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (plain.as_str(), ""),
    };
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c == '0')
    {
        return None;
    }
    whole.parse().ok()
}

/// `number` without thousands separators: a comma followed by exactly three digits (and
/// then the end, a dot or another such group) is a separator; any other comma is left in
/// place as a decimal comma. `None` when the text has characters no number has.
fn without_grouping(number: &str) -> Option<String> {
    if !number
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let bytes = number.as_bytes();
    let mut out = String::with_capacity(number.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b',' {
            let group = bytes.get(i + 1..i + 4);
            let next = bytes.get(i + 4).copied();
            let is_group = group.is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                && matches!(next, None | Some(b'.') | Some(b','));
            if is_group {
                continue;
            }
        }
        out.push(char::from(b));
    }
    Some(out)
}

/// `text` cut to at most `max` characters, with an ellipsis when cut, so a message never
/// quotes a whole page.
pub(crate) fn clip(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        text
    } else {
        let mut cut: String = text.chars().take(max).collect();
        cut.push('…');
        cut
    }
}
