//! Small DOM helpers shared by the content script and the extension pages: reading
//! visible text, making Allot's own elements, dispatching events the page can see.

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
