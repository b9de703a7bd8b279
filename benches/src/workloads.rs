//! What a simulated agent answers to a pushed workload set: every workload
//! running at once (the master-side cost of placement, pushes and status
//! aggregation is what a fleet simulation measures).

use piccolo_proto::{WorkloadReport, WorkloadSet, WorkloadStatus};

/// A full report with every workload of `set` Running.
pub fn simulated_report(set: &WorkloadSet) -> WorkloadReport {
    WorkloadReport {
        set_version: set.version,
        workloads: set
            .workloads
            .iter()
            .map(|w| WorkloadStatus {
                name: w.name.clone(),
                revision: w.revision,
                state: "Running".into(),
                container_id: format!("sim-{}", w.name),
                ..Default::default()
            })
            .collect(),
        full: true,
    }
}
