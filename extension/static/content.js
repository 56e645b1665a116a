// Allot's loader: starts the Rust/WASM content script on a dashboard page. The manifest
// lists pkg/allot.js (wasm-bindgen's no-modules glue, the global `wasm_bindgen`) before
// this file. `ways` is the seam for a second way of running the same module (a JS build
// for pages whose CSP blocks WASM in Chromium): each is tried in turn until one starts.
(async () => {
  const url = (path) => chrome.runtime.getURL(path);
  const ways = [
    async function wasm() {
      await wasm_bindgen({ module_or_path: url("pkg/allot_bg.wasm") });
      return wasm_bindgen;
    },
  ];
  for (const way of ways) {
    try {
      const m = await way();
      m.start_content();
      return;
    } catch (e) {
      console.warn(`allot: could not start (${way.name}): ${(e && e.message) || e}`);
    }
  }
})();
