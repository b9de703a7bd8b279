//! A master cut off from etcd (no member answers, while its devices still
//! reach it) hands them over after `store_loss_handoff`: it closes their
//! connections, and they go on to the next master of their list, one that
//! can write. A lost quorum is different: etcd members still answer (only
//! writes and leases fail), every master is in the same spot, so sessions
//! stay and liveness is kept from memory.
//!
//! "No member answers" is a probe that gets no answer within `etcd_timeout`
//! (the bound of every store call), not within a second: a slow etcd (CPU-
//! starved, a disk stalling its fsync) answers late and is not taken for a
//! lost one, which would hand every device over to masters just as slow.
//! The price: a real cut is seen up to `etcd_timeout` later.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::watch;
use tracing::warn;

use crate::server::conns::Conns;
use crate::store::SharedStore;

/// Checks every second until shutdown; a probe may take up to `probe`
/// (`etcd_timeout`).
pub async fn run(
    store: SharedStore,
    conns: Arc<Conns>,
    after: Duration,
    probe: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut lost_since: Option<Instant> = None;
    loop {
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = crate::stopped(&mut shutdown) => break,
        }
        let reachable = tokio::time::timeout(probe, store.health()).await.is_ok_and(|r| r.is_ok());
        if reachable {
            lost_since = None;
            continue;
        }
        let since = *lost_since.get_or_insert_with(Instant::now);
        if since.elapsed() >= after {
            let n = conns.cut_all();
            if n > 0 {
                warn!(connections = n, "no etcd member answers: handing this master's devices to the other masters");
            }
        }
    }
}
