//! Readies the typing path while the page is idle, once a form is annotated: the browser
//! compiles a WASM function the first time it runs, and the rules for a field that is no
//! longer empty first run on the partner's first key press. Here the rules run on made-up
//! values and the key handlers on events dispatched where no listener hears them: nothing
//! is read from the partner's fields or written to the page.

use allot_core::labels::FormKind;
use allot_core::{check_form, password, voice, FieldId, FieldSet, FormSnapshot, Options};
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, KeyboardEvent};

/// Values of the kinds a partner types: a short start, a word, an address, a size and a
/// password with every kind of character.
const SAMPLES: [&str; 5] = ["n", "northwind", "n@example.com", "100", "Abcdef1!x"];

/// Runs when the browser is next idle (or on the next task where it has no idle
/// callback): the rules of each form (its kind and fields), the handlers on `field`.
pub fn soon(forms: Vec<(FormKind, Vec<FieldId>)>, field: Option<Element>, options: Options) {
    let run = move || {
        rules(&forms, &options);
        handlers(field.as_ref());
    };
    let Some(win) = crate::dom::window() else {
        return;
    };
    let cb = crate::guard::guarded(&Closure::once_into_js(run));
    if win.request_idle_callback(&cb).is_err() {
        let _ = win.set_timeout_with_callback(&cb);
    }
}

/// Every rule of each form's kind, and what a field would say, on each sample value.
fn rules(forms: &[(FormKind, Vec<FieldId>)], options: &Options) {
    for (kind, fields) in forms {
        for sample in SAMPLES {
            let mut snap = FormSnapshot {
                kind: *kind,
                touched: fields.iter().copied().collect::<FieldSet>(),
                ..FormSnapshot::default()
            };
            for field in fields {
                if field.is_checkbox() {
                    snap.set_checked(*field, false);
                } else {
                    snap.set_text(*field, sample.to_string());
                }
            }
            let findings = check_form(&snap, options);
            for field in fields {
                let mine = voice::of_field(&findings, *field);
                std::hint::black_box(voice::settle(None, &mine, true));
            }
            std::hint::black_box(password::checklist(sample));
        }
    }
}

/// The input and keydown handlers' first steps, on events dispatched to an element of
/// Allot's own that is not in the page (no listener hears them; each handler finds no
/// form and lets them be), and the typing pause timer (it finds no one typing).
fn handlers(field: Option<&Element>) {
    if let Some(el) = field {
        std::hint::black_box(super::form_of(el));
    }
    let detached = crate::dom::document().and_then(|d| d.create_element("span").ok());
    let dispatched = |ev: &Event| {
        if let Some(el) = &detached {
            let _ = el.dispatch_event(ev);
        }
    };
    if let Ok(ev) = Event::new("input") {
        dispatched(&ev);
        super::on_input(ev);
    }
    if let Ok(ev) = KeyboardEvent::new("keydown") {
        dispatched(&ev);
        super::gate::on_keydown(ev.into());
    }
    super::pause_soon(0);
}
