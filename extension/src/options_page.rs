//! The options page: the partner's 50 GB steps setting and the rule groups they can
//! switch off, kept in extension storage under `allot.options`.

use crate::browser::{self, OPTIONS_KEY};
use crate::dom;
use crate::log;
use allot_core::{Options, RuleGroup};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlInputElement};

pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let options = match browser::load::<Options>(OPTIONS_KEY).await {
            Ok(o) => o.unwrap_or_default(),
            Err(e) => {
                log::js_error("reading options", &e);
                Options::default()
            }
        };
        if let Err(e) = render(&options) {
            log::js_error("showing options", &e);
        }
    });
}

fn render(options: &Options) -> Result<(), JsValue> {
    let doc = dom::document().ok_or("no document")?;
    let root = doc
        .get_element_by_id("allot-options")
        .ok_or("no options root")?;
    root.set_text_content(None);
    let half = checkbox(
        &doc,
        "pax8_half_steps",
        "My distributor (Pax8) has enabled 50 GB steps for me (150, 250, 350 GB ...)",
        options.pax8_half_steps,
    )?;
    root.append_child(&half)?;
    root.append_child(&web_sys::Node::from(dom::make_text(
        &doc, "h2", "", "Checks",
    )?))?;
    for group in RuleGroup::ALL {
        let row = checkbox(
            &doc,
            &format!("group.{}", group.as_str()),
            group_label(group),
            options.enabled(group),
        )?;
        root.append_child(&row)?;
    }
    let status = dom::make(&doc, "p", "status")?;
    status.set_attribute("role", "status")?;
    root.append_child(&status)?;
    let cb = Closure::<dyn Fn()>::new(move || {
        let status = status.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let text = match browser::save(OPTIONS_KEY, &read()).await {
                Ok(()) => "Saved.",
                Err(e) => {
                    log::js_error("saving options", &e);
                    "Allot could not save the options."
                }
            };
            status.set_text_content(Some(text));
        });
    });
    root.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref())?;
    cb.forget();
    Ok(())
}

fn group_label(group: RuleGroup) -> &'static str {
    match group {
        RuleGroup::Quota => "Storage sizes (Quota In GB, account sizes)",
        RuleGroup::Username => "Username",
        RuleGroup::Password => "Password",
        RuleGroup::Ultrasafe => "UltraSafe",
        RuleGroup::Secret => "Secret question and answer",
        RuleGroup::Company => "Company Name",
        RuleGroup::FullName => "Full Name",
        RuleGroup::Email => "Email",
        RuleGroup::Licenses => "EGR and SP v5 Licenses",
    }
}

fn checkbox(doc: &web_sys::Document, key: &str, text: &str, on: bool) -> Result<Element, JsValue> {
    let label = dom::make(doc, "label", "row")?;
    let input: HtmlInputElement = dom::make(doc, "input", "")?.dyn_into()?;
    input.set_type("checkbox");
    input.set_checked(on);
    input.set_attribute("data-option", key)?;
    label.append_child(&input)?;
    label.append_child(&web_sys::Node::from(dom::make_text(doc, "span", "", text)?))?;
    Ok(label)
}

/// The options as the page's checkboxes say now.
fn read() -> Options {
    let mut options = Options::default();
    let Some(doc) = dom::document() else {
        return options;
    };
    let Ok(list) = doc.query_selector_all("input[data-option]") else {
        return options;
    };
    for i in 0..list.length() {
        let Some(input) = list
            .item(i)
            .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
        else {
            continue;
        };
        let key = input.get_attribute("data-option").unwrap_or_default();
        if key == "pax8_half_steps" {
            options.pax8_half_steps = input.checked();
        } else if let Some(name) = key.strip_prefix("group.") {
            if let Some(g) = RuleGroup::ALL.into_iter().find(|g| g.as_str() == name) {
                if !input.checked() {
                    options.disabled_groups.insert(g);
                }
            }
        }
    }
    options
}
