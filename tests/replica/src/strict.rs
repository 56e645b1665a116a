//! The replica under a strict Content-Security-Policy ([`Faults::page_csp`]): every HTML
//! answer carries the policy and keeps working under it, as a real dashboard with such a
//! policy would: the page's script and style are files (`/replica.js`, `/replica.css`) and
//! the inline handlers (`onclick=`, `onsubmit=`) become `data-replica-on*` attributes that
//! listeners in `/replica.js` run. Without the switch nothing changes.
//!
//! [`Faults::page_csp`]: crate::Faults::page_csp

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::{newer, pages, Dashboard, Generation};

/// Runs the inline handlers' code, `return f(arg);` or `return false;`, for elements
/// whose `onclick=` / `onsubmit=` became `data-replica-onclick` / `data-replica-onsubmit`.
/// A document capture listener, so it runs before the page script's own document
/// listeners, as a handler on the element itself would.
const HANDLERS: &str = r#"
(function () {
  function arg(text, el) {
    text = text.trim();
    if (text === 'this') return el;
    if (text === 'this.textContent') return el.textContent;
    if (text === 'true' || text === 'false') return text === 'true';
    var m = /^document\.getElementById\('([^']*)'\)$/.exec(text) || [];
    if (m[1]) return document.getElementById(m[1]);
    m = /^'([^']*)'$/.exec(text);
    if (m) return m[1];
    if (/^-?\d+$/.test(text)) return Number(text);
    throw new Error('replica: cannot read the argument ' + text);
  }
  function run(code, el) {
    var m = /^\s*return\s+(?:false|(\w+)\((.*)\))\s*;?\s*$/.exec(code);
    if (!m) throw new Error('replica: cannot run the handler ' + code);
    if (!m[1]) return false;
    return window[m[1]].apply(el, m[2].trim() === '' ? [] : [arg(m[2], el)]);
  }
  ['click', 'submit'].forEach(function (kind) {
    var attr = 'data-replica-on' + kind;
    document.addEventListener(kind, function (e) {
      var el = e.target.closest && e.target.closest('[' + attr + ']');
      if (el && run(el.getAttribute(attr), el) === false) e.preventDefault();
    }, true);
  });
})();
"#;

/// `GET /replica.js`: the page script, with the handlers' listeners.
pub async fn script() -> Response {
    let body = format!("{}{HANDLERS}", pages::SCRIPT);
    ([(CONTENT_TYPE, "text/javascript; charset=utf-8")], body).into_response()
}

/// `GET /replica.css`: the style of the generation being served.
pub async fn style(State(d): State<Dashboard>) -> Response {
    let css = match d.lock().data.generation {
        Generation::Seed => pages::CSS.to_string(),
        Generation::Newer => format!("{}{}", pages::CSS, newer::NEWER_CSS),
    };
    ([(CONTENT_TYPE, "text/css; charset=utf-8")], css).into_response()
}

/// The layer: with a policy set, HTML answers get it and the markup it allows.
pub async fn page_csp(State(d): State<Dashboard>, request: Request, next: Next) -> Response {
    let csp = d.lock().data.faults.page_csp.clone();
    let response = next.run(request).await;
    let Some(csp) = csp else {
        return response;
    };
    let html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(value) = HeaderValue::from_str(&csp) else {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            "page_csp is not a header value",
        )
            .into_response();
    };
    parts.headers.remove(CONTENT_LENGTH);
    parts.headers.insert(CONTENT_SECURITY_POLICY, value);
    let markup = strict_markup(&String::from_utf8_lossy(&bytes));
    Response::from_parts(parts, Body::from(markup))
}

/// The markup with the page script, the style and the handlers no longer inline (another
/// inline script stays, and the policy decides whether it runs).
fn strict_markup(html: &str) -> String {
    let script = format!("<script>{}</script>", pages::SCRIPT);
    let html = html.replace(&script, "<script src=\"/replica.js\"></script>");
    let html = replace_elements(
        &html,
        "style",
        "<link rel=\"stylesheet\" href=\"/replica.css\">",
    );
    html.replace(" onclick=\"", " data-replica-onclick=\"")
        .replace(" onsubmit=\"", " data-replica-onsubmit=\"")
}

/// Replaces every `<tag>…</tag>` (the element written without attributes) by `with`.
fn replace_elements(html: &str, tag: &str, with: &str) -> String {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let Some(len) = rest[start..].find(&close) else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(with);
        rest = &rest[start + len + close.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_markup_moves_the_page_script_the_style_and_the_handlers() {
        let page = format!(
            "<head><style>a{{}}</style></head><body><a href=\"#\" onclick=\"return f(this);\">x</a>\
             <form onsubmit=\"return false;\"></form><script>{}</script><script>var a;</script></body>",
            pages::SCRIPT
        );
        assert_eq!(
            strict_markup(&page),
            "<head><link rel=\"stylesheet\" href=\"/replica.css\"></head><body>\
             <a href=\"#\" data-replica-onclick=\"return f(this);\">x</a>\
             <form data-replica-onsubmit=\"return false;\"></form><script src=\"/replica.js\"></script><script>var a;</script></body>"
        );
    }
}
