// Allot's probe, run in the current tab only when the partner opens Allot's popup there
// (activeTab): does this page look like the partner dashboard's log-on or create form?
// Its last value is the answer; it reads labels and button texts, nothing else.
(() => {
  const norm = (t) => (t || "").replace(/\s+/g, " ").trim().toLowerCase().replace(/[:*?]+$/, "").trim();
  const texts = new Set(
    [...document.querySelectorAll("label, td, th, span, div, p, legend, button, a, input[type=submit], input[type=button]")]
      .filter((e) => e.childElementCount === 0 || e.tagName === "LABEL")
      .map((e) => norm(e.value || e.textContent))
  );
  const has = (t) => texts.has(t);
  const logOn = (has("user name") || has("username")) && has("password") &&
    (has("log on") || has("logon") || has("log in") || has("sign in"));
  const create = has("company name") && (has("quota in gb") || has("username") || has("password"));
  return logOn || create;
})();
