// Allot's loader on a dashboard page. It starts the form module (pkg/allot_form.js, listed
// before this file: wasm-bindgen's no-modules glue, the global `allot_form`) in every
// frame, and brings in the fix module (pkg/allot_fix.js, the global `allot_fix`) only where
// it has work: a create form in this frame (ready before its Create), a fix or an
// unanswered Create in storage, or a question from the popup. Each module is tried as
// WebAssembly, then as the JS build (pkg/allot_js.js, both modules in one, the global
// `allot_js`) where the page's CSP refuses WebAssembly; if neither starts, the background
// is told why (the toolbar badge and the popup say "Allot cannot run on this page").
(() => {
  const url = (path) => chrome.runtime.getURL(path);
  const top = window === window.top;
  // The storage keys that mean the fix has work in this tab (fix/store.rs FIXES_KEY and
  // SENT_KEY; extension/tests/loader.rs checks they match).
  const FIXES_KEY = "allot.fixes";
  const SENT_KEY = "allot.sent_create";

  // The manifest runs this at document_start: the module is fetched and compiled while
  // the page parses, and the checks start as soon as the document is parsed.
  const parsed = new Promise((resolve) => {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", resolve, { once: true });
    } else {
      resolve();
    }
  });

  // Asks the background to run one of the package's scripts in this frame's isolated world.
  async function inject(file) {
    const r = await chrome.runtime.sendMessage({ start: "inject", file });
    if (!r || !r.ok) throw new Error((r && r.error) || `${file} was not loaded`);
  }

  // The JS build, loaded and started once however many modules need it.
  let jsBuild = null;
  function js() {
    jsBuild ??= (async () => {
      if (typeof allot_js === "undefined") await inject("pkg/allot_js.js");
      allot_js.initSync({ module: null });
      return allot_js;
    })();
    return jsBuild;
  }

  // A module started one way or the other: `glue()` is its wasm-bindgen global (after
  // `file` is injected when it is not there yet).
  async function load(name, file, glue) {
    const failures = [];
    try {
      if (glue() === undefined) await inject(file);
      await glue()({ module_or_path: url(`pkg/${name}_bg.wasm`) });
      return glue();
    } catch (e) {
      failures.push(`WebAssembly: ${(e && e.message) || e}`);
      console.warn(`allot: could not start ${name} as WebAssembly: ${failures[0]}`);
    }
    try {
      return await js();
    } catch (e) {
      failures.push(`JS build: ${(e && e.message) || e}`);
      console.warn(`allot: could not start ${name}: ${failures.join("; ")}`);
      chrome.runtime.sendMessage({ start: "failed", reason: failures.join("; ") }).catch(() => {});
      throw e;
    }
  }

  // The fix module, brought in once (`fixReady` once it has started); in the top frame
  // it starts the fix there.
  let fix = null;
  let fixReady = null;
  function bringFix() {
    fix ??= load("allot_fix", "pkg/allot_fix.js", () =>
      typeof allot_fix === "undefined" ? undefined : allot_fix,
    ).then((m) => {
      if (top) m.start_fix();
      fixReady = m;
      return m;
    });
    return fix;
  }
  const bringFixQuietly = () => bringFix().catch(() => {});

  // Whether storage holds work for the fix: an unanswered Create, or a fix that is not
  // done (running, or waiting for the partner and not put off).
  async function fixHasWork() {
    const got = await chrome.storage.local.get([FIXES_KEY, SENT_KEY]);
    const fixes = Array.isArray(got[FIXES_KEY]) ? got[FIXES_KEY] : [];
    return (
      got[SENT_KEY] != null ||
      fixes.some((j) => j && j.status !== "done" && (j.status === "running" || !j.dismissed))
    );
  }

  (async () => {
    const form = await load("allot_form", "pkg/allot_form.js", () =>
      typeof allot_form === "undefined" ? undefined : allot_form,
    );
    await parsed;
    // A Create is handed over at once when the fix is there (it notes what the page
    // shows before the dashboard answers); it is brought in with the create form, so
    // only a Create faster than that waits for it.
    form.start_content(bringFixQuietly, (record) => {
      if (fixReady) fixReady.fix_sent(record);
      else bringFix().then((m) => m.fix_sent(record), () => {});
    });
  })().catch(() => {});

  if (top) {
    fixHasWork().then((work) => work && bringFixQuietly(), () => {});
    chrome.storage.onChanged.addListener((changes, area) => {
      if (fix === null && area === "local" && (FIXES_KEY in changes || SENT_KEY in changes)) {
        fixHasWork().then((work) => work && bringFixQuietly(), () => {});
      }
    });
    // The popup's questions ("is this a dashboard?", "start this fix here").
    chrome.runtime.onMessage.addListener((message, _sender, reply) => {
      if (!message || typeof message.kind !== "string") return false;
      bringFix()
        .then((m) => m.answer_popup(message))
        .then(reply, () => reply(undefined));
      return true;
    });
  }
})();
