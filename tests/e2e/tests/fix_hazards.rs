//! The allocation fix against every way a real dashboard page could mislead it (issue 7):
//! each test switches on a replica fault or layout, runs the fix as a partner does, and
//! asserts from the replica's own change log that no account other than the target
//! changed and the target changed at most once.

use allot_e2e::fix::{self, assert_changes};
use allot_e2e::Harness;
use allot_replica::{CreateRefusal, Faults, Generation};
use anyhow::{ensure, Result};
use std::time::Duration;

/// Creates `company` (admin `username`) at 10 GB, starts the offered fix with the
/// partner's click and follows it to its outcome.
async fn create_and_run(h: &Harness, company: &str, username: &str) -> Result<fix::Run> {
    let before = h.replica.snapshot().changes.len();
    fix::create_company_as(&h.page, company, username, 10).await?;
    let offer = fix::wait_offer(&h.page).await?;
    ensure!(
        offer
            .text
            .contains(&format!("{company}'s admin backup account is 5 GB")),
        "offer: {}",
        offer.text
    );
    ensure!(
        h.replica.snapshot().changes.len() == before,
        "a change before any click: {:#?}",
        fix::changes(&h.replica.snapshot())
    );
    fix::click_start(&h.page).await?;
    fix::run_to_outcome(&h.page, None).await
}

async fn harness(faults: Faults, generation: Generation) -> Result<Harness> {
    let h = Harness::start().await?;
    h.replica.set_generation(generation);
    h.replica.set_faults(faults);
    Ok(h)
}

#[tokio::test]
async fn a_stray_change_size_link_and_a_second_account_are_never_touched() -> Result<()> {
    let faults = Faults {
        extra_account: true,
        stray_change_size_link: true,
        ..Faults::default()
    };
    let h = harness(faults, Generation::Seed).await?;
    let run = create_and_run(&h, "HighTech", "HighTech").await?;
    run.done()?;
    let snap = h.replica.snapshot();
    assert_changes(&snap, &[("HighTech", "HighTech", 5, 10)])?;
    let company = h.company("HighTech").expect("HighTech exists");
    assert_eq!(company.accounts[1].size_gb, 5, "{company:#?}");
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn another_rows_open_menu_is_never_used() -> Result<()> {
    for generation in [Generation::Seed, Generation::Newer] {
        let faults = Faults {
            extra_account: true,
            menus_stay_open: true,
            ..Faults::default()
        };
        let h = harness(faults, generation).await?;
        let run = create_and_run(&h, "HighTech", "HighTech").await?;
        run.done()?;
        assert_changes(&h.replica.snapshot(), &[("HighTech", "HighTech", 5, 10)])?;
        h.stop().await;
    }
    Ok(())
}

#[tokio::test]
async fn acme_is_never_acme_dental() -> Result<()> {
    // The dashboard opens Acme Dental's session when Allot asks for Acme's.
    let faults = Faults {
        login_as_wrong_company: true,
        ..Faults::default()
    };
    let h = harness(faults, Generation::Seed).await?;
    let run = create_and_run(&h, "Acme", "AcmeCo").await?;
    let failed = run.failed()?;
    ensure!(
        failed.contains("Acme Dental") && failed.contains("before changing anything"),
        "{failed}"
    );
    assert_changes(&h.replica.snapshot(), &[])?;
    // Without the fault, the same fix finds Acme's own row among Acme Dental's.
    h.replica.set_faults(Faults::default());
    h.page.goto("").await?;
    fix::wait_offer(&h.page).await?;
    fix::click_start(&h.page).await?;
    fix::run_to_outcome(&h.page, None).await?.done()?;
    assert_changes(&h.replica.snapshot(), &[("Acme", "AcmeCo", 5, 10)])?;
    h.stop().await;
    Ok(())
}

/// A Create the dashboard refuses, however it says so, is never offered a fix: not then,
/// not after a visit to the companies list that shows an existing customer.
#[tokio::test]
async fn a_refused_create_is_never_offered() -> Result<()> {
    for refusal in [
        CreateRefusal::Form,
        CreateRefusal::Dialog,
        CreateRefusal::Page,
    ] {
        let faults = Faults {
            create_refusal: refusal,
            ..Faults::default()
        };
        let h = harness(faults, Generation::Seed).await?;
        let p = &h.page;
        // The username of an existing customer: the dashboard refuses it.
        fix::fill_create_form(p, "Acme Dental Two", "AcmeDental", 100).await?;
        p.click_create().await?;
        p.wait_for("the dashboard's refusal", || async {
            Ok(p.body_text().await?.contains("already taken"))
        })
        .await?;
        fix::expect_no_offer(p).await?;
        p.goto("Companies").await?;
        fix::expect_no_offer(p).await?;
        let ext = fix::read_extension(p).await?;
        ensure!(
            ext.popup.is_empty(),
            "{refusal:?}: the popup lists {:#?}",
            ext.popup
        );
        assert_changes(&h.replica.snapshot(), &[])?;
        h.stop().await;
    }
    Ok(())
}

#[tokio::test]
async fn a_page_script_cannot_start_the_fix_or_choose_its_size() -> Result<()> {
    let h = harness(Faults::default(), Generation::Seed).await?;
    let p = &h.page;
    fix::create_company(p, "HighTech", 10).await?;
    fix::wait_offer(p).await?;
    // A page script writes a size into Allot's field and clicks Start itself.
    p.js(
        r#"const size = document.querySelector('[data-allot-resize-size]');
        size.value = '10000';
        size.dispatchEvent(new Event('input', { bubbles: true }));
        document.querySelector('[data-allot-resize-start]').click();"#,
        vec![],
    )
    .await?;
    fix::expect_steady(p, "no run after a forged click", |v| v.progress.is_none()).await?;
    assert_changes(&h.replica.snapshot(), &[])?;
    // The partner's own click runs it, at the size Allot holds (not the page's 10000).
    fix::click_start(p).await?;
    fix::run_to_outcome(p, None).await?.done()?;
    assert_changes(&h.replica.snapshot(), &[("HighTech", "HighTech", 5, 10)])?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn a_tab_opened_from_the_running_tab_does_not_run_the_fix() -> Result<()> {
    let h = harness(Faults::default(), Generation::Seed).await?;
    let p = &h.page;
    fix::create_company(p, "HighTech", 10).await?;
    fix::wait_offer(p).await?;
    fix::click_start(p).await?;
    // In the company's session, the page opens a copy of itself (sessionStorage and
    // all, as Duplicate Tab does).
    fix::wait_view(
        p,
        "the run in the company session",
        Duration::from_secs(60),
        |v| v.resume_link && v.progress.is_some(),
    )
    .await?;
    let runner = p.client().window().await?;
    let before: Vec<_> = p.client().windows().await?;
    // Asked again when no copy comes: a window.open made while the running tab goes
    // from one page to the next is lost with the page it was made in.
    let mut copy = None;
    for _ in 0..3 {
        p.js("window.open(location.href, '_blank');", vec![])
            .await?;
        for _ in 0..20 {
            let now = p.client().windows().await?;
            copy = now.into_iter().find(|w| !before.contains(w));
            if copy.is_some() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if copy.is_some() {
            break;
        }
    }
    let copy = copy.ok_or_else(|| anyhow::anyhow!("the copy did not open"))?;
    p.client().switch_to_window(copy).await?;
    fix::expect_steady(p, "no run in the copy", |v| v.progress.is_none()).await?;
    p.client().close_window().await?;
    p.client().switch_to_window(runner).await?;
    fix::run_to_outcome(p, None).await?.done()?;
    assert_changes(&h.replica.snapshot(), &[("HighTech", "HighTech", 5, 10)])?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn an_unmanaged_company_ends_with_the_manual_steps() -> Result<()> {
    for generation in [Generation::Seed, Generation::Newer] {
        let faults = Faults {
            unmanaged_new_companies: true,
            ..Faults::default()
        };
        let h = harness(faults, generation).await?;
        let run = create_and_run(&h, "HighTech", "HighTech").await?;
        let failed = run.failed()?;
        ensure!(failed.contains("managed"), "{generation:?}: {failed}");
        ensure!(!run.end.manual_steps.is_empty(), "no manual steps");
        assert_changes(&h.replica.snapshot(), &[])?;
        h.stop().await;
    }
    Ok(())
}

#[tokio::test]
async fn long_and_non_latin_company_names_are_recognised_whole() -> Result<()> {
    let japanese = "株式会社ハイテク・ソリューションズ東京本社データ管理部門室";
    let latin = "The Northern Alliance of Independent Dental Practices and Orthodontic Clinics!";
    assert_eq!(japanese.chars().count(), 29);
    assert_eq!(latin.chars().count(), 78);
    let h = harness(Faults::default(), Generation::Seed).await?;
    create_and_run(&h, japanese, "TokyoHiTech").await?.done()?;
    create_and_run(&h, latin, "NorthernDental").await?.done()?;
    assert_changes(
        &h.replica.snapshot(),
        &[
            (japanese, "TokyoHiTech", 5, 10),
            (latin, "NorthernDental", 5, 10),
        ],
    )?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn the_company_is_found_on_any_page_of_a_long_list() -> Result<()> {
    for generation in [Generation::Seed, Generation::Newer] {
        let faults = Faults {
            filler_companies: 100,
            ..Faults::default()
        };
        let h = harness(faults, generation).await?;
        create_and_run(&h, "HighTech", "HighTech").await?.done()?;
        assert_changes(&h.replica.snapshot(), &[("HighTech", "HighTech", 5, 10)])?;
        h.stop().await;
    }
    Ok(())
}

#[tokio::test]
async fn the_newer_dashboard_is_walked_through_and_checked_in_the_companies_list() -> Result<()> {
    let h = harness(Faults::default(), Generation::Newer).await?;
    let run = create_and_run(&h, "HighTech", "HighTech").await?;
    let done = run.done()?;
    ensure!(done.contains("companies list"), "done box: {done}");
    assert_changes(&h.replica.snapshot(), &[("HighTech", "HighTech", 5, 10)])?;
    fix::assert_no_secrets(&h.page).await?;
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn a_company_dashboard_that_lists_the_accounts_is_used_as_it_is() -> Result<()> {
    let faults = Faults {
        company_home_lists_accounts: true,
        ..Faults::default()
    };
    let h = harness(faults, Generation::Seed).await?;
    create_and_run(&h, "HighTech", "HighTech").await?.done()?;
    assert_changes(&h.replica.snapshot(), &[("HighTech", "HighTech", 5, 10)])?;
    h.stop().await;
    Ok(())
}
