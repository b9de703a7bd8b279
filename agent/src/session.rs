//! One session with the master over mutual TLS: Hello (facts), a full status
//! report, then heartbeats at the master's interval, periodic full reports,
//! config pushes acked by version, certificate renewal at 70 % of its life,
//! and a Terminate when the node is removed. Returns why it ended so the
//! caller can decide between reconnecting, re-enrolling and stopping.

use std::sync::Arc;
use std::time::Duration;

use piccolo_common::connect::{ConnectOptions, connect, error_chain};
use piccolo_common::time::now_ms;
use piccolo_proto::limits::{MAX_AGENT_MESSAGE_BYTES, MAX_MASTER_MESSAGE_BYTES};
use piccolo_proto::node_agent_service_client::NodeAgentServiceClient;
use piccolo_proto::{
    AgentConfig as PushedConfig, AgentMessage, ConfigAck, Heartbeat, Hello, NodeState, RenewCertificateRequest,
    StatusReport, agent_message, master_message,
};
use tokio::sync::{mpsc, watch};
use tokio::time::{Instant, MissedTickBehavior, interval};
use tokio_stream::wrappers::ReceiverStream;
use tonic::Code;
use tracing::{debug, info, warn};

use crate::config::AgentConfig;
use crate::facts::{Sampler, node_facts};
use crate::identity::{self, Identity, Meta};
use crate::notify::Notifier;

/// Why a session ended.
#[derive(Debug)]
pub enum Outcome {
    /// Could not connect, or the connection dropped.
    Disconnected(String),
    /// The master removed this node or refuses its certificate for good.
    Removed(String),
    /// The certificate was renewed: reconnect at once with the new one.
    Renewed,
    Shutdown,
}

/// Callbacks into the agent's main loop.
pub struct Ctx<'a> {
    pub cfg: &'a AgentConfig,
    pub notifier: &'a Notifier,
    pub sampler: &'a mut Sampler,
    pub shutdown: &'a mut watch::Receiver<bool>,
    /// Called once the session is established.
    pub on_connected: &'a mut (dyn FnMut(&str) + Send),
}

fn renew_at(meta: &Meta) -> Duration {
    let now = now_ms();
    let issued = if meta.cert_issued_at_ms > 0 { meta.cert_issued_at_ms } else { now };
    let life = (meta.cert_expires_at_ms - issued).max(0);
    let at = issued + life * 7 / 10;
    Duration::from_millis(u64::try_from((at - now).max(0)).unwrap_or(0))
}

fn heartbeat_every(cfg: &AgentConfig, pushed: Option<&PushedConfig>) -> Duration {
    let ms = pushed.map(|p| p.heartbeat_interval_ms).filter(|ms| *ms > 0);
    ms.map(|ms| Duration::from_millis(u64::from(ms).max(100))).unwrap_or(cfg.heartbeat_interval)
}

fn status_every(cfg: &AgentConfig, pushed: Option<&PushedConfig>) -> Duration {
    let ms = pushed.map(|p| p.status_interval_ms).filter(|ms| *ms > 0);
    ms.map(|ms| Duration::from_millis(u64::from(ms).max(100))).unwrap_or(cfg.status_interval)
}

/// Runs one session until it ends.
pub async fn run(ctx: Ctx<'_>, id: &mut Identity) -> Outcome {
    let cfg = ctx.cfg;
    let tls = match id.tls_config() {
        Ok(t) => t,
        Err(e) => return Outcome::Removed(e.to_string()),
    };
    let opts = ConnectOptions {
        keepalive_interval: cfg.keepalive_interval,
        keepalive_timeout: cfg.keepalive_timeout,
        ..Default::default()
    };
    let channel = match connect(&cfg.master, Arc::new(tls), opts).await {
        Ok(c) => c,
        Err(e) => return Outcome::Disconnected(e.to_string()),
    };
    let mut client = NodeAgentServiceClient::new(channel)
        .max_decoding_message_size(MAX_MASTER_MESSAGE_BYTES)
        .max_encoding_message_size(MAX_AGENT_MESSAGE_BYTES);
    let (tx, rx) = mpsc::channel::<AgentMessage>(32);
    let msg = |m: agent_message::Msg| AgentMessage { msg: Some(m) };
    let hello = Hello { facts: Some(node_facts(&cfg.data_dir)), config_version: 0 };
    let first = StatusReport {
        time_ms: now_ms(),
        resources: Some(ctx.sampler.sample(&cfg.data_dir)),
        checks: Vec::new(),
        full: true,
        ..Default::default()
    };
    let _ = tx.try_send(msg(agent_message::Msg::Hello(hello)));
    let _ = tx.try_send(msg(agent_message::Msg::Status(first)));
    let mut inbound = match client.session(ReceiverStream::new(rx)).await {
        Ok(r) => r.into_inner(),
        Err(s) if s.code() == Code::PermissionDenied => return Outcome::Removed(s.message().to_string()),
        Err(s) => return Outcome::Disconnected(format!("session refused: {}", error_chain(&s))),
    };
    (ctx.on_connected)(&id.meta.name);
    info!(master = %cfg.master, node = %id.meta.name, "connected");

    let mut pushed: Option<PushedConfig> = None;
    let mut hb = interval(heartbeat_every(cfg, None));
    hb.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut status = interval(status_every(cfg, None));
    status.set_missed_tick_behavior(MissedTickBehavior::Delay);
    status.reset();
    let mut turn = interval(Duration::from_secs(1));
    let renew = tokio::time::sleep(renew_at(&id.meta));
    tokio::pin!(renew);
    let mut seq: u64 = 0;
    let mut last_state = NodeState::Unspecified;
    loop {
        tokio::select! {
            _ = hb.tick() => {
                seq += 1;
                if tx.try_send(msg(agent_message::Msg::Heartbeat(Heartbeat { seq }))).is_err() {
                    return Outcome::Disconnected("the master stopped reading our messages".into());
                }
            }
            _ = status.tick() => {
                let report = StatusReport { time_ms: now_ms(), resources: Some(ctx.sampler.sample(&cfg.data_dir)), checks: Vec::new(), full: true, ..Default::default() };
                let _ = tx.try_send(msg(agent_message::Msg::Status(report)));
            }
            _ = turn.tick() => ctx.notifier.progress(),
            m = inbound.message() => match m {
                Ok(Some(m)) => match m.msg {
                    Some(master_message::Msg::HeartbeatAck(ack)) => {
                        let state = ack.state();
                        if state != last_state {
                            info!(state = state.label(), "node state");
                            ctx.notifier.status(&format!("connected to {} as {} ({})", cfg.master, id.meta.name, state.label()));
                            last_state = state;
                        }
                    }
                    Some(master_message::Msg::Config(c)) => {
                        let new_hb = heartbeat_every(cfg, Some(&c));
                        if new_hb != hb.period() {
                            hb = interval(new_hb);
                            hb.set_missed_tick_behavior(MissedTickBehavior::Delay);
                        }
                        let new_status = status_every(cfg, Some(&c));
                        if new_status != status.period() {
                            status = interval(new_status);
                            status.set_missed_tick_behavior(MissedTickBehavior::Delay);
                            status.reset();
                        }
                        debug!(version = c.version, heartbeat = ?new_hb, "config applied");
                        let _ = tx.try_send(msg(agent_message::Msg::ConfigAck(ConfigAck { version: c.version, ok: true, error: String::new() })));
                        pushed = Some(c);
                    }
                    Some(master_message::Msg::Terminate(t)) => return Outcome::Removed(t.reason),
                    Some(master_message::Msg::Command(_)) => {}
                    None => {}
                },
                Ok(None) => return Outcome::Disconnected("the master closed the session".into()),
                Err(s) if s.code() == Code::PermissionDenied => return Outcome::Removed(s.message().to_string()),
                Err(s) => return Outcome::Disconnected(error_chain(&s)),
            },
            _ = &mut renew => {
                match renew_cert(&mut client, id).await {
                    Ok(()) => return Outcome::Renewed,
                    Err(e) => {
                        warn!(error = %e, "certificate renewal failed; retrying in 60s");
                        renew.as_mut().reset(Instant::now() + Duration::from_secs(60));
                    }
                }
            }
            _ = crate::stopped(ctx.shutdown) => return Outcome::Shutdown,
        }
        let _ = &pushed;
    }
}

async fn renew_cert(
    client: &mut NodeAgentServiceClient<tonic::transport::Channel>,
    id: &mut Identity,
) -> Result<(), String> {
    let key = id.key().map_err(|e| e.to_string())?;
    let csr = identity::csr(&key, &id.meta.name).map_err(|e| e.to_string())?;
    let resp = client
        .renew_certificate(RenewCertificateRequest { csr_pem: csr })
        .await
        .map_err(|s| s.message().to_string())?
        .into_inner();
    let meta =
        Meta { cert_expires_at_ms: resp.certificate_expires_at_ms, cert_issued_at_ms: now_ms(), ..id.meta.clone() };
    *id = Identity::save(&id.dir, meta, &resp.certificate_pem, &resp.ca_certificate_pem).map_err(|e| e.to_string())?;
    info!(expires_at_ms = id.meta.cert_expires_at_ms, "certificate renewed");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renewal_is_at_seventy_percent_of_lifetime() {
        let now = now_ms();
        let meta =
            Meta { name: "n".into(), master: "m:1".into(), cert_issued_at_ms: now, cert_expires_at_ms: now + 100_000 };
        let d = renew_at(&meta);
        assert!(d <= Duration::from_millis(70_000) && d >= Duration::from_millis(69_000), "{d:?}");
        let expired = Meta { cert_issued_at_ms: now - 200_000, cert_expires_at_ms: now - 100_000, ..meta };
        assert_eq!(renew_at(&expired), Duration::ZERO);
    }

    #[test]
    fn pushed_intervals_win_over_local_ones() {
        let cfg = AgentConfig::default();
        assert_eq!(heartbeat_every(&cfg, None), Duration::from_secs(10));
        let pushed = PushedConfig { heartbeat_interval_ms: 2000, ..Default::default() };
        assert_eq!(heartbeat_every(&cfg, Some(&pushed)), Duration::from_secs(2));
        let zero = PushedConfig::default();
        assert_eq!(heartbeat_every(&cfg, Some(&zero)), Duration::from_secs(10));
    }
}
