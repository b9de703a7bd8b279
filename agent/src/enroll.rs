//! First contact: trust the master by its CA file or CA hash pin, send the
//! bootstrap token, a CSR (the key stays here) and the device's facts, and
//! store the certificate that comes back.

use std::path::Path;
use std::sync::Arc;

use piccolo_common::connect::{ConnectOptions, connect, error_chain};
use piccolo_common::pin::PinnedCaVerifier;
use piccolo_proto::NodeRegistrationRequest;
use piccolo_proto::limits::{MAX_AGENT_MESSAGE_BYTES, MAX_MASTER_MESSAGE_BYTES};
use piccolo_proto::node_agent_service_client::NodeAgentServiceClient;
use thiserror::Error;

use crate::config::AgentConfig;
use crate::facts::node_facts;
use crate::identity::{self, Identity, IdentityError, Meta};

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

/// Enrols this device and returns its new identity.
pub async fn enroll(cfg: &AgentConfig, dir: &Path) -> Result<Identity, EnrollError> {
    if cfg.token.is_empty() {
        return Err(EnrollError::Missing("no bootstrap token was given (--token or PICCOLO_TOKEN)"));
    }
    let key = identity::load_or_create_key(dir)?;
    let facts = node_facts(dir);
    let name = if cfg.name.is_empty() {
        piccolo_common::names::node_name_from_hostname(&facts.hostname)
    } else {
        cfg.name.clone()
    };
    let (tls, pin) = if !cfg.ca_file.is_empty() {
        let pem = std::fs::read_to_string(&cfg.ca_file)
            .map_err(|e| EnrollError::CaFile { path: cfg.ca_file.clone(), reason: e.to_string() })?;
        let ca = piccolo_common::pem::certs(&pem)
            .map_err(|e| EnrollError::CaFile { path: cfg.ca_file.clone(), reason: e.to_string() })?;
        let tls = piccolo_common::tls::client_config(&ca, None).map_err(|e| EnrollError::Trust(e.to_string()))?;
        (tls, None)
    } else if !cfg.ca_cert_hash.is_empty() {
        let verifier = PinnedCaVerifier::new(&cfg.ca_cert_hash).map_err(|e| EnrollError::Trust(e.to_string()))?;
        let tls = verifier.client_config().map_err(|e| EnrollError::Trust(e.to_string()))?;
        (tls, Some(verifier))
    } else {
        return Err(EnrollError::Missing(
            "no way to trust the master was given: pass --ca-file FILE or --ca-cert-hash sha256:HEX",
        ));
    };
    let opts = ConnectOptions {
        keepalive_interval: cfg.keepalive_interval,
        keepalive_timeout: cfg.keepalive_timeout,
        ..Default::default()
    };
    let channel = connect(&cfg.master, Arc::new(tls), opts).await.map_err(|e| {
        match pin.as_ref().and_then(|p| p.last_error()) {
            Some(why) => EnrollError::Trust(why),
            None => EnrollError::Unreachable(error_chain(&e)),
        }
    })?;
    let mut client = NodeAgentServiceClient::new(channel)
        .max_decoding_message_size(MAX_MASTER_MESSAGE_BYTES)
        .max_encoding_message_size(MAX_AGENT_MESSAGE_BYTES);
    let request = NodeRegistrationRequest {
        token: cfg.token.clone(),
        name: name.clone(),
        csr_pem: identity::csr(&key, &name)?,
        facts: Some(facts),
    };
    let resp = client.register_node(request).await.map_err(|s| match s.code() {
        tonic::Code::Unavailable | tonic::Code::DeadlineExceeded | tonic::Code::Unknown => {
            match pin.as_ref().and_then(|p| p.last_error()) {
                Some(why) => EnrollError::Trust(why),
                None => EnrollError::Unreachable(s.message().to_string()),
            }
        }
        _ => EnrollError::Refused(s.message().to_string()),
    })?;
    let resp = resp.into_inner();
    if let Some(verifier) = &pin {
        // The CA the master hands us must be the one we pinned in the handshake.
        let got =
            piccolo_common::pem::certs(&resp.ca_certificate_pem).map_err(|e| EnrollError::Mismatch(e.to_string()))?;
        let seen = verifier
            .pinned_ca()
            .ok_or_else(|| EnrollError::Mismatch("no CA was pinned during the handshake".into()))?;
        if got.first().map(|c| c.as_ref()) != Some(seen.as_ref()) {
            return Err(EnrollError::Mismatch("the CA in the response differs from the pinned one".into()));
        }
    }
    let meta = Meta {
        name: resp.node_name.clone(),
        master: cfg.master.clone(),
        cert_expires_at_ms: resp.certificate_expires_at_ms,
        cert_issued_at_ms: piccolo_common::time::now_ms(),
    };
    Ok(Identity::save(dir, meta, &resp.certificate_pem, &resp.ca_certificate_pem)?)
}
