//! Shared checks for the fault-injection suite (`tests/tests/faults_*.rs`):
//! the long/short switch, event queries, and the invariants every scenario
//! asserts (no enrolled node lost, no state regressed, no re-enrolment).

use std::time::Duration;

use piccolo_proto::{Event, ListEventsRequest, Node};

use crate::master::Master;

/// `make faults` sets `PICCOLO_FAULTS_LONG=1`: long durations and more rounds.
pub fn long() -> bool {
    std::env::var("PICCOLO_FAULTS_LONG").is_ok_and(|v| v == "1")
}

/// `short` in `make test`, `long` under `make faults`.
pub fn pick<T>(short: T, long_value: T) -> T {
    if long() { long_value } else { short }
}

/// How long a scenario may take to bring the cluster back to all-Ready.
pub const RECOVERY: Duration = Duration::from_secs(30);

/// A node's events (oldest first), up to 5000.
pub async fn events(master: &Master, node: &str) -> Vec<Event> {
    match master
        .admin()
        .await
        .list_events(ListEventsRequest { node: node.into(), limit: 5000, ..Default::default() })
        .await
    {
        Ok(r) => r.into_inner().events,
        Err(e) => panic!("list events: {e}"),
    }
}

/// Asserts that `after` is the same enrolment as `before`: nothing lost or
/// replaced (same certificate, same creation time).
pub fn same_enrolment(before: &Node, after: Option<&Node>) {
    let after = after.unwrap_or_else(|| panic!("node {} was lost", before.name));
    assert_eq!(before.cert_serial, after.cert_serial, "{}: certificate changed", before.name);
    assert_eq!(before.created_at_ms, after.created_at_ms, "{}: record was recreated", before.name);
}

/// Prints one figure line; `netns::enter` forwards these from namespaced runs.
pub fn figure(scenario: &str, text: &str) {
    println!("faults: {scenario}: {text}");
}
