//! The partner's options (`allot.options`) and the organization's policy
//! (`storage.managed`), read from storage by hand into the core's `Options` and
//! `Managed`: the form module reads them on every page, without serde. A value of the
//! wrong type counts as not set; an unknown rule group is skipped.

use crate::browser;
use allot_core::{GroupSet, Managed, Options, RuleGroup};
use wasm_bindgen::JsValue;

/// The storage key of the partner's options.
pub const OPTIONS_KEY: &str = "allot.options";

/// The options in effect: the partner's own, with the organization's policy over them.
#[cfg(feature = "form")]
pub async fn options() -> Options {
    managed().await.apply(&own_options().await)
}

/// The partner's own options, as the options page saved them.
pub async fn own_options() -> Options {
    match browser::load_value(OPTIONS_KEY).await {
        Ok(v) => v.map(|v| read_options(&v)).unwrap_or_default(),
        Err(e) => {
            crate::log::js_error("reading options", &e);
            Options::default()
        }
    }
}

/// What the organization set by policy; nothing when no policy is set.
pub async fn managed() -> Managed {
    browser::load_managed()
        .await
        .map(|v| read_managed(&v))
        .unwrap_or_default()
}

/// The partner's options as stored (the options page writes them with serde).
fn read_options(value: &JsValue) -> Options {
    Options {
        pax8_half_steps: get(value, "pax8_half_steps")
            .and_then(|v| v.as_bool())
            .unwrap_or_default(),
        disabled_groups: get(value, "disabled_groups")
            .and_then(|v| groups(&v))
            .unwrap_or_default(),
    }
}

/// The policy as the browser gives it.
pub fn read_managed(value: &JsValue) -> Managed {
    Managed {
        pax8_half_steps: get(value, "pax8_half_steps").and_then(|v| v.as_bool()),
        disabled_groups: get(value, "disabled_groups").and_then(|v| groups(&v)),
        dashboard_hosts: get(value, "dashboard_hosts").and_then(|v| strings(&v)),
    }
}

/// A list of strings; `None` when `value` is not an array.
pub fn strings(value: &JsValue) -> Option<Vec<String>> {
    if !js_sys::Array::is_array(value) {
        return None;
    }
    let array = js_sys::Array::from(value);
    Some(array.iter().filter_map(|v| v.as_string()).collect())
}

fn groups(value: &JsValue) -> Option<GroupSet> {
    let names = strings(value)?;
    Some(
        RuleGroup::ALL
            .into_iter()
            .filter(|g| names.iter().any(|n| n == g.as_str()))
            .collect(),
    )
}

/// `value[key]`, when `value` is an object that has it.
fn get(value: &JsValue, key: &str) -> Option<JsValue> {
    if !value.is_object() {
        return None;
    }
    js_sys::Reflect::get(value, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}
