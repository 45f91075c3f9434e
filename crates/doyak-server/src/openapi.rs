//! The OpenAPI 3.0 document served at `/openapi.json`. Written by hand from
//! the protocol types (doyak-sync-protocol); tests/http checks that its
//! operations are exactly the router's [`crate::http::Endpoint`]s, that the
//! ones with no security requirement are exactly
//! [`crate::http::PUBLIC_PATHS`] and the others refuse a bad token, and that
//! the protocol's v1 fixtures match its schemas' required fields;
//! scripts/fuzz-server.sh runs a schema-based fuzzer (schemathesis) against
//! a live server with it.

use crate::http::PUBLIC_PATHS;
use serde_json::{Map, Value, json};

/// What an enrollment code looks like as a person may type it: 12 letters
/// and digits of Crockford's base 32 (O, I and L read as 0, 1 and 1; only U
/// is not one), with spaces and hyphens anywhere. Every string that matches
/// is read by `EnrollmentCode::parse`, so a code the document calls valid is
/// never refused as malformed (a test holds the two together).
pub const ENROLLMENT_CODE_PATTERN: &str = "^[ -]*([0-9A-TV-Za-tv-z][ -]*){12}$";

/// A device name: no control character (Unicode Cc), and at least one
/// character that is neither a control character nor white space, so the
/// name is not empty once trimmed. With `maxLength` 100 this is the rule
/// `service::device_name_ok` applies to the trimmed name.
pub const DEVICE_NAME_PATTERN: &str = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\u0000-\\u0020\\u007f-\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000][^\\u0000-\\u001f\\u007f-\\u009f]*$";

fn error_responses(codes: &[&str]) -> Value {
    let mut map = serde_json::Map::new();
    for code in codes {
        map.insert(
            (*code).to_owned(),
            json!({
                "description": "오류: code로 구분하고 message를 상담사에게 보여 준다",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } }
            }),
        );
    }
    Value::Object(map)
}

/// A published count: per center, per region or the nation's (`key`).
fn count_schema(key: Option<(&str, Value)>) -> Value {
    let mut schema = json!({ "type": "object", "required": ["month", "metric", "count", "suppressed", "hidden"], "properties": {
        "month": { "type": "string" },
        "metric": { "type": "string", "enum": crate::records::metric::ALL },
        "count": { "type": "integer", "nullable": true, "minimum": 0,
            "description": "가린 칸이면 null (suppressed: true): 사람을 알아볼 수 없게" },
        "suppressed": { "type": "boolean" },
        "hidden": { "type": "string", "nullable": true, "enum": ["small", "protect", "withheld", null],
            "description": "small: 1~4건, protect: 5건 이상이지만 작은 칸을 계산해 낼 수 있게 해서 가림, withheld: 위 합계가 가려져 함께 가림 (0일 수도 있음)" } } });
    if let Some((name, value)) = key {
        if let Some(required) = schema["required"].as_array_mut() {
            required.push(json!(name));
        }
        schema["properties"][name] = value;
    }
    schema
}

/// A published figure cell: per center, per region or the nation's (`key`).
fn figure_schema(key: Option<(&str, Value)>) -> Value {
    let mut schema = json!({ "type": "object", "required": ["month", "figure", "n", "value", "suppressed", "hidden"], "properties": {
        "month": { "type": "string" },
        "figure": { "type": "string" },
        "n": { "type": "integer", "nullable": true, "minimum": 0 },
        "value": { "type": "number", "nullable": true },
        "suppressed": { "type": "boolean" },
        "hidden": { "type": "string", "nullable": true, "enum": ["small", "protect", "withheld", null] } } });
    if let Some((name, value)) = key {
        if let Some(required) = schema["required"].as_array_mut() {
            required.push(json!(name));
        }
        schema["properties"][name] = value;
    }
    schema
}

fn operation(summary: &str, request: Option<&str>, response: &str, errors: &[&str]) -> Value {
    let mut responses = error_responses(errors);
    responses["200"] = json!({
        "description": "성공",
        "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{response}") } } }
    });
    let mut op = json!({ "summary": summary, "responses": responses });
    if let Some(request) = request {
        op["requestBody"] = json!({
            "required": true,
            "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{request}") } } }
        });
    }
    op
}

/// Marks every operation from [`PUBLIC_PATHS`], the list the router uses:
/// a public one has no security requirement; any other needs the device
/// token and can answer what the router's guard answers before its handler
/// runs (401 with `WWW-Authenticate`, 429 with `Retry-After`).
fn secure(paths: &mut Map<String, Value>) {
    for (path, operations) in paths.iter_mut() {
        let public = PUBLIC_PATHS.contains(&path.as_str());
        let Some(operations) = operations.as_object_mut() else {
            continue;
        };
        for op in operations.values_mut() {
            let Some(op) = op.as_object_mut() else {
                continue;
            };
            let security = if public {
                json!([])
            } else {
                json!([{ "deviceToken": [] }])
            };
            op.insert("security".into(), security);
            let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
                continue;
            };
            if !public {
                for status in ["401", "429"] {
                    responses
                        .entry(status)
                        .or_insert_with(|| error_responses(&[status])[status].take());
                }
                if let Some(r) = responses.get_mut("401") {
                    r["headers"] = json!({ "WWW-Authenticate": {
                        "description": "받는 인증 방식 (Bearer)", "required": true,
                        "schema": { "type": "string" } } });
                }
            }
            if let Some(r) = responses.get_mut("429") {
                r["headers"] = json!({ "Retry-After": {
                    "description": "다시 보내도 되기까지 남은 초", "required": true,
                    "schema": { "type": "integer", "minimum": 1 } } });
            }
        }
    }
}

fn uuid() -> Value {
    json!({ "type": "string", "format": "uuid" })
}

/// A UUID version 7 (mutation ids are time-ordered).
fn uuid_v7() -> Value {
    json!({ "type": "string", "format": "uuid", "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-7[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$" })
}

fn versioned_value() -> Value {
    json!({ "type": "object", "required": ["value", "version"],
            "properties": { "value": {}, "version": { "type": "integer", "minimum": 1 } } })
}

/// The document.
pub fn document() -> Value {
    let mut doc = unsecured();
    access_log(&mut doc);
    if let Some(paths) = doc["paths"].as_object_mut() {
        secure(paths);
    }
    doc
}

/// The document before [`secure`] marks who may call what.
fn unsecured() -> Value {
    let auth_errors = ["400", "401", "413", "422", "429", "500"];
    let push_errors = ["400", "401", "409", "413", "422", "426", "429", "500"];
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Doyak sync server",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "도약 데스크와 중앙 서버의 동기화 API. 요청 본문의 protocol로 버전을 맞춘다. 여기 없는 경로는 404(request.not_found), 경로가 받지 않는 방식은 토큰을 보기 전에 405(request.method_not_allowed, Allow 헤더)로 답하며, 본문은 모두 ErrorBody다."
        },
        "paths": {
            "/sync/info": { "get": operation("서버가 말하는 프로토콜 버전과 한도", None, "ServerInfo", &["500"]) },
            "/sync/enroll": { "post": operation("등록 코드를 기기 토큰으로 바꾼다 (한 번만)", Some("EnrollRequest"), "EnrollResponse", &["400", "401", "403", "409", "413", "422", "429", "500"]) },
            "/sync/push": { "post": operation("아웃박스의 변경을 보낸다", Some("PushRequest"), "PushResponse", &push_errors) },
            "/sync/pull": { "post": operation("센터의 변경 로그를 커서 다음부터 받는다", Some("PullRequest"), "PullResponse", &auth_errors) },
            "/stats/counts": { "get": {
                "summary": "월별 참여 중 구직자, 취업, 합격 건수: 기기 토큰은 자기 센터, 지역 열람 토큰은 그 지역의 센터와 지역 합계, 전국 열람 토큰은 전부와 전국 합계 (1~4건과 그것을 계산해 낼 수 있게 하는 칸은 가림)",
                "parameters": [
                    { "name": "from", "in": "query", "required": true, "schema": { "type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$" } },
                    { "name": "to", "in": "query", "required": true, "schema": { "type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$" } }
                ],
                "responses": {
                    "200": { "description": "성공", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Counts" } } } },
                    "400": error_responses(&["400"])["400"], "401": error_responses(&["401"])["401"],
                    "422": error_responses(&["422"])["422"],
                    "429": error_responses(&["429"])["429"], "500": error_responses(&["500"])["500"]
                }
            } },
            "/stats/figures": { "get": {
                "summary": "데스크의 성과 지표(docs/kpi.md)를 달마다 센터·지역·전국으로: 기기 토큰은 자기 센터, 지역 열람 토큰은 그 지역, 전국 열람 토큰은 전부 (가리는 규칙은 /stats/counts와 같고, 같은 단위의 지표는 같은 칸을 가림; 24개월 이내)",
                "parameters": [
                    { "name": "from", "in": "query", "required": true, "schema": { "type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$" } },
                    { "name": "to", "in": "query", "required": true, "schema": { "type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$" } }
                ],
                "responses": {
                    "200": { "description": "성공", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Figures" } } } },
                    "400": error_responses(&["400"])["400"], "401": error_responses(&["401"])["401"],
                    "422": error_responses(&["422"])["422"],
                    "429": error_responses(&["429"])["429"], "500": error_responses(&["500"])["500"]
                }
            } },
            "/openapi.json": { "get": { "summary": "이 문서", "responses": { "200": { "description": "OpenAPI 문서", "content": { "application/json": { "schema": { "type": "object" } } } } } } },
            "/healthz": { "get": { "summary": "살아 있음", "responses": { "200": { "description": "ok", "content": { "text/plain": { "schema": { "type": "string" } } } } } } },
            "/national": { "get": { "summary": "전국 현황 페이지 (읽기 전용; 수치는 열람 토큰으로 /stats/counts에서 읽는다)", "responses": { "200": { "description": "HTML", "content": { "text/html": { "schema": { "type": "string" } } } } } } },
            "/national/app.js": { "get": { "summary": "전국 현황 페이지의 스크립트", "responses": { "200": { "description": "JavaScript", "content": { "text/javascript": { "schema": { "type": "string" } } } } } } },
            "/national/font.otf": { "get": { "summary": "전국 현황 페이지의 글꼴 (Pretendard GOV)", "responses": { "200": { "description": "OpenType", "content": { "font/otf": { "schema": { "type": "string", "format": "binary" } } } } } } }
        },
        "components": {
            "securitySchemes": { "deviceToken": { "type": "http", "scheme": "bearer", "description": "등록 때 받은 기기 토큰 (doyak_dt1_…), 또는 서버 관리자가 발급한 열람 토큰 (doyak_vt1_…): 열람 토큰은 /stats/counts만 읽고 동기화 경로에는 403(center.forbidden)" } },
            "schemas": {
                "ErrorBody": { "type": "object", "required": ["code", "message"], "properties": {
                    "code": { "type": "string" }, "message": { "type": "string" },
                    "supported_versions": { "type": "array", "items": { "type": "integer" } },
                    "acknowledged_seq": { "type": "integer", "minimum": 0 },
                    "details": { "type": "array", "items": { "type": "string" } } } },
                "ServerInfo": { "type": "object", "required": ["protocols", "limits", "server_version"], "properties": {
                    "protocols": { "type": "array", "items": { "type": "integer" } },
                    "limits": { "type": "object" }, "server_version": { "type": "string" } } },
                "EnrollRequest": { "type": "object", "required": ["protocol", "code", "device_id", "device_name", "app_version"], "properties": {
                    "protocol": { "type": "integer", "enum": [1] },
                    "code": { "type": "string", "pattern": ENROLLMENT_CODE_PATTERN,
                        "description": "센터 관리자가 준 등록 코드 12자 (대소문자, 공백, 하이픈은 무시)" },
                    "device_id": uuid(),
                    "device_name": { "type": "string", "minLength": 1, "maxLength": 100, "pattern": DEVICE_NAME_PATTERN,
                        "description": "관리자가 알아볼 기기 이름 (제어 문자 없이, 공백 아닌 글자 하나 이상)" },
                    "app_version": { "type": "string" } } },
                "EnrollResponse": { "type": "object", "required": ["protocol", "device_id", "center_id", "center_name", "token"], "properties": {
                    "protocol": { "type": "integer" }, "device_id": uuid(), "center_id": uuid(),
                    "center_name": { "type": "string" }, "token": { "type": "string" },
                    "expires_at": { "type": "string", "format": "date-time" } } },
                "Mutation": { "type": "object", "required": ["mutation_id", "seq", "entity", "entity_id", "op", "hlc", "schema_version"], "properties": {
                    "mutation_id": uuid_v7(), "seq": { "type": "integer", "minimum": 1, "maximum": 9223372036854775807u64 },
                    "entity": { "type": "string", "enum": ["center", "counselor", "partner", "seeker", "company", "vacancy", "referral", "application", "event"] },
                    "entity_id": uuid(),
                    "op": { "$ref": "#/components/schemas/Op" },
                    "hlc": { "type": "string", "pattern": "^[0-9]{15}-[0-9]{8}-[0-9a-fA-F-]{36}$" },
                    "schema_version": { "type": "integer", "minimum": 1, "maximum": 4294967295u64 },
                    "resolves": { "type": "array", "items": uuid() } } },
                "Op": { "oneOf": [
                    { "type": "object", "required": ["kind", "record"], "properties": {
                        "kind": { "type": "string", "enum": ["insert", "append"] }, "record": { "type": "object", "minProperties": 1 } } },
                    { "type": "object", "required": ["kind", "fields"], "properties": {
                        "kind": { "type": "string", "enum": ["update"] },
                        "fields": { "type": "object", "additionalProperties": { "type": "object", "required": ["value", "base"],
                            "properties": { "value": {}, "base": { "type": "integer", "minimum": 1, "maximum": 9223372036854775807u64 } } } } } },
                    { "type": "object", "required": ["kind"], "properties": { "kind": { "type": "string", "enum": ["delete"] } } }
                ] },
                "PushRequest": { "type": "object", "required": ["protocol", "device_id", "mutations"], "properties": {
                    "protocol": { "type": "integer", "enum": [1] }, "device_id": uuid(),
                    "mutations": { "type": "array", "minItems": 1, "maxItems": doyak_sync_protocol::MAX_PUSH_MUTATIONS, "items": { "$ref": "#/components/schemas/Mutation" } } } },
                "PushResponse": { "type": "object", "required": ["protocol", "results", "acknowledged_seq", "server_time_ms"], "properties": {
                    "protocol": { "type": "integer" },
                    "results": { "type": "array", "items": { "type": "object", "required": ["mutation_id", "seq", "outcome"], "properties": {
                        "mutation_id": uuid(), "seq": { "type": "integer" }, "duplicate": { "type": "boolean" },
                        "outcome": { "type": "object", "required": ["status"], "properties": {
                            "status": { "type": "string", "enum": ["applied", "conflict_recorded", "rejected"] } } } } } },
                    "acknowledged_seq": { "type": "integer", "minimum": 0 },
                    "server_time_ms": { "type": "integer", "minimum": 0 } } },
                "PullRequest": { "type": "object", "required": ["protocol", "cursor", "limit"], "properties": {
                    "protocol": { "type": "integer", "enum": [1] },
                    "cursor": { "type": "integer", "minimum": 0, "maximum": 9223372036854775807u64 }, "limit": { "type": "integer", "minimum": 1, "maximum": 4294967295u64 } } },
                "PullResponse": { "type": "object", "required": ["protocol", "changes", "next_cursor", "has_more", "server_time_ms"], "properties": {
                    "protocol": { "type": "integer" },
                    "changes": { "type": "array", "items": { "type": "object",
                        "required": ["version", "entity", "entity_id", "mutation_id", "author_device", "hlc", "body"], "properties": {
                        "version": { "type": "integer" }, "entity": { "type": "string" }, "entity_id": uuid(),
                        "mutation_id": uuid(), "author_device": uuid(), "hlc": { "type": "string" },
                        "body": { "type": "object", "required": ["kind"], "properties": {
                            "kind": { "type": "string" },
                            "fields": { "type": "object", "additionalProperties": versioned_value() } } } } } },
                    "next_cursor": { "type": "integer", "minimum": 0 }, "has_more": { "type": "boolean" },
                    "server_time_ms": { "type": "integer" } } },
                "Figures": { "type": "object", "required": ["scope", "centers", "figures", "by_center", "regions", "national"], "properties": {
                    "scope": { "type": "object", "required": ["kind"], "properties": {
                        "kind": { "type": "string", "enum": ["center", "region", "national"] },
                        "center_id": uuid(), "region": { "type": "string" } } },
                    "centers": { "type": "array", "items": { "type": "object", "required": ["center_id", "name", "region"], "properties": {
                        "center_id": uuid(), "name": { "type": "string" }, "region": { "type": "string" } } } },
                    "figures": { "type": "array", "items": { "type": "object", "required": ["id", "side", "label_ko", "definition_ko", "unit", "n_unit"], "properties": {
                        "id": { "type": "string" }, "side": { "type": "string" }, "label_ko": { "type": "string" },
                        "definition_ko": { "type": "string" }, "unit": { "type": "string" }, "n_unit": { "type": "string" } } } },
                    "by_center": { "type": "array", "items": figure_schema(Some(("center_id", uuid()))) },
                    "regions": { "type": "array", "items": figure_schema(Some(("region", json!({ "type": "string" })))) },
                    "national": { "type": "array", "items": figure_schema(None) } } },
                "Counts": { "type": "object", "required": ["scope", "centers", "counts", "regions", "national"], "properties": {
                    "scope": { "type": "object", "required": ["kind"], "properties": {
                        "kind": { "type": "string", "enum": ["center", "region", "national"] },
                        "center_id": uuid(), "region": { "type": "string" } } },
                    "centers": { "type": "array", "items": { "type": "object", "required": ["center_id", "name", "region"], "properties": {
                        "center_id": uuid(), "name": { "type": "string" }, "region": { "type": "string" } } } },
                    "counts": { "type": "array", "items": count_schema(Some(("center_id", uuid()))) },
                    "regions": { "type": "array", "items": count_schema(Some(("region", json!({ "type": "string" })))) },
                    "national": { "type": "array", "items": count_schema(None) } } }
            }
        }
    })
}

/// The access log's routes and schemas (개인정보 접근 기록: a desk's
/// upload, the center administrator's view), added beside the rest.
fn access_log(doc: &mut Value) {
    let query = |name: &str, schema: Value, description: &str| json!({ "name": name, "in": "query", "required": false, "schema": schema, "description": description });
    let day =
        json!({ "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" });
    let parameters = json!([
        query("device", uuid(), "이 기기가 올린 기록만"),
        query(
            "action",
            json!({ "type": "string" }),
            "view(열람), export(내보내기), print(출력), destroy(파기)"
        ),
        query(
            "entity_id",
            json!({ "type": "string" }),
            "이 기록(구직자 등)에 대한 접근만"
        ),
        query("from", day.clone(), "이 날(한국 시간)부터"),
        query("to", day, "이 날(한국 시간)까지"),
        // Bounded so the document says what the server reads (a larger
        // number is refused as malformed, which the fuzzer rightly flagged).
        query(
            "page",
            json!({ "type": "integer", "minimum": 1, "maximum": crate::access_log::MAX_PAGE_NUMBER }),
            "1부터"
        ),
        query(
            "per_page",
            json!({ "type": "integer", "minimum": 1, "maximum": crate::access_log::MAX_PAGE }),
            "기본 100"
        )
    ]);
    let viewer_errors = |ok: Value| {
        json!({
            "200": ok,
            "400": error_responses(&["400"])["400"],
            "403": { "description": "센터 관리자 열람 토큰이 아님 (center.forbidden): 기기, 지역·전국 열람 토큰은 볼 수 없다",
                     "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } } },
            "500": error_responses(&["500"])["500"]
        })
    };
    let mut csv_responses = viewer_errors(json!({ "description": "CSV 파일",
        "content": { "text/csv": { "schema": { "type": "string" } } } }));
    csv_responses["413"] = json!({ "description": "조건에 맞는 기록이 한 번에 받을 수 있는 수를 넘음 (request.too_large): 기간을 나눠 받는다",
        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } } });
    let paths = json!({
        "/sync/access-log": { "post": operation(
            "기기의 개인정보 접근 기록을 보낸다 (해시 사슬: 서버가 가진 마지막 기록과 이어져야 하고, 이미 받은 번호는 같은 해시로만 다시 보낼 수 있다; 어긋나면 409 access_log.chain_broken이고 그 요청의 기록은 하나도 저장하지 않는다)",
            Some("AccessLogRequest"), "AccessLogResponse",
            &["400", "401", "403", "409", "413", "422", "429", "500"]) },
        "/center/access-log": { "get": {
            "summary": "센터의 개인정보 접근 기록 (센터 관리자 열람 토큰만, 그 센터의 것만): 최신순 페이지와 기기마다 서버에서 다시 검증한 해시 사슬",
            "parameters": parameters.clone(),
            "responses": viewer_errors(json!({ "description": "성공",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/AccessLogView" } } } }))
        } },
        "/center/access": { "get": { "summary": "센터 개인정보 접근 기록 페이지 (읽기 전용; 기록은 센터 관리자 토큰으로 /center/access-log에서 읽는다)",
            "responses": { "200": { "description": "HTML", "content": { "text/html": { "schema": { "type": "string" } } } } } } },
        "/center/access.js": { "get": { "summary": "접근 기록 페이지의 스크립트",
            "responses": { "200": { "description": "JavaScript", "content": { "text/javascript": { "schema": { "type": "string" } } } } } } },
        "/center/access-log.csv": { "get": {
            "summary": "위와 같은 조건의 기록 전부를 CSV로 (UTF-8, BOM, 한글 머리글)",
            "parameters": parameters,
            "responses": csv_responses
        } }
    });
    let text = || json!({ "type": "string" });
    let hash = || json!({ "type": "string", "pattern": "^[0-9a-f]{64}$" });
    let entry = json!({ "type": "object",
        "required": ["seq", "at", "device_id", "actor", "action", "entity", "detail", "prev_hash", "hash"],
        "properties": {
            "seq": { "type": "integer", "minimum": 1, "maximum": 9223372036854775807u64 },
            "at": { "type": "string", "description": "UTC, 밀리초까지 (2026-12-05T06:00:00.000Z)" },
            "device_id": text(), "actor": text(), "action": text(), "entity": text(),
            "entity_id": { "type": "string", "nullable": true }, "detail": text(),
            "prev_hash": hash(), "hash": hash() } });
    let stored = json!({ "type": "object",
        "required": ["center_id", "device_id", "seq", "at", "entry_device", "actor", "action", "entity", "entity_id", "detail", "prev_hash", "hash", "received_at"],
        "properties": {
            "center_id": uuid(), "device_id": uuid(), "seq": { "type": "integer" }, "at": text(),
            "entry_device": text(), "actor": text(), "action": text(), "entity": text(),
            "entity_id": { "type": "string", "nullable": true }, "detail": text(),
            "prev_hash": text(), "hash": text(), "received_at": text() } });
    let schemas = json!({
        "AccessLogRequest": { "type": "object", "required": ["protocol", "device_id", "entries"], "properties": {
            "protocol": { "type": "integer", "enum": [1] }, "device_id": uuid(),
            "entries": { "type": "array", "minItems": 1, "maxItems": doyak_sync_protocol::MAX_ACCESS_LOG_ENTRIES, "items": entry } } },
        "AccessLogResponse": { "type": "object", "required": ["protocol", "acknowledged_seq", "stored", "server_time_ms"], "properties": {
            "protocol": { "type": "integer" }, "acknowledged_seq": { "type": "integer", "minimum": 0 },
            "stored": { "type": "integer", "minimum": 0 }, "server_time_ms": { "type": "integer", "minimum": 0 } } },
        "AccessLogView": { "type": "object", "required": ["center_id", "center_name", "total", "page", "per_page", "entries", "devices"], "properties": {
            "center_id": uuid(), "center_name": text(), "total": { "type": "integer" },
            "page": { "type": "integer" }, "per_page": { "type": "integer" },
            "entries": { "type": "array", "items": stored },
            "devices": { "type": "array", "items": { "type": "object",
                "required": ["device_id", "name", "entries", "last_seq", "head", "verified", "broken_at", "problem"], "properties": {
                "device_id": uuid(), "name": text(), "entries": { "type": "integer" }, "last_seq": { "type": "integer" },
                "head": text(), "verified": { "type": "boolean" },
                "broken_at": { "type": "integer", "nullable": true }, "problem": { "type": "string", "nullable": true } } } } } }
    });
    for (into, from) in [("paths", paths), ("schemas", schemas)] {
        let target = if into == "paths" {
            doc.get_mut("paths")
        } else {
            doc.get_mut("components").and_then(|c| c.get_mut("schemas"))
        };
        if let (Some(Value::Object(target)), Value::Object(from)) = (target, from) {
            target.extend(from);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{DEVICE_NAME_PATTERN, ENROLLMENT_CODE_PATTERN};
    use crate::service::device_name_ok;
    use doyak_sync_protocol::EnrollmentCode;
    use proptest::prelude::*;

    fn unanchored() -> &'static str {
        ENROLLMENT_CODE_PATTERN
            .strip_prefix('^')
            .and_then(|p| p.strip_suffix('$'))
            .expect("the pattern is anchored at both ends")
    }

    proptest! {
        /// A code the document calls valid is one the server reads: else a
        /// schema-valid request is refused as malformed (schemathesis found
        /// an empty code answered 400).
        #[test]
        fn every_code_the_document_allows_is_read(
            code in proptest::string::string_regex(unanchored()).expect("a valid regex")
        ) {
            prop_assert!(EnrollmentCode::parse(&code).is_ok(), "{code:?}");
        }
    }

    proptest! {
        /// A device name the document allows (pattern and at most 100
        /// characters) is one the server takes: trimmed, it passes
        /// `device_name_ok`.
        #[test]
        fn every_device_name_the_document_allows_is_taken(
            name in proptest::string::string_regex(
                DEVICE_NAME_PATTERN.strip_prefix('^').and_then(|p| p.strip_suffix('$')).expect("anchored")
            ).expect("a valid regex")
        ) {
            prop_assume!(name.chars().count() <= 100);
            prop_assert!(device_name_ok(name.trim()), "{name:?}");
        }
    }

    /// What the document refuses, the server refuses too.
    #[test]
    fn device_names_the_document_refuses() {
        let pattern = regex::Regex::new(DEVICE_NAME_PATTERN).expect("a valid regex");
        assert!(pattern.is_match("3층 상담실 노트북"));
        for refused in ["", "   ", "\u{3000}", "탭\t이름", "\u{85}"] {
            assert!(!pattern.is_match(refused), "{refused:?}");
            assert!(!device_name_ok(refused.trim()), "{refused:?}");
        }
    }

    /// The codes the server hands out match the pattern, grouped or typed
    /// as one word; a short code or one with a U does not.
    #[test]
    fn the_codes_handed_out_match() {
        let pattern = regex::Regex::new(ENROLLMENT_CODE_PATTERN).expect("a valid regex");
        for seed in 0..64u8 {
            let code = EnrollmentCode::from_random([seed.wrapping_mul(37); 8]);
            assert!(pattern.is_match(&code.grouped()), "{}", code.grouped());
            let typed = code.grouped().replace('-', "").to_lowercase();
            assert!(pattern.is_match(&typed), "{typed}");
        }
        for refused in ["", "ABCD-EFGH-JKM", "ABCD-EFGH-JKMU", "ABCD\tEFGH-JKMN"] {
            assert!(!pattern.is_match(refused), "{refused:?}");
        }
    }
}
