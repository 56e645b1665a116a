//! Paging and search for the grids (companies, backup accounts), shared by both generations:
//! 30 rows a page, `?page=N` and `?q=`, the search box above a grid and the pager under it.

use std::collections::HashMap;
use std::fmt::Write;

use crate::pages::esc;

/// Rows a grid page shows.
pub const PAGE_SIZE: usize = 30;

/// What a grid page was asked for: `?page=N` (1-based) and `?q=` (a name filter), plus the
/// other query parameters as they came.
#[derive(Clone, Debug, Default)]
pub struct GridQuery {
    pub page: usize,
    pub q: String,
    pub params: HashMap<String, String>,
}

impl GridQuery {
    pub fn parse(raw: Option<&str>) -> Self {
        let params = parse_query(raw.unwrap_or(""));
        GridQuery {
            page: params
                .get("page")
                .and_then(|p| p.trim().parse().ok())
                .unwrap_or(1)
                .max(1),
            q: params
                .get("q")
                .map(|q| q.trim().to_string())
                .unwrap_or_default(),
            params,
        }
    }
}

/// `a=1&b=x%20y` into a map (the last value of a repeated name wins); `+` is a space.
pub fn parse_query(raw: &str) -> HashMap<String, String> {
    raw.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect()
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes a query value.
pub fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// One page of a grid's rows, and what its controls show.
pub struct Paged<T> {
    pub rows: Vec<T>,
    pub page: usize,
    pub pages: usize,
    q: String,
    /// The search box and the pager are shown with more than one page of rows, or a search.
    pub controls: bool,
}

/// Filters `rows` by `query.q` (case-insensitive, in the row's name) and cuts the asked page
/// (clamped to the pages there are).
pub fn paginate<T>(rows: Vec<T>, name: impl Fn(&T) -> &str, query: &GridQuery) -> Paged<T> {
    let total = rows.len();
    let wanted = query.q.to_lowercase();
    let filtered: Vec<T> = rows
        .into_iter()
        .filter(|r| wanted.is_empty() || name(r).to_lowercase().contains(&wanted))
        .collect();
    let pages = filtered.len().div_ceil(PAGE_SIZE).max(1);
    let page = query.page.clamp(1, pages);
    let rows = filtered
        .into_iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .collect();
    Paged {
        rows,
        page,
        pages,
        q: query.q.clone(),
        controls: total > PAGE_SIZE || !query.q.is_empty(),
    }
}

impl<T> Paged<T> {
    fn href(&self, page: usize) -> String {
        if self.q.is_empty() {
            format!("?page={page}")
        } else {
            format!("?page={page}&q={}", encode(&self.q))
        }
    }

    /// The search box above the grid (empty without controls).
    pub fn search_html(&self) -> String {
        if !self.controls {
            return String::new();
        }
        format!(
            "<form method=\"get\" class=\"grid-search\" role=\"search\">\
             <label for=\"gridSearch\">Search</label> \
             <input type=\"text\" id=\"gridSearch\" name=\"q\" value=\"{}\"> \
             <button type=\"submit\" class=\"grid-search-button\">Search</button></form>\n",
            esc(&self.q)
        )
    }

    /// The pager under the grid (empty without controls): First, Previous, Next, Last (plain
    /// text where they do not apply), the page-number box and "Page N of M".
    pub fn pager_html(&self) -> String {
        if !self.controls {
            return String::new();
        }
        let link = |text: &str, target: usize, applies: bool| {
            if applies {
                format!(
                    "<a href=\"{}\" class=\"pager-link\">{text}</a>",
                    esc(&self.href(target))
                )
            } else {
                format!("<span class=\"pager-off\">{text}</span>")
            }
        };
        let hidden_q = if self.q.is_empty() {
            String::new()
        } else {
            format!(
                "<input type=\"hidden\" name=\"q\" value=\"{}\">",
                esc(&self.q)
            )
        };
        format!(
            "<div class=\"pager\">{} {} {} {} \
             <form method=\"get\" class=\"pager-form\"><label for=\"pagerPage\">Page</label> \
             <input type=\"text\" id=\"pagerPage\" name=\"page\" value=\"{page}\" size=\"4\">{hidden_q}</form> \
             <span class=\"pager-info\">Page {page} of {pages}</span></div>\n",
            link("First", 1, self.page > 1),
            link("Previous", self.page.saturating_sub(1), self.page > 1),
            link("Next", self.page + 1, self.page < self.pages),
            link("Last", self.pages, self.page < self.pages),
            page = self.page,
            pages = self.pages,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_decoded() {
        let q = GridQuery::parse(Some("page=3&q=Blue+River%20L%C3%A4w&x"));
        assert_eq!(q.page, 3);
        assert_eq!(q.q, "Blue River L\u{e4}w");
        assert_eq!(GridQuery::parse(Some("page=0")).page, 1);
        assert_eq!(GridQuery::parse(Some("page=%")).page, 1);
        assert_eq!(decode("100%"), "100%");
        assert_eq!(encode("a b&\u{e4}"), "a%20b%26%C3%A4");
    }

    #[test]
    fn pages_are_clamped_and_filtered() {
        let rows: Vec<String> = (1..=65).map(|n| format!("Row {n:03}")).collect();
        let paged = paginate(
            rows.clone(),
            |r| r.as_str(),
            &GridQuery::parse(Some("page=9")),
        );
        assert_eq!((paged.page, paged.pages, paged.rows.len()), (3, 3, 5));
        let paged = paginate(
            rows.clone(),
            |r| r.as_str(),
            &GridQuery::parse(Some("q=row+06")),
        );
        assert_eq!(
            paged.rows,
            vec![
                "Row 060".to_string(),
                "Row 061".into(),
                "Row 062".into(),
                "Row 063".into(),
                "Row 064".into(),
                "Row 065".into()
            ]
        );
        let few = paginate(rows[..3].to_vec(), |r| r.as_str(), &GridQuery::default());
        assert!(!few.controls);
        assert_eq!(few.pager_html(), "");
    }
}
