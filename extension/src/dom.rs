//! Small DOM helpers shared by the content script and the extension pages: reading
//! visible text, making Allot's own elements, dispatching events the page can see.

use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, EventInit, HtmlElement, HtmlInputElement, Node};

/// The attribute that marks every element Allot inserts, so the observer ignores it.
pub const OWN_ATTR: &str = "data-allot-own";

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn document() -> Option<Document> {
    window().and_then(|w| w.document())
}

/// True in a tab's top frame; false in a frame inside it.
pub fn is_top_frame() -> bool {
    let Some(w) = window() else {
        return false;
    };
    match w.top() {
        Ok(Some(top)) => JsValue::from(top) == JsValue::from(w),
        _ => true,
    }
}

/// Runs `f` once the page has loaded (its `load` event), at once if it has.
pub fn when_loaded(f: fn()) {
    let Some(doc) = document() else {
        return;
    };
    if doc.ready_state() == "complete" {
        f();
        return;
    }
    let Some(win) = window() else {
        return;
    };
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = win.add_event_listener_with_callback_and_add_event_listener_options(
        "load",
        &crate::guard::guarded(&cb),
        &options,
    );
}

/// Text longer than this is never a label, a button or a cell Allot reads.
const TEXT_LIMIT: usize = 400;

/// The page's own text in a node (Allot's inserted elements left out), whitespace
/// collapsed; `None` when empty.
pub fn text_of(node: &Node) -> Option<String> {
    let mut raw = String::new();
    collect_text(node, &mut raw);
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

fn collect_text(node: &Node, out: &mut String) {
    if out.len() > TEXT_LIMIT {
        return;
    }
    match node.node_type() {
        Node::TEXT_NODE => {
            if let Some(t) = node.node_value() {
                out.push_str(&t);
            }
        }
        Node::ELEMENT_NODE => {
            if let Some(el) = node.dyn_ref::<Element>() {
                if el.has_attribute(OWN_ATTR) {
                    return;
                }
                let tag = el.tag_name();
                if tag.eq_ignore_ascii_case("script") || tag.eq_ignore_ascii_case("style") {
                    return;
                }
            }
            let kids = node.child_nodes();
            for i in 0..kids.length() {
                if let Some(k) = kids.item(i) {
                    collect_text(&k, out);
                    out.push(' ');
                }
            }
        }
        _ => {}
    }
}

/// An element Allot owns, with its class and marker set.
pub fn make(doc: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let el = doc.create_element(tag)?;
    el.set_attribute(OWN_ATTR, "")?;
    if !class.is_empty() {
        el.set_attribute("class", class)?;
    }
    Ok(el)
}

/// An element Allot owns, with text content (never markup).
pub fn make_text(doc: &Document, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let el = make(doc, tag, class)?;
    el.set_text_content(Some(text));
    Ok(el)
}

/// An element Allot owns, with text content, added as `parent`'s last child.
pub fn append_text(
    doc: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    text: &str,
) -> Result<Element, JsValue> {
    let el = make_text(doc, tag, class, text)?;
    parent.append_child(&el)?;
    Ok(el)
}

/// The elements of a query's result that belong to the page (Allot's own left out).
pub fn page_elements(list: Result<web_sys::NodeList, JsValue>) -> Vec<Element> {
    let Ok(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .filter(|e| !is_own(e))
        .collect()
}

/// True for Allot's own elements and anything inside them.
pub fn is_own(node: &Node) -> bool {
    let el = match node.dyn_ref::<Element>() {
        Some(el) => el.clone(),
        None => match node.parent_element() {
            Some(p) => p,
            None => return false,
        },
    };
    matches!(el.closest(&format!("[{OWN_ATTR}]")), Ok(Some(_)))
}

/// Fires a bubbling event of the given type so the page's own scripts see a change.
pub fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    if let Ok(ev) = Event::new_with_event_init_dict(kind, &init) {
        let _ = target.dispatch_event(&ev);
    }
}

/// Sets an input's value as a partner would (input and change events), only on click.
pub fn set_value_as_partner(el: &Element, value: &str) {
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    } else {
        return;
    }
    fire(el, "input");
    fire(el, "change");
}

/// Focuses an element if it can take focus.
pub fn focus(el: &Element) {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}

/// The element an event happened on, if it is an element (or inside one).
pub fn event_element(ev: &Event) -> Option<Element> {
    let target = ev.target()?;
    if let Some(el) = target.dyn_ref::<Element>() {
        return Some(el.clone());
    }
    target.dyn_ref::<Node>().and_then(|n| n.parent_element())
}

/// A press longer than this is taken as over (a release outside the window is never seen).
const LONGEST_PRESS_MS: f64 = 3000.0;

#[derive(Default)]
struct Pointer {
    watching: bool,
    /// When the current press began (`Date.now()`), while a button or finger is down.
    down_since: Option<f64>,
    after_up: Vec<Box<dyn FnOnce()>>,
}

thread_local! {
    static POINTER: RefCell<Pointer> = RefCell::new(Pointer::default());
}

/// True while a mouse button, pen or finger is pressed on the page. A click is a press
/// and a release: anything that moves the page's layout in between (a message shown
/// because the press took focus from a field) makes the release land elsewhere, and the
/// browser drops the click. Watching starts on the first call.
pub fn pointer_is_down() -> bool {
    watch_pointer();
    POINTER.with(|p| {
        p.borrow()
            .down_since
            .map(|t| js_sys::Date::now() - t < LONGEST_PRESS_MS)
            .unwrap_or(false)
    })
}

/// Runs `f` once the current press is over and its click (if any) has been handled;
/// at once (on the next task) when nothing is pressed.
pub fn after_pointer_up(f: impl FnOnce() + 'static) {
    if !pointer_is_down() {
        Timeout::new(0, f).forget();
        return;
    }
    POINTER.with(|p| p.borrow_mut().after_up.push(Box::new(f)));
}

fn watch_pointer() {
    let Some(win) = window() else {
        return;
    };
    let start = POINTER.with(|p| !std::mem::replace(&mut p.borrow_mut().watching, true));
    if !start {
        return;
    }
    let down = Closure::<dyn Fn(Event)>::new(|_: Event| {
        POINTER.with(|p| p.borrow_mut().down_since = Some(js_sys::Date::now()));
    });
    // The click follows the release in the same task: the waiting work runs after it.
    let up = Closure::<dyn Fn(Event)>::new(|_: Event| {
        let waiting = POINTER.with(|p| {
            let mut p = p.borrow_mut();
            p.down_since = None;
            std::mem::take(&mut p.after_up)
        });
        if !waiting.is_empty() {
            Timeout::new(0, move || waiting.into_iter().for_each(|f| f())).forget();
        }
    });
    let down_guarded = crate::guard::guarded(down.as_ref());
    let up_guarded = crate::guard::guarded(up.as_ref());
    let _ = win.add_event_listener_with_callback_and_bool("pointerdown", &down_guarded, true);
    for kind in ["pointerup", "pointercancel"] {
        let _ = win.add_event_listener_with_callback_and_bool(kind, &up_guarded, true);
    }
    // The listeners live as long as the page.
    down.forget();
    up.forget();
}

/// Calls `f` on each click on `el` (a key press on a button is one), for the page's life.
pub fn on_click(el: &Element, f: impl Fn() + 'static) -> Result<(), JsValue> {
    let cb = Closure::<dyn Fn()>::new(f);
    el.add_event_listener_with_callback("click", &crate::guard::guarded(cb.as_ref()))?;
    cb.forget();
    Ok(())
}

/// Puts `text` in the first element matching `selector` (an extension page's status line).
pub fn say_in(selector: &str, text: &str) {
    if let Some(Ok(Some(line))) = document().map(|d| d.query_selector(selector)) {
        line.set_text_content(Some(text));
    }
}
