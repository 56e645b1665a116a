#!/usr/bin/env bash
# Allot's one build script. `./build.sh` sets up a fresh machine (wasm32 target, pinned
# wasm-bindgen-cli and wasm-opt in .tools/) and builds dist/chrome, dist/firefox and
# their zips. `./build.sh test` also installs the test browsers and runs every test.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
TOOLS="$ROOT/.tools"
BINARYEN_VERSION=132.0.0
# The WASM features Rust emits for wasm32 today, named one by one: --all-features would
# let wasm-opt use proposals (compact imports) that Chromium 156 does not accept.
WASM_FEATURES="--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types --enable-call-indirect-overlong"
START=$(date +%s)

say() { printf '==> %s\n' "$*"; }

# The wasm-bindgen CLI must equal the crate's version in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup_build_tools() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want
  want=$(wasm_bindgen_version)
  if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want into .tools (a few minutes, once)"
    cargo install --root "$TOOLS" wasm-bindgen-cli --version "$want" --force
  fi
  if [ ! -x "$TOOLS/node_modules/.bin/wasm-opt" ]; then
    say "installing wasm-opt (npm binaryen $BINARYEN_VERSION) into .tools"
    mkdir -p "$TOOLS"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION"
  fi
}

setup_test_tools() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
  fi
}

build() {
  setup_build_tools
  say "building the WASM module (release)"
  cargo build -p allot-extension --release --target wasm32-unknown-unknown
  local pkg="$ROOT/target/allot-pkg"
  rm -rf "$pkg" && mkdir -p "$pkg"
  "$TOOLS/bin/wasm-bindgen" --target web --no-typescript --out-name allot --out-dir "$pkg" \
    target/wasm32-unknown-unknown/release/allot_extension.wasm
  "$TOOLS/node_modules/.bin/wasm-opt" -Oz $WASM_FEATURES --strip-debug --strip-producers \
    "$pkg/allot_bg.wasm" -o "$pkg/allot_bg.wasm"

  say "packaging dist/chrome and dist/firefox"
  rm -rf dist && mkdir -p dist
  for browser in chrome firefox; do
    local out="dist/$browser"
    mkdir -p "$out/pkg"
    cp -r extension/static/. "$out/"
    cp "$pkg/allot.js" "$pkg/allot_bg.wasm" "$out/pkg/"
    python3 extension/package_manifest.py "$browser" manifest.json "$out/manifest.json"
    (cd "$out" && python3 -m zipfile -c "../allot-$browser.zip" ./*)
  done
  local raw gz
  raw=$(stat -c %s "$pkg/allot_bg.wasm")
  gz=$(gzip -9 -c "$pkg/allot_bg.wasm" | wc -c)
  say "WASM size: $raw bytes raw, $gz bytes gzipped"
  say "built dist/chrome (load it unpacked), dist/allot-chrome.zip, dist/allot-firefox.zip"
}

run_tests() {
  setup_test_tools
  build
  local log
  log=$(mktemp)
  say "core and replica tests (native)"
  cargo test -p allot-core -p allot-replica 2>&1 | tee -a "$log"
  say "extension tests (wasm, headless Chromium)"
  CHROMEDRIVER=$(command -v chromedriver) \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="$TOOLS/bin/wasm-bindgen-test-runner" \
    cargo test -p allot-extension --target wasm32-unknown-unknown 2>&1 | tee -a "$log"
  say "end-to-end tests in $(chromium --version 2>/dev/null | head -1) (headless, extension from dist/chrome, dashboard replica)"
  ALLOT_DIST="$ROOT/dist/chrome" cargo test -p allot-e2e -- --test-threads=1 2>&1 | tee -a "$log"
  say "all tests passed in $(( $(date +%s) - START )) s"
  # One closing line for the whole run, summed over every test binary above.
  awk '/^test result:/ { for (i = 1; i <= NF; i++) {
         if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i } }
       END { printf "summary: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
  rm -f "$log"
}

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  *) echo "usage: ./build.sh [test]" >&2; exit 2 ;;
esac
