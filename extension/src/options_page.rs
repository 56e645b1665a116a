//! The options page: the partner's 50 GB steps setting, the rule groups they can switch
//! off (kept in extension storage under `allot.options`), and their own dashboard
//! addresses. What the organization set by policy shows as "Set by your organization",
//! and cannot be changed here.

use crate::browser::{self, OPTIONS_KEY};
use crate::dom::{self, append_text};
use crate::hosts;
use crate::log;
use allot_core::address::host_of;
use allot_core::{Managed, Options, RuleGroup};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlInputElement};

const BY_POLICY: &str = "Set by your organization";

pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        if let Err(e) = show().await {
            log::js_error("showing options", &e);
        }
    });
}

async fn show() -> Result<(), JsValue> {
    let own = browser::load::<Options>(OPTIONS_KEY)
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    let managed = browser::managed().await;
    let added = hosts::list().await;
    render(&own, &managed, &added)
}

fn render(own: &Options, managed: &Managed, added: &[String]) -> Result<(), JsValue> {
    let doc = dom::document().ok_or("no document")?;
    let root = doc
        .get_element_by_id("allot-options")
        .ok_or("no options root")?;
    root.set_text_content(None);
    let effective = managed.apply(own);

    let sizes = fieldset(&doc, &root, "Storage sizes")?;
    let half = checkbox(
        &doc,
        "pax8_half_steps",
        "My distributor has enabled 50 GB steps for me (150, 250, 350 GB ...). When this is off, Allot warns that those sizes need a support ticket.",
        effective.pax8_half_steps,
        managed.pax8_half_steps.is_some(),
    )?;
    sizes.append_child(&half)?;

    let checks = fieldset(&doc, &root, "Checks")?;
    append_text(
        &doc,
        &checks,
        "p",
        "muted",
        "A check switched off shows no messages and never holds back Create.",
    )?;
    for group in RuleGroup::ALL {
        let row = checkbox(
            &doc,
            &format!("group.{}", group.as_str()),
            group_label(group),
            effective.enabled(group),
            managed.disabled_groups.is_some(),
        )?;
        checks.append_child(&row)?;
    }

    let status = dom::make(&doc, "p", "status")?;
    status.set_attribute("role", "status")?;
    status.set_attribute("data-allot-options-status", "")?;
    let saving = status.clone();
    let cb = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let is_option = dom::event_element(&ev).is_some_and(|e| e.has_attribute("data-option"));
        if !is_option {
            return;
        }
        let status = saving.clone();
        wasm_bindgen_futures::spawn_local(async move {
            // Start from what is stored: a value set by policy is never written over.
            let own = browser::load::<Options>(OPTIONS_KEY)
                .await
                .ok()
                .flatten()
                .unwrap_or_default();
            let text = match browser::save(OPTIONS_KEY, &read(own)).await {
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

    render_hosts(&doc, &root, managed, added)?;
    root.append_child(&status)?;
    Ok(())
}

/// "Dashboard addresses": the hosts Allot runs on beyond the two it knows, and a field
/// to add one.
fn render_hosts(
    doc: &Document,
    root: &Element,
    managed: &Managed,
    added: &[String],
) -> Result<(), JsValue> {
    let set = fieldset(doc, root, "Dashboard addresses")?;
    set.set_attribute("data-allot-hosts", "")?;
    append_text(
        doc,
        &set,
        "p",
        "muted",
        "Allot runs on dashboard.sosonlinebackup.com and dashboard.infrascale.com. If your dashboard has its own address, add it here; your browser asks you to allow Allot on it.",
    )?;
    let list = dom::make(doc, "ul", "")?;
    for host in managed.dashboard_hosts.iter().flatten() {
        let Some(host) = host_of(host) else { continue };
        let item = append_text(doc, &list, "li", "", &format!("{host} ({BY_POLICY})"))?;
        item.set_attribute("data-allot-host", &host)?;
    }
    for host in added {
        let item = append_text(doc, &list, "li", "", &format!("{host} "))?;
        item.set_attribute("data-allot-host", host)?;
        let remove = append_text(doc, &item, "button", "", "Remove")?;
        remove.set_attribute("type", "button")?;
        remove.set_attribute("aria-label", &format!("Remove {host}"))?;
        remove.set_attribute("data-allot-host-remove", host)?;
        let host = host.clone();
        on_click(&remove, move || {
            let host = host.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let said = match hosts::remove(&host).await {
                    Ok(()) => format!("Allot no longer runs on {host}."),
                    Err(e) => {
                        log::js_error("removing a dashboard address", &e);
                        format!("Allot could not remove {host}.")
                    }
                };
                let _ = show().await;
                say(&said);
            });
        })?;
    }
    set.append_child(&list)?;

    let label = dom::make(doc, "label", "row")?;
    append_text(doc, &label, "span", "", "Add a dashboard address ")?;
    let input: HtmlInputElement = dom::make(doc, "input", "")?.dyn_into()?;
    input.set_type("text");
    input.set_attribute("data-allot-host-input", "")?;
    input.set_attribute("placeholder", "dashboard.example.net")?;
    input.set_attribute("autocomplete", "url")?;
    label.append_child(&input)?;
    set.append_child(&label)?;
    let add = append_text(doc, &set, "button", "", "Add")?;
    add.set_attribute("type", "button")?;
    add.set_attribute("data-allot-host-add", "")?;
    on_click(&add, move || {
        let Some(host) = host_of(&input.value()) else {
            say("Type the dashboard's address, such as dashboard.example.net (https only).");
            return;
        };
        // Asked straight from the click: the browser shows its prompt only then.
        let asked = match hosts::request(&host) {
            Ok(p) => p,
            Err(e) => {
                log::js_error("asking for a dashboard address", &e);
                say("Allot could not ask for that address.");
                return;
            }
        };
        wasm_bindgen_futures::spawn_local(async move {
            let said = hosts::add_when_granted(asked, &host).await;
            let _ = show().await;
            say(&said);
        });
    })?;
    Ok(())
}

fn on_click(el: &Element, f: impl Fn() + 'static) -> Result<(), JsValue> {
    let cb = Closure::<dyn Fn()>::new(f);
    el.add_event_listener_with_callback("click", cb.as_ref().unchecked_ref())?;
    cb.forget();
    Ok(())
}

/// Says something in the page's status line.
fn say(text: &str) {
    if let Some(doc) = dom::document() {
        if let Ok(Some(s)) = doc.query_selector("[data-allot-options-status]") {
            s.set_text_content(Some(text));
        }
    }
}

fn fieldset(doc: &Document, root: &Element, legend: &str) -> Result<Element, JsValue> {
    let set = dom::make(doc, "fieldset", "")?;
    append_text(doc, &set, "legend", "", legend)?;
    root.append_child(&set)?;
    Ok(set)
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

/// A labelled checkbox; one set by policy is disabled and says so.
fn checkbox(
    doc: &Document,
    key: &str,
    text: &str,
    on: bool,
    by_policy: bool,
) -> Result<Element, JsValue> {
    let label = dom::make(doc, "label", "row")?;
    let input: HtmlInputElement = dom::make(doc, "input", "")?.dyn_into()?;
    input.set_type("checkbox");
    input.set_checked(on);
    input.set_attribute("data-option", key)?;
    if by_policy {
        input.set_disabled(true);
        input.set_attribute("data-allot-managed", "")?;
    }
    label.append_child(&input)?;
    append_text(doc, &label, "span", "", text)?;
    if by_policy {
        append_text(doc, &label, "span", "managed", &format!(" ({BY_POLICY})"))?;
    }
    Ok(label)
}

/// The partner's own options: `own`, with what the page's enabled checkboxes say now
/// (a disabled one is set by policy and leaves the stored value as it is).
fn read(mut own: Options) -> Options {
    let Some(doc) = dom::document() else {
        return own;
    };
    let Ok(list) = doc.query_selector_all("input[data-option]") else {
        return own;
    };
    for i in 0..list.length() {
        let Some(input) = list
            .item(i)
            .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
        else {
            continue;
        };
        if input.disabled() {
            continue;
        }
        let key = input.get_attribute("data-option").unwrap_or_default();
        if key == "pax8_half_steps" {
            own.pax8_half_steps = input.checked();
        } else if let Some(name) = key.strip_prefix("group.") {
            if let Some(g) = RuleGroup::ALL.into_iter().find(|g| g.as_str() == name) {
                if input.checked() {
                    own.disabled_groups.remove(&g);
                } else {
                    own.disabled_groups.insert(g);
                }
            }
        }
    }
    own
}
