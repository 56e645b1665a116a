//! A dashboard address as the partner types it ("dashboard.example.net", or a whole URL
//! copied from the address bar), read as the https host Allot asks permission for.

/// A dashboard address the partner typed, read as its host: "dashboard.example.net",
/// "https://dashboard.example.net/Account/LogOn" and "Dashboard.Example.NET" are the same.
/// `None` for anything that is not an https host name.
pub fn host_of(text: &str) -> Option<String> {
    let t = text.trim().to_ascii_lowercase();
    let t = t.strip_prefix("https://").unwrap_or(&t);
    if t.starts_with("http://") || t.contains("://") {
        return None;
    }
    let host = t.split(['/', '?', '#']).next()?.trim_end_matches('.');
    let labels: Vec<&str> = host.split('.').collect();
    let fine = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && host.len() <= 253;
    fine.then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::host_of;

    #[test]
    fn addresses_read_as_hosts() {
        for (text, host) in [
            ("dashboard.example.net", Some("dashboard.example.net")),
            (
                " https://Dashboard.Example.NET/Account/LogOn ",
                Some("dashboard.example.net"),
            ),
            (
                "mydashboard-eu.acme.co.uk/",
                Some("mydashboard-eu.acme.co.uk"),
            ),
            ("http://dashboard.example.net", None),
            ("ftp://dashboard.example.net", None),
            ("localhost", None),
            ("dash board.example.net", None),
            ("-bad.example.net", None),
            ("", None),
        ] {
            assert_eq!(host_of(text).as_deref(), host, "{text:?}");
        }
    }
}
