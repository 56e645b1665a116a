//! The machine a run came from: CPUs, CPU model, load average, browser versions, and the
//! sizes of the built module's files.

use std::path::Path;
use std::process::Command;

/// The number of CPUs this process may use.
pub fn cpus() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The first "model name" in /proc/cpuinfo.
pub fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, model)| model.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

/// The 1, 5 and 15 minute load averages, as /proc/loadavg says them.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "unknown".into())
}

/// What `program --version` prints first, or why nothing.
pub fn version(program: &str) -> String {
    match Command::new(program).arg("--version").output() {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string(),
        Ok(out) => format!("{program}: exit {}", out.status),
        Err(e) => format!("{program}: {e}"),
    }
}

/// A file's size raw and compressed with `gzip -9`, in bytes (`None` where missing).
pub fn sizes(path: &Path) -> Option<(u64, u64)> {
    let raw = std::fs::metadata(path).ok()?.len();
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .ok()?;
    out.status
        .success()
        .then_some((raw, out.stdout.len() as u64))
}
