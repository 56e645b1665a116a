//! Sizes in GB, for the company's "Quota In GB" and a backup account's "Account Size In
//! GB": parsing what the partner typed, which sizes the dashboard offers (5, 10, 25, 50,
//! then steps of 100, or of 50 with Pax8's ticket), the nearest valid sizes, and the
//! `quota.*` findings.

use crate::codes;
use crate::field::FieldId;
use crate::finding::Finding;
use crate::options::{Options, RuleGroup};

/// The smallest size of a company or a backup account.
pub const MINIMUM_GB: u32 = 5;
/// The sizes below 100 GB.
pub const TIERS_GB: [u32; 4] = [5, 10, 25, 50];
/// From here up, sizes go in steps of 100 GB (50 GB with Pax8's ticket).
pub const STEPS_FROM_GB: u32 = 100;
/// From here up, a size is probably in MB by mistake.
pub const UNUSUALLY_LARGE_GB: u32 = 10_000;

/// Why a text is not a whole number of GB. Where the partner clearly meant a number, the
/// variant carries it, so a suggestion can be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeError {
    /// Nothing but spaces.
    Empty,
    /// A number with a unit: "10GB", "10 gb", "10 G", "10GiB".
    Unit { gb: u32 },
    /// A number with thousands separators: "1,000".
    Grouped { gb: u32 },
    /// A number with a plus sign: "+10".
    Plus { gb: u32 },
    /// A minus sign: "-5".
    Negative,
    /// A decimal: "10.5", "10.0", "10,5". `whole` is the part before the point when it
    /// fits; `exact` when the part after it is all zeros.
    Decimal { whole: Option<u32>, exact: bool },
    /// Digits only, but more than 4,294,967,295.
    TooLarge,
    /// Anything else: "1e3", "0x10", "ten", digits other than 0 to 9.
    NotANumber,
}

/// Reads a size in GB: ASCII digits only, spaces around ignored, leading zeros allowed.
pub fn parse_size(text: &str) -> Result<u32, SizeError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(SizeError::Empty);
    }
    let (number, had_unit) = strip_unit(t);
    if number.is_empty() {
        return Err(SizeError::NotANumber);
    }
    if is_digits(number) {
        return match number.parse::<u32>() {
            Ok(gb) if had_unit => Err(SizeError::Unit { gb }),
            Ok(gb) => Ok(gb),
            Err(_) => Err(SizeError::TooLarge),
        };
    }
    if let Some(rest) = number.strip_prefix('+') {
        if is_digits(rest) {
            return match rest.parse::<u32>() {
                Ok(gb) => Err(SizeError::Plus { gb }),
                Err(_) => Err(SizeError::TooLarge),
            };
        }
    }
    if let Some(rest) = number.strip_prefix('-') {
        let rest = rest.trim_start();
        if is_digits(rest) || decimal_parts(rest).is_some() {
            return Err(SizeError::Negative);
        }
    }
    if let Some(gb) = grouped(number) {
        return match gb {
            Some(gb) => Err(SizeError::Grouped { gb }),
            None => Err(SizeError::TooLarge),
        };
    }
    if let Some((whole, fraction)) = decimal_parts(number) {
        let whole = if whole.is_empty() {
            Some(0)
        } else {
            whole.parse::<u32>().ok()
        };
        let exact = fraction.bytes().all(|b| b == b'0');
        return Err(SizeError::Decimal { whole, exact });
    }
    Err(SizeError::NotANumber)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Strips a trailing GB, G or GiB (any case) and the spaces before it.
fn strip_unit(t: &str) -> (&str, bool) {
    let lower = t.to_ascii_lowercase();
    for unit in ["gib", "gb", "g"] {
        if lower.ends_with(unit) {
            // The unit is ASCII, so the cut is on a character boundary.
            let cut = t.len().saturating_sub(unit.len());
            if let Some(number) = t.get(..cut) {
                return (number.trim_end(), true);
            }
        }
    }
    (t, false)
}

/// "1,000" or "12,345,678": `Some(Some(n))`, `Some(None)` when too large, `None` when
/// the text is not grouped by thousands.
fn grouped(s: &str) -> Option<Option<u32>> {
    let mut groups = s.split(',');
    let first = groups.next()?;
    if !is_digits(first) || first.len() > 3 {
        return None;
    }
    let mut digits = String::from(first);
    let mut count = 0;
    for g in groups {
        if g.len() != 3 || !is_digits(g) {
            return None;
        }
        digits.push_str(g);
        count += 1;
    }
    if count == 0 {
        return None;
    }
    Some(digits.parse::<u32>().ok())
}

/// "10.5", ".5", "10." or "10,5": the digits before and after the point.
fn decimal_parts(s: &str) -> Option<(&str, &str)> {
    let (whole, fraction) = s.split_once(['.', ','])?;
    let digits_or_empty = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits_or_empty(whole) {
        return None;
    }
    if !digits_or_empty(fraction) {
        return None;
    }
    Some((whole, fraction))
}

fn step(pax8_half_steps: bool) -> u64 {
    if pax8_half_steps {
        50
    } else {
        100
    }
}

/// The dashboard offers this size: 5, 10, 25 or 50, or a multiple of 100 from 100 up
/// (of 50 when Pax8 has enabled 50 GB steps).
pub fn is_valid_size(gb: u32, pax8_half_steps: bool) -> bool {
    if gb < STEPS_FROM_GB {
        TIERS_GB.contains(&gb)
    } else {
        u64::from(gb) % step(pax8_half_steps) == 0
    }
}

/// The largest valid size that fits in a `u32`.
fn largest_valid(pax8_half_steps: bool) -> u32 {
    let s = step(pax8_half_steps);
    let top = u64::from(u32::MAX) / s * s;
    u32::try_from(top).unwrap_or(STEPS_FROM_GB)
}

/// The nearest valid size strictly below `gb` and the nearest strictly above it (none
/// below 5; none above the largest size a `u32` holds). 7 gives (5, 10); 120 gives
/// (100, 200), or (100, 150) with 50 GB steps.
pub fn nearest_sizes(gb: u64, pax8_half_steps: bool) -> (Option<u32>, Option<u32>) {
    let s = step(pax8_half_steps);
    let from = u64::from(STEPS_FROM_GB);
    let below = if gb <= from {
        TIERS_GB.iter().rev().copied().find(|t| u64::from(*t) < gb)
    } else {
        let v = (gb - 1) / s * s;
        Some(u32::try_from(v).unwrap_or(largest_valid(pax8_half_steps)))
    };
    let above = if gb < from {
        Some(
            TIERS_GB
                .iter()
                .copied()
                .find(|t| u64::from(*t) > gb)
                .unwrap_or(STEPS_FROM_GB),
        )
    } else {
        (gb / s)
            .checked_add(1)
            .and_then(|n| n.checked_mul(s))
            .and_then(|v| u32::try_from(v).ok())
    };
    (below, above)
}

/// The largest valid size no more than `cap`.
fn largest_valid_at_most(cap: u32, pax8_half_steps: bool) -> Option<u32> {
    if is_valid_size(cap, pax8_half_steps) {
        Some(cap)
    } else {
        nearest_sizes(u64::from(cap) + 1, pax8_half_steps).0
    }
}

/// Valid sizes to offer instead of `gb`: the nearest below and above, kept within the
/// company's quota; if neither fits, the largest size that does.
fn suggest_around(gb: u64, pax8_half_steps: bool, cap: Option<u32>) -> Vec<u32> {
    let (below, above) = nearest_sizes(gb, pax8_half_steps);
    within_cap(below, above, pax8_half_steps, cap)
}

fn within_cap(
    below: Option<u32>,
    above: Option<u32>,
    pax8_half_steps: bool,
    cap: Option<u32>,
) -> Vec<u32> {
    let fits = |v: &u32| cap.is_none_or(|c| *v <= c);
    let mut out: Vec<u32> = [below, above].into_iter().flatten().filter(fits).collect();
    if out.is_empty() {
        if let Some(best) = cap.and_then(|c| largest_valid_at_most(c, pax8_half_steps)) {
            out.push(best);
        }
    }
    out
}

/// `gb` itself when it is a valid size within the cap, else the sizes around it.
fn suggest_exact(gb: u32, pax8_half_steps: bool, cap: Option<u32>) -> Vec<u32> {
    if is_valid_size(gb, pax8_half_steps) && cap.is_none_or(|c| gb <= c) {
        vec![gb]
    } else {
        suggest_around(u64::from(gb), pax8_half_steps, cap)
    }
}

/// 12345 as "12,345".
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// " Choose 50 or 100." for the suggestions, or nothing when there are none.
fn choose(sizes: &[u32]) -> String {
    match sizes {
        [] => String::new(),
        [one] => format!(" Choose {}.", thousands(u64::from(*one))),
        [first, second, ..] => format!(
            " Choose {} or {}.",
            thousands(u64::from(*first)),
            thousands(u64::from(*second))
        ),
    }
}

fn to_strings(sizes: &[u32]) -> Vec<String> {
    sizes.iter().map(u32::to_string).collect()
}

/// The finding for an empty `quota_gb` once the partner has left it or tried to Create.
/// It uses `quota.not_a_number`: an empty box is not yet a number of GB.
pub fn quota_required(field: FieldId) -> Finding {
    Finding::error(
        field,
        codes::QUOTA_NOT_A_NUMBER,
        format!(
            "Enter {} as a whole number of GB: 5, 10, 25, 50 or a multiple of 100.",
            field.label()
        ),
    )
    .with_param("reason", "empty")
}

/// Checks a size field. Empty text gives nothing here (see [`quota_required`]).
/// `company_quota_gb`, when known, is the upper bound for a backup account's size.
pub fn check_size(
    field: FieldId,
    text: &str,
    company_quota_gb: Option<u32>,
    options: &Options,
) -> Vec<Finding> {
    if !options.enabled(RuleGroup::Quota) {
        return Vec::new();
    }
    match parse_size(text) {
        Ok(gb) => check_gb(field, gb, company_quota_gb, options),
        Err(SizeError::Empty) => Vec::new(),
        Err(e) => vec![not_a_number(field, e, company_quota_gb, options)],
    }
}

fn not_a_number(field: FieldId, e: SizeError, cap: Option<u32>, options: &Options) -> Finding {
    let label = field.label();
    let half = options.pax8_half_steps;
    let (reason, message, sizes) = match e {
        SizeError::Unit { gb } => {
            let sizes = suggest_exact(gb, half, cap);
            (
                "unit",
                format!("Enter {label} as a number only, without GB."),
                sizes,
            )
        }
        SizeError::Grouped { gb } => {
            let sizes = suggest_exact(gb, half, cap);
            (
                "grouped",
                format!("Enter {label} without commas."),
                sizes,
            )
        }
        SizeError::Plus { gb } => {
            let sizes = suggest_exact(gb, half, cap);
            (
                "plus",
                format!("Enter {label} without a plus sign."),
                sizes,
            )
        }
        SizeError::Negative => (
            "negative",
            format!("{label} must be 5 GB or more. Enter it without a minus sign."),
            suggest_exact(MINIMUM_GB, half, cap),
        ),
        SizeError::Decimal { whole, exact } => {
            let sizes = match (whole, exact) {
                (Some(gb), true) => suggest_exact(gb, half, cap),
                // Between `gb` and `gb + 1`: the nearest valid size at or below `gb`, and
                // the nearest above it.
                (Some(gb), false) => {
                    let below = nearest_sizes(u64::from(gb) + 1, half).0;
                    let above = nearest_sizes(u64::from(gb), half).1;
                    within_cap(below, above, half, cap)
                }
                (None, _) => Vec::new(),
            };
            (
                "decimal",
                format!("Enter {label} as a whole number of GB, without a decimal point."),
                sizes,
            )
        }
        SizeError::TooLarge => (
            "too_large",
            format!("{label} is far too large to be a size in GB. Enter the size in GB, not in MB or bytes."),
            Vec::new(),
        ),
        SizeError::Empty | SizeError::NotANumber => (
            "not_a_number",
            format!("Enter {label} as a whole number of GB using the digits 0 to 9, such as 10 or 100."),
            Vec::new(),
        ),
    };
    let message = format!("{message}{}", choose_if_useful(&sizes, e));
    Finding::error(field, codes::QUOTA_NOT_A_NUMBER, message)
        .with_param("reason", reason)
        .with_suggestions(to_strings(&sizes))
}

/// For "10GB" the suggestion is the number itself: the button says it, no need to.
fn choose_if_useful(sizes: &[u32], e: SizeError) -> String {
    match e {
        SizeError::Unit { .. } | SizeError::Grouped { .. } | SizeError::Plus { .. }
            if sizes.len() == 1 =>
        {
            String::new()
        }
        _ => choose(sizes),
    }
}

fn check_gb(field: FieldId, gb: u32, cap: Option<u32>, options: &Options) -> Vec<Finding> {
    let label = field.label();
    let half = options.pax8_half_steps;
    let mut out = Vec::new();
    let shown = thousands(u64::from(gb));

    if gb < MINIMUM_GB {
        let sizes = suggest_exact(MINIMUM_GB, half, cap);
        out.push(
            Finding::error(
                field,
                codes::QUOTA_BELOW_MINIMUM,
                format!("{label} must be 5 GB or more.{}", choose(&sizes)),
            )
            .with_param("gb", gb)
            .with_param("minimum_gb", MINIMUM_GB)
            .with_suggestions(to_strings(&sizes)),
        );
    } else if gb < STEPS_FROM_GB {
        if !TIERS_GB.contains(&gb) {
            let sizes = suggest_around(u64::from(gb), half, cap);
            out.push(
                Finding::error(
                    field,
                    codes::QUOTA_NOT_A_TIER,
                    format!(
                        "Below 100 GB, {label} can only be 5, 10, 25 or 50.{}",
                        choose(&sizes)
                    ),
                )
                .with_param("gb", gb)
                .with_suggestions(to_strings(&sizes)),
            );
        }
    } else if gb % 100 != 0 {
        if gb % 50 != 0 {
            let sizes = suggest_around(u64::from(gb), half, cap);
            let unit = if half { 50 } else { 100 };
            out.push(
                Finding::error(
                    field,
                    codes::QUOTA_NOT_A_STEP,
                    format!(
                        "{label} must be a multiple of {unit} GB from 100 GB up.{}",
                        choose(&sizes)
                    ),
                )
                .with_param("gb", gb)
                .with_param("step_gb", unit)
                .with_suggestions(to_strings(&sizes)),
            );
        } else if !half {
            let sizes = suggest_around(u64::from(gb), false, cap);
            let otherwise = match choose(&sizes).as_str() {
                "" => String::new(),
                c => format!(" Otherwise{}", c.replacen(" Choose", " choose", 1)),
            };
            out.push(
                Finding::warning(
                    field,
                    codes::QUOTA_NEEDS_PAX8_TICKET,
                    format!(
                        "{label} can be {shown} GB only if Pax8 has enabled 50 GB steps for you through a support ticket. If it has, turn on 50 GB steps in Allot's options.{otherwise}"
                    ),
                )
                .with_param("gb", gb)
                .with_suggestions(to_strings(&sizes)),
            );
        }
    }

    if gb >= UNUSUALLY_LARGE_GB {
        out.push(
            Finding::warning(
                field,
                codes::QUOTA_UNUSUALLY_LARGE,
                format!(
                    "{shown} GB is unusually large for {label}. Check that the size is in GB, not MB."
                ),
            )
            .with_param("gb", gb),
        );
    }

    if let Some(quota) = cap {
        if gb > quota {
            let sizes: Vec<u32> = largest_valid_at_most(quota, half).into_iter().collect();
            out.push(
                Finding::error(
                    field,
                    codes::QUOTA_OVER_COMPANY_QUOTA,
                    format!(
                        "{label} must be no more than the company's quota of {} GB.{}",
                        thousands(u64::from(quota)),
                        choose(&sizes)
                    ),
                )
                .with_param("gb", gb)
                .with_param("company_quota_gb", quota)
                .with_suggestions(to_strings(&sizes)),
            );
        }
    }

    let has_error = crate::finding::blocks_create(&out);
    if field == FieldId::QuotaGb && gb > MINIMUM_GB && !has_error {
        out.push(
            Finding::info(
                field,
                codes::QUOTA_ADMIN_STARTS_AT_5,
                format!(
                    "The company's admin backup account will start at 5 GB, not {shown} GB. After Create, Allot will offer to resize it."
                ),
            )
            .with_param("gb", gb)
            .with_param("admin_start_gb", MINIMUM_GB),
        );
    }
    out
}

/// A company's new size against what its backup accounts already use (when the page shows
/// it): below that, the dashboard refuses it. Says nothing on a size that does not read.
pub fn check_against_used(text: &str, used_gb: Option<u32>, options: &Options) -> Vec<Finding> {
    let (Ok(gb), Some(used)) = (parse_size(text), used_gb) else {
        return Vec::new();
    };
    if !options.enabled(RuleGroup::Quota) || gb >= used {
        return Vec::new();
    }
    let half = options.pax8_half_steps;
    let sizes: Vec<u32> = if is_valid_size(used, half) {
        vec![used]
    } else {
        nearest_sizes(u64::from(used), half).1.into_iter().collect()
    };
    let field = FieldId::QuotaGb;
    vec![Finding::error(
        field,
        codes::QUOTA_BELOW_USED,
        format!(
            "{} must be at least the {} GB the company's backup accounts already use.{}",
            field.label(),
            thousands(u64::from(used)),
            choose(&sizes)
        ),
    )
    .with_param("gb", gb)
    .with_param("used_gb", used)
    .with_suggestions(to_strings(&sizes))]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(half: bool) -> Options {
        Options {
            pax8_half_steps: half,
            ..Options::default()
        }
    }

    fn codes_of(field: FieldId, text: &str, cap: Option<u32>, half: bool) -> Vec<String> {
        check_size(field, text, cap, &opts(half))
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn parses_whole_numbers_and_explains_the_rest() {
        assert_eq!(parse_size(" 10 "), Ok(10));
        assert_eq!(parse_size("0010"), Ok(10));
        assert_eq!(parse_size("4294967295"), Ok(u32::MAX));
        assert_eq!(parse_size("4294967296"), Err(SizeError::TooLarge));
        assert_eq!(parse_size(""), Err(SizeError::Empty));
        assert_eq!(parse_size("   "), Err(SizeError::Empty));
        assert_eq!(parse_size("10GB"), Err(SizeError::Unit { gb: 10 }));
        assert_eq!(parse_size("10 gb"), Err(SizeError::Unit { gb: 10 }));
        assert_eq!(parse_size("10 GiB"), Err(SizeError::Unit { gb: 10 }));
        assert_eq!(parse_size("GB"), Err(SizeError::NotANumber));
        assert_eq!(parse_size("+10"), Err(SizeError::Plus { gb: 10 }));
        assert_eq!(parse_size("-5"), Err(SizeError::Negative));
        assert_eq!(parse_size("- 5.5"), Err(SizeError::Negative));
        assert_eq!(parse_size("1,000"), Err(SizeError::Grouped { gb: 1000 }));
        assert_eq!(
            parse_size("10.5"),
            Err(SizeError::Decimal {
                whole: Some(10),
                exact: false
            })
        );
        assert_eq!(
            parse_size("10.00"),
            Err(SizeError::Decimal {
                whole: Some(10),
                exact: true
            })
        );
        assert_eq!(
            parse_size("10,5"),
            Err(SizeError::Decimal {
                whole: Some(10),
                exact: false
            })
        );
        assert_eq!(parse_size("1e3"), Err(SizeError::NotANumber));
        assert_eq!(parse_size("0x10"), Err(SizeError::NotANumber));
        assert_eq!(parse_size("١٠"), Err(SizeError::NotANumber));
        assert_eq!(parse_size("１０"), Err(SizeError::NotANumber));
        assert_eq!(parse_size("."), Err(SizeError::NotANumber));
        assert_eq!(parse_size("é g"), Err(SizeError::NotANumber));
    }

    #[test]
    fn valid_sizes() {
        for gb in [5, 10, 25, 50, 100, 200, 1000, 4_294_967_200] {
            assert!(is_valid_size(gb, false), "{gb}");
            assert!(is_valid_size(gb, true), "{gb}");
        }
        for gb in [0, 4, 7, 75, 99, 120, 150, 250, u32::MAX] {
            assert!(!is_valid_size(gb, false), "{gb}");
        }
        assert!(is_valid_size(150, true));
        assert!(is_valid_size(250, true));
        assert!(!is_valid_size(75, true));
    }

    #[test]
    fn nearest_sizes_follow_the_issue() {
        assert_eq!(nearest_sizes(7, false), (Some(5), Some(10)));
        assert_eq!(nearest_sizes(3, false), (None, Some(5)));
        assert_eq!(nearest_sizes(75, false), (Some(50), Some(100)));
        assert_eq!(nearest_sizes(120, false), (Some(100), Some(200)));
        assert_eq!(nearest_sizes(120, true), (Some(100), Some(150)));
        assert_eq!(nearest_sizes(180, false), (Some(100), Some(200)));
        assert_eq!(nearest_sizes(180, true), (Some(150), Some(200)));
        assert_eq!(nearest_sizes(0, false), (None, Some(5)));
        assert_eq!(nearest_sizes(u64::MAX, false), (Some(4_294_967_200), None));
        assert_eq!(nearest_sizes(u64::MAX, true), (Some(4_294_967_250), None));
        assert_eq!(
            nearest_sizes(u64::from(u32::MAX), false),
            (Some(4_294_967_200), None)
        );
    }

    #[test]
    fn suggestions_follow_the_issue() {
        let suggest = |text: &str, half: bool| -> Vec<String> {
            check_size(FieldId::QuotaGb, text, None, &opts(half))
                .into_iter()
                .flat_map(|f| f.suggestions)
                .collect()
        };
        assert_eq!(suggest("7", false), ["5", "10"]);
        assert_eq!(suggest("3", false), ["5"]);
        assert_eq!(suggest("75", false), ["50", "100"]);
        assert_eq!(suggest("120", false), ["100", "200"]);
        assert_eq!(suggest("120", true), ["100", "150"]);
        assert_eq!(suggest("180", false), ["100", "200"]);
        assert_eq!(suggest("180", true), ["150", "200"]);
        assert_eq!(suggest("10GB", false), ["10"]);
        assert_eq!(suggest("10 gb", false), ["10"]);
        assert_eq!(suggest("7GB", false), ["5", "10"]);
        assert_eq!(suggest("10.5", false), ["10", "25"]);
        assert_eq!(suggest("24.5", false), ["10", "25"]);
        assert_eq!(suggest("0.5", false), ["5"]);
        assert_eq!(suggest("10.0", false), ["10"]);
        assert_eq!(suggest("150", false), ["100", "200"]);
    }

    #[test]
    fn the_briefs_message() {
        let f = check_size(FieldId::QuotaGb, "75", None, &opts(false));
        assert_eq!(
            f[0].message,
            "Below 100 GB, Quota In GB can only be 5, 10, 25 or 50. Choose 50 or 100."
        );
        let f = check_size(FieldId::QuotaGb, "10", None, &opts(false));
        assert_eq!(
            f[0].message,
            "The company's admin backup account will start at 5 GB, not 10 GB. After Create, Allot will offer to resize it."
        );
    }

    #[test]
    fn codes_per_size() {
        let q = FieldId::QuotaGb;
        let a = FieldId::AccountSizeGb;
        assert_eq!(codes_of(q, "5", None, false), Vec::<String>::new());
        assert_eq!(codes_of(q, "10", None, false), ["quota.admin_starts_at_5"]);
        assert_eq!(codes_of(a, "10", None, false), Vec::<String>::new());
        assert_eq!(codes_of(a, "4", None, false), ["quota.below_minimum"]);
        assert_eq!(codes_of(a, "0", None, false), ["quota.below_minimum"]);
        assert_eq!(codes_of(a, "75", None, false), ["quota.not_a_tier"]);
        assert_eq!(codes_of(a, "120", None, true), ["quota.not_a_step"]);
        assert_eq!(codes_of(a, "150", None, false), ["quota.needs_pax8_ticket"]);
        assert_eq!(codes_of(a, "150", None, true), Vec::<String>::new());
        assert_eq!(codes_of(a, "10000", None, false), ["quota.unusually_large"]);
        assert_eq!(
            codes_of(a, "200", Some(100), false),
            ["quota.over_company_quota"]
        );
        assert_eq!(codes_of(a, "100", Some(100), false), Vec::<String>::new());
        assert_eq!(codes_of(a, "", None, false), Vec::<String>::new());
        let disabled = Options {
            disabled_groups: [RuleGroup::Quota].into_iter().collect(),
            ..Options::default()
        };
        assert!(check_size(a, "7", None, &disabled).is_empty());
    }

    #[test]
    fn suggestions_stay_within_the_company_quota() {
        let f = check_size(FieldId::AccountSizeGb, "120", Some(75), &opts(false));
        for finding in &f {
            for s in &finding.suggestions {
                assert_eq!(s, "50");
            }
        }
        let f = check_size(FieldId::AccountSizeGb, "3", Some(4), &opts(false));
        assert!(f.iter().all(|x| x.suggestions.is_empty()));
    }

    #[test]
    fn a_company_size_below_what_is_used() {
        let o = opts(false);
        let f = check_against_used("25", Some(75), &o);
        assert_eq!(f[0].code, codes::QUOTA_BELOW_USED);
        assert_eq!(f[0].suggestions, ["100"]);
        assert!(check_against_used("100", Some(75), &o).is_empty());
        assert!(check_against_used("75", Some(75), &o).is_empty());
        assert!(check_against_used("25", None, &o).is_empty());
        assert!(check_against_used("x", Some(75), &o).is_empty());
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
