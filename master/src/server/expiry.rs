//! Expired client certificates: a device that sat on a shelf past its node
//! certificate's expiry must still get back in by a defined, secure path.
//!
//! The TLS layer ([`GraceVerifier`]) accepts a client certificate whose only
//! fault is that it expired: chain and signatures are verified exactly as
//! before, at the certificate's last valid second. What an expired certificate
//! may then do is decided per call by [`check`]: a node certificate within
//! `node_cert_grace` of its expiry may make node calls (the agent renews at
//! once, and renewal then requires the same key); past the grace, or for admin
//! and viewer certificates, it is refused with the way back (re-enrol with a
//! token, or issue a new credential).

use std::sync::Arc;
use std::time::Duration;

use piccolo_common::time::now_ms;
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{CertificateError, DigitallySignedStruct, DistinguishedName, SignatureScheme};
use rustls_pki_types::{CertificateDer, UnixTime};
use tonic::Status;

use super::auth::{Caller, Role};

/// Wraps the standard verifier; see the module docs.
#[derive(Debug)]
pub struct GraceVerifier {
    inner: Arc<dyn ClientCertVerifier>,
}

impl GraceVerifier {
    pub fn new(inner: Arc<dyn ClientCertVerifier>) -> Arc<Self> {
        Arc::new(Self { inner })
    }
}

/// `notAfter` of a certificate in Unix seconds.
fn not_after(der: &[u8]) -> Option<u64> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    u64::try_from(cert.validity().not_after.timestamp()).ok()
}

impl ClientCertVerifier for GraceVerifier {
    fn offer_client_auth(&self) -> bool {
        self.inner.offer_client_auth()
    }
    fn client_auth_mandatory(&self) -> bool {
        self.inner.client_auth_mandatory()
    }
    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        self.inner.root_hint_subjects()
    }
    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        match self.inner.verify_client_cert(end_entity, intermediates, now) {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::Expired | CertificateError::ExpiredContext { .. },
            )) => {
                // Everything else must hold at the certificate's last second.
                let last =
                    not_after(end_entity).ok_or(rustls::Error::InvalidCertificate(CertificateError::BadEncoding))?;
                let then = UnixTime::since_unix_epoch(Duration::from_secs(last.saturating_sub(1)));
                self.inner.verify_client_cert(end_entity, intermediates, then)
            }
            other => other,
        }
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// Whether a caller's certificate may be used now; `Ok(true)` when it is
/// expired but inside the node grace window (renewal then needs the same key).
pub fn check(caller: &Caller, grace: Duration) -> Result<bool, Status> {
    let now = now_ms();
    if caller.expires_at_ms >= now {
        return Ok(false);
    }
    let ago = Duration::from_millis(u64::try_from(now - caller.expires_at_ms).unwrap_or(0));
    let when = format!("{} ago", piccolo_common::config::format_duration(Duration::from_secs(ago.as_secs().max(1))));
    match caller.role {
        Role::Node => {
            let grace_ms = i64::try_from(grace.as_millis()).unwrap_or(i64::MAX);
            if now - caller.expires_at_ms <= grace_ms {
                Ok(true)
            } else {
                Err(Status::permission_denied(format!(
                    "the certificate of node {:?} expired {when}, beyond the renewal grace of {}; re-enrol the device with a new bootstrap token",
                    caller.name,
                    piccolo_common::config::format_duration(grace)
                )))
            }
        }
        Role::Admin | Role::Viewer => Err(Status::unauthenticated(format!(
            "the credential of {:?} expired {when}; issue a new one with `piccolo-master credential`",
            caller.name
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caller(role: Role, expires_in_ms: i64) -> Caller {
        Caller {
            role,
            name: "x".into(),
            serial: String::new(),
            remote: None,
            expires_at_ms: now_ms() + expires_in_ms,
            public_key: Vec::new(),
        }
    }

    #[test]
    fn expired_certificates_get_in_only_as_nodes_inside_the_grace() {
        let grace = Duration::from_secs(3600);
        assert_eq!(check(&caller(Role::Node, 60_000), grace).ok(), Some(false));
        assert_eq!(check(&caller(Role::Node, -60_000), grace).ok(), Some(true));
        let err = check(&caller(Role::Node, -7_200_000), grace).expect_err("past the grace");
        assert_eq!(err.code(), tonic::Code::PermissionDenied);
        assert!(err.message().contains("re-enrol"), "{}", err.message());
        let err = check(&caller(Role::Admin, -1000), grace).expect_err("expired admin");
        assert_eq!(err.code(), tonic::Code::Unauthenticated);
        assert!(check(&caller(Role::Viewer, -1000), grace).is_err());
        assert_eq!(check(&caller(Role::Admin, 1000), grace).ok(), Some(false));
    }
}
