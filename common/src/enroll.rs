//! Enrolment as a client: trust the master by its CA file or CA hash pin, send
//! the bootstrap token, a CSR (the key stays in `dir`) and facts, check the CA
//! in the answer against the pin, and store the identity. Used by the agent
//! and by a child master enrolling with its parent.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use piccolo_proto::limits::{MAX_AGENT_MESSAGE_BYTES, MAX_MASTER_MESSAGE_BYTES};
use piccolo_proto::node_agent_service_client::NodeAgentServiceClient;
use piccolo_proto::{NodeFacts, NodeRegistrationRequest, RenewCertificateRequest};
use thiserror::Error;

use crate::connect::{ConnectOptions, connect, error_chain};
use crate::identity::{self, Identity, IdentityError, Meta};
use crate::pin::PinnedCaVerifier;

/// Why enrolment failed.
#[derive(Debug, Error)]
pub enum EnrollError {
    #[error("this device has not enrolled yet and {0}")]
    Missing(&'static str),
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error("CA file {path}: {reason}")]
    CaFile { path: String, reason: String },
    #[error("{0}")]
    Trust(String),
    #[error("cannot reach the master: {0}")]
    Unreachable(String),
    #[error("the master refused enrolment: {0}")]
    Refused(String),
    #[error("the master's answer does not match the pinned CA: {0}")]
    Mismatch(String),
}

impl EnrollError {
    /// Whether trying again later may help (network) or not (bad token, pin).
    pub fn is_retryable(&self) -> bool {
        matches!(self, EnrollError::Unreachable(_))
    }
}

/// What enrolment needs.
pub struct EnrollParams<'a> {
    /// `HOST:PORT` of the master.
    pub master: &'a str,
    pub token: &'a str,
    /// The name to enrol as (already defaulted by the caller).
    pub name: &'a str,
    /// Trust: a CA file, or else a `sha256:<hex>` pin.
    pub ca_file: &'a str,
    pub ca_cert_hash: &'a str,
    pub facts: NodeFacts,
    pub keepalive_interval: Duration,
    pub keepalive_timeout: Duration,
}

/// Enrols and returns the new identity, stored in `dir`.
pub async fn enroll(p: EnrollParams<'_>, dir: &Path) -> Result<Identity, EnrollError> {
    if p.token.is_empty() {
        return Err(EnrollError::Missing("no bootstrap token was given (--token or PICCOLO_TOKEN)"));
    }
    let key = identity::load_or_create_key(dir)?;
    let (tls, pin) = if !p.ca_file.is_empty() {
        let bad = |reason: String| EnrollError::CaFile { path: p.ca_file.to_string(), reason };
        let pem = std::fs::read_to_string(p.ca_file).map_err(|e| bad(e.to_string()))?;
        let ca = crate::pem::certs(&pem).map_err(|e| bad(e.to_string()))?;
        let tls = crate::tls::client_config(&ca, None).map_err(|e| EnrollError::Trust(e.to_string()))?;
        (tls, None)
    } else if !p.ca_cert_hash.is_empty() {
        let verifier = PinnedCaVerifier::new(p.ca_cert_hash).map_err(|e| EnrollError::Trust(e.to_string()))?;
        let tls = verifier.client_config().map_err(|e| EnrollError::Trust(e.to_string()))?;
        (tls, Some(verifier))
    } else {
        return Err(EnrollError::Missing(
            "no way to trust the master was given: pass --ca-file FILE or --ca-cert-hash sha256:HEX",
        ));
    };
    let opts = ConnectOptions {
        keepalive_interval: p.keepalive_interval,
        keepalive_timeout: p.keepalive_timeout,
        ..Default::default()
    };
    let channel =
        connect(p.master, Arc::new(tls), opts).await.map_err(|e| match pin.as_ref().and_then(|v| v.last_error()) {
            Some(why) => EnrollError::Trust(why),
            None => EnrollError::Unreachable(error_chain(&e)),
        })?;
    let mut client = NodeAgentServiceClient::new(channel)
        .max_decoding_message_size(MAX_MASTER_MESSAGE_BYTES)
        .max_encoding_message_size(MAX_AGENT_MESSAGE_BYTES);
    let request = NodeRegistrationRequest {
        token: p.token.to_string(),
        name: p.name.to_string(),
        csr_pem: identity::csr(&key, p.name)?,
        facts: Some(p.facts),
    };
    let resp = client.register_node(request).await.map_err(|s| match s.code() {
        tonic::Code::Unavailable | tonic::Code::DeadlineExceeded | tonic::Code::Unknown => {
            match pin.as_ref().and_then(|v| v.last_error()) {
                Some(why) => EnrollError::Trust(why),
                None => EnrollError::Unreachable(s.message().to_string()),
            }
        }
        _ => EnrollError::Refused(s.message().to_string()),
    })?;
    let resp = resp.into_inner();
    if let Some(verifier) = &pin {
        // The CA the master hands us must be the one we pinned in the handshake.
        let got = crate::pem::certs(&resp.ca_certificate_pem).map_err(|e| EnrollError::Mismatch(e.to_string()))?;
        let seen = verifier
            .pinned_ca()
            .ok_or_else(|| EnrollError::Mismatch("no CA was pinned during the handshake".into()))?;
        if got.first().map(|c| c.as_ref()) != Some(seen.as_ref()) {
            return Err(EnrollError::Mismatch("the CA in the response differs from the pinned one".into()));
        }
    }
    let meta = Meta {
        name: resp.node_name.clone(),
        master: p.master.to_string(),
        cert_expires_at_ms: resp.certificate_expires_at_ms,
        cert_issued_at_ms: crate::time::now_ms(),
    };
    Ok(Identity::save(dir, meta, &resp.certificate_pem, &resp.ca_certificate_pem)?)
}

/// How long until a certificate should be renewed: at 70 % of its lifetime.
pub fn renew_at(meta: &Meta) -> Duration {
    let now = crate::time::now_ms();
    let issued = if meta.cert_issued_at_ms > 0 { meta.cert_issued_at_ms } else { now };
    let life = (meta.cert_expires_at_ms - issued).max(0);
    let at = issued + life * 7 / 10;
    Duration::from_millis(u64::try_from((at - now).max(0)).unwrap_or(0))
}

/// Whether `meta`'s certificate is past its expiry: the master then accepts it
/// only for `RenewCertificate` (inside its renewal grace), so renew first.
pub fn expired(meta: &Meta) -> bool {
    meta.cert_expires_at_ms > 0 && meta.cert_expires_at_ms <= crate::time::now_ms()
}

/// Renews `id`'s certificate over an existing mutual-TLS connection (same key,
/// new CSR) and stores the result. A refusal keeps the master's status code
/// (`PermissionDenied`: re-enrol); local failures are `Internal`.
pub async fn renew(
    client: &mut NodeAgentServiceClient<tonic::transport::Channel>,
    id: &mut Identity,
) -> Result<(), tonic::Status> {
    let local = |e: String| tonic::Status::internal(e);
    let key = id.key().map_err(|e| local(e.to_string()))?;
    let csr = identity::csr(&key, &id.meta.name).map_err(|e| local(e.to_string()))?;
    let resp = client.renew_certificate(RenewCertificateRequest { csr_pem: csr }).await?.into_inner();
    let meta = Meta {
        cert_expires_at_ms: resp.certificate_expires_at_ms,
        cert_issued_at_ms: crate::time::now_ms(),
        ..id.meta.clone()
    };
    *id = Identity::save(&id.dir, meta, &resp.certificate_pem, &resp.ca_certificate_pem)
        .map_err(|e| local(e.to_string()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renewal_is_at_seventy_percent_of_lifetime() {
        let now = crate::time::now_ms();
        let meta =
            Meta { name: "n".into(), master: "m:1".into(), cert_issued_at_ms: now, cert_expires_at_ms: now + 100_000 };
        let d = renew_at(&meta);
        assert!(d <= Duration::from_millis(70_000) && d >= Duration::from_millis(69_000), "{d:?}");
        let expired = Meta { cert_issued_at_ms: now - 200_000, cert_expires_at_ms: now - 100_000, ..meta };
        assert_eq!(renew_at(&expired), Duration::ZERO);
    }
}
