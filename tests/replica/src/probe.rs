//! The bench's probe ([`Faults::bench_probe`]): with the switch on, every full HTML page gets
//! a tiny inline script as the first thing in its `<head>`, before the page's own scripts,
//! that timestamps (with `performance.now()`'s clock) the DOMContentLoaded and load events'
//! start (navigation timing), every inserted element holding a `<form>`, and each
//! element that gets `data-allot-form`, into `window.__allotBench` (read through WebDriver).
//! Fragments (the dialogs' AJAX answers) have no `<head>` and are left alone; with the switch
//! off nothing changes.
//!
//! [`Faults::bench_probe`]: crate::Faults::bench_probe

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::Dashboard;

/// The probe. `forms` lists `{t, kind}` for each element's first `data-allot-form`;
/// `inserted` the time of each added element that is or holds a `<form>`.
pub const PROBE: &str = r#"(function () {
  var b = window.__allotBench = { dcl: null, load: null, forms: [], inserted: [] };
  var seen = new WeakSet();
  // The events' start in the navigation timing: a content script's listener may run (and
  // annotate) before this one.
  var nav = function () { return performance.getEntriesByType('navigation')[0]; };
  document.addEventListener('DOMContentLoaded', function () {
    var n = nav(); b.dcl = n && n.domContentLoadedEventStart > 0 ? n.domContentLoadedEventStart : performance.now();
  });
  window.addEventListener('load', function () {
    var n = nav(); b.load = n && n.loadEventStart > 0 ? n.loadEventStart : performance.now();
  });
  new MutationObserver(function (records) {
    var t = performance.now();
    records.forEach(function (r) {
      if (r.type === 'attributes') {
        var kind = r.target.getAttribute('data-allot-form');
        if (kind !== null && !seen.has(r.target)) {
          seen.add(r.target);
          b.forms.push({ t: t, kind: kind });
        }
        return;
      }
      r.addedNodes.forEach(function (n) {
        if (n.nodeType === 1 && (n.matches('form') || n.querySelector('form'))) b.inserted.push(t);
      });
    });
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-allot-form'] });
})();"#;

/// The layer: with the switch on, HTML pages get the probe.
pub async fn bench_probe(State(d): State<Dashboard>, request: Request, next: Next) -> Response {
    let on = d.lock().data.faults.bench_probe;
    let response = next.run(request).await;
    let html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !on || !html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(
        parts,
        Body::from(with_probe(&String::from_utf8_lossy(&bytes))),
    )
}

/// The page with the probe right after its `<head>` tag (a page without one is unchanged).
fn with_probe(html: &str) -> String {
    html.replacen("<head>", &format!("<head>\n<script>{PROBE}</script>"), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_goes_first_in_the_head_and_fragments_are_left_alone() {
        let page = "<html><head><style>a{}</style></head><body><script>x()</script></body></html>";
        assert_eq!(
            with_probe(page),
            format!("<html><head>\n<script>{PROBE}</script><style>a{{}}</style></head><body><script>x()</script></body></html>")
        );
        let fragment = "<div id=\"dialog\"><form></form></div>";
        assert_eq!(with_probe(fragment), fragment);
    }
}
