//! What the page shows beside a form, read from its text: the company's quota ("Company
//! quota: 100 GB.") and what the company's backup accounts already use ("Allocated to its
//! backup accounts: 75 GB"). Pure functions of text; the page reader passes the text in.

/// Farthest a colon may follow its key ("allocated to its backup accounts:").
const MAX_KEY_TAIL: usize = 40;

/// Every "<key> ...: N GB" in `text` (any case; N may have thousands separators).
fn gb_after(text: &str, key: &str) -> Vec<u32> {
    let lower = crate::unicode::lower(text);
    let mut out = Vec::new();
    let mut rest = lower.as_str();
    while let Some(i) = rest.find(key) {
        let after = rest.get(i + key.len()..).unwrap_or("");
        if let Some(colon) = after.find(':') {
            let between = after.get(..colon).unwrap_or(".");
            if colon <= MAX_KEY_TAIL && !between.contains(['.', '\n']) {
                let tail = after.get(colon + 1..).unwrap_or("").trim_start();
                let digits: String = tail
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == ',')
                    .collect();
                let unit = tail.get(digits.len()..).unwrap_or("").trim_start();
                if unit.starts_with("gb") {
                    if let Ok(n) = digits.replace(',', "").parse::<u32>() {
                        out.push(n);
                    }
                }
            }
        }
        rest = after;
    }
    out
}

/// The company's quota when the text states one, and only one ("Company quota: 100 GB").
pub fn company_quota_in(text: &str) -> Option<u32> {
    let mut found = gb_after(text, "company quota");
    found.dedup();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// What the company's backup accounts already use, when the text states it ("Allocated:
/// 75 GB", "Allocated to its backup accounts: 75 GB", "Used: 75 GB").
pub fn used_in(text: &str) -> Option<u32> {
    gb_after(text, "allocated")
        .into_iter()
        .chain(gb_after(text, "used"))
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_dashboard_says() {
        let home = "Company Dashboard Company quota: 100 GB. Allocated: 75 GB.";
        assert_eq!(company_quota_in(home), Some(100));
        assert_eq!(used_in(home), Some(75));
        assert_eq!(
            used_in("Company: Acme Allocated to its backup accounts: 1,200 GB Quota in GB"),
            Some(1200)
        );
        assert_eq!(
            company_quota_in("Company quota: 100 GB; company quota: 200 GB"),
            None
        );
        assert_eq!(company_quota_in("the company's quota of 100 GB."), None);
        assert_eq!(used_in("Allocated Space"), None);
        assert_eq!(used_in("Allocated. Elsewhere: 5 GB"), None);
        assert_eq!(company_quota_in("Company quota: lots"), None);
        assert_eq!(company_quota_in("İİİ company quota: 5 GB"), Some(5));
    }
}
