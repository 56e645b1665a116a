// Allot's background worker: one job only, the allocation fix's runner lock. A fix runs
// in exactly one tab: the tab that claimed it, known by the tab id the browser gives
// each message (which Duplicate Tab, window.open and a second window never copy). The
// lock lives in memory and in storage.session (so a restarted worker keeps it), and every
// request is handled one after another.
const KEY = "allot.fix.runners";
let runners = null; // { jobId: tabId }
let queue = Promise.resolve();

async function load() {
  if (runners === null) {
    const got = await chrome.storage.session.get(KEY);
    runners = got[KEY] || {};
  }
  return runners;
}

async function save() {
  await chrome.storage.session.set({ [KEY]: runners });
}

async function tabAlive(tabId) {
  try {
    await chrome.tabs.get(tabId);
    return true;
  } catch (e) {
    return false;
  }
}

async function handle(msg, sender) {
  const tab = sender.tab && sender.frameId === 0 ? sender.tab.id : null;
  const r = await load();
  const job = typeof msg.job === "string" ? msg.job : null;
  switch (msg.lock) {
    case "claim": {
      // The tab becomes the runner unless another live tab already is.
      if (tab === null || job === null) return { ok: false };
      const holder = r[job];
      if (holder !== undefined && holder !== tab && (await tabAlive(holder))) {
        return { ok: false };
      }
      r[job] = tab;
      await save();
      return { ok: true };
    }
    case "mine":
      // The job this tab runs, if any.
      return { job: Object.keys(r).find((j) => r[j] === tab) || null };
    case "alive":
      // Whether a live tab runs this job.
      return { alive: r[job] !== undefined && (await tabAlive(r[job])) };
    case "release":
      if (job !== null && r[job] === tab) {
        delete r[job];
        await save();
      }
      return { ok: true };
    default:
      return undefined;
  }
}

chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  if (!msg || typeof msg.lock !== "string") return false;
  queue = queue.then(() => handle(msg, sender)).then(reply, () => reply({ ok: false }));
  return true;
});

chrome.tabs.onRemoved.addListener((tabId) => {
  queue = queue.then(async () => {
    const r = await load();
    let changed = false;
    for (const job of Object.keys(r)) {
      if (r[job] === tabId) {
        delete r[job];
        changed = true;
      }
    }
    if (changed) await save();
  });
});

// ---------------------------------------------------------------------------------------
// Starting on a page, apart from the runner lock above. The content script's loader asks
// for the fix module where it has work, or the JS build when the page refuses
// WebAssembly ("inject"), and
// says when no way started ("failed"): the tab's badge shows "!" with the reason as its
// title, and the popup asks for the reason ("status") to say "Allot can't run on this
// page: <reason>". The browser clears a tab's badge when the tab loads another page, so
// a reason counts only while its badge is still shown; storage.session keeps the reasons
// by tab for a restarted worker.
const CANT_RUN = "allot.cantRun"; // { tabId: reason }
let startQueue = Promise.resolve();

async function cantRun(change) {
  const got = await chrome.storage.session.get(CANT_RUN);
  const reasons = got[CANT_RUN] || {};
  if (change) {
    change(reasons);
    await chrome.storage.session.set({ [CANT_RUN]: reasons });
  }
  return reasons;
}

// The package's scripts a content script may ask for in its frame: the fix module, and the
// JS build where the page refuses WebAssembly.
const INJECTABLE = ["pkg/allot_fix.js", "pkg/allot_js.js"];

async function inject(tabId, frameId, file) {
  if (!INJECTABLE.includes(file)) return { ok: false, error: `${file} is not Allot's to load` };
  try {
    await chrome.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
    return { ok: true };
  } catch (e) {
    return { ok: false, error: `${file} could not be loaded: ${(e && e.message) || e}` };
  }
}

async function handleStart(msg, sender) {
  const tabId = sender.tab ? sender.tab.id : null;
  switch (msg.start) {
    case "inject":
      if (tabId === null) return { ok: false, error: "not from a tab" };
      return inject(tabId, sender.frameId, String(msg.file));
    case "failed": {
      if (tabId === null) return { ok: false };
      const reason = String(msg.reason || "no reason given").slice(0, 400);
      await cantRun((r) => {
        r[tabId] = reason;
      });
      await chrome.action.setBadgeText({ tabId, text: "!" });
      await chrome.action.setBadgeBackgroundColor({ tabId, color: "#b3261e" });
      await chrome.action.setTitle({ tabId, title: `Allot cannot run on this page: ${reason}` });
      return { ok: true };
    }
    case "status": {
      // From the popup, for the tab it is about.
      const reason = (await cantRun())[msg.tab];
      if (reason === undefined) return { reason: null };
      const badge = await chrome.action.getBadgeText({ tabId: msg.tab }).catch(() => "");
      return { reason: badge === "!" ? reason : null };
    }
    default:
      return undefined;
  }
}

chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  if (!msg || typeof msg.start !== "string") return false;
  startQueue = startQueue
    .then(() => handleStart(msg, sender))
    .then(reply, (e) => reply({ ok: false, error: String((e && e.message) || e) }));
  return true;
});

chrome.tabs.onRemoved.addListener((tabId) => {
  startQueue = startQueue
    .then(async () => {
      if ((await cantRun())[tabId] !== undefined) {
        await cantRun((r) => {
          delete r[tabId];
        });
      }
    })
    .catch(() => {});
});
