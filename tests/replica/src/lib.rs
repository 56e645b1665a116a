//! A local replica of the Infrascale / SOS Online Backup partner dashboard (the "Partner
//! Shell"), as the seed document shows it, for Allot's end-to-end tests and for trying Allot
//! without an Infrascale account.
//!
//! It serves HTTPS on 127.0.0.1 with a self-signed certificate made at start (SANs
//! `dashboard.sosonlinebackup.com`, `dashboard.infrascale.com`, `localhost`, `127.0.0.1`).
//! A browser reaches it under the real host name through host mapping
//! (`--host-resolver-rules="MAP dashboard.sosonlinebackup.com 127.0.0.1:PORT"`), so every
//! page uses relative URLs only and nothing depends on the `Host` header.
//!
//! It serves two generations of the dashboard's markup ([`Generation`]): the seed's (the
//! default) and the newer one Infrascale's documentation describes. Data and sessions are
//! shared; only the markup (and what the pages offer) changes.
//!
//! The end-to-end tests start it in-process with [`Replica::start`], read what the server
//! received with [`Replica::snapshot`], make it misbehave with [`Replica::set_faults`] and
//! switch markup with [`Replica::set_generation`]. The same is available over HTTP for manual
//! use: `GET /__replica/state`, `POST /__replica/reset`, `POST /__replica/faults` (JSON body,
//! see [`Faults`]), `POST /__replica/generation` (`"seed"` or `"newer"`) and
//! `GET /__replica/login` (logs in as the partner and redirects to `/`).
//!
//! The replica never stores a password or a secret answer: they are checked (present,
//! matching) and dropped.

mod frames;
mod grid;
mod handlers;
mod newer;
mod pages;
mod probe;
mod state;
mod strict;
mod tls;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;

use anyhow::Context;
use serde::{Deserialize, Serialize};

pub use state::PARTNER_NAME;

/// What the server holds, as the tests see it. Never contains a password or a secret answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateSnapshot {
    /// Every `POST /Companies/Create` received, successful or not.
    pub create_posts: u32,
    /// Every `POST /BackupAccounts/ChangeSize` received, successful or not.
    pub change_size_posts: u32,
    /// The companies under the partner, in the order the dashboard lists them.
    pub companies: Vec<CompanySnap>,
    /// Every successful size change, in order (a change to the same size included).
    #[serde(default)]
    pub changes: Vec<SizeChange>,
    /// Every `POST /BackupAccounts/Create` ("Create Backup Account") received.
    #[serde(default)]
    pub create_account_posts: u32,
    /// Every `POST /Companies/ChangeSize` ("Change Company Size") received.
    #[serde(default)]
    pub change_company_size_posts: u32,
}

/// One successful size change: of a backup account ("Change Account Size"), or of a
/// company's quota ("Change Company Size", newer generation) when `account` is empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SizeChange {
    /// The company's name.
    pub company: String,
    /// The backup account's name; empty for a change of the company's quota.
    pub account: String,
    pub from_gb: u64,
    pub to_gb: u64,
}

/// One company under the partner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanySnap {
    pub id: u32,
    pub name: String,
    pub quota_gb: u64,
    /// The company admin's username (also the admin backup account's name).
    pub username: String,
    pub email: String,
    pub ultrasafe: bool,
    /// The company's backup accounts; the first is the admin account made at Create.
    pub accounts: Vec<AccountSnap>,
    /// "Full Name" as entered at Create.
    #[serde(default)]
    pub full_name: String,
    /// "EGR Licenses" as entered at Create.
    #[serde(default)]
    pub egr_licenses: u32,
    /// "SP v5 Licenses" as entered at Create.
    #[serde(default)]
    pub sp_licenses: u32,
    /// "Enable EndGuard" as entered at Create.
    #[serde(default)]
    pub endguard: bool,
    /// Whether the partner manages the company (only then is "Login as Company Admin"
    /// offered).
    #[serde(default)]
    pub managed: bool,
}

/// One backup account of a company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSnap {
    pub name: String,
    pub size_gb: u64,
}

/// Ways to make the replica misbehave, for the tests of Allot's failure paths.
/// `POST /__replica/faults` takes the same as JSON; missing keys mean "off".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Faults {
    /// "Login as Company Admin" opens a different company than the one clicked (the first
    /// other company in the list).
    pub login_as_wrong_company: bool,
    /// "Change Account Size" is refused with this message.
    pub refuse_change_size: Option<String>,
    /// A company created while on also gets a second backup account,
    /// `<username>.frontdesk` at 5 GB (after the admin account in the data), which the grids
    /// list before the admin account.
    pub extra_account: bool,
    /// Company-session pages that list backup accounts also show, above the grid, a
    /// page-level link "Change Account Size" for the company's most recently added non-admin
    /// account (nothing if there is none).
    pub stray_change_size_link: bool,
    /// Row menus do not close each other nor on a click elsewhere, and each grid page loads
    /// with one row's menu open (companies: the first row; backup accounts: the first row
    /// that is not the company admin's account).
    pub menus_stay_open: bool,
    /// How a Create is answered.
    pub create_refusal: CreateRefusal,
    /// Companies created while on are unmanaged: no "Login as Company Admin" for them (and
    /// `/Companies/LoginAsAdmin/{id}` answers 403).
    pub unmanaged_new_companies: bool,
    /// Seed generation: the company Home page lists the backup accounts in a grid with
    /// gears instead of the "Backup Account Usage" table, and the company menu has no
    /// "Backup Accounts".
    pub company_home_lists_accounts: bool,
    /// That many managed companies "Filler Company 001", ... (usernames `filler001`, ...,
    /// quota 100 GB, admin account 5 GB) before the others; applied by `set_faults`,
    /// idempotently.
    pub filler_companies: u32,
    /// (Seed generation.) "Add New Company" opens its dialog inside a same-origin
    /// iframe (`/Companies/CreateFrame`); Close in the frame reloads the page around it.
    pub create_in_frame: bool,
    /// Every HTML page and fragment is served with this `Content-Security-Policy` header
    /// (for example `script-src 'self'`), its inline script, style and handlers moved to
    /// `/replica.js` and `/replica.css` so that the dashboard still works under it.
    pub page_csp: Option<String>,
    /// Dialogs open in two steps: the fields first, their button bar (Create, Close)
    /// 150 ms later, as a page that renders a dialog piece by piece would.
    pub dialog_in_steps: bool,
    /// (For the bench.) Every full HTML page starts its `<head>` with a small inline
    /// script that timestamps DOMContentLoaded, load, forms inserted later and Allot's
    /// `data-allot-form` marks into `window.__allotBench` (see `probe.rs`).
    pub bench_probe: bool,
}

/// How the dashboard answers a Create (see [`Faults::create_refusal`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreateRefusal {
    /// AJAX; a refusal re-renders the form with the errors in the dialog; a success replaces
    /// the dialog's content by "Company X was created." and a Close button that reloads.
    #[default]
    Form,
    /// AJAX; a refusal replaces the dialog's content by the errors and a Close button.
    Dialog,
    /// A normal form POST: a refusal answers a full page "Create Company" with the errors and
    /// a link back to the companies; a success redirects to the companies page, which shows
    /// "Company X was created." once.
    Page,
}

/// Which dashboard markup the replica serves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Generation {
    /// The seed document's dashboard (Manage > Companies > ..., gears, tables).
    #[default]
    Seed,
    /// The newer dashboard of Infrascale's documentation (Accounts > Companies, Endpoint
    /// Backup > Backup Accounts, Actions menus appended to the page body).
    Newer,
}

/// The dashboard's state and its routes, without a network listener: the unit tests drive
/// [`Dashboard::router`] directly; [`Replica`] serves it over HTTPS.
#[derive(Clone)]
pub struct Dashboard {
    inner: Arc<Mutex<state::Inner>>,
}

impl Default for Dashboard {
    fn default() -> Self {
        Self::new()
    }
}

impl Dashboard {
    /// A dashboard with the initial companies and no sessions.
    pub fn new() -> Self {
        Dashboard {
            inner: Arc::new(Mutex::new(state::Inner::new())),
        }
    }

    /// The axum router serving every page of the dashboard and the `/__replica/*` endpoints.
    pub fn router(&self) -> axum::Router {
        handlers::router(self.clone())
    }

    pub fn snapshot(&self) -> StateSnapshot {
        self.lock().data.snapshot()
    }

    /// Switches faults; `filler_companies` adds the missing filler companies.
    pub fn set_faults(&self, faults: Faults) {
        self.lock().data.set_faults(faults);
    }

    /// Which markup every page is served in from now on.
    pub fn set_generation(&self, generation: Generation) {
        self.lock().data.generation = generation;
    }

    /// Back to the initial companies, counters at zero, no faults, seed generation. Sessions are kept (a
    /// company-admin session whose company no longer exists acts as the partner's).
    pub fn reset(&self) {
        self.lock().data = state::Data::initial();
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, state::Inner> {
        // A panic in a handler must not take the whole replica down with a poisoned lock.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The replica served over HTTPS on 127.0.0.1, on its own thread and runtime (so it keeps
/// answering whatever the caller's runtime does). Stops on [`Replica::shutdown`] or drop.
pub struct Replica {
    /// Where it listens: always 127.0.0.1.
    pub addr: SocketAddr,
    dashboard: Dashboard,
    handle: axum_server::Handle<SocketAddr>,
    thread: Option<JoinHandle<()>>,
}

impl Replica {
    /// Starts the replica on `127.0.0.1:port` (0 = any free port) with a fresh self-signed
    /// certificate. Returns once the port is bound.
    pub async fn start(port: u16) -> anyhow::Result<Replica> {
        let listener = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port))
            .with_context(|| format!("cannot listen on 127.0.0.1:{port}"))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let config = axum_server::tls_rustls::RustlsConfig::from_config(tls::server_config()?);
        let dashboard = Dashboard::new();
        let app = dashboard.router();
        let handle = axum_server::Handle::new();
        let server_handle = handle.clone();
        let (ready_tx, ready_rx) = tokio::sync::oneshot::channel::<std::io::Result<()>>();
        let thread = std::thread::Builder::new()
            .name("allot-replica".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .thread_name("allot-replica-worker")
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                        return;
                    }
                };
                runtime.block_on(async move {
                    let server = match axum_server::from_tcp_rustls(listener, config) {
                        Ok(server) => server,
                        Err(e) => {
                            let _ = ready_tx.send(Err(e));
                            return;
                        }
                    };
                    let _ = ready_tx.send(Ok(()));
                    if let Err(e) = server
                        .handle(server_handle)
                        .serve(app.into_make_service())
                        .await
                    {
                        eprintln!("allot-replica: server stopped: {e}");
                    }
                });
            })?;
        ready_rx
            .await
            .map_err(|_| anyhow::anyhow!("the replica's server thread ended before starting"))??;
        Ok(Replica {
            addr,
            dashboard,
            handle,
            thread: Some(thread),
        })
    }

    /// The base URL by address, e.g. `https://127.0.0.1:8443/`.
    pub fn url(&self) -> String {
        format!("https://{}/", self.addr)
    }

    pub fn snapshot(&self) -> StateSnapshot {
        self.dashboard.snapshot()
    }

    pub fn set_faults(&self, faults: Faults) {
        self.dashboard.set_faults(faults);
    }

    pub fn set_generation(&self, generation: Generation) {
        self.dashboard.set_generation(generation);
    }

    /// Back to the initial companies, counters at zero, no faults, seed generation (sessions
    /// are kept).
    pub fn reset(&self) {
        self.dashboard.reset();
    }

    /// The state behind the server (the same one [`Replica::snapshot`] reads).
    pub fn dashboard(&self) -> &Dashboard {
        &self.dashboard
    }

    /// Stops the server and waits for its thread to end.
    pub fn shutdown(mut self) {
        self.handle.shutdown();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        self.handle.shutdown();
    }
}
