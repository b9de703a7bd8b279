//! One view across masters: an etcd watch on the node records and events
//! brings the other masters' writes into this master's registry within a
//! watch round trip (the admin API then answers the same on every master).
//! Tokens and the workloads' records are read from the store where they are
//! used; topology and agent config are not followed yet (docs/HA.md).
//!
//! This master's own writes come back through the watch too; [`Echo`], the
//! store wrapper every write passes, remembers a hash of each value written
//! per key so the watch can tell an echo (ignored: memory is already newer
//! or equal) from another master's write. A watch that breaks (etcd away,
//! compaction) is re-opened after a full re-read of the records.

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
}

/// What the watch hands to the rest of the master besides the registry.
pub type OnConfig = Box<dyn Fn(&str, Option<&[u8]>) + Send + Sync>;

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
    if super::config_sync::followed(key) {
        on_config(key, value);
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

/// Follows the node records until shutdown.
pub async fn run(
    etcd: crate::store::EtcdStore,
    registry: Arc<Registry>,
    echo: Arc<Echo>,
    on_config: OnConfig,
    mut shutdown: watch::Receiver<bool>,
) {
    let prefix = PREFIX.to_string();
    let mut first = true;
    loop {
        if !first {
            // Whatever the watch missed while it was down.
            resync(&registry, &echo).await;
        }
        first = false;
        let mut w = etcd.client().watch_client();
        let stream = tokio::select! {
            r = w.watch(prefix.clone(), Some(WatchOptions::new().with_prefix())) => r,
            _ = crate::stopped(&mut shutdown) => return,
        };
        let mut stream = match stream {
            Ok(s) => s,
            Err(e) => {
                warn!(error = %e, "cannot watch the other masters' changes; retrying");
                etcd.next();
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_secs(1)) => continue,
                    _ = crate::stopped(&mut shutdown) => return,
                }
            }
        };
        loop {
            let msg = tokio::select! {
                m = stream.message() => m,
                _ = crate::stopped(&mut shutdown) => return,
            };
            match msg {
                Ok(Some(resp)) if resp.canceled() => {
                    warn!(reason = resp.cancel_reason(), "the watch on other masters' changes was cancelled");
                    break;
                }
                Ok(Some(resp)) => {
                    for ev in resp.events() {
                        let Some(kv) = ev.kv() else { continue };
                        let Ok(key) = kv.key_str() else { continue };
                        match ev.event_type() {
                            EventType::Put => apply(&registry, &echo, &on_config, key, Some(kv.value())),
                            EventType::Delete => apply(&registry, &echo, &on_config, key, None),
                        }
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    debug!(error = %e, "watch on other masters' changes ended");
                    etcd.next();
                    break;
                }
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(500)) => {}
            _ = crate::stopped(&mut shutdown) => return,
        }
    }
}

async fn resync(registry: &Registry, echo: &Echo) {
    let Ok(list) = echo.list(&format!("{PREFIX}nodes/")).await else { return };
    let mut seen = HashSet::new();
    for (key, v) in list {
        let name = key.strip_prefix(&format!("{PREFIX}nodes/")).unwrap_or_default().to_string();
        seen.insert(name);
        if let Ok(node) = Node::decode(v.value.as_slice()) {
            if registry.get(&node.name).is_some_and(|mine| *mine == node) {
                continue;
            }
            // A node with its session here takes only the admin part.
            registry.apply_remote(node);
        }
    }
    for n in registry.list() {
        if !seen.contains(&n.name) {
            registry.remove_remote(&n.name);
        }
    }
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
