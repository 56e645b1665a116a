//! The browser a test drives, chosen by `ALLOT_E2E_BROWSER`: `chromium` (the default,
//! chromedriver and headless Chromium with dist/chrome) or `firefox` (geckodriver and
//! headless Firefox ESR with dist/firefox as a temporary add-on). Either way the dashboard
//! host resolves to the replica and its self-signed certificate is accepted.

use anyhow::{bail, Context, Result};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;
use tokio::process::{Child, Command};

/// Which browser the end-to-end tests run in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrowserKind {
    Chromium,
    Firefox,
}

impl BrowserKind {
    /// `ALLOT_E2E_BROWSER`: `chromium` (also when unset) or `firefox`.
    pub fn from_env() -> Result<BrowserKind> {
        match std::env::var("ALLOT_E2E_BROWSER") {
            Err(_) => Ok(BrowserKind::Chromium),
            Ok(v) => match v.trim().to_ascii_lowercase().as_str() {
                "" | "chromium" | "chrome" => Ok(BrowserKind::Chromium),
                "firefox" | "firefox-esr" => Ok(BrowserKind::Firefox),
                other => bail!("ALLOT_E2E_BROWSER={other:?}: say chromium or firefox"),
            },
        }
    }

    /// The package under dist/ built for this browser.
    pub fn dist_name(self) -> &'static str {
        match self {
            BrowserKind::Chromium => "chrome",
            BrowserKind::Firefox => "firefox",
        }
    }
}

/// The UUID Firefox gives the add-on in every test profile (pref
/// `extensions.webextensions.uuids`), so its pages are at a known `moz-extension://` URL.
const FIREFOX_EXTENSION_UUID: &str = "a110c0de-5e7e-4a11-8c0d-000000000001";

pub struct Browser {
    pub client: Client,
    pub kind: BrowserKind,
    driver: Driver,
    profile: Option<PathBuf>,
    /// The extension's id: Chromium's (from its path) or the UUID Firefox was told to use.
    pub extension_id: String,
    /// `chrome-extension://ID/` or `moz-extension://UUID/`.
    extension_base: String,
    /// The dashboard's root as this browser reaches the replica.
    dashboard_base: String,
}

/// What a caller other than the tests (the bench) changes in how a browser starts.
#[derive(Clone, Debug, Default)]
pub struct Launch {
    /// More Chromium command-line arguments.
    pub chromium_args: Vec<String>,
    /// More Firefox prefs.
    pub firefox_prefs: Map<String, Value>,
}

impl Browser {
    /// Starts the browser `ALLOT_E2E_BROWSER` names with the unpacked extension in
    /// `extension`, the dashboard host mapped to the replica on `replica_port`.
    pub async fn start(extension: &Path, replica_port: u16) -> Result<Browser> {
        let kind = BrowserKind::from_env()?;
        Browser::launch(kind, Some(extension), replica_port, &Launch::default()).await
    }

    /// Starts a `kind` browser with the unpacked extension in `extension`, or with no
    /// extension at all (`None`), and `launch`'s additions.
    pub async fn launch(
        kind: BrowserKind,
        extension: Option<&Path>,
        replica_port: u16,
        launch: &Launch,
    ) -> Result<Browser> {
        match kind {
            BrowserKind::Chromium => start_chromium(extension, replica_port, launch).await,
            BrowserKind::Firefox => start_firefox(extension, replica_port, launch).await,
        }
    }

    /// The WebDriver server's process id; the browser's processes are its descendants.
    pub fn driver_pid(&self) -> Option<u32> {
        self.driver.0.id()
    }

    /// The URL of one of the extension's own files, such as `popup.html`.
    pub fn extension_url(&self, path: &str) -> String {
        format!("{}{}", self.extension_base, path.trim_start_matches('/'))
    }

    /// The dashboard's root URL, ending in `/` (Firefox's carries the replica's port).
    pub fn dashboard_base(&self) -> &str {
        &self.dashboard_base
    }

    /// Ends the session (the browser quits), then the driver and what is left of its group.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
        drop(self.driver);
        if let Some(profile) = &self.profile {
            let _ = std::fs::remove_dir_all(profile);
        }
    }
}

/// The driver's output: shown when `ALLOT_E2E_DRIVER_LOG` is set (with Firefox it carries
/// the add-on's console lines), else dropped.
fn driver_output() -> Stdio {
    if std::env::var_os("ALLOT_E2E_DRIVER_LOG").is_some() {
        Stdio::inherit()
    } else {
        Stdio::null()
    }
}

/// Starts the WebDriver server in a process group of its own, which the browser it
/// starts joins: [`Driver`]'s drop ends them all, even when a test fails before `close`.
fn spawn_driver(bin: &str, args: &[String]) -> Result<Driver> {
    let child = Command::new(bin)
        .args(args)
        .stdout(driver_output())
        .stderr(driver_output())
        .process_group(0)
        .kill_on_drop(true)
        .spawn()
        .with_context(|| format!("starting {bin} (./build.sh test installs it)"))?;
    Ok(Driver(child))
}

/// The WebDriver server's process, the leader of its group.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(pid) = self.0.id() {
            // The group's id is the driver's pid; the browser stays in it (geckodriver's
            // Firefox outlives a killed geckodriver otherwise).
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .stderr(Stdio::null())
                .status();
        }
    }
}

/// Opens a WebDriver session on the driver at `port`, retrying while it starts.
async fn connect(port: u16, caps: Map<String, Value>, driver: &str) -> Result<Client> {
    let url = format!("http://127.0.0.1:{port}");
    let mut last = String::new();
    for _ in 0..100 {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(client) => return Ok(client),
            Err(e) => last = e.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    bail!("{driver} did not start a browser: {last}")
}

async fn start_chromium(
    extension: Option<&Path>,
    replica_port: u16,
    launch: &Launch,
) -> Result<Browser> {
    let port = free_port()?;
    let driver_bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let driver = spawn_driver(&driver_bin, &[format!("--port={port}")])?;
    let profile = std::env::temp_dir().join(format!("allot-e2e-{}-{port}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    std::fs::create_dir_all(&profile)?;
    let mut args = vec![
        "--headless=new".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--window-size=1280,900".into(),
        format!("--user-data-dir={}", profile.display()),
        format!(
            "--host-resolver-rules=MAP {} 127.0.0.1:{replica_port}, MAP {} 127.0.0.1:{replica_port}",
            crate::DASHBOARD_HOST,
            crate::WHITE_LABEL_HOST
        ),
        "--ignore-certificate-errors".into(),
    ];
    if let Some(extension) = extension {
        let ext = extension.display().to_string();
        args.push(format!("--disable-extensions-except={ext}"));
        args.push(format!("--load-extension={ext}"));
    }
    args.extend(launch.chromium_args.iter().cloned());
    let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut caps = Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert("acceptInsecureCerts".into(), json!(true));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({ "binary": binary, "args": args }),
    );
    let client = connect(port, caps, &driver_bin).await?;
    let id = extension.map(chromium_extension_id).unwrap_or_default();
    Ok(Browser {
        client,
        kind: BrowserKind::Chromium,
        driver,
        profile: Some(profile),
        extension_base: format!("chrome-extension://{id}/"),
        extension_id: id,
        dashboard_base: format!("https://{}/", crate::DASHBOARD_HOST),
    })
}

/// geckodriver: `GECKODRIVER`, else the one ./build.sh installs in .tools, else PATH's.
fn geckodriver_bin() -> String {
    if let Ok(bin) = std::env::var("GECKODRIVER") {
        return bin;
    }
    let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.tools/bin/geckodriver");
    if tools.is_file() {
        return tools.display().to_string();
    }
    "geckodriver".into()
}

/// The add-on id Firefox installs the package under (browser_specific_settings.gecko.id).
fn gecko_id(extension: &Path) -> Result<String> {
    let path = extension.join("manifest.json");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let manifest: Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    match manifest["browser_specific_settings"]["gecko"]["id"].as_str() {
        Some(id) => Ok(id.to_string()),
        None => bail!(
            "{} has no browser_specific_settings.gecko.id: is it the Firefox package (dist/firefox)?",
            path.display()
        ),
    }
}

async fn start_firefox(
    extension: Option<&Path>,
    replica_port: u16,
    launch: &Launch,
) -> Result<Browser> {
    let addon_id = match extension {
        Some(extension) => gecko_id(extension)?,
        None => String::new(),
    };
    let port = free_port()?;
    let driver_bin = geckodriver_bin();
    // --allow-system-access: since Firefox 153, WebDriver may open moz-extension:// pages
    // (the popup that read_extension reads) only with it.
    let driver = spawn_driver(
        &driver_bin,
        &[
            "--host".into(),
            "127.0.0.1".into(),
            "--port".into(),
            port.to_string(),
            "--allow-system-access".into(),
        ],
    )?;
    let binary = std::env::var("FIREFOX").unwrap_or_else(|_| "/usr/bin/firefox-esr".into());
    // A copy of a profile Firefox has started in before (removed when the session ends);
    // geckodriver writes the prefs below into it.
    let profile = crate::firefox_profile::fresh_copy(&binary).await?;
    let mut prefs = json!({
        // The dashboard host resolves to this machine; the URL carries the replica's port.
        "network.dns.localDomains": format!("{},{}", crate::DASHBOARD_HOST, crate::WHITE_LABEL_HOST),
        // An optional host permission asked for by the options page is granted without
        // the prompt a partner would answer (Chromium's prompt cannot be answered by a
        // test at all).
        "extensions.webextOptionalPermissionPrompts": false,
        // The add-on's pages at a known moz-extension:// URL.
        "extensions.webextensions.uuids": json!({ addon_id.clone(): FIREFOX_EXTENSION_UUID }).to_string(),
        // Host permissions granted at install, as a partner's click would.
        "extensions.originControls.grantByDefault": true,
        // Content scripts' console lines reach geckodriver's output (ALLOT_E2E_DRIVER_LOG).
        "devtools.console.stdout.content": true,
        "browser.dom.window.dump.enabled": true,
        // Nothing else talks to the network or opens first-run tabs.
        "browser.shell.checkDefaultBrowser": false,
        "browser.startup.homepage_override.mstone": "ignore",
        "datareporting.policy.dataSubmissionEnabled": false,
        "toolkit.telemetry.reportingpolicy.firstRun": false,
        "app.update.disabledForTesting": true,
        "extensions.update.enabled": false,
        "extensions.getAddons.cache.enabled": false,
        "app.normandy.enabled": false,
        "messaging-system.rsexperimentloader.enabled": false,
    });
    if let Some(prefs) = prefs.as_object_mut() {
        prefs.extend(launch.firefox_prefs.clone());
    }
    let mut caps = Map::new();
    caps.insert("browserName".into(), json!("firefox"));
    caps.insert("acceptInsecureCerts".into(), json!(true));
    caps.insert(
        "moz:firefoxOptions".into(),
        json!({
            "binary": binary,
            "args": ["-headless", "-profile", profile.display().to_string()],
            "prefs": prefs,
        }),
    );
    let client = match connect(port, caps, &driver_bin).await {
        Ok(client) => client,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&profile);
            return Err(e);
        }
    };
    // Chromium's --window-size; Firefox's window is sized through WebDriver.
    client
        .set_window_size(1280, 900)
        .await
        .context("sizing Firefox's window")?;
    let browser = Browser {
        client,
        kind: BrowserKind::Firefox,
        driver,
        profile: Some(profile),
        extension_id: FIREFOX_EXTENSION_UUID.into(),
        extension_base: format!("moz-extension://{FIREFOX_EXTENSION_UUID}/"),
        dashboard_base: format!("https://{}:{replica_port}/", crate::DASHBOARD_HOST),
    };
    let Some(extension) = extension else {
        return Ok(browser);
    };
    let installed = browser
        .client
        // geckodriver's add-on install, as temporary (about:debugging's "Load Temporary
        // Add-on"), so the unpacked add-on needs no signature.
        .issue_cmd(SessionPost {
            path: "moz/addon/install",
            body: json!({ "path": extension.display().to_string(), "temporary": true }),
        })
        .await;
    match installed {
        Ok(id) if id.as_str() == Some(addon_id.as_str()) => Ok(browser),
        Ok(id) => {
            browser.close().await;
            bail!(
                "Firefox installed {} as {id}, not {addon_id}",
                extension.display()
            )
        }
        Err(e) => {
            browser.close().await;
            bail!("Firefox did not install {}: {e}", extension.display())
        }
    }
}

/// A POST with a JSON body to one of the driver's own endpoints of the session,
/// `session/{id}/{path}`: geckodriver's `moz/...`, chromedriver's `goog/...`.
#[derive(Debug)]
pub struct SessionPost {
    pub path: &'static str,
    pub body: Value,
}

impl WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// Chromium's id for an unpacked extension: the SHA-256 of its path, first 32 hex
/// digits written with the letters a-p.
pub fn chromium_extension_id(dir: &Path) -> String {
    let digest = Sha256::digest(dir.display().to_string().as_bytes());
    digest[..16]
        .iter()
        .flat_map(|b| [b >> 4, b & 0xf])
        .map(|n| (b'a' + n) as char)
        .collect()
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
