//! Allot on dashboard pages whose Content-Security-Policy forbids WebAssembly (the
//! replica's `page_csp` switch): the create form is annotated and a Create that would fail
//! is held back, in Chromium through the JS build of the module; and when Allot cannot
//! start, the toolbar badge and the popup say so.

use allot_e2e::{extension_dir, Browser, BrowserKind, Harness, Page, VALID_FORM};
use allot_replica::{Faults, Replica};
use fantoccini::Locator;
use serde_json::{json, Value};

/// Serves every page under `csp` and opens the dashboard's home under it.
async fn start_under(csp: &str) -> anyhow::Result<Harness> {
    let h = Harness::start().await?;
    h.replica.set_faults(Faults {
        page_csp: Some(csp.to_string()),
        ..Faults::default()
    });
    h.page.goto("").await?;
    Ok(h)
}

/// The page is served under `csp` with no inline script and, in Chromium, its own
/// WebAssembly is refused (Firefox's WebDriver scripts run outside the page's CSP).
async fn assert_strict(p: &Page, csp: &str) -> anyhow::Result<()> {
    assert_eq!(p.count("script[src=\"/replica.js\"]").await?, 1);
    let served = run_async(
        p,
        "return (await fetch(location.href)).headers.get('content-security-policy');",
    )
    .await?;
    assert_eq!(served, json!(csp));
    if p.browser.kind == BrowserKind::Chromium {
        let compiled = run_async(
            p,
            "try { await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); return 'compiled'; }
             catch (e) { return 'refused: ' + e; }",
        )
        .await?;
        let compiled = compiled.as_str().unwrap_or_default();
        assert!(
            compiled.starts_with("refused"),
            "the page's CSP let WebAssembly compile: {compiled}"
        );
    }
    Ok(())
}

/// The form annotated, an invalid Create held back, then the corrected one sent once.
async fn annotates_and_gates(csp: &str) -> anyhow::Result<()> {
    let h = start_under(csp).await?;
    let p = &h.page;
    assert_strict(p, csp).await?;
    p.open_create_company().await?;
    let form: Vec<(&str, &str)> = VALID_FORM
        .iter()
        .map(|&(f, t)| (f, if f == "quota_gb" { "75" } else { t }))
        .collect();
    p.fill(&form).await?;
    p.wait_code("quota_gb", "quota.not_a_tier").await?;
    assert_eq!(p.count("[data-allot-code=\"quota.not_a_tier\"]").await?, 1);

    p.click_create().await?;
    p.wait_for("the error summary", || async {
        Ok(p.summary().await?.is_some())
    })
    .await?;
    assert_eq!(
        h.replica.snapshot().create_posts,
        0,
        "Create was not held back"
    );

    p.retype("quota_gb", "10").await?;
    p.wait_no_code("quota_gb", "quota.not_a_tier").await?;
    p.click_create().await?;
    p.wait_text("Company HighTech was created.").await?;
    assert_eq!(h.replica.snapshot().create_posts, 1);
    assert!(h.has_company("HighTech"));
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn under_default_src_self_the_form_is_annotated_and_gated() -> anyhow::Result<()> {
    annotates_and_gates("default-src 'self'").await
}

#[tokio::test]
async fn under_script_src_self_the_form_is_annotated_and_gated() -> anyhow::Result<()> {
    annotates_and_gates("script-src 'self'").await
}

/// Runs `body` (an async function's body) in the current page and returns what it returns.
async fn run_async(p: &Page, body: &str) -> anyhow::Result<Value> {
    let script = format!(
        "const done = arguments[arguments.length - 1];\n\
         (async () => {{ {body} }})().then(done, (e) => done({{ error: String(e) }}));"
    );
    Ok(p.client().execute_async(&script, vec![]).await?)
}

/// What the loader does when no way starts, sent from a tab of the extension's own (a page
/// that reloads would lose its badge, which is what a new page in a tab does): the badge
/// shows "!" with the reason, and the popup for that tab says "Allot cannot run".
#[tokio::test]
async fn the_badge_and_the_popup_say_when_allot_cant_run() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    let win = p.client().new_window(false).await?.handle;
    p.client().switch_to_window(win).await?;
    p.client()
        .goto(&p.browser.extension_url("popup.html"))
        .await?;
    let reason = "WebAssembly: refused; JS build: refused";
    let sent = run_async(
        p,
        &format!(
            "return await chrome.runtime.sendMessage({});",
            json!({ "start": "failed", "reason": reason })
        ),
    )
    .await?;
    assert_eq!(sent, json!({ "ok": true }));
    let badge = run_async(
        p,
        "const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
         return [await chrome.action.getBadgeText({ tabId: tab.id }),
                 await chrome.action.getTitle({ tabId: tab.id })];",
    )
    .await?;
    assert_eq!(
        badge,
        json!(["!", format!("Allot cannot run on this page: {reason}")])
    );

    // The popup, in a frame of this tab: the active tab is the one that can't run.
    p.js(
        "const f = document.createElement('iframe'); f.src = 'popup.html'; f.id = 'popup';
         document.body.append(f);",
        vec![],
    )
    .await?;
    let frame = p.client().find(Locator::Id("popup")).await?;
    frame.enter_frame().await?;
    p.wait_for("the popup's line about this tab", || async {
        Ok(p.count("[data-allot-popup-tab]").await? > 0)
    })
    .await?;
    let line = p
        .js(
            "const e = document.querySelector('[data-allot-popup-tab]');
             return [e.dataset.allotPopupTab, e.textContent];",
            vec![],
        )
        .await?;
    assert_eq!(
        line,
        json!([
            "cant-run",
            format!("Allot cannot run on this page: {reason}")
        ])
    );
    h.stop().await;
    Ok(())
}

/// The loader's own failure path, with nothing made to fail in Allot's code: a Chromium
/// package without its JS build (pkg/allot_js.js) on a page that refuses WebAssembly. The
/// dashboard tab gets the badge, and the background gives the popup the reason. (No page
/// CSP stops both ways in a whole package: the JS build runs in the content script's
/// isolated world, which the page's CSP does not govern, and Firefox never refuses WASM.)
#[tokio::test]
async fn without_a_way_to_start_the_tab_says_why() -> anyhow::Result<()> {
    if BrowserKind::from_env()? == BrowserKind::Firefox {
        eprintln!("skipped: Firefox runs the WASM under any page CSP");
        return Ok(());
    }
    let package = std::env::temp_dir().join(format!("allot-e2e-nojs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&package);
    let copied = std::process::Command::new("cp")
        .arg("-r")
        .arg(extension_dir()?)
        .arg(&package)
        .status()?;
    anyhow::ensure!(copied.success(), "copying the package failed");
    std::fs::remove_file(package.join("pkg/allot_js.js"))?;

    let replica = Replica::start(0).await?;
    let browser = Browser::start(&package, replica.addr.port()).await?;
    let base = browser.dashboard_base().to_string();
    let h = Harness {
        replica,
        page: Page::new(browser, base),
    };
    let p = &h.page;
    p.goto("__replica/login").await?;
    h.replica.set_faults(Faults {
        page_csp: Some("script-src 'self'".into()),
        ..Faults::default()
    });
    // A page with a form: Allot starts only where there is a control to check.
    p.goto("").await?;
    p.click_text("Add New Company").await?;
    let back = p.client().window().await?;
    let win = p.client().new_window(false).await?.handle;
    p.client().switch_to_window(win).await?;
    p.client()
        .goto(&p.browser.extension_url("popup.html"))
        .await?;
    let read = "const [tab] = await chrome.tabs.query({ url: 'https://*/*' });
         if (!tab) return null;
         return [await chrome.action.getBadgeText({ tabId: tab.id }),
                 await chrome.action.getTitle({ tabId: tab.id }),
                 await chrome.runtime.sendMessage({ start: 'status', tab: tab.id })];";
    p.wait_for("the dashboard tab's badge", || async {
        Ok(run_async(p, read).await?[0] == "!")
    })
    .await?;
    let seen = run_async(p, read).await?;
    let title = seen[1].as_str().unwrap_or_default();
    assert!(
        title.starts_with("Allot cannot run on this page: WebAssembly: ")
            && title.contains("JS build: "),
        "the badge's title: {title}"
    );
    assert_eq!(
        seen[2]["reason"].as_str(),
        title.strip_prefix("Allot cannot run on this page: "),
        "the reason the popup gets"
    );
    p.client().close_window().await?;
    p.client().switch_to_window(back).await?;
    assert_eq!(p.count("[data-allot-form]").await?, 0);
    h.stop().await;
    let _ = std::fs::remove_dir_all(&package);
    Ok(())
}
