use allot_e2e::Harness;
use std::time::Duration;

#[tokio::test]
async fn smoke() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let id = h.page.browser.extension_id.clone();
    h.page.client().goto(&format!("chrome-extension://{id}/popup.html")).await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("POPUP {}", h.page.body_text().await?);
    println!("IMPORT {:?}", h.page.client().execute_async("const done = arguments[arguments.length-1]; import('./pkg/allot.js').then(m => m.default({module_or_path:'./pkg/allot_bg.wasm'}).then(() => { try { m.start_popup(); done('ok ' + document.body.innerText) } catch (e) { done('start: ' + e) } })).catch(e => done('err ' + e + ' ' + e.stack))", vec![]).await?);
    h.page.client().goto("chrome://extensions").await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("EXT {:?}", h.page.js("return document.querySelector('extensions-manager') ? document.querySelector('extensions-manager').shadowRoot.innerHTML.slice(0,300) : 'none'", vec![]).await?);
    h.page.goto("").await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    println!("URL {:?}", h.page.client().current_url().await?.as_str());
    println!("STYLE {:?}", h.page.js("return !!document.querySelector('style[data-allot-style]')", vec![]).await?);
    h.page.click_text("Add New Company").await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    println!("FIELDS {:?}", h.page.js("return [...document.querySelectorAll('[data-allot-field]')].map(e=>e.dataset.allotField)", vec![]).await?);
    println!("HTML {}", h.page.js("return document.body.innerHTML.slice(0, 6000)", vec![]).await?.as_str().unwrap_or(""));
    let png = h.page.client().screenshot().await?;
    std::fs::write("/tmp/smoke.png", png)?;
    h.stop().await;
    Ok(())
}
