//! An enrolled identity (a device's, or a child master's with its parent) in a data dir: `node.key` (made here, mode 0600,
//! never sent anywhere), `node.crt` (signed by the master), `ca.crt` (the
//! cluster CA it trusts) and `identity.toml` (node name, certificate expiry).

use std::path::{Path, PathBuf};

use crate::files::{write_private, write_public};
use crate::tls::{Identity as TlsIdentity, client_config};
use rcgen::{CertificateParams, DistinguishedName, DnType, KeyPair};
use rustls::ClientConfig;
use serde::{Deserialize, Serialize};
use thiserror::Error;

const KEY_FILE: &str = "node.key";
const CERT_FILE: &str = "node.crt";
/// The cluster CA this device trusts; kept when the node is removed, so a
/// re-enrolment trusts the same CA without a new pin.
pub const CA_FILE: &str = "ca.crt";
const META_FILE: &str = "identity.toml";

/// Identity problems, phrased for the operator.
#[derive(Debug, Error)]
pub enum IdentityError {
    #[error("cannot {action} {path}: {reason}")]
    Io { action: &'static str, path: PathBuf, reason: String },
    #[error("identity in {dir} is damaged ({reason}); move the data dir aside and enrol again with a new token")]
    Damaged { dir: PathBuf, reason: String },
    #[error("key or CSR generation failed: {0}")]
    Crypto(String),
}

/// What `identity.toml` records.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Meta {
    pub name: String,
    pub master: String,
    pub cert_expires_at_ms: i64,
    #[serde(default)]
    pub cert_issued_at_ms: i64,
}

/// A complete enrolled identity.
pub struct Identity {
    pub dir: PathBuf,
    pub meta: Meta,
    key_pem: String,
    cert_pem: String,
    ca_pem: String,
}

fn read(path: &Path) -> Result<String, IdentityError> {
    std::fs::read_to_string(path).map_err(|e| IdentityError::Io {
        action: "read",
        path: path.into(),
        reason: e.to_string(),
    })
}

fn io<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> IdentityError + 'a {
    move |e| IdentityError::Io { action, path: path.into(), reason: e.to_string() }
}

/// Prepares the data dir (0700) and checks it is writable.
pub fn prepare_dir(dir: &Path) -> Result<(), IdentityError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).map_err(io("create", dir))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(io("chmod", dir))?;
    Ok(())
}

/// Loads the device key, making one on first use.
pub fn load_or_create_key(dir: &Path) -> Result<KeyPair, IdentityError> {
    let path = dir.join(KEY_FILE);
    if path.exists() {
        let pem = read(&path)?;
        return KeyPair::from_pem(&pem)
            .map_err(|e| IdentityError::Damaged { dir: dir.into(), reason: format!("node.key: {e}") });
    }
    let key = KeyPair::generate().map_err(|e| IdentityError::Crypto(e.to_string()))?;
    write_private(&path, key.serialize_pem().as_bytes()).map_err(io("write", &path))?;
    Ok(key)
}

/// A PKCS#10 request for `name` signed by `key`.
pub fn csr(key: &KeyPair, name: &str) -> Result<String, IdentityError> {
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(|e| IdentityError::Crypto(e.to_string()))?;
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, name);
    params.distinguished_name = dn;
    params.serialize_request(key).and_then(|r| r.pem()).map_err(|e| IdentityError::Crypto(e.to_string()))
}

impl Identity {
    /// Loads a complete identity, or `None` if the device has not enrolled.
    pub fn load(dir: &Path) -> Result<Option<Self>, IdentityError> {
        let meta_path = dir.join(META_FILE);
        if !meta_path.exists() || !dir.join(CERT_FILE).exists() {
            return Ok(None);
        }
        let meta: Meta = toml::from_str(&read(&meta_path)?)
            .map_err(|e| IdentityError::Damaged { dir: dir.into(), reason: format!("identity.toml: {e}") })?;
        let id = Self {
            dir: dir.into(),
            meta,
            key_pem: read(&dir.join(KEY_FILE))?,
            cert_pem: read(&dir.join(CERT_FILE))?,
            ca_pem: read(&dir.join(CA_FILE))?,
        };
        // Fail now, with the data dir named, rather than at the first handshake.
        id.tls_config()?;
        Ok(Some(id))
    }

    /// Stores a freshly issued certificate (enrolment or renewal).
    pub fn save(dir: &Path, meta: Meta, cert_pem: &str, ca_pem: &str) -> Result<Self, IdentityError> {
        let key_pem = read(&dir.join(KEY_FILE))?;
        let ca_path = dir.join(CA_FILE);
        write_public(&ca_path, ca_pem.as_bytes()).map_err(io("write", &ca_path))?;
        let cert_path = dir.join(CERT_FILE);
        write_public(&cert_path, cert_pem.as_bytes()).map_err(io("write", &cert_path))?;
        let meta_path = dir.join(META_FILE);
        let text = toml::to_string(&meta).map_err(|e| IdentityError::Crypto(e.to_string()))?;
        // Written last: its presence marks a complete identity.
        write_private(&meta_path, text.as_bytes()).map_err(io("write", &meta_path))?;
        Ok(Self { dir: dir.into(), meta, key_pem, cert_pem: cert_pem.into(), ca_pem: ca_pem.into() })
    }

    /// The device key.
    pub fn key(&self) -> Result<KeyPair, IdentityError> {
        KeyPair::from_pem(&self.key_pem)
            .map_err(|e| IdentityError::Damaged { dir: self.dir.clone(), reason: format!("node.key: {e}") })
    }

    /// Mutual-TLS client configuration with this identity.
    pub fn tls_config(&self) -> Result<ClientConfig, IdentityError> {
        let damaged = |e: crate::TlsError| IdentityError::Damaged { dir: self.dir.clone(), reason: e.to_string() };
        let ca = crate::pem::certs(&self.ca_pem).map_err(damaged)?;
        let id = TlsIdentity::from_pem(&self.cert_pem, &self.key_pem).map_err(damaged)?;
        client_config(&ca, Some(id)).map_err(damaged)
    }

    /// Moves the identity aside after the master removed this node, so a
    /// restart does not retry a certificate that will never work again.
    pub fn retire(&self) {
        for f in [CERT_FILE, META_FILE] {
            let p = self.dir.join(f);
            let _ = std::fs::rename(&p, self.dir.join(format!("{f}.removed")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_is_private_and_stable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tmp");
        let k1 = load_or_create_key(dir.path()).expect("key");
        let k2 = load_or_create_key(dir.path()).expect("key again");
        assert_eq!(k1.serialize_pem(), k2.serialize_pem());
        let mode = std::fs::metadata(dir.path().join(KEY_FILE)).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert!(csr(&k1, "node-1").expect("csr").contains("CERTIFICATE REQUEST"));
    }

    #[test]
    fn no_identity_before_enrolment_and_damage_is_reported() {
        let dir = tempfile::tempdir().expect("tmp");
        assert!(Identity::load(dir.path()).expect("ok").is_none());
        std::fs::write(dir.path().join(META_FILE), "not toml [").expect("write");
        std::fs::write(dir.path().join(CERT_FILE), "x").expect("write");
        let err = Identity::load(dir.path()).err().expect("damaged");
        assert!(err.to_string().contains("damaged"), "{err}");
    }
}
