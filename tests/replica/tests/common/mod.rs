//! The test helpers shared by the replica's test files: a miniature browser over the router
//! (keeps the session cookie, no redirects followed) and the forms the tests post.
#![allow(dead_code)]

use allot_replica::Dashboard;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A browser in miniature: keeps the session cookie, does not follow redirects.
pub struct Browser {
    app: Router,
    cookie: Option<String>,
}

pub struct Answer {
    pub status: StatusCode,
    pub location: Option<String>,
    pub body: String,
}

impl Browser {
    pub fn new(dashboard: &Dashboard) -> Self {
        Browser {
            app: dashboard.router(),
            cookie: None,
        }
    }

    pub async fn send(&mut self, request: axum::http::request::Builder, body: Body) -> Answer {
        let request = match &self.cookie {
            Some(cookie) => request.header(header::COOKIE, cookie.as_str()),
            None => request,
        };
        let response = self
            .app
            .clone()
            .oneshot(request.body(body).unwrap())
            .await
            .unwrap();
        for value in response.headers().get_all(header::SET_COOKIE) {
            let pair = value
                .to_str()
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .to_string();
            self.cookie = if pair.ends_with('=') {
                None
            } else {
                Some(pair)
            };
        }
        let status = response.status();
        let location = response
            .headers()
            .get(header::LOCATION)
            .map(|v| v.to_str().unwrap().to_string());
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Answer {
            status,
            location,
            body: String::from_utf8(bytes.to_vec()).unwrap(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Answer {
        self.send(Request::get(path), Body::empty()).await
    }

    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let request = Request::post(path).header(
            header::CONTENT_TYPE,
            "application/x-www-form-urlencoded; charset=UTF-8",
        );
        self.send(request, Body::from(body)).await
    }

    pub async fn partner(dashboard: &Dashboard) -> Self {
        let mut browser = Browser::new(dashboard);
        let answer = browser.get("/__replica/login").await;
        assert_eq!(answer.status, StatusCode::FOUND);
        assert_eq!(answer.location.as_deref(), Some("/"));
        browser
    }
}

pub fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub const PASSWORD: &str = "Hx7!kq2Zpw";
pub const SECRET_ANSWER: &str = "Master Chief";

pub fn create_fields<'a>(
    company: &'a str,
    quota: &'a str,
    username: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("CompanyName", company),
        ("QuotaGB", quota),
        ("EgrLicenses", "0"),
        ("SpLicenses", "0"),
        ("EnableEndGuard", "false"),
        ("FullName", company),
        ("Email", "kblanc@pax8.com"),
        ("UserName", username),
        ("Password", PASSWORD),
        ("ConfirmPassword", PASSWORD),
        ("IsUltraSafe", "false"),
        ("SecretQuestion", "What was your high school mascot?"),
        ("SecretAnswer", SECRET_ANSWER),
    ]
}

pub async fn create(browser: &mut Browser, company: &str, quota: &str, username: &str) -> Answer {
    browser
        .post_form(
            "/Companies/Create",
            &create_fields(company, quota, username),
        )
        .await
}

pub async fn change_size(browser: &mut Browser, account: &str, size: &str) -> serde_json::Value {
    let answer = browser
        .post_form(
            "/BackupAccounts/ChangeSize",
            &[("AccountId", account), ("AccountSizeInGB", size)],
        )
        .await;
    serde_json::from_str(&answer.body).unwrap()
}

pub fn company_id(dashboard: &Dashboard, name: &str) -> u32 {
    dashboard
        .snapshot()
        .companies
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no company {name}"))
        .id
}

/// The fields of the newer dashboard's Create Company form: after "Now" when `username` is
/// given, after "Later" when it is `None`.
pub fn newer_create_fields<'a>(
    company: &'a str,
    quota: &'a str,
    username: Option<&'a str>,
    managed: bool,
) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        (
            "AdminAccount",
            if username.is_some() { "now" } else { "later" },
        ),
        ("CompanyName", company),
        ("QuotaGB", quota),
        ("SpLicenses", "0"),
        ("IsManaged", if managed { "true" } else { "false" }),
    ];
    if let Some(username) = username {
        fields.extend([
            ("FullName", company),
            ("Email", "kblanc@pax8.com"),
            ("UserName", username),
            ("Password", PASSWORD),
            ("ConfirmPassword", PASSWORD),
        ]);
    }
    fields
}

/// The `data-account-id` of the row whose account-name cell is `name`.
pub fn account_id_in(page: &str, name: &str) -> String {
    let cell = format!("\"><td class=\"account-name\">{name}</td>");
    let at = page
        .find(&cell)
        .unwrap_or_else(|| panic!("no row for account {name}"));
    let start = page[..at].rfind("data-account-id=\"").unwrap() + "data-account-id=\"".len();
    page[start..at].to_string()
}

/// Logs the browser in as the admin of the company named `name`.
pub async fn login_as(browser: &mut Browser, dashboard: &Dashboard, name: &str) {
    let id = company_id(dashboard, name);
    let answer = browser.get(&format!("/Companies/LoginAsAdmin/{id}")).await;
    assert_eq!(answer.location.as_deref(), Some("/"), "login as {name}");
}

/// Asserts every text is in `page`, in this order.
pub fn assert_in_order(page: &str, texts: &[&str]) {
    let mut at = 0;
    for text in texts {
        let found = page[at..]
            .find(text)
            .unwrap_or_else(|| panic!("{text} missing or out of order"));
        at += found + text.len();
    }
}
