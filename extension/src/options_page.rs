//! The options page: the partner's 50 GB steps setting, the rule groups they can switch
//! off (kept in extension storage under `allot.options`), and their own dashboard
//! addresses, in fieldsets; each check says what switching it off does. What the
//! organization set by policy shows as "Set by your organization", and cannot be changed
//! here.

use crate::browser;
use crate::dom::{self, append_text};
use crate::hosts;
use crate::log;
use crate::settings::{self, OPTIONS_KEY};
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
    let own = settings::own_options().await;
    let managed = settings::managed().await;
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

    let sizes = fieldset(&doc, &root, "Your distributor")?;
    checkbox(
        &doc,
        &sizes,
        Check {
            key: "pax8_half_steps",
            label: "My distributor has enabled 50 GB steps (150, 250, 350 GB ...)",
            hint: "Off: Allot warns that 150, 250, 350 GB ... need a support ticket with your distributor (Pax8, for example). On: Allot takes them as valid sizes.",
        },
        effective.pax8_half_steps,
        managed.pax8_half_steps.is_some(),
    )?;

    let checks = fieldset(&doc, &root, "Checks")?;
    append_text(
        &doc,
        &checks,
        "p",
        "muted",
        "A check switched off shows no messages and never holds back Create.",
    )?;
    for group in RuleGroup::ALL {
        checkbox(
            &doc,
            &checks,
            Check {
                key: &format!("group.{}", group.as_str()),
                label: group_label(group),
                hint: group_off(group),
            },
            effective.enabled(group),
            managed.disabled_groups.is_some(),
        )?;
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
            let own = settings::own_options().await;
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
    root.add_event_listener_with_callback("change", &crate::guard::guarded(cb.as_ref()))?;
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
        dom::on_click(&remove, move || {
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
    dom::on_click(&add, move || {
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

/// Says something in the page's status line.
fn say(text: &str) {
    dom::say_in("[data-allot-options-status]", text);
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

/// What switching a group off does, in the partner's words.
fn group_off(group: RuleGroup) -> &'static str {
    match group {
        RuleGroup::Quota => "Off: Allot no longer checks Quota In GB and account sizes against the sizes the dashboard provisions (5, 10, 25, 50 GB, then steps of 100 GB). The admin backup account fix still checks the size it sets.",
        RuleGroup::Username => "Off: Allot no longer checks Username (length, characters the dashboard refuses, email-style names) and no longer reminds you that a username can never be used again.",
        RuleGroup::Password => "Off: Allot no longer checks Password and Confirm Password (length, the characters needed, runs such as 123, common words, a mismatch).",
        RuleGroup::Ultrasafe => "Off: Allot no longer warns that Is UltraSafe is permanent and leaves no way to recover the data, and no longer asks you to confirm it before Create.",
        RuleGroup::Secret => "Off: Allot no longer checks Secret Question and Secret Answer (needed without UltraSafe; the answer must not contain the password).",
        RuleGroup::Company => "Off: Allot no longer checks that Company Name is filled in, and no longer notes when the company will not be managed.",
        RuleGroup::FullName => "Off: Allot no longer checks that Full Name is filled in.",
        RuleGroup::Email => "Off: Allot no longer checks Email (filled in, an address like name@example.com).",
        RuleGroup::Licenses => "Off: Allot no longer checks that EGR Licenses and SP v5 Licenses are whole numbers from 0.",
    }
}

/// One option as the page shows it: its storage key (`data-option`), its label and what
/// switching it off does.
struct Check<'a> {
    key: &'a str,
    label: &'a str,
    hint: &'a str,
}

/// Adds a labelled checkbox to `set`, with what switching it off does as its
/// description; one set by policy is disabled and says so in its label.
fn checkbox(
    doc: &Document,
    set: &Element,
    check: Check,
    on: bool,
    by_policy: bool,
) -> Result<(), JsValue> {
    let hint_id = format!("allot-option-hint-{}", check.key.replace('.', "-"));
    let label = dom::make(doc, "label", "row")?;
    let input: HtmlInputElement = dom::make(doc, "input", "")?.dyn_into()?;
    input.set_type("checkbox");
    input.set_checked(on);
    input.set_attribute("data-option", check.key)?;
    input.set_attribute("aria-describedby", &hint_id)?;
    if by_policy {
        input.set_disabled(true);
        input.set_attribute("data-allot-managed", "")?;
    }
    label.append_child(&input)?;
    append_text(doc, &label, "span", "", check.label)?;
    if by_policy {
        append_text(doc, &label, "span", "managed", &format!(" ({BY_POLICY})"))?;
    }
    set.append_child(&label)?;
    let hint = append_text(doc, set, "p", "hint", check.hint)?;
    hint.set_attribute("id", &hint_id)?;
    Ok(())
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
