// Allot's loader: starts the Rust/WASM content script on a dashboard page. The manifest
// lists pkg/allot.js (wasm-bindgen's no-modules glue, the global `wasm_bindgen`) before
// this file. `ways` are tried in turn until one starts; if none does, the background is
// told why (the toolbar badge and the popup say "Allot cannot run on this page").
(async () => {
  const url = (path) => chrome.runtime.getURL(path);
  // The manifest runs this at document_start: the module is fetched and compiled while
  // the page parses, and Allot starts as soon as the document is parsed.
  const parsed = new Promise((resolve) => {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", resolve, { once: true });
    } else {
      resolve();
    }
  });
  const ways = [
    async function wasm() {
      await wasm_bindgen({ module_or_path: url("pkg/allot_bg.wasm") });
      return wasm_bindgen;
    },
    // The same module as JavaScript (pkg/allot_js.js, made by build.sh with wasm2js): in
    // Chromium a page whose CSP lacks 'wasm-unsafe-eval' makes compiling WASM in a content
    // script fail. Only then is the large file loaded: the background injects it into this
    // frame's isolated world, where it defines `allot_js`.
    async function js() {
      if (typeof allot_js === "undefined") {
        const r = await chrome.runtime.sendMessage({ start: "inject-js" });
        if (!r || !r.ok) throw new Error((r && r.error) || "the JS build was not loaded");
      }
      allot_js.initSync({ module: null });
      return allot_js;
    },
  ];
  const failures = [];
  for (const way of ways) {
    try {
      const m = await way();
      await parsed;
      m.start_content();
      return;
    } catch (e) {
      const why = (e && e.message) || String(e);
      console.warn(`allot: could not start (${way.name}): ${why}`);
      failures.push(`${way.name === "js" ? "JS build" : "WebAssembly"}: ${why}`);
    }
  }
  chrome.runtime.sendMessage({ start: "failed", reason: failures.join("; ") }).catch(() => {});
})();
