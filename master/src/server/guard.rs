//! The guard in front of both services (a tower layer): looks up every request
//! in the authorization table ([`super::authz`]) and refuses it before any
//! handler runs when the caller's certificate role is not allowed (an RPC of
//! ours with no rule is refused too: fail closed). Admin mutations, allowed or
//! not, are written to the audit log with who, what, when and the result.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use piccolo_common::time::now_ms;
use piccolo_proto::limits::MAX_ADMIN_REQUEST_BYTES;
use piccolo_proto::{
    ContainerActionRequest, CreateTokenRequest, NodeNameRequest, NodeRegistrationRequest, RevokeTokenRequest,
    SetConfigRequest, UpdateTopologyRequest,
};
use prost::Message;
use tonic::Status;
use tonic::body::Body;
use tracing::{info, warn};

use super::auth::{self, Caller, Role};
use super::authz::{self, Decision, Rule};
use super::tls::PeerInfo;
use crate::audit::{AuditLog, Entry};

/// Builds [`Guard`]s.
#[derive(Clone)]
pub struct GuardLayer {
    audit: Arc<AuditLog>,
    grace: Duration,
}

impl GuardLayer {
    /// `grace`: how long past expiry a node certificate may still renew.
    pub fn new(audit: Arc<AuditLog>, grace: Duration) -> Self {
        Self { audit, grace }
    }
}

impl<S> tower_layer::Layer<S> for GuardLayer {
    type Service = Guard<S>;
    fn layer(&self, inner: S) -> Guard<S> {
        Guard { inner, audit: self.audit.clone(), grace: self.grace }
    }
}

/// The guard service.
#[derive(Clone)]
pub struct Guard<S> {
    inner: S,
    audit: Arc<AuditLog>,
    grace: Duration,
}

fn role_label(c: Option<&Caller>) -> &'static str {
    match c.map(|c| &c.role) {
        Some(Role::Admin) => "admin",
        Some(Role::Viewer) => "viewer",
        Some(Role::Node) => "node",
        None => "none",
    }
}

/// What a mutation acts on, from its request (never a token's secret).
fn target(rpc: &str, msg: &[u8]) -> String {
    let d = |r: Result<String, prost::DecodeError>| r.unwrap_or_else(|e| format!("undecodable request: {e}"));
    d(match rpc {
        "ApproveNode" | "CordonNode" | "UncordonNode" | "RemoveNode" | "RevokeNodeCertificate" => {
            NodeNameRequest::decode(msg).map(|r| format!("node={}", r.name))
        }
        "RegisterNode" => NodeRegistrationRequest::decode(msg).map(|r| format!("node={}", r.name)),
        "CreateToken" => CreateTokenRequest::decode(msg).map(|r| {
            let labels: Vec<String> = r.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("ttl={}s uses={} labels=[{}]", r.ttl_seconds, r.uses, labels.join(","))
        }),
        "RevokeToken" => RevokeTokenRequest::decode(msg).map(|r| {
            format!("token={}", r.id.split('.').next().unwrap_or_default().chars().take(16).collect::<String>())
        }),
        "UpdateTopology" => UpdateTopologyRequest::decode(msg)
            .map(|r| format!("topology={}", r.topology.map(|t| t.name).unwrap_or_default())),
        "ContainerAction" => ContainerActionRequest::decode(msg)
            .map(|r| format!("node={} container={} action={}", r.node, r.container, r.action)),
        "SetConfig" => SetConfigRequest::decode(msg).map(|r| {
            let scope = if r.node.is_empty() { "cluster".to_string() } else { format!("node={}", r.node) };
            if r.clear_override { format!("{scope} clear") } else { scope }
        }),
        _ => Ok(String::new()),
    })
}

/// The message of a unary gRPC body (one uncompressed frame).
fn frame(body: &[u8]) -> Option<&[u8]> {
    let (&flag, rest) = body.split_first()?;
    let len = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    if flag != 0 {
        return None;
    }
    rest.get(4..4 + len)
}

fn code_name(code: tonic::Code) -> String {
    format!("{code:?}")
}

impl<S, B> tower_service::Service<http::Request<Body>> for Guard<S>
where
    S: tower_service::Service<http::Request<Body>, Response = http::Response<B>> + Clone + Send + 'static,
    S::Future: Send,
    S::Error: Send,
    B: Default + Send + 'static,
{
    type Response = http::Response<B>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<Body>) -> Self::Future {
        // The clone that was driven to readiness is the one we call.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let path = req.uri().path().to_string();
        if !authz::is_ours(&path) {
            return Box::pin(inner.call(req));
        }
        let audit = self.audit.clone();
        let grace = self.grace;
        Box::pin(async move {
            let caller = auth::caller_of(req.extensions().get::<PeerInfo>());
            let rule: Option<&'static Rule> = authz::lookup(&path);
            let denied = match (&caller, rule) {
                (_, None) => Some(Status::permission_denied(format!("{path} has no authorization rule; refused"))),
                (Err(s), _) => Some(s.clone()),
                (Ok(c), Some(r)) => match authz::decide(r.access, c.as_ref().map(|c| &c.role)) {
                    Decision::Allow if r.access == authz::Access::Token => None,
                    Decision::Allow => match c.as_ref().map(|c| super::expiry::check(c, grace)) {
                        Some(Err(s)) => Some(s),
                        Some(Ok(true)) => {
                            if let Some(c) = c {
                                info!(node = %c.name, rpc = r.rpc, "expired node certificate accepted inside the renewal grace");
                            }
                            None
                        }
                        _ => None,
                    },
                    Decision::NeedCertificate => Some(auth::need_cert()),
                    Decision::WrongRole => Some(Status::permission_denied(format!(
                        "{} may not call {}: it needs {}",
                        c.as_ref()
                            .map(|c| format!("{} certificate {:?}", role_label(Some(c)), c.name))
                            .unwrap_or_default(),
                        r.rpc,
                        match r.access {
                            authz::Access::Admin => "an admin certificate",
                            authz::Access::Reader => "an admin or viewer certificate",
                            authz::Access::Node => "a node certificate",
                            authz::Access::Token => "a bootstrap token",
                        }
                    ))),
                },
            };
            let caller = caller.ok().flatten();
            let audited = rule.filter(|r| r.mutation);
            let remote = req.extensions().get::<PeerInfo>().map(|p| p.remote.to_string()).unwrap_or_default();
            let mut entry = Entry {
                time_ms: 0,
                who: caller.as_ref().map(|c| c.name.clone()).unwrap_or_default(),
                role: role_label(caller.as_ref()).into(),
                remote,
                rpc: rule.map(|r| r.rpc).unwrap_or(path.as_str()).to_string(),
                target: String::new(),
                result: String::new(),
                message: String::new(),
            };
            if let Some(status) = denied {
                warn!(rpc = %entry.rpc, who = %entry.who, role = %entry.role, remote = %entry.remote, "call refused: {}", status.message());
                if audited.is_some() {
                    entry.time_ms = now_ms();
                    entry.result = code_name(status.code());
                    entry.message = status.message().to_string();
                    audit.record(&entry);
                }
                return Ok(status.into_http());
            }
            let Some(rule) = audited else { return inner.call(req).await };
            // Read the (small, unary) request to say what it acts on, then
            // hand the same bytes on.
            let (parts, body) = req.into_parts();
            let bytes = match Limited::new(body, MAX_ADMIN_REQUEST_BYTES + 16).collect().await {
                Ok(c) => c.to_bytes(),
                Err(e) => {
                    let status = Status::resource_exhausted(format!("request too large or unreadable: {e}"));
                    return Ok(status.into_http());
                }
            };
            entry.target = frame(&bytes).map(|m| target(rule.rpc, m)).unwrap_or_default();
            let req = http::Request::from_parts(parts, Body::new(Full::<Bytes>::new(bytes)));
            let resp = inner.call(req).await?;
            let status = Status::from_header_map(resp.headers());
            entry.time_ms = now_ms();
            match status {
                Some(s) if s.code() != tonic::Code::Ok => {
                    entry.result = code_name(s.code());
                    entry.message = s.message().to_string();
                }
                _ => entry.result = "ok".into(),
            }
            audit.record(&entry);
            Ok(resp)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_name_what_a_mutation_acts_on_and_never_a_token_secret() {
        let m = NodeNameRequest { name: "dev-1".into() }.encode_to_vec();
        assert_eq!(target("RemoveNode", &m), "node=dev-1");
        let m = RevokeTokenRequest { id: "abcdef.0123456789abcdef".into() }.encode_to_vec();
        assert_eq!(target("RevokeToken", &m), "token=abcdef");
        let m =
            NodeRegistrationRequest { token: "abcdef.secretsecretsecr".into(), name: "n".into(), ..Default::default() }
                .encode_to_vec();
        assert!(!target("RegisterNode", &m).contains("secret"));
        let mut body = vec![0, 0, 0, 0, 3];
        body.extend_from_slice(b"abc");
        assert_eq!(frame(&body), Some(&b"abc"[..]));
        assert_eq!(frame(&[1, 0, 0, 0, 0]), None);
    }
}
