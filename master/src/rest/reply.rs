//! JSON replies: successful bodies are the protobuf messages in the proto3
//! JSON mapping; errors are `{"code": "NOT_FOUND", "message": "..."}` with the
//! HTTP status that matches the gRPC code.

use bytes::Bytes;
use http::{HeaderValue, Response, StatusCode, header};
use http_body_util::Full;
use serde::Serialize;
use tonic::Code;
use tonic::body::Body;

/// An error body.
#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: &'a str,
}

/// A response with a body of `ctype`.
pub fn raw(status: StatusCode, ctype: &'static str, body: impl Into<Bytes>) -> Response<Body> {
    let mut r = Response::new(Body::new(Full::new(body.into())));
    *r.status_mut() = status;
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r.headers_mut().insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    r
}

/// A JSON body.
pub fn json<T: Serialize>(status: StatusCode, value: &T) -> Response<Body> {
    match serde_json::to_vec(value) {
        Ok(mut v) => {
            v.push(b'\n');
            raw(status, "application/json", v)
        }
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL", &format!("cannot encode the reply: {e}")),
    }
}

/// Attached to every error reply, so the front door can audit the result
/// with the same code names as the gRPC door.
#[derive(Debug, Clone)]
pub struct Failed {
    pub code: Code,
    pub message: String,
}

fn grpc_code(name: &str) -> Code {
    match name {
        "INVALID_ARGUMENT" => Code::InvalidArgument,
        "UNAUTHENTICATED" => Code::Unauthenticated,
        "PERMISSION_DENIED" => Code::PermissionDenied,
        "NOT_FOUND" => Code::NotFound,
        "ALREADY_EXISTS" => Code::AlreadyExists,
        "FAILED_PRECONDITION" => Code::FailedPrecondition,
        "ABORTED" => Code::Aborted,
        "RESOURCE_EXHAUSTED" => Code::ResourceExhausted,
        "UNIMPLEMENTED" | "METHOD_NOT_ALLOWED" => Code::Unimplemented,
        "UNAVAILABLE" => Code::Unavailable,
        "DEADLINE_EXCEEDED" => Code::DeadlineExceeded,
        "CANCELLED" => Code::Cancelled,
        _ => Code::Internal,
    }
}

/// An error reply.
pub fn error(status: StatusCode, code: &str, message: &str) -> Response<Body> {
    let mut body = serde_json::to_vec(&ErrorBody { code, message }).unwrap_or_default();
    body.push(b'\n');
    let mut r = raw(status, "application/json", body);
    r.extensions_mut().insert(Failed { code: grpc_code(code), message: message.to_string() });
    r
}

/// A gRPC status as an HTTP error reply.
pub fn from_status(s: &tonic::Status) -> Response<Body> {
    let (status, code) = http_status(s.code());
    error(status, code, s.message())
}

/// 404 for a path that is no route.
pub fn not_found(path: &str) -> Response<Body> {
    error(
        StatusCode::NOT_FOUND,
        "NOT_FOUND",
        &format!(
            "no such path {path:?}: the REST API is under /api/v1 (see docs/openapi.yaml), the console at /console"
        ),
    )
}

/// 405 with the methods the path accepts.
pub fn method_not_allowed(allow: &str) -> Response<Body> {
    let mut r = error(StatusCode::METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", &format!("this path accepts {allow}"));
    if let Ok(v) = HeaderValue::from_str(allow) {
        r.headers_mut().insert(header::ALLOW, v);
    }
    r
}

/// 400 with a message saying what was wrong.
pub fn bad_request(message: &str) -> Response<Body> {
    error(StatusCode::BAD_REQUEST, "INVALID_ARGUMENT", message)
}

/// The HTTP status and code name for a gRPC status.
pub fn http_status(code: Code) -> (StatusCode, &'static str) {
    match code {
        Code::Ok => (StatusCode::OK, "OK"),
        Code::InvalidArgument | Code::OutOfRange => (StatusCode::BAD_REQUEST, "INVALID_ARGUMENT"),
        Code::Unauthenticated => (StatusCode::UNAUTHORIZED, "UNAUTHENTICATED"),
        Code::PermissionDenied => (StatusCode::FORBIDDEN, "PERMISSION_DENIED"),
        Code::NotFound => (StatusCode::NOT_FOUND, "NOT_FOUND"),
        Code::AlreadyExists => (StatusCode::CONFLICT, "ALREADY_EXISTS"),
        Code::FailedPrecondition => (StatusCode::CONFLICT, "FAILED_PRECONDITION"),
        Code::Aborted => (StatusCode::CONFLICT, "ABORTED"),
        Code::ResourceExhausted => (StatusCode::TOO_MANY_REQUESTS, "RESOURCE_EXHAUSTED"),
        Code::Unimplemented => (StatusCode::NOT_IMPLEMENTED, "UNIMPLEMENTED"),
        Code::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, "UNAVAILABLE"),
        Code::DeadlineExceeded => (StatusCode::GATEWAY_TIMEOUT, "DEADLINE_EXCEEDED"),
        Code::Cancelled => (StatusCode::from_u16(499).unwrap_or(StatusCode::BAD_REQUEST), "CANCELLED"),
        Code::Unknown | Code::Internal | Code::DataLoss => (StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL"),
    }
}

/// A gRPC handler's result as an HTTP reply.
pub fn from_grpc<T: Serialize>(r: Result<tonic::Response<T>, tonic::Status>) -> Response<Body> {
    match r {
        Ok(resp) => json(StatusCode::OK, resp.get_ref()),
        Err(s) => from_status(&s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_to_http() {
        assert_eq!(http_status(Code::NotFound).0, StatusCode::NOT_FOUND);
        assert_eq!(http_status(Code::PermissionDenied).0, StatusCode::FORBIDDEN);
        assert_eq!(http_status(Code::Unauthenticated).0, StatusCode::UNAUTHORIZED);
        assert_eq!(http_status(Code::InvalidArgument).0, StatusCode::BAD_REQUEST);
        assert_eq!(http_status(Code::Unavailable).0, StatusCode::SERVICE_UNAVAILABLE);
    }
}
