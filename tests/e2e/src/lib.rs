//! Harness for the end-to-end tests: the dashboard replica and a headless browser
//! (Chromium, or Firefox ESR with `ALLOT_E2E_BROWSER=firefox`) with the built extension
//! (the production manifest, unchanged) loaded, the real dashboard host mapped to the
//! replica.

pub mod axe;
mod browser;
mod firefox_profile;
pub mod fix;
pub mod form_view;
mod page;

pub use browser::{chromium_extension_id, Browser, BrowserKind, Launch, SessionPost};
pub use page::{Message, Page, BACKSPACE, CONTROL, ENTER, RELEASE, TAB};

use allot_replica::Replica;
use anyhow::{Context, Result};
use std::path::PathBuf;

/// The host Allot's manifest names; the browser maps it to the replica.
pub const DASHBOARD_HOST: &str = "dashboard.sosonlinebackup.com";
/// A partner's own dashboard address (a white-label host Allot knows nothing of until
/// the partner adds it); also mapped to the replica.
pub const WHITE_LABEL_HOST: &str = "dashboard.managedoffsitebackup.net";

/// The seed's example company, typed field by field: everything the dashboard needs
/// and nothing Allot calls an error.
pub const VALID_FORM: &[(&str, &str)] = &[
    ("company_name", "HighTech"),
    ("quota_gb", "10"),
    ("full_name", "Kim Blanc"),
    ("email", "kblanc@hightech.example.com"),
    ("username", "HighTech"),
    ("password", "Hightech#2024"),
    ("confirm_password", "Hightech#2024"),
    ("secret_question", "First pet?"),
    ("secret_answer", "Rex"),
];

/// [`VALID_FORM`] with `field` typed as `text`.
pub fn valid_but(field: &str, text: &'static str) -> Vec<(&'static str, &'static str)> {
    VALID_FORM
        .iter()
        .map(|&(f, t)| (f, if f == field { text } else { t }))
        .collect()
}

/// A form's fields without the secret question and answer (UltraSafe removes them).
pub fn without_secrets(form: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    form.iter()
        .copied()
        .filter(|(f, _)| !f.starts_with("secret"))
        .collect()
}

/// One test's world: a fresh replica and a fresh browser on it.
pub struct Harness {
    pub replica: Replica,
    pub page: Page,
}

impl Harness {
    /// Starts the replica and a browser with Allot, and logs on as the partner.
    pub async fn start() -> Result<Harness> {
        let replica = Replica::start(0).await.context("starting the replica")?;
        let port = replica.addr.port();
        let browser = Browser::start(&extension_dir()?, port).await?;
        let base = browser.dashboard_base().to_string();
        let page = Page::new(browser, base);
        page.goto("__replica/login").await?;
        Ok(Harness { replica, page })
    }

    /// The replica's company of this name, if it holds one.
    pub fn company(&self, name: &str) -> Option<allot_replica::CompanySnap> {
        self.replica
            .snapshot()
            .companies
            .into_iter()
            .find(|c| c.name == name)
    }

    /// Whether the replica holds a company of this name.
    pub fn has_company(&self, name: &str) -> bool {
        self.company(name).is_some()
    }

    /// Ends the browser and the replica. Fails the test if Allot stopped on the page
    /// after an internal error (its guard marks the page `data-allot-stopped`).
    pub async fn stop(self) {
        let stopped = self
            .page
            .js(
                "return !!document.documentElement && document.documentElement.hasAttribute('data-allot-stopped');",
                vec![],
            )
            .await
            .unwrap_or_default();
        self.page.close().await;
        self.replica.shutdown();
        assert_ne!(
            stopped, true,
            "Allot stopped on the page after an internal error"
        );
    }
}

/// The unpacked extension under test: `ALLOT_DIST`, or the browser's package at the
/// project root (dist/chrome or dist/firefox).
pub fn extension_dir() -> Result<PathBuf> {
    let dir = match std::env::var_os("ALLOT_DIST") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../dist")
            .join(BrowserKind::from_env()?.dist_name()),
    };
    let dir = dir
        .canonicalize()
        .with_context(|| format!("{} is missing: run ./build.sh first", dir.display()))?;
    anyhow::ensure!(
        dir.join("manifest.json").is_file(),
        "{} has no manifest.json: run ./build.sh first",
        dir.display()
    );
    Ok(dir)
}
