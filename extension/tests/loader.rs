// The loader (static/content.js) and the two modules agree: the storage keys it reads to
// decide whether the fix has work are the fix's own, and the record the form module
// hands over for a Create is one the fix module reads back whole.

use allot_core::resize::SentCreate;
use allot_extension::fix::{FIXES_KEY, SENT_KEY};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const LOADER: &str = include_str!("../static/content.js");

#[wasm_bindgen_test]
fn the_loader_reads_the_fixs_own_storage_keys() {
    assert!(LOADER.contains(&format!("const FIXES_KEY = \"{FIXES_KEY}\";")));
    assert!(LOADER.contains(&format!("const SENT_KEY = \"{SENT_KEY}\";")));
}

#[wasm_bindgen_test]
fn a_sent_create_crosses_from_the_form_module_to_the_fix_module_whole() {
    let sent = SentCreate {
        company: "Acme Dental".into(),
        admin_username: "AcmeDental".into(),
        quota_gb: 250,
        at_ms: 1_795_000_000_123,
        existed_before: true,
        silent_loads: 1,
        accepted: true,
    };
    let record = allot_extension::sent::record(&sent).expect("a record");
    let back: SentCreate = serde_wasm_bindgen::from_value(record).expect("the fix reads it");
    assert_eq!(back, sent);
}
