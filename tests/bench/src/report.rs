//! The printed result: the machine, one table (rows = figures; columns = A | B | Allot per
//! browser, each cell p50 / p90), the module's sizes, and what could not be measured.

use crate::configs::Config;
use crate::runs::BrowserRuns;
use crate::session::{self, Sample};
use crate::stats::{median, percentile};
use allot_e2e::BrowserKind;

/// What the header says about the run.
pub struct Run {
    pub loads: usize,
    pub cpus: usize,
    pub cpu_model: String,
    pub load_before: String,
    pub load_after: String,
    pub seconds: u64,
}

/// One file's sizes: its name, what it is, raw and gzip -9 bytes.
pub type Size = (&'static str, &'static str, Option<(u64, u64)>);

type Cells = [String; 3];

/// A row's cells in one browser.
type RowFn = fn(&BrowserRuns) -> Cells;

const ROWS: &[(&str, RowFn)] = &[
    ("form at load: DOMContentLoaded -> annotated, ms", |r| {
        allot_only(r, |s| s.form_after_dcl)
    }),
    ("dialog inserted -> annotated, ms: by a script [5]", |r| {
        allot_only(r, |s| s.dialog_to_form)
    }),
    ("  opened through the menu, as a partner does [5]", |r| {
        allot_only(r, |s| s.menu_dialog_to_form)
    }),
    ("script per keystroke, ms, p50 / p95 [1]", |r| {
        keystrokes(r, |s| &s.keys)
    }),
    ("  first key of a load / the others, p50", |r| {
        first_and_rest(r, |s| &s.keys)
    }),
    ("main-thread CPU per keystroke, ms, p50 / p95 [4]", |r| {
        keystrokes(r, |s| &s.key_cpu)
    }),
    ("form page: load event, ms", |r| each(r, |s| s.form_load, 1)),
    ("  load event: B/A, Allot/B (p50)", |r| {
        ratios(r, |s| s.form_load)
    }),
    ("form page: renderer USS, MiB [2]", |r| {
        each(r, |s| s.form_uss, 1)
    }),
    ("  USS added vs A (p50), MiB", |r| added(r, |s| s.form_uss)),
    ("Allot's WASM linear memory, MiB [3]", wasm_memory),
    ("companies list (no form): load event, ms", |r| {
        each(r, |s| s.list_load, 1)
    }),
    ("  load event: B/A, Allot/B (p50)", |r| {
        ratios(r, |s| s.list_load)
    }),
    ("companies list: renderer USS, MiB [2]", |r| {
        each(r, |s| s.list_uss, 1)
    }),
    ("  USS added vs A (p50), MiB", |r| added(r, |s| s.list_uss)),
];

/// What each bracketed number in the table means.
fn notes() -> Vec<String> {
    let keys = session::TYPED.chars().count();
    let pace = session::KEY_PACE.as_millis();
    let settle = session::SETTLE.as_secs_f64();
    vec![
        format!("[1] Chromium: the page's main-thread script time (DevTools Performance.getMetrics ScriptDuration) in each \
         {pace} ms window after a trusted key press (DevTools Input.dispatchKeyEvent; {keys} keys typed into Username \
         per load; p50 / p95 over all keys). It counts the page's own script and content scripts alike: A and B are \
         the page's share, Allot minus A the extension's. Firefox: n/a (geckodriver offers no DevTools protocol, \
         which Firefox removed in 129, and no other per-script timing)."),
        format!("[2] USS (Private_Clean + Private_Dirty in /proc/<pid>/smaps_rollup) of the process the tab's page runs \
         in (the one whose CPU time grows while the page spins), after a garbage collection (Chromium: DevTools \
         HeapProfiler.collectGarbage; Firefox: child-gc-request and child-cc-request from the chrome context), \
         {settle} s after the page is ready."),
        "[3] Chromium: byteLength of every WebAssembly.Memory in the extension's isolated world (DevTools \
         Runtime.queryObjects). Firefox: n/a (WebDriver cannot reach the content script's sandbox).".into(),
        "[4] CPU time of the tab's process main thread (/proc/<pid>/task/<pid>/schedstat) in the same key windows: \
         the page's handling of the key, style, layout and paint, and any extension script; Allot minus A is what \
         Allot adds. Firefox's keys come from WebDriver, which makes them with script in that same thread: its A \
         carries that cost too.".into(),
        format!("[5] The home page's create dialog (the page fetches it and inserts it), from its insertion to Allot's \
         mark. By a script: a script's click() on the menu's \"Add New Company\", nothing pressed on the page \
         before. Through the menu: WebDriver's clicks (trusted pointer events) on \"Manage\", \"Companies\" and \
         \"Add New Company\", {menu} ms apart.", menu = session::MENU_PACE.as_millis()),
    ]
}

pub fn print(run: &Run, all: &[BrowserRuns], sizes: &[Size], fresh: bool) {
    let browsers = if fresh {
        "a new browser for each load"
    } else {
        "one browser per configuration, logged on once, each load a navigation in its tab"
    };
    println!(
        "Allot bench: {} loads per configuration, interleaved A, B, Allot; {browsers}",
        run.loads
    );
    println!(
        "A = no extension; B = an empty content script (Allot's package, its content scripts' js one empty file: same matches, run_at, frames); Allot = dist/"
    );
    println!(
        "machine: {} CPUs, {}; load average {} before, {} after; took {} s",
        run.cpus, run.cpu_model, run.load_before, run.load_after, run.seconds
    );
    for r in all {
        println!("{}: {}", r.name(), r.version);
    }
    println!();
    print_table(all);
    println!("cells: p50 / p90 over the loads; '-': does not apply");
    for note in notes() {
        println!("{note}");
    }
    println!();
    print_sizes(sizes);
    print_problems(all);
}

fn print_table(all: &[BrowserRuns]) {
    let label_width = ROWS.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    let rows: Vec<Vec<Cells>> = ROWS
        .iter()
        .map(|(_, f)| all.iter().map(f).collect())
        .collect();
    // One width per column, across every browser, so the groups line up.
    let mut width = [0usize; 3];
    for cells in rows.iter().flatten() {
        for (w, c) in width.iter_mut().zip(cells) {
            *w = (*w).max(c.len());
        }
    }
    for (w, config) in width.iter_mut().zip(Config::ALL) {
        *w = (*w).max(config.name().len());
    }
    let group = width.iter().sum::<usize>() + 6;
    let mut line = format!("{:label_width$}", "");
    for r in all {
        let title = format!("{} {}", r.name(), version_number(&r.version));
        line.push_str(&format!(" | {title:group$}"));
    }
    println!("{}", line.trim_end());
    let mut line = format!("{:label_width$}", "figure");
    for _ in all {
        line.push_str(" |");
        for (w, config) in width.iter().zip(Config::ALL) {
            line.push_str(&format!(" {:>w$} ", config.name()));
        }
    }
    println!("{line}");
    println!("{}", "-".repeat(line.len()));
    for ((label, _), row) in ROWS.iter().zip(&rows) {
        let mut line = format!("{label:label_width$}");
        for cells in row {
            line.push_str(" |");
            for (w, c) in width.iter().zip(cells) {
                line.push_str(&format!(" {c:>w$} "));
            }
        }
        println!("{}", line.trim_end());
    }
}

fn print_sizes(sizes: &[Size]) {
    let labels: Vec<String> = sizes
        .iter()
        .map(|(f, what, _)| format!("{f} ({what})"))
        .collect();
    let w = labels.iter().map(String::len).max().unwrap_or(0);
    println!(
        "{:w$}  {:>10}  {:>13}",
        "sizes, dist/chrome/pkg (the form module: target/allot-pkg)", "raw bytes", "gzip -9 bytes"
    );
    for (label, (_, _, size)) in labels.iter().zip(sizes) {
        match size {
            Some((raw, gz)) => println!("{label:w$}  {raw:>10}  {gz:>13}"),
            None => println!("{label:w$}  {:>10}  {:>13}", "missing", "missing"),
        }
    }
}

fn print_problems(all: &[BrowserRuns]) {
    for r in all {
        if let Some(why) = &r.unavailable {
            println!("{}: n/a, no load could be measured: {why}", r.name());
        }
        let done: usize = r.samples.iter().map(Vec::len).sum();
        if r.unavailable.is_none() && !r.failures.is_empty() {
            println!(
                "{}: {} loads failed ({} measured); first: {}",
                r.name(),
                r.failures.len(),
                done,
                r.failures[0]
            );
        }
        let mut notes: Vec<&String> = r.samples.iter().flatten().flat_map(|s| &s.notes).collect();
        notes.sort();
        notes.dedup();
        for note in notes {
            println!("{}: {note}", r.name());
        }
    }
}

/// "Chromium 156.0.7500.1 built on Debian" -> "156.0.7500.1" (nothing if it has none).
fn version_number(version: &str) -> &str {
    version
        .split_whitespace()
        .find(|w| w.starts_with(|c: char| c.is_ascii_digit()) && w.contains('.'))
        .unwrap_or_default()
}

fn values(samples: &[Sample], get: impl Fn(&Sample) -> Option<f64>) -> Vec<f64> {
    samples.iter().filter_map(get).collect()
}

/// "p50 / p`hi`" of `values`, with `digits` decimals.
fn stat(values: &[f64], hi: f64, digits: usize) -> String {
    match (median(values), percentile(values, hi)) {
        (Some(mid), Some(top)) => format!("{mid:.digits$} / {top:.digits$}"),
        _ => "n/a".into(),
    }
}

/// "n/a" in every column when the browser could not be measured.
fn unavailable(r: &BrowserRuns) -> Option<Cells> {
    r.unavailable
        .as_ref()
        .map(|_| ["n/a".into(), "n/a".into(), "n/a".into()])
}

fn each(r: &BrowserRuns, get: fn(&Sample) -> Option<f64>, digits: usize) -> Cells {
    unavailable(r).unwrap_or_else(|| {
        Config::ALL.map(|c| stat(&values(&r.samples[c.index()], get), 0.9, digits))
    })
}

fn allot_only(r: &BrowserRuns, get: fn(&Sample) -> Option<f64>) -> Cells {
    unavailable(r).unwrap_or_else(|| {
        let allot = stat(&values(&r.samples[Config::Allot.index()], get), 0.9, 1);
        ["-".into(), "-".into(), allot]
    })
}

/// p50 / p95 over every key of every load; "n/a" where no load measured any.
fn keystrokes(r: &BrowserRuns, get: fn(&Sample) -> &Vec<f64>) -> Cells {
    unavailable(r).unwrap_or_else(|| {
        Config::ALL.map(|c| {
            let keys: Vec<f64> = r.samples[c.index()].iter().flat_map(get).copied().collect();
            stat(&keys, 0.95, 2)
        })
    })
}

/// The first key typed in each load apart from the rest: what runs for the first time
/// (lazily compiled code, a message's first rendering) shows there.
fn first_and_rest(r: &BrowserRuns, get: fn(&Sample) -> &Vec<f64>) -> Cells {
    unavailable(r).unwrap_or_else(|| {
        Config::ALL.map(|c| {
            let samples = &r.samples[c.index()];
            let first: Vec<f64> = samples
                .iter()
                .filter_map(|s| get(s).first())
                .copied()
                .collect();
            let rest: Vec<f64> = samples
                .iter()
                .flat_map(|s| get(s).iter().skip(1))
                .copied()
                .collect();
            match (median(&first), median(&rest)) {
                (Some(f), Some(o)) => format!("{f:.2} / {o:.2}"),
                _ => "n/a".into(),
            }
        })
    })
}

fn wasm_memory(r: &BrowserRuns) -> Cells {
    if r.kind == BrowserKind::Firefox {
        return ["-".into(), "-".into(), "n/a".into()];
    }
    allot_only(r, |s| s.wasm_mib)
}

fn medians(r: &BrowserRuns, get: fn(&Sample) -> Option<f64>) -> [Option<f64>; 3] {
    Config::ALL.map(|c| median(&values(&r.samples[c.index()], get)))
}

fn ratios(r: &BrowserRuns, get: fn(&Sample) -> Option<f64>) -> Cells {
    unavailable(r).unwrap_or_else(|| {
        let [a, b, allot] = medians(r, get);
        let ratio = |num: Option<f64>, den: Option<f64>| match (num, den) {
            (Some(n), Some(d)) if d > 0.0 => format!("{:.2}x", n / d),
            _ => "n/a".into(),
        };
        ["".into(), ratio(b, a), ratio(allot, b)]
    })
}

fn added(r: &BrowserRuns, get: fn(&Sample) -> Option<f64>) -> Cells {
    unavailable(r).unwrap_or_else(|| {
        let [a, b, allot] = medians(r, get);
        let diff = |x: Option<f64>| match (x, a) {
            (Some(x), Some(a)) => format!("{:+.1}", x - a),
            _ => "n/a".into(),
        };
        ["".into(), diff(b), diff(allot)]
    })
}
