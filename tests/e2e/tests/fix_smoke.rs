use allot_e2e::Harness;
use std::time::Duration;

#[tokio::test]
async fn fix_smoke() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    for (f, v) in [("company_name", "HighTech"), ("quota_gb", "10"), ("full_name", "Kim Blanc"), ("email", "kblanc@pax8.com"), ("username", "HighTech"), ("password", "Hightech#2024"), ("confirm_password", "Hightech#2024"), ("secret_question", "Mascot?"), ("secret_answer", "Master Chief")] {
        p.type_in(f, v).await?;
    }
    tokio::time::sleep(Duration::from_millis(400)).await;
    p.click_create().await?;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    println!("BODY1 {}", p.body_text().await?.chars().take(600).collect::<String>());
    p.click_text("Close").await?;
    tokio::time::sleep(Duration::from_millis(2000)).await;
    println!("OFFER {:?}", p.js("const o=document.querySelector('[data-allot-resize-offer]'); return o && o.innerText", vec![]).await?);
    p.js("document.querySelector('[data-allot-resize-start]').click()", vec![]).await?;
    for i in 0..40 {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let v = p.js("const q=s=>{const e=document.querySelector(s); return e && e.innerText}; return [location.pathname, q('[data-allot-resize-progress]'), q('[data-allot-resize-done]'), q('[data-allot-resize-failed]')]", vec![]).await;
        println!("{i} {v:?}");
        if let Ok(v) = v { if !v[2].is_null() || !v[3].is_null() { break; } }
    }
    println!("STATE {:?}", h.replica.snapshot().companies.iter().map(|c| (c.name.clone(), c.accounts.iter().map(|a| (a.name.clone(), a.size_gb)).collect::<Vec<_>>())).collect::<Vec<_>>());
    let id = p.browser.extension_id.clone();
    p.client().goto(&format!("chrome-extension://{id}/popup.html")).await?;
    tokio::time::sleep(Duration::from_millis(800)).await;
    println!("POPUP {}", p.body_text().await?);
    println!("STORAGE {:?}", p.client().execute_async("const done = arguments[arguments.length-1]; chrome.storage.local.get(null).then(v => done(JSON.stringify(v)))", vec![]).await?);
    std::fs::write("/tmp/fix.png", p.client().screenshot().await?)?;
    h.stop().await;
    Ok(())
}
