//! The routes: pages by mode (logged out, partner, company admin) in the current generation's
//! markup, the AJAX endpoints, and `/__replica/*` for the tests.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::header::{CACHE_CONTROL, COOKIE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use serde_json::json;

use crate::grid::GridQuery;
use crate::state::{AccountForm, CreateForm, Inner, LoginRefusal, Mode};
use crate::{newer, pages, probe, strict};
use crate::{CreateRefusal, Dashboard, Faults, Generation};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "replica_session";

pub fn router(dashboard: Dashboard) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/Account/LogOn", get(logon_page).post(logon))
        .route("/Account/LogOff", get(log_off).post(log_off))
        .route("/Account/ResumeSession", get(resume_session))
        .route("/Companies", get(companies))
        .route("/Companies/CreatePrompt", get(create_prompt))
        .route("/Companies/CreateDialog", get(create_dialog))
        .route("/Companies/CreateFrame", get(create_frame))
        .route("/Companies/Create", post(create_company))
        .route("/Companies/LoginAsAdmin/{id}", get(login_as_admin))
        .route(
            "/Companies/ChangeSizeDialog/{id}",
            get(change_company_size_dialog),
        )
        .route("/Companies/ChangeSize", post(change_company_size))
        .route("/Companies/CancelDialog/{id}", get(cancel_company_dialog))
        .route("/Companies/Cancel/{id}", post(cancel_company))
        .route("/Partners", get(partners))
        .route("/DashboardAccounts", get(dashboard_accounts))
        .route("/Accounts", get(partner_accounts))
        .route("/BackupAccounts", get(backup_accounts))
        .route("/BackupAccounts/CreateDialog", get(create_account_dialog))
        .route("/BackupAccounts/Create", post(create_account))
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
        .route(
            "/__replica/generation",
            get(replica_generation).post(replica_set_generation),
        )
        .route("/replica.js", get(strict::script))
        .route("/replica.css", get(strict::style))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(
            dashboard.clone(),
            strict::page_csp,
        ))
        .layer(axum::middleware::from_fn_with_state(
            dashboard.clone(),
            probe::bench_probe,
        ))
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

fn newer_gen(inner: &Inner) -> bool {
    inner.data.generation == Generation::Newer
}

async fn home(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let session = session_id(&headers);
    let query = GridQuery::parse(query.as_deref());
    let inner = d.lock();
    let data = &inner.data;
    match inner.mode(session.as_deref()) {
        None => to_logon(),
        Some(Mode::Partner) if newer_gen(&inner) => html(newer::partner_home(data)),
        Some(Mode::Partner) => html(pages::partner_home(data)),
        Some(Mode::CompanyAdmin(id)) => match data.company(id) {
            Some(company) if newer_gen(&inner) => html(newer::company_home(data, company, &query)),
            Some(company) => html(pages::company_home(data, company, &query)),
            None => to_logon(),
        },
    }
}

fn logon_form(d: &Dashboard, user_name: &str, error: Option<&str>) -> Response {
    if newer_gen(&d.lock()) {
        html(newer::logon_page(user_name, error))
    } else {
        html(pages::logon_page(user_name, error))
    }
}

async fn logon_page(State(d): State<Dashboard>) -> Response {
    logon_form(&d, "", None)
}

async fn logon(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    let fields = form.map(|Form(f)| f).unwrap_or_default();
    let user_name = fields.get("UserName").cloned().unwrap_or_default();
    if user_name.trim().is_empty() {
        return logon_form(&d, &user_name, Some("The User Name field is required."));
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

async fn companies(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let query = GridQuery::parse(query.as_deref());
    partner_only(&d, &headers, |inner, session| {
        let notice = inner.take_flash(session.as_deref());
        if newer_gen(inner) {
            html(newer::companies_page(
                &inner.data,
                &query,
                notice.as_deref(),
            ))
        } else {
            html(pages::companies_page(
                &inner.data,
                &query,
                notice.as_deref(),
            ))
        }
    })
}

async fn partner_accounts(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let query = GridQuery::parse(query.as_deref());
    partner_only(&d, &headers, |inner, _| {
        html(pages::partner_accounts_page(&inner.data, &query))
    })
}

async fn partners(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    partner_only(&d, &headers, |inner, _| {
        html(newer::partners_page(&inner.data))
    })
}

async fn dashboard_accounts(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    partner_only(&d, &headers, |inner, _| {
        html(newer::dashboard_accounts_page(&inner.data))
    })
}

async fn create_prompt(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    partner_only(&d, &headers, |_, _| html(newer::create_prompt()))
}

async fn create_dialog(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let query = GridQuery::parse(query.as_deref());
    let later = query.params.get("admin").map(String::as_str) == Some("later");
    partner_only(&d, &headers, |inner, _| {
        if newer_gen(inner) {
            html(newer::create_dialog(&inner.data.faults, later))
        } else if inner.data.faults.create_in_frame {
            html(crate::frames::create_dialog_with_frame())
        } else {
            html(pages::create_dialog(&inner.data.faults))
        }
    })
}

async fn create_frame(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    partner_only(
        &d,
        &headers,
        |_, _| html(crate::frames::create_frame_page()),
    )
}

async fn create_company(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    d.lock().data.create_posts += 1;
    partner_only(&d, &headers, |inner, session| {
        let fields = match form {
            Ok(Form(fields)) => fields,
            Err(rejection) => return rejection.into_response(),
        };
        let form = CreateForm::from_fields(&fields);
        let answer = inner.data.faults.create_refusal;
        let newer = newer_gen(inner);
        match form.validate(&inner.data) {
            Ok(new) => {
                let name = new.name.clone();
                inner.data.add_company(new);
                let notice = format!("Company {name} was created.");
                match answer {
                    CreateRefusal::Page => {
                        let session = inner.set_mode(session.as_deref(), Mode::Partner);
                        inner.set_flash(&session, notice);
                        with_session(redirect("/Companies"), &session)
                    }
                    _ => html(pages::create_success(&name)),
                }
            }
            Err(errors) => match answer {
                CreateRefusal::Form if newer => html(newer::create_form_content(
                    &form.without_passwords(),
                    &errors,
                    false,
                )),
                CreateRefusal::Form => html(pages::create_form_content(
                    &form.without_passwords(),
                    &errors,
                    false,
                )),
                CreateRefusal::Dialog => html(pages::create_refused_content(&errors)),
                CreateRefusal::Page if newer => {
                    html(newer::create_refused_page(&inner.data, &errors))
                }
                CreateRefusal::Page => html(pages::create_refused_page(&inner.data, &errors)),
            },
        }
    })
}

async fn login_as_admin(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    partner_only(&d, &headers, |inner, session| {
        let target = id.parse::<u32>().ok().map(|id| inner.data.login_target(id));
        match target {
            Some(Ok(company)) => {
                let session = inner.set_mode(session.as_deref(), Mode::CompanyAdmin(company));
                with_session(redirect("/"), &session)
            }
            Some(Err(LoginRefusal::Unmanaged)) => (
                StatusCode::FORBIDDEN,
                Html(pages::forbidden_page(
                    "The company is not managed: only its administrator can log in.",
                )),
            )
                .into_response(),
            Some(Err(LoginRefusal::NotFound)) | None => not_found_response(),
        }
    })
}

/// The company dialogs and actions of the newer Companies page (partner only).
fn with_company(
    d: &Dashboard,
    headers: &HeaderMap,
    id: &str,
    page: impl FnOnce(&mut Inner, u32) -> Response,
) -> Response {
    partner_only(d, headers, |inner, _| {
        match id
            .parse::<u32>()
            .ok()
            .filter(|id| inner.data.company(*id).is_some())
        {
            Some(id) => page(inner, id),
            None => not_found_response(),
        }
    })
}

async fn change_company_size_dialog(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    with_company(&d, &headers, &id, |inner, id| {
        match inner.data.company(id) {
            Some(company) if newer_gen(inner) => html(newer::change_company_size_dialog(company)),
            Some(company) => html(pages::change_company_size_dialog(company)),
            None => not_found_response(),
        }
    })
}

async fn change_company_size(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    d.lock().data.change_company_size_posts += 1;
    partner_only(&d, &headers, |inner, _| {
        let fields = form.map(|Form(f)| f).unwrap_or_default();
        let company = fields
            .get("CompanyId")
            .and_then(|v| v.trim().parse::<u32>().ok())
            .unwrap_or(0);
        let quota = fields.get("QuotaGB").cloned().unwrap_or_default();
        match inner.data.change_company_size(company, &quota) {
            Ok(quota_gb) => Json(json!({
                "success": true,
                "message": "Company size changed.",
                "companyId": company,
                "sizeGB": quota_gb,
                "sizeText": format!("{quota_gb} GB"),
            }))
            .into_response(),
            Err(message) => Json(json!({
                "success": false,
                "message": message,
                "companyId": company,
            }))
            .into_response(),
        }
    })
}

async fn cancel_company_dialog(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    with_company(&d, &headers, &id, |inner, id| {
        match inner.data.company(id) {
            Some(company) => html(newer::cancel_company_dialog(company)),
            None => not_found_response(),
        }
    })
}

async fn cancel_company(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    with_company(&d, &headers, &id, |inner, id| {
        let name = inner.data.cancel_company(id).unwrap_or_default();
        Json(json!({
            "success": true,
            "message": format!("Company {name} was cancelled."),
            "companyId": id,
        }))
        .into_response()
    })
}

async fn backup_accounts(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let query = GridQuery::parse(query.as_deref());
    let session = session_id(&headers);
    let inner = d.lock();
    let data = &inner.data;
    match inner.mode(session.as_deref()) {
        None => to_logon(),
        // The newer dashboard lists every child company's accounts to the partner.
        Some(Mode::Partner) if newer_gen(&inner) => {
            html(newer::backup_accounts_page(data, None, &query))
        }
        Some(Mode::Partner) => redirect("/"),
        Some(Mode::CompanyAdmin(id)) => match data.company(id) {
            Some(company) if newer_gen(&inner) => {
                html(newer::backup_accounts_page(data, Some(company), &query))
            }
            Some(company) => html(pages::backup_accounts_page(data, company, &query)),
            None => redirect("/"),
        },
    }
}

/// The companies a session may add a backup account to: the partner's every company, a
/// company admin's own; `None` when logged out.
fn account_companies(inner: &Inner, headers: &HeaderMap) -> Option<(Vec<u32>, Option<u32>)> {
    match inner.mode(session_id(headers).as_deref())? {
        Mode::Partner => Some((inner.data.companies.iter().map(|c| c.id).collect(), None)),
        Mode::CompanyAdmin(id) => Some((vec![id], Some(id))),
    }
}

/// The "Create Backup Account" dialog in the generation's markup; with `refused`, only its
/// content: the form again with what was entered and the errors.
fn account_form_html(
    inner: &Inner,
    ids: &[u32],
    refused: Option<(&AccountForm, &[String])>,
) -> String {
    let companies: Vec<_> = ids
        .iter()
        .filter_map(|id| inner.data.company(*id))
        .collect();
    match (newer_gen(inner), refused) {
        (true, None) => newer::create_account_dialog(&companies),
        (true, Some((form, errors))) => newer::create_account_content(&companies, form, errors),
        (false, None) => pages::create_account_dialog(&companies),
        (false, Some((form, errors))) => pages::create_account_content(&companies, form, errors),
    }
}

async fn create_account_dialog(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    let inner = d.lock();
    match account_companies(&inner, &headers) {
        Some((ids, _)) => html(account_form_html(&inner, &ids, None)),
        None => to_logon(),
    }
}

async fn create_account(
    State(d): State<Dashboard>,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    let mut inner = d.lock();
    inner.data.create_account_posts += 1;
    let Some((ids, session_company)) = account_companies(&inner, &headers) else {
        return to_logon();
    };
    let fields = match form {
        Ok(Form(fields)) => fields,
        Err(rejection) => return rejection.into_response(),
    };
    let form = AccountForm::from_fields(&fields);
    match form.validate(&inner.data, session_company) {
        Ok(new) => {
            inner.data.create_account(&new);
            html(pages::account_created(&new.name))
        }
        Err(errors) => {
            let shown = form.without_passwords();
            html(account_form_html(&inner, &ids, Some((&shown, &errors))))
        }
    }
}

async fn reports(State(d): State<Dashboard>, headers: HeaderMap) -> Response {
    company_only(&d, &headers, |inner, id| match inner.data.company(id) {
        Some(company) if newer_gen(inner) => html(newer::reports_page(&inner.data, company)),
        Some(company) => html(pages::reports_page(&inner.data, company)),
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
            Some(account) if inner.data.generation == Generation::Newer => {
                html(newer::change_size_dialog(account))
            }
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

async fn replica_generation(State(d): State<Dashboard>) -> Response {
    Json(d.lock().data.generation).into_response()
}

async fn replica_set_generation(State(d): State<Dashboard>, body: Bytes) -> Response {
    match serde_json::from_slice::<Generation>(&body) {
        Ok(generation) => {
            d.set_generation(generation);
            Json(generation).into_response()
        }
        Err(e) => (
            StatusCode::BAD_REQUEST,
            format!("expected \"seed\" or \"newer\" (a JSON string): {e}\n"),
        )
            .into_response(),
    }
}

async fn replica_set_faults(State(d): State<Dashboard>, body: Bytes) -> Response {
    match serde_json::from_slice::<Faults>(&body) {
        Ok(faults) => {
            d.set_faults(faults);
            Json(d.lock().data.faults.clone()).into_response()
        }
        Err(e) => (
            StatusCode::BAD_REQUEST,
            format!("expected JSON like {{\"login_as_wrong_company\": true, \"refuse_change_size\": \"message\"}}: {e}\n"),
        )
            .into_response(),
    }
}
