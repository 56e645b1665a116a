//! `allot-bench [N]` (what `./build.sh bench [N]` runs after building): N interleaved loads
//! (default 15, or `ALLOT_BENCH_LOADS`) of A (no extension), B (an empty content script)
//! and Allot in headless Chromium and Firefox ESR on the dashboard replica with its bench
//! probe on, then one table of the figures. `ALLOT_BENCH_BROWSERS=chromium` (or `firefox`)
//! runs one browser only; `ALLOT_BENCH_FRESH=1` starts a new browser for every load instead
//! of one per configuration; `ALLOT_BENCH_RAW=1` prints each load's figures as it ends;
//! `ALLOT_BENCH_PAGES=list` loads only the companies list;
//! `ALLOT_BENCH_DIST=DIR` measures the packages in DIR/chrome and DIR/firefox instead of dist/;
//! `ALLOT_BENCH_PROFILE=DIR` writes a V8 CPU profile of Allot's typing in Chromium to DIR.
//! Every browser and driver it starts is ended, on Ctrl-C too.

mod cdp;
mod configs;
mod firefox;
mod machine;
mod probe;
mod procs;
mod report;
mod runs;
mod session;
mod stats;

use allot_e2e::BrowserKind;
use allot_replica::{Faults, Replica};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const DEFAULT_LOADS: usize = 15;
const USAGE: &str =
    "usage: allot-bench [N]   (N loads per configuration, default 15; or ALLOT_BENCH_LOADS)";

#[tokio::main]
async fn main() -> ExitCode {
    tokio::spawn(async {
        end_on_signal().await;
        eprintln!("allot-bench: interrupted; ending the browsers and drivers it started");
        procs::kill_descendants();
        std::process::exit(130);
    });
    let outcome = run().await;
    // The harness ends each browser with its load; this only catches what a failure left.
    procs::kill_descendants();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("allot-bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn end_on_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut int), Ok(mut term)) = (
        signal(SignalKind::interrupt()),
        signal(SignalKind::terminate()),
    ) else {
        return std::future::pending().await;
    };
    tokio::select! {
        _ = int.recv() => {}
        _ = term.recv() => {}
    }
}

fn loads() -> Result<usize> {
    let arg = std::env::args().nth(1);
    let value = arg.or_else(|| std::env::var("ALLOT_BENCH_LOADS").ok());
    match value {
        None => Ok(DEFAULT_LOADS),
        Some(v) => match v.trim().parse::<usize>() {
            Ok(n) if n > 0 => Ok(n),
            _ => bail!("{v:?} is not a number of loads\n{USAGE}"),
        },
    }
}

fn browsers() -> Result<Vec<BrowserKind>> {
    let Ok(list) = std::env::var("ALLOT_BENCH_BROWSERS") else {
        return Ok(vec![BrowserKind::Chromium, BrowserKind::Firefox]);
    };
    list.split(',')
        .map(|name| match name.trim().to_ascii_lowercase().as_str() {
            "chromium" | "chrome" => Ok(BrowserKind::Chromium),
            "firefox" | "firefox-esr" => Ok(BrowserKind::Firefox),
            other => bail!("ALLOT_BENCH_BROWSERS: {other:?} is neither chromium nor firefox"),
        })
        .collect()
}

fn version(kind: BrowserKind) -> String {
    match kind {
        BrowserKind::Chromium => machine::version(
            &std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
        ),
        BrowserKind::Firefox => machine::version(
            &std::env::var("FIREFOX").unwrap_or_else(|_| "/usr/bin/firefox-esr".into()),
        ),
    }
}

async fn run() -> Result<()> {
    let loads = loads()?;
    let kinds = browsers()?;
    let started = Instant::now();
    let load_before = machine::load_average();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dist = match std::env::var_os("ALLOT_BENCH_DIST") {
        Some(d) => PathBuf::from(d),
        None => root.join("dist"),
    };
    let out = root.join("target/bench");
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;

    let replica = Replica::start(0).await.context("starting the replica")?;
    replica.set_faults(Faults {
        bench_probe: true,
        ..Faults::default()
    });
    let mut all: Vec<runs::BrowserRuns> = kinds
        .into_iter()
        .map(|kind| runs::BrowserRuns::new(kind, version(kind), &dist, &out))
        .collect();
    eprintln!(
        "allot-bench: {loads} loads of A, B and Allot in {}; load average {load_before}",
        all.iter()
            .map(|r| r.name())
            .collect::<Vec<_>>()
            .join(" and ")
    );
    let fresh = std::env::var_os("ALLOT_BENCH_FRESH").is_some_and(|v| v != "0");
    runs::run(&mut all, loads, replica.addr.port(), fresh).await;
    replica.shutdown();

    let pkg = dist.join("chrome/pkg");
    // The package carries the form module in base64 (allot_form_wasm.js); the module
    // itself is where the build made it.
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/allot-pkg");
    let form_module = [
        pkg.join("allot_form_bg.wasm"),
        built.join("allot_form_bg.wasm"),
    ]
    .into_iter()
    .find(|p| p.is_file())
    .unwrap_or_default();
    let sizes: Vec<report::Size> = [
        ("allot_form_bg.wasm", "form module, pages with controls"),
        ("allot_form_wasm.js", "it in base64, as a content script"),
        ("allot_form.js", "its wasm-bindgen glue"),
        ("allot_fix_bg.wasm", "fix module, only where it has work"),
        ("allot_fix.js", "its wasm-bindgen glue"),
        ("allot_js.js", "JS build, where WASM is refused"),
    ]
    .into_iter()
    .map(|(file, what)| {
        let path = if file == "allot_form_bg.wasm" {
            form_module.clone()
        } else {
            pkg.join(file)
        };
        (file, what, machine::sizes(&path))
    })
    .collect();
    let run = report::Run {
        loads,
        cpus: machine::cpus(),
        cpu_model: machine::cpu_model(),
        load_before,
        load_after: machine::load_average(),
        seconds: started.elapsed().as_secs(),
    };
    report::print(&run, &all, &sizes, fresh);
    if all.iter().all(|r| r.unavailable.is_some()) {
        bail!("no browser could be measured");
    }
    Ok(())
}
