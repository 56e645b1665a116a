//! The toolbar popup: says what Allot does on the dashboard.

use crate::dom;

pub fn start() {
    let Some(doc) = dom::document() else {
        return;
    };
    if let Some(root) = doc.get_element_by_id("allot-popup") {
        root.set_text_content(Some(
            "Allot checks the Create Company form on the partner dashboard as you type, and holds back a Create the dashboard would refuse.",
        ));
    }
}
