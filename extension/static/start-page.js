// Starts Allot's fix module on an extension page (popup or options): the page loads
// pkg/allot_fix.js (wasm-bindgen's no-modules glue, the global `allot_fix`) first and says
// which entry point with <body data-allot-page="popup|options">.
(() => {
  const page = document.body.dataset.allotPage;
  allot_fix({ module_or_path: "pkg/allot_fix_bg.wasm" })
    .then(() => allot_fix[`start_${page}`]())
    .catch((e) => console.warn(`allot: could not start the ${page} page: ${(e && e.message) || e}`));
})();
