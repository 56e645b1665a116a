// The page boundary: a listener of Allot's that panics (here the RefCell double borrow
// issue 9 reported, "already mutably borrowed") is caught by static/guard.js, marks the
// page, throws nothing into the page, and the page's own listener still runs.

mod common;

use allot_extension::guard;
use common::Fixture;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Event;

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    static STATE: RefCell<u32> = const { RefCell::new(0) };
}

#[wasm_bindgen_test]
fn a_panicking_listener_is_caught_and_the_pages_own_listener_still_runs() {
    js_sys::Function::new_no_args(include_str!("../static/guard.js"))
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("guard.js runs");
    let f = Fixture::new(r#"<button id="gd-create" type="button">Create</button>"#);
    let button = f.get("#gd-create");
    let win = web_sys::window().expect("window");

    // What reaches the page: errors reported on the window, and the page's own handler.
    let page_errors = Rc::new(Cell::new(0));
    let seen = page_errors.clone();
    let on_error = Closure::<dyn Fn(Event)>::new(move |_| seen.set(seen.get() + 1));
    win.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
        .expect("listen");
    let page_clicks = Rc::new(Cell::new(0));
    let clicks = page_clicks.clone();
    let on_click = Closure::<dyn Fn(Event)>::new(move |_| clicks.set(clicks.get() + 1));

    // Allot's listener, capture phase, borrowing a state that is already borrowed: the
    // panic the issue saw when a DOM call fired an event into a second borrow.
    guard::listen(button.as_ref(), "click", true, |_| {
        STATE.with(|s| {
            let _held = s.borrow_mut();
            let _again = s.borrow_mut();
        });
    });
    button
        .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())
        .expect("listen");

    let click = |n: u32| {
        let ev = Event::new("click").expect("event");
        button.dispatch_event(&ev).expect("dispatch");
        assert_eq!(page_clicks.get(), n, "the page's own handler ran");
    };
    click(1);
    assert_eq!(page_errors.get(), 0, "nothing was thrown into the page");
    let root = common::doc().document_element().expect("root");
    assert!(
        root.has_attribute("data-allot-stopped"),
        "the page is marked"
    );
    // Allot does nothing more; the page goes on.
    click(2);
    assert_eq!(page_errors.get(), 0);
    root.remove_attribute("data-allot-stopped").ok();
    on_error.forget();
    on_click.forget();
}
