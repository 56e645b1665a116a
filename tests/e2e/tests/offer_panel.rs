//! The allocation fix's panel as a partner meets it (issue 9, items 5 to 7): a landmark
//! named "Allot" that folds to a pill and back by mouse and keyboard, never cancels a
//! run when closed, never covers the grids' Actions (gear) column, shows a failed fix as
//! one box, and says each new state once in its live region.

use allot_e2e::fix::{self, assert_changes};
use allot_e2e::{Harness, Page, ENTER, TAB};
use allot_replica::{Faults, Generation};
use anyhow::{bail, ensure, Context, Result};
use serde::Deserialize;
use std::cell::RefCell;
use std::time::{Duration, Instant};

/// WebDriver's Escape key.
const ESCAPE: &str = "\u{E00C}";
/// How long a test waits for something the panel shows.
const PATIENCE: Duration = Duration::from_secs(10);
/// How long a test waits for a whole run.
const RUN_PATIENCE: Duration = Duration::from_secs(90);
const POLL: Duration = Duration::from_millis(30);

const CLOSE: &str = "[data-allot-fix-panel] button[aria-label=\"Close Allot\"]";
const PILL: &str = "[data-allot-fix-panel] [data-allot-panel-part=\"pill\"]";

/// What the panel shows, as a partner (eyes, keyboard, screen reader) meets it.
#[derive(Clone, Debug, Deserialize)]
struct PanelView {
    /// The landmark's name, when the panel is an `<aside>` or a named region.
    landmark: Option<String>,
    /// The pill's text, when it shows.
    pill: Option<String>,
    /// The "Allot" heading, when it shows.
    heading: Option<String>,
    /// The close button's accessible name, when it shows.
    close: Option<String>,
    /// Every live region in the panel: politeness and text.
    live: Vec<Live>,
    /// Elements in the panel with a live role of their own (alert, status, log).
    roles: usize,
    /// The fix's boxes (outermost only: a part of a box is not a box).
    boxes: Vec<BoxView>,
    /// Where focus is: heading, pill, panel (elsewhere inside), before (the page element
    /// the test marked), or the focused element's tag.
    focus: String,
}

#[derive(Clone, Debug, Deserialize)]
struct Live {
    politeness: String,
    text: String,
}

#[derive(Clone, Debug, Deserialize)]
struct BoxView {
    /// offer, progress, done or failed (`data-allot-resize-<kind>`).
    kind: String,
    heading: String,
    text: String,
    visible: bool,
}

impl PanelView {
    fn visible_boxes(&self) -> Vec<&BoxView> {
        self.boxes.iter().filter(|b| b.visible).collect()
    }

    /// Folded: the pill shows and no box does.
    fn folded(&self) -> bool {
        self.pill.is_some() && self.visible_boxes().is_empty() && self.heading.is_none()
    }

    fn live_text(&self) -> &str {
        self.live
            .first()
            .map(|l| l.text.as_str())
            .unwrap_or_default()
    }
}

const READ_PANEL: &str = r#"
const panel = document.querySelector('[data-allot-fix-panel]');
if (!panel) return null;
const vis = e => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
const kinds = ['offer', 'progress', 'done', 'failed'];
const kindOf = e => kinds.find(k => e.hasAttribute('data-allot-resize-' + k));
const all = [...panel.querySelectorAll(kinds.map(k => '[data-allot-resize-' + k + ']').join(','))];
const outer = all.filter(e => !all.some(o => o !== e && o.contains(e)));
const pill = panel.querySelector('[data-allot-panel-part="pill"]');
const close = [...panel.querySelectorAll('button')].find(b => /close/i.test(b.getAttribute('aria-label') || ''));
const h = panel.querySelector('h2');
const a = document.activeElement;
// The text a screen reader reads: icons marked aria-hidden left out.
const spoken = e => [...e.childNodes]
  .filter(n => !(n.nodeType === 1 && n.getAttribute('aria-hidden') === 'true'))
  .map(n => n.textContent).join('').trim();
const named = panel.tagName === 'ASIDE' || panel.getAttribute('role') === 'region';
return {
  landmark: named ? panel.getAttribute('aria-label') : null,
  pill: vis(pill) ? spoken(pill) : null,
  heading: vis(h) ? h.innerText.trim() : null,
  close: vis(close) ? close.getAttribute('aria-label') : null,
  live: [...panel.querySelectorAll('[aria-live]')].map(l => ({ politeness: l.getAttribute('aria-live'), text: l.textContent })),
  roles: panel.querySelectorAll('[role=alert], [role=status], [role=log]').length,
  boxes: outer.map(b => {
    const hd = b.querySelector('h3');
    return { kind: kindOf(b), heading: hd ? hd.innerText.trim() : '', text: b.innerText, visible: vis(b) };
  }),
  focus: a === h ? 'heading' : a === pill ? 'pill' : panel.contains(a) ? 'panel'
    : a && a.hasAttribute('data-e2e-before') ? 'before' : (a ? a.tagName.toLowerCase() : ''),
};
"#;

async fn panel(p: &Page) -> Result<PanelView> {
    let v = p.js(READ_PANEL, vec![]).await?;
    ensure!(!v.is_null(), "no Allot panel on the page");
    Ok(serde_json::from_value(v)?)
}

/// Waits (as long as a partner would) until the panel shows what `check` looks for.
async fn wait_panel(p: &Page, what: &str, check: impl Fn(&PanelView) -> bool) -> Result<PanelView> {
    let last = RefCell::new(None);
    let waited = p
        .wait_for(what, || async {
            let v = panel(p).await?;
            let ok = check(&v);
            *last.borrow_mut() = Some(v);
            Ok(ok)
        })
        .await;
    let last = last.into_inner();
    match (waited, last) {
        (Ok(()), Some(v)) => Ok(v),
        (_, last) => bail!("waited for {what}; the panel last showed {last:#?}"),
    }
}

/// Creates HighTech at 10 GB and waits for the offer in an open panel.
async fn hightech_offered(h: &Harness) -> Result<PanelView> {
    fix::create_company(&h.page, "HighTech", 10).await?;
    fix::wait_offer(&h.page).await?;
    wait_panel(&h.page, "the offer in the open panel", |v| {
        v.visible_boxes().iter().any(|b| b.kind == "offer")
    })
    .await
}

/// Follows the started run to its end: done, HighTech resized once from 5 to 10 GB.
async fn assert_resized_once(h: &Harness) -> Result<()> {
    fix::run_to_outcome(&h.page, None).await?.done()?;
    assert_changes(&h.replica.snapshot(), &[("HighTech", "HighTech", 5, 10)])
}

/// The panel's parts that show, against the Actions (gear) column of every grid on the
/// page, at the top, the middle and the end of the page. Returns how many Actions cells
/// were in view, or the overlaps.
const OVERLAPS: &str = r#"
const panel = document.querySelector('[data-allot-fix-panel]');
const vis = e => !!e && e.getClientRects().length > 0;
const parts = panel ? [...panel.querySelectorAll('[data-allot-panel-part="card"], [data-allot-panel-part="pill"]')].filter(vis) : [];
const cells = [...document.querySelectorAll('td.actions')];
for (const table of new Set(cells.map(c => c.closest('table')))) {
  const head = table && table.rows[0];
  if (head && head.cells.length) cells.push(head.cells[head.cells.length - 1]);
}
const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const H = innerHeight, W = innerWidth;
const max = Math.max(0, document.documentElement.scrollHeight - H);
const seen = { in_view: 0, overlaps: [], width: W, height: H, parts: parts.length };
for (const y of [0, Math.round(max / 2), max]) {
  scrollTo(0, y);
  const rects = parts.map(p => p.getBoundingClientRect());
  for (const c of cells) {
    const r = c.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= H || r.right <= 0 || r.left >= W) continue;
    seen.in_view++;
    for (const pr of rects) {
      if (hit(r, pr)) seen.overlaps.push(`at scroll ${y}: cell ${JSON.stringify([r.left, r.top, r.right, r.bottom])} under the panel ${JSON.stringify([pr.left, pr.top, pr.right, pr.bottom])}`);
    }
  }
}
scrollTo(0, 0);
return seen;
"#;

#[derive(Debug, Deserialize)]
struct Overlaps {
    in_view: usize,
    overlaps: Vec<String>,
    width: f64,
    height: f64,
    parts: usize,
}

async fn overlaps(p: &Page) -> Result<Overlaps> {
    Ok(serde_json::from_value(p.js(OVERLAPS, vec![]).await?)?)
}

/// Fails if the panel covers an Actions cell; returns how many were in view.
async fn assert_clear(p: &Page, when: &str) -> Result<usize> {
    let o = overlaps(p).await?;
    ensure!(
        o.overlaps.is_empty(),
        "{when} ({}x{}): the panel covers the Actions column: {:#?}",
        o.width,
        o.height,
        o.overlaps
    );
    ensure!(o.parts > 0, "{when}: nothing of the panel shows");
    Ok(o.in_view)
}

#[tokio::test]
async fn the_panel_is_a_landmark_that_folds_to_a_pill_and_back_by_mouse() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    let v = hightech_offered(&h).await?;
    assert_eq!(v.landmark.as_deref(), Some("Allot"), "{v:#?}");
    assert_eq!(v.heading.as_deref(), Some("Allot"), "{v:#?}");
    assert_eq!(v.close.as_deref(), Some("Close Allot"), "{v:#?}");
    let offer = &v.visible_boxes()[0];
    assert!(offer.heading.contains("Fix waiting"), "{offer:#?}");

    // Close folds the offer to a small pill; the offer is kept, nothing runs.
    p.click_css(CLOSE).await?;
    let v = wait_panel(p, "the panel folded", PanelView::folded).await?;
    assert_eq!(v.pill.as_deref(), Some("Allot: 1 fix waiting"), "{v:#?}");
    assert_eq!(v.boxes.len(), 1, "the offer is gone: {v:#?}");
    let size = p
        .js(
            &format!(
                "const r = document.querySelector('{}').getBoundingClientRect(); return [r.width, r.height];",
                PILL.replace('\'', "\\'")
            ),
            vec![],
        )
        .await?;
    let (w, ht) = (
        size[0].as_f64().unwrap_or(0.0),
        size[1].as_f64().unwrap_or(0.0),
    );
    assert!(w < 260.0 && ht < 50.0, "the pill is not small: {w}x{ht}");

    // Folded stays folded on the next page of the tab.
    p.goto("Companies").await?;
    let v = wait_panel(p, "the pill after a page load", PanelView::folded).await?;
    assert_eq!(v.pill.as_deref(), Some("Allot: 1 fix waiting"), "{v:#?}");

    // A click on the pill unfolds it, with focus on the panel's heading.
    p.click_css(PILL).await?;
    let v = wait_panel(p, "the panel open again", |v| {
        v.heading.is_some() && v.pill.is_none()
    })
    .await?;
    assert_eq!(v.focus, "heading", "{v:#?}");
    assert!(
        v.visible_boxes().iter().any(|b| b.kind == "offer"),
        "{v:#?}"
    );
    assert!(fix::view(p).await?.progress.is_none());
    assert_changes(&h.replica.snapshot(), &[])?;
    h.stop().await;
    Ok(())
}

/// Focuses the last element of the page that Tab reaches before Allot's panel, and marks
/// it for [`PanelView::focus`].
async fn focus_last_page_control(p: &Page) -> Result<()> {
    let found = p
        .js(
            r#"const panel = document.querySelector('[data-allot-fix-panel]');
            const all = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
              .filter(e => !panel.contains(e) && !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0);
            const last = all[all.length - 1];
            if (!last) return false;
            last.setAttribute('data-e2e-before', '');
            last.focus();
            return document.activeElement === last;"#,
            vec![],
        )
        .await?;
    ensure!(found == serde_json::json!(true), "no page control to focus");
    Ok(())
}

#[tokio::test]
async fn the_keyboard_reaches_the_panel_esc_folds_it_and_enter_on_the_pill_unfolds_it() -> Result<()>
{
    let h = Harness::start().await?;
    let p = &h.page;
    hightech_offered(&h).await?;
    p.goto("Companies").await?;
    fix::wait_offer(p).await?;

    // Tab from the page's last control enters the panel, where it sits.
    focus_last_page_control(p).await?;
    p.press(TAB).await?;
    let v = panel(p).await?;
    assert_eq!(v.focus, "panel", "Tab did not reach the panel: {v:#?}");
    let ring = p
        .js(
            "const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow];",
            vec![],
        )
        .await?;
    assert_eq!(ring[0], "solid", "focus ring: {ring}");
    assert_eq!(ring[1], "3px", "focus ring: {ring}");
    assert_eq!(ring[2], "rgb(11, 12, 12)", "focus ring: {ring}");
    assert!(
        ring[3]
            .as_str()
            .unwrap_or_default()
            .contains("rgb(255, 221, 0)"),
        "no yellow halo: {ring}"
    );

    // Esc folds the panel and gives focus back to the page's control.
    p.press(TAB).await?;
    p.press(ESCAPE).await?;
    let v = wait_panel(p, "Esc to fold the panel", PanelView::folded).await?;
    assert_eq!(v.focus, "before", "focus did not go back: {v:#?}");

    // Tab reaches the pill; Enter unfolds it.
    p.press(TAB).await?;
    let v = panel(p).await?;
    assert_eq!(v.focus, "pill", "{v:#?}");
    p.press(ENTER).await?;
    let v = wait_panel(p, "Enter to unfold the panel", |v| {
        v.heading.is_some() && v.pill.is_none()
    })
    .await?;
    assert_eq!(v.focus, "heading", "{v:#?}");

    // The keyboard alone starts the fix: Tab to "Resize it now", Enter.
    let mut on_start = false;
    for _ in 0..6 {
        p.press(TAB).await?;
        let is_start = p
            .js(
                "return document.activeElement.hasAttribute('data-allot-resize-start');",
                vec![],
            )
            .await?;
        if is_start == serde_json::json!(true) {
            on_start = true;
            break;
        }
    }
    ensure!(on_start, "Tab never reached the start button");
    p.press(ENTER).await?;
    assert_resized_once(&h).await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn closing_the_panel_during_a_run_folds_it_and_the_run_completes() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    hightech_offered(&h).await?;
    fix::click_start(p).await?;
    // Close as soon as the progress shows, again if a page load of the run swallowed
    // the click, until the panel is folded to a pill that says the run goes on.
    let start = Instant::now();
    loop {
        if let Ok(v) = panel(p).await {
            if v.folded() {
                let pill = v.pill.unwrap_or_default();
                ensure!(pill.starts_with("Allot: resizing"), "pill: {pill}");
                break;
            }
            if v.visible_boxes().iter().any(|b| b.kind == "progress") {
                let _ = p.click_css(CLOSE).await;
            }
        }
        ensure!(start.elapsed() < PATIENCE, "the panel never folded");
        tokio::time::sleep(POLL).await;
    }

    assert_resized_once(&h).await?;
    let v = wait_panel(p, "the pill to say done", |v| {
        v.pill.as_deref() == Some("Allot: done")
    })
    .await?;
    assert!(v.folded(), "the panel unfolded by itself: {v:#?}");
    p.click_css(PILL).await?;
    let v = wait_panel(p, "the done box", |v| {
        v.visible_boxes().iter().any(|b| b.kind == "done")
    })
    .await?;
    let done = v.visible_boxes()[0];
    assert!(done.heading.contains("Done"), "{done:#?}");
    let ext = fix::assert_no_secrets(p).await?;
    assert_eq!(ext.row("HighTech")?.status, "done");
    h.stop().await;
    Ok(())
}

/// Every state the companies list shows (offer, folded, the run's steps there, done),
/// in both generations, in a wide and a narrow window: the panel never covers an
/// Actions cell.
#[tokio::test]
async fn the_panel_never_covers_the_grids_actions_column() -> Result<()> {
    for generation in [Generation::Seed, Generation::Newer] {
        for (width, height) in [(1280, 900), (1024, 700)] {
            let what = format!("{generation:?} at {width}x{height}");
            let h = Harness::start().await?;
            h.replica.set_generation(generation);
            h.replica.set_faults(Faults {
                filler_companies: 40,
                ..Faults::default()
            });
            let p = &h.page;
            p.client().set_window_size(width, height).await?;
            hightech_offered(&h).await?;
            p.goto("Companies").await?;
            fix::wait_offer(p).await?;
            let o = overlaps(p).await?;
            ensure!(
                o.width <= f64::from(width),
                "{what}: the window is {} wide",
                o.width
            );
            let seen = assert_clear(p, &format!("{what}, the offer")).await?;
            ensure!(seen > 0, "{what}: no Actions cell in view");
            p.click_css(CLOSE).await?;
            wait_panel(p, "the panel folded", PanelView::folded).await?;
            assert_clear(p, &format!("{what}, the pill")).await?;
            p.click_css(PILL).await?;
            wait_panel(p, "the panel open", |v| v.heading.is_some()).await?;

            fix::click_start(p).await?;
            let start = Instant::now();
            let mut checked = 0;
            loop {
                let v = fix::view(p).await.unwrap_or_default();
                if v.progress.is_some() && v.path.contains("Companies") {
                    if let Ok(o) = overlaps(p).await {
                        ensure!(
                            o.overlaps.is_empty(),
                            "{what}, during the run on {}: {:#?}",
                            v.path,
                            o.overlaps
                        );
                        checked += o.in_view;
                    }
                }
                if v.done.is_some() || v.failed.is_some() {
                    break;
                }
                ensure!(
                    start.elapsed() < RUN_PATIENCE,
                    "{what}: the run did not end"
                );
                tokio::time::sleep(POLL).await;
            }
            let v = fix::view(p).await?;
            ensure!(v.done.is_some(), "{what}: {v:#?}");
            assert_clear(p, &format!("{what}, done on {}", v.path)).await?;
            ensure!(checked > 0, "{what}: no Actions cell seen during the run");
            assert_changes(&h.replica.snapshot(), &[("HighTech", "HighTech", 5, 10)])?;
            h.stop().await;
        }
    }
    Ok(())
}

#[tokio::test]
async fn a_failed_fix_is_one_box_with_the_steps_and_a_way_to_try_again() -> Result<()> {
    const REFUSAL: &str = "Account size changes are disabled for this company.";
    let h = Harness::start().await?;
    let p = &h.page;
    hightech_offered(&h).await?;
    h.replica.set_faults(Faults {
        refuse_change_size: Some(REFUSAL.into()),
        ..Faults::default()
    });
    fix::click_start(p).await?;
    fix::run_to_outcome(p, None).await?.failed()?;
    let v = wait_panel(p, "the failure", |v| {
        v.visible_boxes().iter().any(|b| b.kind == "failed")
    })
    .await?;
    let shown = v.visible_boxes();
    assert_eq!(shown.len(), 1, "more than one box: {v:#?}");
    let failed = shown[0];
    assert!(failed.heading.contains("Stopped"), "{failed:#?}");
    assert!(failed.text.contains(REFUSAL), "{failed:#?}");
    assert!(failed.text.contains("To finish by hand"), "{failed:#?}");
    let inside = p
        .js(
            r#"const f = document.querySelector('[data-allot-resize-failed]');
            const vis = e => !!e && e.getClientRects().length > 0;
            return [f.querySelectorAll('ol > li').length,
                    vis(f.querySelector('[data-allot-resize-start]')),
                    document.querySelectorAll('[data-allot-resize-offer]').length,
                    [...f.querySelectorAll('[data-allot-dismiss]')].filter(vis).length];"#,
            vec![],
        )
        .await?;
    assert!(
        inside[0].as_u64().unwrap_or(0) >= 2,
        "too few steps: {inside}"
    );
    assert_eq!(inside[1], true, "no way to try again in the box: {inside}");
    assert_eq!(inside[2], 1, "a second offer: {inside}");
    assert_eq!(inside[3], 0, "Dismiss beside Not now: {inside}");
    assert_clear(p, "the failure").await?;
    wait_panel(p, "the live region to say the failure", |v| {
        v.live_text().contains(REFUSAL)
    })
    .await?;
    p.click_css(CLOSE).await?;
    let v = wait_panel(p, "the panel folded", PanelView::folded).await?;
    assert_eq!(v.pill.as_deref(), Some("Allot: fix stopped"), "{v:#?}");
    p.click_css(PILL).await?;
    wait_panel(p, "the panel open", |v| v.heading.is_some()).await?;

    // "Try again" in the same box, once the dashboard allows it and the partner has
    // closed its refusal.
    h.replica.set_faults(Faults::default());
    p.click_css("#btnChangeSizeCancel").await?;
    fix::click_start(p).await?;
    fix::wait_view(p, "the failure replaced by the run", PATIENCE, |v| {
        v.failed.is_none() && (v.progress.is_some() || v.done.is_some())
    })
    .await?;
    assert_resized_once(&h).await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn the_live_region_says_the_offer_then_the_outcome() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    hightech_offered(&h).await?;
    let v = wait_panel(p, "the live region to say the offer", |v| {
        v.live_text()
            .contains("HighTech's admin backup account is 5 GB; you asked for 10 GB")
    })
    .await?;
    assert_eq!(v.live.len(), 1, "one live region: {v:#?}");
    assert_eq!(v.live[0].politeness, "polite", "{v:#?}");
    assert_eq!(v.roles, 0, "a box is a live region of its own: {v:#?}");

    fix::click_start(p).await?;
    assert_resized_once(&h).await?;
    let v = wait_panel(p, "the live region to say done", |v| {
        v.live_text().contains("done") && v.live_text().contains("now 10 GB")
    })
    .await
    .context("after the run")?;
    assert_eq!(v.live.len(), 1, "{v:#?}");
    assert_eq!(v.roles, 0, "{v:#?}");
    h.stop().await;
    Ok(())
}
