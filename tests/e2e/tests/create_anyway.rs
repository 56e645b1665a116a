//! "Create with N problems" lets exactly one Create through, whichever way the page
//! sends it (a submit button, Enter in a field, the form's requestSubmit, the AJAX
//! Create), and never one without the UltraSafe acknowledgment. Counts come from the
//! replica (`create_posts`), not from Allot's boxes.

use allot_e2e::{valid_but, without_secrets, Harness, ENTER};
use allot_replica::{CreateRefusal, Faults};

/// A replica whose Create is a normal form POST (a real submit button and form).
async fn posting() -> anyhow::Result<Harness> {
    let h = Harness::start().await?;
    h.replica.set_faults(Faults {
        create_refusal: CreateRefusal::Page,
        ..Faults::default()
    });
    Ok(h)
}

/// Quota 75 (an error), Create held back, then "Create with 1 problem" clicked.
async fn override_one_problem(h: &Harness) -> anyhow::Result<()> {
    let p = &h.page;
    p.open_create_company().await?;
    p.fill(&valid_but("quota_gb", "75")).await?;
    p.wait_code("quota_gb", "quota.not_a_tier").await?;
    p.click_create().await?;
    p.wait_summary().await?;
    assert_eq!(h.replica.snapshot().create_posts, 0, "held back");
    p.click_css("[data-allot-summary] [data-allot-override]")
        .await?;
    p.wait_for("the summary to go", || async {
        Ok(p.summary().await?.is_none())
    })
    .await?;
    Ok(())
}

/// Waits for the one Create at the replica, then makes sure no second one follows.
async fn exactly_one_create(h: &Harness) -> anyhow::Result<()> {
    h.page
        .wait_for("one Create at the server", || async {
            Ok(h.replica.snapshot().create_posts >= 1)
        })
        .await?;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(h.replica.snapshot().create_posts, 1);
    Ok(())
}

#[tokio::test]
async fn a_submit_button_sends_one_create() -> anyhow::Result<()> {
    let h = posting().await?;
    override_one_problem(&h).await?;
    h.page.click_create().await?;
    exactly_one_create(&h).await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn enter_in_a_field_sends_one_create() -> anyhow::Result<()> {
    let h = posting().await?;
    override_one_problem(&h).await?;
    let p = &h.page;
    p.field("company_name").await?.click().await?;
    p.press(ENTER).await?;
    exactly_one_create(&h).await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn the_forms_request_submit_sends_one_create() -> anyhow::Result<()> {
    let h = posting().await?;
    override_one_problem(&h).await?;
    // The dashboard's own script submitting the form (as a Create link would).
    h.page
        .js(
            "document.querySelector('[data-allot-form]').closest('form').requestSubmit(); return true;",
            vec![],
        )
        .await?;
    exactly_one_create(&h).await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn a_new_error_after_the_override_holds_create_again() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    override_one_problem(&h).await?;
    let p = &h.page;
    // A problem the partner has not seen since: Create is held back again.
    p.retype("username", "a b").await?;
    p.click_create().await?;
    let s = p.wait_summary().await?;
    assert_eq!(s["override_text"], "Create with 2 problems");
    assert_eq!(h.replica.snapshot().create_posts, 0);
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn create_with_problems_never_skips_the_ultrasafe_acknowledgment() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    let form = without_secrets(&valid_but("quota_gb", "75"));
    p.fill(&form).await?;
    p.tick("ultrasafe").await?;
    p.click_create().await?;
    let s = p.wait_summary().await?;
    assert_eq!(
        s["override"], false,
        "no override while UltraSafe is unconfirmed"
    );
    p.click_css("[data-allot-ultrasafe-ack]").await?;
    p.wait_for("the summary without the acknowledgment", || async {
        Ok(p.summary().await?.is_some_and(|s| s["override"] == true))
    })
    .await?;
    p.click_css("[data-allot-summary] [data-allot-override]")
        .await?;
    // Unticked again before Create: the override does not cover it.
    p.click_css("[data-allot-ultrasafe-ack]").await?;
    p.click_create().await?;
    let s = p.wait_summary().await?;
    assert_eq!(s["override"], false);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        h.replica.snapshot().create_posts,
        0,
        "sent without the acknowledgment"
    );
    h.stop().await;
    Ok(())
}
