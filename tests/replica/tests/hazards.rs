//! The replica's hazards for Allot: the change log, each fault, paging and search, and long
//! and non-Latin company names, in the seed generation (the newer one: `newer.rs`).

mod common;

use allot_replica::{CreateRefusal, Dashboard, Faults, Generation, SizeChange, StateSnapshot};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;

fn faults(f: impl FnOnce(&mut Faults)) -> Faults {
    let mut faults = Faults::default();
    f(&mut faults);
    faults
}

#[tokio::test]
async fn the_change_log_records_every_successful_size_change_in_order() {
    let dashboard = Dashboard::new();
    let mut browser = Browser::partner(&dashboard).await;
    create(&mut browser, "HighTech", "10", "HighTech").await;
    login_as(&mut browser, &dashboard, "HighTech").await;
    let page = browser.get("/BackupAccounts").await.body;
    let account = account_id_in(&page, "HighTech");
    assert_eq!(
        change_size(&mut browser, &account, "4").await["success"],
        false
    );
    assert_eq!(
        change_size(&mut browser, &account, "10").await["success"],
        true
    );
    // The same size again is still a change.
    assert_eq!(
        change_size(&mut browser, &account, "10").await["success"],
        true
    );
    dashboard.set_faults(faults(|f| f.refuse_change_size = Some("No.".into())));
    assert_eq!(
        change_size(&mut browser, &account, "5").await["success"],
        false
    );

    let snapshot = dashboard.snapshot();
    assert_eq!(snapshot.change_size_posts, 4);
    let change = |from_gb, to_gb| SizeChange {
        company: "HighTech".into(),
        account: "HighTech".into(),
        from_gb,
        to_gb,
    };
    assert_eq!(snapshot.changes, vec![change(5, 10), change(10, 10)]);
    assert!(snapshot.companies.iter().all(|c| c.managed));

    // Over HTTP too, and an older snapshot without the new keys still reads.
    let state: StateSnapshot =
        serde_json::from_str(&browser.get("/__replica/state").await.body).unwrap();
    assert_eq!(state.changes, snapshot.changes);
    let old: StateSnapshot = serde_json::from_str(
        r#"{"create_posts":0,"change_size_posts":0,"companies":[{"id":1,"name":"A","quota_gb":5,
        "username":"a","email":"","ultrasafe":false,"accounts":[]}]}"#,
    )
    .unwrap();
    assert!(old.changes.is_empty());
    assert!(!old.companies[0].managed);

    dashboard.reset();
    assert!(dashboard.snapshot().changes.is_empty());
}

#[tokio::test]
async fn the_generation_endpoint_switches_markup_and_reset_goes_back_to_seed() {
    let dashboard = Dashboard::new();
    let mut browser = Browser::partner(&dashboard).await;
    assert!(browser.get("/").await.body.contains("SOS Online Backup"));
    let answer = browser
        .send(
            Request::post("/__replica/generation"),
            Body::from("\"newer\""),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(browser.get("/__replica/generation").await.body, "\"newer\"");
    let home = browser.get("/").await.body;
    assert!(home.contains("<span class=\"brand\">Infrascale</span>"));
    assert!(!home.contains(">Manage</a>"));
    let answer = browser
        .send(
            Request::post("/__replica/generation"),
            Body::from("\"older\""),
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    dashboard.reset();
    assert!(browser.get("/").await.body.contains(">Manage</a>"));
    dashboard.set_generation(Generation::Newer);
    dashboard.set_generation(Generation::Seed);
    assert!(browser.get("/").await.body.contains(">Manage</a>"));
    assert_eq!(
        serde_json::to_string(&Generation::default()).unwrap(),
        "\"seed\""
    );
}

#[tokio::test]
async fn extra_account_adds_a_frontdesk_account_listed_before_the_admin() {
    let dashboard = Dashboard::new();
    dashboard.set_faults(faults(|f| f.extra_account = true));
    let mut browser = Browser::partner(&dashboard).await;
    create(&mut browser, "HighTech", "10", "HighTech").await;
    let company = dashboard.snapshot().companies[2].clone();
    assert_eq!(company.accounts.len(), 2);
    assert_eq!(company.accounts[0].name, "HighTech");
    assert_eq!(company.accounts[1].name, "HighTech.frontdesk");
    assert_eq!(company.accounts[1].size_gb, 5);
    // The initial companies are left alone.
    assert_eq!(dashboard.snapshot().companies[1].accounts.len(), 1);
    // The username is taken with it.
    let answer = create(&mut browser, "Other", "10", "hightech.FRONTDESK").await;
    assert!(answer.body.contains("is already taken"));

    login_as(&mut browser, &dashboard, "HighTech").await;
    let page = browser.get("/BackupAccounts").await.body;
    assert_in_order(
        &page,
        &[
            "<td class=\"account-name\">HighTech.frontdesk</td>",
            "<td class=\"account-name\">HighTech</td>",
        ],
    );
    let home = browser.get("/").await.body;
    assert_in_order(
        &home,
        &[
            "<td>HighTech.frontdesk</td><td>5 GB</td>",
            "<td>HighTech</td><td>5 GB</td>",
        ],
    );
    dashboard.set_generation(Generation::Newer);
    let page = browser.get("/BackupAccounts").await.body;
    assert_in_order(
        &page,
        &[
            "<td class=\"account-name\">HighTech.frontdesk</td>",
            "<td class=\"account-name\">HighTech</td>",
        ],
    );
}

#[tokio::test]
async fn stray_change_size_link_is_a_page_level_link_for_the_newest_other_account() {
    let dashboard = Dashboard::new();
    dashboard.set_faults(faults(|f| {
        f.stray_change_size_link = true;
        f.extra_account = true;
    }));
    let mut browser = Browser::partner(&dashboard).await;
    create(&mut browser, "HighTech", "10", "HighTech").await;
    login_as(&mut browser, &dashboard, "HighTech").await;
    let page = browser.get("/BackupAccounts").await.body;
    let frontdesk = account_id_in(&page, "HighTech.frontdesk");
    let link = format!(
        "<p class=\"page-actions\"><a href=\"#\" class=\"page-action\" onclick=\"return openChangeSize({frontdesk});\">Change Account Size</a></p>"
    );
    assert_in_order(&page, &["<h2>Backup Accounts</h2>", &link, "<table"]);
    let home = browser.get("/").await.body;
    assert_in_order(&home, &[&link, "Backup Account Usage"]);
    dashboard.set_generation(Generation::Newer);
    for path in ["/", "/BackupAccounts"] {
        let page = browser.get(path).await.body;
        assert_in_order(&page, &[&link, "<table class=\"grid accounts\">"]);
    }

    // A company with only its admin account: no link.
    browser.get("/Account/ResumeSession").await;
    login_as(&mut browser, &dashboard, "Blue River Law").await;
    for generation in [Generation::Newer, Generation::Seed] {
        dashboard.set_generation(generation);
        for path in ["/", "/BackupAccounts"] {
            let page = browser.get(path).await.body;
            assert!(!page.contains("class=\"page-action\""), "{path}");
        }
    }
}

#[tokio::test]
async fn menus_stay_open_preopens_one_row_menu_per_grid_and_tells_the_script() {
    let dashboard = Dashboard::new();
    let mut browser = Browser::partner(&dashboard).await;
    let list = browser.get("/Companies").await.body;
    assert!(!list.contains("gear-wrap open"));
    assert!(!list.contains("<body data-menus-stay-open"));

    dashboard.set_faults(faults(|f| f.menus_stay_open = true));
    let list = browser.get("/Companies").await.body;
    assert!(list.contains("<body data-menus-stay-open=\"1\">"));
    assert_eq!(list.matches("gear-wrap open").count(), 1);
    assert_in_order(&list, &["gear-wrap open", "<td>Blue River Law</td>"]);
    assert_in_order(&list, &["<td>Acme Dental</td>", "gear-wrap open"]);

    login_as(&mut browser, &dashboard, "Acme Dental").await;
    let page = browser.get("/BackupAccounts").await.body;
    assert_eq!(page.matches("gear-wrap open").count(), 1);
    assert_in_order(&page, &["acme-frontdesk", "gear-wrap open"]);

    dashboard.set_generation(Generation::Newer);
    for path in ["/", "/BackupAccounts"] {
        let page = browser.get(path).await.body;
        assert_eq!(page.matches("data-open-on-load=\"1\"").count(), 1, "{path}");
        assert_in_order(
            &page,
            &["acme-frontdesk", "data-open-on-load=\"1\"", "</tbody>"],
        );
    }
    // Only the admin account: nothing preopened.
    browser.get("/Account/ResumeSession").await;
    login_as(&mut browser, &dashboard, "Blue River Law").await;
    assert!(!browser
        .get("/BackupAccounts")
        .await
        .body
        .contains("data-open-on-load=\"1\" onclick"));
    browser.get("/Account/ResumeSession").await;
    let list = browser.get("/Companies").await.body;
    assert_eq!(list.matches("data-open-on-load=\"1\"").count(), 1);
    assert_in_order(
        &list,
        &["Acme Dental", "data-open-on-load=\"1\"", "Blue River Law"],
    );
    // The partner's consolidated grid: the first account that is not an admin's.
    let page = browser.get("/BackupAccounts").await.body;
    assert_in_order(
        &page,
        &["acme-frontdesk", "data-open-on-load=\"1\"", "BlueRiverLaw"],
    );
}

#[tokio::test]
async fn create_refusal_dialog_answers_the_errors_and_close_without_the_form() {
    let dashboard = Dashboard::new();
    dashboard.set_faults(faults(|f| f.create_refusal = CreateRefusal::Dialog));
    let mut browser = Browser::partner(&dashboard).await;
    let dialog = browser.get("/Companies/CreateDialog").await.body;
    assert!(dialog.contains("onclick=\"return createCompany(this);\""));
    let answer = create(&mut browser, "Acme 2", "75", "AcmeDental").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer
        .body
        .contains("<li>The username AcmeDental is already taken. Choose another username.</li>"));
    assert!(answer.body.contains("value=\"Close\""));
    assert!(!answer.body.contains("<form"));
    assert!(!answer.body.contains("CompanyName"));
    let answer = create(&mut browser, "HighTech", "10", "HighTech").await;
    assert!(answer.body.contains("Company HighTech was created."));
    assert!(answer.body.contains("value=\"Close\""));
}

#[tokio::test]
async fn create_refusal_page_posts_the_form_and_answers_full_pages() {
    let dashboard = Dashboard::new();
    dashboard.set_faults(faults(|f| f.create_refusal = CreateRefusal::Page));
    let mut browser = Browser::partner(&dashboard).await;
    let dialog = browser.get("/Companies/CreateDialog").await.body;
    assert!(dialog
        .contains("<form id=\"createCompanyForm\" action=\"/Companies/Create\" method=\"post\">"));
    assert!(dialog.contains(
        "<input type=\"submit\" id=\"btnCreateCompany\" class=\"primary\" value=\"Create\">"
    ));
    assert!(!dialog.contains("createCompany(this)"));

    let answer = create(&mut browser, "Acme 2", "10", "AcmeDental").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body.starts_with("<!DOCTYPE html>"));
    assert!(answer
        .body
        .contains("<title>Create Company - SOS Online Backup</title>"));
    assert!(answer.body.contains("<h2>Create Company</h2>"));
    assert!(answer.body.contains("is already taken"));
    assert!(answer
        .body
        .contains("<a href=\"/Companies\">View &amp; Manage Companies</a>"));
    assert!(!answer.body.contains("<form"));

    let answer = create(&mut browser, "HighTech", "10", "HighTech").await;
    assert_eq!(answer.status, StatusCode::FOUND);
    assert_eq!(answer.location.as_deref(), Some("/Companies"));
    let list = browser.get("/Companies").await.body;
    assert!(list.contains("role=\"status\">Company HighTech was created.</div>"));
    let list = browser.get("/Companies").await.body;
    assert!(!list.contains("Company HighTech was created."), "once");

    dashboard.set_generation(Generation::Newer);
    let answer = create(&mut browser, "Acme 2", "10", "AcmeDental").await;
    assert!(answer.body.contains("<h1>Create Company</h1>"));
    assert!(answer.body.contains("<a href=\"/Companies\">Companies</a>"));
    assert!(!answer.body.contains("View &amp; Manage Companies"));
    let answer = browser
        .post_form(
            "/Companies/Create",
            &newer_create_fields("Newer Co", "25", Some("NewerCo"), true),
        )
        .await;
    assert_eq!(answer.location.as_deref(), Some("/Companies"));
    assert!(browser
        .get("/Companies")
        .await
        .body
        .contains("Company Newer Co was created."));
}

#[tokio::test]
async fn unmanaged_new_companies_offer_no_login_as_company_admin() {
    let dashboard = Dashboard::new();
    dashboard.set_faults(faults(|f| f.unmanaged_new_companies = true));
    let mut browser = Browser::partner(&dashboard).await;
    create(&mut browser, "HighTech", "10", "HighTech").await;
    let snapshot = dashboard.snapshot();
    assert!(!snapshot.companies[2].managed);
    assert!(snapshot.companies[0].managed);
    let id = snapshot.companies[2].id;
    let list = browser.get("/Companies").await.body;
    assert_eq!(list.matches(">Login as Company Admin</a>").count(), 2);
    assert!(!list.contains(&format!("/Companies/LoginAsAdmin/{id}\"")));
    let answer = browser.get(&format!("/Companies/LoginAsAdmin/{id}")).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    dashboard.set_generation(Generation::Newer);
    let list = browser.get("/Companies").await.body;
    assert_eq!(list.matches(">Login as Company Admin</a>").count(), 2);
    assert!(!list.contains(&format!("/Companies/LoginAsAdmin/{id}\"")));
}

#[tokio::test]
async fn company_home_lists_accounts_puts_the_gears_on_home() {
    let dashboard = Dashboard::new();
    dashboard.set_faults(faults(|f| f.company_home_lists_accounts = true));
    let mut browser = Browser::partner(&dashboard).await;
    login_as(&mut browser, &dashboard, "Acme Dental").await;
    let home = browser.get("/").await.body;
    assert!(!home.contains("Backup Account Usage"));
    assert!(!home.contains("href=\"/BackupAccounts\""));
    assert!(home.contains("<thead><tr><th>Account Name</th><th>Size</th><th></th></tr></thead>"));
    assert_eq!(home.matches("title=\"Actions\" class=\"gear\"").count(), 2);
    assert_eq!(home.matches(">Change Account Size</a>").count(), 2);
    let account = account_id_in(&home, "acme-frontdesk");
    assert_eq!(
        change_size(&mut browser, &account, "50").await["success"],
        true
    );
    assert!(browser
        .get("/")
        .await
        .body
        .contains("<td class=\"account-size\">50 GB</td>"));
}

#[tokio::test]
async fn filler_companies_come_first_idempotently_and_the_grid_pages() {
    let dashboard = Dashboard::new();
    let fillers = faults(|f| f.filler_companies = 100);
    dashboard.set_faults(fillers.clone());
    dashboard.set_faults(fillers.clone());
    let snapshot = dashboard.snapshot();
    assert_eq!(snapshot.companies.len(), 102);
    assert_eq!(snapshot.companies[0].name, "Filler Company 001");
    assert_eq!(snapshot.companies[0].username, "filler001");
    assert_eq!(snapshot.companies[0].quota_gb, 100);
    assert_eq!(snapshot.companies[0].accounts[0].size_gb, 5);
    assert!(snapshot.companies[0].managed);
    assert_eq!(snapshot.companies[99].name, "Filler Company 100");
    assert_eq!(snapshot.companies[100].name, "Acme Dental");

    let mut browser = Browser::partner(&dashboard).await;
    create(&mut browser, "HighTech", "10", "HighTech").await;
    assert_eq!(dashboard.snapshot().companies[102].name, "HighTech");

    for generation in [Generation::Seed, Generation::Newer] {
        dashboard.set_generation(generation);
        let first = browser.get("/Companies").await.body;
        assert_eq!(
            first.matches("data-company-id=").count(),
            30,
            "{generation:?}"
        );
        assert!(first.contains("Filler Company 001"));
        assert!(!first.contains("Filler Company 031"));
        assert!(!first.contains("HighTech"));
        assert_in_order(
            &first,
            &[
                "<label for=\"gridSearch\">Search</label>",
                "<button type=\"submit\" class=\"grid-search-button\">Search</button>",
                "<table",
                "</table>",
                "<span class=\"pager-off\">First</span>",
                "<span class=\"pager-off\">Previous</span>",
                "<a href=\"?page=2\" class=\"pager-link\">Next</a>",
                "<a href=\"?page=4\" class=\"pager-link\">Last</a>",
                "<label for=\"pagerPage\">Page</label>",
                "name=\"page\" value=\"1\"",
                "Page 1 of 4",
            ],
        );
        let last = browser.get("/Companies?page=4").await.body;
        assert_eq!(last.matches("data-company-id=").count(), 13);
        assert!(last.contains("HighTech"));
        assert_in_order(
            &last,
            &[
                "<a href=\"?page=1\" class=\"pager-link\">First</a>",
                "<a href=\"?page=3\" class=\"pager-link\">Previous</a>",
                "<span class=\"pager-off\">Next</span>",
                "<span class=\"pager-off\">Last</span>",
                "Page 4 of 4",
            ],
        );
        assert!(browser
            .get("/Companies?page=99")
            .await
            .body
            .contains("Page 4 of 4"));
        let found = browser.get("/Companies?q=hightECH").await.body;
        assert_eq!(found.matches("data-company-id=").count(), 1);
        assert!(found.contains("value=\"hightECH\""));
        assert!(found.contains("Page 1 of 1"));
        let found = browser
            .get("/Companies?q=filler+company+0&page=2")
            .await
            .body;
        assert!(found.contains("Page 2 of 4"));
        assert!(found.contains(
            "<a href=\"?page=3&amp;q=filler%20company%200\" class=\"pager-link\">Next</a>"
        ));
        assert!(found.contains("<input type=\"hidden\" name=\"q\" value=\"filler company 0\">"));
    }
    // Fewer fillers later add nothing and remove nothing.
    dashboard.set_faults(faults(|f| f.filler_companies = 3));
    assert_eq!(dashboard.snapshot().companies.len(), 103);
    // No paging without more than 30 rows or a search.
    dashboard.reset();
    let list = browser.get("/Companies").await.body;
    assert!(!list.contains("Page 1 of 1"));
    assert!(!list.contains("gridSearch"));
    let list = browser.get("/Companies?q=acme").await.body;
    assert!(list.contains("Page 1 of 1"));
    assert!(list.contains("Acme Dental"));
    assert!(!list.contains("Blue River Law"));
}

#[tokio::test]
async fn backup_account_grids_page_and_search_too() {
    let dashboard = Dashboard::new();
    dashboard.set_faults(faults(|f| f.filler_companies = 40));
    let mut browser = Browser::partner(&dashboard).await;
    let all = browser.get("/Accounts").await.body;
    assert!(all.contains("Page 1 of 2"));
    let found = browser.get("/Accounts?q=acme").await.body;
    assert!(found.contains("acme-frontdesk"));
    assert!(found.contains("Page 1 of 1"));
    dashboard.set_generation(Generation::Newer);
    let all = browser.get("/BackupAccounts").await.body;
    assert_eq!(all.matches("<tr data-account-id=").count(), 30);
    assert!(all.contains("Page 1 of 2"));
    let second = browser.get("/BackupAccounts?page=2").await.body;
    assert_eq!(second.matches("<tr data-account-id=").count(), 13);
    login_as(&mut browser, &dashboard, "Acme Dental").await;
    let own = browser.get("/BackupAccounts?q=FRONT").await.body;
    assert_eq!(own.matches("<tr data-account-id=").count(), 1);
    assert!(own.contains("Page 1 of 1"));
}

#[tokio::test]
async fn long_and_non_latin_company_names_are_accepted_and_shown_whole() {
    let latin = "Northern Lights Veterinary Hospital and Emergency Animal Care Center of Alaska";
    let japanese = "株式会社東京中央歯科クリニック医療法人社団さくら会新宿本院";
    assert_eq!(latin.chars().count(), 78);
    assert_eq!(japanese.chars().count(), 29);
    let dashboard = Dashboard::new();
    let mut browser = Browser::partner(&dashboard).await;
    for (name, username) in [(latin, "NorthernLights"), (japanese, "TokyoDental")] {
        let answer = create(&mut browser, name, "10", username).await;
        assert!(
            answer
                .body
                .contains(&format!("Company {name} was created.")),
            "{name}"
        );
        assert_eq!(dashboard.snapshot().companies.last().unwrap().name, name);
        for generation in [Generation::Seed, Generation::Newer] {
            dashboard.set_generation(generation);
            let list = browser.get("/Companies").await.body;
            assert!(
                list.contains(&format!(">{name}</td>")),
                "{name} {generation:?}"
            );
            login_as(&mut browser, &dashboard, name).await;
            let home = browser.get("/").await.body;
            let header = match generation {
                Generation::Seed => format!("<span class=\"user-name\">{name}</span>"),
                Generation::Newer => format!("<span class=\"session-name\">{name}</span>"),
            };
            assert!(home.contains(&header), "{name} {generation:?}");
            browser.get("/Account/ResumeSession").await;
        }
        dashboard.set_generation(Generation::Seed);
    }
    let too_long = "x".repeat(101);
    let answer = create(&mut browser, &too_long, "10", "TooLong").await;
    assert!(answer
        .body
        .contains("Company Name can&#39;t be longer than 100 characters."));
    let hundred = "\u{65e5}".repeat(100);
    let answer = create(&mut browser, &hundred, "10", "Hundred").await;
    assert!(answer.body.contains("was created."));
}
