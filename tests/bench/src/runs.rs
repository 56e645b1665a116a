//! The interleaved loads. In each browser in turn: one browser per configuration (A, B,
//! Allot), started and logged on once, then `rounds` rounds of one load each in A, then B,
//! then Allot (with `fresh`, a new browser for every load). A load that fails or times out
//! is counted, its browser ended and a new one started for the next; a browser whose three
//! loads of the first round all fail is left out.

use crate::configs::{Config, Packages};
use crate::session::{Sample, Session};
use allot_e2e::BrowserKind;
use std::path::Path;
use std::time::{Duration, Instant};

/// The longest a browser may take to start and log on.
const START_TIMEOUT: Duration = Duration::from_secs(90);
/// The longest one load may take.
const LOAD_TIMEOUT: Duration = Duration::from_secs(90);
/// The longest a browser may take to end before its processes are killed.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(20);

/// Everything measured in one browser.
pub struct BrowserRuns {
    pub kind: BrowserKind,
    pub version: String,
    /// Indexed by [`Config::index`].
    pub samples: [Vec<Sample>; 3],
    /// Why each failed load failed, with its configuration.
    pub failures: Vec<String>,
    /// Why nothing could be measured in this browser at all.
    pub unavailable: Option<String>,
    packages: Option<Packages>,
}

impl BrowserRuns {
    /// Ready to run `kind` with the packages from `dist` (B's made under `out`).
    pub fn new(kind: BrowserKind, version: String, dist: &Path, out: &Path) -> BrowserRuns {
        let (packages, unavailable) = match Packages::make(kind, dist, out) {
            Ok(p) => (Some(p), None),
            Err(e) => (None, Some(format!("{e:#}"))),
        };
        BrowserRuns {
            kind,
            version,
            samples: Default::default(),
            failures: Vec::new(),
            unavailable,
            packages,
        }
    }

    pub fn name(&self) -> &'static str {
        match self.kind {
            BrowserKind::Chromium => "Chromium",
            BrowserKind::Firefox => "Firefox",
        }
    }
}

/// `rounds` rounds in every browser that can be measured.
pub async fn run(all: &mut [BrowserRuns], rounds: usize, replica_port: u16, fresh: bool) {
    for runs in all.iter_mut() {
        let Some(packages) = runs.packages.clone() else {
            continue;
        };
        let mut sessions: [Option<Session>; 3] = Default::default();
        for round in 1..=rounds {
            let mut failed = 0;
            for config in Config::ALL {
                let slot = &mut sessions[config.index()];
                let t0 = Instant::now();
                let outcome = load(slot, runs.kind, config, &packages, replica_port).await;
                if fresh || outcome.is_err() {
                    close(slot.take()).await;
                }
                let secs = t0.elapsed().as_secs_f64();
                let (name, config_name) = (runs.name(), config.name());
                match outcome {
                    Ok(sample) => {
                        eprintln!("round {round}/{rounds}: {name} {config_name} ({secs:.1} s)");
                        if std::env::var_os("ALLOT_BENCH_RAW").is_some() {
                            eprintln!("{sample:?}");
                        }
                        runs.samples[config.index()].push(sample);
                    }
                    Err(why) => {
                        eprintln!("round {round}/{rounds}: {name} {config_name} FAILED ({secs:.1} s): {why}");
                        runs.failures.push(format!("{config_name}: {why}"));
                        failed += 1;
                    }
                }
            }
            if round == 1 && failed == Config::ALL.len() {
                runs.unavailable = runs.failures.first().cloned();
                break;
            }
        }
        for session in sessions {
            close(session).await;
        }
    }
}

/// One load in the configuration's browser, started first if there is none.
async fn load(
    slot: &mut Option<Session>,
    kind: BrowserKind,
    config: Config,
    packages: &Packages,
    replica_port: u16,
) -> Result<Sample, String> {
    if slot.is_none() {
        let start = Session::start(kind, config, packages, replica_port);
        match tokio::time::timeout(START_TIMEOUT, start).await {
            Ok(Ok(session)) => *slot = Some(session),
            Ok(Err(e)) => return Err(format!("starting the browser: {e:#}")),
            Err(_) => return Err(format!("the browser did not start in {START_TIMEOUT:?}")),
        }
    }
    let Some(session) = slot.as_ref() else {
        return Err("no browser".into());
    };
    match tokio::time::timeout(LOAD_TIMEOUT, session.load()).await {
        Ok(Ok(sample)) => Ok(sample),
        Ok(Err(e)) => Err(format!("{e:#}")),
        Err(_) => Err(format!("no result in {LOAD_TIMEOUT:?}")),
    }
}

/// Ends a browser; one that does not end in time is killed (its driver's drop).
async fn close(session: Option<Session>) {
    if let Some(session) = session {
        let _ = tokio::time::timeout(CLOSE_TIMEOUT, session.close()).await;
    }
}
