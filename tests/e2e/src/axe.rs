//! axe-core inside the end-to-end tests: injects the pinned `axe.min.js` (installed into
//! `.tools` by `./build.sh test`) into the page the browser is on and fails, with a
//! readable list, on any violation in the part of the page a test names.

use anyhow::{bail, Context, Result};
use fantoccini::Client;
use serde::Deserialize;
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// axe-core's script, read once per test binary.
static AXE_SOURCE: OnceLock<Result<String, String>> = OnceLock::new();

/// One rule axe found broken, with the nodes that break it.
#[derive(Clone, Debug, Deserialize)]
pub struct Violation {
    pub id: String,
    pub impact: Option<String>,
    pub help: String,
    #[serde(rename = "helpUrl")]
    pub help_url: String,
    pub nodes: Vec<ViolationNode>,
}

/// A node that breaks a rule: where it is, its markup and axe's account of why.
#[derive(Clone, Debug, Deserialize)]
pub struct ViolationNode {
    pub target: Vec<Value>,
    pub html: String,
    #[serde(rename = "failureSummary")]
    pub failure_summary: Option<String>,
}

/// Runs axe-core on the elements matching the CSS selector `include` (such as
/// `[data-allot-own]` on a dashboard page, `body` on an extension page) and fails with
/// every violation (rule, impact, help, each node's selector and markup). Only
/// violations fail: what axe cannot decide (a contrast over an image, say) is left out.
/// `what` names the state checked, for the failure's first line.
pub async fn assert_accessible(client: &Client, include: &str, what: &str) -> Result<()> {
    assert_accessible_except(client, include, what, &[]).await
}

/// [`assert_accessible`] without the axe rules named in `skip` (rule ids such as
/// `region`), for a check that belongs to a page Allot does not own.
pub async fn assert_accessible_except(
    client: &Client,
    include: &str,
    what: &str,
    skip: &[&str],
) -> Result<()> {
    let found = violations(client, include, skip).await?;
    if found.is_empty() {
        return Ok(());
    }
    bail!("{}", report(what, include, &found))
}

/// How long the elements axe is to check may take to appear (on a page the fix has just
/// loaded, Allot's boxes come once its module has).
const MATCH_PATIENCE: Duration = Duration::from_secs(5);

/// Waits until something on the page matches `include`; fails when nothing does in
/// [`MATCH_PATIENCE`] (a check of nothing cannot fail).
async fn wait_for_match(client: &Client, include: &str) -> Result<()> {
    let until = Instant::now() + MATCH_PATIENCE;
    loop {
        let matched = client
            .execute(
                "return document.querySelectorAll(arguments[0]).length;",
                vec![json!(include)],
            )
            .await
            .context("counting what axe is to check")?;
        if matched.as_u64().unwrap_or(0) > 0 {
            return Ok(());
        }
        if Instant::now() >= until {
            bail!(
                "axe: nothing on {} matches {include:?}",
                page_url(client).await
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The violations axe-core finds in the elements matching `include`, rules in `skip`
/// left out. Fails when nothing matches `include` (a check of nothing cannot fail).
/// Frames are not entered: switch to a frame and run it there.
pub async fn violations(client: &Client, include: &str, skip: &[&str]) -> Result<Vec<Violation>> {
    let rules: serde_json::Map<String, Value> = skip
        .iter()
        .map(|id| (id.to_string(), json!({ "enabled": false })))
        .collect();
    // A page the dashboard loads between injecting axe and running it (the fix walks
    // pages) has no axe, or not yet what axe is to check; a page left while axe runs
    // answers nothing (Firefox gives null). Either way: wait for what axe is to check on
    // the new page, inject and run once more.
    let mut answer = Value::Null;
    for _ in 0..ATTEMPTS {
        wait_for_match(client, include).await?;
        inject(client).await?;
        let raw = match client
            .execute_async(RUN_AXE, vec![json!(include), Value::Object(rules.clone())])
            .await
        {
            Ok(raw) => raw,
            // "Document was unloaded" and its kin: the page went away under axe.
            Err(e) if e.to_string().to_lowercase().contains("unload") => Value::Null,
            Err(e) => return Err(e).context("running axe-core"),
        };
        answer = match raw.as_str() {
            Some(text) => serde_json::from_str(text).context("reading axe-core's results")?,
            None => json!({ "missing": true }),
        };
        if answer.get("missing").is_none() {
            break;
        }
    }
    if answer.get("missing").is_some() {
        bail!(
            "axe-core, or what it was to check, was gone {ATTEMPTS} times from {}: the page kept loading",
            page_url(client).await
        );
    }
    if let Some(error) = answer.get("error") {
        bail!("axe-core failed on {}: {error}", page_url(client).await);
    }
    serde_json::from_value(answer).context("reading axe-core's violations")
}

/// How many times axe is run when the page goes away under it.
const ATTEMPTS: usize = 4;

/// Runs axe on `arguments[0]` with the rules in `arguments[1]` switched off; answers the
/// violations as JSON (a string: Firefox and Chromium return nested objects alike then).
const RUN_AXE: &str = r#"
const [include, rules, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
if (typeof axe === 'undefined' || !document.querySelector(include)) { done(JSON.stringify({ missing: true })); return; }
axe.run({ include: [include] }, { rules, resultTypes: ['violations'], iframes: false })
  .then(r => done(JSON.stringify(r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
  })))))
  .catch(e => done(JSON.stringify({ error: String(e && e.message || e) })));
"#;

/// Puts axe-core into the page, unless it is there already. WebDriver's scripts are
/// not subject to the page's Content-Security-Policy, so strict pages take it too.
async fn inject(client: &Client) -> Result<()> {
    let present = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await?;
    if present == json!(true) {
        return Ok(());
    }
    let source = match AXE_SOURCE.get_or_init(read_axe) {
        Ok(s) => s,
        Err(e) => bail!("{e}"),
    };
    // axe.min.js sets `window.axe` when it runs with `window` in scope.
    let script = format!("{source}\nreturn typeof window.axe === 'object';");
    let loaded = client
        .execute(&script, vec![])
        .await
        .context("injecting axe-core")?;
    if loaded != json!(true) {
        bail!(
            "axe-core did not load on {} (its page may block it)",
            page_url(client).await
        );
    }
    Ok(())
}

/// `.tools/node_modules/axe-core/axe.min.js` at the workspace root, or `AXE_CORE_JS`.
fn axe_path() -> PathBuf {
    match std::env::var_os("AXE_CORE_JS") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../.tools/node_modules/axe-core/axe.min.js"),
    }
}

fn read_axe() -> Result<String, String> {
    let path = axe_path();
    std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "reading {}: {e} (./build.sh test installs axe-core into .tools)",
            path.display()
        )
    })
}

async fn page_url(client: &Client) -> String {
    match client.current_url().await {
        Ok(u) => u.to_string(),
        Err(_) => "the page".into(),
    }
}

/// The failure's text: one block per rule, one line per node.
fn report(what: &str, include: &str, found: &[Violation]) -> String {
    let mut out = format!(
        "{what}: axe-core found {} violation(s) in {include:?}:",
        found.len()
    );
    for v in found {
        let impact = v.impact.as_deref().unwrap_or("no impact given");
        let _ = write!(out, "\n- {} ({impact}): {}\n  {}", v.id, v.help, v.help_url);
        for n in &v.nodes {
            let target: Vec<String> = n
                .target
                .iter()
                .map(|t| {
                    t.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| t.to_string())
                })
                .collect();
            let _ = write!(out, "\n  * {}: {}", target.join(" "), clip(&n.html, 300));
            if let Some(why) = &n.failure_summary {
                let why = why.split_whitespace().collect::<Vec<_>>().join(" ");
                let _ = write!(out, "\n    {}", clip(&why, 400));
            }
        }
    }
    out
}

fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}
