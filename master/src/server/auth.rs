//! Who is calling: the role and name come from the client certificate's
//! subject (O= role, CN= name), never from a request field. Node callers are
//! also checked against the registry, so a removed node's or a replaced
//! certificate stops working at once.

use piccolo_common::names::{ADMIN_ORG, NODE_ORG, VIEWER_ORG};
use tonic::{Request, Status};

use super::tls::PeerInfo;
use crate::registry::Registry;

/// A caller's role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Node,
    Admin,
    Viewer,
}

/// An authenticated caller.
#[derive(Debug, Clone)]
pub struct Caller {
    pub role: Role,
    pub name: String,
    pub serial: String,
    pub remote: Option<std::net::SocketAddr>,
    /// The certificate's notAfter (Unix ms): expired ones reach the handlers
    /// only inside the node renewal grace ([`super::expiry`]).
    pub expires_at_ms: i64,
    /// The certificate's raw public key (renewal past expiry must keep it).
    pub public_key: Vec<u8>,
}

/// A browser's console-token identity, attached by the REST layer after it
/// checked the token (gRPC requests never carry it). It only ever reads.
#[derive(Debug, Clone)]
pub struct TokenViewer {
    pub name: String,
}

/// The peer info tonic attached to a request.
pub fn peer<T>(req: &Request<T>) -> Option<&PeerInfo> {
    req.extensions().get::<PeerInfo>()
}

/// The caller, if it presented a client certificate.
pub fn caller<T>(req: &Request<T>) -> Result<Option<Caller>, Status> {
    if let Some(c) = caller_of(peer(req))? {
        return Ok(Some(c));
    }
    // A browser's console token (checked and attached by the REST layer) reads as a viewer.
    Ok(req.extensions().get::<TokenViewer>().map(|v| Caller {
        role: Role::Viewer,
        name: v.name.clone(),
        serial: String::new(),
        remote: peer(req).map(|p| p.remote),
        expires_at_ms: i64::MAX,
        public_key: Vec::new(),
    }))
}

/// The caller behind a connection's peer info (also used by the guard layer).
pub fn caller_of(info: Option<&PeerInfo>) -> Result<Option<Caller>, Status> {
    let Some(info) = info else { return Ok(None) };
    let Some(leaf) = info.certs.as_ref().and_then(|c| c.first()) else { return Ok(None) };
    let id = identity(leaf)?;
    Ok(Some(Caller {
        role: id.role,
        name: id.name,
        serial: id.serial,
        remote: Some(info.remote),
        expires_at_ms: id.expires_at_ms,
        public_key: id.public_key,
    }))
}

/// What a Piccolo certificate says.
pub struct CertIdentity {
    pub role: Role,
    /// Subject CN.
    pub name: String,
    /// Serial, hex.
    pub serial: String,
    pub expires_at_ms: i64,
    pub public_key: Vec<u8>,
}

/// Role, name (CN), serial, expiry and key of a Piccolo certificate.
pub fn identity(der: &[u8]) -> Result<CertIdentity, Status> {
    let (_, cert) = x509_parser::parse_x509_certificate(der)
        .map_err(|_| Status::unauthenticated("client certificate is unreadable"))?;
    let first = |it: &mut dyn Iterator<Item = &x509_parser::x509::AttributeTypeAndValue<'_>>| {
        it.next().and_then(|a| a.as_str().ok()).map(str::to_string)
    };
    let name = first(&mut cert.subject().iter_common_name()).unwrap_or_default();
    let org = first(&mut cert.subject().iter_organization()).unwrap_or_default();
    let role = match org.as_str() {
        NODE_ORG => Role::Node,
        ADMIN_ORG => Role::Admin,
        VIEWER_ORG => Role::Viewer,
        other => return Err(Status::permission_denied(format!("certificate role {other:?} is not a Piccolo role"))),
    };
    Ok(CertIdentity {
        role,
        name,
        serial: hex::encode(cert.raw_serial()),
        expires_at_ms: cert.validity().not_after.timestamp().saturating_mul(1000),
        public_key: cert.public_key().subject_public_key.data.to_vec(),
    })
}

pub fn need_cert() -> Status {
    Status::unauthenticated(
        "this call needs a client certificate (mutual TLS); enrol the node first or use an admin credential",
    )
}

/// Requires an admin certificate.
pub fn admin<T>(req: &Request<T>) -> Result<Caller, Status> {
    let c = caller(req)?.ok_or_else(need_cert)?;
    match c.role {
        Role::Admin => Ok(c),
        _ => Err(Status::permission_denied(format!(
            "{} is not allowed: this call needs an admin certificate (the caller is {:?} {:?})",
            "request", c.role, c.name
        ))),
    }
}

/// Requires an admin or viewer certificate (read-only calls).
pub fn reader<T>(req: &Request<T>) -> Result<Caller, Status> {
    let c = caller(req)?.ok_or_else(need_cert)?;
    match c.role {
        Role::Admin | Role::Viewer => Ok(c),
        Role::Node => Err(Status::permission_denied(format!(
            "node certificates may not read cluster state (caller is node {:?}); use an admin or viewer credential",
            c.name
        ))),
    }
}

/// Requires a node certificate that is current for a node in the registry.
pub fn node<T>(req: &Request<T>, registry: &Registry) -> Result<Caller, Status> {
    let c = caller(req)?.ok_or_else(need_cert)?;
    if c.role != Role::Node {
        return Err(Status::permission_denied("this call is for node agents; admin certificates cannot act as a node"));
    }
    registry.authorize(&c.name, &c.serial).map_err(|e| Status::permission_denied(e.to_string()))?;
    Ok(c)
}
