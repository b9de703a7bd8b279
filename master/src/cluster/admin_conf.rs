//! Keeps `DATA_DIR/admin.conf` listing every master of the cluster, so
//! piccoloctl can go to the next one when the first does not answer. Only
//! the `endpoints` list changes; the certificate and key stay.

use std::path::PathBuf;
use std::time::Duration;

use piccolo_common::credential::AdminCredential;
use tokio::sync::watch;
use tracing::{debug, warn};

use super::Cluster;

/// Refreshes the file every `every` until shutdown.
pub async fn run(cluster: Cluster, path: PathBuf, every: Duration, mut shutdown: watch::Receiver<bool>) {
    loop {
        refresh(&cluster, &path).await;
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = crate::stopped(&mut shutdown) => break,
        }
    }
}

async fn refresh(cluster: &Cluster, path: &std::path::Path) {
    let Ok(mut cred) = AdminCredential::load(path) else { return };
    let others: Vec<String> = cluster.addresses().await.into_iter().filter(|a| *a != cred.endpoint).collect();
    // A master that left stays listed: it may come back, and a dead entry
    // only costs a failed connect before the next.
    let mut merged = cred.endpoints.clone();
    for a in others {
        if !merged.contains(&a) {
            merged.push(a);
        }
    }
    if merged == cred.endpoints {
        return;
    }
    cred.endpoints = merged;
    match piccolo_common::files::write_private(path, cred.to_toml().as_bytes()) {
        Ok(()) => debug!(path = %path.display(), endpoints = ?cred.endpoints, "admin.conf lists the cluster's masters"),
        Err(e) => warn!(path = %path.display(), error = %e, "cannot update admin.conf with the masters' endpoints"),
    }
}
