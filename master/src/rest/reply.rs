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

/// An error reply.
pub fn error(status: StatusCode, code: &str, message: &str) -> Response<Body> {
    let mut body = serde_json::to_vec(&ErrorBody { code, message }).unwrap_or_default();
    body.push(b'\n');
    raw(status, "application/json", body)
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
        Err(s) => {
            let (status, code) = http_status(s.code());
            error(status, code, s.message())
        }
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
