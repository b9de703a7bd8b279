//! `WorkloadLogs` streams: the master asks the node's agent over its session
//! (`LogsRequest`) and relays the `LogChunk`s it sends back to the admin who
//! asked, in order. When the admin goes away the agent is told to stop.

use std::collections::HashMap;
use std::sync::Mutex;

use piccolo_proto::{LogChunk, LogsRequest, MasterMessage, master_message};
use tokio::sync::mpsc;
use tonic::Status;

use crate::registry::Registry;

/// What an admin's stream receives.
pub type LogTx = mpsc::Sender<Result<LogChunk, Status>>;

/// The last id handed out, and open streams by id (with their node).
type Open = (u64, HashMap<u64, (String, LogTx)>);

/// Open log streams by request id.
#[derive(Default)]
pub struct LogStreams {
    inner: Mutex<Open>,
}

fn push(registry: &Registry, node: &str, req: LogsRequest) -> bool {
    registry.push(node, MasterMessage { msg: Some(master_message::Msg::Logs(req)) })
}

impl LogStreams {
    /// Asks `node` for a workload's output; the chunks arrive on the receiver.
    pub fn open(
        &self,
        registry: &Registry,
        node: &str,
        workload: &str,
        tail: u32,
        follow: bool,
    ) -> Result<mpsc::Receiver<Result<LogChunk, Status>>, Status> {
        let (tx, rx) = mpsc::channel(64);
        let id = {
            let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
            g.0 += 1;
            let id = g.0;
            g.1.insert(id, (node.to_string(), tx));
            id
        };
        let req = LogsRequest { id, workload: workload.into(), tail, follow, cancel: false };
        if !push(registry, node, req) {
            self.inner.lock().unwrap_or_else(|p| p.into_inner()).1.remove(&id);
            return Err(Status::unavailable(format!(
                "node {node:?} is not connected: logs are read on the device and travel over its session"
            )));
        }
        Ok(rx)
    }

    /// A chunk from `node`'s agent.
    pub fn chunk(&self, registry: &Registry, node: &str, c: LogChunk) {
        let id = c.id;
        let end = c.end;
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let Some((owner, tx)) = g.1.get(&id) else { return };
        if owner != node {
            return;
        }
        let gone = match tx.try_send(Ok(c)) {
            Ok(()) => false,
            Err(mpsc::error::TrySendError::Closed(_)) => true,
            // A reader slower than the device: this piece is dropped, the stream goes on.
            Err(mpsc::error::TrySendError::Full(_)) => false,
        };
        if gone || end {
            g.1.remove(&id);
        }
        drop(g);
        if gone && !end {
            push(registry, node, LogsRequest { id, cancel: true, ..Default::default() });
        }
    }
}
