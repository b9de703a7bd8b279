//! Child side of a multi-embedded cluster: a master configured with
//! `parent_master` enrols with it like a device (bootstrap token, CSR, CA pin
//! or file; `piccolo_common::enroll`), then keeps one session to it: a hello,
//! heartbeats at the interval the parent pushes, and a `ClusterReport` (node
//! counts by state, own health, zone) on connect and whenever it changes.
//! The link is optional to the child's work: its own nodes are served whatever
//! the parent does, and after a parent outage the loop reconnects (capped
//! backoff with jitter) and resends the report, which is the resync. Its
//! certificate is renewed like a device's (`piccolo_common::enroll::renew`).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use piccolo_common::connect::{ConnectOptions, connect, error_chain};
use piccolo_common::enroll::{EnrollParams, enroll};
use piccolo_common::identity::{self, Identity};
use piccolo_proto::limits::{MAX_AGENT_MESSAGE_BYTES, MAX_MASTER_MESSAGE_BYTES};
use piccolo_proto::node_agent_service_client::NodeAgentServiceClient;
use piccolo_proto::*;
use rand::Rng;
use tokio::sync::{mpsc, watch};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;
use tracing::{info, warn};

use crate::config::MasterConfig;
use crate::persister::Persister;
use crate::registry::Registry;

/// What the link to the parent reads: this master's config (parent address,
/// cluster name, zone, data dir) and the state it reports.
pub struct Link {
    pub cfg: MasterConfig,
    pub registry: Arc<Registry>,
    pub persister: Arc<Persister>,
}

/// This cluster's aggregate as its parent sees it.
pub fn report(state: &Link) -> ClusterReport {
    let counts = state.registry.counts();
    let nodes_by_state: HashMap<String, u32> =
        counts.iter().map(|(s, n)| (s.label().to_string(), u32::try_from(*n).unwrap_or(u32::MAX))).collect();
    let healthy = state.persister.healthy();
    ClusterReport {
        cluster: state.cfg.cluster_name.clone(),
        zone: state.cfg.zone.clone(),
        nodes: nodes_by_state.values().sum(),
        nodes_by_state,
        healthy,
        health: if healthy { "ok".into() } else { "store unreachable or behind".into() },
        version: env!("CARGO_PKG_VERSION").into(),
    }
}

fn msg(m: agent_message::Msg) -> AgentMessage {
    AgentMessage { msg: Some(m) }
}

enum End {
    Shutdown,
    Removed,
    Lost(String),
}

async fn identity(state: &Link, dir: &std::path::Path) -> Result<Identity, (String, bool)> {
    if let Some(id) = Identity::load(dir).map_err(|e| (e.to_string(), false))? {
        return Ok(id);
    }
    let cfg = &state.cfg;
    let facts = NodeFacts {
        hostname: cfg.cluster_name.clone(),
        agent_version: format!("piccolo-master {}", env!("CARGO_PKG_VERSION")),
        ..Default::default()
    };
    let params = EnrollParams {
        master: &cfg.parent_master,
        token: &cfg.parent_token,
        name: &cfg.cluster_name,
        ca_file: &cfg.parent_ca_file,
        ca_cert_hash: &cfg.parent_ca_cert_hash,
        facts,
        keepalive_interval: cfg.keepalive_interval,
        keepalive_timeout: cfg.keepalive_timeout,
    };
    let id = enroll(params, dir).await.map_err(|e| (e.to_string(), e.is_retryable()))?;
    info!(parent = %cfg.parent_master, name = %id.meta.name, "enrolled with the parent master");
    Ok(id)
}

async fn session(state: &Link, id: &mut Identity, shutdown: &mut watch::Receiver<bool>, linked: &mut bool) -> End {
    let cfg = &state.cfg;
    let tls = match id.tls_config() {
        Ok(t) => t,
        Err(e) => return End::Lost(e.to_string()),
    };
    let opts = ConnectOptions {
        keepalive_interval: cfg.keepalive_interval,
        keepalive_timeout: cfg.keepalive_timeout,
        ..Default::default()
    };
    let channel = match connect(&cfg.parent_master, Arc::new(tls), opts).await {
        Ok(c) => c,
        Err(e) => return End::Lost(error_chain(&e)),
    };
    let mut client = NodeAgentServiceClient::new(channel)
        .max_decoding_message_size(MAX_MASTER_MESSAGE_BYTES)
        .max_encoding_message_size(MAX_AGENT_MESSAGE_BYTES);
    if piccolo_common::enroll::expired(&id.meta) {
        // Like a device: an expired certificate may only renew (inside the grace).
        return match piccolo_common::enroll::renew(&mut client, id).await {
            Ok(()) => End::Lost("expired certificate renewed; reconnecting with it".into()),
            Err(s) if s.code() == tonic::Code::PermissionDenied => End::Removed,
            Err(s) => End::Lost(s.message().to_string()),
        };
    }
    let (tx, rx) = mpsc::channel(16);
    let facts = NodeFacts { hostname: cfg.cluster_name.clone(), ..Default::default() };
    let _ = tx.try_send(msg(agent_message::Msg::Hello(Hello { facts: Some(facts), config_version: 0 })));
    // Its readiness result, as a device's first report: a child master has no
    // readiness checks of its own (its health is in the ClusterReport).
    let ready = piccolo_proto::StatusReport { full: true, ..Default::default() };
    let _ = tx.try_send(msg(agent_message::Msg::Status(ready)));
    let mut last = report(state);
    let _ = tx.try_send(msg(agent_message::Msg::ClusterReport(last.clone())));
    let mut inbound = match client.session(ReceiverStream::new(rx)).await {
        Ok(r) => r.into_inner(),
        Err(s) if s.code() == tonic::Code::PermissionDenied => return End::Removed,
        Err(s) => return End::Lost(s.message().to_string()),
    };
    info!(parent = %cfg.parent_master, "linked to the parent master");
    *linked = true;
    let mut interval = cfg.heartbeat_interval;
    let mut tick = tokio::time::interval(interval);
    let mut seq = 0u64;
    let renewal = tokio::time::sleep(piccolo_common::enroll::renew_at(&id.meta));
    tokio::pin!(renewal);
    loop {
        tokio::select! {
            _ = &mut renewal => {
                // Same rule as a device: renew at 70 % of the lifetime, then
                // reconnect with the new certificate.
                match piccolo_common::enroll::renew(&mut client, id).await {
                    Ok(()) => return End::Lost("certificate renewed; reconnecting with it".into()),
                    Err(e) => {
                        warn!(error = %e.message(), "renewing the certificate for the parent failed; retrying in 60s");
                        renewal.as_mut().reset(tokio::time::Instant::now() + Duration::from_secs(60));
                    }
                }
            }
            _ = tick.tick() => {
                seq += 1;
                let _ = tx.try_send(msg(agent_message::Msg::Heartbeat(Heartbeat { seq })));
                let now = report(state);
                if now != last {
                    let _ = tx.try_send(msg(agent_message::Msg::ClusterReport(now.clone())));
                    last = now;
                }
            }
            m = inbound.next() => match m {
                Some(Ok(MasterMessage { msg: Some(master_message::Msg::Config(c)) })) => {
                    if c.heartbeat_interval_ms > 0 && Duration::from_millis(u64::from(c.heartbeat_interval_ms)) != interval {
                        interval = Duration::from_millis(u64::from(c.heartbeat_interval_ms));
                        tick = tokio::time::interval(interval);
                    }
                    let ack = ConfigAck { version: c.version, ok: true, error: String::new() };
                    let _ = tx.try_send(msg(agent_message::Msg::ConfigAck(ack)));
                }
                Some(Ok(MasterMessage { msg: Some(master_message::Msg::Terminate(_)) })) => return End::Removed,
                Some(Ok(_)) => {}
                Some(Err(s)) if s.code() == tonic::Code::PermissionDenied => return End::Removed,
                Some(Err(s)) => return End::Lost(s.message().to_string()),
                None => return End::Lost("the parent closed the session".into()),
            },
            _ = crate::stopped(shutdown) => return End::Shutdown,
        }
    }
}

/// Keeps the link to the parent until shutdown.
pub async fn run(state: Arc<Link>, mut shutdown: watch::Receiver<bool>) {
    let dir = state.cfg.data_dir.join("parent");
    if let Err(e) = identity::prepare_dir(&dir) {
        warn!(error = %e, "parent link disabled: cannot prepare its data dir");
        return;
    }
    let mut backoff = Duration::from_millis(500);
    loop {
        let mut linked = false;
        let end = match identity(&state, &dir).await {
            Ok(mut id) => session(&state, &mut id, &mut shutdown, &mut linked).await,
            Err((e, true)) => End::Lost(e),
            Err((e, false)) => {
                warn!(error = %e, "cannot enrol with the parent master; retrying later (check parent_token and the CA pin)");
                End::Lost(e)
            }
        };
        match end {
            End::Shutdown => return,
            End::Removed => {
                warn!("the parent master removed this cluster; enrol again with a new parent_token");
                if let Ok(Some(id)) = Identity::load(&dir) {
                    id.retire();
                }
            }
            End::Lost(why) => {
                info!(error = %why, "parent master unreachable; this cluster keeps running, retrying");
            }
        }
        if linked {
            backoff = Duration::from_millis(500);
        }
        let jitter = Duration::from_millis(rand::rng().random_range(0..250));
        tokio::select! {
            _ = tokio::time::sleep(backoff + jitter) => {}
            _ = crate::stopped(&mut shutdown) => return,
        }
        backoff = (backoff * 2).min(Duration::from_secs(10));
    }
}
