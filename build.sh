#!/usr/bin/env bash
# Allot's one build script. `./build.sh` sets up a fresh machine (wasm32 target, pinned
# wasm-bindgen-cli and wasm-opt in .tools/) and builds dist/chrome, dist/firefox and
# their zips. `./build.sh test` also installs the test browsers and tools (Chromium and
# Firefox ESR from Debian, geckodriver and web-ext pinned in .tools/), lints dist/firefox
# and runs every test, the end-to-end suite once per browser.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
TOOLS="$ROOT/.tools"
BINARYEN_VERSION=132.0.0
GECKODRIVER_VERSION=0.37.1
WEB_EXT_VERSION=10.7.0
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
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian's ${missing[*]}"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
  fi
  if [ "$("$TOOLS/bin/geckodriver" --version 2>/dev/null | awk 'NR == 1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION into .tools (a few minutes, once)"
    cargo install --root "$TOOLS" geckodriver --version "$GECKODRIVER_VERSION" --force
  fi
  if [ "$("$TOOLS/node_modules/.bin/web-ext" --version 2>/dev/null)" != "$WEB_EXT_VERSION" ]; then
    say "installing web-ext $WEB_EXT_VERSION (npm) into .tools"
    mkdir -p "$TOOLS"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" "web-ext@$WEB_EXT_VERSION"
  fi
}

build() {
  setup_build_tools
  say "building the WASM module (release)"
  cargo build -p allot-extension --release --target wasm32-unknown-unknown
  local pkg="$ROOT/target/allot-pkg"
  rm -rf "$pkg" && mkdir -p "$pkg"
  # no-modules: a classic script (the global `wasm_bindgen`) that the manifest lists as a
  # content script before content.js and the extension pages load with <script>.
  "$TOOLS/bin/wasm-bindgen" --target no-modules --no-typescript --out-name allot --out-dir "$pkg" \
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

# Fails on any error or warning the Firefox add-on linter reports for dist/firefox.
lint_firefox() {
  say "web-ext lint $WEB_EXT_VERSION on dist/firefox (errors and warnings fail)"
  NO_UPDATE_NOTIFIER=1 "$TOOLS/node_modules/.bin/web-ext" lint --source-dir dist/firefox \
    --warnings-as-errors --no-config-discovery
}

browser_version() {
  case "$1" in
    chromium) chromium --version 2>/dev/null | head -1 ;;
    firefox) firefox-esr --version 2>/dev/null | head -1 ;;
  esac
}

# The summary of `test result:` lines in a log: "N passed, N failed, N skipped".
count_results() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) {
         if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i } }
       END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$1"
}

run_tests() {
  setup_test_tools
  build
  lint_firefox
  local log
  log=$(mktemp)
  say "core and replica tests (native)"
  cargo test -p allot-core -p allot-replica 2>&1 | tee -a "$log"
  say "extension tests (wasm, headless Chromium)"
  CHROMEDRIVER=$(command -v chromedriver) \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="$TOOLS/bin/wasm-bindgen-test-runner" \
    cargo test -p allot-extension --target wasm32-unknown-unknown 2>&1 | tee -a "$log"
  say "building the end-to-end tests"
  cargo test -p allot-e2e --no-run
  # The same test binaries once per browser; a failure in one browser still runs the other.
  local browser dist blog t0 failed=0 results=()
  for browser in chromium firefox; do
    dist=chrome
    [ "$browser" = firefox ] && dist=firefox
    say "end-to-end tests in $(browser_version $browser) (headless, extension from dist/$dist, dashboard replica)"
    blog=$(mktemp)
    t0=$(date +%s)
    ALLOT_E2E_BROWSER=$browser ALLOT_DIST="$ROOT/dist/$dist" GECKODRIVER="$TOOLS/bin/geckodriver" \
      cargo test -p allot-e2e --no-fail-fast -- --test-threads=1 2>&1 | tee "$blog" || failed=1
    results+=("$browser: $(count_results "$blog") in $(( $(date +%s) - t0 )) s")
    cat "$blog" >> "$log"
    rm -f "$blog"
  done
  for r in "${results[@]}"; do say "end-to-end $r"; done
  if [ "$failed" = 0 ]; then
    say "all tests passed in $(( $(date +%s) - START )) s"
  else
    say "end-to-end tests failed ($(( $(date +%s) - START )) s)"
  fi
  # One closing line for the whole run, summed over every test binary above.
  echo "summary: $(count_results "$log")"
  rm -f "$log"
  return "$failed"
}

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  *) echo "usage: ./build.sh [test]" >&2; exit 2 ;;
esac
