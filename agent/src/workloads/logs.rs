//! A workload's output for `piccoloctl logs NODE/WORKLOAD`: read from
//! Podman and sent up the session in chunks (the master never dials the
//! device). Only containers the agent owns are served.

use std::collections::HashMap;

use piccolo_proto::{AgentMessage, LogChunk, LogsRequest, agent_message};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::podman::Podman;
use crate::podman::ops::{LABEL_WORKLOAD, follow_logs};

/// Largest piece of output in one message.
const CHUNK: usize = 16 << 10;

fn chunk(id: u64, data: Vec<u8>, end: bool, error: String) -> AgentMessage {
    AgentMessage { msg: Some(agent_message::Msg::LogChunk(LogChunk { id, data, end, error })) }
}

/// Serves one request on its own task; the task ends when the output does,
/// or when the session is gone (or the caller aborts it on a cancel).
pub fn serve(req: LogsRequest, podman: Podman, tx: mpsc::Sender<AgentMessage>) -> JoinHandle<()> {
    tokio::spawn(async move {
        let id = req.id;
        let container = match podman.list_all().await {
            Ok(all) => all.into_iter().find(|c| c.label(LABEL_WORKLOAD) == Some(req.workload.as_str())),
            Err(e) => {
                let _ = tx.send(chunk(id, Vec::new(), true, e.to_string())).await;
                return;
            }
        };
        let Some(c) = container else {
            let why = format!("no container of workload {:?} on this node", req.workload);
            let _ = tx.send(chunk(id, Vec::new(), true, why)).await;
            return;
        };
        if !req.follow {
            let (data, error) = match podman.logs(&c.id, req.tail).await {
                Ok(d) => (d, String::new()),
                Err(e) => (Vec::new(), e.to_string()),
            };
            let mut pieces: Vec<Vec<u8>> = data.chunks(CHUNK).map(<[u8]>::to_vec).collect();
            let last = pieces.pop().unwrap_or_default();
            for p in pieces {
                if tx.send(chunk(id, p, false, String::new())).await.is_err() {
                    return;
                }
            }
            let _ = tx.send(chunk(id, last, true, error)).await;
            return;
        }
        let result = follow_logs(&podman, &c.id, req.tail, |data| {
            data.chunks(CHUNK).all(|p| tx.try_send(chunk(id, p.to_vec(), false, String::new())).is_ok())
        })
        .await;
        let error = result.err().map(|e| e.to_string()).unwrap_or_default();
        let _ = tx.send(chunk(id, Vec::new(), true, error)).await;
    })
}

/// The log requests a session serves; aborted when the session ends.
#[derive(Default)]
pub struct Follows(HashMap<u64, JoinHandle<()>>);

impl Follows {
    /// Starts serving a request, or stops one on `cancel`.
    pub fn handle(&mut self, req: LogsRequest, podman: Podman, tx: &mpsc::Sender<AgentMessage>) {
        self.0.retain(|_, t| !t.is_finished());
        if req.cancel {
            if let Some(t) = self.0.remove(&req.id) {
                t.abort();
            }
            return;
        }
        let id = req.id;
        self.0.insert(id, serve(req, podman, tx.clone()));
    }
}

impl Drop for Follows {
    fn drop(&mut self) {
        for t in self.0.values() {
            t.abort();
        }
    }
}
