//! A worker process: runs its share of the simulated fleet. The coordinator
//! starts it as `piccolo-loadgen worker`, writes a [`WorkerSpec`] as the first
//! line of its stdin and then [`Command`]s, one JSON line each; the worker
//! answers on stdout with [`Event`] lines (a [`Tick`] every 200 ms, reports on
//! request). Splitting the fleet over processes keeps each under the
//! open-files limit and off one allocator. When its stdin closes (the
//! coordinator is gone) the worker stops its agents and exits.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;

use crate::sim::{self, Control, Fleet};
use crate::stats::{Report, Stats, Tick};

/// Everything a worker needs to know, sent once.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerSpec {
    pub index: usize,
    /// Every master of the cluster (one for a single master).
    pub masters: Vec<String>,
    /// This worker's k-th agent is agent `index + k * stride` of the fleet
    /// and starts at master number `(index + k * stride) % masters.len()`.
    pub stride: usize,
    pub ca_pin: String,
    /// Node names of this worker's agents, in start order.
    pub names: Vec<String>,
    /// One bootstrap token per agent (the same text may repeat).
    pub tokens: Vec<String>,
    pub default_heartbeat_ms: u64,
    pub reconnect_cap_ms: u64,
    /// Enrolments in flight at once in this worker.
    pub enrol_concurrency: usize,
}

/// What the coordinator asks.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
pub enum Command {
    /// Start agents until `upto` of this worker's are running.
    Grow { upto: usize },
    /// Every agent drops its connection and reconnects with backoff.
    Drop,
    /// Send the histograms and error kinds since the last report.
    Report,
    /// Stop every agent, send a last report, exit.
    Stop,
}

/// What the worker says.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "ev", rename_all = "snake_case")]
pub enum Event {
    Tick(Tick),
    Report(Report),
    Stopped(Report),
}

fn say(ev: &Event) {
    if let Ok(line) = serde_json::to_string(ev) {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    }
}

/// Runs a worker until `Stop` or the end of stdin.
pub async fn run() -> Result<(), String> {
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    let first = lines.next_line().await.map_err(|e| e.to_string())?.ok_or("no worker spec on stdin")?;
    let spec: WorkerSpec = serde_json::from_str(&first).map_err(|e| format!("worker spec: {e}"))?;
    let stats = Arc::new(Stats::with_masters(spec.masters.len()));
    let (control_tx, control_rx) = watch::channel(Control::default());
    let fleet = Arc::new(Fleet {
        masters: spec.masters.clone(),
        ca_pin: spec.ca_pin.clone(),
        default_heartbeat: Duration::from_millis(spec.default_heartbeat_ms),
        reconnect_cap: Duration::from_millis(spec.reconnect_cap_ms),
        stats: stats.clone(),
        control: control_rx,
        enrol_gate: Arc::new(Semaphore::new(spec.enrol_concurrency.max(1))),
    });
    let ticker = {
        let stats = stats.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_millis(200));
            loop {
                every.tick().await;
                say(&Event::Tick(stats.tick()));
            }
        })
    };
    let mut agents = JoinSet::new();
    let mut started = 0usize;
    loop {
        let line = match lines.next_line().await {
            Ok(Some(l)) => l,
            Ok(None) | Err(_) => break,
        };
        let cmd: Command = match serde_json::from_str(&line) {
            Ok(c) => c,
            Err(e) => {
                stats.error(&format!("bad command from the coordinator: {e}"));
                continue;
            }
        };
        match cmd {
            Command::Grow { upto } => {
                let upto = upto.min(spec.names.len());
                while started < upto {
                    let name = spec.names[started].clone();
                    let token = spec.tokens.get(started).or(spec.tokens.last()).cloned().unwrap_or_default();
                    let start = spec.index + started * spec.stride;
                    agents.spawn(sim::run(fleet.clone(), name, token, start));
                    started += 1;
                }
            }
            Command::Drop => control_tx.send_modify(|c| c.epoch += 1),
            Command::Report => say(&Event::Report(stats.take_report())),
            Command::Stop => break,
        }
    }
    control_tx.send_modify(|c| c.stop = true);
    let drained =
        tokio::time::timeout(Duration::from_secs(15), async { while agents.join_next().await.is_some() {} }).await;
    if drained.is_err() {
        stats.error("agents did not stop within 15 s");
        agents.abort_all();
    }
    ticker.abort();
    say(&Event::Tick(stats.tick()));
    say(&Event::Stopped(stats.take_report()));
    Ok(())
}
