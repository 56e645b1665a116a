//! axe-core on every state of Allot's own nodes on the dashboard (`[data-allot-own]`): the
//! field messages (plain, the password checklist while typing and once left, a folded
//! note), the error summary, the UltraSafe acknowledgment with its error, and the fix's
//! offer, progress, done and failed boxes. Any violation fails. (The popup and options
//! pages are checked in pages_a11y.rs.)

use allot_e2e::axe::assert_accessible_except;
use allot_e2e::fix::{click_start, create_company, run_to_outcome, wait_offer};
use allot_e2e::form_view::fill_typical_mistakes;
use allot_e2e::{Harness, Page};
use allot_replica::Faults;

/// Allot's nodes on the page.
const OWN: &str = "[data-allot-own]";

/// axe on Allot's nodes. "region" (content outside a landmark) is about the page's own
/// layout: Allot's messages sit inside the dashboard's form, wherever it put it.
async fn check(p: &Page, what: &str) -> anyhow::Result<()> {
    assert_accessible_except(p.client(), OWN, what, &["region"]).await
}

#[tokio::test]
async fn the_forms_messages_summary_and_acknowledgment() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    p.open_create_company().await?;
    // The checklist while typing (before the pause).
    p.type_in("password", "ab").await?;
    check(p, "the password checklist while typing").await?;
    fill_typical_mistakes(p).await?;
    check(p, "the typical mistakes' messages and the acknowledgment").await?;
    p.click_create().await?;
    p.wait_summary().await?;
    p.wait_code("ultrasafe_ack", "ultrasafe.ack_required")
        .await?;
    check(p, "the summary and the acknowledgment's error").await?;
    // A standing note, shown and folded.
    p.retype("username", "HighTech").await?;
    p.wait_code("username", "username.not_reusable").await?;
    check(p, "a standing note").await?;
    p.click_css("[data-allot-for=\"username\"] [data-allot-fold]")
        .await?;
    p.wait_for("the note folded", || async {
        Ok(p.count("[data-allot-unfold]").await? == 1)
    })
    .await?;
    check(p, "a folded note").await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn the_fixs_offer_progress_and_done() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    create_company(p, "HighTech", 100).await?;
    wait_offer(p).await?;
    check(p, "the offer").await?;
    // Folded to its pill, and back.
    p.click_css("[data-allot-fix-panel] button[aria-label=\"Close Allot\"]")
        .await?;
    p.wait_for("the pill", || async {
        Ok(p.count("[data-allot-panel-part=\"pill\"]:not([hidden])")
            .await?
            == 1)
    })
    .await?;
    check(p, "the folded pill").await?;
    p.click_css("[data-allot-panel-part=\"pill\"]").await?;
    wait_offer(p).await?;
    click_start(p).await?;
    p.wait_for("the progress", || async {
        Ok(p.count("[data-allot-resize-progress]").await? > 0)
    })
    .await?;
    check(p, "the progress").await?;
    run_to_outcome(p, None).await?;
    check(p, "done").await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn a_failed_fix() -> anyhow::Result<()> {
    let h = Harness::start().await?;
    h.replica.set_faults(Faults {
        refuse_change_size: Some("The size could not be changed right now.".into()),
        ..Faults::default()
    });
    let p = &h.page;
    create_company(p, "HighTech", 100).await?;
    wait_offer(p).await?;
    click_start(p).await?;
    run_to_outcome(p, None).await?;
    check(p, "failed").await?;
    h.stop().await;
    Ok(())
}
