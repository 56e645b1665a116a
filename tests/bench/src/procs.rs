//! The browser's processes as Linux shows them in /proc: which processes descend from the
//! WebDriver server, their main thread's CPU time, their unique memory (USS), and which one
//! renders the tab (found by making the page spin for a moment and seeing whose CPU time
//! moves).

use anyhow::{bail, Context, Result};
use std::collections::HashMap;

/// How long the page spins to show which process runs it, in turn until one is clear.
const SPINS_MS: [u64; 4] = [200, 400, 1000, 2000];
/// The least CPU time the spinning process's main thread must gain, in ms.
const MIN_SPUN_MS: f64 = 20.0;

/// A process's parent, from its line in /proc/<pid>/stat.
fn parent(pid: u32) -> Option<u32> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: the fields start after it
    // (state, then the parent's pid).
    text.get(text.rfind(')')? + 1..)?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Every living process and its parent.
fn parents() -> HashMap<u32, u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return HashMap::new();
    };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| Some((pid, parent(pid)?)))
        .collect()
}

/// Every living process below `root` (not `root` itself).
pub fn descendants(root: u32) -> Vec<u32> {
    let parents = parents();
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(
            parents
                .iter()
                .filter(|(_, p)| **p == parent)
                .map(|(pid, _)| *pid),
        );
        i += 1;
    }
    found.remove(0);
    found
}

/// A process's unique set size in MiB: the private pages of /proc/<pid>/smaps_rollup.
pub fn uss_mib(pid: u32) -> Result<f64> {
    let path = format!("/proc/{pid}/smaps_rollup");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
    let kib: u64 = text
        .lines()
        .filter(|l| {
            l.starts_with("Private_Clean:")
                || l.starts_with("Private_Dirty:")
                || l.starts_with("Private_Hugetlb:")
        })
        .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        .sum();
    Ok(kib as f64 / 1024.0)
}

/// The CPU time its main thread (the thread whose id is the process's) has run, in ms,
/// to the nanosecond (/proc/<pid>/task/<pid>/schedstat).
pub fn main_thread_cpu_ms(pid: u32) -> Result<f64> {
    let path = format!("/proc/{pid}/task/{pid}/schedstat");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
    let ns: u64 = text
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .with_context(|| format!("{path} says {text:?}"))?;
    Ok(ns as f64 / 1e6)
}

/// The process below `root` that renders the current page: the page spins its main thread
/// and the process whose main thread gains far more CPU time than any other's is it. On a
/// busy machine the spin gets less of a CPU, so it is tried again, longer.
pub async fn tab_process(page: &allot_e2e::Page, root: u32) -> Result<u32> {
    let pids = descendants(root);
    let cpu = || -> HashMap<u32, f64> {
        pids.iter()
            .filter_map(|&pid| Some((pid, main_thread_cpu_ms(pid).ok()?)))
            .collect()
    };
    let mut grown = Vec::new();
    for spin_ms in SPINS_MS {
        let before = cpu();
        let spin = format!(
            "const end = performance.now() + {spin_ms}; while (performance.now() < end) {{}} return true;"
        );
        page.js(&spin, vec![]).await.context("spinning the page")?;
        grown = cpu()
            .into_iter()
            .filter_map(|(pid, ms)| Some((ms - before.get(&pid)?, pid)))
            .collect();
        grown.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
        if let [(first, pid), rest @ ..] = grown.as_slice() {
            let second = rest.first().map_or(0.0, |(ms, _)| *ms);
            if *first >= MIN_SPUN_MS && *first >= 3.0 * second {
                return Ok(*pid);
            }
        }
    }
    bail!("no single process of the browser ran the page's spin (main-thread CPU ms gained, pid: {grown:?})")
}

/// Ends (SIGKILL) every process below this one: the drivers and the browsers they started.
pub fn kill_descendants() {
    for pid in descendants(std::process::id()) {
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .stderr(std::process::Stdio::null())
            .status();
    }
}
