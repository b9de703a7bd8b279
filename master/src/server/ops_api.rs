//! The operations calls of `ApiServerService` (backup, event watch, log level),
//! kept apart from the node and token calls in `admin_api`.

use std::pin::Pin;
use std::sync::Arc;

use piccolo_proto::{BackupChunk, BackupRequest, Event, SetLogLevelRequest, SetLogLevelResponse, WatchEventsRequest};
use tokio::sync::{mpsc, watch};
use tokio_stream::Stream;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status};
use tracing::{info, warn};

use super::auth;
use crate::backup::{self, BackupError};
use crate::event_feed::{EventFeed, Next};
use crate::events::EventFilter;
use crate::metrics::Metrics;
use crate::registry::Registry;

/// Size of the pieces a backup file is streamed in.
const CHUNK: usize = 1 << 20;

pub type BackupStream = Pin<Box<dyn Stream<Item = Result<BackupChunk, Status>> + Send>>;
pub type EventStream = Pin<Box<dyn Stream<Item = Result<Event, Status>> + Send>>;

/// `Backup`: admin only, since the file holds the CA key.
pub async fn backup(
    source: &backup::Source,
    request: Request<BackupRequest>,
) -> Result<Response<BackupStream>, Status> {
    let who = auth::admin(&request)?;
    let (file, summary) = backup::snapshot(source).await.map_err(|e| match e {
        BackupError::Pending(_) | BackupError::Store(_) => Status::unavailable(e.to_string()),
        e => Status::internal(e.to_string()),
    })?;
    info!(admin = %who.name, bytes = file.len(), %summary, "backup taken");
    let chunks: Vec<Result<BackupChunk, Status>> =
        file.chunks(CHUNK).map(|c| Ok(BackupChunk { data: c.to_vec() })).collect();
    Ok(Response::new(Box::pin(tokio_stream::iter(chunks))))
}

/// `WatchEvents`: recent matching events first (if asked), then live ones.
pub fn watch_events(
    registry: &Arc<Registry>,
    metrics: &Arc<Metrics>,
    shutdown: watch::Receiver<bool>,
    request: Request<WatchEventsRequest>,
) -> Result<Response<EventStream>, Status> {
    auth::reader(&request)?;
    let r = request.into_inner();
    if !r.node.is_empty() {
        piccolo_common::names::validate_node_name(&r.node).map_err(|e| Status::invalid_argument(e.to_string()))?;
    }
    crate::events::check_types(&r.types).map_err(Status::invalid_argument)?;
    let filter = EventFilter::new(&r.node, &r.types);
    // Follow before reading the recent ones so nothing falls between.
    let feed = EventFeed::new(registry.clone());
    let recent: Vec<Event> = if r.recent > 0 {
        let all = registry.events(&r.node, usize::MAX);
        let matching: Vec<Event> = all.into_iter().filter(|e| filter.matches(e)).collect();
        let skip = matching.len().saturating_sub(r.recent as usize);
        matching.into_iter().skip(skip).collect()
    } else {
        Vec::new()
    };
    let (tx, out) = mpsc::channel(256);
    tokio::spawn(forward_events(feed, recent, filter, tx, metrics.clone(), shutdown));
    Ok(Response::new(Box::pin(ReceiverStream::new(out))))
}

/// Sends `recent`, then every matching event the feed yields, until the
/// client goes, the master stops, or the client fell behind the history.
async fn forward_events(
    mut feed: EventFeed,
    recent: Vec<Event>,
    filter: EventFilter,
    tx: mpsc::Sender<Result<Event, Status>>,
    metrics: Arc<Metrics>,
    mut shutdown: watch::Receiver<bool>,
) {
    metrics.watchers.inc();
    let mut ok = true;
    for ev in recent {
        feed.skip_through(&ev);
        if tx.send(Ok(ev)).await.is_err() {
            ok = false;
            break;
        }
    }
    while ok {
        let next = tokio::select! {
            n = feed.next() => n,
            _ = tx.closed() => break,
            _ = crate::stopped(&mut shutdown) => break,
        };
        match next {
            Next::Event(ev) => {
                if filter.matches(&ev) {
                    ok = tx.send(Ok(ev)).await.is_ok();
                }
            }
            Next::Gap(n) => {
                warn!(missed = n, "event watcher fell behind the event history; telling it");
                let _ = tx
                    .send(Err(Status::data_loss(format!(
                        "this watcher fell behind and missed {n} events the master no longer holds; run `piccoloctl events` to catch up and watch again"
                    ))))
                    .await;
                break;
            }
            Next::Closed => break,
        }
    }
    metrics.watchers.dec();
}

/// `SetLogLevel`: admin only.
pub fn set_log_level(request: Request<SetLogLevelRequest>) -> Result<Response<SetLogLevelResponse>, Status> {
    let who = auth::admin(&request)?;
    let filter = request.into_inner().filter;
    if filter.trim().is_empty() {
        // No new filter: the caller asks which one is in force.
        let current = piccolo_common::logging::current_filter().map_err(Status::failed_precondition)?;
        return Ok(Response::new(SetLogLevelResponse { previous: current.clone(), current }));
    }
    let (previous, current) = piccolo_common::logging::set_filter(&filter).map_err(Status::invalid_argument)?;
    info!(admin = %who.name, %previous, %current, "log filter changed");
    Ok(Response::new(SetLogLevelResponse { previous, current }))
}
