//! Backup and restore of a whole cluster. A backup is a consistent snapshot of
//! every key the store holds under `/piccolo/v1/` (nodes, tokens, events,
//! topology, agent config) plus the cluster CA, so that a new master restored
//! from it accepts the agents' existing certificates. The file is framed by
//! `piccolo_common::backup` (magic, version, length, SHA-256) and is secret:
//! it holds the CA key.
//!
//! Restore runs before a new master's first start, into an empty data dir and
//! an empty store of either backend, which is also how a cluster moves from the
//! embedded store to etcd.

use std::path::Path;
use std::sync::Arc;

use piccolo_common::backup::{BackupFormatError, frame, unframe};
use piccolo_common::time::now_ms;
use piccolo_proto::{BackupArchive, BackupEntry, Event};
use prost::Message;
use thiserror::Error;

use crate::ca::{CA_CERT_FILE, CA_KEY_FILE, CaError, ClusterCa, write_private, write_public};
use crate::config::MasterConfig;
use crate::metrics::Metrics;
use crate::persister::Persister;
use crate::store::{PREFIX, SharedStore, StoreError, event_key};

/// What can go wrong taking or restoring a backup.
#[derive(Debug, Error)]
pub enum BackupError {
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error(transparent)]
    Format(#[from] BackupFormatError),
    #[error("the backup file is corrupt: its contents do not decode ({0})")]
    Decode(String),
    #[error("the backup file is not usable: {0}")]
    Invalid(String),
    #[error(
        "the store still has {0} write(s) pending (it is degraded); a backup now would miss them: retry when /healthz says ok"
    )]
    Pending(usize),
    #[error(
        "{0} already holds a cluster CA: restore sets up a NEW master; use an empty --data-dir (move the old one aside)"
    )]
    DataDirInUse(String),
    #[error(
        "the target {backend} store already holds {what} under {PREFIX}: restore needs an empty store (embedded: remove store.redb; etcd: `etcdctl del --prefix {PREFIX}`)"
    )]
    StoreNotEmpty { backend: &'static str, what: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Ca(#[from] CaError),
    #[error(transparent)]
    DataDir(#[from] crate::data_dir::DataDirError),
    #[error(transparent)]
    Open(#[from] crate::store::OpenError),
}

/// Counts of what a backup holds, for messages.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub nodes: usize,
    pub tokens: usize,
    pub events: usize,
    pub other: usize,
    pub source_store: String,
    pub created_at_ms: i64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} nodes, {} tokens, {} events, {} other keys, from the {} store",
            self.nodes, self.tokens, self.events, self.other, self.source_store
        )
    }
}

/// What a decoded archive holds.
pub fn summarize(a: &BackupArchive) -> Summary {
    let mut s = Summary { source_store: a.source_store.clone(), created_at_ms: a.created_at_ms, ..Default::default() };
    for e in &a.entries {
        let rest = e.key.strip_prefix(PREFIX).unwrap_or(&e.key);
        match rest.split('/').next() {
            Some("nodes") => s.nodes += 1,
            Some("tokens") => s.tokens += 1,
            Some("events") => s.events += 1,
            _ => s.other += 1,
        }
    }
    s
}

/// What a backup is taken from.
#[derive(Clone)]
pub struct Source {
    pub store: SharedStore,
    pub persister: Arc<Persister>,
    pub ca: Arc<ClusterCa>,
    pub ca_hash: String,
}

/// Takes a consistent snapshot: pending write-behind is flushed first, then
/// every key is read in one store read (one redb read transaction, one etcd
/// range at one revision). Returns the framed file bytes.
pub async fn snapshot(state: &Source) -> Result<(Vec<u8>, Summary), BackupError> {
    state.persister.flush().await;
    let pending = state.persister.backlog();
    if pending > 0 {
        return Err(BackupError::Pending(pending));
    }
    let entries = state
        .store
        .list(PREFIX)
        .await?
        .into_iter()
        .filter(|(key, _)| !crate::cluster::is_ephemeral(key))
        .map(|(key, v)| BackupEntry { key, value: v.value })
        .collect();
    let archive = BackupArchive {
        created_at_ms: now_ms(),
        master_version: env!("CARGO_PKG_VERSION").into(),
        source_store: state.store.backend().into(),
        ca_cert_hash: state.ca_hash.clone(),
        ca_certificate_pem: state.ca.cert_pem().to_string(),
        ca_key_pem: state.ca.key_pem(),
        entries,
    };
    let summary = summarize(&archive);
    Ok((frame(&archive.encode_to_vec()), summary))
}

/// Checks the framing, decodes and validates a backup file's bytes.
pub fn decode(file: &[u8]) -> Result<BackupArchive, BackupError> {
    let body = unframe(file)?;
    let a = BackupArchive::decode(body).map_err(|e| BackupError::Decode(e.to_string()))?;
    if a.ca_certificate_pem.is_empty() || a.ca_key_pem.is_empty() {
        return Err(BackupError::Invalid("it has no cluster CA".into()));
    }
    ClusterCa::check_pair(&a.ca_certificate_pem, &a.ca_key_pem)
        .map_err(|e| BackupError::Invalid(format!("its CA: {e}")))?;
    let der = piccolo_common::pem::certs(&a.ca_certificate_pem)
        .map_err(|e| BackupError::Invalid(format!("its CA certificate: {e}")))?;
    let hash = der.first().map(|d| piccolo_common::pem::fingerprint(d)).unwrap_or_default();
    if hash != a.ca_cert_hash {
        return Err(BackupError::Invalid(format!("its CA hash {} does not match its certificate", a.ca_cert_hash)));
    }
    if let Some(e) = a.entries.iter().find(|e| !e.key.starts_with(PREFIX)) {
        return Err(BackupError::Invalid(format!("key {:?} is outside {PREFIX}", e.key)));
    }
    Ok(a)
}

/// Reads and validates a backup file.
pub fn read_file(path: &Path) -> Result<BackupArchive, BackupError> {
    let bytes = std::fs::read(path)
        .map_err(|e| BackupError::Read { path: path.display().to_string(), reason: e.to_string() })?;
    decode(&bytes)
}

/// Restores `archive` into the data dir and store `cfg` names. Refuses a data
/// dir that already has a CA and a store that already has cluster keys, so an
/// existing cluster is never overwritten.
pub async fn restore(cfg: &MasterConfig, archive: &BackupArchive) -> Result<Summary, BackupError> {
    let dir = &cfg.data_dir;
    if dir.join(CA_CERT_FILE).exists() || dir.join(CA_KEY_FILE).exists() {
        return Err(BackupError::DataDirInUse(dir.display().to_string()));
    }
    crate::data_dir::prepare(dir)?;
    let store = crate::store::open(cfg, &Arc::new(Metrics::new())).await?;
    let existing = match store.list(PREFIX).await {
        Ok(existing) if existing.is_empty() => None,
        Ok(existing) => Some(format!("{} key(s)", existing.len())),
        // Values sealed with another master's store.key: a cluster is there.
        Err(StoreError::Decode { .. }) => Some("keys sealed by another master".to_string()),
        Err(e) => return Err(e.into()),
    };
    if let Some(what) = existing {
        return Err(BackupError::StoreNotEmpty { backend: store.backend(), what });
    }
    for e in &archive.entries {
        store.put(&e.key, e.value.clone()).await?;
    }
    // History says where this cluster came from; the event follows the last one restored.
    let last_seq = archive
        .entries
        .iter()
        .filter(|e| e.key.starts_with(&format!("{PREFIX}events/")))
        .filter_map(|e| Event::decode(e.value.as_slice()).ok())
        .map(|e| e.seq)
        .max()
        .unwrap_or(0);
    let ev = Event {
        seq: last_seq + 1,
        time_ms: now_ms(),
        kind: crate::events::EventKind::Restored.into(),
        message: format!(
            "restored from a backup of the {} store taken at {} ms since the epoch",
            archive.source_store, archive.created_at_ms
        ),
        ..Default::default()
    };
    store.put(&event_key(ev.seq), ev.encode_to_vec()).await?;
    // The CA goes last: a data dir with a CA is a finished restore.
    write_private(&dir.join(CA_KEY_FILE), archive.ca_key_pem.as_bytes())?;
    write_public(&dir.join(CA_CERT_FILE), archive.ca_certificate_pem.as_bytes())?;
    Ok(summarize(archive))
}
