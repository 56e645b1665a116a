//! The forms added for Allot's form kinds, in both generations: Create Backup Account (from
//! the partner's and the company's Backup Accounts pages) with the dashboard's checks
//! (company, required fields, username syntax and reuse, passwords, size tiers, the
//! company's quota), and the seed's Change Company Size from "Size (click to change)".

mod common;

use allot_replica::{Dashboard, Generation};
use common::*;

async fn partner(generation: Generation) -> (Dashboard, Browser) {
    let dashboard = Dashboard::new();
    dashboard.set_generation(generation);
    let browser = Browser::partner(&dashboard).await;
    (dashboard, browser)
}

fn account_fields<'a>(
    company: &'a str,
    username: &'a str,
    size: &'a str,
    confirm: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("CompanyId", company),
        ("FullName", "Front Desk"),
        ("Email", "desk@acmedental.example.com"),
        ("UserName", username),
        ("Password", PASSWORD),
        ("ConfirmPassword", confirm),
        ("AccountSizeInGB", size),
        ("IsUltraSafe", "false"),
    ]
}

fn accounts_of(dashboard: &Dashboard, company: &str) -> Vec<(String, u64)> {
    dashboard
        .snapshot()
        .companies
        .into_iter()
        .find(|c| c.name == company)
        .map(|c| {
            c.accounts
                .into_iter()
                .map(|a| (a.name, a.size_gb))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn create_backup_account_is_offered_with_the_documented_labels() {
    for generation in [Generation::Seed, Generation::Newer] {
        let (dashboard, mut browser) = partner(generation).await;
        let path = match generation {
            Generation::Seed => "/Accounts",
            Generation::Newer => "/BackupAccounts",
        };
        let list = browser.get(path).await.body;
        assert!(list.contains(">Create Backup Account</"), "{generation:?}");
        let dialog = browser.get("/BackupAccounts/CreateDialog").await.body;
        let mut labels = vec![
            "Create Backup Account",
            "Company/Reseller",
            "<option value=\"\">-- Select --</option><option value=\"1\">Acme Dental</option>",
            "Full Name",
            "Email",
            "Username",
            "Password",
            "Confirm Password",
            "Account Size In GB",
        ];
        match generation {
            Generation::Seed => labels.extend(["Is Ultrasafe ?", "value=\"Create\"", "Cancel"]),
            Generation::Newer => labels.extend([
                "Assign ShadowProtect v5 license",
                "Limited rights",
                "Is UltraSafe",
                "Do not send Welcome Email",
                ">Create</button>",
                ">Clear</button>",
            ]),
        }
        assert_in_order(&dialog, &labels);

        // A company session: its own company only, chosen; its quota above the grid.
        login_as(&mut browser, &dashboard, "Acme Dental").await;
        let page = browser.get("/BackupAccounts").await.body;
        assert_in_order(
            &page,
            &[
                "Create Backup Account",
                "Company quota: 100 GB. Allocated: 75 GB.",
            ],
        );
        let dialog = browser.get("/BackupAccounts/CreateDialog").await.body;
        assert!(dialog.contains("<option value=\"1\" selected>Acme Dental</option>"));
        assert!(!dialog.contains("Blue River Law"));
        assert!(!dialog.contains("-- Select --"));
    }
}

#[tokio::test]
async fn create_backup_account_checks_like_the_dashboard() {
    for generation in [Generation::Seed, Generation::Newer] {
        let (dashboard, mut browser) = partner(generation).await;
        let refusals = [
            (
                account_fields("", "AcmeDesk", "25", PASSWORD),
                "The Company/Reseller field is required.",
            ),
            (
                account_fields("1", "AcmeDesk", "75", PASSWORD),
                "Account Size In GB must be 5, 10, 25 or 50 GB",
            ),
            (
                account_fields("1", "AcmeDesk", "3", PASSWORD),
                "Account Size In GB must be 5, 10, 25 or 50 GB",
            ),
            (
                account_fields("1", "AcmeDesk", "200", PASSWORD),
                "more than the company quota of 100 GB.",
            ),
            (
                account_fields("1", "AcmeDesk", "", PASSWORD),
                "The Account Size In GB field is required.",
            ),
            (
                account_fields("1", "acmedental", "25", PASSWORD),
                "The username acmedental is already taken.",
            ),
            (
                account_fields("1", "a b", "25", PASSWORD),
                "Username must be 3 to 50 letters",
            ),
            (
                account_fields("1", "AcmeDesk", "25", "other"),
                "The password and confirmation password do not match.",
            ),
        ];
        for (fields, message) in &refusals {
            let answer = browser.post_form("/BackupAccounts/Create", fields).await;
            assert!(
                answer.body.contains(message),
                "{generation:?}: {message}: {}",
                answer.body
            );
            assert!(answer.body.contains("id=\"createAccountForm\""));
            assert!(
                !answer.body.contains(PASSWORD),
                "the password is never sent back"
            );
        }
        assert_eq!(accounts_of(&dashboard, "Acme Dental").len(), 2);
        let answer = browser
            .post_form(
                "/BackupAccounts/Create",
                &account_fields("1", "AcmeDesk", "25", PASSWORD),
            )
            .await;
        assert!(answer.body.contains("Backup account AcmeDesk was created."));
        let state = dashboard.snapshot();
        assert_eq!(state.create_account_posts, refusals.len() as u32 + 1);
        assert_eq!(state.create_posts, 0);
        assert!(accounts_of(&dashboard, "Acme Dental").contains(&("AcmeDesk".to_string(), 25)));
        // The username is taken from now on, in any case.
        let again = browser
            .post_form(
                "/BackupAccounts/Create",
                &account_fields("2", "acmedesk", "25", PASSWORD),
            )
            .await;
        assert!(again.body.contains("is already taken"));

        // A company admin adds only to its own company.
        login_as(&mut browser, &dashboard, "Acme Dental").await;
        let other = browser
            .post_form(
                "/BackupAccounts/Create",
                &account_fields("2", "LawDesk", "25", PASSWORD),
            )
            .await;
        assert!(other
            .body
            .contains("The Company/Reseller field is required."));
        assert!(accounts_of(&dashboard, "Blue River Law").len() == 1);
    }
}

#[tokio::test]
async fn the_seed_companies_list_changes_a_company_size() {
    let (dashboard, mut browser) = partner(Generation::Seed).await;
    let list = browser.get("/Companies").await.body;
    assert!(list.contains("openDialog('/Companies/ChangeSizeDialog/1')"));
    assert!(!list.contains("Changing the company size"));
    let dialog = browser.get("/Companies/ChangeSizeDialog/1").await.body;
    assert_in_order(
        &dialog,
        &[
            "Change Company Size",
            "Company: <strong>Acme Dental</strong>",
            "Allocated to its backup accounts: 75 GB",
            "Company Size In GB",
            "value=\"100\"",
            "value=\"Ok\"",
            "value=\"Cancel\"",
        ],
    );
    for (quota, ok) in [("50", false), ("120", false), ("200", true)] {
        let answer = browser
            .post_form(
                "/Companies/ChangeSize",
                &[("CompanyId", "1"), ("QuotaGB", quota)],
            )
            .await;
        let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
        assert_eq!(json["success"], ok, "{quota}: {json}");
    }
    let state = dashboard.snapshot();
    assert_eq!(state.change_company_size_posts, 3);
    assert_eq!(state.changes.len(), 1);
    assert_eq!(state.changes[0].to_gb, 200);

    dashboard.set_generation(Generation::Newer);
    let dialog = browser.get("/Companies/ChangeSizeDialog/1").await.body;
    assert_in_order(
        &dialog,
        &[
            "Company: Acme Dental",
            "Allocated to its backup accounts: 75 GB",
            "Quota in GB",
        ],
    );
}
