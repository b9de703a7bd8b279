//! Per-workload status from the agents' reports: the aggregate a user sees
//! (`desired`, `ready`, per-node state) and the events state changes make
//! (placed, started, healthy, unhealthy, restarted, failed, moved, removed),
//! collected as [`NodeNote`]s that the caller records in one batch.

use std::collections::HashMap;

use piccolo_proto::{Node, WorkloadInfo, WorkloadNodeStatus, WorkloadRecord, WorkloadRollout, WorkloadStatus};

use super::rollout::{self, Step};

use crate::registry::NodeNote;

/// Whether a node state counts as ready: healthy, or running without a liveness check.
pub fn is_ready(state: &str, has_liveness: bool) -> bool {
    state == "Healthy" || (state == "Running" && !has_liveness)
}

/// A workload's aggregate.
pub fn info(
    rec: &WorkloadRecord,
    pending: &str,
    statuses: &HashMap<(String, String), WorkloadStatus>,
    nodes: &HashMap<String, Node>,
) -> WorkloadInfo {
    let spec = rec.spec.clone().unwrap_or_default();
    let mut out = Vec::new();
    for n in &rec.placed {
        let s = statuses.get(&(spec.name.clone(), n.clone()));
        let node_ok = nodes.get(n).map(|x| x.connected).unwrap_or(false);
        let expected = expected_revision(rec, n);
        let st = match s {
            Some(s) if s.revision == expected => WorkloadNodeStatus {
                node: n.clone(),
                state: s.state.clone(),
                reason: s.reason.clone(),
                restarts: s.restarts,
                container_id: s.container_id.clone(),
                revision: s.revision,
            },
            Some(s) => WorkloadNodeStatus {
                node: n.clone(),
                state: "Pending".into(),
                reason: format!("revision {} still running; replacing it with {expected}", s.revision),
                restarts: s.restarts,
                container_id: s.container_id.clone(),
                revision: s.revision,
            },
            None => WorkloadNodeStatus {
                node: n.clone(),
                state: "Pending".into(),
                reason: if node_ok { "waiting for the agent".into() } else { "node is not connected".into() },
                ..Default::default()
            },
        };
        out.push(st);
    }
    let ready =
        out.iter().filter(|s| s.revision == spec.revision && is_ready(&s.state, spec.liveness.is_some())).count();
    let desired = if spec.count > 0 { spec.count as usize } else { rec.placed.len() };
    WorkloadInfo {
        name: spec.name.clone(),
        revision: spec.revision,
        desired: desired as u32,
        ready: ready as u32,
        nodes: out,
        pending_reason: pending.to_string(),
        spec: Some(spec),
        rollout: rec.rollout.clone(),
    }
}

fn note(notes: &mut Vec<NodeNote>, node: &str, kind: &str, reason: &str, message: &str) {
    notes.push(NodeNote::new(node, kind, reason, message));
}

/// Events for a placement change.
pub fn placement_events(notes: &mut Vec<NodeNote>, workload: &str, before: &[String], after: &[String]) {
    let gone: Vec<&String> = before.iter().filter(|n| !after.contains(n)).collect();
    for n in after.iter().filter(|n| !before.contains(n)) {
        let (kind, msg) = match gone.first() {
            Some(from) => ("WorkloadMoved", format!("moved from {from}")),
            None => ("WorkloadPlaced", String::new()),
        };
        note(notes, n, kind, &format!("{workload} {}", &kind[8..].to_lowercase()), &msg);
    }
    for n in gone {
        note(notes, n, "WorkloadUnplaced", &format!("{workload} unplaced"), "");
    }
}

/// Events for a reported state change.
pub fn state_events(notes: &mut Vec<NodeNote>, node: &str, before: Option<&WorkloadStatus>, now: &WorkloadStatus) {
    let same_state = before.is_some_and(|b| b.state == now.state && b.revision == now.revision);
    if before.is_some_and(|b| now.restarts > b.restarts) {
        note(
            notes,
            node,
            "WorkloadRestarted",
            &format!("{} restarted", now.name),
            &format!("restarts {}: {}", now.restarts, now.reason),
        );
    }
    if same_state {
        return;
    }
    let kind = match now.state.as_str() {
        "Running" => "WorkloadStarted",
        "Healthy" => "WorkloadHealthy",
        "Unhealthy" => "WorkloadUnhealthy",
        "Failed" => "WorkloadFailed",
        "Removed" => "WorkloadRemoved",
        "BackOff" => "WorkloadBackOff",
        _ => return,
    };
    note(notes, node, kind, &format!("{} {}", now.name, now.state.to_lowercase()), &now.reason);
}

/// Events for the steps a rollout took.
pub fn rollout_events(
    notes: &mut Vec<NodeNote>,
    workload: &str,
    r: &WorkloadRollout,
    placed: &[String],
    steps: &[Step],
) {
    let rev = format!("revision {} -> {}", r.from_revision, r.to_revision);
    for step in steps {
        match step {
            Step::BatchStarted { number, nodes } => {
                for n in nodes {
                    let msg = format!("batch {number} ({} node(s)), {rev}", nodes.len());
                    note(notes, n, "WorkloadRolloutBatch", &format!("{workload} updating"), &msg);
                }
            }
            Step::BatchReady { number, nodes } => {
                for n in nodes {
                    let msg = format!("batch {number} healthy, {rev}");
                    note(notes, n, "WorkloadUpdated", &format!("{workload} updated"), &msg);
                }
            }
            Step::Offline { node } => note(
                notes,
                node,
                "WorkloadUpdated",
                &format!("{workload} updated"),
                &format!("offline at its turn: gets revision {} when it returns", r.to_revision),
            ),
            Step::Succeeded => {
                for n in placed {
                    note(notes, n, "WorkloadRolloutSucceeded", &format!("{workload} rolled out"), &rev);
                }
            }
            Step::RolledBack { why } => {
                for n in placed {
                    note(notes, n, "WorkloadRolledBack", &format!("{workload} rolled back"), why);
                }
            }
        }
    }
}

/// Which revision a node is meant to run now (during a rollout, nodes whose
/// batch has not come yet stay on the old one).
pub fn expected_revision(rec: &WorkloadRecord, node: &str) -> u64 {
    let current = rec.spec.as_ref().map(|s| s.revision).unwrap_or(0);
    match rec.rollout.as_ref() {
        r @ Some(ro) if rollout::on_old_revision(r, node) => ro.from_revision,
        _ => current,
    }
}
