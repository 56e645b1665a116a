//! What Allot says beside each field of "Create Company With Admin Backup Account" as the
//! partner types, and a suggestion applied with one click.

use allot_e2e::{Harness, Message, Page};

/// The codes a field shows with the given severity.
async fn codes_of(page: &Page, field: &str, severity: &str) -> anyhow::Result<Vec<String>> {
    Ok(page
        .messages(field)
        .await?
        .into_iter()
        .filter(|m| m.severity == severity)
        .map(|m| m.code)
        .collect())
}

/// The password checklist's lines: each rule's code and whether it is met.
async fn checklist(p: &Page) -> anyhow::Result<Vec<(String, bool)>> {
    let v = p
        .js(
            r#"const f = document.querySelector('[data-allot-field="password"]');
            const ids = (f.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
            const m = ids.map(id => document.getElementById(id)).find(m => m && m.dataset.allotCode);
            return m ? [...m.querySelectorAll('[data-allot-rule]')].map(li => [li.dataset.allotRule, li.dataset.allotMet === 'true']) : [];"#,
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(v)?)
}

/// Whether a field is marked aria-invalid.
async fn invalid(p: &Page, field: &str) -> anyhow::Result<bool> {
    let v = p
        .js(
            "return document.querySelector(`[data-allot-field=\"${arguments[0]}\"]`).getAttribute('aria-invalid') === 'true';",
            vec![serde_json::json!(field)],
        )
        .await?;
    Ok(v == true)
}

fn assert_severity(m: &Message, severity: &str) {
    assert_eq!(
        m.severity, severity,
        "{} should be an {severity}: {m:?}",
        m.code
    );
}

#[tokio::test]
async fn quota_messages_follow_what_is_typed() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;

    p.type_in("quota_gb", "75").await?;
    let m = p.wait_code("quota_gb", "quota.not_a_tier").await?;
    assert_severity(&m, "error");
    assert_eq!(m.suggestions, ["50", "100"]);

    p.retype("quota_gb", "3").await?;
    let m = p.wait_code("quota_gb", "quota.below_minimum").await?;
    assert_severity(&m, "error");
    assert!(!p
        .codes("quota_gb")
        .await?
        .contains(&"quota.not_a_tier".to_string()));

    p.retype("quota_gb", "10GB").await?;
    let m = p.wait_code("quota_gb", "quota.not_a_number").await?;
    assert_severity(&m, "error");
    assert!(
        m.suggestions.contains(&"10".to_string()),
        "10GB should suggest 10: {m:?}"
    );

    p.retype("quota_gb", "150").await?;
    let m = p.wait_code("quota_gb", "quota.needs_pax8_ticket").await?;
    assert_severity(&m, "warning");
    assert_eq!(
        codes_of(p, "quota_gb", "error").await?,
        Vec::<String>::new()
    );

    p.retype("quota_gb", "20000").await?;
    let m = p.wait_code("quota_gb", "quota.unusually_large").await?;
    assert_severity(&m, "warning");
    assert_eq!(
        codes_of(p, "quota_gb", "error").await?,
        Vec::<String>::new()
    );

    p.retype("quota_gb", "10").await?;
    p.wait_no_code("quota_gb", "quota.unusually_large").await?;
    let m = p.wait_code("quota_gb", "quota.admin_starts_at_5").await?;
    assert_severity(&m, "info");
    assert_eq!(p.codes("quota_gb").await?, ["quota.admin_starts_at_5"]);
    assert_eq!(p.value("quota_gb").await?, "10");
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn username_warns_about_an_address_and_refuses_reserved_names() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    p.type_in("company_name", "Acme Widgets").await?;

    p.type_in("username", "kblanc@pax8.com").await?;
    let m = p.wait_code("username", "username.email_style").await?;
    assert_severity(&m, "warning");
    assert_eq!(
        m.suggestions,
        ["AcmeWidgets"],
        "the suggestion comes from the company name"
    );
    assert_eq!(
        codes_of(p, "username", "error").await?,
        Vec::<String>::new()
    );

    p.retype("username", "123ws").await?;
    let m = p.wait_code("username", "username.reserved").await?;
    assert_severity(&m, "error");
    p.wait_no_code("username", "username.email_style").await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn password_rules_and_confirmation() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;

    // One live checklist under Password, counted as one message: the rule the password
    // misses first is its code; every rule is a line, ticked once met.
    p.type_in("password", "abc").await?;
    p.wait_code("password", "password.length").await?;
    // While typing it is a neutral checklist, not an error: the field is not invalid.
    assert!(!invalid(p, "password").await?);
    assert_eq!(
        p.codes("password").await?,
        ["password.length"],
        "one message"
    );
    let rules = checklist(p).await?;
    assert_eq!(
        rules,
        [
            ("password.length", false),
            ("password.needs_digit", false),
            ("password.needs_upper", false),
            ("password.needs_lower", true),
            ("password.needs_symbol", false),
            ("password.characters", true),
            ("password.run", false),
            ("password.common_word", true),
        ]
        .map(|(c, met)| (c.to_string(), met))
    );
    p.tab().await?;
    p.wait_for("the password marked invalid once left", || async {
        invalid(p, "password").await
    })
    .await?;
    assert_severity(&p.wait_code("password", "password.length").await?, "error");

    p.retype("password", "Hi tech#2024").await?;
    assert_severity(
        &p.wait_code("password", "password.characters").await?,
        "error",
    );

    p.retype("password", "Password#2024").await?;
    assert_severity(
        &p.wait_code("password", "password.common_word").await?,
        "warning",
    );
    p.wait_no_code("password", "password.characters").await?;
    let met: Vec<String> = checklist(p)
        .await?
        .into_iter()
        .filter(|(_, met)| !met)
        .map(|(c, _)| c)
        .collect();
    assert_eq!(met, ["password.common_word"]);

    p.retype("password", "Hightech#2024").await?;
    p.wait_no_code("password", "password.common_word").await?;
    assert_eq!(p.codes("password").await?, Vec::<String>::new());

    p.type_in("confirm_password", "Hightech#2025").await?;
    assert_severity(
        &p.wait_code("confirm_password", "password.mismatch").await?,
        "error",
    );
    p.retype("confirm_password", "Hightech#2024").await?;
    p.wait_no_code("confirm_password", "password.mismatch")
        .await?;

    // No message repeats a password.
    let all = p.body_text().await?;
    assert!(
        !all.contains("Hightech#202"),
        "a password shows on the page"
    );
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn contact_and_licence_fields() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    // The form has been checked once (UltraSafe's note is there) and Company Name, not
    // yet left, is not called required.
    p.wait_code("ultrasafe", "ultrasafe.hipaa").await?;
    assert_eq!(p.codes("company_name").await?, Vec::<String>::new());

    p.field("company_name").await?.click().await?;
    p.tab().await?;
    assert_severity(
        &p.wait_code("company_name", "company.required").await?,
        "error",
    );
    p.type_in("company_name", "Acme Widgets").await?;
    p.wait_no_code("company_name", "company.required").await?;

    p.type_in("email", "kblanc at pax8").await?;
    assert_severity(&p.wait_code("email", "email.format").await?, "error");
    p.retype("email", "kblanc@pax8.com").await?;
    p.wait_no_code("email", "email.format").await?;

    p.retype("egr_licenses", "two").await?;
    assert_severity(
        &p.wait_code("egr_licenses", "licenses.not_a_number").await?,
        "error",
    );
    p.retype("sp_licenses", "-1").await?;
    assert_severity(
        &p.wait_code("sp_licenses", "licenses.not_a_number").await?,
        "error",
    );
    p.retype("egr_licenses", "2").await?;
    p.wait_no_code("egr_licenses", "licenses.not_a_number")
        .await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn a_suggestion_click_sets_the_value_as_typed() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    p.type_in("quota_gb", "75").await?;
    p.wait_code("quota_gb", "quota.not_a_tier").await?;
    assert_eq!(
        p.value("quota_gb").await?,
        "75",
        "nothing changes before the click"
    );

    // The page's own scripts listen to the field.
    p.js(
        r#"window.__pageSaw = [];
        const q = document.querySelector('[data-allot-field="quota_gb"]');
        for (const kind of ['input', 'change']) q.addEventListener(kind, e => window.__pageSaw.push(kind + ':' + e.target.value));"#,
        vec![],
    )
    .await?;
    p.click_suggestion("quota_gb", "50").await?;

    assert_eq!(p.value("quota_gb").await?, "50");
    // Leaving the field for the button is the browser's own change (of 75); then
    // Allot's input and change with the new value.
    let saw: Vec<String> = serde_json::from_value(p.js("return window.__pageSaw;", vec![]).await?)?;
    let with_50: Vec<&String> = saw.iter().filter(|e| e.ends_with(":50")).collect();
    assert_eq!(with_50, ["input:50", "change:50"], "the page saw {saw:?}");
    p.wait_no_code("quota_gb", "quota.not_a_tier").await?;
    p.wait_code("quota_gb", "quota.admin_starts_at_5").await?;
    assert_eq!(
        codes_of(p, "quota_gb", "error").await?,
        Vec::<String>::new()
    );
    // The click removed the focused suggestion while Allot re-rendered: Allot keeps
    // checking (a panic there would leave every later check dead).
    p.type_in("username", "kim@hightech.example.com").await?;
    p.wait_code("username", "username.email_style").await?;
    h.stop().await;
    Ok(())
}
