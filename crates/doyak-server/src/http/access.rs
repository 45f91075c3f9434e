//! The access log's routes (개인정보 접근 기록, `crate::access_log`): a
//! device's upload, and its center administrator's view as JSON and CSV.

use super::{App, AuthedCaller, AuthedDevice, Trace, blocking, error, finish, json, read};
use crate::access_log::AccessLogQuery;
use crate::error::ApiError;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use doyak_sync_protocol::{AccessLogRequest, ErrorBody, ErrorCode};
use std::sync::Arc;
use uuid::Uuid;

/// A device uploads its own entries; they are kept under its center.
pub(super) async fn upload(
    State(app): State<Arc<App>>,
    AuthedDevice(device): AuthedDevice,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let mut trace = Trace::of(&device);
    let result = async {
        let req: AccessLogRequest = read(body)?;
        trace.items = req.entries.len();
        let service = app.service.clone();
        blocking(move || service.upload_access_log(&device, req, Utc::now())).await
    }
    .await;
    finish(trace, result)
}

/// The administrator's filter as the query string has it.
#[derive(Debug, serde::Deserialize)]
pub(super) struct AccessLogParams {
    device: Option<Uuid>,
    action: Option<String>,
    entity_id: Option<String>,
    /// `YYYY-MM-DD`, a day in Korea.
    from: Option<String>,
    to: Option<String>,
    page: Option<u64>,
    per_page: Option<u32>,
}

fn access_log_query(
    params: Result<Query<AccessLogParams>, QueryRejection>,
) -> Result<AccessLogQuery, ApiError> {
    let malformed = |detail: &str| {
        let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
        body.details = vec![detail.to_owned()];
        ApiError::with_body(body)
    };
    let Query(p) = params.map_err(|_| {
        malformed("device는 UUID, page와 per_page는 숫자, from과 to는 YYYY-MM-DD로 적어 주세요.")
    })?;
    let day = |text: Option<String>| {
        text.filter(|t| !t.is_empty())
            .map(|t| chrono::NaiveDate::parse_from_str(&t, "%Y-%m-%d"))
            .transpose()
            .map_err(|_| malformed("from과 to는 YYYY-MM-DD로 적어 주세요."))
    };
    let text = |t: Option<String>| t.filter(|t| !t.is_empty());
    let defaults = AccessLogQuery::default();
    Ok(AccessLogQuery {
        device: p.device,
        action: text(p.action),
        entity_id: text(p.entity_id),
        from: day(p.from)?,
        to: day(p.to)?,
        page: p.page.unwrap_or(defaults.page),
        per_page: p.per_page.unwrap_or(defaults.per_page),
    })
}

/// A center's access log, one page, for its administrator.
pub(super) async fn entries(
    State(app): State<Arc<App>>,
    AuthedCaller(caller): AuthedCaller,
    params: Result<Query<AccessLogParams>, QueryRejection>,
) -> Response {
    let mut trace = Trace::of_caller(&caller);
    let result = async {
        let query = access_log_query(params)?;
        let service = app.service.clone();
        blocking(move || service.access_log_view(&caller, &query)).await
    }
    .await;
    let mut response = match result {
        Ok(view) => {
            trace.items = view.entries.len();
            trace.center = Some(view.center_id);
            json(200, &view)
        }
        Err(e) => error(e),
    };
    response.extensions_mut().insert(trace);
    response
}

/// The same, every matching entry as CSV (a file to download).
pub(super) async fn csv(
    State(app): State<Arc<App>>,
    AuthedCaller(caller): AuthedCaller,
    params: Result<Query<AccessLogParams>, QueryRejection>,
) -> Response {
    let trace = Trace::of_caller(&caller);
    let result = async {
        let query = access_log_query(params)?;
        let service = app.service.clone();
        blocking(move || service.access_log_csv(&caller, &query)).await
    }
    .await;
    let mut response = match result {
        Ok(text) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"access-log.csv\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            text,
        )
            .into_response(),
        Err(e) => error(e),
    };
    response.extensions_mut().insert(trace);
    response
}
