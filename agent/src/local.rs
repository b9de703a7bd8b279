//! What the agent knows about its device between and across sessions: the
//! container list and Podman's availability (fed by the Podman monitor), kept
//! current while offline so the first report after a reconnect is true.

use piccolo_proto::{Container, ContainerEvent};
use tokio::sync::{mpsc, watch};

use crate::config::AgentConfig;
use crate::podman::{MonitorConfig, MonitorHandle, MonitorUpdate, Podman, spawn_monitor_with};

/// What a monitor update changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A container event to forward (or buffer while offline).
    Event(ContainerEvent),
    /// The container list changed (or was refreshed).
    List,
    /// Podman became reachable (true) or went away (false, with the reason).
    Podman(bool, String),
    /// A readiness check passed (true) or failed (false) while offline.
    Check(String, bool, String),
}

/// Device-local state.
pub struct Local {
    pub containers: Vec<Container>,
    pub podman_available: bool,
    pub podman_error: String,
    updates: Option<mpsc::Receiver<MonitorUpdate>>,
    handle: Option<MonitorHandle>,
    /// The running monitor, aborted when monitoring is reconfigured.
    task: Option<tokio::task::JoinHandle<()>>,
    socket: std::path::PathBuf,
    events_file: std::path::PathBuf,
    enabled: bool,
}

impl Local {
    /// Starts the Podman monitor when monitoring is enabled.
    pub fn start(cfg: &AgentConfig, shutdown: watch::Receiver<bool>) -> Self {
        let mut local = Self {
            containers: Vec::new(),
            podman_available: false,
            podman_error: String::new(),
            updates: None,
            handle: None,
            task: None,
            socket: cfg.podman_socket.clone(),
            events_file: cfg.podman_events_file.clone(),
            enabled: cfg.podman_enabled,
        };
        local.spawn(shutdown);
        local
    }

    fn spawn(&mut self, shutdown: watch::Receiver<bool>) {
        if self.enabled {
            let (tx, rx) = mpsc::channel(64);
            let events_file =
                if self.events_file.as_os_str().is_empty() { None } else { Some(self.events_file.clone()) };
            let cfg = MonitorConfig { events_file, ..Default::default() };
            let (handle, task) = spawn_monitor_with(Podman::new(&self.socket), cfg, tx, shutdown);
            self.updates = Some(rx);
            self.handle = Some(handle);
            self.task = Some(task);
        } else {
            self.podman_error = "container monitoring disabled".into();
        }
    }

    /// Follows a config change of the Podman socket or of monitoring on/off
    /// without a restart: the old monitor stops, a new one starts (its first
    /// snapshot or unavailability report follows). Returns whether anything changed.
    pub fn reconfigure(&mut self, cfg: &AgentConfig, shutdown: watch::Receiver<bool>) -> bool {
        if cfg.podman_enabled == self.enabled && cfg.podman_socket == self.socket {
            return false;
        }
        if let Some(task) = self.task.take() {
            task.abort();
        }
        self.updates = None;
        self.handle = None;
        self.containers.clear();
        self.podman_available = false;
        self.podman_error = "reconnecting to Podman after a config change".into();
        self.socket = cfg.podman_socket.clone();
        self.enabled = cfg.podman_enabled;
        self.spawn(shutdown);
        true
    }

    /// The next monitor update; pending forever when monitoring is off.
    pub async fn next(&mut self) -> Option<MonitorUpdate> {
        match self.updates.as_mut() {
            Some(rx) => rx.recv().await,
            None => std::future::pending().await,
        }
    }

    /// Applies an update to the state and says what changed.
    pub fn apply(&mut self, u: MonitorUpdate) -> Option<Change> {
        match u {
            MonitorUpdate::Snapshot(list) => {
                let was = self.podman_available;
                self.podman_available = true;
                self.podman_error.clear();
                self.containers = list;
                if was { Some(Change::List) } else { Some(Change::Podman(true, String::new())) }
            }
            MonitorUpdate::Event(ev) => {
                // A fresh list follows (with current usage) so reports stay true.
                self.resync();
                Some(Change::Event(ev))
            }
            MonitorUpdate::Unavailable(why) => {
                self.podman_available = false;
                self.podman_error = why.clone();
                Some(Change::Podman(false, why))
            }
        }
    }

    /// Asks the monitor for a fresh list (with CPU and memory).
    pub fn resync(&self) {
        if let Some(h) = &self.handle {
            h.resync();
        }
    }

    /// Whether a fresh list will arrive after [`resync`](Self::resync).
    pub fn can_resync(&self) -> bool {
        self.handle.is_some() && self.podman_available
    }

    /// A client for actions on the monitored socket.
    pub fn client(&self) -> Podman {
        Podman::new(&self.socket)
    }
}

/// Buffers workload state changes seen while offline (reasons cut so each
/// entry fits the buffer's fixed slot).
pub fn record_workloads(buffer: &mut crate::buffer::OfflineBuffer, report: piccolo_proto::WorkloadReport) {
    use piccolo_proto::{BufferedEntry, buffered_entry};
    use prost::Message;
    for mut s in report.workloads {
        s.container_id.truncate(12);
        s.reason.truncate(120);
        let time_ms = s.time_ms;
        let bytes =
            BufferedEntry { seq: 0, time_ms, entry: Some(buffered_entry::Entry::WorkloadStatus(s)) }.encode_to_vec();
        if bytes.len() <= crate::buffer::MAX_PAYLOAD
            && let Err(e) = buffer.push(time_ms, &bytes)
        {
            tracing::warn!(error = %e, "could not buffer a workload state change");
        }
    }
}

/// Records a change in the offline buffer (as a prost `BufferedEntry`).
pub fn record_offline(buffer: &mut crate::buffer::OfflineBuffer, change: &Change) {
    use piccolo_proto::{BufferedEntry, StatusChange, buffered_entry};
    use prost::Message;
    let now = piccolo_common::time::now_ms();
    let (time_ms, entry) = match change {
        Change::Event(ev) => {
            let mut ev = ev.clone();
            // Keep entries small: a short id is enough to tell containers apart.
            ev.id.truncate(12);
            (if ev.time_ms > 0 { ev.time_ms } else { now }, buffered_entry::Entry::ContainerEvent(ev))
        }
        Change::Podman(ok, why) => (
            now,
            buffered_entry::Entry::StatusChange(StatusChange {
                subject: "podman".into(),
                ok: *ok,
                detail: why.clone(),
            }),
        ),
        Change::Check(name, ok, detail) => (
            now,
            buffered_entry::Entry::StatusChange(StatusChange {
                subject: format!("check:{name}"),
                ok: *ok,
                detail: detail.clone(),
            }),
        ),
        Change::List => return,
    };
    let mut bytes = BufferedEntry { seq: 0, time_ms, entry: Some(entry) }.encode_to_vec();
    if bytes.len() > crate::buffer::MAX_PAYLOAD {
        bytes.truncate(0);
        let short = BufferedEntry {
            seq: 0,
            time_ms,
            entry: Some(buffered_entry::Entry::StatusChange(StatusChange {
                subject: "buffer".into(),
                ok: false,
                detail: "an event too large to buffer was summarised".into(),
            })),
        };
        bytes = short.encode_to_vec();
    }
    match buffer.push(time_ms, &bytes) {
        Ok(seq) => tracing::debug!(seq, held = buffer.len(), dropped = buffer.dropped(), "buffered offline change"),
        Err(e) => tracing::warn!(error = %e, "could not buffer an offline change"),
    }
}

/// Buffers the readiness checks whose outcome changed since `before` (none on
/// the first offline run, which only sets the baseline; the full report after
/// reconnect carries the current state anyway). `podman` is left out: Podman's
/// availability is buffered from the monitor already.
pub fn record_check_changes(
    buffer: &mut crate::buffer::OfflineBuffer,
    before: Option<&[piccolo_proto::CheckResult]>,
    after: &[piccolo_proto::CheckResult],
) {
    let Some(before) = before else { return };
    for c in after.iter().filter(|c| c.name != "podman") {
        let was = before.iter().find(|b| b.name == c.name).map(|b| b.ok);
        if was != Some(c.ok) {
            record_offline(buffer, &Change::Check(c.name.clone(), c.ok, c.detail.clone()));
        }
    }
}

/// The buffered entries as replay messages (in order), the last one marked.
pub fn replay(buffer: &crate::buffer::OfflineBuffer, since_ms: i64) -> (Vec<piccolo_proto::OfflineReplay>, u64) {
    use piccolo_proto::{BufferedEntry, OfflineReplay};
    use prost::Message;
    let now = piccolo_common::time::now_ms();
    let mut batches = Vec::new();
    // `dropped` rides the last batch, which is where the master sums up the interval.
    let mut cur = OfflineReplay {
        offline_since_ms: buffer.offline_since_ms().unwrap_or(since_ms),
        offline_until_ms: now,
        ..Default::default()
    };
    let mut through = 0;
    for e in buffer.entries() {
        if let Ok(mut b) = BufferedEntry::decode(e.payload) {
            b.seq = e.seq;
            b.time_ms = e.time_ms;
            cur.entries.push(b);
        }
        through = e.seq;
        if cur.entries.len() == 128 {
            let next =
                OfflineReplay { offline_since_ms: cur.offline_since_ms, offline_until_ms: now, ..Default::default() };
            batches.push(std::mem::replace(&mut cur, next));
        }
    }
    cur.last = true;
    cur.dropped = buffer.dropped();
    batches.push(cur);
    (batches, through)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buffer::{FlushPolicy, OfflineBuffer};
    use piccolo_proto::{BufferedEntry, CheckResult, buffered_entry};
    use prost::Message;

    fn check(name: &str, ok: bool) -> CheckResult {
        CheckResult { name: name.into(), ok, detail: format!("{name} detail"), ..Default::default() }
    }

    fn subjects(b: &OfflineBuffer) -> Vec<(String, bool)> {
        b.entries()
            .filter_map(|e| match BufferedEntry::decode(e.payload).ok()?.entry? {
                buffered_entry::Entry::StatusChange(c) => Some((c.subject, c.ok)),
                buffered_entry::Entry::ContainerEvent(_) | buffered_entry::Entry::WorkloadStatus(_) => None,
            })
            .collect()
    }

    #[test]
    fn only_check_changes_after_the_baseline_are_buffered() {
        let tmp = tempfile::tempdir().expect("tmp");
        let (mut b, _) = OfflineBuffer::open(tmp.path(), FlushPolicy::default());
        let first = vec![check("disk", true), check("memory", false), check("podman", true)];
        record_check_changes(&mut b, None, &first);
        assert!(b.is_empty(), "the first offline run only sets the baseline");
        let second = vec![check("disk", false), check("memory", false), check("podman", false)];
        record_check_changes(&mut b, Some(&first), &second);
        let third = vec![check("disk", true), check("memory", true), check("podman", false)];
        record_check_changes(&mut b, Some(&second), &third);
        assert_eq!(
            subjects(&b),
            vec![("check:disk".into(), false), ("check:disk".into(), true), ("check:memory".into(), true)],
            "flips only, in order, podman left to the monitor"
        );
    }
}
