//! Allot's own pages as every partner meets them (issue 9, items 8 and 9): axe-core on the
//! toolbar popup in each state of a fix and on the options page, and keyboard-only use of
//! both, with what a key press did read back from the replica and extension storage.

use allot_e2e::axe;
use allot_e2e::Harness;
use allot_replica::Faults;
use anyhow::{ensure, Result};
use serde_json::json;

/// An unnamed button and a text field with no label: what axe must catch.
const BROKEN_NODES: &str = r#"
const box = document.createElement('div');
box.setAttribute('data-allot-e2e-broken', '');
box.innerHTML = '<button type="button"></button><input type="text">';
document.body.append(box);
"#;

/// The harness itself: on a dashboard page with a strict Content-Security-Policy, axe is
/// injected, finds nothing wrong where nothing is, and names the rule and node where
/// something is.
#[tokio::test]
async fn axe_runs_under_a_strict_page_csp_and_names_what_is_wrong() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    h.replica.set_faults(Faults {
        page_csp: Some("default-src 'self'".into()),
        ..Faults::default()
    });
    p.goto("").await?;
    p.js(BROKEN_NODES, vec![]).await?;
    let found = axe::violations(p.client(), "[data-allot-e2e-broken]", &[]).await?;
    let ids: Vec<&str> = found.iter().map(|v| v.id.as_str()).collect();
    ensure!(
        ids.contains(&"button-name") && ids.contains(&"label"),
        "axe missed the unnamed button or the unlabelled field: {found:#?}"
    );
    let err = axe::assert_accessible(p.client(), "[data-allot-e2e-broken]", "broken nodes")
        .await
        .err()
        .ok_or_else(|| anyhow::anyhow!("assert_accessible passed broken nodes"))?
        .to_string();
    ensure!(
        err.contains("button-name") && err.contains("<button type=\"button\"></button>"),
        "the failure does not name the rule and the node: {err}"
    );
    // Where nothing is wrong, nothing fails; and a selector matching nothing is an error.
    p.js(
        "document.querySelector('[data-allot-e2e-broken]').innerHTML = '<button type=\"button\">Go</button>';",
        vec![],
    )
    .await?;
    axe::assert_accessible(p.client(), "[data-allot-e2e-broken]", "a named button").await?;
    ensure!(
        axe::violations(p.client(), "[data-allot-e2e-none]", &[])
            .await
            .is_err(),
        "axe checked a selector that matches nothing"
    );
    let csp = p
        .js(
            "return [...document.querySelectorAll('script[src]')].some(s => s.src.endsWith('/replica.js'));",
            vec![],
        )
        .await?;
    ensure!(
        csp == json!(true),
        "the page was not served under the strict CSP"
    );
    h.stop().await;
    Ok(())
}
