// Allot's loader on a dashboard page. It starts the form module (pkg/allot_form.js, listed
// before this file: wasm-bindgen's no-modules glue, the global `allot_form`) in every
// frame once it shows a form control, and brings in the fix module (pkg/allot_fix.js, the global `allot_fix`) only where
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

  // The document is parsed: the checks start then (or when a control first appears).
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
  // `file` is injected when it is not there yet), `wasm` its module (a URL, or a fetch
  // already under way).
  async function load(name, file, glue, wasm = url(`pkg/${name}_bg.wasm`)) {
    const failures = [];
    try {
      if (glue() === undefined) await inject(file);
      await glue()({ module_or_path: wasm });
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

  // Runs `f` once the page has loaded: a create form's fix is brought in then, so that
  // compiling it never holds up the page's load.
  function afterLoad(f) {
    if (document.readyState === "complete") f();
    else window.addEventListener("load", () => f(), { once: true });
  }

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

  // Whether the page has a control a form of Allot's could be made of; resolves when it
  // has one, even while the page is still parsing. A page without any (a list, a
  // report) gets no module until a control appears (a dialog opened later), so it costs
  // nothing there. Only the nodes each change adds are looked at: a long page that
  // parses in many pieces is not searched whole after each one.
  const CONTROLS = "input:not([type=hidden]), select, textarea";
  const holdsControl = (node) =>
    node.nodeType === Node.ELEMENT_NODE && (node.matches(CONTROLS) || node.querySelector(CONTROLS) !== null);
  function controlsAppear() {
    return new Promise((resolve) => {
      if (document.querySelector(CONTROLS)) return resolve();
      const watch = new MutationObserver((changes) => {
        if (changes.some((change) => Array.prototype.some.call(change.addedNodes, holdsControl))) {
          watch.disconnect();
          resolve();
        }
      });
      watch.observe(document, { childList: true, subtree: true });
    });
  }

  // The form module's bytes, from the content script pkg/allot_form_wasm.js (in the frame
  // from the start: no fetch to wait for).
  function formBytes() {
    const encoded = globalThis.allot_form_wasm;
    if (typeof encoded !== "string") throw new Error("pkg/allot_form_wasm.js is missing");
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(encoded);
    const text = atob(encoded);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  // The form module compiled, once however often asked. Ahead of need (while the page
  // parses, or from a press), it compiles off the main thread and whole. Needed now (a
  // form on a parsed page that nothing warned of), it compiles on the spot, each function
  // when first run: in Chromium that annotates a dialog in about two thirds of the time.
  let compiling = null;
  function compileForm(needed) {
    compiling ??= needed && document.readyState !== "loading"
      ? (async () => new WebAssembly.Module(formBytes()))()
      : (async () => WebAssembly.compile(formBytes()))();
    compiling.catch(() => {});
    return compiling;
  }

  // The partner's first press on the page (a pointer or a key) often opens a form: a menu's
  // "Add New Company" puts the create dialog on a page that had no control. The module is
  // compiled from that press on, so the dialog does not wait for it; a page no one presses
  // on compiles nothing.
  const ahead = () => compileForm(false);
  for (const kind of ["pointerdown", "keydown"]) {
    window.addEventListener(kind, ahead, { capture: true, once: true, passive: true });
  }

  (async () => {
    // Compiled as soon as the page shows a control, while the rest of it parses (the
    // manifest runs this at document_start); started once it is parsed.
    await controlsAppear();
    const compiled = compileForm(true);
    await parsed;
    const form = await load(
      "allot_form",
      "pkg/allot_form.js",
      () => (typeof allot_form === "undefined" ? undefined : allot_form),
      compiled,
    );
    // A Create is handed over at once when the fix is there (it notes what the page
    // shows before the dashboard answers); it is brought in once a create form is found
    // and the page has loaded, so only a Create faster than that waits for it.
    form.start_content(() => afterLoad(bringFixQuietly), (record) => {
      if (fixReady) fixReady.fix_sent(record);
      else bringFix().then((m) => m.fix_sent(record), () => {});
    });
  })().catch(() => {});

  if (top) {
    // Said on the page for whoever checks that Allot has looked (the fix module says
    // "looked" once it has shown what it has); nothing else reads it.
    // Firefox has been seen to leave a storage read made while the page starts unanswered
    // for good (the page loading as another tab opened from it): then it is asked again
    // once the page has loaded, and again a second later, until one answers.
    let answered = false;
    const look = () =>
      fixHasWork().then((work) => {
        if (answered) return;
        answered = true;
        if (work) bringFixQuietly();
        else parsed.then(() => fix === null && document.documentElement.setAttribute("data-allot-fix-state", "idle"));
      }, () => {});
    look();
    afterLoad(function again() {
      if (answered) return;
      look();
      setTimeout(again, 1000);
    });
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
