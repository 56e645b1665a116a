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
