// Starts Allot's WASM module on an extension page (popup or options): the page says
// which entry point with <body data-allot-page="popup|options">.
import init, * as allot from "./pkg/allot.js";

const page = document.body.dataset.allotPage;
init({ module_or_path: "./pkg/allot_bg.wasm" })
  .then(() => allot[`start_${page}`]())
  .catch((e) => console.warn(`allot: could not start the ${page} page: ${(e && e.message) || e}`));
