// Allot's guard at the page boundary (see extension/src/guard.rs), loaded before the
// module on every page Allot runs in (content scripts, popup, options). Each listener
// Allot adds to the page runs through it: whatever the listener throws (a Rust panic is
// a trap) is caught and logged once, and Allot does nothing more on this page, so the
// page's own handlers keep working.
(() => {
  if (globalThis.allotGuard) return;
  let tripped = false;
  globalThis.allotGuard = (f) =>
    function allotGuarded(...args) {
      if (tripped) return undefined;
      try {
        return f.apply(this, args);
      } catch (e) {
        tripped = true;
        // Visible in every world (the page's tests, support): Allot is off here.
        if (document.documentElement) document.documentElement.setAttribute("data-allot-stopped", "");
        // A panic has already said where it happened (never what the partner typed).
        if (!globalThis.allotStopped) {
          console.error(`allot: internal error (${(e && e.name) || "error"}); Allot has stopped on this page (the page is not affected)`);
        }
        return undefined;
      }
    };
})();
