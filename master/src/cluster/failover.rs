//! A leader duty: a device whose master died and that is back in a session
//! on another master within `failover_grace` is never reported NotReady;
//! one that is not, is (by the leader, once).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use prost::Message;
use tokio::sync::watch;
use tracing::info;

use piccolo_proto::MasterInfo;

use super::{Cluster, masters_prefix};
use crate::registry::Registry;
use crate::store::SharedStore;

/// Checks every second until shutdown.
pub async fn run(
    cluster: Cluster,
    store: SharedStore,
    registry: Arc<Registry>,
    grace: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut since: HashMap<String, Instant> = HashMap::new();
    loop {
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = crate::stopped(&mut shutdown) => break,
        }
        if !cluster.is_leader() {
            since.clear();
            continue;
        }
        let Ok(records) = store.list(&masters_prefix()).await else { continue };
        let live: HashSet<String> =
            records.iter().filter_map(|(_, v)| MasterInfo::decode(v.value.as_slice()).ok()).map(|m| m.name).collect();
        let orphans: HashSet<String> = registry.orphans(&live).into_iter().collect();
        since.retain(|n, _| orphans.contains(n));
        let now = Instant::now();
        for n in orphans {
            let first = *since.entry(n.clone()).or_insert(now);
            if now.duration_since(first) >= grace && registry.master_lost(&n) {
                info!(node = %n, "its master is gone and it did not come back within failover_grace");
                since.remove(&n);
            }
        }
    }
}
