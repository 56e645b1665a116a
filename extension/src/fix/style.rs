//! The allocation fix panel's stylesheet, added to the page once by the panel: every rule
//! is scoped to Allot's prefixed classes (doubled for weight) and starts from
//! `all: initial`, so the page cannot restyle the panel and the panel cannot restyle the
//! page. Each state has a word and an icon besides its colour; focus shows a black ring
//! with a yellow halo (GOV.UK's colours).

use crate::dom::make_text;
use web_sys::Document;

/// The attribute that marks the installed stylesheet.
const MARK: &str = "data-allot-fix-style";

const FONT: &str = "font: 13px/1.4 Arial, Helvetica, sans-serif; color: #0b0c0c;";

const CSS: &str = r#"
.allot-panel.allot-panel { all: initial; position: fixed; left: 16px; bottom: 16px; z-index: 2147483000; display: flex; flex-direction: column; align-items: flex-start; max-width: calc(100vw - 32px); FONT }
.allot-panel.allot-panel[hidden], .allot-panel.allot-panel [hidden] { display: none !important; }
.allot-live.allot-live, .allot-hide.allot-hide { all: initial; position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.allot-icon.allot-icon { all: initial; display: inline-block; min-width: 1.1em; font: inherit; color: inherit; text-align: center; }
.allot-pill.allot-pill { all: initial; display: inline-flex; align-items: center; gap: 4px; padding: 5px 14px 5px 10px; background: #fff; border: 2px solid #1d70b8; border-radius: 999px; box-shadow: 0 2px 6px rgba(0,0,0,.3); font: bold 13px/1.4 Arial, Helvetica, sans-serif; color: #0b0c0c; cursor: pointer; }
.allot-pill.allot-pill-done { border-color: #00703c; }
.allot-pill.allot-pill-failed { border-color: #d4351c; }
.allot-card.allot-card { all: initial; display: flex; flex-direction: column; box-sizing: border-box; width: 360px; max-width: 100%; max-height: calc(100vh - 32px); background: #fff; border: 2px solid #0b0c0c; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.3); FONT }
.allot-card-head.allot-card-head { all: initial; display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 4px 4px 4px 12px; background: #f3f2f1; border-bottom: 1px solid #b1b4b6; FONT }
.allot-card-title.allot-card-title { all: initial; display: block; font: bold 16px/1.3 Arial, Helvetica, sans-serif; color: #0b0c0c; }
.allot-close.allot-close { all: initial; display: inline-block; min-width: 28px; height: 28px; padding: 0 6px; box-sizing: border-box; border: 1px solid transparent; border-radius: 3px; font: bold 20px/26px Arial, Helvetica, sans-serif; color: #0b0c0c; text-align: center; cursor: pointer; }
.allot-close.allot-close:hover { border-color: #505a5f; background: #fff; }
.allot-card-body.allot-card-body { all: initial; display: block; overflow: auto; padding: 0 12px; FONT }
.allot-box.allot-box { all: initial; display: block; margin: 10px 0; padding: 0 0 0 10px; border-left: 5px solid #1d70b8; FONT }
.allot-box.allot-box + .allot-box { padding-top: 10px; border-top: 1px solid #b1b4b6; }
.allot-box.allot-done { border-left-color: #00703c; }
.allot-box.allot-failed { border-left-color: #d4351c; }
.allot-box.allot-progress { border-left-color: #505a5f; }
.allot-box-head.allot-box-head { all: initial; display: block; margin: 0 0 4px; font: bold 14px/1.4 Arial, Helvetica, sans-serif; color: #0b0c0c; }
.allot-retry.allot-retry { all: initial; display: block; margin: 8px 0 6px; padding: 8px 0 0; border-top: 1px dashed #b1b4b6; FONT }
.allot-retry-head.allot-retry-head { all: initial; display: block; margin: 0 0 4px; font: bold 13px/1.4 Arial, Helvetica, sans-serif; color: #0b0c0c; }
.allot-box.allot-box p, .allot-box.allot-box li { all: initial; display: block; margin: 0 0 6px; font: inherit; color: inherit; }
.allot-box.allot-box ol { all: initial; display: block; margin: 0 0 6px; padding: 0 0 0 20px; list-style: decimal; font: inherit; color: inherit; }
.allot-box.allot-box li { display: list-item; margin: 0 0 2px; list-style: inherit; }
.allot-box.allot-box ol.allot-step-list { padding: 0; list-style: none; }
.allot-step.allot-step-todo { color: #505a5f !important; }
.allot-step.allot-step-now { font-weight: bold !important; }
.allot-box-title.allot-box-title { font-weight: bold !important; }
.allot-box-note.allot-box-note { font-size: 12px !important; color: #505a5f !important; }
.allot-box-field.allot-box-field { all: initial; display: block; margin: 0 0 6px; FONT }
.allot-box-input.allot-box-input { all: revert; width: 6em; }
.allot-box-msgs.allot-box-msgs { all: initial; display: block; FONT }
.allot-box-msgs.allot-box-msgs:empty { display: none; }
.allot-box-msg.allot-box-msg { all: initial; display: block; margin: 0 0 6px; padding: 2px 6px; border-left: 4px solid #1d70b8; background: #f3f7fb; font: 12px/1.35 Arial, Helvetica, sans-serif; color: #0b0c0c; }
.allot-box-msg.allot-box-msg-error { border-left-color: #d4351c; background: #fdf1ef; color: #8a1b0d; }
.allot-box-msg.allot-box-msg-warning { border-left-color: #f47738; background: #fff6ee; }
.allot-box-word.allot-box-word { all: initial; font: inherit; font-weight: bold; color: inherit; }
.allot-button.allot-button { all: initial; display: inline-block; margin: 0 6px 6px 0; padding: 3px 10px; border: 1px solid #1d70b8; border-radius: 3px; background: #1d70b8; color: #fff; font: bold 13px/1.5 Arial, Helvetica, sans-serif; cursor: pointer; }
.allot-button.allot-button-quiet { background: #fff; color: #1d70b8; font-weight: normal; }
.allot-button.allot-button[disabled] { opacity: .5; cursor: default; }
.allot-button.allot-button:focus, .allot-pill.allot-pill:focus, .allot-close.allot-close:focus, .allot-box-input.allot-box-input:focus, .allot-card-title.allot-card-title:focus { outline: 3px solid #0b0c0c; outline-offset: 0; box-shadow: 0 0 0 6px #fd0; }
"#;

/// Adds the panel's stylesheet to the page, once.
pub fn install(doc: &Document) {
    if matches!(doc.query_selector(&format!("style[{MARK}]")), Ok(Some(_))) {
        return;
    }
    let css = CSS.replace("FONT", FONT);
    let Ok(style) = make_text(doc, "style", "", &css) else {
        return;
    };
    let _ = style.set_attribute(MARK, "");
    let parent = doc
        .head()
        .map(Into::into)
        .or_else(|| doc.document_element());
    if let Some(p) = parent {
        let _ = p.append_child(&style);
    }
}
