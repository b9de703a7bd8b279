//! REST for workloads (issue 14), beside the plain routes in `routes.rs`:
//! `POST /api/v1/workloads` takes a workload file as it is (TOML with
//! `[[workload]]` tables, `Content-Type: application/toml`) or an
//! `ApplyWorkloadsRequest` as JSON; one workload and its rollout are answered
//! as single objects; logs come as plain text, streamed while `follow=true`.

use std::convert::Infallible;

use bytes::Bytes;
use http::{HeaderValue, Response, StatusCode, header};
use http_body::Frame;
use http_body_util::StreamBody;
use piccolo_proto::api_server_service_server::ApiServerService;
use piccolo_proto::{ApplyWorkloadsRequest, GetWorkloadsRequest, WorkloadLogsRequest};
use tokio::sync::mpsc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;
use tonic::body::Body;

use super::reply::{self, bad_request, from_grpc};
use super::routes::{query, read_body};
use crate::front::Admitted;
use crate::server::admin_api::AdminApi;

fn flag(parts: &http::request::Parts, key: &str) -> bool {
    query(&parts.uri, key).is_some_and(|v| v == "true" || v == "1")
}

/// A whole-number query parameter (0 when absent); `Err` says what is wrong.
fn number(parts: &http::request::Parts, key: &str) -> Result<u32, String> {
    match query(&parts.uri, key) {
        None => Ok(0),
        Some(v) => v.parse().map_err(|_| format!("{key} must be a whole number, not {v:?}")),
    }
}

/// `POST /api/v1/workloads[?dry_run=true&batch_size=N&timeout=5m]`.
pub async fn apply(api: &AdminApi, ad: &Admitted, parts: &http::request::Parts, b: Body) -> Response<Body> {
    let bytes = match read_body(b).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let ctype = parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let mut req = if ctype.contains("toml") {
        let text = match std::str::from_utf8(&bytes) {
            Ok(t) => t,
            Err(_) => return bad_request("the workload file is not UTF-8 text"),
        };
        match piccolo_common::workload::parse_file("request body", text) {
            Ok(workloads) => ApplyWorkloadsRequest { workloads, ..Default::default() },
            Err(e) => return bad_request(&e.to_string()),
        }
    } else if bytes.iter().all(u8::is_ascii_whitespace) {
        ApplyWorkloadsRequest::default()
    } else {
        match serde_json::from_slice(&bytes) {
            Ok(r) => r,
            Err(e) => {
                return bad_request(&format!(
                    "request body is not an ApplyWorkloadsRequest as JSON ({e}); send a workload file with Content-Type: application/toml"
                ));
            }
        }
    };
    req.dry_run |= flag(parts, "dry_run");
    match number(parts, "batch_size") {
        Ok(0) => {}
        Ok(n) => req.batch_size = n,
        Err(e) => return bad_request(&e),
    }
    if let Some(t) = query(&parts.uri, "timeout") {
        match piccolo_common::config::parse_duration(&t) {
            Ok(d) => req.batch_timeout_ms = u32::try_from(d.as_millis()).unwrap_or(u32::MAX),
            Err(e) => return bad_request(&format!("timeout: {e}")),
        }
    }
    from_grpc(api.apply_workloads(ad.request(req)).await)
}

/// `GET /api/v1/workloads/{name}`: the one `WorkloadInfo`.
pub async fn one(api: &AdminApi, req: tonic::Request<GetWorkloadsRequest>) -> Response<Body> {
    match api.get_workloads(req).await {
        Ok(r) => match r.into_inner().workloads.into_iter().next() {
            Some(w) => reply::json(StatusCode::OK, &w),
            None => reply::error(StatusCode::NOT_FOUND, "NOT_FOUND", "no such workload"),
        },
        Err(s) => reply::from_status(&s),
    }
}

/// `GET /api/v1/workloads/{name}/rollout`: its `WorkloadRollout` (`{}` when
/// it never had one).
pub async fn rollout(api: &AdminApi, req: tonic::Request<GetWorkloadsRequest>) -> Response<Body> {
    match api.get_workloads(req).await {
        Ok(r) => {
            let w = r.into_inner().workloads.into_iter().next().unwrap_or_default();
            reply::json(StatusCode::OK, &w.rollout.unwrap_or_default())
        }
        Err(s) => reply::from_status(&s),
    }
}

/// `GET /api/v1/workloads/{name}/logs?node=N[&tail=N][&follow=true]`: the
/// output as `text/plain`, carried over the node's session like `piccoloctl
/// logs`; with `follow` the body stays open for new output.
pub async fn logs(api: &AdminApi, ad: &Admitted, name: &str, parts: &http::request::Parts) -> Response<Body> {
    let Some(node) = query(&parts.uri, "node").filter(|n| !n.is_empty()) else {
        return bad_request("node is required: /api/v1/workloads/NAME/logs?node=NODE");
    };
    let tail = match number(parts, "tail") {
        Ok(n) => n,
        Err(e) => return bad_request(&e),
    };
    let req = WorkloadLogsRequest { node, workload: name.to_string(), tail, follow: flag(parts, "follow") };
    let mut chunks = match api.workload_logs(ad.request(req)).await {
        Ok(r) => r.into_inner(),
        Err(s) => return from_grpc::<()>(Err(s)),
    };
    let (tx, rx) = mpsc::channel::<Result<Frame<Bytes>, Infallible>>(16);
    // Ends with the output, an error (written as the last line), or when the
    // client goes away.
    tokio::spawn(async move {
        loop {
            let data = tokio::select! {
                c = chunks.next() => match c {
                    Some(Ok(c)) if !c.error.is_empty() => Bytes::from(format!("\nerror: {}\n", c.error)),
                    Some(Ok(c)) if c.end && c.data.is_empty() => break,
                    Some(Ok(c)) => Bytes::from(c.data),
                    Some(Err(s)) => Bytes::from(format!("\nerror: {}\n", s.message())),
                    None => break,
                },
                _ = tx.closed() => break,
            };
            if tx.send(Ok(Frame::data(data))).await.is_err() {
                break;
            }
        }
    });
    let mut r = Response::new(Body::new(StreamBody::new(ReceiverStream::new(rx))));
    *r.status_mut() = StatusCode::OK;
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}
