//! The browser's Unicode, handed to the core once (`allot_core::unicode`): NFKC and lower
//! case from `String.prototype`, letters and digits from `\p{...}` regexps, instead of
//! std's tables in the module. Only text beyond ASCII comes here.

use allot_core::unicode::{set_host, Host};
use js_sys::{JsString, RegExp};

thread_local! {
    static ALPHANUMERIC: RegExp = RegExp::new(r"^[\p{Alphabetic}\p{N}]$", "u");
    static ALPHABETIC: RegExp = RegExp::new(r"^\p{Alphabetic}$", "u");
}

pub fn hand_to_core() {
    set_host(Host {
        nfkc: |text| JsString::from(text).normalize("NFKC").into(),
        lower: |text| JsString::from(text).to_lower_case().into(),
        is_alphanumeric: |c| ALPHANUMERIC.with(|r| r.test(c.encode_utf8(&mut [0; 4]))),
        is_alphabetic: |c| ALPHABETIC.with(|r| r.test(c.encode_utf8(&mut [0; 4]))),
    });
}
