//! Parent side of a multi-embedded cluster: child masters enrol like devices
//! (so their link has a node's liveness: NotReady on a lost connection or a
//! missed heartbeat) and send a `ClusterReport`; the last report of each is
//! kept here and in the store, so `get clusters` still shows a child that is
//! away, with what it last said.

use std::collections::HashMap;
use std::sync::Mutex;

use piccolo_common::time::now_ms;
use piccolo_proto::{ChildCluster, ChildReportRecord, ClusterReport};
use prost::Message;
use tracing::{info, warn};

use crate::registry::Registry;
use crate::store::{PREFIX, SharedStore, StoreError};

fn key(name: &str) -> String {
    format!("{PREFIX}children/{name}")
}

/// The children's last reports.
pub struct Children {
    store: SharedStore,
    reports: Mutex<HashMap<String, ChildReportRecord>>,
}

impl Children {
    /// Loads stored reports.
    pub async fn load(store: SharedStore) -> Result<Self, StoreError> {
        let mut reports = HashMap::new();
        let prefix = format!("{PREFIX}children/");
        for (k, v) in store.list(&prefix).await? {
            let rec = ChildReportRecord::decode(v.value.as_slice())
                .map_err(|e| StoreError::Decode { key: k.clone(), reason: e.to_string() })?;
            reports.insert(k.trim_start_matches(&prefix).to_string(), rec);
        }
        Ok(Self { store, reports: Mutex::new(reports) })
    }

    /// Records a report from the child enrolled as `name`.
    pub async fn report(&self, name: &str, report: ClusterReport) {
        let rec = ChildReportRecord { report: Some(report), reported_at_ms: now_ms() };
        let changed = match self.reports.lock() {
            Ok(mut g) => {
                let changed = g.get(name).map(|r| &r.report) != Some(&rec.report);
                g.insert(name.to_string(), rec.clone());
                changed
            }
            Err(_) => false,
        };
        if changed {
            info!(child = name, "child cluster report");
            if let Err(e) = self.store.put(&key(name), rec.encode_to_vec()).await {
                warn!(child = name, error = %e, "could not store the child's report");
            }
        }
    }

    /// Every child still registered, with its link's liveness.
    pub fn list(&self, registry: &Registry) -> Vec<ChildCluster> {
        let reports = self.reports.lock().map(|g| g.clone()).unwrap_or_default();
        let mut out: Vec<ChildCluster> = reports
            .into_iter()
            .filter_map(|(name, rec)| {
                let n = registry.get(&name)?.into_stored();
                Some(ChildCluster {
                    state: n.state,
                    reason: n.reason,
                    connected: n.connected,
                    last_heartbeat_ms: n.last_heartbeat_ms,
                    report: rec.report,
                    reported_at_ms: rec.reported_at_ms,
                    name,
                })
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }
}
