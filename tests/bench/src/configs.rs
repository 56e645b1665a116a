//! The three configurations compared: A (no extension), B (an empty content script on the
//! same matches, run_at and frames as Allot's manifest: Allot's package with only its
//! content scripts swapped for an empty file, made here from dist/) and Allot (dist/ as built).

use allot_e2e::BrowserKind;
use anyhow::{Context, Result};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Config {
    A,
    B,
    Allot,
}

impl Config {
    pub const ALL: [Config; 3] = [Config::A, Config::B, Config::Allot];

    pub fn name(self) -> &'static str {
        match self {
            Config::A => "A",
            Config::B => "B",
            Config::Allot => "Allot",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The empty content script B runs (no code at all).
const EMPTY_SCRIPT: &str = "bench-empty.js";

/// The unpacked packages of one browser: B's and Allot's (A has none).
#[derive(Clone, Debug)]
pub struct Packages {
    pub empty: PathBuf,
    pub allot: PathBuf,
}

impl Packages {
    /// Allot's package for `kind` from `dist`, and B's made from it under `out`
    /// (`empty-chrome`, `empty-firefox`).
    pub fn make(kind: BrowserKind, dist: &Path, out: &Path) -> Result<Packages> {
        let allot = dist.join(kind.dist_name());
        let allot = allot
            .canonicalize()
            .with_context(|| format!("{} is missing: run ./build.sh first", allot.display()))?;
        let empty = out.join(format!("empty-{}", kind.dist_name()));
        let _ = std::fs::remove_dir_all(&empty);
        copy_dir(&allot, &empty)?;
        std::fs::write(empty.join(EMPTY_SCRIPT), "")?;
        let path = empty.join("manifest.json");
        let mut manifest: Value = serde_json::from_str(
            &std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?,
        )
        .with_context(|| format!("parsing {}", path.display()))?;
        let scripts = manifest["content_scripts"]
            .as_array_mut()
            .context("Allot's manifest has no content_scripts")?;
        for script in scripts {
            script["js"] = json!([EMPTY_SCRIPT]);
        }
        std::fs::write(&path, serde_json::to_string_pretty(&manifest)?)?;
        Ok(Packages {
            empty: empty.canonicalize()?,
            allot,
        })
    }

    /// The package a configuration loads (`None`: no extension).
    pub fn of(&self, config: Config) -> Option<&Path> {
        match config {
            Config::A => None,
            Config::B => Some(&self.empty),
            Config::Allot => Some(&self.allot),
        }
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}
