//! Shared fixture helpers: each test builds its page inside its own container div in
//! document.body and removes it when done (even a failed test's leftovers are cleared).

#![allow(dead_code)]

use allot_core::FieldId;
use allot_extension::controls as collect;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

/// The marker on every fixture container, so a failed test's leftovers can be found.
const FIXTURE_ATTR: &str = "data-test-fixture";

/// A test's container: appended to document.body, removed on drop.
pub struct Fixture {
    pub root: Element,
}

impl Fixture {
    /// A container holding `html`. Leftovers of an earlier test (one that failed before
    /// it could clean up: a WASM panic does not unwind) are removed first.
    pub fn new(html: &str) -> Fixture {
        let doc = doc();
        if let Ok(stale) = doc.query_selector_all(&format!("[{FIXTURE_ATTR}]")) {
            for i in 0..stale.length() {
                if let Some(el) = stale.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    el.remove();
                }
            }
        }
        let root = doc.create_element("div").expect("create the container");
        root.set_attribute(FIXTURE_ATTR, "")
            .expect("mark the container");
        root.set_inner_html(html);
        doc.body()
            .expect("the runner's page has a body")
            .append_child(&root)
            .expect("append the container");
        Fixture { root }
    }

    /// Another container appended to document.body, beside this test's first one (a
    /// menu or dialog the page appends to the body); earlier ones are kept. Removed on
    /// drop, and cleared as a leftover like any fixture.
    pub fn also(html: &str) -> Fixture {
        let doc = doc();
        let root = doc.create_element("div").expect("create the container");
        root.set_attribute(FIXTURE_ATTR, "")
            .expect("mark the container");
        root.set_inner_html(html);
        doc.body()
            .expect("the runner's page has a body")
            .append_child(&root)
            .expect("append the container");
        Fixture { root }
    }

    /// The one element matching `selector` inside the fixture.
    pub fn get(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    /// The field Allot names the control at `selector` (None when it names nothing or
    /// is not collected at all).
    pub fn field_of(&self, selector: &str) -> Option<FieldId> {
        let el = self.get(selector);
        collect::controls(&doc())
            .into_iter()
            .find(|c| c.element == el)
            .map(|c| c.field)
    }

    /// Every collected control inside the fixture, in document order.
    pub fn controls(&self) -> Vec<collect::Control> {
        collect::controls(&doc())
            .into_iter()
            .filter(|c| self.root.contains(Some(c.element.as_ref())))
            .collect()
    }

    /// The fields named inside the fixture, in document order.
    pub fn fields(&self) -> Vec<FieldId> {
        self.controls().into_iter().map(|c| c.field).collect()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.root.remove();
    }
}

pub fn doc() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Sets an input's value (fixtures built with inner HTML carry `value` attributes too).
pub fn set_value(el: &Element, value: &str) {
    el.dyn_ref::<HtmlInputElement>()
        .expect("an input")
        .set_value(value);
}

/// A create-company form laid out as the seed shows it: a label cell and a field cell
/// per row, the checkboxes followed by their text, the hint in a <small>. `id_prefix`
/// keeps ids unique when a page holds two of them.
pub fn seed_rows(id_prefix: &str) -> String {
    let text = |label: &str, name: &str, kind: &str| {
        format!(
            "<tr><td>{label}</td><td><input type=\"{kind}\" id=\"{id_prefix}{name}\" name=\"ctl00${name}\"></td></tr>"
        )
    };
    let check = |label: &str, name: &str| {
        format!(
            "<tr><td colspan=\"2\"><input type=\"checkbox\" id=\"{id_prefix}{name}\"> {label}</td></tr>"
        )
    };
    [
        text("Company Name", "company", "text"),
        text("Quota In GB", "quota", "text"),
        text("EGR Licenses", "egr", "text"),
        text("SP v5 Licenses", "sp", "text"),
        check("Enable EndGuard", "endguard"),
        text("Full Name", "fullname", "text"),
        text("Email", "email", "text"),
        text(
            "Username <small>(usually same as email)</small>",
            "username",
            "text",
        ),
        text("Password", "password", "password"),
        text("Confirm Password", "confirm", "password"),
        check("Is Ultrasafe ?", "ultrasafe"),
        text("Secret Question", "question", "text"),
        text("Secret Answer", "answer", "text"),
    ]
    .concat()
}

/// The 13 fields of the create-company form, in the order the seed shows them.
pub const CREATE_FIELDS: [FieldId; 13] = [
    FieldId::CompanyName,
    FieldId::QuotaGb,
    FieldId::EgrLicenses,
    FieldId::SpLicenses,
    FieldId::Endguard,
    FieldId::FullName,
    FieldId::Email,
    FieldId::Username,
    FieldId::Password,
    FieldId::ConfirmPassword,
    FieldId::Ultrasafe,
    FieldId::SecretQuestion,
    FieldId::SecretAnswer,
];
