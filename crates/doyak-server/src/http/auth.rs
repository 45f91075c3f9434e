//! Who is calling: the [`AuthedCaller`] extractor, which reads the bearer
//! token (a device's or a viewer's), looks it up and applies the caller's
//! rate; [`AuthedDevice`], which the sync routes take and which refuses a
//! viewer; and the throttle on failed token checks per client address,
//! which answers before any of that.

use super::{App, ClientAddr, Trace, blocking, error, rate_limited};
use crate::error::ApiError;
use crate::model::DeviceRow;
use crate::service::Caller;
use crate::viewer::ViewerToken;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::Response;
use chrono::Utc;
use doyak_sync_protocol::{DeviceToken, ErrorCode};
use std::sync::Arc;

/// A device or a viewer whose token is valid, not revoked and not
/// expired, and within its request rate. The router puts every route not
/// in [`super::PUBLIC_PATHS`] behind this extractor whether its handler
/// takes it or not.
#[derive(Debug, Clone)]
pub struct AuthedCaller(pub Caller);

/// An enrolled device (an [`AuthedCaller`] that is not a viewer). A
/// handler that takes one cannot run for a request without a device's
/// token: a viewer's is refused with 403 `center.forbidden`, since it may
/// read aggregates and nothing else.
#[derive(Debug, Clone)]
pub struct AuthedDevice(pub DeviceRow);

impl FromRequestParts<Arc<App>> for AuthedCaller {
    /// 401 with the protocol's `auth.*` code, or 429 with `Retry-After`.
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &Arc<App>,
    ) -> Result<AuthedCaller, Response> {
        // The router's guard authenticated this request already: the
        // handler gets the same caller, without a second lookup or a
        // second token off its rate.
        if let Some(caller) = parts.extensions.get::<AuthedCaller>() {
            return Ok(caller.clone());
        }
        let client = ClientAddr::from_request_parts(parts, app).await?;
        let caller = authenticate(app, &parts.headers, client).await?;
        parts.extensions.insert(caller.clone());
        Ok(caller)
    }
}

impl FromRequestParts<Arc<App>> for AuthedDevice {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &Arc<App>,
    ) -> Result<AuthedDevice, Response> {
        match AuthedCaller::from_request_parts(parts, app).await?.0 {
            Caller::Device(device) => Ok(AuthedDevice(device)),
            Caller::Viewer(viewer) => {
                let mut body = doyak_sync_protocol::ErrorBody::new(ErrorCode::CenterForbidden);
                body.message =
                    "열람 전용 토큰입니다. 집계를 볼 수만 있고 동기화나 기록 조회는 할 수 없습니다."
                        .into();
                let mut response = error(ApiError::with_body(body));
                response.extensions_mut().insert(Trace::of_viewer(&viewer));
                Err(response)
            }
        }
    }
}

async fn authenticate(
    app: &App,
    headers: &HeaderMap,
    client: ClientAddr,
) -> Result<AuthedCaller, Response> {
    let address = client.limit_key();
    // An address that has spent its failed checks waits, whatever it
    // sends now: its token is neither read nor looked up.
    app.auth_failures.check(address).map_err(rate_limited)?;
    let checked = match bearer(headers) {
        Ok(token) => {
            let service = app.service.clone();
            blocking(move || service.authenticate_caller(&token, Utc::now())).await
        }
        Err(e) => Err(e),
    };
    let caller = match checked {
        Ok(caller) => caller,
        Err(e) => {
            if is_guess(e.code()) {
                app.auth_failures.charge(address);
            }
            return Err(error(e));
        }
    };
    let (id, trace) = match &caller {
        Caller::Device(d) => (d.device_id, Trace::of(d)),
        Caller::Viewer(v) => (v.viewer_id, Trace::of_viewer(v)),
    };
    if let Err(wait) = app.devices.allow(id) {
        let mut response = rate_limited(wait);
        response.extensions_mut().insert(trace);
        return Err(response);
    }
    Ok(AuthedCaller(caller))
}

/// A failure that counts against the address: no token, a malformed one,
/// or one the server never issued — what guessing looks like. A revoked or
/// expired token was issued by this server to a known device, which retries
/// on its own schedule; counting those would let a center's retired
/// laptops lock its working ones out when they share one address.
fn is_guess(code: &ErrorCode) -> bool {
    matches!(code, ErrorCode::AuthMissing | ErrorCode::AuthInvalid)
}

/// The token of `Authorization: Bearer <token>`: `auth.missing` without
/// the header, `auth.invalid` for another scheme, two headers or a token
/// of neither a device's nor a viewer's form.
fn bearer(headers: &HeaderMap) -> Result<String, ApiError> {
    let invalid = || ApiError::new(ErrorCode::AuthInvalid);
    let mut values = headers.get_all(header::AUTHORIZATION).iter();
    let value = values
        .next()
        .ok_or_else(|| ApiError::new(ErrorCode::AuthMissing))?;
    if values.next().is_some() {
        return Err(invalid());
    }
    let text = value.to_str().map_err(|_| invalid())?;
    let (scheme, token) = text.split_once(' ').ok_or_else(invalid)?;
    // The scheme's name is case-insensitive (RFC 9110 §11.1).
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(invalid());
    }
    let token = token.trim();
    let device = DeviceToken::parse(token).is_ok();
    if device || ViewerToken::parse(token).is_some() {
        Ok(token.to_owned())
    } else {
        Err(invalid())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn code(values: &[&[u8]]) -> Result<(), String> {
        let mut headers = HeaderMap::new();
        for v in values {
            let value = HeaderValue::from_bytes(v).map_err(|e| e.to_string())?;
            headers.append(header::AUTHORIZATION, value);
        }
        bearer(&headers)
            .map(|_| ())
            .map_err(|e| e.code().as_str().to_owned())
    }

    #[test]
    fn the_authorization_header_is_read_strictly() {
        let token = format!("doyak_dt1_{}", "ab".repeat(32));
        assert_eq!(code(&[format!("Bearer {token}").as_bytes()]), Ok(()));
        assert_eq!(code(&[format!("bearer  {token} ").as_bytes()]), Ok(()));
        assert_eq!(code(&[]), Err("auth.missing".into()));
        let viewer = format!("doyak_vt1_{}", "cd".repeat(32));
        assert_eq!(code(&[format!("Bearer {viewer}").as_bytes()]), Ok(()));
        for bad in [
            format!("Basic {token}"),
            format!("Bearer{token}"),
            token.clone(),
            "Bearer".to_owned(),
            "Bearer ".to_owned(),
            format!("Bearer {}", token.to_uppercase()),
            format!("Bearer {}", &token[..token.len() - 1]),
            format!("Bearer {token}0"),
            format!("Bearer doyak_dt1_{}", "zz".repeat(32)),
            format!("Bearer doyak_dt2_{}", "ab".repeat(32)),
        ] {
            assert_eq!(code(&[bad.as_bytes()]), Err("auth.invalid".into()), "{bad}");
        }
        assert_eq!(
            code(&[b"Bearer \xff"]),
            Err("auth.invalid".into()),
            "not text"
        );
        let good = format!("Bearer {token}");
        assert_eq!(
            code(&[good.as_bytes(), good.as_bytes()]),
            Err("auth.invalid".into()),
            "two tokens: which one?"
        );
    }
}
