//! Enrolment, the domain rule behind both services' `RegisterNode`: a
//! bootstrap token and a CSR in, a node record and a signed certificate out.
//! Everything that can be checked without spending the token comes first; a
//! device whose first answer was lost gets its certificate again; a revoked or
//! lapsed node comes back with a new token; a retry that finds the name
//! taken by its own first attempt (its record not yet in memory, here or on
//! another master) waits a moment for that record. Failed attempts feed the
//! per-address limit. The enrolment event records the address the master saw.

use std::sync::Arc;
use std::time::Duration;

use piccolo_common::names::{node_name_from_hostname, validate_node_name};
use piccolo_common::time::now_ms;
use piccolo_proto::{Node, NodeRegistrationRequest, NodeRegistrationResponse, NodeRole, NodeState};
use tonic::{Request, Status};
use tracing::{info, warn};

use crate::ca::ClusterCa;
use crate::configs::Configs;
use crate::metrics::Metrics;
use crate::node_record::NodeRecord;
use crate::registry::Registry;
use crate::registry::RegistryError;
use crate::server::auth;
use crate::server::enrol_limit::EnrolLimit;
use crate::tokens::Tokens;

/// The handles enrolment needs (one, shared by both services).
pub struct Enrolment {
    pub registry: Arc<Registry>,
    pub tokens: Tokens,
    pub ca: Arc<ClusterCa>,
    pub configs: Arc<Configs>,
    /// Failed-enrolment limit per source address.
    pub limit: EnrolLimit,
    /// Refused enrolments: a few logged per address, then a summary.
    pub refusal_log: Arc<crate::server::refusal_log::RefusalLog>,
    pub metrics: Arc<Metrics>,
    pub node_cert_ttl: std::time::Duration,
    pub node_cert_grace: std::time::Duration,
    pub auto_approve: bool,
}

/// Enrolment shared by both services' RegisterNode.
pub async fn enroll<T>(
    state: &Arc<Enrolment>,
    req: Request<T>,
    body: NodeRegistrationRequest,
) -> Result<NodeRegistrationResponse, Status> {
    let ip = auth::peer(&req).map(|p| p.remote.ip());
    let remote = ip.map(|ip| ip.to_string()).unwrap_or_default();
    if let Some(ip) = ip {
        check_limit(state, ip, &remote)?;
    }
    // Once a token use is spent the node record must follow: the work runs
    // to its end in a task of its own even when the caller hangs up (a
    // device that gave up waiting), instead of stopping in between.
    let owned = Arc::clone(state);
    let from = remote.clone();
    let result = match tokio::spawn(async move { enroll_inner(&owned, &from, body).await }).await {
        Ok(result) => result,
        Err(e) => Err(Status::internal(format!("the enrolment stopped: {e}"))),
    };
    if let (Err(s), Some(ip)) = (&result, ip)
        && s.code() == tonic::Code::Unauthenticated
    {
        state.limit.failure(ip);
    }
    note_outcome(state, &remote, &result);
    result
}

/// Refuses an address with too many failed attempts (token guessing?).
fn check_limit(state: &Enrolment, ip: std::net::IpAddr, remote: &str) -> Result<(), Status> {
    let Err(b) = state.limit.check(ip) else { return Ok(()) };
    state.metrics.enrolment("rate_limited");
    if state.refusal_log.note(remote, "rate_limited", "too many failed attempts from this address") {
        warn!(%remote, failures = b.failures, retry_after_s = b.retry_after.as_secs(), "enrolment refused: too many failed attempts from this address (token guessing?)");
    }
    Err(Status::resource_exhausted(format!(
        "too many failed enrolment attempts from {remote} ({} within {}); try again in {} s with a valid token",
        b.failures,
        piccolo_common::config::format_duration(state.limit.window()),
        b.retry_after.as_secs().max(1)
    )))
}

/// Counts the outcome and logs it (refusals: a few per address, then a summary).
fn note_outcome(state: &Enrolment, remote: &str, result: &Result<NodeRegistrationResponse, Status>) {
    match result {
        Ok(r) => {
            state.metrics.enrolment("ok");
            info!(node = %r.node_name, %remote, "node enrolled");
        }
        Err(s) => {
            let kind = match s.code() {
                tonic::Code::Unauthenticated => "bad_token",
                tonic::Code::AlreadyExists => "exists",
                tonic::Code::InvalidArgument => "bad_request",
                _ => "error",
            };
            state.metrics.enrolment(kind);
            // A flood from one address is summarised (server::refusal_log).
            if state.refusal_log.note(remote, kind, s.message()) {
                warn!(%remote, error = %s.message(), "enrolment refused");
            }
        }
    }
}

async fn enroll_inner(
    state: &Enrolment,
    remote: &str,
    body: NodeRegistrationRequest,
) -> Result<NodeRegistrationResponse, Status> {
    let facts = body.facts.clone().unwrap_or_default();
    let name = if body.name.is_empty() { node_name_from_hostname(&facts.hostname) } else { body.name.clone() };
    validate_node_name(&name).map_err(|e| Status::invalid_argument(e.to_string()))?;
    if body.token.is_empty() {
        return Err(Status::unauthenticated(
            "enrolment needs a bootstrap token (--token); create one with `piccoloctl token create`",
        ));
    }
    // Everything that can be checked without spending the token comes first,
    // so a bad request changes no state.
    let issued = state
        .ca
        .sign_csr(&body.csr_pem, &name, state.node_cert_ttl)
        .map_err(|e| Status::invalid_argument(e.to_string()))?;
    let key_sha256 =
        crate::ca::ClusterCa::csr_key_sha256(&body.csr_pem).map_err(|e| Status::invalid_argument(e.to_string()))?;
    let ask = Ask { name, token: body.token, key_sha256, remote, issued };
    // Among several masters a record written by another one a moment ago
    // (a retry after a lost answer goes to the next master) is read from the store.
    match state.registry.get_fresh(&ask.name).await? {
        Some(existing) => re_enroll(state, existing, ask).await,
        None => enroll_new(state, ask, facts).await,
    }
}

/// A checked request, its certificate signed, its token not yet spent.
struct Ask<'a> {
    name: String,
    token: String,
    key_sha256: String,
    remote: &'a str,
    issued: crate::ca::Issued,
}

/// Whether `existing` is the same device (same key) that never connected: the
/// answer to its first attempt was lost (master killed, connection cut), so it
/// gets its certificate again; the token was spent then. "Never connected":
/// no state change since enrolment (a first session moves it out of
/// Initializing), not connected now, and its certificate neither revoked nor
/// lapsed (those re-enrol with a token).
fn resumed(existing: &Node, key_sha256: &str) -> bool {
    !existing.enrol_key_sha256.is_empty()
        && existing.enrol_key_sha256 == key_sha256
        && existing.last_heartbeat_ms == 0
        && existing.state_changed_at_ms == existing.created_at_ms
        && !existing.connected
        && !existing.cert_serial.is_empty()
        && existing.cert_expires_at_ms > now_ms()
}

/// A name already known: the lost first answer again, or a node whose
/// certificate was revoked or expired past the renewal grace back with a new
/// token; anything else is taken.
async fn re_enroll(state: &Enrolment, existing: NodeRecord, ask: Ask<'_>) -> Result<NodeRegistrationResponse, Status> {
    let resumed = resumed(&existing, &ask.key_sha256);
    if !resumed {
        let grace_ms = i64::try_from(state.node_cert_grace.as_millis()).unwrap_or(i64::MAX);
        let lapsed = existing.cert_expires_at_ms > 0 && now_ms() - existing.cert_expires_at_ms > grace_ms;
        if !existing.cert_serial.is_empty() && !lapsed {
            return Err(RegistryError::Exists(ask.name).into());
        }
        state.tokens.consume(&ask.token, &ask.key_sha256).await?;
    }
    state.registry.renew_cert(&ask.name, ask.issued.serial_hex.clone(), ask.issued.not_after_ms).await?;
    let (name, remote) = (&ask.name, ask.remote);
    if resumed {
        info!(node = %name, %remote, "enrolment resumed: the answer to the first attempt was lost");
    } else {
        info!(node = %name, %remote, "node re-enrolled after its certificate was revoked or lapsed");
    }
    Ok(answer(state, ask, existing.state))
}

/// A new node: the token is spent, the record written before the answer.
async fn enroll_new(
    state: &Enrolment,
    ask: Ask<'_>,
    facts: piccolo_proto::NodeFacts,
) -> Result<NodeRegistrationResponse, Status> {
    // The same device asking again soon is not charged twice (see
    // `Tokens::consume`), whatever its first attempt had reached.
    let token = state.tokens.consume(&ask.token, &ask.key_sha256).await?;
    let approved = state.auto_approve;
    let (node_state, reason) =
        if approved { (NodeState::Initializing, "Enrolled") } else { (NodeState::Pending, "AwaitingApproval") };
    let now = now_ms();
    let ip = facts.ips.first().cloned().unwrap_or_else(|| ask.remote.to_string());
    let mut node = Node {
        name: ask.name.clone(),
        ip,
        role: NodeRole::Sub as i32,
        state: node_state as i32,
        reason: reason.into(),
        facts: Some(facts),
        labels: token.labels.clone(),
        created_at_ms: now,
        state_changed_at_ms: now,
        cert_serial: ask.issued.serial_hex.clone(),
        cert_expires_at_ms: ask.issued.not_after_ms,
        approved,
        enrol_key_sha256: ask.key_sha256.clone(),
        ..Default::default()
    };
    // A child master (it says so in its facts, see crate::parent) is a
    // cluster here, not a device: not in `get nodes`, counts or rollouts.
    let child_master = node.facts.as_ref().is_some_and(|f| f.agent_version.starts_with("piccolo-master "));
    if child_master || token.labels.get("piccolo.role").is_some_and(|r| r == "master") {
        node.role = NodeRole::Master as i32;
    }
    match state.registry.enroll(node, ask.remote).await {
        Ok(()) => Ok(answer(state, ask, node_state as i32)),
        // The record could not be written (the store failed): the use is
        // given back unless the write did land after all, so the device's
        // retry is not refused for a token this attempt left unused.
        Err(e @ RegistryError::Store(_)) => {
            if let Ok(None) = state.registry.get_fresh(&ask.name).await
                && let Err(r) = state.tokens.refund(&ask.token, &ask.key_sha256).await
            {
                warn!(node = %ask.name, error = %r, "enrolment failed and its token use could not be given back");
            }
            Err(e.into())
        }
        // Two attempts of one device at once (it gave up on the first one
        // and asked again): the other attempt wrote the record, this one is
        // answered like a resumed one (the token was charged once, for both).
        // (The record may be in the store a moment before it is in memory.)
        Err(RegistryError::Exists(name)) => match first_attempt(state, &ask).await? {
            Some(existing) => re_enroll(state, existing, ask).await,
            None => Err(RegistryError::Exists(name).into()),
        },
        Err(e) => Err(e.into()),
    }
}

/// How long a request whose name is taken waits for its own first
/// attempt's record to be readable (in the store a moment before it is in
/// this master's memory; longer on a slow etcd).
const FIRST_ATTEMPT_WAIT: Duration = Duration::from_secs(3);
const FIRST_ATTEMPT_POLL: Duration = Duration::from_millis(100);

/// The record of this device's (same name, same key) first attempt, if it
/// appears within [`FIRST_ATTEMPT_WAIT`]; `None` at once for another key.
async fn first_attempt(state: &Enrolment, ask: &Ask<'_>) -> Result<Option<NodeRecord>, Status> {
    let deadline = tokio::time::Instant::now() + FIRST_ATTEMPT_WAIT;
    loop {
        match state.registry.get_fresh(&ask.name).await? {
            Some(existing) if resumed(&existing, &ask.key_sha256) => return Ok(Some(existing)),
            Some(_) => return Ok(None),
            None if tokio::time::Instant::now() >= deadline => return Ok(None),
            None => tokio::time::sleep(FIRST_ATTEMPT_POLL).await,
        }
    }
}

/// The answer: the certificate, the trust bundle, the config to run.
fn answer(state: &Enrolment, ask: Ask<'_>, node_state: i32) -> NodeRegistrationResponse {
    NodeRegistrationResponse {
        certificate_pem: ask.issued.cert_pem,
        ca_certificate_pem: state.ca.trust_pem().to_string(),
        state: node_state,
        config: Some(state.configs.effective(&ask.name)),
        certificate_expires_at_ms: ask.issued.not_after_ms,
        node_name: ask.name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enrolled(key: &str) -> Node {
        let now = now_ms();
        Node {
            name: "dev".into(),
            created_at_ms: now,
            state_changed_at_ms: now,
            cert_serial: "0a".into(),
            cert_expires_at_ms: now + 3_600_000,
            enrol_key_sha256: key.into(),
            ..Default::default()
        }
    }

    #[test]
    fn only_the_same_key_that_never_connected_is_answered_again() {
        assert!(resumed(&enrolled("k1"), "k1"), "the same device asking again");
        assert!(!resumed(&enrolled("k1"), "k2"), "another key for the name");
        assert!(!resumed(&enrolled(""), ""), "a record without a key hash");
        let connected = Node { connected: true, ..enrolled("k1") };
        assert!(!resumed(&connected, "k1"), "it has a session: it got its answer");
        let seen = Node { last_heartbeat_ms: 1, ..enrolled("k1") };
        assert!(!resumed(&seen, "k1"));
        let moved = Node { state_changed_at_ms: 1, ..enrolled("k1") };
        assert!(!resumed(&moved, "k1"));
        let revoked = Node { cert_serial: String::new(), ..enrolled("k1") };
        assert!(!resumed(&revoked, "k1"), "revoked: re-enrol with a token");
        let lapsed = Node { cert_expires_at_ms: 1, ..enrolled("k1") };
        assert!(!resumed(&lapsed, "k1"));
    }
}
