//! `GET /api/v1/watch/nodes`: the gRPC `WatchNodes` stream as server-sent
//! events (`text/event-stream`), one `event: added|modified|deleted` with the
//! `NodeWatchEvent` as JSON in `data:` per change, and a comment every 15 s
//! so idle proxies keep the connection and a gone client is noticed.

use std::convert::Infallible;
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderValue, Response, StatusCode, header};
use http_body::Frame;
use http_body_util::StreamBody;
use piccolo_proto::api_server_service_server::ApiServerService;
use piccolo_proto::{NodeWatchEvent, WatchNodesRequest, node_watch_event};
use tokio::sync::mpsc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;
use tonic::body::Body;

use super::reply::from_grpc;
use crate::server::admin_api::AdminApi;

const KEEPALIVE: Duration = Duration::from_secs(15);

fn frame(ev: &NodeWatchEvent) -> Bytes {
    let name = match ev.kind() {
        node_watch_event::Kind::Added => "added",
        node_watch_event::Kind::Deleted => "deleted",
        _ => "modified",
    };
    let json = serde_json::to_string(ev).unwrap_or_default();
    Bytes::from(format!("event: {name}\ndata: {json}\n\n"))
}

/// Starts the stream; errors (e.g. a node certificate) are ordinary JSON replies.
pub async fn nodes(api: &AdminApi, req: tonic::Request<WatchNodesRequest>) -> Response<Body> {
    let mut events = match api.watch_nodes(req).await {
        Ok(r) => r.into_inner(),
        Err(s) => return from_grpc::<()>(Err(s)),
    };
    let (tx, rx) = mpsc::channel::<Result<Frame<Bytes>, Infallible>>(16);
    // Ends when the client goes (send fails or the channel closes) or the
    // watch ends (master shutdown).
    tokio::spawn(async move {
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + KEEPALIVE, KEEPALIVE);
        loop {
            let chunk = tokio::select! {
                ev = events.next() => match ev {
                    Some(Ok(ev)) => frame(&ev),
                    _ => break,
                },
                _ = tick.tick() => Bytes::from_static(b": keepalive\n\n"),
                _ = tx.closed() => break,
            };
            if tx.send(Ok(Frame::data(chunk))).await.is_err() {
                break;
            }
        }
    });
    let mut r = Response::new(Body::new(StreamBody::new(ReceiverStream::new(rx))));
    *r.status_mut() = StatusCode::OK;
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}
