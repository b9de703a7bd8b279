//! The coordinator's tools: the worker processes (spawned from this binary,
//! fed JSON commands, read for ticks and reports), a once-a-second sampler of
//! the master's (and etcd's, and our own) CPU and RSS plus the fleet gauges,
//! and the master's store-operation counters from `/metrics`.

use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin, Command as Process};
use tokio::sync::mpsc;

use crate::procinfo::Sample;
use crate::stats::{Report, Tick};
use crate::worker::{Command, Event, WorkerSpec};

fn sum_ticks<'a>(latest: impl Iterator<Item = &'a Arc<Mutex<Tick>>>) -> Tick {
    let mut sum = Tick::default();
    for l in latest {
        if let Ok(t) = l.lock() {
            sum.enrolled += t.enrolled;
            sum.connected += t.connected;
            sum.ready += t.ready;
            sum.sessions += t.sessions;
            sum.hb_sent += t.hb_sent;
            sum.hb_acked += t.hb_acked;
            sum.retries += t.retries;
            sum.errors += t.errors;
            sum.last_ready_ms = sum.last_ready_ms.max(t.last_ready_ms);
            if sum.on.len() < t.on.len() {
                sum.on.resize(t.on.len(), 0);
            }
            for (s, v) in sum.on.iter_mut().zip(&t.on) {
                *s += v;
            }
        }
    }
    sum
}

/// One worker process.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    latest: Arc<Mutex<Tick>>,
    reports: mpsc::Receiver<Report>,
    size: usize,
}

/// All worker processes of a run.
pub struct Workers {
    workers: Vec<Worker>,
}

impl Workers {
    /// Spawns one process per spec and hands it its spec.
    pub async fn spawn(specs: Vec<WorkerSpec>) -> Result<Self, String> {
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        let mut workers = Vec::new();
        for spec in specs {
            let mut child = Process::new(&exe)
                .arg("worker")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .kill_on_drop(true)
                .spawn()
                .map_err(|e| format!("spawn worker: {e}"))?;
            let mut stdin = child.stdin.take().ok_or("worker stdin")?;
            let stdout = child.stdout.take().ok_or("worker stdout")?;
            let line = serde_json::to_string(&spec).map_err(|e| e.to_string())?;
            stdin.write_all(format!("{line}\n").as_bytes()).await.map_err(|e| e.to_string())?;
            let latest = Arc::new(Mutex::new(Tick::default()));
            let (tx, reports) = mpsc::channel(4);
            let l = latest.clone();
            tokio::spawn(async move {
                let mut lines = BufReader::new(stdout).lines();
                while let Ok(Some(line)) = lines.next_line().await {
                    match serde_json::from_str::<Event>(&line) {
                        Ok(Event::Tick(t)) => {
                            if let Ok(mut g) = l.lock() {
                                *g = t;
                            }
                        }
                        Ok(Event::Report(r)) | Ok(Event::Stopped(r)) => {
                            let _ = tx.send(r).await;
                        }
                        Err(e) => eprintln!("worker said something odd ({e}): {line}"),
                    }
                }
            });
            workers.push(Worker { child, stdin, latest, reports, size: spec.names.len() });
        }
        Ok(Self { workers })
    }

    pub fn pids(&self) -> Vec<u32> {
        self.workers.iter().filter_map(|w| w.child.id()).collect()
    }

    async fn send(&mut self, i: usize, cmd: &Command) -> Result<(), String> {
        let line = serde_json::to_string(cmd).map_err(|e| e.to_string())?;
        self.workers[i].stdin.write_all(format!("{line}\n").as_bytes()).await.map_err(|e| format!("worker {i}: {e}"))
    }

    async fn broadcast(&mut self, cmd: &Command) -> Result<(), String> {
        for i in 0..self.workers.len() {
            self.send(i, cmd).await?;
        }
        Ok(())
    }

    /// Runs `total` agents in all (agents are dealt round-robin, so each worker grows evenly).
    pub async fn grow(&mut self, total: usize) -> Result<(), String> {
        let p = self.workers.len();
        for i in 0..p {
            let upto = (total + p - 1 - i) / p;
            let upto = upto.min(self.workers[i].size);
            self.send(i, &Command::Grow { upto }).await?;
        }
        Ok(())
    }

    /// Every agent drops its connection.
    pub async fn drop_all(&mut self) -> Result<(), String> {
        self.broadcast(&Command::Drop).await
    }

    /// Sum of the latest ticks.
    pub fn tick(&self) -> Tick {
        sum_ticks(self.workers.iter().map(|w| &w.latest))
    }

    /// A function that sums the latest ticks, for the sampler.
    pub fn tick_source(&self) -> Arc<dyn Fn() -> Tick + Send + Sync> {
        let latest: Vec<Arc<Mutex<Tick>>> = self.workers.iter().map(|w| w.latest.clone()).collect();
        Arc::new(move || sum_ticks(latest.iter()))
    }

    async fn collect(&mut self) -> Result<Report, String> {
        let mut all = Report::default();
        for (i, w) in self.workers.iter_mut().enumerate() {
            match tokio::time::timeout(Duration::from_secs(30), w.reports.recv()).await {
                Ok(Some(r)) => all.merge(&r),
                _ => return Err(format!("worker {i} sent no report")),
            }
        }
        Ok(all)
    }

    /// Histograms and error kinds since the previous report.
    pub async fn report(&mut self) -> Result<Report, String> {
        self.broadcast(&Command::Report).await?;
        self.collect().await
    }

    /// Stops every agent; returns what happened since the previous report.
    pub async fn stop(&mut self) -> Result<Report, String> {
        self.broadcast(&Command::Stop).await?;
        let r = self.collect().await;
        for w in &mut self.workers {
            let _ = tokio::time::timeout(Duration::from_secs(5), w.child.wait()).await;
            let _ = w.child.start_kill();
        }
        r
    }
}

/// One second of the run.
#[derive(Debug, Clone, Copy)]
pub struct Point {
    pub at: Instant,
    pub master: Sample,
    pub others: Sample,
    pub tick_ready: i64,
    pub sessions: u64,
}

/// Samples the master, the helpers (etcd, workers, us) and the fleet every second.
pub struct Sampler {
    pub points: Arc<Mutex<Vec<Point>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Sampler {
    pub fn start(master: u32, others: Vec<u32>, fleet: Arc<dyn Fn() -> Tick + Send + Sync>) -> Self {
        let points = Arc::new(Mutex::new(Vec::new()));
        let p = points.clone();
        let task = tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(1));
            loop {
                every.tick().await;
                let t = fleet();
                let point = Point {
                    at: Instant::now(),
                    master: Sample::of(master),
                    others: Sample::of_all(&others),
                    tick_ready: t.ready,
                    sessions: t.sessions,
                };
                if let Ok(mut p) = p.lock() {
                    p.push(point);
                }
            }
        });
        Self { points, task }
    }

    /// Points taken since `from`.
    pub fn since(&self, from: Instant) -> Vec<Point> {
        self.points.lock().map(|p| p.iter().filter(|x| x.at >= from).copied().collect()).unwrap_or_default()
    }
}

impl Drop for Sampler {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Sum of a Prometheus counter family's values whose line passes `filter`.
pub fn metric_sum(text: &str, name: &str, filter: impl Fn(&str) -> bool) -> f64 {
    text.lines()
        .filter(|l| l.starts_with(name) && filter(l))
        .filter_map(|l| l.rsplit_once(' ').and_then(|(_, v)| v.trim().parse::<f64>().ok()))
        .sum()
}

/// Write operations (put, put_if, delete, and batches where the master has
/// them, each counted once) the master has made to its store, from its `/metrics`.
pub async fn store_writes(http_port: Option<u16>) -> Option<u64> {
    let (status, body) = piccolo_tests::master::http_get(http_port?, "/metrics").await;
    if status != 200 {
        return None;
    }
    let v = metric_sum(&body, "piccolo_store_operation_seconds_count", |l| {
        ["put", "put_if", "delete", "write_batch"].iter().any(|op| l.contains(&format!("op=\"{op}\"")))
    });
    Some(v as u64)
}

/// One metric of the master (summed over its labels), from its `/metrics`.
pub async fn master_metric(http_port: Option<u16>, name: &str) -> Option<u64> {
    let (status, body) = piccolo_tests::master::http_get(http_port?, "/metrics").await;
    if status != 200 {
        return None;
    }
    Some(metric_sum(&body, name, |_| true) as u64)
}

/// Writes queued in the master's write-behind, not yet in the store.
pub async fn pending_writes(http_port: Option<u16>) -> Option<u64> {
    master_metric(http_port, "piccolo_store_pending_writes").await
}

/// etcd's own count of puts and deletes (mvcc), from its `/metrics`.
pub async fn etcd_writes(client_port: Option<u16>) -> Option<u64> {
    let (status, body) = piccolo_tests::master::http_get(client_port?, "/metrics").await;
    if status != 200 {
        return None;
    }
    let v = metric_sum(&body, "etcd_mvcc_put_total", |_| true)
        + metric_sum(&body, "etcd_mvcc_delete_total", |_| true)
        + metric_sum(&body, "etcd_mvcc_txn_total", |_| true);
    Some(v as u64)
}

/// etcd's database size (bytes) and key count, from its `/metrics`.
pub async fn etcd_size(client_port: Option<u16>) -> Option<(u64, u64)> {
    let (status, body) = piccolo_tests::master::http_get(client_port?, "/metrics").await;
    if status != 200 {
        return None;
    }
    let bytes = metric_sum(&body, "etcd_mvcc_db_total_size_in_bytes", |_| true);
    let keys = metric_sum(&body, "etcd_debugging_mvcc_keys_total", |_| true);
    Some((bytes as u64, keys as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_a_metric_family() {
        let text = "# HELP x\npiccolo_store_operation_seconds_count{op=\"put\"} 12\npiccolo_store_operation_seconds_count{op=\"get\"} 5\npiccolo_store_operation_seconds_count{op=\"put_if\"} 3\n";
        let v = metric_sum(text, "piccolo_store_operation_seconds_count", |l| !l.contains("\"get\""));
        assert_eq!(v, 15.0);
    }
}
