//! The cluster secret and the sealed bundle in etcd that lets several
//! masters share one cluster.
//!
//! The first master on an empty etcd creates the CA (as a single master does),
//! writes a random 32-byte secret to `DATA_DIR/cluster.secret` (0600) and
//! stores at [`BUNDLE_KEY`] the CA certificate in clear plus, sealed with
//! AES-256-GCM under that secret, the CA key and the data-dir keys every
//! master must share (`store.key` for sealed token records, `console.key` for
//! console tokens). A master started with `--cluster-secret-file` opens the
//! bundle and writes those files into its own data dir: it makes no CA of its
//! own. A wrong secret, or a store that holds another cluster, is refused
//! before anything is written.
//!
//! Bundle: `PCB1` || u32 BE length || CA cert PEM || 12-byte nonce ||
//! sealed(files), the CA certificate being the associated data; files:
//! repeated (u16 BE name length, name, u32 BE length, bytes).

use std::path::{Path, PathBuf};

use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use thiserror::Error;

use crate::ca::{CA_CERT_FILE, CA_KEY_FILE, ClusterCa};
use crate::store::{PREFIX, Store, StoreError};

/// The secret's file name in the data dir.
pub const SECRET_FILE: &str = "cluster.secret";
/// Where the sealed bundle lives.
pub fn bundle_key() -> String {
    format!("{PREFIX}cluster/bundle")
}
const MAGIC: &[u8; 4] = b"PCB1";
/// Data-dir files every master of a cluster shares (beside the CA certificate).
const SHARED_FILES: &[&str] = &[CA_KEY_FILE, crate::secrets::KEY_FILE, crate::rest::token::KEY_FILE];

/// Why a master could not create or join the cluster. All are configuration
/// faults (exit 64) except a store that does not answer.
#[derive(Debug, Error)]
pub enum ClusterError {
    #[error(
        "the cluster secret in {file} does not open the cluster stored in etcd: it is the wrong secret, or these etcd endpoints hold another Piccolo cluster; copy DATA_DIR/{SECRET_FILE} from a master of this cluster"
    )]
    WrongSecret { file: String },
    #[error(
        "etcd already holds a Piccolo cluster; join it with --cluster-secret-file FILE (a copy of DATA_DIR/{SECRET_FILE} from one of its masters)"
    )]
    Exists,
    #[error(
        "etcd holds no Piccolo cluster to join; start the first master without --cluster-secret-file (it writes DATA_DIR/{SECRET_FILE}), then join the others with that file"
    )]
    Nothing,
    #[error(
        "data dir {dir} holds the CA of another cluster than the one in etcd; give this master an empty data dir to join"
    )]
    OtherCa { dir: String },
    #[error("data dir {dir}: {file} differs from the cluster's; give this master an empty data dir to join")]
    OtherFile { dir: String, file: String },
    #[error("cluster secret file {path}: {reason}")]
    SecretFile { path: String, reason: String },
    #[error("another master created the cluster at the same moment; join it with --cluster-secret-file")]
    Raced,
    #[error("the cluster bundle in etcd ({key}) is damaged: {reason}")]
    Damaged { key: String, reason: String },
    #[error(transparent)]
    Ca(#[from] crate::ca::CaError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
}

impl ClusterError {
    /// Whether the operator must change the configuration (exit 64).
    pub fn is_config(&self) -> bool {
        !matches!(self, ClusterError::Store(_) | ClusterError::Write { .. } | ClusterError::Raced)
    }
}

/// A 32-byte cluster secret.
struct Secret([u8; 32]);

impl Secret {
    fn read(path: &Path) -> Result<Self, ClusterError> {
        let err = |reason: String| ClusterError::SecretFile { path: path.display().to_string(), reason };
        let text = std::fs::read_to_string(path).map_err(|e| err(format!("cannot read it: {e}")))?;
        let bytes =
            hex::decode(text.trim()).map_err(|_| err("is not a hex secret written by piccolo-master".into()))?;
        let arr: [u8; 32] = bytes
            .try_into()
            .map_err(|_| err("must hold 64 hex digits (32 bytes) as written by piccolo-master".into()))?;
        Ok(Self(arr))
    }

    fn create(rng: &SystemRandom) -> Result<Self, ClusterError> {
        let mut b = [0u8; 32];
        rng.fill(&mut b)
            .map_err(|_| ClusterError::SecretFile { path: SECRET_FILE.into(), reason: "no randomness".into() })?;
        Ok(Self(b))
    }

    fn write(&self, path: &Path) -> Result<(), ClusterError> {
        piccolo_common::files::write_private(path, format!("{}\n", hex::encode(self.0)).as_bytes())
            .map_err(|e| ClusterError::Write { path: path.display().to_string(), reason: e.to_string() })
    }

    fn key(&self) -> LessSafeKey {
        // 32 bytes is always a valid AES-256 key.
        LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &self.0).unwrap_or_else(|_| unreachable!("32-byte key")))
    }
}

/// The CA certificate and the shared files, as kept in etcd.
struct Bundle {
    ca_cert: String,
    files: Vec<(String, Vec<u8>)>,
}

impl Bundle {
    fn seal(&self, secret: &Secret, rng: &SystemRandom) -> Result<Vec<u8>, ClusterError> {
        let mut plain = Vec::new();
        for (name, data) in &self.files {
            plain.extend_from_slice(&u16::try_from(name.len()).unwrap_or(0).to_be_bytes());
            plain.extend_from_slice(name.as_bytes());
            plain.extend_from_slice(&u32::try_from(data.len()).unwrap_or(0).to_be_bytes());
            plain.extend_from_slice(data);
        }
        let mut nonce = [0u8; NONCE_LEN];
        rng.fill(&mut nonce)
            .map_err(|_| ClusterError::SecretFile { path: SECRET_FILE.into(), reason: "no randomness".into() })?;
        secret
            .key()
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(self.ca_cert.as_bytes()),
                &mut plain,
            )
            .map_err(|_| ClusterError::Damaged { key: bundle_key(), reason: "cannot seal".into() })?;
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&u32::try_from(self.ca_cert.len()).unwrap_or(0).to_be_bytes());
        out.extend_from_slice(self.ca_cert.as_bytes());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&plain);
        Ok(out)
    }

    /// The CA certificate, readable without the secret.
    fn ca_cert(stored: &[u8]) -> Result<(String, &[u8]), ClusterError> {
        let bad = |reason: &str| ClusterError::Damaged { key: bundle_key(), reason: reason.into() };
        let rest = stored.strip_prefix(MAGIC.as_slice()).ok_or_else(|| bad("unknown format"))?;
        let (len, rest) = rest.split_first_chunk::<4>().ok_or_else(|| bad("truncated"))?;
        let len = u32::from_be_bytes(*len) as usize;
        if rest.len() < len {
            return Err(bad("truncated"));
        }
        let (cert, rest) = rest.split_at(len);
        let cert = String::from_utf8(cert.to_vec()).map_err(|_| bad("CA certificate is not text"))?;
        Ok((cert, rest))
    }

    fn open(stored: &[u8], secret: &Secret, file: &Path) -> Result<Self, ClusterError> {
        let (ca_cert, rest) = Self::ca_cert(stored)?;
        let bad = |reason: &str| ClusterError::Damaged { key: bundle_key(), reason: reason.into() };
        if rest.len() < NONCE_LEN {
            return Err(bad("truncated"));
        }
        let (nonce, sealed) = rest.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| bad("bad nonce"))?;
        let mut buf = sealed.to_vec();
        let plain = secret
            .key()
            .open_in_place(nonce, Aad::from(ca_cert.as_bytes()), &mut buf)
            .map_err(|_| ClusterError::WrongSecret { file: file.display().to_string() })?;
        let mut files = Vec::new();
        let mut p: &[u8] = plain;
        while !p.is_empty() {
            let (n, r) = p.split_first_chunk::<2>().ok_or_else(|| bad("truncated file name"))?;
            let n = u16::from_be_bytes(*n) as usize;
            let name = r.get(..n).ok_or_else(|| bad("truncated file name"))?;
            let r = &r[n..];
            let (l, r) = r.split_first_chunk::<4>().ok_or_else(|| bad("truncated file"))?;
            let l = u32::from_be_bytes(*l) as usize;
            let data = r.get(..l).ok_or_else(|| bad("truncated file"))?;
            files.push((String::from_utf8_lossy(name).into_owned(), data.to_vec()));
            p = &r[l..];
        }
        Ok(Self { ca_cert, files })
    }
}

fn write_file(path: &Path, data: &[u8]) -> Result<(), ClusterError> {
    piccolo_common::files::write_private(path, data)
        .map_err(|e| ClusterError::Write { path: path.display().to_string(), reason: e.to_string() })
}

/// Makes sure the data dir holds this cluster's CA and shared keys, creating
/// the cluster (first master on an empty store) or joining the one in the
/// store. `join` is `--cluster-secret-file`. Runs before the store is opened
/// with its sealing key.
pub async fn bootstrap(store: &dyn Store, data_dir: &Path, join: Option<&Path>) -> Result<(), ClusterError> {
    let rng = SystemRandom::new();
    let local = data_dir.join(SECRET_FILE);
    let stored = store.get(&bundle_key()).await?;
    let Some(stored) = stored else {
        if join.is_some() {
            return Err(ClusterError::Nothing);
        }
        return create(store, data_dir, &local, &rng).await;
    };
    let file: PathBuf = match join {
        Some(f) => f.to_path_buf(),
        None if local.exists() => local.clone(),
        None => {
            // A master of this cluster from before cluster.secret existed
            // (its data dir already holds the cluster's CA) carries on.
            let (cert, _) = Bundle::ca_cert(&stored.value)?;
            return match std::fs::read_to_string(data_dir.join(CA_CERT_FILE)) {
                Ok(mine) if mine == cert => Ok(()),
                _ => Err(ClusterError::Exists),
            };
        }
    };
    let secret = Secret::read(&file)?;
    let bundle = Bundle::open(&stored.value, &secret, &file)?;
    install(data_dir, &bundle)?;
    if file != local {
        secret.write(&local)?;
    }
    Ok(())
}

async fn create(store: &dyn Store, data_dir: &Path, local: &Path, rng: &SystemRandom) -> Result<(), ClusterError> {
    let secret = if local.exists() { Secret::read(local)? } else { Secret::create(rng)? };
    let (ca, _) = ClusterCa::load_or_create(data_dir)?;
    // The shared keys must exist before they are sealed.
    crate::secrets::SealKey::load_or_create(data_dir)
        .map_err(|e| ClusterError::Write { path: data_dir.display().to_string(), reason: e.to_string() })?;
    let _ = crate::rest::token::ConsoleTokens::load_or_create(data_dir);
    let mut files = Vec::new();
    for name in SHARED_FILES {
        if let Ok(data) = std::fs::read(data_dir.join(name)) {
            files.push((name.to_string(), data));
        }
    }
    let bundle = Bundle { ca_cert: ca.cert_pem().to_string(), files };
    let sealed = bundle.seal(&secret, rng)?;
    if store.put_if(&bundle_key(), None, sealed).await?.is_none() {
        return Err(ClusterError::Raced);
    }
    secret.write(local)?;
    tracing::info!(secret = %local.display(), "created the cluster; join further masters with --cluster-secret-file");
    Ok(())
}

/// Writes the bundle's files into the data dir; files already there must match.
fn install(data_dir: &Path, bundle: &Bundle) -> Result<(), ClusterError> {
    let dir = data_dir.display().to_string();
    match std::fs::read_to_string(data_dir.join(CA_CERT_FILE)) {
        Ok(mine) if mine != bundle.ca_cert => return Err(ClusterError::OtherCa { dir }),
        Ok(_) => {}
        Err(_) => {
            let path = data_dir.join(CA_CERT_FILE);
            crate::ca::write_public(&path, bundle.ca_cert.as_bytes())?;
        }
    }
    for (name, data) in &bundle.files {
        if !SHARED_FILES.contains(&name.as_str()) {
            continue;
        }
        let path = data_dir.join(name);
        match std::fs::read(&path) {
            Ok(mine) if &mine != data => return Err(ClusterError::OtherFile { dir, file: name.clone() }),
            Ok(_) => {}
            Err(_) => write_file(&path, data)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::EmbeddedStore;

    #[tokio::test]
    async fn first_master_creates_and_joiners_open_with_the_secret() {
        let sdir = tempfile::tempdir().expect("tmp");
        let store = EmbeddedStore::open(&sdir.path().join("s.redb")).expect("store");
        let first = tempfile::tempdir().expect("tmp");
        bootstrap(&store, first.path(), None).await.expect("create");
        let secret = first.path().join(SECRET_FILE);
        assert!(secret.exists());
        // Restart of the first master: nothing changes.
        bootstrap(&store, first.path(), None).await.expect("restart");
        // A joiner gets the same CA and keys.
        let second = tempfile::tempdir().expect("tmp");
        bootstrap(&store, second.path(), Some(&secret)).await.expect("join");
        for f in [CA_CERT_FILE, CA_KEY_FILE, crate::secrets::KEY_FILE] {
            assert_eq!(
                std::fs::read(first.path().join(f)).expect("a"),
                std::fs::read(second.path().join(f)).expect("b"),
                "{f}"
            );
        }
        // A fresh master without the secret is told to join.
        let third = tempfile::tempdir().expect("tmp");
        let err = bootstrap(&store, third.path(), None).await.expect_err("exists");
        assert!(matches!(err, ClusterError::Exists), "{err}");
        // A wrong secret is refused and writes nothing.
        let wrong = third.path().join("wrong");
        Secret::create(&SystemRandom::new()).expect("s").write(&wrong).expect("w");
        let err = bootstrap(&store, third.path(), Some(&wrong)).await.expect_err("wrong");
        assert!(matches!(err, ClusterError::WrongSecret { .. }) && err.is_config(), "{err}");
        assert!(!third.path().join(CA_CERT_FILE).exists());
        // Joining an empty store is refused.
        let edir = tempfile::tempdir().expect("tmp");
        let empty = EmbeddedStore::open(&edir.path().join("e.redb")).expect("store");
        let err = bootstrap(&empty, third.path(), Some(&secret)).await.expect_err("nothing");
        assert!(matches!(err, ClusterError::Nothing), "{err}");
    }
}
