//! The lifecycle event kinds the master records, spelled once for the CLI's
//! `events --type`, the master's filters, hooks and the docs. An event type
//! filter is one of these kinds or a node state an event moved to
//! ([`NodeState::label`]); anything else matches nothing and is refused.

use crate::v1::NodeState;

/// Every `Event.kind` the master writes, with what it means.
pub const EVENT_KINDS: [(&str, &str); 24] = [
    ("Enrolled", "a device enrolled (or re-enrolled) with a token"),
    ("StateChanged", "a node moved between states (approve, cordon, heartbeat loss, ...); the reason says why"),
    ("Removed", "a node was removed from the cluster"),
    ("CertificateRevoked", "a node's certificate was revoked; it must re-enrol"),
    ("ConfigApplied", "a node acknowledged an agent config version"),
    ("ConfigRejected", "a node refused an agent config version"),
    ("Container", "a container on a node changed state"),
    ("Offline", "something a node recorded while it could not reach the master"),
    ("OfflineInterval", "the span a node spent without the master, on reconnect"),
    ("Restored", "the cluster was restored from a backup"),
    ("WorkloadPlaced", "a workload was placed on a node"),
    ("WorkloadMoved", "a count-placed replica moved to this node (its old node stayed down)"),
    ("WorkloadUnplaced", "a workload no longer runs on a node (moved, deleted, drained)"),
    ("WorkloadStarted", "a workload's container is running on a node"),
    ("WorkloadHealthy", "a workload passed its liveness check"),
    ("WorkloadUnhealthy", "a workload failed its liveness check (it is restarted)"),
    ("WorkloadRestarted", "a workload's container was restarted (restart count in the message)"),
    ("WorkloadBackOff", "a workload waits before its next try (reason: ImagePullFailed, PortInUse, ...)"),
    ("WorkloadFailed", "a workload failed for good (NameClash, exit without restart)"),
    ("WorkloadRemoved", "a workload's container was removed from a node"),
    ("WorkloadRolloutBatch", "a rolling update started a batch on this node"),
    ("WorkloadUpdated", "a node's batch of a rolling update is healthy on the new revision"),
    ("WorkloadRolloutSucceeded", "a rolling update reached every node"),
    ("WorkloadRolledBack", "a rolling update's batch was late: back to the previous revision"),
];

/// Whether `t` names an event kind or a node state (case-insensitive).
pub fn is_event_type(t: &str) -> bool {
    event_types().iter().any(|k| k.eq_ignore_ascii_case(t))
}

/// Every valid `--type`: the kinds, then the states.
pub fn event_types() -> Vec<&'static str> {
    EVENT_KINDS.iter().map(|(k, _)| *k).chain(NodeState::ALL.iter().map(|s| s.label())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_states_are_types_and_reasons_are_not() {
        assert!(is_event_type("configapplied"));
        assert!(is_event_type("NotReady"));
        for reason in ["Cordoned", "Approved", "Uncordoned", "Bogus", ""] {
            assert!(!is_event_type(reason), "{reason}");
        }
    }
}
