//! Allot's own styles: every rule is scoped to Allot's prefixed classes (doubled for
//! weight) and starts from `all: initial`, so the page cannot restyle Allot's boxes and
//! Allot cannot restyle the page.

use crate::dom::make_text;
use web_sys::Document;

const CSS: &str = r#"
.allot-msgs.allot-msgs, .allot-ack.allot-ack, .allot-summary.allot-summary { all: initial; display: block; font: 13px/1.35 Arial, Helvetica, sans-serif; color: #0b0c0c; text-align: left; }
.allot-row.allot-row { all: initial; display: table-row; }
.allot-cell.allot-cell { all: initial; display: table-cell; padding: 0 2px 4px; vertical-align: top; }
.allot-tag.allot-tag { all: initial; font: inherit; font-weight: bold; color: inherit; }
.allot-icon.allot-icon { all: initial; font: inherit; color: inherit; }
.allot-msg.allot-pending { border-left-color: #505a5f; background: #f3f2f1; color: #0b0c0c; font-weight: normal; }
.allot-checklist.allot-checklist { all: initial; display: grid; grid-template-columns: repeat(2, max-content); column-gap: 14px; margin: 2px 0 0; padding: 0; list-style: none; }
.allot-checklist.allot-checklist li { all: initial; display: block; font: 12px/1.4 Arial, Helvetica, sans-serif; color: #0b0c0c; font-weight: normal; }
.allot-checklist.allot-checklist li.allot-met { color: #00703c; }
.allot-checklist.allot-checklist .allot-mark { all: initial; display: inline-block; width: 1.3em; font: inherit; color: inherit; }
.allot-msg.allot-error .allot-checklist li.allot-unmet { color: #8a1b0d; font-weight: bold; }
.allot-fold.allot-fold, .allot-unfold.allot-unfold { all: initial; display: inline-block; margin: 0 0 0 6px; padding: 0 6px; border: 1px solid #505a5f; border-radius: 3px; background: #fff; color: #0b0c0c; font: 12px/1.5 Arial, Helvetica, sans-serif; cursor: pointer; }
.allot-unfold.allot-unfold { margin: 0; }
.allot-msg.allot-msg:has(> .allot-unfold) { border-left-width: 0; background: none; padding: 0; }
.allot-suggest.allot-suggest:focus, .allot-override.allot-override:focus, .allot-fold.allot-fold:focus, .allot-unfold.allot-unfold:focus, .allot-ack-box.allot-ack-box:focus, .allot-summary.allot-summary:focus { outline: 3px solid #0b0c0c; outline-offset: 0; box-shadow: 0 0 0 6px #fd0; }
.allot-summary-link.allot-summary-link:focus { outline: 3px solid transparent; background: #fd0; color: #0b0c0c; box-shadow: 0 -2px #fd0, 0 4px #0b0c0c; text-decoration: none; }
.allot-msgs.allot-msgs:empty { display: none; }
.allot-msg.allot-msg { all: initial; display: block; margin: 3px 0 0; padding: 2px 6px; border-left: 4px solid #1d70b8; background: #f3f7fb; font: 12px/1.35 Arial, Helvetica, sans-serif; color: #0b0c0c; max-width: 32em; white-space: normal; }
.allot-msg.allot-error { border-left-color: #d4351c; background: #fdf1ef; color: #8a1b0d; font-weight: bold; }
.allot-msg.allot-warning { border-left-color: #f47738; background: #fff6ee; }
.allot-vh.allot-vh { all: initial; position: absolute !important; width: 1px !important; height: 1px !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important; }
.allot-text.allot-text { all: initial; font: inherit; color: inherit; }
.allot-suggest.allot-suggest { all: initial; display: inline-block; margin: 2px 0 0 6px; padding: 0 6px; border: 1px solid #1d70b8; border-radius: 3px; background: #fff; color: #1d70b8; font: 12px/1.5 Arial, Helvetica, sans-serif; cursor: pointer; }
.allot-ack.allot-ack { margin: 4px 0; padding: 4px 6px; border: 2px solid #f47738; background: #fff6ee; max-width: 32em; }
.allot-ack-label.allot-ack-label { all: initial; display: flex; gap: 6px; align-items: flex-start; font: 12px/1.35 Arial, Helvetica, sans-serif; color: #0b0c0c; cursor: pointer; }
.allot-ack-box.allot-ack-box { all: revert; margin: 2px 0 0; }
.allot-summary.allot-summary { margin: 0 0 10px; padding: 8px 10px; border: 4px solid #d4351c; background: #fff; }
.allot-summary-title.allot-summary-title { all: initial; display: block; font: bold 15px/1.3 Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 0 0 4px; }
.allot-summary-lead.allot-summary-lead { all: initial; display: block; font: 12px/1.35 Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 0 0 4px; }
.allot-summary-list.allot-summary-list { all: initial; display: block; margin: 0 0 6px; padding: 0 0 0 16px; list-style: disc; }
.allot-summary-list.allot-summary-list li { display: list-item; font: 12px/1.4 Arial, Helvetica, sans-serif; }
.allot-summary-link.allot-summary-link { all: initial; color: #d4351c; font: bold 12px/1.4 Arial, Helvetica, sans-serif; text-decoration: underline; cursor: pointer; }
.allot-override.allot-override { all: initial; display: inline-block; padding: 2px 8px; border: 1px solid #505a5f; border-radius: 3px; background: #f3f2f1; color: #0b0c0c; font: 12px/1.5 Arial, Helvetica, sans-serif; cursor: pointer; }
"#;

/// Adds Allot's stylesheet to the page once.
pub fn install(doc: &Document) {
    if matches!(doc.query_selector("style[data-allot-style]"), Ok(Some(_))) {
        return;
    }
    let Ok(style) = make_text(doc, "style", "", CSS) else {
        return;
    };
    let _ = style.set_attribute("data-allot-style", "");
    let parent = doc
        .head()
        .map(|h| h.into())
        .or_else(|| doc.document_element());
    if let Some(p) = parent {
        let _ = p.append_child(&style);
    }
}
