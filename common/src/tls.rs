//! rustls configurations for every Piccolo connection: TLS 1.3 only, the ring
//! provider, ALPN `h2`. The master serves with optional client auth (only
//! enrolment may come without a certificate; the master checks per call), agents
//! and piccoloctl present their certificate once they have one.

use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::crypto::CryptoProvider;
use rustls::server::WebPkiClientVerifier;
use rustls::{ClientConfig, RootCertStore, ServerConfig};
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use thiserror::Error;

/// Errors while building TLS configuration from certificates and keys.
#[derive(Debug, Error)]
pub enum TlsError {
    #[error("{0}")]
    Pem(String),
    #[error("TLS configuration rejected: {0}")]
    Config(#[from] rustls::Error),
    #[error("CA certificate rejected: {0}")]
    Roots(String),
}

/// The crypto provider every Piccolo binary uses.
pub fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn roots(ca: &[CertificateDer<'static>]) -> Result<Arc<RootCertStore>, TlsError> {
    let mut store = RootCertStore::empty();
    for cert in ca {
        store.add(cert.clone()).map_err(|e| TlsError::Roots(e.to_string()))?;
    }
    Ok(Arc::new(store))
}

/// A client certificate chain and its key.
pub struct Identity {
    pub chain: Vec<CertificateDer<'static>>,
    pub key: PrivateKeyDer<'static>,
}

impl Identity {
    /// Reads an identity from PEM text.
    pub fn from_pem(cert_pem: &str, key_pem: &str) -> Result<Self, TlsError> {
        Ok(Self { chain: crate::pem::certs(cert_pem)?, key: crate::pem::private_key(key_pem)? })
    }
}

/// Client configuration that trusts `ca` and presents `identity` when given.
pub fn client_config(ca: &[CertificateDer<'static>], identity: Option<Identity>) -> Result<ClientConfig, TlsError> {
    let verifier = WebPkiServerVerifier::builder_with_provider(roots(ca)?, provider())
        .build()
        .map_err(|e| TlsError::Roots(e.to_string()))?;
    let builder = ClientConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS13])?
        .with_webpki_verifier(verifier);
    let mut config = match identity {
        Some(id) => builder.with_client_auth_cert(id.chain, id.key)?,
        None => builder.with_no_client_auth(),
    };
    config.alpn_protocols = vec![b"h2".to_vec()];
    Ok(config)
}

/// The standard client-certificate verifier for `client_ca` (a certificate
/// is optional: enrolment comes before a device has one).
pub fn client_verifier(
    client_ca: &[CertificateDer<'static>],
) -> Result<Arc<dyn rustls::server::danger::ClientCertVerifier>, TlsError> {
    WebPkiClientVerifier::builder_with_provider(roots(client_ca)?, provider())
        .allow_unauthenticated()
        .build()
        .map_err(|e| TlsError::Roots(e.to_string()))
}

/// Server configuration: serves `chain` (leaf then CA) and verifies client
/// certificates against `client_ca` when a client offers one.
pub fn server_config(
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
    client_ca: &[CertificateDer<'static>],
) -> Result<ServerConfig, TlsError> {
    server_config_with_verifier(chain, key, client_verifier(client_ca)?)
}

/// [`server_config`] with a caller-supplied client verifier (the master wraps
/// the standard one to let expired node certificates reach renewal).
pub fn server_config_with_verifier(
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
    verifier: Arc<dyn rustls::server::danger::ClientCertVerifier>,
) -> Result<ServerConfig, TlsError> {
    let mut config = ServerConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS13])?
        .with_client_cert_verifier(verifier)
        .with_single_cert(chain, key)?;
    config.alpn_protocols = vec![b"h2".to_vec()];
    Ok(config)
}
