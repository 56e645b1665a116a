//! Every form kind in both dashboard generations, from the partner's side: recognised
//! (`data-allot-form`), each rule's message read through the field's aria-describedby, Create
//! held back on an error (the dashboard's own request count unchanged), a valid form sent
//! exactly once, and what the partner typed never changed by Allot.

use allot_e2e::{Harness, Message, Page};
use allot_replica::{Generation, StateSnapshot};
use anyhow::{ensure, Result};

const GENERATIONS: [Generation; 2] = [Generation::Seed, Generation::Newer];
const PASSWORD: &str = "Hightech#2024";

/// A fresh replica state in `generation`, the browser in the partner's session.
async fn start_over(h: &Harness, generation: Generation) -> Result<()> {
    h.replica.reset();
    h.replica.set_generation(generation);
    h.page.goto("Account/ResumeSession").await?;
    Ok(())
}

/// The browser in the session of Acme Dental's admin (quota 100 GB, 75 GB allocated).
async fn as_acme(h: &Harness) -> Result<()> {
    let id = h.company("Acme Dental").map(|c| c.id).unwrap_or(1);
    h.page.goto(&format!("Companies/LoginAsAdmin/{id}")).await
}

/// Waits for `code` on `field` and checks its severity.
async fn expect(p: &Page, field: &str, code: &str, severity: &str) -> Result<Message> {
    let m = p.wait_code(field, code).await?;
    ensure!(
        m.severity == severity,
        "{code} on {field} is {}",
        m.severity
    );
    Ok(m)
}

/// The field holds what the partner typed, unchanged.
async fn kept(p: &Page, field: &str, typed: &str) -> Result<()> {
    let value = p.value(field).await?;
    ensure!(value == typed, "{field} holds {value:?}, typed {typed:?}");
    Ok(())
}

/// After a click on the form's Create (Ok, Save): Allot's summary shows, and the count of
/// the dashboard's own requests for that form is still 0.
async fn held_back(h: &Harness, posts: fn(&StateSnapshot) -> u32) -> Result<()> {
    let p = &h.page;
    p.wait_for("the summary", || async { Ok(p.summary().await?.is_some()) })
        .await?;
    let sent = posts(&h.replica.snapshot());
    ensure!(sent == 0, "sent {sent} times with an error");
    Ok(())
}

async fn summary_codes(p: &Page) -> Result<Vec<String>> {
    let summary = p.summary().await?.unwrap_or_default();
    Ok(summary["links"]
        .as_array()
        .map(|links| {
            links
                .iter()
                .filter_map(|l| l["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default())
}

#[tokio::test]
async fn create_backup_account_in_both_generations() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    for generation in GENERATIONS {
        start_over(&h, generation).await?;
        as_acme(&h).await?;
        p.goto("BackupAccounts").await?;
        p.click_text("Create Backup Account").await?;
        p.wait_form("create-backup-account").await?;
        ensure!(p.count("[data-allot-form]").await? == 1, "{generation:?}");
        for f in [
            "company_reseller",
            "full_name",
            "email",
            "username",
            "password",
            "confirm_password",
            "account_size_gb",
            "ultrasafe",
        ] {
            ensure!(
                p.count(&format!("[data-allot-field=\"{f}\"]")).await? == 1,
                "{generation:?}: {f} not bound"
            );
        }

        p.type_in("full_name", "Front Desk").await?;
        p.type_in("email", "desk@acmedental.example.com").await?;
        p.type_in("username", "desk@acmedental.example.com").await?;
        let m = expect(p, "username", "username.email_style", "warning").await?;
        ensure!(m.suggestions == ["AcmeDental"], "{:?}", m.suggestions);
        p.type_in("password", PASSWORD).await?;
        p.type_in("confirm_password", "Hightech#2025").await?;
        p.tab().await?;
        expect(p, "confirm_password", "password.mismatch", "error").await?;
        p.type_in("account_size_gb", "75").await?;
        expect(p, "account_size_gb", "quota.not_a_tier", "error").await?;
        p.retype("account_size_gb", "200").await?;
        expect(p, "account_size_gb", "quota.over_company_quota", "error").await?;
        p.tick("ultrasafe").await?;
        expect(p, "ultrasafe", "ultrasafe.irreversible", "warning").await?;

        p.click_form_button("create-backup-account", &["Create"])
            .await?;
        expect(p, "ultrasafe_ack", "ultrasafe.ack_required", "error").await?;
        let codes = summary_codes(p).await?;
        for code in [
            "password.mismatch",
            "quota.over_company_quota",
            "ultrasafe.ack_required",
        ] {
            ensure!(codes.iter().any(|c| c == code), "{generation:?}: {codes:?}");
        }
        ensure!(
            h.replica.snapshot().create_account_posts == 0,
            "sent with errors"
        );
        kept(p, "username", "desk@acmedental.example.com").await?;
        kept(p, "account_size_gb", "200").await?;

        p.retype("username", "AcmeFrontDesk").await?;
        p.retype("confirm_password", PASSWORD).await?;
        p.retype("account_size_gb", "25").await?;
        p.click_css("[data-allot-ultrasafe-ack]").await?;
        p.wait_no_code("account_size_gb", "quota.over_company_quota")
            .await?;
        kept(p, "username", "AcmeFrontDesk").await?;
        kept(p, "account_size_gb", "25").await?;
        p.click_form_button("create-backup-account", &["Create"])
            .await?;
        p.wait_text("Backup account AcmeFrontDesk was created.")
            .await?;
        let state = h.replica.snapshot();
        ensure!(
            state.create_account_posts == 1,
            "{generation:?}: sent {} times",
            state.create_account_posts
        );
        let acme = h
            .company("Acme Dental")
            .map(|c| c.accounts)
            .unwrap_or_default();
        ensure!(
            acme.iter()
                .any(|a| a.name == "AcmeFrontDesk" && a.size_gb == 25),
            "{generation:?}: {acme:?}"
        );
    }
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn change_account_size_in_both_generations() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    for generation in GENERATIONS {
        start_over(&h, generation).await?;
        as_acme(&h).await?;
        p.goto("BackupAccounts").await?;
        // The first row's gear (newer: Actions), then its Change Account Size.
        p.js("document.querySelector('[title=Actions]').click();", vec![])
            .await?;
        p.click_text("Change Account Size").await?;
        p.wait_form("change-account-size").await?;
        kept(p, "account_size_gb", "50").await?;
        p.retype("account_size_gb", "200").await?;
        expect(p, "account_size_gb", "quota.over_company_quota", "error").await?;
        p.click_form_button("change-account-size", &["Ok", "Save"])
            .await?;
        held_back(&h, |s| s.change_size_posts).await?;
        p.retype("account_size_gb", "75").await?;
        expect(p, "account_size_gb", "quota.not_a_tier", "error").await?;
        p.retype("account_size_gb", "3").await?;
        expect(p, "account_size_gb", "quota.below_minimum", "error").await?;
        kept(p, "account_size_gb", "3").await?;
        p.retype("account_size_gb", "25").await?;
        p.wait_no_code("account_size_gb", "quota.below_minimum")
            .await?;
        p.click_form_button("change-account-size", &["Ok", "Save"])
            .await?;
        p.wait_text("Account size changed.").await?;
        let state = h.replica.snapshot();
        ensure!(
            state.change_size_posts == 1,
            "{generation:?}: sent {}",
            state.change_size_posts
        );
        ensure!(
            state.changes.len() == 1 && state.changes[0].to_gb == 25,
            "{:?}",
            state.changes
        );
    }
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn change_company_size_in_both_generations() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    for generation in GENERATIONS {
        start_over(&h, generation).await?;
        p.goto("Companies").await?;
        // Acme Dental's "Size (click to change)": the seed shows what is allocated there,
        // the newer dashboard the quota.
        let link = match generation {
            Generation::Seed => "75 GB",
            Generation::Newer => "100 GB",
        };
        p.click_text(link).await?;
        p.wait_form("change-company-size").await?;
        ensure!(p.count("[data-allot-form]").await? == 1);
        kept(p, "quota_gb", "100").await?;
        p.retype("quota_gb", "50").await?;
        let m = expect(p, "quota_gb", "quota.below_used", "error").await?;
        ensure!(m.suggestions == ["100"], "{:?}", m.suggestions);
        ensure!(
            !p.codes("quota_gb")
                .await?
                .iter()
                .any(|c| c == "quota.admin_starts_at_5"),
            "the admin note belongs to Create Company"
        );
        p.click_form_button("change-company-size", &["Ok", "Save"])
            .await?;
        held_back(&h, |s| s.change_company_size_posts).await?;
        kept(p, "quota_gb", "50").await?;
        p.retype("quota_gb", "150").await?;
        expect(p, "quota_gb", "quota.needs_pax8_ticket", "warning").await?;
        p.retype("quota_gb", "200").await?;
        p.wait_no_code("quota_gb", "quota.needs_pax8_ticket")
            .await?;
        p.click_form_button("change-company-size", &["Ok", "Save"])
            .await?;
        p.wait_for("the new size saved", || async {
            Ok(!h.replica.snapshot().changes.is_empty())
        })
        .await?;
        let state = h.replica.snapshot();
        ensure!(
            state.change_company_size_posts == 1,
            "{generation:?}: sent {}",
            state.change_company_size_posts
        );
        ensure!(
            state.changes.len() == 1
                && state.changes[0].company == "Acme Dental"
                && state.changes[0].to_gb == 200,
            "{:?}",
            state.changes
        );
    }
    h.stop().await;
    Ok(())
}

#[tokio::test]
async fn create_company_in_both_generations_and_the_newer_notes() -> Result<()> {
    let h = Harness::start().await?;
    let p = &h.page;
    for generation in GENERATIONS {
        start_over(&h, generation).await?;
        p.open_create_company().await?;
        p.wait_form("create-company").await?;
        p.type_in("quota_gb", "75").await?;
        expect(p, "quota_gb", "quota.not_a_tier", "error").await?;
        p.click_create().await?;
        held_back(&h, |s| s.create_posts).await?;
        kept(p, "quota_gb", "75").await?;
        let managed = p.count("[data-allot-field=\"is_managed\"]").await?;
        ensure!(managed == usize::from(generation == Generation::Newer));
        if generation == Generation::Newer {
            p.tick("is_managed").await?;
            expect(p, "is_managed", "company.unmanaged", "info").await?;
        }
    }

    // The newer dashboard, "Later": no admin fields, so no admin account to resize.
    start_over(&h, Generation::Newer).await?;
    p.goto("Companies").await?;
    p.click_text("Create Company").await?;
    p.wait_for("the prompt", || async {
        Ok(p.click_text("Later").await.is_ok())
    })
    .await?;
    p.wait_form("create-company").await?;
    ensure!(p.count("[data-allot-field=\"username\"]").await? == 0);
    p.type_in("company_name", "HighTech").await?;
    p.type_in("quota_gb", "10").await?;
    expect(p, "quota_gb", "company.admin_later", "info").await?;
    ensure!(!p
        .codes("quota_gb")
        .await?
        .iter()
        .any(|c| c == "quota.admin_starts_at_5"));
    p.tick("is_managed").await?;
    expect(p, "is_managed", "company.unmanaged", "info").await?;
    kept(p, "company_name", "HighTech").await?;
    p.click_create().await?;
    p.wait_text("Company HighTech was created.").await?;
    let state = h.replica.snapshot();
    ensure!(state.create_posts == 1, "sent {} times", state.create_posts);
    let company = h.company("HighTech");
    ensure!(
        company
            .as_ref()
            .is_some_and(|c| !c.managed && c.accounts.is_empty()),
        "{company:?}"
    );
    // Nothing for the fix to do: no offer to resize an admin account that does not exist.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    ensure!(
        p.count("[data-allot-resize-offer]").await? == 0,
        "offered a fix"
    );
    h.stop().await;
    Ok(())
}
