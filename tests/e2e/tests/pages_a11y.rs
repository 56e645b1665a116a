//! Allot's own pages as every partner meets them (issue 9, items 8 and 9): axe-core on the
//! toolbar popup in each state of a fix and on the options page, and keyboard-only use of
//! both, with what a key press did read back from the replica and extension storage.

use allot_e2e::axe;
use allot_e2e::fix;
use allot_e2e::{chromium_extension_id, extension_dir, BrowserKind, Harness, Page};
use allot_replica::{Faults, PARTNER_NAME};
use anyhow::{bail, ensure, Context, Result};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::wd::WindowHandle;
use serde_json::{json, Value};
use std::time::Duration;

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

/// How long a test waits for something Allot shows outside a run.
const PATIENCE: Duration = Duration::from_secs(10);

/// What the dashboard answers to Change Account Size when a test makes it refuse.
const REFUSAL: &str = "Account size changes are disabled for this company.";

/// Presses one key (a real key press) in whatever has focus.
async fn press(p: &Page, key: Key) -> Result<()> {
    let key = char::from(key);
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    p.client().perform_actions(keys).await?;
    p.client().release_actions().await?;
    Ok(())
}

/// The focused control as a test names it: an option's `data-option`, the address field,
/// else the text a screen reader reads for it (visually hidden words included); `body`
/// when nothing has focus.
const FOCUSED: &str = r#"
const e = document.activeElement;
if (!e || e === document.body || e === document.documentElement) return 'body';
if (e.dataset.option) return e.dataset.option;
if (e.matches('[data-allot-host-input]')) return 'address field';
return e.textContent.replace(/\s+/g, ' ').trim() || e.tagName.toLowerCase();
"#;

async fn focused(p: &Page) -> Result<String> {
    Ok(p.js(FOCUSED, vec![])
        .await?
        .as_str()
        .unwrap_or_default()
        .to_string())
}

/// Marks the page's last control in Tab order (DOM order: Allot's pages use no positive
/// tabindex) and says whether there is one.
const MARK_LAST_CONTROL: &str = r#"
const all = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
  .filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0);
window.__allotE2eLast = all[all.length - 1] || null;
return all.length > 0;
"#;

/// Presses Tab from the top of the page until the page's last control has focus, and
/// returns each control focus reached, in order, checking each one's focus ring. Focus
/// never leaves the page (in Firefox it would go to the browser's toolbar, and keys after
/// it would not reach the page): Shift+Tab goes back from there.
async fn tab_order(p: &Page) -> Result<Vec<String>> {
    ensure!(
        p.js(MARK_LAST_CONTROL, vec![]).await? == json!(true),
        "the page has no control"
    );
    p.js(
        "if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);",
        vec![],
    )
    .await?;
    walk_focus(p, false, |_, last| last).await
}

/// Presses Tab until `name` has focus.
async fn tab_to(p: &Page, name: &str) -> Result<()> {
    walk_focus(p, false, |now, _| now == name).await.map(drop)
}

/// Presses Shift+Tab until `name` has focus: from the last control, where [`tab_order`]
/// leaves focus.
async fn shift_tab_to(p: &Page, name: &str) -> Result<()> {
    walk_focus(p, true, |now, _| now == name).await.map(drop)
}

/// Presses Tab (Shift+Tab when `back`), at most 40 times, until `stop` holds for the
/// focused control (its name, and whether it is the page's last control); returns the
/// controls reached. Each must show its focus ring; focus must stay on the page.
async fn walk_focus(
    p: &Page,
    back: bool,
    stop: impl Fn(&str, bool) -> bool,
) -> Result<Vec<String>> {
    let mut seen: Vec<String> = Vec::new();
    for _ in 0..40 {
        if back {
            press_shift_tab(p).await?;
        } else {
            press(p, Key::Tab).await?;
        }
        let now = focused(p).await?;
        if now == "body" {
            bail!("focus left the page after {seen:?}");
        }
        assert_focus_ring(p, &now).await?;
        let last = p
            .js(
                "return document.activeElement === window.__allotE2eLast;",
                vec![],
            )
            .await?
            == json!(true);
        let done = stop(&now, last);
        seen.push(now);
        if done {
            return Ok(seen);
        }
    }
    bail!("40 presses of Tab went through {seen:?}")
}

/// The focused control's outline (style, width in px, colour) and the page's background.
const FOCUS_RING: &str = r#"
const s = getComputedStyle(document.activeElement);
return [s.outlineStyle, parseFloat(s.outlineWidth) || 0, s.outlineColor,
  getComputedStyle(document.body).backgroundColor];
"#;

/// The focused control shows a solid ring at least 2 px wide whose colour has a contrast
/// of 3:1 or more with the page's background (WCAG 2.2, focus appearance).
async fn assert_focus_ring(p: &Page, name: &str) -> Result<()> {
    let ring = p.js(FOCUS_RING, vec![]).await?;
    let style = ring[0].as_str().unwrap_or_default();
    let width = ring[1].as_f64().unwrap_or_default();
    let colour = rgb(ring[2].as_str().unwrap_or_default());
    let background = rgb(ring[3].as_str().unwrap_or_default());
    let ratio = match (colour, background) {
        (Some(c), Some(b)) => contrast(c, b),
        _ => 0.0,
    };
    ensure!(
        style == "solid" && width >= 2.0 && ratio >= 3.0,
        "{name}'s focus ring is {ring} (contrast {ratio:.2}:1)"
    );
    Ok(())
}

/// `rgb(r, g, b)` or `rgba(r, g, b, 1)` as three channels 0 to 255; `None` for another
/// form or a see-through colour.
fn rgb(css: &str) -> Option<[f64; 3]> {
    let inner = css
        .strip_prefix("rgba(")
        .or_else(|| css.strip_prefix("rgb("))?;
    let parts: Vec<f64> = inner
        .trim_end_matches(')')
        .split(',')
        .map(|x| x.trim().parse().ok())
        .collect::<Option<_>>()?;
    match parts[..] {
        [r, g, b] => Some([r, g, b]),
        [r, g, b, a] if a >= 1.0 => Some([r, g, b]),
        _ => None,
    }
}

/// WCAG's contrast ratio of two colours.
fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let luminance = |c: [f64; 3]| {
        let lin = |v: f64| {
            let v = v / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

async fn press_shift_tab(p: &Page) -> Result<()> {
    let (shift, tab) = (char::from(Key::Shift), char::from(Key::Tab));
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: shift })
        .then(KeyAction::Down { value: tab })
        .then(KeyAction::Up { value: tab })
        .then(KeyAction::Up { value: shift });
    p.client().perform_actions(keys).await?;
    p.client().release_actions().await?;
    Ok(())
}

/// One key of extension storage, read from the extension page the browser is on.
async fn stored(p: &Page, key: &str) -> Result<Value> {
    let text = p
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             chrome.storage.local.get(arguments[0])
               .then(all => done(JSON.stringify(all[arguments[0]] ?? null)), e => done(JSON.stringify({ error: String(e) })));",
            vec![json!(key)],
        )
        .await?;
    let value: Value = serde_json::from_str(text.as_str().unwrap_or("null"))?;
    if value.get("error").is_some() {
        bail!("extension storage could not be read: {value}");
    }
    Ok(value)
}

/// The stored fixes as (company, status), in storage order.
async fn stored_fixes(p: &Page) -> Result<Vec<(String, String)>> {
    let fixes = stored(p, "allot.fixes").await?;
    Ok(fixes
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|j| {
            let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
            (text(&j["request"]["company"]), text(&j["status"]))
        })
        .collect())
}

/// Opens one of the extension's pages in the current window.
async fn goto_extension(p: &Page, file: &str) -> Result<()> {
    let url = p.browser.extension_url(file);
    p.client()
        .goto(&url)
        .await
        .with_context(|| format!("opening {url}"))?;
    Ok(())
}

/// Opens the popup page in a new window and waits for it; returns the window it came from.
async fn open_popup(p: &Page) -> Result<WindowHandle> {
    let back = p.client().window().await?;
    let win = p.client().new_window(false).await?.handle;
    p.client().switch_to_window(win).await?;
    goto_extension(p, "popup.html").await?;
    p.wait_for("the popup", || async {
        Ok(p.count("[data-allot-popup-tab]").await? > 0)
    })
    .await?;
    Ok(back)
}

/// Shows the popup again as it is over the dashboard tab. A popup opened in a window of
/// its own is that window's active tab; the toolbar's popup has the dashboard tab below
/// it. Only the popup's question "which tab is active?" is answered with the dashboard's
/// tab: the Status and Start messages go to that tab's content script as they do from the
/// toolbar.
async fn popup_over_dashboard(p: &Page) -> Result<()> {
    let text = p
        .client()
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            (async () => {
              const [tab] = await chrome.tabs.query({ url: 'https://*/*' });
              if (!tab) return 'no dashboard tab';
              const query = chrome.tabs.query.bind(chrome.tabs);
              const overDashboard = (q) => (q && q.active ? Promise.resolve([tab]) : query(q));
              Object.defineProperty(chrome.tabs, 'query', { value: overDashboard, configurable: true, writable: true });
              if (chrome.tabs.query !== overDashboard) return 'chrome.tabs.query cannot be answered';
              // The page's own loader again: the module is there already, the popup renders anew.
              document.getElementById('allot-popup').textContent = 'Loading…';
              const again = document.createElement('script');
              again.src = 'start-page.js';
              document.body.append(again);
              return 'ok';
            })().then(done, e => done(String(e)));"#,
            vec![],
        )
        .await?;
    ensure!(text == json!("ok"), "the popup over the dashboard: {text}");
    p.wait_for("the popup over the dashboard tab", || async {
        Ok(p.count("[data-allot-popup-tab=\"dashboard\"]").await? > 0)
    })
    .await
}

/// Closes the popup's window (if the popup has not closed itself, or is not closing
/// itself right now) and goes back.
async fn close_popup(p: &Page, back: WindowHandle) -> Result<()> {
    let popup = p.client().window().await.ok();
    if let Some(w) = popup.filter(|w| *w != back) {
        if p.client().windows().await?.contains(&w) {
            if let Err(e) = p.client().close_window().await {
                if p.client().windows().await?.contains(&w) {
                    return Err(e).context("closing the popup's window");
                }
            }
        }
    }
    p.client().switch_to_window(back).await?;
    Ok(())
}

/// axe on the whole popup, opened over the dashboard (its Start buttons enabled).
async fn popup_is_accessible(p: &Page, what: &str) -> Result<()> {
    let back = open_popup(p).await?;
    popup_over_dashboard(p).await?;
    axe::assert_accessible(p.client(), "body", what).await?;
    close_popup(p, back).await
}

/// Creates `company` at 10 GB and runs its fix to a failure: the dashboard refuses the
/// size. The refusal is switched off again afterwards.
async fn failed_fix(h: &Harness, company: &str) -> Result<()> {
    let p = &h.page;
    h.replica.set_faults(Faults {
        refuse_change_size: Some(REFUSAL.into()),
        ..Faults::default()
    });
    fix::create_company(p, company, 10).await?;
    fix::wait_offer(p).await?;
    fix::click_start(p).await?;
    let run = fix::run_to_outcome(p, None).await?;
    h.replica.set_faults(Faults::default());
    let failed = run.failed()?;
    ensure!(
        failed.contains(REFUSAL),
        "{company}'s fix failed otherwise: {failed}"
    );
    // The run stopped in the company's session: back to the partner's, as a partner does.
    if run.end.resume_link {
        p.click_text(&format!("Click here to resume session as {PARTNER_NAME}"))
            .await?;
        fix::wait_view(p, "the partner session", PATIENCE, |v| !v.resume_link).await?;
    }
    Ok(())
}

/// The popup's rows as (company, now, button's text with its hidden words).
const POPUP_ROWS: &str = r#"
return [...document.querySelectorAll('[data-allot-fixes] tr[data-allot-fix]')].map(tr => {
  const b = tr.querySelector('button');
  return [tr.cells[0].innerText.trim(), tr.cells[2].innerText.trim(), b ? b.textContent.replace(/\s+/g, ' ').trim() : ''];
});
"#;

#[tokio::test]
async fn the_popup_passes_axe_in_every_state_and_clears_finished_fixes_by_keyboard() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    // No fixes, on a page that is not the dashboard.
    let back = open_popup(p).await?;
    p.wait_text("None yet").await?;
    axe::assert_accessible(p.client(), "body", "the popup with no fixes").await?;
    ensure!(
        p.count("main h1").await? == 1 && p.count("main h2").await? == 1,
        "the popup has no main landmark with its headings"
    );
    close_popup(p, back).await?;

    // A waiting fix, then the same fix done.
    fix::create_company(p, "HighTech", 10).await?;
    fix::wait_offer(p).await?;
    popup_is_accessible(p, "the popup with a waiting fix").await?;
    fix::click_start(p).await?;
    fix::run_to_outcome(p, None).await?.done()?;
    popup_is_accessible(p, "the popup with a done fix").await?;

    // A failed fix, then a new waiting one beside the two.
    failed_fix(&h, "Blue Ridge").await?;
    popup_is_accessible(p, "the popup with a done and a failed fix").await?;
    fix::create_company(p, "Cedar Dental", 25).await?;
    fix::wait_view(p, "Cedar Dental's offer", PATIENCE, |v| {
        v.offers.iter().any(|o| o.text.contains("Cedar Dental"))
    })
    .await?;

    let back = open_popup(p).await?;
    popup_over_dashboard(p).await?;
    axe::assert_accessible(
        p.client(),
        "body",
        "the popup with waiting, done and failed fixes",
    )
    .await?;
    let rows = p.js(POPUP_ROWS, vec![]).await?;
    ensure!(
        rows == json!([
            ["Cedar Dental", "5 GB", "Start the fix for Cedar Dental"],
            [
                "Blue Ridge",
                "5 GB (unchanged)",
                "Try again to fix Blue Ridge"
            ],
            ["HighTech", "10 GB", ""],
        ]),
        "the popup's rows: {rows}"
    );
    let order = tab_order(p).await?;
    ensure!(
        order
            == [
                "Start the fix for Cedar Dental",
                "Try again to fix Blue Ridge",
                "Clear done and failed fixes",
                "Options",
            ],
        "Tab goes through {order:?}"
    );

    // Space on "Clear done and failed fixes": storage keeps the waiting fix only.
    shift_tab_to(p, "Clear done and failed fixes").await?;
    press(p, Key::Space).await?;
    p.wait_for("the finished fixes gone from storage", || async {
        Ok(stored_fixes(p).await?.len() == 1)
    })
    .await?;
    let kept = stored_fixes(p).await?;
    ensure!(
        kept == [("Cedar Dental".to_string(), "pending".to_string())],
        "storage kept {kept:?}"
    );
    p.wait_text("Cleared 2 done or failed fixes.").await?;
    let rows = p.js(POPUP_ROWS, vec![]).await?;
    ensure!(
        rows == json!([["Cedar Dental", "5 GB", "Start the fix for Cedar Dental"]]),
        "the popup's rows after Clear: {rows}"
    );
    ensure!(
        focused(p).await? == "Admin backup account fixes",
        "focus after Clear is on {:?}",
        focused(p).await?
    );
    axe::assert_accessible(p.client(), "body", "the popup after Clear").await?;
    close_popup(p, back).await?;
    // The replica: HighTech resized once, Blue Ridge refused and left at 5 GB.
    let snap = h.replica.snapshot();
    fix::assert_changes(&snap, &[("HighTech", "HighTech", 5, 10)])?;
    ensure!(fix::admin_gb(&snap, "Blue Ridge") == Some(5), "{snap:#?}");
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn try_again_by_keyboard_restarts_a_failed_fix_and_the_replica_takes_the_size() -> Result<()>
{
    let h = Harness::start().await?;
    let p = &h.page;
    failed_fix(&h, "HighTech").await?;
    ensure!(fix::admin_gb(&h.replica.snapshot(), "HighTech") == Some(5));
    let dashboard = open_popup(p).await?;
    popup_over_dashboard(p).await?;
    let order = tab_order(p).await?;
    ensure!(
        order
            == [
                "Try again to fix HighTech",
                "Clear done and failed fixes",
                "Options",
            ],
        "Tab goes through {order:?}"
    );
    shift_tab_to(p, "Try again to fix HighTech").await?;
    let popup = p.client().window().await?;
    // The popup closes itself once the dashboard tab has started the fix (where the
    // browser lets a script close it), maybe before the key is released; else storage
    // shows the fix running.
    if let Err(e) = press(p, Key::Enter).await {
        if p.client().windows().await?.contains(&popup) {
            return Err(e);
        }
    }
    let started = p
        .wait_for("the popup to close or the fix to run again", || async {
            if !p.client().windows().await?.contains(&popup) {
                return Ok(true);
            }
            Ok(stored_fixes(p)
                .await?
                .iter()
                .any(|(c, s)| c == "HighTech" && (s == "running" || s == "done")))
        })
        .await;
    if let Err(e) = started {
        bail!("{e}; the popup says {:?}", p.body_text().await?);
    }
    close_popup(p, dashboard).await?;
    fix::wait_view(
        p,
        "the new run on the dashboard",
        Duration::from_secs(30),
        |v| v.failed.is_none() && (v.progress.is_some() || v.done.is_some()),
    )
    .await?;
    fix::run_to_outcome(p, None).await?.done()?;
    let snap = h.replica.snapshot();
    ensure!(
        fix::admin_gb(&snap, "HighTech") == Some(10),
        "HighTech's admin account is {:?} GB",
        fix::admin_gb(&snap, "HighTech")
    );
    ensure!(
        snap.change_size_posts == 2,
        "{} size changes sent: one refused, one taken expected",
        snap.change_size_posts
    );
    fix::assert_changes(&snap, &[("HighTech", "HighTech", 5, 10)])?;
    let ext = fix::assert_no_secrets(p).await?;
    let job = ext.storage["local"]["allot.fixes"]
        .as_array()
        .and_then(|jobs| jobs.iter().find(|j| j["request"]["company"] == "HighTech"))
        .cloned()
        .context("HighTech's fix is not in storage")?;
    ensure!(
        job["status"] == "done" && job["runs"] == 2,
        "stored fix: {job}"
    );
    let row = ext.row("HighTech")?;
    ensure!(row.now() == "10 GB", "{row:?}");
    h.stop().await;
    Ok(())
}

/// The options page's checks in page order, by their `data-option`.
const OPTION_KEYS: [&str; 10] = [
    "pax8_half_steps",
    "group.quota",
    "group.username",
    "group.password",
    "group.ultrasafe",
    "group.secret",
    "group.company",
    "group.full_name",
    "group.email",
    "group.licenses",
];

/// Opens the options page and waits for its checks.
async fn open_options(p: &Page) -> Result<()> {
    goto_extension(p, "options.html").await?;
    p.wait_for("the options page's checks", || async {
        Ok(p.count("input[data-option]").await? == OPTION_KEYS.len())
    })
    .await
}

/// Each check as a screen reader meets it: key, its fieldset's legend, its label, its
/// description (aria-describedby), whether it is ticked and whether it is disabled.
const CHECKS: &str = r#"
return [...document.querySelectorAll('input[data-option]')].map(i => {
  const set = i.closest('fieldset');
  const legend = set && set.querySelector(':scope > legend');
  const hint = (i.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
    .map(id => document.getElementById(id)).filter(Boolean).map(e => e.textContent).join(' ');
  return { key: i.dataset.option, legend: legend ? legend.textContent : null,
    label: i.closest('label') ? i.closest('label').innerText.replace(/\s+/g, ' ').trim() : null,
    hint, checked: i.checked, disabled: i.disabled };
});
"#;

#[derive(Debug, serde::Deserialize)]
struct CheckView {
    key: String,
    legend: Option<String>,
    label: Option<String>,
    hint: String,
    checked: bool,
    disabled: bool,
}

async fn checks(p: &Page) -> Result<Vec<CheckView>> {
    Ok(serde_json::from_value(p.js(CHECKS, vec![]).await?)?)
}

/// Every check sits in a fieldset with a legend, has a label, and says what switching it
/// off does; no label assumes Pax8 is the distributor, and the page names Pax8 only as an
/// example.
async fn assert_checks_explained(p: &Page) -> Result<Vec<CheckView>> {
    let checks = checks(p).await?;
    let keys: Vec<&str> = checks.iter().map(|c| c.key.as_str()).collect();
    ensure!(keys == OPTION_KEYS, "the checks: {keys:?}");
    for c in &checks {
        ensure!(
            c.legend.as_deref().is_some_and(|l| !l.trim().is_empty()),
            "{} is not in a fieldset with a legend: {c:?}",
            c.key
        );
        let label = c.label.as_deref().unwrap_or_default();
        ensure!(
            !label.is_empty() && !label.contains("Pax8"),
            "{}'s label: {c:?}",
            c.key
        );
        ensure!(
            c.hint.starts_with("Off: "),
            "{} does not say what switching it off does: {c:?}",
            c.key
        );
    }
    let text = p.body_text().await?;
    ensure!(
        text.matches("Pax8").count() == text.matches("(Pax8, for example)").count(),
        "the options page assumes Pax8 is the distributor: {text}"
    );
    Ok(checks)
}

#[tokio::test]
async fn the_options_page_passes_axe_explains_each_check_and_works_by_keyboard() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    open_options(p).await?;
    axe::assert_accessible(p.client(), "body", "the options page").await?;
    ensure!(
        p.count("main h1").await? == 1,
        "no main landmark with the heading"
    );
    let before = assert_checks_explained(p).await?;
    ensure!(
        before.iter().all(|c| !c.disabled) && !before[0].checked,
        "{before:?}"
    );
    let mut want: Vec<String> = OPTION_KEYS.iter().map(|k| k.to_string()).collect();
    want.extend(["address field".to_string(), "Add".to_string()]);
    let order = tab_order(p).await?;
    ensure!(order == want, "Tab goes through {order:?}");

    // Space switches the username checks off and the 50 GB steps on: storage says so.
    shift_tab_to(p, "pax8_half_steps").await?;
    press(p, Key::Space).await?;
    tab_to(p, "group.username").await?;
    press(p, Key::Space).await?;
    let saved = p
        .wait_for("the options saved", || async {
            let o = stored(p, "allot.options").await?;
            Ok(o["pax8_half_steps"] == json!(true) && o["disabled_groups"] == json!(["username"]))
        })
        .await;
    if let Err(e) = saved {
        bail!(
            "{e}: storage holds {:?}, the page shows {:?}",
            stored(p, "allot.options").await,
            checks(p).await?
        );
    }
    p.wait_text("Saved.").await?;
    axe::assert_accessible(p.client(), "body", "the options page after a change").await?;

    // The form follows: an email-style username gets no message any more.
    p.open_create_company().await?;
    p.type_in("username", "it@hightech.example.com").await?;
    p.type_in("company_name", "HighTech").await?;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let codes = p.codes("username").await?;
    ensure!(
        codes.is_empty(),
        "the username checks are off, yet: {codes:?}"
    );
    h.stop().await;
    Ok(())
}

/// An organization's policy for the browser under test (Chromium: a file of this test's
/// own in the managed policy folder; Firefox: distribution/policies.json, waited for
/// while another test holds it), removed when dropped. Writing it needs root.
struct Policy(std::path::PathBuf);

impl Policy {
    async fn install(settings: Value) -> Result<Policy> {
        let (path, body) = match BrowserKind::from_env()? {
            BrowserKind::Chromium => (
                "/etc/chromium/policies/managed/allot-e2e-pages-a11y.json",
                json!({ "3rdparty": { "extensions": { chromium_extension_id(&extension_dir()?): settings } } }),
            ),
            BrowserKind::Firefox => (
                "/usr/lib/firefox-esr/distribution/policies.json",
                json!({ "policies": { "3rdparty": { "Extensions": { "allot@allot.invalid": settings } } } }),
            ),
        };
        let path = std::path::PathBuf::from(path);
        for _ in 0..120 {
            if !path.exists() {
                let dir = path.parent().context("a policy folder")?;
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {} (needs root)", dir.display()))?;
                std::fs::write(&path, body.to_string())
                    .with_context(|| format!("writing {}", path.display()))?;
                return Ok(Policy(path));
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        bail!("{} stayed in place for a minute", path.display())
    }
}

impl Drop for Policy {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[tokio::test]
async fn options_set_by_policy_are_disabled_say_so_and_pass_axe() -> Result<()> {
    let _policy = Policy::install(json!({
        "pax8_half_steps": true,
        "disabled_groups": ["password"],
    }))
    .await?;
    let h = Harness::start().await?;
    let p = &h.page;
    open_options(p).await?;
    p.wait_for("the checks set by policy", || async {
        Ok(p.count("input[data-allot-managed]").await? == OPTION_KEYS.len())
    })
    .await?;
    axe::assert_accessible(p.client(), "body", "the options page with a policy").await?;
    let checks = assert_checks_explained(p).await?;
    for c in &checks {
        let label = c.label.as_deref().unwrap_or_default();
        ensure!(
            c.disabled && label.ends_with("(Set by your organization)"),
            "{c:?}"
        );
        ensure!(c.checked == (c.key != "group.password"), "{c:?}");
    }
    // Only what the partner can change is on the way.
    let order = tab_order(p).await?;
    ensure!(
        order == ["address field", "Add"],
        "Tab goes through {order:?}"
    );
    h.stop().await;
    Ok(())
}
