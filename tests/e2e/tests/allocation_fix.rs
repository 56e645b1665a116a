//! The allocation fix end to end (issue 4, "End-to-end tests"): a company created at more
//! than 5 GB through the real form, Allot's offer, one click that drives the dashboard's
//! own pages, and what the partner and the replica see afterwards. Every run ends by
//! reading extension storage for the password and the secret answer typed at Create.

use allot_e2e::fix;
use allot_e2e::{Harness, Page};
use allot_replica::{Faults, PARTNER_NAME};
use anyhow::{ensure, Result};
use std::time::Duration;

/// How long a test waits for something Allot shows outside a run.
const PATIENCE: Duration = Duration::from_secs(10);

/// Creates HighTech at `quota_gb` and waits for the offer, checking that nothing has
/// been changed yet (a fix never runs unless the partner clicked for it).
async fn hightech_with_offer(h: &Harness, quota_gb: u32) -> Result<fix::Offer> {
    fix::create_company(&h.page, "HighTech", quota_gb).await?;
    let offer = fix::wait_offer(&h.page).await?;
    let snap = h.replica.snapshot();
    ensure!(
        snap.change_size_posts == 0,
        "a size change was sent before any click"
    );
    ensure!(
        fix::admin_gb(&snap, "HighTech") == Some(5),
        "the replica made HighTech's admin account at {:?} GB, not 5",
        fix::admin_gb(&snap, "HighTech")
    );
    Ok(offer)
}

/// The page is back in the partner session: no resume link, the partner in the upper
/// right.
fn assert_partner_session(v: &fix::FixView) {
    assert!(
        !v.resume_link,
        "the page still offers to resume the partner session: {v:#?}"
    );
    assert_eq!(
        v.upper_right.as_deref(),
        Some(PARTNER_NAME),
        "upper right: {v:#?}"
    );
}

/// The fix ended done at `gb`: the replica, the page and the popup agree, the size was
/// changed exactly once (never, when the account already had that size), and storage
/// holds no secret.
async fn assert_done_at(h: &Harness, run: &fix::Run, gb: u64) -> Result<()> {
    let done = run.done()?;
    assert!(done.contains(&format!("now {gb} GB")), "done box: {done}");
    let snap = h.replica.snapshot();
    assert_eq!(fix::admin_gb(&snap, "HighTech"), Some(gb), "{snap:#?}");
    let posts = if gb == 5 { 0 } else { 1 };
    assert_eq!(
        snap.change_size_posts, posts,
        "the size must be changed exactly once, and only if it differs"
    );
    assert_partner_session(&run.end);
    assert!(
        run.end.offers.is_empty(),
        "the offer is still shown: {:#?}",
        run.end
    );
    let ext = fix::assert_no_secrets(&h.page).await?;
    let row = ext.row("HighTech")?;
    assert_eq!(row.status, "done", "{row:?}");
    assert_eq!(row.now(), format!("{gb} GB"), "{row:?}");
    Ok(())
}

#[tokio::test]
async fn one_click_gives_the_admin_account_the_size_asked_at_create() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    let offer = hightech_with_offer(&h, 10).await?;
    assert!(
        offer
            .text
            .contains("HighTech's admin backup account is 5 GB; you asked for 10 GB"),
        "offer: {}",
        offer.text
    );
    assert_eq!(offer.size, "10");
    assert!(!offer.start_disabled);
    let waiting = fix::assert_no_secrets(p).await?;
    let row = waiting.row("HighTech")?;
    assert_eq!(
        (row.status.as_str(), row.asked(), row.now()),
        ("pending", "10 GB", "5 GB")
    );

    fix::click_start(p).await?;
    let run = fix::run_to_outcome(p, None).await?;
    assert_done_at(&h, &run, 10).await?;
    assert!(
        !run.steps_seen.is_empty(),
        "the progress never showed a step"
    );

    // The offer stays gone on the next page load, and nothing runs again.
    fix::reload_expecting_no_offer(p).await?;
    assert_partner_session(&fix::view(p).await?);
    assert_eq!(h.replica.snapshot().change_size_posts, 1);
    fix::assert_no_secrets(p).await?;
    h.stop().await;
    Ok(())
}

/// Starts the fix, reloads the page once when it shows what `when` looks for, and checks
/// that the run resumed, finished and resized exactly once.
async fn reload_mid_run(when: fix::ReloadWhen<'_>, what: &str) -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    hightech_with_offer(&h, 10).await?;
    fix::click_start(p).await?;
    let run = fix::run_to_outcome(p, Some(when)).await?;
    assert!(
        run.reloaded.is_some(),
        "the page never showed {what}; the progress showed steps {:?}",
        run.steps_seen
    );
    assert_done_at(&h, &run, 10).await?;
    fix::reload_expecting_no_offer(p).await?;
    assert_eq!(h.replica.snapshot().change_size_posts, 1);
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn a_reload_at_step_2_resumes_the_run_and_resizes_once() -> Result<()> {
    reload_mid_run(&fix::at_step(2), "step 2").await
}

#[tokio::test]
async fn a_reload_at_step_4_resumes_the_run_and_resizes_once() -> Result<()> {
    reload_mid_run(&fix::at_step(4), "step 4").await
}

/// Step 5 ("Checking the Home page") shows only for the moment between Allot's click on
/// Home and the page load; the reload comes when the company's Home page is there, with
/// the new size in its usage table, before Allot has said the fix is done (before it has
/// looked, or while it shows its last step: a busy machine can miss the first moment).
#[tokio::test]
async fn a_reload_at_step_5_resumes_the_run_and_resizes_once() -> Result<()> {
    let home_not_yet_confirmed = |v: &fix::FixView| {
        v.resume_link
            && v.done.is_none()
            && v.failed.is_none()
            && v.usage
                .iter()
                .any(|(name, size)| name == "HighTech" && size == "10 GB")
    };
    reload_mid_run(
        &home_not_yet_confirmed,
        "the company's Home page with HighTech at 10 GB, before the fix said done",
    )
    .await
}

#[tokio::test]
async fn cancel_leaves_the_account_as_it_was_and_the_offer_there() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    hightech_with_offer(&h, 10).await?;
    fix::click_start(p).await?;
    let step = fix::cancel_as_soon_as_progress_shows(p).await?;
    let v = fix::view(p).await?;
    let offer = v.offer()?;
    assert!(
        offer
            .text
            .contains("HighTech's admin backup account is 5 GB; you asked for 10 GB"),
        "offer after Cancel: {}",
        offer.text
    );
    assert!(
        offer.text.contains("Nothing was changed"),
        "the offer does not say nothing was changed: {}",
        offer.text
    );
    assert!(v.done.is_none() && v.failed.is_none(), "{v:#?}");
    let snap = h.replica.snapshot();
    assert_eq!(fix::admin_gb(&snap, "HighTech"), Some(5), "{snap:#?}");
    assert_eq!(
        snap.change_size_posts, 0,
        "cancelled at step {step}, yet a size was sent"
    );

    // Back to the partner's home page: the offer is still there, and nothing runs.
    if v.resume_link {
        p.click_text(&format!("Click here to resume session as {PARTNER_NAME}"))
            .await?;
    } else {
        p.goto("").await?;
    }
    let v = fix::wait_view(p, "the offer on the partner's home page", PATIENCE, |v| {
        !v.offers.is_empty() && !v.resume_link
    })
    .await?;
    assert!(v.progress.is_none(), "a run started again: {v:#?}");
    let ext = fix::assert_no_secrets(p).await?;
    let row = ext.row("HighTech")?;
    assert_eq!(row.status, "cancelled", "{row:?}");
    assert_eq!(row.now(), "5 GB", "{row:?}");
    assert_eq!(h.replica.snapshot().change_size_posts, 0);
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn a_size_the_dashboard_refuses_ends_in_failed_with_the_manual_steps() -> Result<()> {
    const REFUSAL: &str = "Account size changes are disabled for this company.";
    let h = Harness::start().await?;
    let p = &h.page;
    hightech_with_offer(&h, 10).await?;
    h.replica.set_faults(Faults {
        refuse_change_size: Some(REFUSAL.into()),
        ..Faults::default()
    });
    fix::click_start(p).await?;
    let run = fix::run_to_outcome(p, None).await?;
    let failed = run.failed()?;
    assert!(
        failed.contains(REFUSAL),
        "the failure does not quote the dashboard: {failed}"
    );
    assert!(
        run.end.manual_steps.len() >= 2,
        "too few manual steps: {:#?}",
        run.end.manual_steps
    );
    assert!(
        run.end
            .manual_steps
            .iter()
            .any(|s| s.contains("Change Account Size") || s.contains("Ok")),
        "the manual steps do not say how to change the size: {:#?}",
        run.end.manual_steps
    );
    let snap = h.replica.snapshot();
    assert_eq!(fix::admin_gb(&snap, "HighTech"), Some(5), "{snap:#?}");
    assert_eq!(
        snap.change_size_posts, 1,
        "Ok must be clicked once, never retried"
    );
    let ext = fix::assert_no_secrets(p).await?;
    assert_eq!(ext.row("HighTech")?.status, "failed");
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn another_company_in_the_upper_right_stops_the_run_before_any_change() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    hightech_with_offer(&h, 10).await?;
    h.replica.set_faults(Faults {
        login_as_wrong_company: true,
        ..Faults::default()
    });
    let before = h.replica.snapshot();
    fix::click_start(p).await?;
    let run = fix::run_to_outcome(p, None).await?;
    let failed = run.failed()?;
    // The replica opens the first other company in its list.
    assert!(
        failed.contains("Acme Dental"),
        "the failure does not name the company shown: {failed}"
    );
    assert!(
        failed.contains("before changing anything"),
        "the failure does not say nothing changed: {failed}"
    );
    assert!(
        !run.end.manual_steps.is_empty(),
        "no manual steps: {:#?}",
        run.end
    );
    assert_eq!(h.replica.snapshot(), before, "the replica's state changed");
    let ext = fix::assert_no_secrets(p).await?;
    assert_eq!(ext.row("HighTech")?.status, "failed");
    h.stop().await;
    Ok(())
}

/// In a window that showed the offer before the run started elsewhere: the offer goes
/// (Allot sees the fix running in another tab), or, clicked before it goes, refuses to
/// start a second run there.
async fn stale_offer_refuses_to_start(p: &Page) -> Result<()> {
    let clicked =
        p.count("[data-allot-resize-start]").await? > 0 && fix::click_start(p).await.is_ok();
    let v = fix::wait_view(p, "the stale offer gone or refusing", PATIENCE, |v| {
        v.offers.is_empty() || v.offers.first().is_some_and(|o| !o.messages.is_empty())
    })
    .await?;
    if let Some(offer) = v.offers.first() {
        let note = &offer.messages[0].text;
        assert!(
            clicked && note.contains("already running or done"),
            "stale offer's note: {note}"
        );
    }
    assert!(
        v.progress.is_none(),
        "the second window runs the fix too: {v:#?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_double_click_and_a_second_window_never_resize_twice() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    hightech_with_offer(&h, 10).await?;
    // A second window opened before the click shows the offer too.
    let first = fix::open_window(p, "").await?;
    fix::wait_offer(p).await?;
    let stale = p.client().window().await?;
    p.client().switch_to_window(first.clone()).await?;

    fix::double_click_start(p).await?;
    fix::wait_view(p, "the run's progress", PATIENCE, |v| {
        v.progress.is_some() || v.done.is_some() || v.failed.is_some()
    })
    .await?;

    // A third window opened while the run goes on: no offer, no second run.
    fix::open_window(p, "").await?;
    fix::expect_no_offer(p).await?;
    p.client().close_window().await?;
    // The offer left over in the second window will not start a second run.
    p.client().switch_to_window(stale.clone()).await?;
    stale_offer_refuses_to_start(p).await?;

    p.client().switch_to_window(first).await?;
    let run = fix::run_to_outcome(p, None).await?;
    assert_done_at(&h, &run, 10).await?;

    p.client().switch_to_window(stale).await?;
    fix::reload_expecting_no_offer(p).await?;
    assert_eq!(h.replica.snapshot().change_size_posts, 1);
    fix::assert_no_secrets(p).await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn the_offer_refuses_a_size_above_the_quota_and_runs_with_an_edited_one() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    hightech_with_offer(&h, 10).await?;

    fix::set_offer_size(p, "25").await?;
    let v = fix::wait_view(p, "the offer to refuse 25 GB", PATIENCE, |v| {
        v.offers
            .first()
            .is_some_and(|o| o.start_disabled && !o.messages.is_empty())
    })
    .await?;
    let offer = v.offer()?;
    let msg = &offer.messages[0];
    assert_eq!(msg.severity.as_deref(), Some("error"), "{offer:#?}");
    assert!(
        msg.text.contains("10 GB"),
        "the message does not name the quota: {offer:#?}"
    );
    // A click on the disabled button does nothing.
    p.js(
        "document.querySelector('[data-allot-resize-start]').click();",
        vec![],
    )
    .await?;
    fix::expect_no_offer(p)
        .await
        .err()
        .ok_or_else(|| anyhow::anyhow!("the offer went away"))?;
    let v = fix::view(p).await?;
    assert!(v.progress.is_none(), "a run started at 25 GB: {v:#?}");
    assert_eq!(h.replica.snapshot().change_size_posts, 0);

    // 5 GB is the size the account already has: allowed, and the run leaves it there
    // without submitting anything.
    fix::set_offer_size(p, "5").await?;
    fix::wait_view(p, "the offer to accept 5 GB", PATIENCE, |v| {
        v.offers
            .first()
            .is_some_and(|o| !o.start_disabled && o.size == "5")
    })
    .await?;
    fix::click_start(p).await?;
    let run = fix::run_to_outcome(p, None).await?;
    assert_done_at(&h, &run, 5).await?;
    let ext = fix::read_extension(p).await?;
    assert_eq!(ext.row("HighTech")?.asked(), "5 GB");
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn not_now_stops_the_offer_and_the_popup_keeps_the_fix() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    hightech_with_offer(&h, 10).await?;
    p.click_css("[data-allot-resize-not-now]").await?;
    fix::wait_view(p, "the offer to go", PATIENCE, |v| v.offers.is_empty()).await?;
    // Not on the next page either, and nothing runs.
    p.goto("Companies").await?;
    fix::expect_no_offer(p).await?;
    let v = fix::view(p).await?;
    assert!(v.progress.is_none(), "{v:#?}");
    let snap = h.replica.snapshot();
    assert_eq!(fix::admin_gb(&snap, "HighTech"), Some(5), "{snap:#?}");
    assert_eq!(snap.change_size_posts, 0);
    // The popup still lists it, waiting, so the partner can start it later.
    let ext = fix::assert_no_secrets(p).await?;
    let row = ext.row("HighTech")?;
    assert_eq!(row.status, "pending", "{row:?}");
    assert!(
        row.cells.iter().any(|c| c.starts_with("Not now")),
        "{row:?}"
    );
    h.stop().await;
    Ok(())
}
