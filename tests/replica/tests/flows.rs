//! The replica's flows, driven through its axum router without TLS.

mod common;

use allot_replica::{Dashboard, Faults, Replica};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;

#[tokio::test]
async fn logged_out_pages_redirect_to_log_on_and_any_user_name_logs_in() {
    let dashboard = Dashboard::new();
    let mut browser = Browser::new(&dashboard);
    for path in [
        "/",
        "/Companies",
        "/BackupAccounts",
        "/Companies/CreateDialog",
    ] {
        let answer = browser.get(path).await;
        assert_eq!(answer.status, StatusCode::FOUND, "{path}");
        assert_eq!(answer.location.as_deref(), Some("/Account/LogOn"), "{path}");
    }
    let page = browser.get("/Account/LogOn").await.body;
    for text in ["Log On", "User Name", "Password", "value=\"Log On\""] {
        assert!(page.contains(text), "{text}");
    }
    let refused = browser
        .post_form("/Account/LogOn", &[("UserName", " "), ("Password", "x")])
        .await;
    assert!(refused.body.contains("The User Name field is required."));
    let answer = browser
        .post_form("/Account/LogOn", &[("UserName", "demo"), ("Password", "x")])
        .await;
    assert_eq!(answer.location.as_deref(), Some("/"));
    let home = browser.get("/").await.body;
    assert!(home.contains("<h2>Home</h2>"));
    assert!(home.contains("Pax8 Demo Partner"));
    assert!(home.contains("Log Off"));
    let answer = browser.get("/Account/LogOff").await;
    assert_eq!(answer.location.as_deref(), Some("/Account/LogOn"));
    assert_eq!(
        browser.get("/").await.location.as_deref(),
        Some("/Account/LogOn")
    );
}

#[tokio::test]
async fn partner_home_menu_and_create_dialog_follow_the_seed() {
    let dashboard = Dashboard::new();
    let mut browser = Browser::partner(&dashboard).await;
    let home = browser.get("/").await.body;
    for text in [
        "SOS Online Backup",
        ">Manage</a>",
        ">Companies</a>",
        ">Add New Company</a>",
        "href=\"/Companies\">View &amp; Manage Companies</a>",
        ">Backup Accounts</a>",
        "Backup Account Usage",
        "<th>Account Name</th><th>Size</th><th>Percent</th>",
        "<td>AcmeDental</td><td>50 GB</td><td>0 %</td>",
    ] {
        assert!(home.contains(text), "{text}");
    }
    assert!(!home.contains("Create Company With Admin Backup Account"));
    assert!(!home.contains("https://"), "relative URLs only");

    let dialog = browser.get("/Companies/CreateDialog").await.body;
    let labels = [
        "Create Company With Admin Backup Account",
        "\u{2715}",
        ">Company Name</td>",
        ">Quota In GB</td>",
        ">EGR Licenses</td>",
        ">SP v5 Licenses</td>",
        "> Enable EndGuard</td>",
        ">Full Name</td>",
        ">Email</td>",
        ">Username <small>(usually same as email)</small></td>",
        ">Password</td>",
        ">Confirm Password</td>",
        "> Is Ultrasafe ?</td>",
        ">Secret Question</td>",
        ">Secret Answer</td>",
        "type=\"button\" id=\"btnCreateCompany\" class=\"primary\" value=\"Create\"",
        "value=\"Cancel\"",
    ];
    let mut at = 0;
    for label in labels {
        let found = dialog[at..]
            .find(label)
            .unwrap_or_else(|| panic!("{label} missing or out of order"));
        at += found + label.len();
    }
    assert!(!dialog.contains("<label"));
    assert!(!dialog.contains("type=\"submit\""));
    assert!(dialog.contains("id=\"EgrLicenses\" name=\"EgrLicenses\" value=\"0\""));
    assert!(dialog.contains("id=\"SpLicenses\" name=\"SpLicenses\" value=\"0\""));
    assert_eq!(
        dialog.matches("type=\"password\"").count(),
        2,
        "Password and Confirm Password"
    );
}

#[tokio::test]
async fn create_makes_the_admin_account_at_5_gb_whatever_the_quota() {
    let dashboard = Dashboard::new();
    let mut browser = Browser::partner(&dashboard).await;
    let answer = create(&mut browser, "HighTech", "10", "HighTech").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body.contains("Company HighTech was created."));
    assert!(answer.body.contains("value=\"Close\""));

    let snapshot = dashboard.snapshot();
    assert_eq!(snapshot.create_posts, 1);
    let company = snapshot
        .companies
        .iter()
        .find(|c| c.name == "HighTech")
        .unwrap();
    assert_eq!(company.quota_gb, 10);
    assert_eq!(company.username, "HighTech");
    assert_eq!(company.email, "kblanc@pax8.com");
    assert_eq!(company.full_name, "HighTech");
    assert!(!company.ultrasafe);
    assert_eq!(company.accounts.len(), 1);
    assert_eq!(company.accounts[0].name, "HighTech");
    assert_eq!(company.accounts[0].size_gb, 5);

    let json = serde_json::to_string(&snapshot).unwrap();
    assert!(!json.contains(PASSWORD));
    assert!(!json.contains(SECRET_ANSWER));

    let home = browser.get("/").await.body;
    assert!(home.contains("<td>HighTech</td><td>5 GB</td><td>0 %</td>"));
    let list = browser.get("/Companies").await.body;
    assert!(list.contains("<td>HighTech</td><td>HighTech</td><td>10 GB</td>"));

    // 150 GB needs a ticket to Pax8 but the dashboard takes it.
    let answer = create(&mut browser, "Big Co", "150", "BigCo").await;
    assert!(answer.body.contains("Company Big Co was created."));
    assert_eq!(dashboard.snapshot().companies.len(), 4);
}

#[tokio::test]
async fn taken_username_in_another_case_is_refused_and_the_values_kept() {
    let dashboard = Dashboard::new();
    let mut browser = Browser::partner(&dashboard).await;
    create(&mut browser, "HighTech", "10", "HighTech").await;
    let answer = create(&mut browser, "High <b>Tech</b> 2", "25", "hightech").await;
    assert_eq!(answer.status, StatusCode::OK);
    let body = answer.body;
    assert!(body.contains("class=\"validation-summary-errors\""));
    assert!(
        body.contains("<li>The username hightech is already taken. Choose another username.</li>")
    );
    assert!(body.contains("value=\"High &lt;b&gt;Tech&lt;/b&gt; 2\""));
    assert!(!body.contains("<b>Tech</b>"));
    assert!(body.contains("id=\"QuotaGB\" name=\"QuotaGB\" value=\"25\""));
    assert!(body.contains("id=\"UserName\" name=\"UserName\" value=\"hightech\""));
    assert!(body.contains("id=\"Email\" name=\"Email\" value=\"kblanc@pax8.com\""));
    assert!(body.contains("value=\"What was your high school mascot?\""));
    assert!(
        body.contains("id=\"Password\" name=\"Password\" autocomplete=\"new-password\" value=\"\"")
    );
    assert!(body.contains(
        "id=\"ConfirmPassword\" name=\"ConfirmPassword\" autocomplete=\"new-password\" value=\"\""
    ));
    assert!(!body.contains(PASSWORD));
    assert!(body.contains("value=\"Create\""));

    // A username taken from the start, in another case too.
    let answer = create(&mut browser, "Acme 2", "5", "ACMEDENTAL").await;
    assert!(answer
        .body
        .contains("The username ACMEDENTAL is already taken. Choose another username."));

    let snapshot = dashboard.snapshot();
    assert_eq!(snapshot.create_posts, 3);
    assert_eq!(snapshot.companies.len(), 3);
}

#[tokio::test]
async fn create_checks_required_fields_quota_and_passwords() {
    let dashboard = Dashboard::new();
    let mut browser = Browser::partner(&dashboard).await;
    let answer = browser
        .post_form(
            "/Companies/Create",
            &[
                ("CompanyName", ""),
                ("QuotaGB", "75"),
                ("EgrLicenses", "0"),
                ("SpLicenses", "0"),
                ("FullName", ""),
                ("Email", ""),
                ("UserName", ""),
                ("Password", ""),
                ("ConfirmPassword", ""),
            ],
        )
        .await;
    for message in [
        "The Company Name field is required.",
        "Quota In GB must be 5, 10, 25 or 50 GB, or a multiple of 100 GB.",
        "The Full Name field is required.",
        "The Email field is required.",
        "The Username field is required.",
        "The Password field is required.",
    ] {
        assert!(answer.body.contains(message), "{message}");
    }
    let mut fields = create_fields("Mismatch", "ten", "Mismatch");
    fields[9] = ("ConfirmPassword", "other");
    let answer = browser.post_form("/Companies/Create", &fields).await;
    assert!(answer
        .body
        .contains("The password and confirmation password do not match."));
    assert!(answer
        .body
        .contains("The field Quota In GB must be a whole number."));
    let snapshot = dashboard.snapshot();
    assert_eq!(snapshot.create_posts, 2);
    assert_eq!(snapshot.companies.len(), 2);
}

#[tokio::test]
async fn login_as_company_admin_and_resume_switch_modes() {
    let dashboard = Dashboard::new();
    let mut browser = Browser::partner(&dashboard).await;
    create(&mut browser, "HighTech", "10", "HighTech").await;
    let id = company_id(&dashboard, "HighTech");
    let list = browser.get("/Companies").await.body;
    for text in [
        "<h2>View &amp; Manage Companies</h2>",
        "<th>Company Name</th><th>Username</th><th>Quota</th><th>Size (click to change)</th><th>Backup Accounts</th><th></th>",
        "title=\"Actions\"",
        "\u{2699}",
        &format!("href=\"/Companies/LoginAsAdmin/{id}\">Login as Company Admin</a>"),
        ">Edit Company</a>",
        ">Cancel Company</a>",
    ] {
        assert!(list.contains(text), "{text}");
    }

    let answer = browser.get(&format!("/Companies/LoginAsAdmin/{id}")).await;
    assert_eq!(answer.location.as_deref(), Some("/"));
    let home = browser.get("/").await.body;
    for text in [
        "You are logged in as company administrator.",
        "href=\"/Account/ResumeSession\">Click here to resume session as Pax8 Demo Partner</a>",
        "<span class=\"user-name\">HighTech</span>",
        "<h2>Company Dashboard</h2>",
        "<td>HighTech</td><td>5 GB</td><td>0 %</td>",
        ">Reports</a>",
    ] {
        assert!(home.contains(text), "{text}");
    }
    assert!(!home.contains("AcmeDental"), "only the company's accounts");
    assert!(!home.contains("Pax8 Demo Partner</span>"));
    // Partner pages are closed to a company admin.
    assert_eq!(
        browser.get("/Companies").await.location.as_deref(),
        Some("/")
    );

    let answer = browser.get("/Account/ResumeSession").await;
    assert_eq!(answer.location.as_deref(), Some("/"));
    let home = browser.get("/").await.body;
    assert!(home.contains("<h2>Home</h2>"));
    assert!(home.contains("<span class=\"user-name\">Pax8 Demo Partner</span>"));
    assert!(!home.contains("You are logged in as company administrator."));
    // Company pages are closed to the partner.
    assert_eq!(
        browser.get("/BackupAccounts").await.location.as_deref(),
        Some("/")
    );
    assert_eq!(
        browser.get("/Companies/LoginAsAdmin/999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn change_account_size_refuses_bad_sizes_and_then_changes_it() {
    let dashboard = Dashboard::new();
    let mut browser = Browser::partner(&dashboard).await;
    create(&mut browser, "HighTech", "10", "HighTech").await;
    let id = company_id(&dashboard, "HighTech");
    browser.get(&format!("/Companies/LoginAsAdmin/{id}")).await;

    let page = browser.get("/BackupAccounts").await.body;
    for text in [
        "<h2>Backup Accounts</h2>",
        "<th>Account Name</th><th>Size</th><th>Used</th><th>Is UltraSafe</th><th></th>",
        "title=\"Actions\"",
        ">Change Account Size</a>",
        ">Change Password</a>",
    ] {
        assert!(page.contains(text), "{text}");
    }
    let account = page
        .split("data-account-id=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let dialog = browser
        .get(&format!("/BackupAccounts/ChangeSizeDialog/{account}"))
        .await
        .body;
    for text in [
        "Change Account Size",
        "Account: <strong>HighTech</strong>",
        ">Account Size In GB</td>",
        "name=\"AccountSizeInGB\" value=\"5\"",
        "value=\"Ok\"",
        "value=\"Cancel\"",
    ] {
        assert!(dialog.contains(text), "{text}");
    }

    for (size, message) in [
        ("ten", "Account size must be a whole number of GB."),
        ("4", "Account size can't be less than 5 GB."),
        (
            "11",
            "Account size can't be more than the company quota of 10 GB.",
        ),
    ] {
        let answer = change_size(&mut browser, &account, size).await;
        assert_eq!(answer["success"], false, "{size}");
        assert_eq!(answer["message"], message, "{size}");
    }
    let answer = change_size(&mut browser, &account, "10").await;
    assert_eq!(answer["success"], true);
    assert_eq!(answer["message"], "Account size changed.");
    assert_eq!(answer["sizeText"], "10 GB");

    dashboard.set_faults(Faults {
        refuse_change_size: Some("The account is locked.".into()),
        ..Faults::default()
    });
    let answer = change_size(&mut browser, &account, "5").await;
    assert_eq!(answer["success"], false);
    assert_eq!(answer["message"], "The account is locked.");

    let snapshot = dashboard.snapshot();
    assert_eq!(snapshot.change_size_posts, 5);
    let company = snapshot.companies.iter().find(|c| c.id == id).unwrap();
    assert_eq!(company.accounts[0].size_gb, 10);
    let home = browser.get("/").await.body;
    assert!(home.contains("<td>HighTech</td><td>10 GB</td><td>0 %</td>"));
}

#[tokio::test]
async fn the_wrong_company_fault_opens_the_first_other_company() {
    let dashboard = Dashboard::new();
    let mut browser = Browser::partner(&dashboard).await;
    create(&mut browser, "HighTech", "10", "HighTech").await;
    let id = company_id(&dashboard, "HighTech");
    dashboard.set_faults(Faults {
        login_as_wrong_company: true,
        ..Faults::default()
    });
    browser.get(&format!("/Companies/LoginAsAdmin/{id}")).await;
    let home = browser.get("/").await.body;
    assert!(home.contains("<span class=\"user-name\">Acme Dental</span>"));
    assert!(!home.contains("<span class=\"user-name\">HighTech</span>"));

    // Faults off, through the HTTP endpoint, and the right company opens.
    let answer = browser
        .send(
            Request::post("/__replica/faults"),
            Body::from("{\"login_as_wrong_company\": false}"),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    browser.get("/Account/ResumeSession").await;
    browser.get(&format!("/Companies/LoginAsAdmin/{id}")).await;
    let home = browser.get("/").await.body;
    assert!(home.contains("<span class=\"user-name\">HighTech</span>"));
}

#[tokio::test]
async fn state_and_reset_over_http() {
    let dashboard = Dashboard::new();
    let mut browser = Browser::partner(&dashboard).await;
    create(&mut browser, "HighTech", "10", "HighTech").await;
    let state = browser.get("/__replica/state").await.body;
    let state: allot_replica::StateSnapshot = serde_json::from_str(&state).unwrap();
    assert_eq!(state, dashboard.snapshot());
    assert_eq!(state.create_posts, 1);
    browser
        .send(Request::post("/__replica/reset"), Body::empty())
        .await;
    let snapshot = dashboard.snapshot();
    assert_eq!(snapshot.create_posts, 0);
    assert_eq!(snapshot.companies.len(), 2);
    // The session survives a reset.
    assert!(browser.get("/").await.body.contains("<h2>Home</h2>"));
}

#[tokio::test]
async fn replica_serves_on_loopback_and_shuts_down() {
    let replica = Replica::start(0).await.unwrap();
    assert!(replica.addr.ip().is_loopback());
    assert_ne!(replica.addr.port(), 0);
    let stream = tokio::net::TcpStream::connect(replica.addr).await;
    assert!(stream.is_ok());
    assert_eq!(replica.snapshot().companies.len(), 2);
    replica.shutdown();
}
