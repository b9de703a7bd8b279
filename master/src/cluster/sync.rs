//! One view across masters: an etcd watch on `/piccolo/v1/` brings the other
//! masters' writes into this master's memory within a watch round trip (the
//! admin API then answers the same on every master): node records and
//! events into the registry; agent config, topology, a config rollout's
//! status, workload records and per-node workload states to a [`Followed`]
//! (`config_sync`). Tokens are read from the store where they
//! are used.
//!
//! This master's own writes come back through the watch too; [`Echo`], the
//! store wrapper every write passes, remembers a hash of each value written
//! per key so the watch can tell an echo (ignored: memory is already newer
//! or equal) from another master's write. A watch that breaks is re-opened
//! at once on the next endpoint from the last revision seen; after a
//! compaction, every followed prefix is re-read first.

use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use etcd_client::{EventType, WatchOptions};
use piccolo_proto::{Event, Node};
use prost::Message;
use tokio::sync::watch;
use tracing::{debug, warn};

use crate::registry::Registry;
use crate::store::{PREFIX, SharedStore, Store, StoreError, Versioned};

/// Own writes remembered per key (a burst of state changes of one node).
const REMEMBER: usize = 16;

fn digest(value: Option<&[u8]>) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

fn synced(key: &str) -> bool {
    key.starts_with(&format!("{PREFIX}nodes/"))
        || key.starts_with(&format!("{PREFIX}events/"))
        || super::config_sync::followed(key)
        || key.starts_with(&format!("{PREFIX}workloads/"))
        || crate::workloads::is_states_key(key)
}

/// What the watch hands to the rest of the master besides the registry
/// (agent config, topology, workloads).
pub trait Followed: Send + Sync {
    /// Whether `key` is this follower's.
    fn follows(&self, key: &str) -> bool;
    /// Another master wrote `key` (`None`: deleted it).
    fn changed(&self, key: &str, value: Option<&[u8]>);
    /// The keys this master holds a copy of (after a full re-read, those
    /// no longer in the store were deleted meanwhile).
    fn held(&self) -> Vec<String>;
}

/// The follower the watch hands non-registry keys to.
pub type OnConfig = Box<dyn Followed>;

/// A store that remembers what this master wrote under the synced prefixes.
pub struct Echo {
    inner: SharedStore,
    own: Mutex<HashMap<String, VecDeque<u64>>>,
}

impl Echo {
    pub fn new(inner: SharedStore) -> Self {
        Self { inner, own: Mutex::new(HashMap::new()) }
    }

    fn remember(&self, key: &str, value: Option<&[u8]>) {
        if !synced(key) {
            return;
        }
        let mut own = self.own.lock().unwrap_or_else(|p| p.into_inner());
        let q = own.entry(key.to_string()).or_default();
        if q.len() >= REMEMBER {
            q.pop_front();
        }
        q.push_back(digest(value));
    }

    /// Whether this master wrote `value` (None: a delete) under `key`; forgets it.
    pub fn is_own(&self, key: &str, value: Option<&[u8]>) -> bool {
        let d = digest(value);
        let mut own = self.own.lock().unwrap_or_else(|p| p.into_inner());
        let Some(q) = own.get_mut(key) else { return false };
        let Some(i) = q.iter().position(|x| *x == d) else { return false };
        // Older entries were overtaken by this one.
        q.drain(..=i);
        if q.is_empty() {
            own.remove(key);
        }
        true
    }
}

#[async_trait]
impl Store for Echo {
    fn backend(&self) -> &'static str {
        self.inner.backend()
    }
    async fn get(&self, key: &str) -> Result<Option<Versioned>, StoreError> {
        self.inner.get(key).await
    }
    async fn put(&self, key: &str, value: Vec<u8>) -> Result<u64, StoreError> {
        self.remember(key, Some(&value));
        self.inner.put(key, value).await
    }
    async fn put_if(&self, key: &str, expected: Option<u64>, value: Vec<u8>) -> Result<Option<u64>, StoreError> {
        self.remember(key, Some(&value));
        self.inner.put_if(key, expected, value).await
    }
    async fn delete(&self, key: &str) -> Result<bool, StoreError> {
        self.remember(key, None);
        self.inner.delete(key).await
    }
    async fn list(&self, prefix: &str) -> Result<Vec<(String, Versioned)>, StoreError> {
        self.inner.list(prefix).await
    }
    async fn health(&self) -> Result<(), StoreError> {
        self.inner.health().await
    }
    async fn write_batch(&self, ops: Vec<(String, Option<Vec<u8>>)>) -> Result<(), StoreError> {
        for (k, v) in &ops {
            self.remember(k, v.as_deref());
        }
        self.inner.write_batch(ops).await
    }
}

fn apply(registry: &Registry, echo: &Echo, on_config: &OnConfig, key: &str, value: Option<&[u8]>) {
    if !synced(key) || echo.is_own(key, value) {
        return;
    }
    if on_config.follows(key) {
        on_config.changed(key, value);
        return;
    }
    if key.starts_with(&format!("{PREFIX}events/")) {
        // Pruned events stay in memory until they age out there.
        if let Some(Ok(ev)) = value.map(Event::decode) {
            registry.apply_remote_event(ev);
        }
        return;
    }
    let Some(name) = key.strip_prefix(&format!("{PREFIX}nodes/")) else { return };
    match value {
        Some(bytes) => match Node::decode(bytes) {
            Ok(node) if node.name == name => registry.apply_remote(node),
            Ok(_) | Err(_) => warn!(key, "ignoring an undecodable node record from another master"),
        },
        None => registry.remove_remote(name),
    }
}

/// Follows the store until shutdown.
///
/// The watch starts at the revision of a full read of the prefix, so nothing
/// written between the two is missed. A watch that breaks (a member killed,
/// a connection reset) is re-opened at once on the next endpoint from the
/// revision after the last event seen: etcd replays what happened meanwhile,
/// and no re-read is needed. Only when that revision was compacted away is
/// everything re-read (every followed prefix) before watching again.
pub async fn run(
    etcd: crate::store::EtcdStore,
    registry: Arc<Registry>,
    echo: Arc<Echo>,
    on_config: OnConfig,
    mut shutdown: watch::Receiver<bool>,
) {
    // The revision to watch from; None: re-read everything first.
    let mut from: Option<i64> = None;
    let mut failures = 0u32;
    loop {
        if failures >= 2 {
            // Every endpoint tried lately: wait a little before the next round.
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(200)) => {}
                _ = crate::stopped(&mut shutdown) => return,
            }
        }
        let (at, client) = etcd.endpoint();
        let start = match from {
            Some(r) => r,
            None => {
                let read = tokio::select! {
                    r = resync(&client, &registry, &on_config) => r,
                    _ = crate::stopped(&mut shutdown) => return,
                };
                match read {
                    Ok(rev) => rev + 1,
                    Err(e) => {
                        warn!(error = %e, "cannot read the store to follow the other masters; retrying");
                        etcd.failed(at);
                        failures += 1;
                        continue;
                    }
                }
            }
        };
        from = Some(start);
        let mut w = client.watch_client();
        let opts = WatchOptions::new().with_prefix().with_start_revision(start);
        let opened = tokio::select! {
            r = tokio::time::timeout(Duration::from_secs(2), w.watch(PREFIX, Some(opts))) => r,
            _ = crate::stopped(&mut shutdown) => return,
        };
        let mut stream = match opened {
            Ok(Ok(s)) => s,
            Ok(Err(e)) => {
                debug!(error = %e, "cannot watch the other masters' changes here; trying the next endpoint");
                etcd.failed(at);
                failures += 1;
                continue;
            }
            Err(_) => {
                debug!("no answer to a watch request; trying the next endpoint");
                etcd.failed(at);
                failures += 1;
                continue;
            }
        };
        loop {
            let msg = tokio::select! {
                m = stream.message() => m,
                _ = crate::stopped(&mut shutdown) => return,
            };
            match msg {
                Ok(Some(resp)) if resp.compact_revision() > 0 => {
                    warn!(compacted = resp.compact_revision(), "changes were compacted away; re-reading the store");
                    from = None;
                    break;
                }
                Ok(Some(resp)) if resp.canceled() => {
                    warn!(reason = resp.cancel_reason(), "the watch on other masters' changes was cancelled");
                    break;
                }
                Ok(Some(resp)) => {
                    failures = 0;
                    for ev in resp.events() {
                        let Some(kv) = ev.kv() else { continue };
                        from = Some(from.unwrap_or(0).max(kv.mod_revision() + 1));
                        let Ok(key) = kv.key_str() else { continue };
                        match ev.event_type() {
                            EventType::Put => apply(&registry, &echo, &on_config, key, Some(kv.value())),
                            EventType::Delete => apply(&registry, &echo, &on_config, key, None),
                        }
                    }
                }
                Ok(None) | Err(_) => {
                    debug!("watch on other masters' changes ended; re-opening it on the next endpoint");
                    etcd.failed(at);
                    failures += 1;
                    break;
                }
            }
        }
    }
}

/// Re-reads every followed prefix (nodes, events, agent config, topology,
/// workloads) as if each record had just been written; returns the store
/// revision the read saw.
async fn resync(client: &etcd_client::Client, registry: &Registry, on_config: &OnConfig) -> Result<i64, String> {
    let mut kv = client.kv_client();
    let read = kv.get(PREFIX, Some(etcd_client::GetOptions::new().with_prefix()));
    let resp = match tokio::time::timeout(Duration::from_secs(5), read).await {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => return Err(e.to_string()),
        Err(_) => return Err("etcd did not answer in time".into()),
    };
    let revision = resp.header().map(|h| h.revision()).unwrap_or(0);
    let nodes_prefix = format!("{PREFIX}nodes/");
    let mut seen = HashSet::new();
    let mut held: HashSet<String> = HashSet::new();
    let floor = registry.events_floor();
    for kv in resp.kvs() {
        let Ok(key) = kv.key_str() else { continue };
        if let Some(name) = key.strip_prefix(&nodes_prefix) {
            seen.insert(name.to_string());
            if let Ok(node) = Node::decode(kv.value()) {
                if registry.get(&node.name).is_some_and(|mine| *mine == node) {
                    continue;
                }
                // A node with its session here takes only the admin part.
                registry.apply_remote(node);
            }
        } else if key.starts_with(&format!("{PREFIX}events/")) {
            // Ones already listed are recognised there; older ones than
            // this master keeps in memory are not news.
            if let Ok(ev) = Event::decode(kv.value())
                && ev.seq >= floor
            {
                registry.apply_remote_event(ev);
            }
        } else if on_config.follows(key) {
            held.insert(key.to_string());
            on_config.changed(key, Some(kv.value()));
        }
    }
    for n in registry.list() {
        if !seen.contains(&n.name) {
            registry.remove_remote(&n.name);
        }
    }
    // What this master holds that was deleted while the watch was down.
    for key in on_config.held() {
        if !held.contains(&key) {
            on_config.changed(&key, None);
        }
    }
    Ok(revision)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn own_writes_are_recognised_once_and_others_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let inner: SharedStore = Arc::new(crate::store::EmbeddedStore::open(&dir.path().join("s.redb")).unwrap());
        let echo = Echo::new(inner);
        let key = format!("{PREFIX}nodes/d1");
        echo.put(&key, b"one".to_vec()).await.unwrap();
        echo.write_batch(vec![(key.clone(), Some(b"two".to_vec())), (key.clone(), None)]).await.unwrap();
        // The echo of "two" also drops "one" (overtaken).
        assert!(echo.is_own(&key, Some(b"two")));
        assert!(!echo.is_own(&key, Some(b"one")));
        assert!(echo.is_own(&key, None));
        assert!(!echo.is_own(&key, None), "recognised once");
        assert!(!echo.is_own(&key, Some(b"from another master")));
        // Keys outside the followed prefixes are not remembered.
        let other = format!("{PREFIX}tokens/x");
        echo.put(&other, b"t".to_vec()).await.unwrap();
        assert!(!echo.is_own(&other, Some(b"t")));
    }
}
