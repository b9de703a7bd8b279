//! Secrets at rest in a shared store: values under [`SEALED_PREFIXES`] (the
//! bootstrap token records) are encrypted with AES-256-GCM before they leave
//! the master, with a key kept only in the master's data dir (`store.key`,
//! 0600). Used with etcd, whose data other parties (etcd operators, backups)
//! can read; the embedded store already lives next to the key.
//!
//! Sealed value: `PSE1` || 12-byte random nonce || ciphertext+tag, with the
//! store key as associated data, so a record moved to another key does not
//! decrypt. Values without the magic (written before encryption was on) are
//! read as they are and sealed on their next write.

use std::path::Path;

use async_trait::async_trait;
use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use thiserror::Error;

use crate::store::{PREFIX, SharedStore, Store, StoreError, Versioned};

/// Key file in the data dir.
pub const KEY_FILE: &str = "store.key";
/// Prefixes whose values are sealed.
pub const SEALED_PREFIXES: &[&str] = &["tokens/"];
const MAGIC: &[u8; 4] = b"PSE1";

/// Why the store key could not be loaded or made.
#[derive(Debug, Error)]
pub enum SecretsError {
    #[error("store key {path}: {reason}")]
    Key { path: String, reason: String },
}

/// The AES-256-GCM key.
pub struct SealKey {
    key: LessSafeKey,
    rng: SystemRandom,
}

impl SealKey {
    /// Loads `dir/store.key`, creating it (32 random bytes, 0600) when absent.
    pub fn load_or_create(dir: &Path) -> Result<Self, SecretsError> {
        let path = dir.join(KEY_FILE);
        let err = |reason: String| SecretsError::Key { path: path.display().to_string(), reason };
        let rng = SystemRandom::new();
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut b = vec![0u8; 32];
                rng.fill(&mut b).map_err(|_| err("no randomness for a new key".into()))?;
                piccolo_common::files::write_private(&path, &b).map_err(|e| err(e.to_string()))?;
                b
            }
            Err(e) => return Err(err(format!("cannot read it: {e}"))),
        };
        let unbound = UnboundKey::new(&AES_256_GCM, &bytes)
            .map_err(|_| err(format!("must hold 32 bytes, has {}; restore the right file", bytes.len())))?;
        Ok(Self { key: LessSafeKey::new(unbound), rng })
    }

    fn seal(&self, key: &str, plain: &[u8]) -> Result<Vec<u8>, StoreError> {
        let mut nonce = [0u8; NONCE_LEN];
        self.rng.fill(&mut nonce).map_err(|_| StoreError::Backend("no randomness for a nonce".into()))?;
        let mut buf = plain.to_vec();
        self.key
            .seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::from(key.as_bytes()), &mut buf)
            .map_err(|_| StoreError::Backend(format!("cannot encrypt {key}")))?;
        let mut out = Vec::with_capacity(MAGIC.len() + NONCE_LEN + buf.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&buf);
        Ok(out)
    }

    fn open(&self, key: &str, stored: Vec<u8>) -> Result<Vec<u8>, StoreError> {
        let Some(rest) = stored.strip_prefix(MAGIC.as_slice()) else { return Ok(stored) };
        let bad = |reason: &str| StoreError::Decode { key: key.to_string(), reason: reason.to_string() };
        if rest.len() < NONCE_LEN {
            return Err(bad("sealed value is truncated"));
        }
        let (nonce, sealed) = rest.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| bad("bad nonce"))?;
        let mut buf = sealed.to_vec();
        let plain = self.key.open_in_place(nonce, Aad::from(key.as_bytes()), &mut buf).map_err(|_| {
            bad("cannot decrypt: the data dir's store.key is not the one it was sealed with, or the value was altered")
        })?;
        Ok(plain.to_vec())
    }
}

fn sealed(key: &str) -> bool {
    key.strip_prefix(PREFIX).is_some_and(|k| SEALED_PREFIXES.iter().any(|p| k.starts_with(p)))
}

/// A store whose sensitive values are sealed.
pub struct Sealed {
    inner: SharedStore,
    key: SealKey,
}

impl Sealed {
    pub fn new(inner: SharedStore, key: SealKey) -> Self {
        Self { inner, key }
    }

    fn seal(&self, key: &str, value: Vec<u8>) -> Result<Vec<u8>, StoreError> {
        if sealed(key) { self.key.seal(key, &value) } else { Ok(value) }
    }

    fn open(&self, key: &str, mut v: Versioned) -> Result<Versioned, StoreError> {
        if sealed(key) {
            v.value = self.key.open(key, v.value)?;
        }
        Ok(v)
    }
}

#[async_trait]
impl Store for Sealed {
    fn backend(&self) -> &'static str {
        self.inner.backend()
    }
    async fn get(&self, key: &str) -> Result<Option<Versioned>, StoreError> {
        self.inner.get(key).await?.map(|v| self.open(key, v)).transpose()
    }
    async fn put(&self, key: &str, value: Vec<u8>) -> Result<u64, StoreError> {
        let value = self.seal(key, value)?;
        self.inner.put(key, value).await
    }
    async fn put_if(&self, key: &str, expected: Option<u64>, value: Vec<u8>) -> Result<Option<u64>, StoreError> {
        let value = self.seal(key, value)?;
        self.inner.put_if(key, expected, value).await
    }
    async fn delete(&self, key: &str) -> Result<bool, StoreError> {
        self.inner.delete(key).await
    }
    async fn list(&self, prefix: &str) -> Result<Vec<(String, Versioned)>, StoreError> {
        self.inner.list(prefix).await?.into_iter().map(|(k, v)| self.open(&k, v).map(|v| (k, v))).collect()
    }
    async fn health(&self) -> Result<(), StoreError> {
        self.inner.health().await
    }
    async fn write_batch(&self, ops: Vec<(String, Option<Vec<u8>>)>) -> Result<(), StoreError> {
        // Forwarded as one batch (the default would write key by key).
        let ops = ops
            .into_iter()
            .map(|(k, v)| Ok((k.clone(), v.map(|v| self.seal(&k, v)).transpose()?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        self.inner.write_batch(ops).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{EmbeddedStore, token_key};

    #[tokio::test]
    async fn token_values_are_sealed_bound_to_their_key_and_others_are_not() {
        let dir = tempfile::tempdir().expect("tmp");
        let raw: SharedStore = std::sync::Arc::new(EmbeddedStore::open(&dir.path().join("s.redb")).expect("store"));
        let store = Sealed::new(raw.clone(), SealKey::load_or_create(dir.path()).expect("key"));
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join(KEY_FILE)).expect("key").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        store.put(&token_key("abcdef"), b"secret-hash".to_vec()).await.expect("put");
        store.put(&crate::store::node_key("n"), b"plain".to_vec()).await.expect("put");
        let at_rest = raw.get(&token_key("abcdef")).await.expect("get").expect("some").value;
        assert!(at_rest.starts_with(MAGIC) && !at_rest.windows(11).any(|w| w == b"secret-hash"));
        assert_eq!(raw.get(&crate::store::node_key("n")).await.expect("get").expect("some").value, b"plain");
        assert_eq!(store.get(&token_key("abcdef")).await.expect("get").expect("some").value, b"secret-hash");
        let listed = store.list(&format!("{PREFIX}tokens/")).await.expect("list");
        assert_eq!(listed[0].1.value, b"secret-hash");
        // A batch is sealed too (and forwarded as one batch).
        store.write_batch(vec![(token_key("batch1"), Some(b"secret-two".to_vec()))]).await.expect("batch");
        assert!(raw.get(&token_key("batch1")).await.expect("get").expect("some").value.starts_with(MAGIC));
        assert_eq!(store.get(&token_key("batch1")).await.expect("get").expect("some").value, b"secret-two");
        // Moved to another key: refused.
        raw.put(&token_key("zzzzzz"), at_rest.clone()).await.expect("put");
        let err = store.get(&token_key("zzzzzz")).await.expect_err("bound to its key");
        assert!(err.to_string().contains("cannot decrypt"), "{err}");
        // Another key file: refused with the reason.
        let other = tempfile::tempdir().expect("tmp");
        let wrong = Sealed::new(raw.clone(), SealKey::load_or_create(other.path()).expect("key"));
        assert!(wrong.get(&token_key("abcdef")).await.is_err());
        // Reloading the same file gives the same key.
        let again = Sealed::new(raw, SealKey::load_or_create(dir.path()).expect("key"));
        assert_eq!(again.get(&token_key("abcdef")).await.expect("get").expect("some").value, b"secret-hash");
    }
}
