//! The embedded backend: one redb file (`store.redb`) in the master's data dir.
//! Each value is stored as an 8-byte big-endian version followed by the bytes;
//! versions come from one counter kept in the same transaction, so they never
//! repeat even across deletes. redb is synchronous: calls run on the blocking pool.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};

use super::{Store, StoreError, Versioned};

const KV: TableDefinition<&str, &[u8]> = TableDefinition::new("kv");
const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
const REVISION: &str = "revision";

/// A store in a single transactional file.
#[derive(Clone)]
pub struct EmbeddedStore {
    /// The open database; `None` after an I/O error (a full disk), reopened
    /// on the next call, because redb refuses every later call on the same
    /// handle ("previous I/O error") even once the disk has room again.
    db: Arc<Mutex<Option<Arc<Database>>>>,
    path: PathBuf,
}

/// How redb reports a handle spoiled by an earlier I/O error.
const PREVIOUS_IO: &str = "Previous I/O error";

fn backend(e: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(e.to_string())
}

fn decode(key: &str, raw: &[u8]) -> Result<Versioned, StoreError> {
    if raw.len() < 8 {
        return Err(StoreError::Decode { key: key.to_string(), reason: "record shorter than its header".into() });
    }
    let (v, value) = raw.split_at(8);
    let mut ver = [0u8; 8];
    ver.copy_from_slice(v);
    Ok(Versioned { value: value.to_vec(), version: u64::from_be_bytes(ver) })
}

fn encode(version: u64, value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + value.len());
    out.extend_from_slice(&version.to_be_bytes());
    out.extend_from_slice(value);
    out
}

impl EmbeddedStore {
    /// Opens (or creates) the store file.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let corrupt =
            |e: &dyn std::fmt::Display| StoreError::Corrupt { path: path.display().to_string(), reason: e.to_string() };
        let db = Database::create(path).map_err(|e| corrupt(&e))?;
        let txn = db.begin_write().map_err(|e| corrupt(&e))?;
        {
            txn.open_table(KV).map_err(|e| corrupt(&e))?;
            txn.open_table(META).map_err(|e| corrupt(&e))?;
        }
        txn.commit().map_err(|e| corrupt(&e))?;
        Ok(Self { db: Arc::new(Mutex::new(Some(Arc::new(db)))), path: path.to_path_buf() })
    }

    /// Where the file lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Database) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let slot = self.db.clone();
        let path = self.path.clone();
        tokio::task::spawn_blocking(move || {
            let db = {
                let mut g = slot.lock().unwrap_or_else(|p| p.into_inner());
                if g.is_none() {
                    *g = Some(Arc::new(Database::create(&path).map_err(backend)?));
                    tracing::info!(path = %path.display(), "reopened the store after an I/O error");
                }
                g.as_ref().map(Arc::clone).ok_or_else(|| backend("store not open"))?
            };
            let result = f(&db);
            if let Err(StoreError::Backend(msg)) = &result
                && msg.contains(PREVIOUS_IO)
            {
                let mut g = slot.lock().unwrap_or_else(|p| p.into_inner());
                if g.as_ref().is_some_and(|cur| Arc::ptr_eq(cur, &db)) {
                    *g = None;
                }
            }
            result
        })
        .await
        .map_err(backend)?
    }

    fn write(
        db: &Database,
        key: &str,
        expected: Option<Option<u64>>,
        value: Option<&[u8]>,
    ) -> Result<Option<u64>, StoreError> {
        let txn = db.begin_write().map_err(backend)?;
        let result = {
            let mut kv = txn.open_table(KV).map_err(backend)?;
            let mut meta = txn.open_table(META).map_err(backend)?;
            let current = match kv.get(key).map_err(backend)? {
                Some(raw) => Some(decode(key, raw.value())?.version),
                None => None,
            };
            if let Some(expected) = expected
                && expected != current
            {
                return Ok(None);
            }
            let rev = meta.get(REVISION).map_err(backend)?.map(|g| g.value()).unwrap_or(0) + 1;
            meta.insert(REVISION, rev).map_err(backend)?;
            match value {
                Some(v) => {
                    kv.insert(key, encode(rev, v).as_slice()).map_err(backend)?;
                    Some(rev)
                }
                None => kv.remove(key).map_err(backend)?.map(|_| rev),
            }
        };
        txn.commit().map_err(backend)?;
        Ok(result)
    }
}

#[async_trait]
impl Store for EmbeddedStore {
    fn backend(&self) -> &'static str {
        "embedded"
    }

    async fn get(&self, key: &str) -> Result<Option<Versioned>, StoreError> {
        let key = key.to_string();
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(backend)?;
            let kv = txn.open_table(KV).map_err(backend)?;
            match kv.get(key.as_str()).map_err(backend)? {
                Some(raw) => Ok(Some(decode(&key, raw.value())?)),
                None => Ok(None),
            }
        })
        .await
    }

    async fn put(&self, key: &str, value: Vec<u8>) -> Result<u64, StoreError> {
        let key = key.to_string();
        self.blocking(move |db| {
            Self::write(db, &key, None, Some(&value))?
                .ok_or_else(|| StoreError::Backend("unconditional write did not apply".into()))
        })
        .await
    }

    async fn put_if(&self, key: &str, expected: Option<u64>, value: Vec<u8>) -> Result<Option<u64>, StoreError> {
        let key = key.to_string();
        self.blocking(move |db| Self::write(db, &key, Some(expected), Some(&value))).await
    }

    async fn delete(&self, key: &str) -> Result<bool, StoreError> {
        let key = key.to_string();
        self.blocking(move |db| Ok(Self::write(db, &key, None, None)?.is_some())).await
    }

    async fn list(&self, prefix: &str) -> Result<Vec<(String, Versioned)>, StoreError> {
        let prefix = prefix.to_string();
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(backend)?;
            let kv = txn.open_table(KV).map_err(backend)?;
            let mut out = Vec::new();
            for item in kv.range(prefix.as_str()..).map_err(backend)? {
                let (k, v) = item.map_err(backend)?;
                let k = k.value();
                if !k.starts_with(prefix.as_str()) {
                    break;
                }
                out.push((k.to_string(), decode(k, v.value())?));
            }
            Ok(out)
        })
        .await
    }

    async fn health(&self) -> Result<(), StoreError> {
        self.blocking(|db| db.begin_read().map(|_| ()).map_err(backend)).await
    }

    async fn write_batch(&self, ops: Vec<(String, Option<Vec<u8>>)>) -> Result<(), StoreError> {
        if ops.is_empty() {
            return Ok(());
        }
        self.blocking(move |db| {
            // One commit (one fsync) for the whole batch.
            let txn = db.begin_write().map_err(backend)?;
            {
                let mut kv = txn.open_table(KV).map_err(backend)?;
                let mut meta = txn.open_table(META).map_err(backend)?;
                let mut rev = meta.get(REVISION).map_err(backend)?.map(|g| g.value()).unwrap_or(0);
                for (key, value) in &ops {
                    rev += 1;
                    match value {
                        Some(v) => {
                            kv.insert(key.as_str(), encode(rev, v).as_slice()).map_err(backend)?;
                        }
                        None => {
                            kv.remove(key.as_str()).map_err(backend)?;
                        }
                    }
                }
                meta.insert(REVISION, rev).map_err(backend)?;
            }
            txn.commit().map_err(backend)
        })
        .await
    }
}
