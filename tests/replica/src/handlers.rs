//! The routes: pages by mode (logged out, partner, company admin), the AJAX endpoints, and
//! `/__replica/*` for the tests.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, COOKIE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use serde_json::json;

use crate::pages;
use crate::state::{CreateForm, Inner, Mode};
use crate::{Dashboard, Faults};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "replica_session";

pub fn router(dashboard: Dashboard) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/Account/LogOn", get(logon_page).post(logon))
        .route("/Account/LogOff", get(log_off).post(log_off))
        .route("/Account/ResumeSession", get(resume_session))
        .route("/Companies", get(companies))
        .route("/Companies/CreateDialog", get(create_dialog))
        .route("/Companies/Create", post(create_company))
        .route("/Companies/LoginAsAdmin/{id}", get(login_as_admin))
        .route("/Accounts", get(partner_accounts))
        .route("/BackupAccounts", get(backup_accounts))
        .route(
            "/BackupAccounts/ChangeSizeDialog/{id}",
            get(change_size_dialog),
        )
        .route("/BackupAccounts/ChangeSize", post(change_size))
        .route("/Reports", get(reports))
        .route("/__replica/login", get(replica_login))
        .route("/__replica/state", get(replica_state))
        .route("/__replica/reset", post(replica_reset))
        .route(
            "/__replica/faults",
            get(replica_faults).post(replica_set_faults),
        )
        .fallback(not_found)
        .layer(axum::middleware::map_response(no_store))
        .with_state(dashboard)
}

async fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn session_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == SESSION_COOKIE && !value.is_empty())
        .map(|(_, value)| value.to_string())
}

fn redirect(to: &str) -> Response {
    (StatusCode::FOUND, [(LOCATION, to.to_string())]).into_response()
}

fn to_logon() -> Response {
    redirect("/Account/LogOn")
}

fn with_session(mut response: Response, session: &str) -> Response {
    let cookie = format!("{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Lax");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response
}

/// Runs `page` for a partner session; the logged-out go to the log-on page, company admins
/// to their home.
fn partner_only(
    dashboard: &Dashboard,
    headers: &HeaderMap,
    page: impl FnOnce(&mut Inner, Option<String>) -> Response,
) -> Response {
    let session = session_id(headers);
    let mut inner = dashboard.lock();
    match inner.mode(session.as_deref()) {
        None => to_logon(),
        Some(Mode::CompanyAdmin(_)) => redirect("/"),
        Some(Mode::Partner) => page(&mut inner, session),
    }
}

/// Runs `page` for a company-admin session with its company's id; the logged-out go to the
/// log-on page, the partner to the partner home.
fn company_only(
    dashboard: &Dashboard,
    headers: &HeaderMap,
    page: impl FnOnce(&mut Inner, u32) -> Response,
) -> Response {
    let session = session_id(headers);
    let mut inner = dashboard.lock();
    match inner.mode(session.as_deref()) {
        None => to_logon(),
        Some(Mode::Partner) => redirect("/"),
        Some(Mode::CompanyAdmin(id)) => page(&mut inner, id),
    }
}

fn html(body: String) -> Response {
    Html(body).into_response()
}

async fn home(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    let session = session_id(&headers);
    let inner = d.lock();
    match inner.mode(session.as_deref()) {
        None => to_logon(),
        Some(Mode::Partner) => html(pages::partner_home(&inner.data)),
        Some(Mode::CompanyAdmin(id)) => match inner.data.company(id) {
            Some(company) => html(pages::company_home(company)),
            None => to_logon(),
        },
    }
}

async fn logon_page() -> Response {
    html(pages::logon_page("", None))
}

async fn logon(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    let fields = form.map(|Form(f)| f).unwrap_or_default();
    let user_name = fields.get("UserName").cloned().unwrap_or_default();
    if user_name.trim().is_empty() {
        return html(pages::logon_page(
            &user_name,
            Some("The User Name field is required."),
        ));
    }
    // Any user name logs in as the partner; the password is neither checked nor kept.
    let session = session_id(&headers);
    let session = d.lock().set_mode(session.as_deref(), Mode::Partner);
    with_session(redirect("/"), &session)
}

async fn log_off(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    d.lock().log_off(session_id(&headers).as_deref());
    let mut response = to_logon();
    response.headers_mut().append(
        SET_COOKIE,
        HeaderValue::from_static("replica_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"),
    );
    response
}

async fn resume_session(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    let session = session_id(&headers);
    let mut inner = d.lock();
    match inner.mode(session.as_deref()) {
        None => to_logon(),
        Some(_) => {
            let session = inner.set_mode(session.as_deref(), Mode::Partner);
            with_session(redirect("/"), &session)
        }
    }
}

async fn companies(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    partner_only(&d, &headers, |inner, _| {
        html(pages::companies_page(&inner.data))
    })
}

async fn partner_accounts(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    partner_only(&d, &headers, |inner, _| {
        html(pages::partner_accounts_page(&inner.data))
    })
}

async fn create_dialog(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    partner_only(&d, &headers, |_, _| html(pages::create_dialog()))
}

async fn create_company(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    d.lock().data.create_posts += 1;
    partner_only(&d, &headers, |inner, _| {
        let fields = match form {
            Ok(Form(fields)) => fields,
            Err(rejection) => return rejection.into_response(),
        };
        let form = CreateForm::from_fields(&fields);
        match form.validate(&inner.data) {
            Ok(new) => {
                let name = new.name.clone();
                inner.data.add_company(new);
                html(pages::create_success(&name))
            }
            Err(errors) => html(pages::create_form_content(
                &form.without_passwords(),
                &errors,
            )),
        }
    })
}

async fn login_as_admin(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    partner_only(&d, &headers, |inner, session| {
        let target = id
            .parse::<u32>()
            .ok()
            .and_then(|id| inner.data.login_target(id));
        match target {
            Some(company) => {
                let session = inner.set_mode(session.as_deref(), Mode::CompanyAdmin(company));
                with_session(redirect("/"), &session)
            }
            None => not_found_response(),
        }
    })
}

async fn backup_accounts(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    company_only(&d, &headers, |inner, id| match inner.data.company(id) {
        Some(company) => html(pages::backup_accounts_page(company)),
        None => redirect("/"),
    })
}

async fn reports(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    company_only(&d, &headers, |inner, id| match inner.data.company(id) {
        Some(company) => html(pages::reports_page(company)),
        None => redirect("/"),
    })
}

async fn change_size_dialog(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    Path(account): Path<String>,
) -> Response {
    company_only(&d, &headers, |inner, id| {
        let account = account.parse::<u32>().ok().and_then(|account| {
            inner
                .data
                .company(id)?
                .accounts
                .iter()
                .find(|a| a.id == account)
        });
        match account {
            Some(account) => html(pages::change_size_dialog(account)),
            None => not_found_response(),
        }
    })
}

async fn change_size(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    d.lock().data.change_size_posts += 1;
    company_only(&d, &headers, |inner, company| {
        let fields = form.map(|Form(f)| f).unwrap_or_default();
        let account = fields
            .get("AccountId")
            .and_then(|v| v.trim().parse::<u32>().ok())
            .unwrap_or(0);
        let size = fields.get("AccountSizeInGB").cloned().unwrap_or_default();
        match inner.data.change_size(company, account, &size) {
            Ok(size_gb) => Json(json!({
                "success": true,
                "message": "Account size changed.",
                "accountId": account,
                "sizeGB": size_gb,
                "sizeText": format!("{size_gb} GB"),
            }))
            .into_response(),
            Err(message) => Json(json!({
                "success": false,
                "message": message,
                "accountId": account,
            }))
            .into_response(),
        }
    })
}

fn not_found_response() -> Response {
    (StatusCode::NOT_FOUND, Html(pages::not_found_page())).into_response()
}

async fn not_found() -> Response {
    not_found_response()
}

async fn replica_login(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    let session = session_id(&headers);
    let session = d.lock().set_mode(session.as_deref(), Mode::Partner);
    with_session(redirect("/"), &session)
}

async fn replica_state(State(d): State<Dashboard>) -> Response {
    Json(d.snapshot()).into_response()
}

async fn replica_reset(State(d): State<Dashboard>) -> Response {
    d.reset();
    Json(d.snapshot()).into_response()
}

async fn replica_faults(State(d): State<Dashboard>) -> Response {
    Json(d.lock().data.faults.clone()).into_response()
}

async fn replica_set_faults(State(d): State<Dashboard>, body: Bytes) -> Response {
    match serde_json::from_slice::<Faults>(&body) {
        Ok(faults) => {
            d.set_faults(faults.clone());
            Json(faults).into_response()
        }
        Err(e) => (
            StatusCode::BAD_REQUEST,
            format!("expected JSON like {{\"login_as_wrong_company\": true, \"refuse_change_size\": \"message\"}}: {e}\n"),
        )
            .into_response(),
    }
}
