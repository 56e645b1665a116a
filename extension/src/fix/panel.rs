//! The fix's panel on the dashboard: an `<aside aria-label="Allot">` fixed at the bottom
//! left, clear of the grids' gear and Actions column at their right edge. Its boxes sit
//! under one "Allot" heading with a close button; closed (or Esc), the panel folds to a
//! small pill that says what waits inside ("Allot: 1 fix waiting") and unfolds on click
//! or Enter. Folding never cancels or loses anything, and is remembered for the tab. One
//! polite live region says each new state in one line.

use super::style;
use crate::dom::{append_text, make};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, FocusEvent, HtmlElement, KeyboardEvent};

/// The panel's root (also a stable hook for tests).
const ROOT: &str = "data-allot-fix-panel";
/// Each part of the panel carries this attribute, its value the part's name.
const PART: &str = "data-allot-panel-part";
/// On the root while the panel is folded.
const FOLDED: &str = "data-allot-folded";
/// Where the fold is remembered for the tab (the page's sessionStorage; no user data).
const FOLD_KEY: &str = "allot.panel.folded";
/// The state line the live region last said or is about to say.
const SAID: &str = "data-allot-said";
/// Text waiting for the live region (set a moment after the region exists, or screen
/// readers miss it).
const PENDING: &str = "data-allot-pending";
/// Each box's one-line summary, for the live region.
pub const LINE: &str = "data-allot-line";
/// How long the live region waits before it speaks.
const SAY_DELAY_MS: u32 = 150;

/// The kinds of box, in the order the live region and the pill rank them.
const KINDS: [(&str, &str); 4] = [
    ("data-allot-resize-failed", "failed"),
    ("data-allot-resize-done", "done"),
    ("data-allot-resize-progress", "progress"),
    ("data-allot-resize-offer", "offer"),
];

thread_local! {
    /// The page's element that had focus before focus entered the panel, for Esc to give
    /// it back. Only set and taken, never borrowed across a DOM call.
    static RETURN_FOCUS: RefCell<Option<Element>> = const { RefCell::new(None) };
}

fn root(doc: &Document) -> Option<Element> {
    doc.query_selector(&format!("[{ROOT}]")).ok().flatten()
}

fn part(root: &Element, name: &str) -> Option<Element> {
    root.query_selector(&format!("[{PART}=\"{name}\"]"))
        .ok()
        .flatten()
}

fn make_part(doc: &Document, tag: &str, class: &str, name: &str) -> Result<Element, JsValue> {
    let el = make(doc, tag, class)?;
    el.set_attribute(PART, name)?;
    Ok(el)
}

/// The element that holds the boxes, making the panel (and its stylesheet) the first
/// time.
pub fn boxes(doc: &Document) -> Result<Element, JsValue> {
    if let Some(body) = root(doc).and_then(|r| part(&r, "body")) {
        return Ok(body);
    }
    style::install(doc);
    let aside = make(doc, "aside", "allot-panel")?;
    aside.set_attribute(ROOT, "")?;
    aside.set_attribute("aria-label", "Allot")?;
    aside.set_attribute("hidden", "")?;
    if remembered_folded() {
        aside.set_attribute(FOLDED, "")?;
    }
    let live = make_part(doc, "div", "allot-live", "live")?;
    live.set_attribute("aria-live", "polite")?;
    aside.append_child(&live)?;

    let pill = make_part(doc, "button", "allot-pill", "pill")?;
    pill.set_attribute("type", "button")?;
    pill.set_attribute("aria-expanded", "false")?;
    pill.set_attribute("aria-controls", "allot-fix-card")?;
    pill.set_attribute("title", "Show Allot")?;
    aside.append_child(&pill)?;

    let card = make_part(doc, "div", "allot-card", "card")?;
    card.set_attribute("id", "allot-fix-card")?;
    let head = make(doc, "div", "allot-card-head")?;
    let title = append_text(doc, &head, "h2", "allot-card-title", "Allot")?;
    title.set_attribute(PART, "title")?;
    title.set_attribute("tabindex", "-1")?;
    let close = make_part(doc, "button", "allot-close", "close")?;
    close.set_attribute("type", "button")?;
    close.set_attribute("aria-label", "Close Allot")?;
    close.set_attribute(
        "title",
        "Close: Allot folds to a small button here; nothing is cancelled",
    )?;
    close.set_text_content(Some("\u{00d7}"));
    head.append_child(&close)?;
    card.append_child(&head)?;
    let body = make_part(doc, "div", "allot-card-body", "body")?;
    card.append_child(&body)?;
    aside.append_child(&card)?;

    listen(&aside)?;
    let parent: web_sys::Node = match doc.body() {
        Some(b) => b.into(),
        None => doc.document_element().ok_or("no page")?.into(),
    };
    parent.append_child(&aside)?;
    Ok(body)
}

/// Brings the panel up to date with its boxes: hidden when it has none, the pill's text,
/// and the live region's line when the state changed.
pub fn refresh(doc: &Document) {
    let Some(aside) = root(doc) else {
        return;
    };
    let (Some(body), Some(pill), Some(card)) = (
        part(&aside, "body"),
        part(&aside, "pill"),
        part(&aside, "card"),
    ) else {
        return;
    };
    let boxes = children(&body);
    let _ = if boxes.is_empty() {
        aside.set_attribute("hidden", "")
    } else {
        aside.remove_attribute("hidden")
    };
    let folded = aside.has_attribute(FOLDED);
    let _ = if folded {
        card.set_attribute("hidden", "")
    } else {
        card.remove_attribute("hidden")
    };
    let _ = if folded {
        pill.remove_attribute("hidden")
    } else {
        pill.set_attribute("hidden", "")
    };
    // A failure that holds its own "try again" needs no Dismiss of its own: "Not now"
    // or the fix's start takes the box away; the report stays until then.
    for b in &boxes {
        if b.has_attribute("data-allot-resize-failed") {
            let retry = matches!(b.query_selector("[data-allot-resize-offer]"), Ok(Some(_)));
            if let Ok(Some(dismiss)) = b.query_selector(":scope > [data-allot-dismiss]") {
                let _ = if retry {
                    dismiss.set_attribute("hidden", "")
                } else {
                    dismiss.remove_attribute("hidden")
                };
            }
        }
    }
    let (text, kind) = pill_text(&boxes);
    if pill.get_attribute("data-allot-text").as_deref() != Some(text.as_str()) {
        pill.set_text_content(None);
        let icon = append_text(doc, &pill, "span", "allot-icon", icon(kind));
        if let Ok(icon) = icon {
            let _ = icon.set_attribute("aria-hidden", "true");
        }
        let _ = append_text(doc, &pill, "span", "", &text);
        let _ = pill.set_attribute("data-allot-text", &text);
        let _ = pill.set_attribute("class", &format!("allot-pill allot-pill-{kind}"));
    }
    if let Some(line) = state_line(&boxes) {
        if let Some(live) = part(&aside, "live") {
            if live.get_attribute(SAID).as_deref() != Some(line.as_str()) {
                let _ = live.set_attribute(SAID, &line);
                say_in(&live, &line);
            }
        }
    }
}

/// Says `text` once in the panel's live region (a message about the offer's size).
pub fn say(doc: &Document, text: &str) {
    if let Some(live) = root(doc).and_then(|r| part(&r, "live")) {
        say_in(&live, text);
    }
}

fn say_in(live: &Element, text: &str) {
    let scheduled = live.has_attribute(PENDING);
    let _ = live.set_attribute(PENDING, text);
    if scheduled {
        return;
    }
    let live = live.clone();
    Timeout::new(SAY_DELAY_MS, move || {
        let text = live.get_attribute(PENDING).unwrap_or_default();
        let _ = live.remove_attribute(PENDING);
        if live.text_content().as_deref() != Some(text.as_str()) {
            live.set_text_content(Some(&text));
        }
    })
    .forget();
}

/// The boxes directly in the panel's body (a "try again" inside a failure is part of it).
fn children(body: &Element) -> Vec<Element> {
    let list = body.children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

fn kind_of(b: &Element) -> &'static str {
    KINDS
        .iter()
        .find(|(attr, _)| b.has_attribute(attr))
        .map(|(_, kind)| *kind)
        .unwrap_or("offer")
}

fn icon(kind: &str) -> &'static str {
    match kind {
        "failed" => "\u{26a0}",
        "done" => "\u{2713}",
        "progress" => "\u{2026}",
        _ => "\u{21bb}",
    }
}

/// "Allot: resizing, step 3 of 6", "Allot: done, 1 fix waiting", and the kind that leads.
fn pill_text(boxes: &[Element]) -> (String, &'static str) {
    let count = |kind: &str| boxes.iter().filter(|b| kind_of(b) == kind).count();
    let mut parts = Vec::new();
    let mut lead = None;
    for kind in ["progress", "failed", "done", "offer"] {
        let n = count(kind);
        if n == 0 {
            continue;
        }
        lead.get_or_insert(kind);
        parts.push(match kind {
            "progress" => {
                let step = boxes
                    .iter()
                    .find(|b| kind_of(b) == "progress")
                    .and_then(|b| b.get_attribute("data-allot-step"))
                    .unwrap_or_default();
                format!("resizing\u{2026} step {step} of 6")
            }
            "failed" => "fix stopped".to_string(),
            "done" => "done".to_string(),
            _ if n == 1 => "1 fix waiting".to_string(),
            _ => format!("{n} fixes waiting"),
        });
    }
    (
        format!("Allot: {}", parts.join(", ")),
        lead.unwrap_or("offer"),
    )
}

/// The line the live region says for the panel's state: the leading box's own line.
fn state_line(boxes: &[Element]) -> Option<String> {
    for (_, kind) in KINDS {
        let of_kind: Vec<&Element> = boxes.iter().filter(|b| kind_of(b) == kind).collect();
        match of_kind.as_slice() {
            [] => continue,
            [one] => return one.get_attribute(LINE),
            many if kind == "offer" => {
                return Some(format!("Allot: {} fixes waiting.", many.len()));
            }
            [first, ..] => return first.get_attribute(LINE),
        }
    }
    None
}

fn remembered_folded() -> bool {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item(FOLD_KEY).ok().flatten())
        .is_some()
}

fn remember_folded(folded: bool) {
    let Some(storage) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) else {
        return;
    };
    let _ = if folded {
        storage.set_item(FOLD_KEY, "1")
    } else {
        storage.remove_item(FOLD_KEY)
    };
}

fn focus(el: &Element) {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}

/// Folds the panel to its pill. Focus, if it was inside, goes back to where it was
/// before it entered the panel (`give_back`, when that is known and still on the page),
/// else to the pill.
fn fold(doc: &Document, aside: &Element, give_back: bool) {
    let had_focus = doc
        .active_element()
        .is_some_and(|a| aside.contains(Some(a.as_ref())));
    let _ = aside.set_attribute(FOLDED, "");
    remember_folded(true);
    refresh(doc);
    if !had_focus {
        return;
    }
    let back = if give_back {
        RETURN_FOCUS.with(|r| r.borrow_mut().take())
    } else {
        None
    };
    match back.filter(|b| b.is_connected()) {
        Some(b) => focus(&b),
        None => {
            if let Some(pill) = part(aside, "pill") {
                focus(&pill);
            }
        }
    }
}

/// Unfolds the panel and puts focus on its heading.
fn unfold(doc: &Document, aside: &Element) {
    let _ = aside.remove_attribute(FOLDED);
    remember_folded(false);
    refresh(doc);
    if let Some(title) = part(aside, "title") {
        focus(&title);
    }
}

/// The panel's own listeners: the pill and the close button, Esc, and where focus came
/// from. None of them changes any data.
fn listen(aside: &Element) -> Result<(), JsValue> {
    let click = Closure::<dyn Fn(Event)>::new(|ev: Event| {
        let (Some(doc), Some(el)) = (crate::dom::document(), crate::dom::event_element(&ev)) else {
            return;
        };
        let Some(aside) = root(&doc) else {
            return;
        };
        let name = el
            .closest(&format!("[{PART}]"))
            .ok()
            .flatten()
            .and_then(|p| p.get_attribute(PART));
        match name.as_deref() {
            Some("pill") => unfold(&doc, &aside),
            Some("close") => fold(&doc, &aside, false),
            _ => {}
        }
    });
    let key = Closure::<dyn Fn(KeyboardEvent)>::new(|ev: KeyboardEvent| {
        if ev.key() != "Escape" {
            return;
        }
        let Some(doc) = crate::dom::document() else {
            return;
        };
        let Some(aside) = root(&doc) else {
            return;
        };
        if aside.has_attribute(FOLDED) {
            return;
        }
        // Esc here is Allot's: the page's own dialog stays open.
        ev.prevent_default();
        ev.stop_propagation();
        fold(&doc, &aside, true);
    });
    let focusin = Closure::<dyn Fn(FocusEvent)>::new(|ev: FocusEvent| {
        let Some(from) = ev
            .related_target()
            .and_then(|t| t.dyn_into::<Element>().ok())
        else {
            return;
        };
        let inside = crate::dom::document()
            .and_then(|d| root(&d))
            .is_some_and(|a| a.contains(Some(from.as_ref())));
        if !inside {
            RETURN_FOCUS.with(|r| *r.borrow_mut() = Some(from));
        }
    });
    use crate::guard::guarded;
    aside.add_event_listener_with_callback("click", &guarded(click.as_ref()))?;
    aside.add_event_listener_with_callback("keydown", &guarded(key.as_ref()))?;
    aside.add_event_listener_with_callback("focusin", &guarded(focusin.as_ref()))?;
    click.forget();
    key.forget();
    focusin.forget();
    Ok(())
}
