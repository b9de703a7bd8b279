//! Enrolment-time trust: before a device has the cluster CA it pins it by hash
//! (`--ca-cert-hash sha256:<hex>`, the hash of the CA certificate's DER). The
//! master sends its chain (leaf, CA); the verifier accepts the handshake only if
//! one certificate in the chain has the pinned hash *and* the leaf is validly
//! issued by it for the name dialled. The accepted CA is kept so the agent can
//! store it and trust it from then on.

use std::sync::{Arc, Mutex};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};

use crate::tls::{TlsError, provider};

/// Normalises a user-given pin to `sha256:<lower-case hex>`.
pub fn parse_pin(pin: &str) -> Result<String, TlsError> {
    let hex_part = pin.strip_prefix("sha256:").unwrap_or(pin).to_ascii_lowercase();
    if hex_part.len() == 64 && hex_part.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(format!("sha256:{hex_part}"))
    } else {
        Err(TlsError::Pem(format!(
            "CA pin {pin:?} is malformed: expected sha256:<64 hex digits> (print it with `piccoloctl cluster-info`)"
        )))
    }
}

/// Verifies the master against a pinned CA hash and remembers the CA it saw.
#[derive(Debug)]
pub struct PinnedCaVerifier {
    pin: String,
    seen_ca: Mutex<Option<CertificateDer<'static>>>,
    last_error: Mutex<Option<String>>,
}

impl PinnedCaVerifier {
    pub fn new(pin: &str) -> Result<Arc<Self>, TlsError> {
        Ok(Arc::new(Self { pin: parse_pin(pin)?, seen_ca: Mutex::new(None), last_error: Mutex::new(None) }))
    }

    /// The CA certificate that matched the pin in the last handshake.
    pub fn pinned_ca(&self) -> Option<CertificateDer<'static>> {
        self.seen_ca.lock().ok().and_then(|g| g.clone())
    }

    /// Why the last handshake was refused, in words for the user.
    pub fn last_error(&self) -> Option<String> {
        self.last_error.lock().ok().and_then(|g| g.clone())
    }

    fn fail(&self, msg: String) -> rustls::Error {
        if let Ok(mut g) = self.last_error.lock() {
            *g = Some(msg.clone());
        }
        rustls::Error::General(msg)
    }

    /// A client configuration (no client certificate) using this verifier.
    pub fn client_config(self: &Arc<Self>) -> Result<ClientConfig, TlsError> {
        let mut config = ClientConfig::builder_with_provider(provider())
            .with_protocol_versions(&[&rustls::version::TLS13])?
            .dangerous()
            .with_custom_certificate_verifier(self.clone())
            .with_no_client_auth();
        config.alpn_protocols = vec![b"h2".to_vec()];
        Ok(config)
    }
}

impl ServerCertVerifier for PinnedCaVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let Some(ca) = intermediates.iter().find(|c| crate::pem::fingerprint(c) == self.pin) else {
            let seen: Vec<String> = intermediates.iter().map(|c| crate::pem::fingerprint(c)).collect();
            return Err(self.fail(format!(
                "the master's CA does not match the pinned hash {} (master offered {}); check --ca-cert-hash against `piccoloctl cluster-info`",
                self.pin,
                if seen.is_empty() { "no CA".to_string() } else { seen.join(", ") }
            )));
        };
        let ca = ca.clone().into_owned();
        let mut roots = RootCertStore::empty();
        roots.add(ca.clone()).map_err(|e| self.fail(format!("pinned CA is unusable: {e}")))?;
        let inner = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider())
            .build()
            .map_err(|e| self.fail(format!("pinned CA is unusable: {e}")))?;
        let verified = inner
            .verify_server_cert(end_entity, &[], server_name, ocsp_response, now)
            .map_err(|e| self.fail(format!("the master's certificate is not valid under the pinned CA: {e}")))?;
        if let Ok(mut g) = self.seen_ca.lock() {
            *g = Some(ca);
        }
        Ok(verified)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &provider().signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &provider().signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        provider().signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_normalised() {
        let hex = "AB".repeat(32);
        assert_eq!(parse_pin(&format!("sha256:{hex}")).expect("ok"), format!("sha256:{}", "ab".repeat(32)));
        assert_eq!(parse_pin(&hex).expect("ok"), format!("sha256:{}", "ab".repeat(32)));
        assert!(parse_pin("sha256:abc").is_err());
        assert!(parse_pin(&"zz".repeat(32)).is_err());
    }
}
