//! One session with the master over mutual TLS: Hello (facts), a full status
//! report (resources, readiness checks), then heartbeats at the configured
//! interval, periodic full reports and change-only reports when a check flips,
//! config pushes (validated, applied, persisted, acked or nacked by version),
//! certificate renewal at 70 % of its life, and a Terminate when the node is
//! removed. Returns why it ended so the caller can reconnect or stop.

use std::sync::Arc;
use std::time::Duration;

use piccolo_common::connect::{ConnectOptions, connect, error_chain, status_text};
use piccolo_common::time::now_ms;
use piccolo_proto::limits::{MAX_AGENT_MESSAGE_BYTES, MAX_MASTER_MESSAGE_BYTES};
use piccolo_proto::node_agent_service_client::NodeAgentServiceClient;
use piccolo_proto::{
    AgentConfig as PushedConfig, AgentMessage, CheckResult, Command, CommandResult, ConfigAck, Heartbeat, Hello,
    NodeState, StatusReport, agent_message, command, master_message,
};
use tokio::sync::{mpsc, watch};
use tokio::time::{Instant, Interval, MissedTickBehavior, interval};
use tokio_stream::wrappers::ReceiverStream;
use tonic::Code;
use tracing::{info, warn};

use crate::applied;
use crate::buffer::OfflineBuffer;
use crate::checks;
use crate::config::AgentConfig;
use crate::facts::{Sampler, node_facts};
use crate::identity::Identity;
use crate::local::{Change, Local};
use crate::notify::Notifier;
use crate::report::SentContainers;

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

/// What a session borrows from the agent's main loop.
pub struct Ctx<'a> {
    /// The local configuration (file, environment, flags).
    pub cfg: &'a AgentConfig,
    /// The config the master last pushed (persisted); updated here.
    pub pushed: &'a mut Option<PushedConfig>,
    pub notifier: &'a Notifier,
    pub sampler: &'a mut Sampler,
    pub shutdown: &'a mut watch::Receiver<bool>,
    /// Called once the session is established.
    pub on_connected: &'a mut (dyn FnMut(&str) + Send),
    /// Containers and Podman state, fed by the Podman monitor.
    pub local: &'a mut Local,
    /// What happened while the master was unreachable.
    pub buffer: &'a mut OfflineBuffer,
    /// The masters to dial; the session adds those the master lists.
    pub masters: &'a mut crate::masters::Masters,
    /// When the agent last lost the master (0: never).
    pub offline_since_ms: i64,
    /// Desired workloads and their states.
    pub workloads: &'a crate::workloads::WorkloadsHandle,
}

fn ticker(every: Duration, fire_now: bool) -> Interval {
    let mut t = interval(every);
    t.set_missed_tick_behavior(MissedTickBehavior::Delay);
    if !fire_now {
        t.reset();
    }
    t
}

fn msg(m: agent_message::Msg) -> AgentMessage {
    AgentMessage { msg: Some(m) }
}

fn report(
    cfg: &AgentConfig,
    sampler: &mut Sampler,
    local: &Local,
    sent: &mut SentContainers,
    checks: &[CheckResult],
    full: bool,
) -> AgentMessage {
    let unchanged = sent.unchanged(&local.containers);
    msg(agent_message::Msg::Status(StatusReport {
        time_ms: now_ms(),
        resources: Some(sampler.sample(&cfg.data_dir)),
        checks: checks.to_vec(),
        full,
        containers: if unchanged { Vec::new() } else { local.containers.clone() },
        containers_unchanged: unchanged,
        podman_available: local.podman_available,
        podman_error: local.podman_error.clone(),
    }))
}

/// Applies a pushed config: validate, persist if new, and say how it went.
fn apply(ctx: &mut Ctx<'_>, c: PushedConfig) -> ConfigAck {
    let version = c.version;
    if let Err(e) = applied::validate(&c) {
        warn!(version, error = %e, "rejected config from the master");
        return ConfigAck { version, ok: false, error: e };
    }
    if ctx.pushed.as_ref() != Some(&c) {
        if let Err(e) = applied::save(&ctx.cfg.data_dir, &c) {
            // Applied in memory; a reboot would fall back to the previous one.
            warn!(version, error = %e, "config applied but could not be persisted");
            *ctx.pushed = Some(c);
            return ConfigAck { version, ok: false, error: format!("applied but not persisted: {e}") };
        }
        info!(version, "applied config from the master");
    }
    *ctx.pushed = Some(c);
    ConfigAck { version, ok: true, error: String::new() }
}

/// Runs one session until it ends.
pub async fn run(mut ctx: Ctx<'_>, id: &mut Identity) -> Outcome {
    let mut cfg = applied::effective(ctx.cfg, ctx.pushed.as_ref());
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
    if piccolo_common::enroll::expired(&id.meta) {
        // An expired certificate may only renew (inside the master's grace).
        return match piccolo_common::enroll::renew(&mut client, id).await {
            Ok(()) => {
                info!(expires_at_ms = id.meta.cert_expires_at_ms, "expired certificate renewed");
                Outcome::Renewed
            }
            Err(s) if s.code() == Code::PermissionDenied => Outcome::Removed(s.message().to_string()),
            Err(s) => Outcome::Disconnected(format!("renewing the expired certificate failed: {}", error_chain(&s))),
        };
    }
    let (tx, rx) = mpsc::channel::<AgentMessage>(32);
    let config_version = ctx.pushed.as_ref().map(|p| p.version).unwrap_or(0);
    let mut checks = checks::run_local(&cfg).await;
    let _ =
        tx.try_send(msg(agent_message::Msg::Hello(Hello { facts: Some(node_facts(&cfg.data_dir)), config_version })));
    // What happened offline goes first, in order, then the full report.
    let mut replay_through = 0;
    if !ctx.buffer.is_empty() || ctx.buffer.dropped() > 0 || ctx.offline_since_ms > 0 {
        let (batches, through) = crate::local::replay(ctx.buffer, ctx.offline_since_ms);
        for b in batches {
            let _ = tx.try_send(msg(agent_message::Msg::Replay(b)));
        }
        replay_through = through;
    }
    // What this session last sent of the container list (none yet).
    let mut sent = SentContainers::default();
    let _ = tx.try_send(report(&cfg, ctx.sampler, ctx.local, &mut sent, &checks, true));
    let _ = tx.try_send(msg(agent_message::Msg::WorkloadReport(ctx.workloads.full_report())));
    let mut inbound = match client.session(ReceiverStream::new(rx)).await {
        Ok(r) => r.into_inner(),
        Err(s) if s.code() == Code::PermissionDenied => return Outcome::Removed(s.message().to_string()),
        Err(s) => return Outcome::Disconnected(format!("session refused: {}", error_chain(&s))),
    };
    (ctx.on_connected)(&id.meta.name);
    info!(master = %cfg.master, node = %id.meta.name, "connected");

    let mut hb = ticker(cfg.heartbeat_interval, true);
    let mut status = ticker(cfg.status_interval, false);
    // Only as often as the watchdog needs (no 1 s wakeup on an idle device).
    let mut turn = ticker(ctx.notifier.turn(), true);
    let renew = tokio::time::sleep(piccolo_common::enroll::renew_at(&id.meta));
    tokio::pin!(renew);
    let mut seq: u64 = 0;
    let mut last_state = NodeState::Unspecified;
    let mut full_pending = false;
    // Followed logs by request id, stopped on the master's cancel.
    let mut follows = crate::workloads::logs::Follows::default();
    loop {
        tokio::select! {
            _ = hb.tick() => {
                seq += 1;
                if tx.try_send(msg(agent_message::Msg::Heartbeat(Heartbeat { seq }))).is_err() {
                    return Outcome::Disconnected("the master stopped reading our messages".into());
                }
            }
            _ = status.tick() => {
                checks = checks::run_local(&cfg).await;
                if ctx.local.can_resync() {
                    // The full report goes out with the fresh list (and usage).
                    ctx.local.resync();
                    full_pending = true;
                } else {
                    let _ = tx.try_send(report(&cfg, ctx.sampler, ctx.local, &mut sent, &checks, true));
                }
            }
            u = ctx.local.next() => {
                let Some(u) = u else { continue };
                let change = ctx.local.apply(u);
                if let Some(c) = &change {
                    ctx.workloads.observe(c);
                }
                match change {
                    Some(Change::Event(ev)) => {
                        if let Err(e) = tx.try_send(msg(agent_message::Msg::ContainerEvent(ev.clone()))) {
                            warn!(error = %e, "session busy; buffering a container event");
                            crate::local::record_offline(ctx.buffer, &Change::Event(ev));
                        }
                    }
                    Some(Change::List) | Some(Change::Podman(..)) => {
                        let _ = tx.try_send(report(&cfg, ctx.sampler, ctx.local, &mut sent, &checks, full_pending));
                        full_pending = false;
                    }
                    // Check changes are the daemon's, recorded offline only.
                    Some(Change::Check(..)) | None => {}
                }
            }
            _ = turn.tick() => ctx.notifier.checkpoint().await,
            _ = ctx.workloads.changed() => {
                if let Some(r) = ctx.workloads.take_changes()
                    && tx.try_send(msg(agent_message::Msg::WorkloadReport(r))).is_err()
                {
                    warn!("session busy; workload states go in the next full report");
                }
            }
            m = inbound.message() => match m {
                Ok(Some(m)) => match m.msg {
                    Some(master_message::Msg::ReplayAck(ack)) => {
                        // The replayed entries are in the master's store (not
                        // only its memory): only now may they go.
                        let through = ack.through_seq.min(replay_through);
                        if through > 0 {
                            match ctx.buffer.ack_through(through) {
                                Ok(()) if through >= replay_through => replay_through = 0,
                                Ok(()) => {}
                                Err(e) => warn!(error = %e, "could not drop replayed entries"),
                            }
                        }
                    }
                    Some(master_message::Msg::HeartbeatAck(ack)) => {
                        let state = ack.state();
                        if state != last_state {
                            info!(state = state.label(), "node state");
                            ctx.notifier.status(&format!("connected to {} as {} ({})", cfg.master, id.meta.name, state.label()));
                            last_state = state;
                        }
                    }
                    Some(master_message::Msg::Config(c)) => {
                        let ack = apply(&mut ctx, c);
                        if ack.ok {
                            let before = cfg.clone();
                            cfg = applied::effective(ctx.cfg, ctx.pushed.as_ref());
                            if ctx.local.reconfigure(&cfg, ctx.shutdown.clone()) {
                                info!(socket = %cfg.podman_socket.display(), enabled = cfg.podman_enabled, "container monitoring reconfigured");
                                let _ = tx.try_send(report(&cfg, ctx.sampler, ctx.local, &mut sent, &checks, true));
                            }
                            if cfg.heartbeat_interval != before.heartbeat_interval {
                                hb = ticker(cfg.heartbeat_interval, false);
                            }
                            if cfg.status_interval != before.status_interval {
                                status = ticker(cfg.status_interval, false);
                            }
                            let new_checks = checks::run_local(&cfg).await;
                            if new_checks != checks {
                                checks = new_checks;
                                let _ = tx.try_send(report(&cfg, ctx.sampler, ctx.local, &mut sent, &checks, false));
                            }
                        }
                        let _ = tx.try_send(msg(agent_message::Msg::ConfigAck(ack)));
                    }
                    Some(master_message::Msg::Command(cmd)) => run_command(cmd, ctx.local, tx.clone()),
                    Some(master_message::Msg::Logs(req)) => {
                        follows.handle(req, ctx.local.client(), &tx);
                    }
                    Some(master_message::Msg::Workloads(set)) => {
                        let ack = ctx.workloads.set_desired(set);
                        let _ = tx.try_send(msg(agent_message::Msg::WorkloadAck(ack)));
                    }
                    Some(master_message::Msg::Masters(list)) => ctx.masters.learn(list.addresses),
                    Some(master_message::Msg::Terminate(t)) => return Outcome::Removed(t.reason),
                    None => {}
                },
                Ok(None) => return Outcome::Disconnected("the master closed the session".into()),
                Err(s) if s.code() == Code::PermissionDenied => return Outcome::Removed(s.message().to_string()),
                Err(s) => return Outcome::Disconnected(format!("the connection to the master dropped: {}", status_text(&s))),
            },
            _ = &mut renew => {
                match piccolo_common::enroll::renew(&mut client, id).await {
                    Ok(()) => {
                        info!(expires_at_ms = id.meta.cert_expires_at_ms, "certificate renewed");
                        return Outcome::Renewed;
                    }
                    Err(e) => {
                        warn!(error = %e.message(), "certificate renewal failed; retrying in 60s");
                        renew.as_mut().reset(Instant::now() + Duration::from_secs(60));
                    }
                }
            }
            _ = crate::stopped(ctx.shutdown) => return Outcome::Shutdown,
        }
    }
}

/// Runs an admin's command off the session loop (a container stop can take
/// its stop timeout) and sends the result back on the session.
fn run_command(cmd: Command, local: &Local, tx: mpsc::Sender<AgentMessage>) {
    let id = cmd.id;
    let podman = local.client();
    tokio::spawn(async move {
        let result = match cmd.command {
            Some(command::Command::ContainerAction(a)) => match podman.action(&a.container, &a.action).await {
                Ok(()) => CommandResult { id, ok: true, error: String::new() },
                Err(e) => CommandResult { id, ok: false, error: e.to_string() },
            },
            _ => CommandResult { id, ok: false, error: "unknown command".into() },
        };
        let _ = tx.send(msg(agent_message::Msg::CommandResult(result))).await;
    });
}
