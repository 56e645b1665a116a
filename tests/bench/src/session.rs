//! A browser of one configuration (no extension, B's empty content script or Allot) logged
//! on to the replica, and one load in it: the measured pages in turn, the create form
//! present at load (typing into it in Chromium), the companies list (no form Allot knows),
//! and the create dialog inserted later on the home page.

use crate::configs::{Config, Packages};
use crate::probe::{self, Probe};
use crate::{cdp, firefox, procs};
use allot_e2e::{Browser, BrowserKind, Launch, Page};
use anyhow::{bail, Context, Result};
use serde_json::json;
use std::time::{Duration, Instant};

/// What one load measured (times in ms, memory in MiB); `None` where it does not apply.
#[derive(Clone, Debug, Default)]
pub struct Sample {
    /// The create form present at load: DOMContentLoaded -> `data-allot-form` (Allot).
    pub form_after_dcl: Option<f64>,
    /// That page's load event (performance.now() at load).
    pub form_load: Option<f64>,
    /// The tab's renderer / content process USS on that page.
    pub form_uss: Option<f64>,
    /// Allot's WASM linear memory on that page (Chromium).
    pub wasm_mib: Option<f64>,
    /// Main-thread script time of each paced keystroke in a field of that form (Chromium).
    pub keys: Vec<f64>,
    /// The tab's process main-thread CPU time of each of those keystrokes.
    pub key_cpu: Vec<f64>,
    /// The companies list's load event.
    pub list_load: Option<f64>,
    /// The tab's process USS on the companies list.
    pub list_uss: Option<f64>,
    /// The create dialog inserted by the page at a script's `click()`, no press before it:
    /// insertion -> `data-allot-form` (Allot).
    pub dialog_to_form: Option<f64>,
    /// The same dialog opened as a partner opens it, through the menu with trusted clicks.
    pub menu_dialog_to_form: Option<f64>,
    /// Measurements that could not be made in this load, and why.
    pub notes: Vec<String>,
}

/// The page with the create form present at load (the dialog's frame page).
const FORM_PAGE: &str = "Companies/CreateFrame";
/// The `data-allot-form` Allot gives the create form.
const FORM_KIND: &str = "create-company";
/// A dashboard page with no form Allot knows.
const LIST_PAGE: &str = "Companies";
/// The field typed into, and what is typed, one key per `KEY_PACE`.
const TYPED_FIELD: &str = "UserName";
pub const TYPED: &str = "northwind";
/// Longer than Allot's 150 ms typing debounce, so each key's re-check lands in its window.
pub const KEY_PACE: Duration = Duration::from_millis(220);
/// How long every configuration waits after a page is ready before its memory is read.
pub const SETTLE: Duration = Duration::from_millis(500);

/// A browser of one configuration, logged on to the replica, for one load or many.
pub struct Session {
    page: Page,
    config: Config,
    /// The WebDriver server's pid: the browser's processes descend from it.
    root: u32,
}

impl Session {
    /// Starts the browser for `config` and logs on: the browser, the extension and the
    /// connection are warm before anything is measured.
    pub async fn start(
        kind: BrowserKind,
        config: Config,
        packages: &Packages,
        replica_port: u16,
    ) -> Result<Session> {
        let browser = Browser::launch(kind, packages.of(config), replica_port, &launch()).await?;
        let Some(root) = browser.driver_pid() else {
            browser.close().await;
            bail!("the WebDriver server has no process id");
        };
        let base = browser.dashboard_base().to_string();
        let session = Session {
            page: Page::new(browser, base),
            config,
            root,
        };
        if let Err(e) = session.page.goto("__replica/login").await {
            session.close().await;
            return Err(e);
        }
        Ok(session)
    }

    /// One load of each measured page.
    pub async fn load(&self) -> Result<Sample> {
        measure(&self.page, self.config, self.root).await
    }

    /// Ends the browser and its driver.
    pub async fn close(self) {
        self.page.close().await;
    }
}

/// No back-forward cache: a page left stays out of the tab's process memory. Firefox's
/// timers at full precision (its default rounds performance.now() to the millisecond).
fn launch() -> Launch {
    let mut launch = Launch {
        chromium_args: vec!["--disable-features=BackForwardCache".into()],
        ..Launch::default()
    };
    launch
        .firefox_prefs
        .insert("browser.sessionhistory.max_total_viewers".into(), json!(0));
    launch
        .firefox_prefs
        .insert("fission.bfcacheInParent".into(), json!(false));
    launch
        .firefox_prefs
        .insert("privacy.reduceTimerPrecision".into(), json!(false));
    launch
}

async fn measure(page: &Page, config: Config, root: u32) -> Result<Sample> {
    let allot = config == Config::Allot;
    let mut s = Sample::default();
    if list_only() {
        list_page(page, root, &mut s).await?;
        return Ok(s);
    }
    form_page(page, allot, root, &mut s).await?;
    list_page(page, root, &mut s).await?;
    s.dialog_to_form = dialog(page, allot, Open::Script).await?;
    s.menu_dialog_to_form = dialog(page, allot, Open::Menu).await?;
    Ok(s)
}

/// `ALLOT_BENCH_PAGES=list`: only the companies list is loaded (to compare builds that
/// do not annotate, such as one with some of Allot's content scripts left out).
fn list_only() -> bool {
    std::env::var("ALLOT_BENCH_PAGES").is_ok_and(|v| v.trim() == "list")
}

/// The create form present at load: annotation, load event, memory, typing.
async fn form_page(page: &Page, allot: bool, root: u32, s: &mut Sample) -> Result<()> {
    page.goto(FORM_PAGE).await?;
    let p = settle(page, "the create form annotated", |p| {
        !allot || (p.dcl.is_some() && !p.forms.is_empty())
    })
    .await?;
    let dcl = p.dcl.context("no DOMContentLoaded on the form page")?;
    s.form_after_dcl = annotated(allot, &p, dcl, "the form page")?;
    s.form_load = p.load;
    let (pid, mib) = uss(page, root).await?;
    s.form_uss = Some(mib);
    if allot && page.browser.kind == BrowserKind::Chromium {
        match cdp::wasm_memory_mib(page.client()).await {
            Ok(mib) => s.wasm_mib = Some(mib),
            Err(e) => s.notes.push(format!("WASM memory: {e:#}")),
        }
    }
    (s.keys, s.key_cpu) = type_paced(page, pid, allot).await?;
    Ok(())
}

/// The companies list, where Allot has nothing to do: load event and memory.
async fn list_page(page: &Page, root: u32, s: &mut Sample) -> Result<()> {
    page.goto(LIST_PAGE).await?;
    let p = settle(page, "the companies list", |_| true).await?;
    if !p.forms.is_empty() {
        s.notes.push(format!(
            "the companies list has a form Allot annotated: {:?}",
            p.forms
        ));
    }
    s.list_load = p.load;
    s.list_uss = Some(uss(page, root).await?.1);
    Ok(())
}

/// How the bench opens the create dialog.
#[derive(Clone, Copy)]
enum Open {
    /// A script's `click()` on the menu's hidden "Add New Company": nothing pressed first.
    Script,
    /// As a partner does: WebDriver's trusted clicks on the menu's "Manage", "Companies"
    /// and "Add New Company", `MENU_PACE` apart.
    Menu,
}

/// The menu's links to the create dialog, in the order a partner clicks them.
const MENU_PATH: [&str; 3] = ["Manage", "Companies", "Add New Company"];
/// Between two clicks in the menu: a quick partner's move to the next item.
pub const MENU_PACE: Duration = Duration::from_millis(250);

/// The home page's "Add New Company": the page inserts the create dialog; Allot's time
/// from the insertion to its mark.
async fn dialog(page: &Page, allot: bool, open: Open) -> Result<Option<f64>> {
    page.goto("").await?;
    tokio::time::sleep(SETTLE).await;
    let before = probe::read(page).await?.forms.len();
    match open {
        Open::Script => {
            page.js(
                "document.getElementById('addNewCompany').click(); return true;",
                vec![],
            )
            .await?;
        }
        Open::Menu => {
            for (i, text) in MENU_PATH.into_iter().enumerate() {
                if i > 0 {
                    tokio::time::sleep(MENU_PACE).await;
                }
                let link = page
                    .client()
                    .find(fantoccini::Locator::XPath(&format!(
                        "//a[normalize-space()='{text}']"
                    )))
                    .await
                    .with_context(|| format!("no menu link {text:?} on the home page"))?;
                link.click()
                    .await
                    .with_context(|| format!("clicking the menu's {text:?}"))?;
            }
        }
    }
    let p = probe::wait(page, "the create dialog", |p| {
        !p.inserted.is_empty() && (!allot || p.forms.len() > before)
    })
    .await?;
    let inserted = p.inserted[0];
    if !allot {
        tokio::time::sleep(SETTLE).await;
    }
    let p = probe::read(page).await?;
    annotated(allot, &p, inserted, "the create dialog")
}

/// Waits for `ready` (and the load event), then the same settling time for every
/// configuration, and reads the probe again.
async fn settle(page: &Page, what: &str, ready: impl Fn(&Probe) -> bool) -> Result<Probe> {
    probe::wait(page, what, |p| p.load.is_some() && ready(p)).await?;
    tokio::time::sleep(SETTLE).await;
    probe::read(page).await
}

/// Allot: the time from `since` to its first create-company mark after it. A and B:
/// nothing, and no mark may be there.
fn annotated(allot: bool, p: &Probe, since: f64, page: &str) -> Result<Option<f64>> {
    match (allot, p.form_after(since, FORM_KIND)) {
        (true, Some(t)) => Ok(Some(t - since)),
        (true, None) => bail!("Allot did not annotate {page}"),
        (false, _) if !p.forms.is_empty() => {
            bail!("{page} got data-allot-form without Allot: {:?}", p.forms)
        }
        (false, _) => Ok(None),
    }
}

/// The tab's process and its USS after a garbage collection.
async fn uss(page: &Page, root: u32) -> Result<(u32, f64)> {
    match page.browser.kind {
        BrowserKind::Chromium => cdp::collect_garbage(page.client()).await?,
        BrowserKind::Firefox => firefox::collect_garbage(page.client()).await?,
    }
    let pid = procs::tab_process(page, root).await?;
    Ok((pid, procs::uss_mib(pid)?))
}

/// Types `TYPED` into the form's field one key per `KEY_PACE` and returns, for each key's
/// window, the page's script time (Chromium's ScriptDuration; none in Firefox) and the CPU
/// time of the main thread of `pid`, the tab's process. Chromium's keys are trusted key
/// events from DevTools; Firefox's come from WebDriver (Marionette makes them in the
/// content process, at some cost to that thread in every configuration).
async fn type_paced(page: &Page, pid: u32, allot: bool) -> Result<(Vec<f64>, Vec<f64>)> {
    let chromium = page.browser.kind == BrowserKind::Chromium;
    let profile = profile_dir().filter(|_| allot && chromium);
    let client = page.client();
    let focused = page
        .js(
            "const f = document.getElementById(arguments[0]); if (!f) return false; f.focus(); return document.activeElement === f;",
            vec![json!(TYPED_FIELD)],
        )
        .await?;
    if focused != json!(true) {
        bail!("could not focus #{TYPED_FIELD} on the form page");
    }
    let field = client
        .find(fantoccini::Locator::Id(TYPED_FIELD))
        .await
        .with_context(|| format!("no #{TYPED_FIELD}"))?;
    if chromium {
        cdp::enable_metrics(client).await?;
    }
    let script = || async {
        if chromium {
            cdp::script_ms(client).await.map(Some)
        } else {
            Ok(None)
        }
    };
    let (mut last_script, mut last_cpu) = (script().await?, procs::main_thread_cpu_ms(pid)?);
    let (mut scripts, mut cpus) = (Vec::new(), Vec::new());
    let mut next = Instant::now();
    for (i, ch) in TYPED.chars().enumerate() {
        if let Some(dir) = &profile {
            // The first key of a load, then the others, each in its own profile.
            if i == 1 {
                cdp::profile_stop(client, &profile_path(dir, "first")).await?;
            }
            if i <= 1 {
                cdp::profile_start(client).await?;
            }
        }
        next += KEY_PACE;
        if chromium {
            cdp::press(client, ch).await?;
        } else {
            field.send_keys(&ch.to_string()).await?;
        }
        tokio::time::sleep_until(next.into()).await;
        let (now_script, now_cpu) = (script().await?, procs::main_thread_cpu_ms(pid)?);
        if let (Some(now), Some(last)) = (now_script, last_script) {
            scripts.push(now - last);
        }
        cpus.push(now_cpu - last_cpu);
        (last_script, last_cpu) = (now_script, now_cpu);
    }
    if let Some(dir) = &profile {
        cdp::profile_stop(client, &profile_path(dir, "others")).await?;
    }
    Ok((scripts, cpus))
}

/// `ALLOT_BENCH_PROFILE=DIR`: Allot's loads in Chromium write a V8 CPU profile of their
/// typing to DIR, `first-<n>.cpuprofile` (the first key) and `others-<n>.cpuprofile`.
fn profile_dir() -> Option<std::path::PathBuf> {
    std::env::var_os("ALLOT_BENCH_PROFILE").map(Into::into)
}

fn profile_path(dir: &std::path::Path, which: &str) -> std::path::PathBuf {
    let _ = std::fs::create_dir_all(dir);
    (1..)
        .map(|n| dir.join(format!("{which}-{n}.cpuprofile")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{which}.cpuprofile")))
}
