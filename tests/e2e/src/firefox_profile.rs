//! Firefox's profile for one session: a copy of a profile Firefox has already started in
//! once, made once per Firefox build under target/e2e-firefox-profiles/, so a session does
//! not pay for a new profile's first start (about 1.5 s of each test in Firefox).

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, UNIX_EPOCH};

/// How long Firefox may take to start in a new profile and quit.
const FIRST_START_PATIENCE: Duration = Duration::from_secs(60);

/// A new copy of the started profile for `binary`, in the temporary directory; the
/// caller removes it when the session ends.
pub async fn fresh_copy(binary: &str) -> Result<PathBuf> {
    static COPIES: AtomicUsize = AtomicUsize::new(0);
    let started = started_profile(binary).await?;
    let copy = std::env::temp_dir().join(format!(
        "allot-e2e-firefox-{}-{}",
        std::process::id(),
        COPIES.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&copy);
    copy_dir(&started, &copy)
        .with_context(|| format!("copying Firefox's profile {}", started.display()))?;
    Ok(copy)
}

/// The profile Firefox `binary` has started in once, made when missing. Test binaries
/// running at once may each make one: the first to rename its own into place wins.
async fn started_profile(binary: &str) -> Result<PathBuf> {
    let meta = std::fs::metadata(binary)
        .with_context(|| format!("{binary} (./build.sh test installs Firefox ESR)"))?;
    let built = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-firefox-profiles");
    let dir = root.join(format!("{}-{built}", meta.len()));
    if dir.is_dir() {
        return Ok(dir);
    }
    let work = root.join(format!("making-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(work.join("profile"))?;
    // --screenshot starts Firefox, loads the page and quits: the profile is then set up.
    let mut first = tokio::process::Command::new(binary);
    first
        .arg("--headless")
        .arg("--profile")
        .arg(work.join("profile"))
        .arg("--screenshot")
        .arg(work.join("first.png"))
        .arg("about:blank")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true);
    let status = tokio::time::timeout(FIRST_START_PATIENCE, first.status())
        .await
        .context("Firefox's first start in a new profile did not end")?
        .context("starting Firefox in a new profile")?;
    if !status.success() {
        bail!("Firefox's first start in a new profile failed: {status}");
    }
    match std::fs::rename(work.join("profile"), &dir) {
        Ok(()) => {}
        Err(_) if dir.is_dir() => {}
        Err(e) => return Err(e).context(format!("keeping the profile as {}", dir.display())),
    }
    let _ = std::fs::remove_dir_all(&work);
    Ok(dir)
}

/// Copies the files and folders under `from` into a new folder `to`, leaving out links
/// (Firefox's `lock`).
fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
