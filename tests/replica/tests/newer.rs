//! The newer generation's pages (Generation::Newer): the exact visible texts Allot finds its
//! way by, Create Company now or later, Change Company Size, Cancel Company, the consolidated
//! Backup Accounts grid and Change Account Size.

mod common;

use allot_replica::{Dashboard, Faults, Generation, SizeChange};
use axum::http::StatusCode;
use common::*;

async fn newer_partner() -> (Dashboard, Browser) {
    let dashboard = Dashboard::new();
    dashboard.set_generation(Generation::Newer);
    let browser = Browser::partner(&dashboard).await;
    (dashboard, browser)
}

#[tokio::test]
async fn header_and_menus_follow_the_newer_documentation() {
    let (dashboard, mut browser) = newer_partner().await;
    let home = browser.get("/").await.body;
    assert_in_order(
        &home,
        &[
            "<header class=\"topbar\"><div class=\"topbar-left\"><span class=\"brand\">Infrascale</span>\
             <span class=\"session-name\">Pax8 Demo Partner</span></div>\
             <div class=\"topbar-right\"><a href=\"/Account/LogOff\" class=\"logoff\">Log Off</a></div></header>",
            "<a href=\"/\">Home</a>",
            ">Accounts</a>",
            "<a href=\"/Companies\">Companies</a>",
            "<a href=\"/Partners\">Partners</a>",
            "<a href=\"/DashboardAccounts\">Dashboard Accounts</a>",
            ">Endpoint Backup</a>",
            "<a href=\"/BackupAccounts\">Backup Accounts</a>",
            "<h1>Dashboard</h1>",
        ],
    );
    assert!(!home.contains("SOS Online Backup"));
    assert!(!home.contains("Click here to resume session"));
    assert!(!home.contains("https://"), "relative URLs only");
    for (path, heading) in [
        ("/Partners", "<h1>Partners</h1>"),
        ("/DashboardAccounts", "<h1>Dashboard Accounts</h1>"),
    ] {
        assert!(browser.get(path).await.body.contains(heading), "{path}");
    }

    login_as(&mut browser, &dashboard, "Acme Dental").await;
    let home = browser.get("/").await.body;
    assert_in_order(
        &home,
        &[
            "<span class=\"brand\">Infrascale</span><span class=\"session-name\">Acme Dental</span></div>",
            "Log Off",
            "<a href=\"/\">Home</a>",
            ">Endpoint Backup</a>",
            "<a href=\"/BackupAccounts\">Backup Accounts</a>",
            "<a href=\"/Account/ResumeSession\">Click here to resume session as Pax8 Demo Partner</a>",
            "<h1>Dashboard</h1>",
        ],
    );
    assert!(!home.contains(">Accounts</a>"));
    assert!(!home.contains("Backup Account Usage"));

    let logon = Browser::new(&dashboard).get("/Account/LogOn").await.body;
    assert!(logon.contains("<label for=\"UserName\">User Name</label>"));
    assert!(logon.contains(">Log On</button>"));
}

#[tokio::test]
async fn companies_grid_has_the_documented_columns_and_an_actions_menu_template() {
    let (_dashboard, mut browser) = newer_partner().await;
    let list = browser.get("/Companies").await.body;
    assert_in_order(
        &list,
        &[
            "<h1>Companies</h1>",
            ">Create Company</button>",
            "<thead><tr><th>Company Name</th><th>Admin Full Name</th><th>Admin User &amp; Email</th>\
             <th>Size (click to change)</th><th>Allocated Space</th><th>Used</th><th>Licenses</th>\
             <th>Products</th><th>Accounts</th><th>Actions</th></tr></thead>",
            "<td class=\"company-name\">Acme Dental</td><td>Dana Acme</td>",
            "<div class=\"admin-user\">AcmeDental</div><div class=\"admin-email\">it@acmedental.example.com</div>",
            ">100 GB</a></td>",
            "<td class=\"allocated\">50 GB (50%)</td>",
            "<button type=\"button\" class=\"actions-button\" title=\"Actions\" aria-label=\"Actions\"",
            "&#8942;</button></td></tr>",
            "<td class=\"company-name\">Blue River Law</td>",
            "<td class=\"allocated\">100 GB (50%)</td>",
            "</table>",
            "<template id=\"actions-company-1\">",
            ">Login as Company Admin</a>",
            ">Change Company Size</a>",
            ">Cancel Company</a></template>",
        ],
    );
    // The menu items live only in templates the script appends to the body.
    let grid = &list[..list.find("</table>").unwrap()];
    assert!(!grid.contains("Login as Company Admin"));
    assert!(!grid.contains("role=\"menuitem\""));
    assert_eq!(list.matches("role=\"menuitem\"").count(), 6);
    assert!(list.contains("menu.setAttribute('role', 'menu');"));
    assert!(list.contains("document.body.appendChild(menu);"));
}

#[tokio::test]
async fn create_company_asks_now_or_later_and_makes_the_company_accordingly() {
    let (dashboard, mut browser) = newer_partner().await;
    let prompt = browser.get("/Companies/CreatePrompt").await.body;
    assert_in_order(
        &prompt,
        &[
            "Create the company administrator's backup account now or later?",
            ">Now</button>",
            ">Later</button>",
        ],
    );
    let dialog = browser.get("/Companies/CreateDialog?admin=now").await.body;
    assert_in_order(
        &dialog,
        &[
            "<h2 id=\"dialogTitle\" class=\"modal-title\">Create Company</h2>",
            "aria-label=\"Close\"",
            "<label for=\"CompanyName\">Company Name</label>",
            "<label for=\"QuotaGB\">Quota in GB</label>",
            "<label for=\"SpLicenses\">SP v5 Licenses</label>",
            "id=\"IsManaged\" name=\"IsManaged\" value=\"true\" checked><label for=\"IsManaged\">Is Managed</label>",
            "<label for=\"FullName\">Full Name</label>",
            "<label for=\"Email\">Email</label>",
            "<label for=\"UserName\">Username</label>",
            "<label for=\"Password\">Password</label>",
            "<label for=\"ConfirmPassword\">Confirm Password</label>",
            ">Create</button>",
            ">Cancel</button>",
        ],
    );
    assert!(!dialog.contains("<table"));
    let later = browser
        .get("/Companies/CreateDialog?admin=later")
        .await
        .body;
    assert!(later.contains("Is Managed"));
    for absent in ["Full Name", "Username", "Password", "Email"] {
        assert!(!later.contains(absent), "{absent}");
    }

    // Refused: the form again, with the errors and without the passwords.
    let mut fields = newer_create_fields("HighTech", "75", Some("acmedental"), true);
    fields.retain(|(k, _)| *k != "ConfirmPassword");
    let answer = browser.post_form("/Companies/Create", &fields).await;
    for message in [
        "Quota in GB must be 5, 10, 25 or 50 GB, or a multiple of 50 GB from 100 GB.",
        "The username acmedental is already taken. Choose another username.",
        "The password and confirmation password do not match.",
    ] {
        assert!(answer.body.contains(message), "{message}");
    }
    assert!(answer
        .body
        .contains("<label for=\"CompanyName\">Company Name</label>"));
    assert!(answer.body.contains("name=\"AdminAccount\" value=\"now\""));
    assert!(!answer.body.contains(PASSWORD));

    let answer = browser
        .post_form(
            "/Companies/Create",
            &newer_create_fields("HighTech", "10", Some("HighTech"), true),
        )
        .await;
    assert!(answer.body.contains("Company HighTech was created."));
    assert!(answer.body.contains("value=\"Close\""));
    let answer = browser
        .post_form(
            "/Companies/Create",
            &newer_create_fields("Later Co", "25", None, false),
        )
        .await;
    assert!(answer.body.contains("Company Later Co was created."));

    let snapshot = dashboard.snapshot();
    let high = &snapshot.companies[2];
    assert_eq!((high.name.as_str(), high.quota_gb), ("HighTech", 10));
    assert_eq!(high.accounts.len(), 1);
    assert_eq!(high.accounts[0].size_gb, 5);
    assert!(high.managed);
    let later = &snapshot.companies[3];
    assert_eq!(later.name, "Later Co");
    assert!(later.accounts.is_empty());
    assert!(later.username.is_empty());
    assert!(!later.managed);
    assert!(!serde_json::to_string(&snapshot).unwrap().contains(PASSWORD));

    let list = browser.get("/Companies").await.body;
    assert!(list.contains("<td class=\"allocated\">5 GB (50%)</td>"));
    assert!(list.contains("<td class=\"allocated\">0 GB (0%)</td>"));
    // The unmanaged company's menu has no "Login as Company Admin".
    let later_menu = list
        .split(&format!("<template id=\"actions-company-{}\">", later.id))
        .nth(1)
        .unwrap();
    let later_menu = &later_menu[..later_menu.find("</template>").unwrap()];
    assert!(!later_menu.contains("Login as Company Admin"));
    assert!(later_menu.contains("Change Company Size"));
}

#[tokio::test]
async fn change_company_size_checks_the_quota_rule_and_logs_the_change() {
    let (dashboard, mut browser) = newer_partner().await;
    let dialog = browser.get("/Companies/ChangeSizeDialog/1").await.body;
    assert_in_order(
        &dialog,
        &[
            "<h2 id=\"dialogTitle\" class=\"modal-title\">Change Company Size</h2>",
            "Company: Acme Dental",
            "<label for=\"QuotaGB\">Quota in GB</label>",
            "name=\"QuotaGB\" value=\"100\"",
            ">Save</button>",
            ">Cancel</button>",
        ],
    );
    let list = browser.get("/Companies").await.body;
    assert!(
        list.contains("onclick=\"return openDialog('/Companies/ChangeSizeDialog/1');\">100 GB</a>")
    );
    // Acme Dental's accounts use 75 GB.
    for (quota, message) in [
        (
            "75",
            "Quota in GB must be 5, 10, 25 or 50 GB, or a multiple of 50 GB from 100 GB.",
        ),
        (
            "50",
            "Quota in GB can't be less than the 75 GB the company's backup accounts use.",
        ),
        ("lots", "The field Quota in GB must be a whole number."),
    ] {
        let answer = browser
            .post_form(
                "/Companies/ChangeSize",
                &[("CompanyId", "1"), ("QuotaGB", quota)],
            )
            .await;
        let answer: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
        assert_eq!(answer["success"], false, "{quota}");
        assert_eq!(answer["message"], message, "{quota}");
    }
    let answer = browser
        .post_form(
            "/Companies/ChangeSize",
            &[("CompanyId", "1"), ("QuotaGB", "150")],
        )
        .await;
    let answer: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(answer["success"], true);
    let snapshot = dashboard.snapshot();
    assert_eq!(snapshot.companies[0].quota_gb, 150);
    assert_eq!(
        snapshot.changes,
        vec![SizeChange {
            company: "Acme Dental".into(),
            account: String::new(),
            from_gb: 100,
            to_gb: 150,
        }]
    );
    assert!(browser
        .get("/Companies")
        .await
        .body
        .contains("<td class=\"allocated\">50 GB (33%)</td>"));
}

#[tokio::test]
async fn cancel_company_confirms_then_removes_it_and_retires_its_username() {
    let (dashboard, mut browser) = newer_partner().await;
    let dialog = browser.get("/Companies/CancelDialog/2").await.body;
    assert_in_order(
        &dialog,
        &[
            "Cancel Company",
            "Cancel company Blue River Law?",
            ">OK</button>",
            ">Cancel</button>",
        ],
    );
    let answer = browser.post_form("/Companies/Cancel/2", &[]).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(dashboard.snapshot().companies.len(), 1);
    assert_eq!(
        browser.get("/Companies/CancelDialog/2").await.status,
        StatusCode::NOT_FOUND
    );
    let answer = browser
        .post_form(
            "/Companies/Create",
            &newer_create_fields("Blue River Law", "100", Some("blueriverlaw"), true),
        )
        .await;
    assert!(answer
        .body
        .contains("The username blueriverlaw is already taken."));
}

#[tokio::test]
async fn backup_accounts_grid_and_change_account_size_in_both_sessions() {
    let (dashboard, mut browser) = newer_partner().await;
    let header = "<thead><tr><th>Account Name</th><th>Company Name</th><th>Group Name</th>\
                  <th>Policy Name</th><th>Size</th><th>Used Space</th><th>Signup Date</th><th>Alerts</th>\
                  <th>Device</th><th>Email Address</th><th>Phone Number</th><th>Limited</th><th>Actions</th></tr></thead>";
    // The partner sees every child company's accounts, without "Change Account Size".
    let all = browser.get("/BackupAccounts").await.body;
    assert_in_order(
        &all,
        &[
            "<h1>Backup Accounts</h1>",
            header,
            "<td class=\"account-name\">AcmeDental</td><td>Acme Dental</td>",
            "<td class=\"account-name\">acme-frontdesk</td><td>Acme Dental</td>",
            "<td class=\"account-name\">BlueRiverLaw</td><td>Blue River Law</td>",
            "</table>",
            ">Set Password</a>",
            ">Make Company Administrator</a>",
            ">Limit User&#39;s Rights</a>",
        ],
    );
    assert!(!all.contains("Change Account Size"));
    assert!(all.contains("' is not available on this replica.'"));

    create(&mut browser, "HighTech", "10", "HighTech").await;
    login_as(&mut browser, &dashboard, "HighTech").await;
    for path in ["/", "/BackupAccounts"] {
        let page = browser.get(path).await.body;
        assert_in_order(
            &page,
            &[
                header,
                "<td class=\"account-name\">HighTech</td><td>HighTech</td>",
                "<td class=\"account-size\">5 GB</td>",
                "kblanc@pax8.com",
                "aria-label=\"Actions\"",
                "</table>",
                ">Change Account Size</a>",
                ">Set Password</a>",
            ],
        );
        assert!(!page.contains("AcmeDental"), "{path}: only the company's");
    }
    let page = browser.get("/").await.body;
    let account = account_id_in(&page, "HighTech");
    let dialog = browser
        .get(&format!("/BackupAccounts/ChangeSizeDialog/{account}"))
        .await
        .body;
    assert_in_order(
        &dialog,
        &[
            "<h2 id=\"dialogTitle\" class=\"modal-title\">Change Account Size</h2>",
            "aria-label=\"Close\"",
            "<p class=\"account-line\">Account: HighTech</p>",
            "<label for=\"AccountSizeInGB\">Account Size In GB</label>",
            "name=\"AccountSizeInGB\" value=\"5\"",
            ">Save</button>",
            ">Cancel</button>",
        ],
    );
    let answer = change_size(&mut browser, &account, "25").await;
    assert_eq!(answer["success"], false);
    assert_eq!(
        answer["message"],
        "Account size can't be more than the company quota of 10 GB."
    );
    let answer = change_size(&mut browser, &account, "10").await;
    assert_eq!(answer["sizeText"], "10 GB");
    assert!(browser
        .get("/BackupAccounts")
        .await
        .body
        .contains("<td class=\"account-size\">10 GB</td>"));
    browser.get("/Account/ResumeSession").await;
    assert!(browser
        .get("/Companies")
        .await
        .body
        .contains("<td class=\"allocated\">10 GB (100%)</td>"));
    // The partner cannot change an account's size.
    let answer = browser
        .post_form(
            "/BackupAccounts/ChangeSize",
            &[("AccountId", account.as_str()), ("AccountSizeInGB", "5")],
        )
        .await;
    assert_eq!(answer.status, StatusCode::FOUND);
    assert_eq!(dashboard.snapshot().changes.len(), 1);
}

#[tokio::test]
async fn the_old_faults_work_in_the_newer_generation() {
    let (dashboard, mut browser) = newer_partner().await;
    dashboard.set_faults(Faults {
        login_as_wrong_company: true,
        refuse_change_size: Some("The account is locked.".into()),
        ..Faults::default()
    });
    login_as(&mut browser, &dashboard, "Blue River Law").await;
    let home = browser.get("/").await.body;
    assert!(home.contains("<span class=\"session-name\">Acme Dental</span>"));
    let account = account_id_in(&home, "AcmeDental");
    let answer = change_size(&mut browser, &account, "50").await;
    assert_eq!(answer["message"], "The account is locked.");
}
