//! The cluster store: one trait, two backends (`embedded`, a single redb file in
//! the data dir; `etcd`), both held to the same conformance suite
//! (`tests/store_conformance.rs`); [`open`] opens the one a config names. Keys live under [`PREFIX`]; values are
//! protobuf bytes written by the callers. Versions are per-key and increase on
//! every write, so callers can compare-and-set.

mod embedded;
#[cfg(feature = "etcd")]
mod etcd;
pub(crate) mod open;

use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use thiserror::Error;

pub use embedded::EmbeddedStore;
#[cfg(feature = "etcd")]
pub use etcd::{EtcdStore, EtcdTls};
pub use open::{OpenError, open};

/// Every key Piccolo writes starts with this.
pub const PREFIX: &str = "/piccolo/v1/";

/// Key of a node record.
pub fn node_key(name: &str) -> String {
    format!("{PREFIX}nodes/{name}")
}
/// Key of a bootstrap token record.
pub fn token_key(id: &str) -> String {
    format!("{PREFIX}tokens/{id}")
}
/// Key of an event (zero-padded so keys sort by sequence).
pub fn event_key(seq: u64) -> String {
    format!("{PREFIX}events/{seq:020}")
}
/// Key of the cluster topology.
pub fn topology_key() -> String {
    format!("{PREFIX}topology")
}

/// A value and the version it was read at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versioned {
    pub value: Vec<u8>,
    pub version: u64,
}

/// What can go wrong talking to a store.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("store unavailable: {0}")]
    Unavailable(String),
    #[error("store file {path} is unusable: {reason} (move it aside to start empty, or restore a backup)")]
    Corrupt { path: String, reason: String },
    #[error("store operation failed: {0}")]
    Backend(String),
    #[error("stored value under {key} is undecodable: {reason}")]
    Decode { key: String, reason: String },
}

/// The operations the master needs from a store.
#[async_trait]
pub trait Store: Send + Sync {
    /// `embedded` or `etcd`.
    fn backend(&self) -> &'static str;
    async fn get(&self, key: &str) -> Result<Option<Versioned>, StoreError>;
    /// Unconditional write; returns the new version.
    async fn put(&self, key: &str, value: Vec<u8>) -> Result<u64, StoreError>;
    /// Writes only if the key's version is `expected` (`None`: only if absent).
    /// Returns the new version, or `None` when the condition failed.
    async fn put_if(&self, key: &str, expected: Option<u64>, value: Vec<u8>) -> Result<Option<u64>, StoreError>;
    /// Deletes a key; returns whether it existed.
    async fn delete(&self, key: &str) -> Result<bool, StoreError>;
    /// Every key under `prefix`, sorted by key, with its value: one
    /// consistent snapshot however many there are (etcd: read in pages at
    /// one revision, so no single response nears gRPC's 4 MiB limit).
    async fn list(&self, prefix: &str) -> Result<Vec<(String, Versioned)>, StoreError>;
    /// Every key under `prefix`, sorted, without the values (etcd: a
    /// keys-only read; what pruning needs).
    async fn list_keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        Ok(self.list(prefix).await?.into_iter().map(|(k, _)| k).collect())
    }
    /// Succeeds when the store answers.
    async fn health(&self) -> Result<(), StoreError>;
    /// Unconditional writes (`Some`) and deletes (`None`), applied in order.
    /// Backends make a batch one transaction where they can (redb: one commit
    /// instead of one per key; etcd: one Txn per [`MAX_BATCH`] keys), which is
    /// what lets the write-behind keep up with a large fleet. Either the whole
    /// batch applied or the error says it failed (a backend that splits a
    /// batch may have applied a prefix of it; rewriting it is harmless).
    async fn write_batch(&self, ops: Vec<(String, Option<Vec<u8>>)>) -> Result<(), StoreError> {
        for (key, value) in ops {
            match value {
                Some(v) => self.put(&key, v).await.map(|_| ())?,
                None => self.delete(&key).await.map(|_| ())?,
            }
        }
        Ok(())
    }
}

/// Most keys one [`Store::write_batch`] call takes (etcd's default limit of
/// operations per transaction).
pub const MAX_BATCH: usize = 128;

/// Shared handle to whichever backend is configured.
pub type SharedStore = Arc<dyn Store>;

/// Wraps a store and records each operation's latency in the metrics.
pub struct Timed<S> {
    inner: S,
    observe: Box<dyn Fn(&'static str, Duration) + Send + Sync>,
}

impl<S> Timed<S> {
    pub fn new(inner: S, observe: impl Fn(&'static str, Duration) + Send + Sync + 'static) -> Self {
        Self { inner, observe: Box::new(observe) }
    }
}

#[async_trait]
impl<S: Store> Store for Timed<S> {
    fn backend(&self) -> &'static str {
        self.inner.backend()
    }
    async fn get(&self, key: &str) -> Result<Option<Versioned>, StoreError> {
        let t = Instant::now();
        let r = self.inner.get(key).await;
        (self.observe)("get", t.elapsed());
        r
    }
    async fn put(&self, key: &str, value: Vec<u8>) -> Result<u64, StoreError> {
        let t = Instant::now();
        let r = self.inner.put(key, value).await;
        (self.observe)("put", t.elapsed());
        r
    }
    async fn put_if(&self, key: &str, expected: Option<u64>, value: Vec<u8>) -> Result<Option<u64>, StoreError> {
        let t = Instant::now();
        let r = self.inner.put_if(key, expected, value).await;
        (self.observe)("put_if", t.elapsed());
        r
    }
    async fn delete(&self, key: &str) -> Result<bool, StoreError> {
        let t = Instant::now();
        let r = self.inner.delete(key).await;
        (self.observe)("delete", t.elapsed());
        r
    }
    async fn list(&self, prefix: &str) -> Result<Vec<(String, Versioned)>, StoreError> {
        let t = Instant::now();
        let r = self.inner.list(prefix).await;
        (self.observe)("list", t.elapsed());
        r
    }
    async fn health(&self) -> Result<(), StoreError> {
        self.inner.health().await
    }
    async fn write_batch(&self, ops: Vec<(String, Option<Vec<u8>>)>) -> Result<(), StoreError> {
        let t = Instant::now();
        let r = self.inner.write_batch(ops).await;
        (self.observe)("write_batch", t.elapsed());
        r
    }
}
