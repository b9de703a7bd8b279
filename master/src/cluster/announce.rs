//! Tells this master's devices when the list of masters changes (a master
//! joined or left), so a device connected before a new master joined can
//! still fail over to it. Every session also gets the list when it opens,
//! from the copy this loop keeps fresh (`Cluster::known_addresses`).

use std::sync::Arc;
use std::time::Duration;

use piccolo_proto::{MasterList, MasterMessage, master_message};
use tokio::sync::watch;

use super::Cluster;
use crate::registry::Registry;

/// Checks every `every` until shutdown.
pub async fn run(cluster: Cluster, registry: Arc<Registry>, every: Duration, mut shutdown: watch::Receiver<bool>) {
    let mut last: Vec<String> = Vec::new();
    let mut first = true;
    loop {
        // The first read at once: it fills the list sessions start with.
        if !std::mem::take(&mut first) {
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = crate::stopped(&mut shutdown) => break,
            }
        }
        let mut now = cluster.addresses().await;
        now.sort();
        if now == last {
            continue;
        }
        // (The first time too: sessions opened before it may hold a shorter
        // list; learning a list twice changes nothing on the device.)
        for n in registry.local_sessions() {
            let list = MasterList { addresses: now.clone() };
            registry.push(&n, MasterMessage { msg: Some(master_message::Msg::Masters(list)) });
        }
        last = now;
    }
}
