//! The create-company dialog from the partner's side: found when it is inserted and each
//! time it is opened or re-rendered, annotated once, safe with markup in what the partner
//! types, never changing a typed value, and a valid Create reaching the dashboard once.

use allot_e2e::{Harness, Page, VALID_FORM};

/// Every field Allot binds on the create-company form, in the form's order.
const FIELDS: &[&str] = &[
    "company_name",
    "quota_gb",
    "egr_licenses",
    "sp_licenses",
    "endguard",
    "full_name",
    "email",
    "username",
    "password",
    "confirm_password",
    "ultrasafe",
    "secret_question",
    "secret_answer",
];

/// One form recognised, each field bound once and with at most one message box.
async fn assert_annotated_once(p: &Page) -> anyhow::Result<()> {
    assert_eq!(p.count("[data-allot-form]").await?, 1, "forms recognised");
    for f in FIELDS {
        assert_eq!(
            p.count(&format!("[data-allot-field=\"{f}\"]")).await?,
            1,
            "{f} bound"
        );
        let boxes = p
            .count(&format!("[data-allot-own][data-allot-for=\"{f}\"]"))
            .await?;
        assert!(boxes <= 1, "{f} has {boxes} message boxes");
    }
    Ok(())
}

/// The codes of the errors each field shows.
async fn errors(p: &Page) -> anyhow::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for f in FIELDS {
        for m in p.messages(f).await? {
            if m.severity == "error" {
                out.push((f.to_string(), m.code));
            }
        }
    }
    Ok(out)
}

#[tokio::test]
async fn the_dialog_inserted_later_is_annotated_once_each_time_it_opens() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.goto("").await?;
    p.wait_for("Allot on the page", || async {
        Ok(p.count("html[data-allot-fix-state]").await? == 1)
    })
    .await?;
    assert_eq!(
        p.count("[data-allot-form]").await?,
        0,
        "no form before the menu click"
    );
    // A page without a form control gets nothing of the form module's.
    assert_eq!(p.count("style[data-allot-style]").await?, 0);

    p.open_create_company().await?;
    assert_eq!(p.count("[data-allot-form=\"create-company\"]").await?, 1);
    p.type_in("quota_gb", "75").await?;
    p.wait_code("quota_gb", "quota.not_a_tier").await?;
    assert_eq!(p.count("[data-allot-code=\"quota.not_a_tier\"]").await?, 1);
    assert_annotated_once(p).await?;

    // Cancel, then open it again: a new dialog, annotated once.
    p.click_css("input[type=button][value=Cancel]").await?;
    p.wait_for("the dialog to close", || async {
        Ok(p.count("[data-allot-field]").await? == 0)
    })
    .await?;
    assert_eq!(
        p.count("[data-allot-own][data-allot-code]").await?,
        0,
        "messages left behind"
    );
    p.click_text("Add New Company").await?;
    p.wait_for("the new dialog", || async {
        Ok(p.field("quota_gb").await.is_ok())
    })
    .await?;
    p.type_in("quota_gb", "75").await?;
    p.wait_code("quota_gb", "quota.not_a_tier").await?;
    p.type_in("username", "kblanc@pax8.com").await?;
    p.wait_code("username", "username.email_style").await?;
    assert_eq!(p.count("[data-allot-code=\"quota.not_a_tier\"]").await?, 1);
    assert_eq!(
        p.count("[data-allot-code=\"username.email_style\"]")
            .await?,
        1
    );
    assert_annotated_once(p).await?;

    // Opening it while it is open (the menu again) replaces it: still one of everything.
    p.click_text("Add New Company").await?;
    p.wait_for("the replaced dialog", || async {
        Ok(p.field("quota_gb").await.is_ok() && p.value("quota_gb").await?.is_empty())
    })
    .await?;
    p.type_in("quota_gb", "3").await?;
    p.wait_code("quota_gb", "quota.below_minimum").await?;
    assert_annotated_once(p).await?;
    assert_eq!(
        p.count("[data-allot-code=\"quota.below_minimum\"]").await?,
        1
    );
    assert_eq!(p.count("[data-allot-code=\"quota.not_a_tier\"]").await?, 0);
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn a_valid_form_reaches_the_dashboard_exactly_once() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    p.fill(VALID_FORM).await?;
    p.tab().await?;
    p.wait_code("quota_gb", "quota.admin_starts_at_5").await?;
    p.wait_code("username", "username.not_reusable").await?;
    assert_eq!(errors(p).await?, Vec::<(String, String)>::new());

    p.click_create().await?;
    p.wait_text("Company HighTech was created.").await?;
    assert!(p.summary().await?.is_none(), "Allot held back a valid form");
    let state = h.replica.snapshot();
    assert_eq!(state.create_posts, 1);
    let company = h.company("HighTech").expect("HighTech created");
    assert_eq!(company.quota_gb, 10);
    assert_eq!(company.username, "HighTech");
    assert!(!company.ultrasafe);
    assert_eq!(company.accounts.len(), 1);
    assert_eq!(company.accounts[0].name, "HighTech");
    assert_eq!(
        company.accounts[0].size_gb, 5,
        "the dashboard makes the admin account 5 GB"
    );
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn a_taken_username_is_refused_and_the_form_stays_annotated() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    let taken: Vec<_> = VALID_FORM
        .iter()
        .map(|&(f, t)| (f, if f == "username" { "acmedental" } else { t }))
        .collect();
    p.fill(&taken).await?;
    p.wait_code("username", "username.not_reusable").await?;
    p.js(
        "window.__oldQuota = document.querySelector('[data-allot-field=\"quota_gb\"]');",
        vec![],
    )
    .await?;

    p.click_create().await?;
    p.wait_text("The username acmedental is already taken. Choose another username.")
        .await?;
    assert_eq!(h.replica.snapshot().create_posts, 1);
    assert!(!h.has_company("HighTech"));

    // The dashboard re-renders the form (new fields, the values less the passwords).
    p.wait_for("the re-rendered form bound", || async {
        let replaced = p
            .js("return !window.__oldQuota.isConnected;", vec![])
            .await?
            == true;
        Ok(replaced && p.count("[data-allot-field]").await? == FIELDS.len())
    })
    .await?;
    assert_eq!(p.value("username").await?, "acmedental");
    p.wait_code("username", "username.not_reusable").await?;
    assert_annotated_once(p).await?;
    p.retype("quota_gb", "75").await?;
    assert_eq!(
        p.wait_code("quota_gb", "quota.not_a_tier")
            .await?
            .suggestions,
        ["50", "100"]
    );
    p.type_in("password", "abc").await?;
    p.wait_code("password", "password.length").await?;
    assert_annotated_once(p).await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn markup_in_the_company_name_stays_text() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    let name = r#"<img src=x onerror="window.__allotXss=1">Acme"#;
    p.type_in("company_name", name).await?;
    p.type_in("username", "kblanc@pax8.com").await?;
    let m = p.wait_code("username", "username.email_style").await?;
    // The suggestion is made from the name; nothing of it may become an element.
    assert!(
        !m.text.contains('<') && m.suggestions.iter().all(|s| !s.contains('<')),
        "{m:?}"
    );
    p.click_create().await?;
    p.wait_for("the error summary", || async {
        Ok(p.summary().await?.is_some())
    })
    .await?;

    let own_elements = p
        .js(
            r#"return [...document.querySelectorAll('[data-allot-own] *, [data-allot-own]')]
              .filter(e => e.matches('img, script, iframe, [onerror], [src]')).length;"#,
            vec![],
        )
        .await?;
    assert_eq!(
        own_elements, 0,
        "Allot made an element from the company name"
    );
    assert_eq!(p.count("img").await?, 0);
    assert_eq!(
        p.js("return typeof window.__allotXss;", vec![]).await?,
        "undefined"
    );
    assert_eq!(p.value("company_name").await?, name);
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn typed_values_are_never_changed() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    // Values every rule has something to say about, spaces and case included.
    let typed: &[(&str, &str)] = &[
        ("company_name", "  Acme   Widgets "),
        ("quota_gb", "75 GB"),
        ("egr_licenses", "two"),
        ("sp_licenses", "-1"),
        ("full_name", " kim blanc"),
        ("email", "KBlanc at Pax8"),
        ("username", "KBlanc@Pax8.com "),
        ("password", "pass 111"),
        ("confirm_password", "pass 112"),
        ("secret_question", "?"),
        ("secret_answer", "my pass 111"),
    ];
    for (f, text) in typed {
        if matches!(*f, "egr_licenses" | "sp_licenses") {
            p.retype(f, text).await?;
        } else {
            p.type_in(f, text).await?;
        }
        p.tab().await?;
    }
    p.tick("endguard").await?;
    p.wait_code("quota_gb", "quota.not_a_number").await?;
    // The trailing space is an error, shown before the email-style warning.
    p.wait_code("username", "username.characters").await?;
    p.wait_code("confirm_password", "password.mismatch").await?;
    p.click_create().await?;
    p.wait_for("the error summary", || async {
        Ok(p.summary().await?.is_some())
    })
    .await?;
    p.click_css(r#"[data-allot-summary] [data-allot-summary-link="email"]"#)
        .await?;
    assert_eq!(p.focused_field().await?.as_deref(), Some("email"));

    for (f, text) in typed {
        assert_eq!(p.value(f).await?, *text, "{f} changed");
    }
    let ticked = |f: &'static str| async move {
        anyhow::Ok(p.field(f).await?.prop("checked").await?.as_deref() == Some("true"))
    };
    assert!(ticked("endguard").await?, "Enable EndGuard changed");
    assert!(!ticked("ultrasafe").await?, "Is Ultrasafe changed");
    assert_eq!(h.replica.snapshot().create_posts, 0);
    h.stop().await;
    Ok(())
}
