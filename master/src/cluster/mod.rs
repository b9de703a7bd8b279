//! Several masters on one etcd cluster (issue 15): the cluster secret and
//! sealed bundle that let a master join (`secret`), membership and leader
//! election on an etcd lease (`election`), and the [`Cluster`] handle the
//! rest of the master asks "do I lead?" and "who are the masters?".
//!
//! With the embedded store there is one master: it always leads and is the
//! only member.

pub mod admin_conf;
pub mod announce;
pub mod config_sync;
#[cfg(feature = "etcd")]
pub mod election;
pub mod failover;
pub mod handoff;
pub mod secret;
#[cfg(feature = "etcd")]
pub mod sync;

use std::sync::{Arc, Mutex};

use prost::Message;
use tokio::sync::watch;

use piccolo_proto::MasterInfo;

use crate::store::{PREFIX, SharedStore, StoreError};

/// Prefix of the member records.
pub fn masters_prefix() -> String {
    format!("{PREFIX}masters/")
}
/// Key of one master's record (under its lease).
pub fn master_key(name: &str) -> String {
    format!("{}{name}", masters_prefix())
}
/// The leader key (under the leader's lease; value: its name).
pub fn leader_key() -> String {
    format!("{PREFIX}leader")
}
/// Keys a backup leaves out: those under a master's lease, and the bundle
/// sealed with the cluster secret (a restored cluster makes a new one).
pub fn is_ephemeral(key: &str) -> bool {
    key == leader_key() || key.starts_with(&masters_prefix()) || key == secret::bundle_key()
}

/// This master's place in the cluster.
#[derive(Clone)]
pub struct Cluster {
    /// This master's name among the masters.
    pub name: String,
    /// `HOST:PORT` devices and admins reach it at.
    pub address: String,
    leader: watch::Receiver<bool>,
    /// Whether this master's etcd lease renews (false: etcd lost or no quorum).
    lease_ok: watch::Receiver<bool>,
    /// The store to list members from; `None`: a single master (embedded).
    store: Option<SharedStore>,
    /// The addresses last read from the store (empty: not read yet), kept
    /// fresh by the announce loop: a session start answers from here, so a
    /// failover herd of thousands of reconnecting devices does not become
    /// as many etcd reads.
    known: Arc<Mutex<Vec<String>>>,
}

impl Cluster {
    /// A master alone (embedded store): always the leader.
    pub fn single(name: String, address: String) -> Self {
        let (_tx, rx) = watch::channel(true);
        Self { name, address, leader: rx.clone(), lease_ok: rx, store: None, known: Arc::default() }
    }

    /// A master among others on `store`; `leader` and `lease_ok` are set by
    /// the election loop.
    pub fn shared(
        name: String,
        address: String,
        store: SharedStore,
        leader: watch::Receiver<bool>,
        lease_ok: watch::Receiver<bool>,
    ) -> Self {
        Self { name, address, leader, lease_ok, store: Some(store), known: Arc::default() }
    }

    /// Whether this master's etcd lease renews (always true alone): false
    /// while etcd is unreachable or has lost its quorum, when the master
    /// reports degraded even before a write of its own failed.
    pub fn lease_ok(&self) -> bool {
        *self.lease_ok.borrow()
    }

    /// Whether other masters may share the store (etcd).
    pub fn is_shared(&self) -> bool {
        self.store.is_some()
    }

    /// Whether this master runs the singleton duties now.
    pub fn is_leader(&self) -> bool {
        *self.leader.borrow()
    }

    /// A receiver that changes when leadership does.
    pub fn leadership(&self) -> watch::Receiver<bool> {
        self.leader.clone()
    }

    /// Every master's record, sorted by name; `me` is this master's live
    /// record, which replaces its stored one.
    pub async fn masters(&self, me: MasterInfo) -> Result<Vec<MasterInfo>, StoreError> {
        let Some(store) = &self.store else { return Ok(vec![me]) };
        let mut out: Vec<MasterInfo> = Vec::new();
        for (key, v) in store.list(&masters_prefix()).await? {
            let info = MasterInfo::decode(v.value.as_slice())
                .map_err(|e| StoreError::Decode { key: key.clone(), reason: e.to_string() })?;
            if info.name != me.name {
                out.push(info);
            }
        }
        out.push(me);
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Addresses of every master (this one first), for agents and admin.conf,
    /// read from the store (and remembered for [`Cluster::known_addresses`]).
    pub async fn addresses(&self) -> Vec<String> {
        let mut out = vec![self.address.clone()];
        if let Some(store) = &self.store
            && let Ok(list) = store.list(&masters_prefix()).await
        {
            for (_, v) in list {
                if let Ok(info) = MasterInfo::decode(v.value.as_slice())
                    && !info.address.is_empty()
                    && !out.contains(&info.address)
                {
                    out.push(info.address);
                }
            }
            if let Ok(mut known) = self.known.lock() {
                known.clone_from(&out);
            }
        }
        out
    }

    /// The addresses as last read (at most one announce period old), or
    /// read now when they never were.
    pub async fn known_addresses(&self) -> Vec<String> {
        let known = self.known.lock().map(|k| k.clone()).unwrap_or_default();
        if known.is_empty() { self.addresses().await } else { known }
    }
}

/// This master's live record.
pub fn local_info(
    cluster: &Cluster,
    metrics: &crate::metrics::Metrics,
    persister: &crate::persister::Persister,
    leader: bool,
) -> MasterInfo {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    MasterInfo {
        name: cluster.name.clone(),
        address: cluster.address.clone(),
        leader,
        nodes: u32::try_from(metrics.sessions.get().max(0)).unwrap_or(u32::MAX),
        store_healthy: persister.healthy() && cluster.lease_ok(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        last_seen_ms: i64::try_from(now.as_millis()).unwrap_or(i64::MAX),
    }
}

/// Default master name: the host name and the listen port.
pub fn default_name(port: u16) -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").map(|h| h.trim().to_string()).unwrap_or_default();
    let host = if host.is_empty() { "master".to_string() } else { host };
    format!("{host}-{port}")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]

    use super::*;
    use crate::store::EmbeddedStore;

    fn record(name: &str, address: &str) -> Vec<u8> {
        MasterInfo { name: name.into(), address: address.into(), ..Default::default() }.encode_to_vec()
    }

    #[tokio::test]
    async fn session_starts_answer_from_the_last_read_not_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let store: SharedStore = Arc::new(EmbeddedStore::open(&dir.path().join("s.redb")).unwrap());
        store.put(&master_key("m1"), record("m1", "10.0.0.1:7443")).await.unwrap();
        store.put(&master_key("m2"), record("m2", "10.0.0.2:7443")).await.unwrap();
        let (_l, leader) = watch::channel(false);
        let (_o, lease_ok) = watch::channel(true);
        let c = Cluster::shared("m1".into(), "10.0.0.1:7443".into(), store.clone(), leader, lease_ok);
        // Never read: read now.
        assert_eq!(c.known_addresses().await, ["10.0.0.1:7443", "10.0.0.2:7443"]);
        // A third master joins: sessions keep the list read last until the
        // announce loop reads again.
        store.put(&master_key("m3"), record("m3", "10.0.0.3:7443")).await.unwrap();
        assert_eq!(c.known_addresses().await, ["10.0.0.1:7443", "10.0.0.2:7443"]);
        assert_eq!(c.addresses().await.len(), 3, "the loop's read");
        assert_eq!(c.known_addresses().await, ["10.0.0.1:7443", "10.0.0.2:7443", "10.0.0.3:7443"]);
    }
}
