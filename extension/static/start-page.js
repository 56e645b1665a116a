// Starts Allot's WASM module on an extension page (popup or options): the page loads
// pkg/allot.js (wasm-bindgen's no-modules glue, the global `wasm_bindgen`) first and says
// which entry point with <body data-allot-page="popup|options">.
(() => {
  const page = document.body.dataset.allotPage;
  wasm_bindgen({ module_or_path: "pkg/allot_bg.wasm" })
    .then(() => wasm_bindgen[`start_${page}`]())
    .catch((e) => console.warn(`allot: could not start the ${page} page: ${(e && e.message) || e}`));
})();
