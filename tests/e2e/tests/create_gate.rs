//! Allot holding back a Create that would fail: the error summary, its links, the
//! keyboard path, "Create anyway", and the UltraSafe acknowledgment.

use allot_e2e::{valid_but, without_secrets, VALID_FORM};
use allot_e2e::{Harness, Page, ENTER};
use allot_replica::Faults;
use serde_json::Value;

/// The valid form with one field's text changed.
fn summary_codes(summary: &Value) -> Vec<(String, String)> {
    summary["links"]
        .as_array()
        .map(|links| {
            links
                .iter()
                .map(|l| {
                    let s = |k: &str| l[k].as_str().unwrap_or_default().to_string();
                    (s("field"), s("code"))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The page's own Create handler disables the button as it posts: still enabled means
/// it never ran.
async fn create_is_enabled(p: &Page) -> anyhow::Result<bool> {
    Ok(p.create_button().await?.prop("disabled").await?.as_deref() != Some("true"))
}

#[tokio::test]
async fn create_is_held_back_with_a_focused_summary_whose_links_focus_fields() -> anyhow::Result<()>
{
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    p.fill(&valid_but("quota_gb", "75")).await?;
    p.wait_code("quota_gb", "quota.not_a_tier").await?;

    p.click_create().await?;
    let s = p.wait_summary().await?;
    assert_eq!(s["focused"], true, "the summary takes focus");
    assert_eq!(s["override"], true, "the summary offers Create anyway");
    assert_eq!(s["override_text"], "Create with 1 problem");
    assert_eq!(
        summary_codes(&s),
        [("quota_gb".to_string(), "quota.not_a_tier".to_string())]
    );
    assert!(create_is_enabled(p).await?, "the page's Create handler ran");
    assert_eq!(h.replica.snapshot().create_posts, 0);

    p.click_css(r#"[data-allot-summary] [data-allot-summary-link="quota_gb"]"#)
        .await?;
    assert_eq!(p.focused_field().await?.as_deref(), Some("quota_gb"));
    assert_eq!(h.replica.snapshot().create_posts, 0);
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn enter_on_create_is_held_back_too() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    p.fill(&valid_but("password", "abc")).await?;
    p.wait_code("password", "password.length").await?;
    p.wait_code("confirm_password", "password.mismatch").await?;

    // Focus Create as a keyboard user does (Tab out of the last field), then Enter.
    p.field("secret_answer").await?.click().await?;
    p.tab().await?;
    let focused_is_create = p
        .js(
            r#"const b = document.activeElement;
            return !!b && (b.value || b.textContent || '').trim() === 'Create';"#,
            vec![],
        )
        .await?;
    assert_eq!(
        focused_is_create, true,
        "Tab from Secret Answer reaches Create"
    );
    p.press(ENTER).await?;

    let s = p.wait_summary().await?;
    assert_eq!(s["focused"], true);
    let codes = summary_codes(&s);
    assert!(
        codes.contains(&("password".into(), "password.length".into())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("confirm_password".into(), "password.mismatch".into())),
        "{codes:?}"
    );
    assert!(create_is_enabled(p).await?, "the page's Create handler ran");
    assert_eq!(h.replica.snapshot().create_posts, 0);
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn create_anyway_lets_the_next_create_through() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    p.fill(&valid_but("quota_gb", "75")).await?;
    p.wait_code("quota_gb", "quota.not_a_tier").await?;
    p.click_create().await?;
    p.wait_summary().await?;
    assert_eq!(h.replica.snapshot().create_posts, 0);

    p.click_css("[data-allot-summary] [data-allot-override]")
        .await?;
    p.wait_for("the summary to go", || async {
        Ok(p.summary().await?.is_none())
    })
    .await?;
    // Focus is on Create now: Enter sends it, through Allot, unchanged.
    let focused = p
        .js(
            "return document.activeElement && document.activeElement.value;",
            vec![],
        )
        .await?;
    assert_eq!(focused, serde_json::json!("Create"));
    p.press(ENTER).await?;
    p.wait_for("one Create at the server", || async {
        Ok(h.replica.snapshot().create_posts == 1)
    })
    .await?;
    // The dashboard refuses 75 GB and says so in the dialog.
    p.wait_text("Quota In GB must be 5, 10, 25 or 50 GB, or a multiple of 100 GB.")
        .await?;
    assert_eq!(h.replica.snapshot().create_posts, 1);
    assert!(!h.has_company("HighTech"));
    // "Create anyway" removed the focused summary: Allot still checks the form the
    // dashboard showed again (a panic there would leave every later check dead).
    p.wait_for("the form shown again, recognised by Allot", || async {
        Ok(p.field("quota_gb").await.is_ok())
    })
    .await?;
    p.retype("quota_gb", "7").await?;
    p.wait_code("quota_gb", "quota.not_a_tier").await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn ultrasafe_needs_the_acknowledgment() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    // UltraSafe removes the secret question: the secret fields stay empty.
    let without_secret = without_secrets(VALID_FORM);
    p.fill(&without_secret).await?;
    assert_eq!(p.count("[data-allot-ultrasafe-ack]").await?, 0);

    p.tick("ultrasafe").await?;
    assert_eq!(
        p.wait_code("ultrasafe", "ultrasafe.irreversible")
            .await?
            .severity,
        "warning"
    );
    p.wait_for("the acknowledgment", || async {
        Ok(p.count("[data-allot-ultrasafe-ack]").await? == 1)
    })
    .await?;
    let ticked = p
        .js(
            "return document.querySelector('[data-allot-ultrasafe-ack]').checked;",
            vec![],
        )
        .await?;
    assert_eq!(ticked, false, "the acknowledgment starts unticked");

    p.click_create().await?;
    let s = p.wait_summary().await?;
    assert_eq!(
        summary_codes(&s),
        [(
            "ultrasafe_ack".to_string(),
            "ultrasafe.ack_required".to_string()
        )]
    );
    // The acknowledgment carries its error; the summary has no override for it.
    assert_eq!(s["override"], false, "UltraSafe is never overridden");
    assert_eq!(
        p.wait_code("ultrasafe_ack", "ultrasafe.ack_required")
            .await?
            .severity,
        "error"
    );
    let invalid = p
        .js(
            "return document.querySelector('[data-allot-ultrasafe-ack]').getAttribute('aria-invalid');",
            vec![],
        )
        .await?;
    assert_eq!(invalid, "true");
    // Its summary link lands on the acknowledgment, not on Is Ultrasafe.
    p.click_css(r#"[data-allot-summary] [data-allot-summary-link="ultrasafe_ack"]"#)
        .await?;
    let on_ack = p
        .js(
            "return document.activeElement && document.activeElement.hasAttribute('data-allot-ultrasafe-ack');",
            vec![],
        )
        .await?;
    assert_eq!(on_ack, true, "the summary link focuses the acknowledgment");
    assert!(create_is_enabled(p).await?, "the page's Create handler ran");
    assert_eq!(h.replica.snapshot().create_posts, 0);

    p.click_css("[data-allot-ultrasafe-ack]").await?;
    p.wait_no_code("ultrasafe_ack", "ultrasafe.ack_required")
        .await?;
    p.click_create().await?;
    p.wait_text("Company HighTech was created.").await?;
    let state = h.replica.snapshot();
    assert_eq!(state.create_posts, 1);
    let company = h.company("HighTech").expect("HighTech created");
    assert!(company.ultrasafe, "HighTech should be UltraSafe");
    h.stop().await;
    Ok(())
}

/// A dialog built in steps (its button bar arrives 150 ms after its fields): Allot finds
/// the form as soon as its fields are there, and its Create once it arrives, and holds
/// that Create back. The replica's count of Create posts says whether it got through.
#[tokio::test]
async fn a_create_that_arrives_after_the_fields_is_held_back_too() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    h.replica.set_faults(Faults {
        dialog_in_steps: true,
        ..Faults::default()
    });
    let p = &h.page;
    p.open_create_company().await?;
    p.fill(&valid_but("quota_gb", "75")).await?;
    p.wait_code("quota_gb", "quota.not_a_tier").await?;

    p.click_css(r#"input[type="button"][value="Create"]"#)
        .await?;
    let s = p.wait_summary().await?;
    assert_eq!(
        summary_codes(&s),
        [("quota_gb".to_string(), "quota.not_a_tier".to_string())]
    );
    assert_eq!(
        h.replica.snapshot().create_posts,
        0,
        "the Create reached the dashboard"
    );
    h.stop().await;
    Ok(())
}
