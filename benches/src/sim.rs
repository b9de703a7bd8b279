//! One simulated agent, speaking the real agent's protocol with the real
//! agent's connection code (`piccolo_common::connect`, `tls`, `pin`): its own
//! ECDSA P-256 key, enrolment with a bootstrap token, a CSR and a CA pin, then
//! a mutual-TLS `Session` stream: Hello, a full status report, heartbeats at the
//! interval the master pushes, periodic full reports, config acks. When the
//! session ends it reconnects with the agent's backoff (1 s doubling to a cap,
//! half fixed, half random). Given several masters (`--masters`), it fails
//! over as the agent does ([`crate::masters`]): another master after a short
//! jitter, learning the list every session sends. What differs from `piccolo-agent`: the identity is
//! kept in memory instead of a data dir, and facts and resources are canned, so
//! thousands fit in one process without touching the disk.

use std::sync::Arc;
use std::time::{Duration, Instant};

use piccolo_common::connect::{ConnectOptions, connect, error_chain};
use piccolo_common::pin::PinnedCaVerifier;
use piccolo_common::time::now_ms;
use piccolo_common::tls::{Identity as TlsIdentity, client_config};
use piccolo_proto::limits::{MAX_AGENT_MESSAGE_BYTES, MAX_MASTER_MESSAGE_BYTES};
use piccolo_proto::node_agent_service_client::NodeAgentServiceClient;
use piccolo_proto::{
    AgentMessage, CheckResult, CommandResult, ConfigAck, Heartbeat, Hello, NodeFacts, NodeRegistrationRequest,
    NodeState, Resources, StatusReport, agent_message, master_message,
};
use rcgen::{CertificateParams, DistinguishedName, DnType, KeyPair};
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use tokio::sync::{Semaphore, mpsc, watch};
use tokio::time::{MissedTickBehavior, interval};
use tokio_stream::wrappers::ReceiverStream;
use tonic::Code;

use crate::backoff::Backoff;
use crate::masters::Masters;
use crate::stats::Stats;

/// What the worker tells its agents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Control {
    /// Bumped to make every agent drop its connection and reconnect.
    pub epoch: u64,
    pub stop: bool,
}

/// What every agent of a worker shares.
pub struct Fleet {
    /// The masters of the cluster (HOST:PORT); one for a single master.
    pub masters: Vec<String>,
    /// `sha256:<hex>` of the cluster CA, pinned at enrolment like `--ca-cert-hash`.
    pub ca_pin: String,
    /// Used until the master pushes an interval.
    pub default_heartbeat: Duration,
    pub reconnect_cap: Duration,
    pub stats: Arc<Stats>,
    pub control: watch::Receiver<Control>,
    /// Bounds concurrent enrolments (paced fleets); a storm gets a huge one.
    pub enrol_gate: Arc<Semaphore>,
}

/// An enrolled identity, kept in memory.
struct Enrolled {
    key: PrivateKeyDer<'static>,
    chain: Vec<CertificateDer<'static>>,
    ca: Vec<CertificateDer<'static>>,
    heartbeat: Duration,
    status: Duration,
}

enum Failure {
    /// Worth retrying after a backoff (network, overload).
    Retry(String),
    /// Retrying will not help (refused token, removed node): counted as an error.
    Fatal(String),
}

enum Ended {
    Stop,
    /// The worker asked for a mass disconnect.
    Dropped,
    /// No session could be made (refused connection, handshake dropped under load).
    NoSession(String),
    /// An established session broke by itself.
    Lost(String),
    Fatal(String),
}

/// The agent's connection settings (agent defaults: keepalive 10 s / 5 s).
fn connect_options() -> ConnectOptions {
    ConnectOptions {
        connect_timeout: Duration::from_secs(5),
        keepalive_interval: Duration::from_secs(10),
        keepalive_timeout: Duration::from_secs(5),
    }
}

fn facts(name: &str) -> NodeFacts {
    NodeFacts {
        hostname: name.to_string(),
        ips: vec!["127.0.0.1".into()],
        arch: std::env::consts::ARCH.into(),
        os: "Linux".into(),
        kernel: "6.1.0-sim".into(),
        cpu_count: 4,
        memory_bytes: 2 << 30,
        disk_bytes: 16 << 30,
        agent_version: concat!(env!("CARGO_PKG_VERSION"), "-loadgen").into(),
    }
}

fn checks() -> Vec<CheckResult> {
    ["kernel", "cgroups", "memory", "disk", "clock", "data_dir"]
        .iter()
        .map(|n| CheckResult {
            name: (*n).into(),
            ok: true,
            required: matches!(*n, "memory" | "disk" | "clock" | "data_dir"),
            detail: "ok".into(),
            hint: String::new(),
        })
        .collect()
}

fn status(full: bool) -> AgentMessage {
    let resources = Resources {
        cpu_percent: 2.5,
        memory_used_bytes: 300 << 20,
        memory_total_bytes: 2 << 30,
        disk_used_bytes: 3 << 30,
        disk_total_bytes: 16 << 30,
        load1: 0.1,
        load5: 0.1,
        load15: 0.05,
        uptime_seconds: 3600,
        sampled_at_ms: now_ms(),
    };
    msg(agent_message::Msg::Status(StatusReport {
        time_ms: now_ms(),
        resources: Some(resources),
        checks: checks(),
        full,
        ..Default::default()
    }))
}

fn msg(m: agent_message::Msg) -> AgentMessage {
    AgentMessage { msg: Some(m) }
}

fn csr(key: &KeyPair, name: &str) -> Result<String, String> {
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(|e| e.to_string())?;
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, name);
    params.distinguished_name = dn;
    params.serialize_request(key).and_then(|r| r.pem()).map_err(|e| e.to_string())
}

fn ms_or(v: u32, fallback: Duration) -> Duration {
    if v > 0 { Duration::from_millis(u64::from(v)) } else { fallback }
}

/// Enrols once: pinned TLS without a client certificate, RegisterNode, checks
/// that the CA in the answer is the one pinned in the handshake.
async fn enroll(fleet: &Fleet, master: &str, name: &str, token: &str, key: &KeyPair) -> Result<Enrolled, Failure> {
    let verifier = PinnedCaVerifier::new(&fleet.ca_pin).map_err(|e| Failure::Fatal(e.to_string()))?;
    let tls = verifier.client_config().map_err(|e| Failure::Fatal(e.to_string()))?;
    let channel = connect(master, Arc::new(tls), connect_options())
        .await
        .map_err(|e| Failure::Retry(format!("enrol connect: {}", error_chain(&e))))?;
    let mut client = NodeAgentServiceClient::new(channel)
        .max_decoding_message_size(MAX_MASTER_MESSAGE_BYTES)
        .max_encoding_message_size(MAX_AGENT_MESSAGE_BYTES);
    let request = NodeRegistrationRequest {
        token: token.to_string(),
        name: name.to_string(),
        csr_pem: csr(key, name).map_err(Failure::Fatal)?,
        facts: Some(facts(name)),
    };
    let resp = client.register_node(request).await.map_err(|s| match s.code() {
        Code::Unavailable | Code::DeadlineExceeded | Code::Unknown => {
            Failure::Retry(format!("enrol: {:?}: {}", s.code(), s.message()))
        }
        c => Failure::Fatal(format!("enrol refused ({c:?}): {}", s.message())),
    })?;
    let resp = resp.into_inner();
    let ca = piccolo_common::pem::certs(&resp.ca_certificate_pem).map_err(|e| Failure::Fatal(e.to_string()))?;
    if ca.first().map(|c| c.as_ref()) != verifier.pinned_ca().as_ref().map(|c| c.as_ref()) {
        return Err(Failure::Fatal("the CA in the answer differs from the pinned one".into()));
    }
    let chain = piccolo_common::pem::certs(&resp.certificate_pem).map_err(|e| Failure::Fatal(e.to_string()))?;
    let key = piccolo_common::pem::private_key(&key.serialize_pem()).map_err(|e| Failure::Fatal(e.to_string()))?;
    let cfg = resp.config.unwrap_or_default();
    let heartbeat = ms_or(cfg.heartbeat_interval_ms, fleet.default_heartbeat);
    Ok(Enrolled { key, chain, ca, heartbeat, status: ms_or(cfg.status_interval_ms, heartbeat * 6) })
}

/// Runs one agent until the worker stops it; it starts at master `start` of the list.
pub async fn run(fleet: Arc<Fleet>, name: String, token: String, start: usize) {
    let stats = fleet.stats.clone();
    let mut control = fleet.control.clone();
    let key = match KeyPair::generate() {
        Ok(k) => k,
        Err(e) => return stats.error(&format!("keygen: {e}")),
    };
    let mut backoff = Backoff::new(fleet.reconnect_cap);
    let mut masters = Masters::new(fleet.masters.clone(), start);
    let mut id = loop {
        if control.borrow().stop {
            return;
        }
        let attempt = {
            let Ok(_permit) = fleet.enrol_gate.acquire().await else { return };
            let t = Instant::now();
            let r = enroll(&fleet, masters.current(), &name, &token, &key).await;
            if r.is_ok() {
                stats.enrolled(t.elapsed());
            }
            r
        };
        match attempt {
            Ok(id) => break id,
            Err(Failure::Fatal(e)) => return stats.error(&e),
            Err(Failure::Retry(e)) => {
                stats.retry(&e);
                masters.advance();
                if !sleep_or_stop(backoff.step(), &mut control).await {
                    return;
                }
            }
        }
    };
    backoff.reset();
    loop {
        let started = Instant::now();
        let epoch = control.borrow().epoch;
        let ended = session(&fleet, &name, &mut id, &mut masters, epoch, &mut control).await;
        match ended {
            Ended::Stop => return,
            Ended::Fatal(e) => return stats.error(&e),
            Ended::Dropped => {}
            Ended::NoSession(e) => stats.retry(&e),
            // With several masters a lost session is what failover is for
            // (a master killed on purpose); with one it is an error.
            Ended::Lost(e) if fleet.masters.len() > 1 => stats.retry(&format!("failing over: {e}")),
            Ended::Lost(e) => stats.error(&e),
        }
        // As the agent: a session that lasted resets the backoff.
        if started.elapsed() > Duration::from_secs(30) {
            backoff.reset();
        }
        // As the agent: another master, soon after a session, else the backoff.
        let wait = masters.advance().unwrap_or_else(|| backoff.step());
        if !sleep_or_stop(wait, &mut control).await {
            return;
        }
    }
}

async fn sleep_or_stop(d: Duration, control: &mut watch::Receiver<Control>) -> bool {
    let stop = async {
        let _ = control.wait_for(|c| c.stop).await;
    };
    tokio::select! {
        _ = tokio::time::sleep(d) => true,
        _ = stop => false,
    }
}

fn ticker(every: Duration, fire_now: bool) -> tokio::time::Interval {
    let mut t = interval(every);
    t.set_missed_tick_behavior(MissedTickBehavior::Delay);
    if !fire_now {
        t.reset();
    }
    t
}

/// One session; returns why it ended.
async fn session(
    fleet: &Fleet,
    name: &str,
    id: &mut Enrolled,
    masters: &mut Masters,
    epoch: u64,
    control: &mut watch::Receiver<Control>,
) -> Ended {
    let stats = &fleet.stats;
    // A fresh TLS config per session, as the agent builds one from its files:
    // no session resumption across reconnects.
    let identity = TlsIdentity { chain: id.chain.clone(), key: id.key.clone_key() };
    let tls = match client_config(&id.ca, Some(identity)) {
        Ok(t) => t,
        Err(e) => return Ended::Fatal(e.to_string()),
    };
    let connecting = tokio::select! {
        r = connect(masters.current(), Arc::new(tls), connect_options()) => r,
        _ = control.wait_for(|c| c.stop || c.epoch != epoch) => return Ended::Stop,
    };
    let channel = match connecting {
        Ok(c) => c,
        Err(e) => return Ended::NoSession(format!("connect: {}", error_chain(&e))),
    };
    let mut client = NodeAgentServiceClient::new(channel)
        .max_decoding_message_size(MAX_MASTER_MESSAGE_BYTES)
        .max_encoding_message_size(MAX_AGENT_MESSAGE_BYTES);
    let (tx, rx) = mpsc::channel::<AgentMessage>(32);
    let _ = tx.try_send(msg(agent_message::Msg::Hello(Hello { facts: Some(facts(name)), config_version: 0 })));
    let _ = tx.try_send(status(true));
    let mut inbound = match client.session(ReceiverStream::new(rx)).await {
        Ok(r) => r.into_inner(),
        Err(s) if s.code() == Code::PermissionDenied => {
            return Ended::Fatal(format!("session refused: {}", s.message()));
        }
        Err(s) => return Ended::NoSession(format!("session: {}", error_chain(&s))),
    };
    let _session = stats.session_started(masters.index());
    masters.connected();
    let mut hb = ticker(id.heartbeat, true);
    let mut report = ticker(id.status, false);
    let mut seq: u64 = 0;
    // Heartbeats waiting for their ack, oldest first.
    let mut pending: std::collections::VecDeque<(u64, Instant)> = std::collections::VecDeque::new();
    let mut ready = stats.ready_guard();
    loop {
        tokio::select! {
            _ = hb.tick() => {
                seq += 1;
                if tx.try_send(msg(agent_message::Msg::Heartbeat(Heartbeat { seq }))).is_err() {
                    return Ended::Lost("the master stopped reading our messages".into());
                }
                pending.push_back((seq, Instant::now()));
                stats.heartbeat_sent();
            }
            _ = report.tick() => {
                let _ = tx.try_send(status(true));
            }
            m = inbound.message() => match m {
                Ok(Some(m)) => match m.msg {
                    Some(master_message::Msg::HeartbeatAck(ack)) => {
                        while let Some(&(s, at)) = pending.front() {
                            if s > ack.seq {
                                break;
                            }
                            pending.pop_front();
                            if s == ack.seq {
                                stats.heartbeat_acked(at.elapsed());
                            } else {
                                stats.error("heartbeat without ack");
                            }
                        }
                        ready.set(ack.state() == NodeState::Ready);
                    }
                    // The sim buffers nothing offline.
                    Some(master_message::Msg::ReplayAck(_)) => {}
                    Some(master_message::Msg::Masters(list)) => masters.learn(list.addresses),
                    Some(master_message::Msg::Config(c)) => {
                        let hb_every = ms_or(c.heartbeat_interval_ms, id.heartbeat);
                        let st_every = ms_or(c.status_interval_ms, id.status);
                        if hb_every != id.heartbeat {
                            id.heartbeat = hb_every;
                            hb = ticker(hb_every, false);
                        }
                        if st_every != id.status {
                            id.status = st_every;
                            report = ticker(st_every, false);
                        }
                        let ack = ConfigAck { version: c.version, ok: true, error: String::new() };
                        let _ = tx.try_send(msg(agent_message::Msg::ConfigAck(ack)));
                    }
                    Some(master_message::Msg::Command(cmd)) => {
                        let r = CommandResult { id: cmd.id, ok: false, error: "simulated agent".into() };
                        let _ = tx.try_send(msg(agent_message::Msg::CommandResult(r)));
                    }
                    Some(master_message::Msg::Workloads(set)) => {
                        // A simulated device runs what it is given at once.
                        let ack = piccolo_proto::WorkloadSetAck { version: set.version, ok: true, error: String::new() };
                        let _ = tx.try_send(msg(agent_message::Msg::WorkloadAck(ack)));
                        let _ = tx.try_send(msg(agent_message::Msg::WorkloadReport(crate::workloads::simulated_report(&set))));
                    }
                    Some(master_message::Msg::Logs(r)) => {
                        let c = piccolo_proto::LogChunk { id: r.id, end: true, error: "simulated agent".into(), ..Default::default() };
                        let _ = tx.try_send(msg(agent_message::Msg::LogChunk(c)));
                    }
                    Some(master_message::Msg::Terminate(t)) => return Ended::Fatal(format!("terminated: {}", t.reason)),
                    None => {}
                },
                Ok(None) => return Ended::Lost("the master closed the session".into()),
                Err(s) if s.code() == Code::PermissionDenied => return Ended::Fatal(s.message().to_string()),
                Err(s) => return Ended::Lost(format!("session lost: {}", error_chain(&s))),
            },
            _ = control.changed() => {
                let c = *control.borrow();
                if c.stop {
                    return Ended::Stop;
                }
                if c.epoch != epoch {
                    return Ended::Dropped;
                }
            }
        }
    }
}
