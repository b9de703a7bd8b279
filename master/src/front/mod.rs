//! The front door: the one function every request passes, whatever door it
//! came through (gRPC, REST/JSON, the SSE watch, a console token; HTTP/1.1 or
//! HTTP/2). [`FrontDoor::admit`] authenticates the caller (the chain to the
//! current or rotating CA was checked by TLS; here: the certificate's role,
//! its expiry with the node grace only for `RenewCertificate`, revocation and
//! the registry's current serial for nodes, or a console token), authorizes
//! the call against the one table in [`crate::server::authz`], and writes the
//! audit line for every refusal. [`Admitted::finish`] writes the audit line
//! for every mutation that was let in, with its result.
//!
//! Handlers are reached only through [`layer::FrontLayer`]: gRPC requests go
//! on to tonic once admitted, REST requests are dispatched with the
//! [`Admitted`] proof, which only this module can make.
//!
//! # Layout
//! - [`layer`]: the tower layer in front of tonic's router (both doors).
//! - [`target`]: what a call acts on, for the audit line (one function for both doors).

pub mod layer;
pub mod target;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use piccolo_common::time::now_ms;
use tonic::Status;
use tracing::{info, warn};

use crate::audit::{AuditLog, Entry};
use crate::registry::Registry;
use crate::rest::token::ConsoleTokens;
use crate::server::auth::{self, Caller, Role, TokenViewer};
use crate::server::authz::{self, Access, Decision, Rule};
use crate::server::tls::PeerInfo;

/// Which door a request came through (the audit line's `door`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Door {
    /// gRPC (piccoloctl, agents).
    Grpc,
    /// REST/JSON with a client certificate (or none).
    Rest,
    /// REST/JSON with a console token (`Authorization: Bearer pct1...`).
    Console,
}

impl Door {
    /// The spelling in the audit log.
    pub fn as_str(self) -> &'static str {
        match self {
            Door::Grpc => "grpc",
            Door::Rest => "rest",
            Door::Console => "console",
        }
    }
}

/// The one authentication, authorization and audit path.
pub struct FrontDoor {
    audit: Arc<AuditLog>,
    /// How long past expiry a node certificate may still renew.
    grace: Duration,
    registry: Arc<Registry>,
    /// Signs and checks console tokens; `None` when its key could not be set up.
    console: Option<ConsoleTokens>,
}

/// Proof that a request passed the front door; REST handlers cannot be called
/// without one. Carries the caller into the handler and the call's target and
/// result back out to the audit line.
pub struct Admitted {
    pub door: Door,
    pub rule: &'static Rule,
    /// `None` for calls that carry their own credential (enrolment) or need none.
    pub caller: Option<Caller>,
    peer: Option<PeerInfo>,
    viewer: Option<TokenViewer>,
    target: Mutex<String>,
}

fn role_label(c: Option<&Caller>) -> &'static str {
    match c.map(|c| &c.role) {
        Some(Role::Admin) => "admin",
        Some(Role::Viewer) => "viewer",
        Some(Role::Node) => "node",
        None => "none",
    }
}

fn needs(access: Access) -> &'static str {
    match access {
        Access::Admin => "an admin certificate",
        Access::Reader => "an admin or viewer certificate (or a console token)",
        Access::Node => "a node certificate",
        Access::Token => "a bootstrap token",
        Access::Public => "nothing",
    }
}

impl FrontDoor {
    pub fn new(audit: Arc<AuditLog>, grace: Duration, registry: Arc<Registry>, console: Option<ConsoleTokens>) -> Self {
        Self { audit, grace, registry, console }
    }

    /// Console tokens, when enabled (issued by `POST /api/v1/console/tokens`).
    pub fn console_tokens(&self) -> Option<&ConsoleTokens> {
        self.console.as_ref()
    }

    /// Who is calling: the client certificate, else a console token (REST only).
    fn authenticate(&self, peer: Option<&PeerInfo>, bearer: Option<&str>) -> Result<(Option<Caller>, bool), Status> {
        if let Some(tok) = bearer {
            let name = match self.console.as_ref().map(|t| t.verify(tok)) {
                Some(Ok(name)) => name,
                Some(Err(e)) => return Err(Status::unauthenticated(e.to_string())),
                None => {
                    return Err(Status::unauthenticated(
                        "console tokens are disabled on this master (its console.key could not be set up; see its log)",
                    ));
                }
            };
            // A certificate, when the client also presented one, wins.
            if let Some(c) = auth::caller_of(peer)? {
                return Ok((Some(c), false));
            }
            let caller = Caller {
                role: Role::Viewer,
                name,
                serial: String::new(),
                remote: peer.map(|p| p.remote),
                expires_at_ms: i64::MAX,
                public_key: Vec::new(),
            };
            return Ok((Some(caller), true));
        }
        Ok((auth::caller_of(peer)?, false))
    }

    /// Whether `caller` may make the call `rule` now.
    fn authorize(&self, rule: &Rule, caller: Option<&Caller>) -> Result<(), Status> {
        match authz::decide(rule.access, caller.map(|c| &c.role)) {
            Decision::Allow => {}
            Decision::NeedCertificate => return Err(auth::need_cert()),
            Decision::WrongRole => {
                let who = caller.map(|c| format!("{} {:?}", role_label(Some(c)), c.name)).unwrap_or_default();
                return Err(Status::permission_denied(format!(
                    "{who} may not call {}: it needs {}",
                    rule.rpc,
                    needs(rule.access)
                )));
            }
        }
        let Some(c) = caller else { return Ok(()) };
        if matches!(rule.access, Access::Token | Access::Public) {
            return Ok(());
        }
        if c.expires_at_ms < now_ms() {
            // Expired: only a node renewing inside the grace gets through.
            let renewal = rule.rpc == "RenewCertificate" && rule.service == authz::Service::Agent;
            match crate::server::expiry::check(c, self.grace) {
                Ok(true) if renewal => {
                    info!(node = %c.name, rpc = rule.rpc, "expired node certificate accepted inside the renewal grace");
                }
                Ok(_) => {
                    return Err(Status::permission_denied(format!(
                        "the certificate of node {:?} expired; inside the renewal grace it may only call RenewCertificate",
                        c.name
                    )));
                }
                Err(s) => return Err(s),
            }
        }
        if c.role == Role::Node {
            self.registry.authorize(&c.name, &c.serial).map_err(|e| Status::permission_denied(e.to_string()))?;
        }
        Ok(())
    }

    /// Authenticates and authorizes one request; a refusal is audited and
    /// returned as the status to answer with. `rule` is `None` for a path of
    /// ours with no rule (refused: fail closed).
    pub fn admit(
        &self,
        door: Door,
        rule: Option<&'static Rule>,
        call: &str,
        peer: Option<&PeerInfo>,
        bearer: Option<&str>,
    ) -> Result<Admitted, Status> {
        let (door, outcome) = match self.authenticate(peer, bearer) {
            Err(s) => (if bearer.is_some() { Door::Console } else { door }, Err((None, s))),
            Ok((caller, by_token)) => {
                let door = if by_token { Door::Console } else { door };
                let outcome = match rule {
                    None => Err(Status::permission_denied(format!("{call} has no authorization rule; refused"))),
                    Some(r) => self.authorize(r, caller.as_ref()),
                };
                (door, outcome.map(|()| caller.clone()).map_err(|s| (caller, s)))
            }
        };
        match (outcome, rule) {
            (Ok(caller), Some(rule)) => Ok(Admitted {
                door,
                rule,
                viewer: caller.as_ref().filter(|_| door == Door::Console).map(|c| TokenViewer { name: c.name.clone() }),
                caller,
                peer: peer.cloned(),
                target: Mutex::new(String::new()),
            }),
            (Ok(_), None) => Err(Status::internal("admitted without a rule")),
            (Err((caller, status)), _) => {
                let entry = Entry {
                    time_ms: now_ms(),
                    who: caller.as_ref().map(|c| c.name.clone()).unwrap_or_default(),
                    role: role_label(caller.as_ref()).into(),
                    door: door.as_str().into(),
                    remote: peer.map(|p| p.remote.to_string()).unwrap_or_default(),
                    rpc: rule.map(|r| r.rpc).unwrap_or(call).to_string(),
                    target: String::new(),
                    result: format!("{:?}", status.code()),
                    message: status.message().to_string(),
                };
                warn!(rpc = %entry.rpc, door = %entry.door, who = %entry.who, role = %entry.role, remote = %entry.remote, "call refused: {}", status.message());
                self.audit.record(&entry);
                Err(status)
            }
        }
    }
}

impl Admitted {
    /// Records what the call acts on (from its request message).
    pub fn set_target(&self, target: String) {
        *self.target.lock().unwrap_or_else(|p| p.into_inner()) = target;
    }

    /// A gRPC request for an in-process handler, carrying this caller (REST
    /// routes call the gRPC service's methods this way); records its target.
    pub fn request<T: prost::Message>(&self, msg: T) -> tonic::Request<T> {
        self.set_target(target::of(self.rule.rpc, &msg.encode_to_vec()));
        let mut r = tonic::Request::new(msg);
        if let Some(p) = &self.peer {
            r.extensions_mut().insert(p.clone());
        }
        if let Some(v) = &self.viewer {
            r.extensions_mut().insert(v.clone());
        }
        r
    }

    /// Writes the audit line of an admitted mutation with its result (`ok`
    /// or the gRPC code name); other calls leave none.
    pub fn finish(&self, front: &FrontDoor, result: Result<(), (tonic::Code, String)>) {
        if !self.rule.mutation {
            return;
        }
        let (result, message) = match result {
            Ok(()) => ("ok".to_string(), String::new()),
            Err((code, message)) => (format!("{code:?}"), message),
        };
        front.audit.record(&Entry {
            time_ms: now_ms(),
            who: self.caller.as_ref().map(|c| c.name.clone()).unwrap_or_default(),
            role: role_label(self.caller.as_ref()).into(),
            door: self.door.as_str().into(),
            remote: self.peer.as_ref().map(|p| p.remote.to_string()).unwrap_or_default(),
            rpc: self.rule.rpc.to_string(),
            target: self.target.lock().unwrap_or_else(|p| p.into_inner()).clone(),
            result,
            message,
        });
    }
}
