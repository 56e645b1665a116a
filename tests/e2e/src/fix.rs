//! The allocation fix as a partner meets it: create a company through the real form,
//! wait for Allot's offer, start it, follow the progress to its outcome (reloading at a
//! chosen step if asked), and read back what Allot shows and keeps: the popup's table of
//! fixes and every area of extension storage, which must never hold a secret typed at
//! Create.

use crate::Page;
use allot_replica::StateSnapshot;
use anyhow::{bail, Context, Result};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::wd::WindowHandle;
use fantoccini::Locator;
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// How long a test waits for a whole run to end. The run takes a few seconds; the
/// machine's own step timeout is 30 s, so a stuck step still ends in a failure first.
const RUN_PATIENCE: Duration = Duration::from_secs(90);
/// How long a test waits for something Allot shows without a run (an offer, a message).
const PATIENCE: Duration = Duration::from_secs(10);
/// How often the page is looked at while waiting: often enough to catch every step.
const POLL: Duration = Duration::from_millis(20);

/// The password typed at Create; Allot must never keep it.
pub const PASSWORD: &str = "Hightech#2024";
/// The secret answer typed at Create; Allot must never keep it.
pub const SECRET_ANSWER: &str = "Master Chief";

/// A company created through the form, as the partner typed it.
#[derive(Clone, Debug)]
pub struct Created {
    pub company: String,
    /// The admin's username, also the name of the admin backup account.
    pub username: String,
    pub quota_gb: u32,
}

/// Creates a company at `quota_gb` through Manage > Companies > Add New Company (or,
/// on the newer dashboard, Companies > Create Company > Now) as a partner does: types
/// each field, clicks Create, waits for "Company X was created.", clicks Close and waits
/// for the page the dashboard reloads. The username is the company's letters and digits.
pub async fn create_company(p: &Page, company: &str, quota_gb: u32) -> Result<Created> {
    let username: String = company
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    create_company_as(p, company, &username, quota_gb).await
}

/// Types the create form (both generations' fields: the secret ones only where the form
/// has them) without clicking Create.
pub async fn fill_create_form(
    p: &Page,
    company: &str,
    username: &str,
    quota_gb: u32,
) -> Result<()> {
    let email = format!("it@{}.example.com", username.to_lowercase());
    let quota = quota_gb.to_string();
    p.open_create_company().await?;
    p.fill(&[
        ("company_name", company),
        ("quota_gb", &quota),
        ("full_name", "Kim Blanc"),
        ("email", &email),
        ("username", username),
        ("password", PASSWORD),
        ("confirm_password", PASSWORD),
    ])
    .await?;
    if p.field("secret_question").await.is_ok() {
        p.fill(&[
            ("secret_question", "Name of the office mascot?"),
            ("secret_answer", SECRET_ANSWER),
        ])
        .await?;
    }
    Ok(())
}

/// [`create_company`] with a chosen username.
pub async fn create_company_as(
    p: &Page,
    company: &str,
    username: &str,
    quota_gb: u32,
) -> Result<Created> {
    let username = username.to_string();
    fill_create_form(p, company, &username, quota_gb).await?;
    p.click_create().await?;
    let created = format!("Company {company} was created.");
    if let Err(e) = p.wait_text(&created).await {
        bail!("{e}; Allot's summary: {:?}", p.summary().await?);
    }
    p.js("window.__allotE2eBeforeClose = true;", vec![]).await?;
    p.click_text("Close").await?;
    p.wait_for("the page the dashboard reloads after Close", || async {
        let v = p
            .js(
                "return !window.__allotE2eBeforeClose && document.readyState === 'complete';",
                vec![],
            )
            .await?;
        Ok(v == json!(true))
    })
    .await?;
    Ok(Created {
        company: company.to_string(),
        username,
        quota_gb,
    })
}

/// One offer (`data-allot-resize-offer`) as the partner sees it.
#[derive(Clone, Debug, Deserialize)]
pub struct Offer {
    pub text: String,
    /// The size field's value (`data-allot-resize-size`).
    pub size: String,
    pub start_disabled: bool,
    /// Allot's messages under the size field.
    pub messages: Vec<OfferMessage>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct OfferMessage {
    pub code: Option<String>,
    pub severity: Option<String>,
    pub text: String,
}

/// What the page shows of the fix, and whose session it is, at one moment.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct FixView {
    pub path: String,
    pub offers: Vec<Offer>,
    /// The progress overlay's text (`data-allot-resize-progress`).
    pub progress: Option<String>,
    pub done: Option<String>,
    /// The failure's text (`data-allot-resize-failed`), reason and manual steps.
    pub failed: Option<String>,
    /// The failure's manual steps, one per `<ol>` item.
    pub manual_steps: Vec<String>,
    /// A link "Click here to resume session as ..." is on the page.
    pub resume_link: bool,
    /// The name in the upper right (whose session this is).
    pub upper_right: Option<String>,
    /// The Home page's "Backup Account Usage" rows: account name and size as shown.
    pub usage: Vec<(String, String)>,
}

const READ_VIEW: &str = r#"
const text = (sel) => { const e = document.querySelector(sel); return e ? e.innerText : null; };
return {
  path: location.pathname,
  offers: [...document.querySelectorAll('[data-allot-resize-offer]')].map(o => {
    const size = o.querySelector('[data-allot-resize-size]');
    const start = o.querySelector('[data-allot-resize-start]');
    return {
      text: o.innerText,
      size: size ? size.value : '',
      start_disabled: !start || start.disabled,
      messages: [...o.querySelectorAll('[data-allot-resize-messages] > *')].map(m => ({
        code: m.dataset.allotCode || null, severity: m.dataset.allotSeverity || null, text: m.innerText,
      })),
    };
  }),
  progress: text('[data-allot-resize-progress]'),
  done: text('[data-allot-resize-done]'),
  failed: text('[data-allot-resize-failed]'),
  manual_steps: [...document.querySelectorAll('[data-allot-resize-failed] ol > li')].map(li => li.innerText),
  resume_link: [...document.querySelectorAll('a')].some(a => /^\s*click here to resume session/i.test(a.textContent)),
  upper_right: text('#logindisplay .user-name'),
  usage: [...document.querySelectorAll('table.usage tbody tr')]
    .filter(tr => tr.cells.length >= 2).map(tr => [tr.cells[0].innerText.trim(), tr.cells[1].innerText.trim()]),
};
"#;

impl FixView {
    /// The step the progress shows ("Step 3 of 6: ..." is 3).
    pub fn step(&self) -> Option<u8> {
        let progress = self.progress.as_deref()?;
        let at = progress.find("Step ")? + "Step ".len();
        let rest = &progress[at..];
        let (n, rest) = rest.split_once(' ')?;
        rest.starts_with("of 6").then(|| n.parse().ok()).flatten()
    }

    pub fn offer(&self) -> Result<&Offer> {
        self.offers
            .first()
            .context("no offer (data-allot-resize-offer) on the page")
    }
}

/// What the page shows of the fix now.
pub async fn view(p: &Page) -> Result<FixView> {
    let v = p.js(READ_VIEW, vec![]).await?;
    Ok(serde_json::from_value(v)?)
}

/// Polls the page until `check` holds for what it shows; a page between two loads is
/// looked at again.
pub async fn wait_view(
    p: &Page,
    what: &str,
    patience: Duration,
    check: impl Fn(&FixView) -> bool,
) -> Result<FixView> {
    let start = Instant::now();
    let mut last = None;
    loop {
        if let Ok(v) = view(p).await {
            if check(&v) {
                return Ok(v);
            }
            last = Some(v);
        }
        if start.elapsed() > patience {
            bail!("waited {patience:?} for {what}; the page last showed {last:#?}");
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Waits for Allot's offer and returns it.
pub async fn wait_offer(p: &Page) -> Result<Offer> {
    let v = wait_view(p, "the resize offer", PATIENCE, |v| !v.offers.is_empty()).await?;
    Ok(v.offers[0].clone())
}

/// Reloads the page, waits for Allot's content script on it and checks, for a moment,
/// that no offer appears.
pub async fn reload_expecting_no_offer(p: &Page) -> Result<()> {
    p.client().refresh().await?;
    expect_no_offer(p).await
}

/// Waits for Allot's fix to have looked at the page, then checks for a moment that no
/// offer (and no run) appears.
pub async fn expect_no_offer(p: &Page) -> Result<()> {
    expect_steady(p, "no offer and no run", |v| {
        v.offers.is_empty() && v.progress.is_none()
    })
    .await
}

/// Waits for Allot's fix to have looked at the page (or found it has nothing to do in
/// this tab), then checks that what the page
/// shows keeps meeting `check` for a moment (for what must not happen).
pub async fn expect_steady(p: &Page, what: &str, check: impl Fn(&FixView) -> bool) -> Result<()> {
    p.wait_for("Allot's fix to have looked at the page", || async {
        Ok(p.count("html[data-allot-fix-state]").await? > 0)
    })
    .await?;
    let until = Instant::now() + Duration::from_millis(1500);
    while Instant::now() < until {
        let v = view(p).await?;
        if !check(&v) {
            bail!("expected {what} on {}, it shows {v:#?}", v.path);
        }
        tokio::time::sleep(POLL).await;
    }
    Ok(())
}

/// Clicks the offer's start button, as a partner does.
pub async fn click_start(p: &Page) -> Result<()> {
    p.click_css("[data-allot-resize-start]").await
}

/// Double-clicks the offer's start button with the pointer (two presses, no pause).
pub async fn double_click_start(p: &Page) -> Result<()> {
    let button = p
        .client()
        .find(Locator::Css("[data-allot-resize-start]"))
        .await
        .context("no start button (data-allot-resize-start)")?;
    let mouse = MouseActions::new("partner".into())
        .then(PointerAction::MoveToElement {
            element: button,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    p.client().perform_actions(mouse).await?;
    p.client().release_actions().await?;
    Ok(())
}

/// Replaces the offer's size as a partner does (select all, type).
pub async fn set_offer_size(p: &Page, text: &str) -> Result<()> {
    let field = p
        .client()
        .find(Locator::Css(
            "[data-allot-resize-offer] [data-allot-resize-size]",
        ))
        .await
        .context("no size field (data-allot-resize-size) in the offer")?;
    field.click().await?;
    field
        .send_keys(&format!("{}a{}", crate::CONTROL, crate::RELEASE))
        .await?;
    field.send_keys(crate::BACKSPACE).await?;
    field.send_keys(text).await?;
    Ok(())
}

/// A run followed to its end.
#[derive(Debug)]
pub struct Run {
    /// What the page showed when the outcome appeared.
    pub end: FixView,
    /// Every step number the progress showed, in order, each once per time it appeared.
    pub steps_seen: Vec<u8>,
    /// What the page showed when the test reloaded it, if it did.
    pub reloaded: Option<FixView>,
}

impl Run {
    /// The done box's text, or an error with the failure.
    pub fn done(&self) -> Result<&str> {
        match (&self.end.done, &self.end.failed) {
            (Some(d), _) => Ok(d),
            (None, Some(f)) => bail!("the fix failed: {f}"),
            (None, None) => bail!("the fix has no outcome: {:#?}", self.end),
        }
    }

    /// The failure box's text, or an error saying how the run ended instead.
    pub fn failed(&self) -> Result<&str> {
        match (&self.end.failed, &self.end.done) {
            (Some(f), _) => Ok(f),
            (None, Some(d)) => bail!("the fix was expected to fail, it ended with: {d}"),
            (None, None) => bail!("the fix has no outcome: {:#?}", self.end),
        }
    }
}

/// When to reload the page in the middle of a run.
pub type ReloadWhen<'a> = &'a dyn Fn(&FixView) -> bool;

/// Follows a started run until the page shows its outcome (`data-allot-resize-done` or
/// `data-allot-resize-failed`). With `reload_when`, reloads the page once (as the
/// partner's F5), as soon as what it shows meets that condition (see [`at_step`]).
pub async fn run_to_outcome(p: &Page, reload_when: Option<ReloadWhen<'_>>) -> Result<Run> {
    let start = Instant::now();
    let mut steps_seen: Vec<u8> = Vec::new();
    let mut reloaded = None;
    let mut last = None;
    loop {
        if let Ok(v) = view(p).await {
            if let Some(step) = v.step() {
                if steps_seen.last() != Some(&step) {
                    steps_seen.push(step);
                }
            }
            if v.done.is_some() || v.failed.is_some() {
                return Ok(Run {
                    end: v,
                    steps_seen,
                    reloaded,
                });
            }
            if reloaded.is_none() && reload_when.is_some_and(|when| when(&v)) {
                p.client().refresh().await.context("reloading mid-run")?;
                reloaded = Some(v);
                continue;
            }
            last = Some(v);
        }
        if start.elapsed() > RUN_PATIENCE {
            bail!(
                "the fix showed no outcome in {RUN_PATIENCE:?}; steps seen {steps_seen:?}; the page last showed {last:#?}"
            );
        }
        tokio::time::sleep(POLL).await;
    }
}

/// A reload condition: the progress shows "Step `n` of 6".
pub fn at_step(n: u8) -> impl Fn(&FixView) -> bool {
    move |v| v.step() == Some(n)
}

/// Clicks the progress overlay's Cancel as soon as the progress shows, again if a page
/// load swallowed the click, until the run has stopped on this page (no progress, the
/// offer back). Returns the step at which Cancel was clicked last.
pub async fn cancel_as_soon_as_progress_shows(p: &Page) -> Result<u8> {
    let start = Instant::now();
    let mut clicked_at = None;
    loop {
        if let Ok(v) = view(p).await {
            if let Some(step) = v.step() {
                if let Ok(b) = p
                    .client()
                    .find(Locator::Css("[data-allot-resize-cancel]"))
                    .await
                {
                    if b.click().await.is_ok() {
                        clicked_at = Some(step);
                    }
                }
            } else if let Some(step) = clicked_at {
                if !v.offers.is_empty() {
                    return Ok(step);
                }
            }
            if v.done.is_some() || v.failed.is_some() {
                bail!("the run ended before Cancel took: {v:#?}");
            }
        }
        if start.elapsed() > RUN_PATIENCE {
            bail!("the run did not stop after Cancel (clicked at step {clicked_at:?})");
        }
        tokio::time::sleep(POLL).await;
    }
}

/// One row of the popup's table of fixes (`data-allot-fixes`).
#[derive(Clone, Debug, Deserialize)]
pub struct PopupRow {
    /// `data-allot-fix-status`: pending, running, done, failed or cancelled.
    pub status: String,
    /// The cells as the partner reads them: company, asked, now, status.
    pub cells: Vec<String>,
}

impl PopupRow {
    pub fn company(&self) -> &str {
        self.cells.first().map(String::as_str).unwrap_or_default()
    }
    pub fn asked(&self) -> &str {
        self.cells.get(1).map(String::as_str).unwrap_or_default()
    }
    pub fn now(&self) -> &str {
        self.cells.get(2).map(String::as_str).unwrap_or_default()
    }
}

/// What the extension's own pages see: the popup's rows and every storage area.
#[derive(Clone, Debug)]
pub struct ExtensionState {
    pub popup: Vec<PopupRow>,
    /// `{"local": {...}, "sync": {...}, "session": {...}}` (the areas that exist).
    pub storage: Value,
}

impl ExtensionState {
    pub fn row(&self, company: &str) -> Result<&PopupRow> {
        self.popup
            .iter()
            .find(|r| r.company() == company)
            .with_context(|| format!("the popup has no row for {company}: {:#?}", self.popup))
    }
}

const READ_POPUP: &str = r#"
return [...document.querySelectorAll('[data-allot-fixes] tr[data-allot-fix]')].map(tr => ({
  status: tr.dataset.allotFixStatus,
  cells: [...tr.cells].map(td => td.innerText.trim()),
}));
"#;

const READ_STORAGE: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const out = {};
  for (const area of ['local', 'sync', 'session']) {
    if (chrome.storage[area]) out[area] = await chrome.storage[area].get(null);
  }
  done(JSON.stringify(out));
})().catch(e => done(JSON.stringify({ error: String(e) })));
"#;

/// Opens the extension's popup page in a new window of the same browser, reads its table
/// of fixes and every area of `chrome.storage`, closes the window and comes back.
pub async fn read_extension(p: &Page) -> Result<ExtensionState> {
    let url = p.browser.extension_url("popup.html");
    let back = p.client().window().await?;
    let win = p.client().new_window(false).await?.handle;
    p.client().switch_to_window(win).await?;
    let read = async {
        p.client()
            .goto(&url)
            .await
            .with_context(|| format!("opening {url}"))?;
        p.wait_for("the popup to show its fixes", || async {
            Ok(p.count("[data-allot-popup-tab]").await? > 0
                || p.body_text().await?.contains("None yet"))
        })
        .await?;
        let popup: Vec<PopupRow> = serde_json::from_value(p.js(READ_POPUP, vec![]).await?)?;
        let text = p.client().execute_async(READ_STORAGE, vec![]).await?;
        let storage: Value = serde_json::from_str(text.as_str().unwrap_or("null"))?;
        if storage.get("error").is_some() || !storage["local"].is_object() {
            bail!("extension storage could not be read: {storage}");
        }
        Ok(ExtensionState { popup, storage })
    }
    .await;
    p.client().close_window().await?;
    p.client().switch_to_window(back).await?;
    read
}

/// Reads the extension (as [`read_extension`]) and the dashboard tab's own web storage,
/// and fails if any of it holds the password or the secret answer typed at Create.
pub async fn assert_no_secrets(p: &Page) -> Result<ExtensionState> {
    let state = read_extension(p).await?;
    let web = p
        .js(
            "return JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage } });",
            vec![],
        )
        .await?;
    let web = web.as_str().unwrap_or_default().to_string();
    for (place, text) in [
        ("extension storage", state.storage.to_string()),
        ("the tab's web storage", web),
    ] {
        let lower = text.to_lowercase();
        for (what, secret) in [("password", PASSWORD), ("secret answer", SECRET_ANSWER)] {
            if lower.contains(&secret.to_lowercase()) {
                bail!("{place} holds the {what} typed at Create: {text}");
            }
        }
    }
    Ok(state)
}

/// Opens `path` of the dashboard in a new browser window and switches to it; returns the
/// window that was current before.
pub async fn open_window(p: &Page, path: &str) -> Result<WindowHandle> {
    let back = p.client().window().await?;
    let win = p.client().new_window(false).await?.handle;
    p.client().switch_to_window(win).await?;
    p.goto(path).await?;
    Ok(back)
}

/// The size of a company's admin backup account (its first account), as the replica
/// holds it.
pub fn admin_gb(snap: &StateSnapshot, company: &str) -> Option<u64> {
    snap.companies
        .iter()
        .find(|c| c.name == company)?
        .accounts
        .first()
        .map(|a| a.size_gb)
}

/// The replica's own change log, as `(company, account, from GB, to GB)`: what changed
/// on the dashboard, whatever Allot's boxes say.
pub fn changes(snap: &StateSnapshot) -> Vec<(String, String, u64, u64)> {
    snap.changes
        .iter()
        .map(|c| (c.company.clone(), c.account.clone(), c.from_gb, c.to_gb))
        .collect()
}

/// Fails unless the replica's change log is exactly `expected`: no account other than
/// the target changed, and the target at most as listed.
pub fn assert_changes(snap: &StateSnapshot, expected: &[(&str, &str, u64, u64)]) -> Result<()> {
    let want: Vec<(String, String, u64, u64)> = expected
        .iter()
        .map(|(c, a, f, t)| (c.to_string(), a.to_string(), *f, *t))
        .collect();
    let got = changes(snap);
    if got != want {
        bail!("the replica's change log is {got:#?}, expected {want:#?}");
    }
    Ok(())
}
