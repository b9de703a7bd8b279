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
}

impl Cluster {
    /// A master alone (embedded store): always the leader.
    pub fn single(name: String, address: String) -> Self {
        let (_tx, rx) = watch::channel(true);
        Self { name, address, leader: rx.clone(), lease_ok: rx, store: None }
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
        Self { name, address, leader, lease_ok, store: Some(store) }
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

    /// Addresses of every master (this one first), for agents and admin.conf.
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
        }
        out
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
