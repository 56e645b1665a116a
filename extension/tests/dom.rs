// DOM helpers: reading the page's own text, recognising Allot's elements, setting a value as a partner would.

mod common;

use allot_extension::dom::{is_own, make_text, set_value_as_partner, text_of};
use common::{doc, Fixture};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn text_of_collapses_space_and_leaves_out_scripts_styles_and_allots_elements() {
    let f = Fixture::new(
        r#"<div id="tx-a">  Username
             <small>(usually same as email)</small>
             <script>var x = "not text";</script><style>.a { color: red }</style>
             <span data-allot-own>Use a name tied to the company</span></div>
           <div id="tx-empty">  <span> </span> </div>"#,
    );
    assert_eq!(
        text_of(&f.get("#tx-a")).as_deref(),
        Some("Username (usually same as email)")
    );
    assert_eq!(text_of(&f.get("#tx-empty")), None);
}

#[wasm_bindgen_test]
fn is_own_covers_allots_elements_their_contents_and_nothing_else() {
    let f = Fixture::new(
        r#"<div data-allot-own id="io-own"><p id="io-inner">Allot says</p></div>
           <p id="io-page">The page says</p>"#,
    );
    let made = make_text(&doc(), "span", "allot-msg", "made by Allot").expect("make");
    f.root.append_child(&made).expect("append");
    assert!(is_own(&f.get("#io-own")));
    assert!(is_own(&f.get("#io-inner")));
    let inner_text = f.get("#io-inner").first_child().expect("a text node");
    assert!(is_own(&inner_text));
    assert!(is_own(&made));
    assert!(!is_own(&f.get("#io-page")));
    assert!(!is_own(&f.root));
}

#[wasm_bindgen_test]
fn set_value_as_partner_sets_the_value_and_fires_input_then_change() {
    let f = Fixture::new(
        r#"<input type="text" id="sv-input" value="5">
           <textarea id="sv-area"></textarea>
           <div id="sv-div">5</div>"#,
    );
    let seen = Rc::new(RefCell::new(Vec::<String>::new()));
    let record = {
        let seen = seen.clone();
        Closure::<dyn Fn(Event)>::new(move |ev: Event| {
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map(|e| e.id())
                .unwrap_or_default();
            seen.borrow_mut().push(format!("{target}:{}", ev.type_()));
        })
    };
    for kind in ["input", "change"] {
        // Listening on the container: the events must bubble for the page's scripts.
        f.root
            .add_event_listener_with_callback(kind, record.as_ref().unchecked_ref())
            .expect("listen");
    }

    set_value_as_partner(&f.get("#sv-input"), "10");
    set_value_as_partner(&f.get("#sv-area"), "Master Chief");
    set_value_as_partner(&f.get("#sv-div"), "10");

    let input: HtmlInputElement = f.get("#sv-input").dyn_into().expect("an input");
    let area: HtmlTextAreaElement = f.get("#sv-area").dyn_into().expect("a textarea");
    assert_eq!(input.value(), "10");
    assert_eq!(area.value(), "Master Chief");
    assert_eq!(f.get("#sv-div").text_content().as_deref(), Some("5"));
    assert_eq!(
        *seen.borrow(),
        vec![
            "sv-input:input",
            "sv-input:change",
            "sv-area:input",
            "sv-area:change"
        ]
    );
    for kind in ["input", "change"] {
        f.root
            .remove_event_listener_with_callback(kind, record.as_ref().unchecked_ref())
            .expect("stop listening");
    }
}
