//! The cluster CA and every certificate the master issues: its own serving
//! certificate, node certificates (from the device's CSR: the key never leaves
//! the device) and admin certificates. The CA key lives in the data dir with
//! mode 0600 and nowhere else.

use std::fs;
use std::net::IpAddr;
/// The raw public key a CSR asks to certify.
pub fn csr_public_key(csr_pem: &str) -> Result<Vec<u8>, CaError> {
    use rcgen::PublicKeyData;
    let csr = CertificateSigningRequestParams::from_pem(csr_pem).map_err(|e| CaError::BadCsr(e.to_string()))?;
    Ok(csr.public_key.der_bytes().to_vec())
}

#[cfg(test)]
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rcgen::{
    BasicConstraints, CertificateParams, CertificateSigningRequestParams, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair, KeyUsagePurpose, SanType, SerialNumber,
};
use thiserror::Error;
use time::OffsetDateTime;

use piccolo_common::names::{ADMIN_ORG, NODE_ORG, VIEWER_ORG};

/// CA file names inside the data dir.
pub const CA_CERT_FILE: &str = "ca.crt";
pub const CA_KEY_FILE: &str = "ca.key";

/// Errors from the CA.
#[derive(Debug, Error)]
pub enum CaError {
    #[error("cannot {action} {path}: {source}")]
    Io { action: &'static str, path: PathBuf, source: std::io::Error },
    #[error("certificate operation failed: {0}")]
    Cert(#[from] rcgen::Error),
    #[error(
        "CA files in {0} are incomplete: {1} exists without its pair; restore both ca.crt and ca.key from a backup, or move both aside to create a new CA (all nodes must then re-enrol)"
    )]
    Incomplete(PathBuf, &'static str),
    #[error("the certificate signing request is invalid: {0}")]
    BadCsr(String),
    #[error("the CA certificate and key are not a usable pair: {0}")]
    BadPair(String),
}

/// A certificate and (for locally generated ones) its key, as PEM.
pub struct Issued {
    pub cert_pem: String,
    pub key_pem: Option<String>,
    pub serial_hex: String,
    pub not_after_ms: i64,
}

/// Which kind of client a certificate is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientKind {
    Node,
    Admin,
    Viewer,
}

/// The cluster CA.
pub struct ClusterCa {
    cert_pem: String,
    key: KeyPair,
    /// What clients should trust: this CA, plus the other one during a CA
    /// rotation ([`crate::ca_rotation`]).
    trust_pem: String,
}

fn io_err<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> CaError + 'a {
    move |source| CaError::Io { action, path: path.to_path_buf(), source }
}

/// Writes a file readable by its owner only, atomically.
pub fn write_private(path: &Path, contents: &[u8]) -> Result<(), CaError> {
    piccolo_common::files::write_private(path, contents).map_err(io_err("write", path))
}

/// Writes a public file (mode 0644), atomically.
pub fn write_public(path: &Path, contents: &[u8]) -> Result<(), CaError> {
    piccolo_common::files::write_public(path, contents).map_err(io_err("write", path))
}

fn random_serial() -> (SerialNumber, String) {
    let mut bytes: [u8; 16] = rand::random();
    bytes[0] &= 0x7f; // positive INTEGER
    bytes[0] |= 0x01; // no leading zero byte to strip
    (SerialNumber::from_slice(&bytes), hex::encode(bytes))
}

/// How far behind the master's a device clock may be and still accept its certificates.
pub const CLOCK_SKEW_TOLERANCE: time::Duration = time::Duration::days(1);

fn validity(params: &mut CertificateParams, lifetime: Duration) -> i64 {
    let now = OffsetDateTime::now_utc();
    // Backdate so a device whose clock lags (no RTC battery, an NTP step
    // back) still accepts the master's certificates: the fault suite jumps an
    // agent's clock back an hour (tests/tests/faults_agent.rs).
    params.not_before = now - CLOCK_SKEW_TOLERANCE;
    let not_after = now + time::Duration::seconds(i64::try_from(lifetime.as_secs()).unwrap_or(i64::MAX / 2));
    params.not_after = not_after;
    i64::try_from(not_after.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

fn subject(cn: &str, org: &str) -> DistinguishedName {
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, cn);
    dn.push(DnType::OrganizationName, org);
    dn
}

impl ClusterCa {
    /// Loads the CA from `dir`, creating it on first start.
    pub fn load_or_create(dir: &Path) -> Result<(Self, bool), CaError> {
        let cert_path = dir.join(CA_CERT_FILE);
        let key_path = dir.join(CA_KEY_FILE);
        match (cert_path.exists(), key_path.exists()) {
            (true, true) => {
                let cert_pem = fs::read_to_string(&cert_path).map_err(io_err("read", &cert_path))?;
                let key_pem = fs::read_to_string(&key_path).map_err(io_err("read", &key_path))?;
                let key = KeyPair::from_pem(&key_pem)?;
                // Fail early on a corrupt certificate.
                Issuer::from_ca_cert_pem(&cert_pem, &key)?;
                Ok((Self { trust_pem: cert_pem.clone(), cert_pem, key }, false))
            }
            (false, false) => {
                let key = KeyPair::generate()?;
                let mut params = CertificateParams::new(Vec::<String>::new())?;
                params.distinguished_name = subject("piccolo-cluster-ca", "piccolo");
                params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
                params.key_usages =
                    vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
                params.serial_number = Some(random_serial().0);
                validity(&mut params, Duration::from_secs(10 * 365 * 24 * 3600));
                let cert = params.self_signed(&key)?;
                write_private(&key_path, key.serialize_pem().as_bytes())?;
                write_public(&cert_path, cert.pem().as_bytes())?;
                Ok((Self { cert_pem: cert.pem(), trust_pem: cert.pem(), key }, true))
            }
            (true, false) => Err(CaError::Incomplete(dir.to_path_buf(), CA_CERT_FILE)),
            (false, true) => Err(CaError::Incomplete(dir.to_path_buf(), CA_KEY_FILE)),
        }
    }

    /// The CA certificate, PEM.
    pub fn cert_pem(&self) -> &str {
        &self.cert_pem
    }

    /// When the CA certificate expires (Unix seconds; 0 if unreadable).
    pub fn not_after_unix(&self) -> i64 {
        x509_parser::pem::parse_x509_pem(self.cert_pem.as_bytes())
            .ok()
            .and_then(|(_, pem)| pem.parse_x509().ok().map(|c| c.validity().not_after.timestamp()))
            .unwrap_or(0)
    }

    /// The CA key, PEM: only for a backup file (which is secret, mode 0600).
    pub fn key_pem(&self) -> String {
        self.key.serialize_pem()
    }

    /// Checks that a certificate and key (PEM) form a usable CA pair.
    pub fn check_pair(cert_pem: &str, key_pem: &str) -> Result<(), CaError> {
        let key = KeyPair::from_pem(key_pem)?;
        Issuer::from_ca_cert_pem(cert_pem, &key)?;
        // The issuer does not compare the key with the certificate.
        let (_, cert) = x509_parser::pem::parse_x509_pem(cert_pem.as_bytes())
            .map_err(|e| CaError::BadPair(format!("certificate PEM: {e}")))?;
        let cert = cert.parse_x509().map_err(|e| CaError::BadPair(format!("certificate: {e}")))?;
        if cert.public_key().subject_public_key.data.as_ref() != key.public_key_raw() {
            return Err(CaError::BadPair("the key does not belong to the certificate".into()));
        }
        Ok(())
    }

    /// The CA bundle clients should trust (PEM): this CA, and during a
    /// rotation the other one too. Handed out at enrolment and renewal.
    pub fn trust_pem(&self) -> &str {
        &self.trust_pem
    }

    /// Adds another CA certificate to [`Self::trust_pem`].
    pub fn with_extra_trust(mut self, other_pem: &str) -> Self {
        if !self.trust_pem.ends_with('\n') {
            self.trust_pem.push('\n');
        }
        self.trust_pem.push_str(other_pem);
        self
    }

    fn issuer(&self) -> Result<Issuer<'_, &KeyPair>, CaError> {
        Ok(Issuer::from_ca_cert_pem(&self.cert_pem, &self.key)?)
    }

    /// Issues the master's serving certificate for `names` (DNS names or IPs).
    pub fn issue_server(&self, names: &[String], lifetime: Duration) -> Result<Issued, CaError> {
        let key = KeyPair::generate()?;
        let mut params = CertificateParams::new(Vec::<String>::new())?;
        params.distinguished_name = subject("piccolo-master", "piccolo");
        params.subject_alt_names = names
            .iter()
            .map(|n| match n.parse::<IpAddr>() {
                Ok(ip) => Ok(SanType::IpAddress(ip)),
                Err(_) => Ok(SanType::DnsName(n.clone().try_into()?)),
            })
            .collect::<Result<_, rcgen::Error>>()?;
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        let (serial, serial_hex) = random_serial();
        params.serial_number = Some(serial);
        let not_after_ms = validity(&mut params, lifetime);
        let cert = params.signed_by(&key, &self.issuer()?)?;
        Ok(Issued { cert_pem: cert.pem(), key_pem: Some(key.serialize_pem()), serial_hex, not_after_ms })
    }

    /// Issues a client certificate with a fresh key made here (admin, viewer).
    pub fn issue_client_with_key(&self, cn: &str, kind: ClientKind, lifetime: Duration) -> Result<Issued, CaError> {
        let key = KeyPair::generate()?;
        let mut issued = self.sign_client(&key, cn, kind, lifetime)?;
        issued.key_pem = Some(key.serialize_pem());
        Ok(issued)
    }

    /// Signs a node certificate for a CSR's public key. Everything else in the
    /// CSR (names, extensions) is ignored: the master decides the subject.
    pub fn sign_csr(&self, csr_pem: &str, node: &str, lifetime: Duration) -> Result<Issued, CaError> {
        if csr_pem.len() > 16 * 1024 {
            return Err(CaError::BadCsr("larger than 16 KiB".into()));
        }
        let csr = CertificateSigningRequestParams::from_pem(csr_pem).map_err(|e| CaError::BadCsr(e.to_string()))?;
        self.sign_client(&csr.public_key, node, ClientKind::Node, lifetime)
    }

    /// SHA-256 (hex) of the public key in a CSR: what binds a retried
    /// enrolment to the device that started it.
    pub fn csr_key_sha256(csr_pem: &str) -> Result<String, CaError> {
        use rcgen::PublicKeyData;
        let csr = CertificateSigningRequestParams::from_pem(csr_pem).map_err(|e| CaError::BadCsr(e.to_string()))?;
        Ok(hex::encode(ring::digest::digest(&ring::digest::SHA256, csr.public_key.der_bytes())))
    }

    fn sign_client(
        &self,
        public_key: &impl rcgen::PublicKeyData,
        cn: &str,
        kind: ClientKind,
        lifetime: Duration,
    ) -> Result<Issued, CaError> {
        let org = match kind {
            ClientKind::Node => NODE_ORG,
            ClientKind::Admin => ADMIN_ORG,
            ClientKind::Viewer => VIEWER_ORG,
        };
        let mut params = CertificateParams::new(Vec::<String>::new())?;
        params.distinguished_name = subject(cn, org);
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        let (serial, serial_hex) = random_serial();
        params.serial_number = Some(serial);
        let not_after_ms = validity(&mut params, lifetime);
        let cert = params.signed_by(public_key, &self.issuer()?)?;
        Ok(Issued { cert_pem: cert.pem(), key_pem: None, serial_hex, not_after_ms })
    }
}

/// Writes a new admin (or viewer) credential file.
pub fn write_credential(
    ca: &ClusterCa,
    path: &Path,
    endpoint: &str,
    name: &str,
    kind: ClientKind,
    lifetime: Duration,
) -> Result<(), CaError> {
    let issued = ca.issue_client_with_key(name, kind, lifetime)?;
    let cred = piccolo_common::credential::AdminCredential {
        endpoint: endpoint.to_string(),
        endpoints: Vec::new(),
        name: name.to_string(),
        role: if kind == ClientKind::Viewer { "viewer".into() } else { "admin".into() },
        ca: ca.trust_pem().to_string(),
        cert: issued.cert_pem,
        key: issued.key_pem.unwrap_or_default(),
    };
    write_private(path, cred.to_toml().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ca_is_created_once_with_private_key_mode() {
        let dir = tempfile::tempdir().expect("tmp");
        let (ca, created) = ClusterCa::load_or_create(dir.path()).expect("create");
        assert!(created);
        let mode = fs::metadata(dir.path().join(CA_KEY_FILE)).expect("key").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let (again, created) = ClusterCa::load_or_create(dir.path()).expect("load");
        assert!(!created);
        assert_eq!(ca.cert_pem(), again.cert_pem());
    }

    #[test]
    fn half_a_ca_is_refused() {
        let dir = tempfile::tempdir().expect("tmp");
        ClusterCa::load_or_create(dir.path()).expect("create");
        fs::remove_file(dir.path().join(CA_KEY_FILE)).expect("rm");
        let err = ClusterCa::load_or_create(dir.path()).err().expect("refused");
        assert!(err.to_string().contains("ca.crt exists without its pair"), "{err}");
    }

    #[test]
    fn csr_is_signed_for_the_masters_choice_of_name() {
        let dir = tempfile::tempdir().expect("tmp");
        let (ca, _) = ClusterCa::load_or_create(dir.path()).expect("create");
        let key = KeyPair::generate().expect("key");
        let mut params = CertificateParams::new(vec!["evil".to_string()]).expect("params");
        params.distinguished_name = subject("someone-else", ADMIN_ORG);
        let csr = params.serialize_request(&key).expect("csr").pem().expect("pem");
        let issued = ca.sign_csr(&csr, "node-1", Duration::from_secs(3600)).expect("signed");
        let der = piccolo_common::pem::certs(&issued.cert_pem).expect("pem");
        let (_, cert) = x509_parser::parse_x509_certificate(&der[0]).expect("x509");
        let cn = cert.subject().iter_common_name().next().and_then(|c| c.as_str().ok());
        let org = cert.subject().iter_organization().next().and_then(|c| c.as_str().ok());
        assert_eq!(cn, Some("node-1"));
        assert_eq!(org, Some(NODE_ORG));
    }

    #[test]
    fn malformed_csr_is_rejected() {
        let dir = tempfile::tempdir().expect("tmp");
        let (ca, _) = ClusterCa::load_or_create(dir.path()).expect("create");
        let err = ca
            .sign_csr(
                "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
                "n",
                Duration::from_secs(1),
            )
            .err()
            .expect("rejected");
        assert!(err.to_string().contains("signing request is invalid"), "{err}");
    }
}
