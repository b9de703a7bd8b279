//! Start-up and shutdown of the master: data dir, store, CA, credentials,
//! listeners, background loops (liveness tick, token sweep, write-behind,
//! systemd watchdog), then a bounded drain on SIGTERM/SIGINT.

use std::sync::Arc;
use std::time::Duration;

use piccolo_common::tls::server_config_with_verifier;
use thiserror::Error;
use tokio::net::TcpListener;
use tokio::sync::{Mutex, watch};
use tokio_rustls::TlsAcceptor;
use tracing::{info, warn};

use crate::ca::{CaError, ClientKind, ClusterCa};
use crate::config::MasterConfig;
use crate::metrics::Metrics;
use crate::persister::Persister;
use crate::registry::{Registry, Settings};
use crate::server;
use crate::store::StoreError;
use crate::tokens::Tokens;

// Kept for callers outside the crate that still name them here.
pub use crate::ca::write_credential;
pub use crate::data_dir::{ADDR_FILE, ADMIN_CONF, STORE_FILE};

/// Why the master could not start.
#[derive(Debug, Error)]
pub enum RunError {
    #[error(transparent)]
    DataDir(#[from] crate::data_dir::DataDirError),
    #[error(transparent)]
    Open(#[from] crate::store::OpenError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Ca(#[from] CaError),
    #[error("TLS set-up failed: {0}")]
    Tls(#[from] piccolo_common::TlsError),
    #[error("cannot listen on {addr}: {reason}")]
    Listen { addr: String, reason: String },
    #[error("gRPC server failed: {0}")]
    Serve(String),
    #[error(transparent)]
    Audit(#[from] crate::audit::AuditError),
}

impl RunError {
    /// Whether the operator must change the configuration (exit 64).
    pub fn is_config(&self) -> bool {
        matches!(self, RunError::Open(e) if e.is_config())
    }
}

fn notify(state: &[sd_notify::NotifyState<'_>]) {
    let _ = sd_notify::notify(false, state);
}

/// Runs the master until SIGTERM/SIGINT.
pub async fn run(cfg: MasterConfig) -> Result<(), RunError> {
    crate::data_dir::prepare(&cfg.data_dir)?;
    let metrics = Arc::new(Metrics::new());
    let (store, etcd) = crate::store::open::open_with(&cfg, &metrics, true).await?;
    let (ca, created) = ClusterCa::load_or_create(&cfg.data_dir)?;
    if created {
        info!(dir = %cfg.data_dir.display(), "created the cluster CA");
    }
    let ca_der = piccolo_common::pem::certs(ca.cert_pem())?;
    let ca_hash = piccolo_common::pem::fingerprint(&ca_der[0]);
    let names = cfg.cert_names();
    let serving = ca.issue_server(&names, Duration::from_secs(365 * 86400))?;
    let mut chain = piccolo_common::pem::certs(&serving.cert_pem)?;
    chain.extend(ca_der.iter().cloned());
    let key = piccolo_common::pem::private_key(serving.key_pem.as_deref().unwrap_or_default())?;
    // During a CA rotation the next CA signs node certificates and both are
    // trusted; the serving certificate stays on the current one.
    let ca = match crate::ca_rotation::load_next(&cfg.data_dir)? {
        Some(next) => {
            warn!("CA rotation under way: new certificates come from the next CA; both CAs are trusted");
            next.with_extra_trust(ca.cert_pem())
        }
        None => ca,
    };
    let trusted = piccolo_common::pem::certs(ca.trust_pem())?;
    let verifier = crate::server::expiry::GraceVerifier::new(piccolo_common::tls::client_verifier(&trusted)?);
    let mut tls = server_config_with_verifier(chain, key, verifier)?;
    // gRPC needs h2; REST clients without HTTP/2 (crate::rest) get HTTP/1.1.
    tls.alpn_protocols.push(b"http/1.1".to_vec());

    let listener = TcpListener::bind(cfg.listen_addr())
        .await
        .map_err(|e| RunError::Listen { addr: cfg.listen.clone(), reason: e.to_string() })?;
    let bound =
        listener.local_addr().map_err(|e| RunError::Listen { addr: cfg.listen.clone(), reason: e.to_string() })?;
    let admin_path = cfg.data_dir.join(ADMIN_CONF);
    if !admin_path.exists() {
        write_credential(
            &ca,
            &admin_path,
            &cfg.admin_endpoint(bound.port()),
            "admin",
            ClientKind::Admin,
            cfg.admin_cert_ttl,
        )?;
        info!(path = %admin_path.display(), "wrote the admin credential");
    }
    let _ = std::fs::write(cfg.data_dir.join(ADDR_FILE), format!("{bound}\n"));

    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let name =
        if cfg.master_name.is_empty() { crate::cluster::default_name(bound.port()) } else { cfg.master_name.clone() };
    let address = cfg.admin_endpoint(bound.port());
    let (leader_tx, leader_rx) = watch::channel(etcd.is_none());
    let (lease_ok_tx, lease_ok_rx) = watch::channel(true);
    let cluster = match &etcd {
        Some(_) => crate::cluster::Cluster::shared(name, address, store.clone(), leader_rx, lease_ok_rx),
        None => crate::cluster::Cluster::single(name, address),
    };
    let persister = Persister::new(store.clone(), metrics.clone());
    let settings = Settings {
        heartbeat_timeout: cfg.heartbeat_timeout,
        persist_interval: cfg.liveness_persist_interval,
        max_events: cfg.max_events,
        state_damping: cfg.state_damping,
    };
    let registry = Registry::load(store.clone(), persister.clone(), settings, metrics.clone()).await?;
    if etcd.is_some() {
        registry.join_cluster(&cluster.name);
    }
    crate::hooks::start(&cfg.hooks, &registry, metrics.clone(), cluster.leadership(), shutdown_rx.clone());
    let tokens = Tokens::new(store.clone(), cfg.token_ttl);
    let configs = crate::configs::Configs::load(store.clone(), server::default_agent_config(&cfg)).await?;
    crate::topology::restore(&store, &registry).await?;
    let addresses = crate::topology::pool::AddressPool::load(store.clone(), &cfg.address_pool).await?;
    let children = crate::children::Children::load(store.clone()).await?;
    let workloads = crate::workloads::Workloads::load(store.clone(), registry.clone(), cfg.reschedule_after).await?;
    let ca = Arc::new(ca);
    let configs = Arc::new(configs);
    let addresses = Arc::new(addresses);
    let children = Arc::new(children);
    let conns = server::conns::Conns::new();
    let rollouts: Arc<crate::rollout::Rollouts> = Default::default();
    let refusal_log = server::refusal_log::RefusalLog::new(cfg.enrol_log_interval);
    let enrolment = Arc::new(crate::enrolment::Enrolment {
        registry: registry.clone(),
        tokens: tokens.clone(),
        ca: ca.clone(),
        configs: configs.clone(),
        limit: server::enrol_limit::EnrolLimit::new(cfg.enrol_max_failures, cfg.enrol_failure_window),
        refusal_log: refusal_log.clone(),
        metrics: metrics.clone(),
        node_cert_ttl: cfg.node_cert_ttl,
        node_cert_grace: cfg.node_cert_grace,
        auto_approve: cfg.auto_approve,
    });
    let session = server::agent_api::SessionHandles {
        registry: registry.clone(),
        configs: configs.clone(),
        persister: persister.clone(),
        addresses: addresses.clone(),
        children: children.clone(),
        workloads: workloads.clone(),
        cluster: cluster.clone(),
        shutdown: shutdown_rx.clone(),
    };
    let agent = server::agent_api::AgentApi {
        enrolment: enrolment.clone(),
        ca: ca.clone(),
        node_cert_ttl: cfg.node_cert_ttl,
        session: Arc::new(session),
    };
    let admin = server::admin_api::AdminApi::new(server::admin_api::AdminHandles {
        registry: registry.clone(),
        tokens: tokens.clone(),
        enrolment,
        ca: ca.clone(),
        ca_hash: ca_hash.clone(),
        store: store.clone(),
        persister: persister.clone(),
        metrics: metrics.clone(),
        shutdown: shutdown_rx.clone(),
        topology_lock: Mutex::new(None),
        configs: configs.clone(),
        config_lock: Arc::new(Mutex::new(())),
        conns: conns.clone(),
        rollouts: rollouts.clone(),
        addresses,
        children,
        workloads: workloads.clone(),
        cluster: cluster.clone(),
        allow_short_intervals: cfg.allow_short_intervals,
    });
    // What a new leader needs to resume its predecessor's config rollout.
    #[cfg(feature = "etcd")]
    let resumable = admin.rollout();
    let serve_parts = server::Serve {
        agent,
        admin,
        audit: Arc::new(crate::audit::AuditLog::open(&cfg.data_dir, cfg.audit_max_bytes, cfg.audit_keep)?),
        registry: registry.clone(),
        persister: persister.clone(),
        metrics: metrics.clone(),
        conns: conns.clone(),
        shutdown: shutdown_rx.clone(),
    };

    let grace = Duration::from_secs(5);
    let persist_task = tokio::spawn(persister.clone().run(shutdown_rx.clone(), grace));
    tokio::spawn(refusal_log.run(shutdown_rx.clone()));
    tokio::spawn(persister.clone().probe(cfg.store_probe_interval, shutdown_rx.clone()));
    tokio::spawn(tick_loop(registry.clone(), shutdown_rx.clone()));
    tokio::spawn(crate::workloads::run(workloads.clone(), cluster.clone(), shutdown_rx.clone()));
    if !cfg.parent_master.is_empty() {
        let link = crate::parent::Link { cfg: cfg.clone(), registry: registry.clone(), persister: persister.clone() };
        tokio::spawn(crate::parent::run(Arc::new(link), shutdown_rx.clone()));
    }
    let sweep = sweep_loop(tokens, registry.clone(), cluster.clone(), cfg.token_sweep_interval, shutdown_rx.clone());
    tokio::spawn(sweep);
    #[cfg(feature = "etcd")]
    let election = etcd.map(|(client, echo)| {
        workloads.share_states(persister.clone());
        rollouts.share_through(persister.clone());
        let follower = crate::cluster::config_sync::Follower {
            configs: configs.clone(),
            registry: registry.clone(),
            workloads: workloads.clone(),
            rollouts: rollouts.clone(),
        };
        let on_config: crate::cluster::sync::OnConfig = Box::new(follower);
        let staged = crate::cluster::config_sync::on_leadership(cluster.clone(), resumable, shutdown_rx.clone());
        tokio::spawn(staged);
        tokio::spawn(crate::cluster::sync::run(client.clone(), registry.clone(), echo, on_config, shutdown_rx.clone()));
        let lost = crate::cluster::failover::run(
            cluster.clone(),
            store.clone(),
            registry.clone(),
            cfg.failover_grace,
            shutdown_rx.clone(),
        );
        tokio::spawn(lost);
        let handoff = crate::cluster::handoff::run(
            store.clone(),
            conns.clone(),
            cfg.store_loss_handoff,
            cfg.etcd_timeout.max(Duration::from_secs(1)),
            shutdown_rx.clone(),
        );
        tokio::spawn(handoff);
        let (cl, me, pe) = (cluster.clone(), metrics.clone(), persister.clone());
        let ecfg = crate::cluster::election::ElectionConfig { name: cluster.name.clone(), ttl: cfg.master_lease_ttl };
        let info = move |leader| crate::cluster::local_info(&cl, &me, &pe, leader);
        let announce =
            crate::cluster::announce::run(cluster.clone(), registry.clone(), cfg.master_lease_ttl, shutdown_rx.clone());
        tokio::spawn(announce);
        let conf = crate::cluster::admin_conf::run(
            cluster.clone(),
            admin_path.clone(),
            cfg.master_lease_ttl,
            shutdown_rx.clone(),
        );
        tokio::spawn(conf);
        tokio::spawn(crate::cluster::election::run(client, ecfg, info, leader_tx, lease_ok_tx, shutdown_rx.clone()))
    });
    #[cfg(not(feature = "etcd"))]
    let _ = (etcd, leader_tx, lease_ok_tx);
    tokio::spawn(watchdog_loop(persister.clone(), shutdown_rx.clone()));
    if !cfg.http_listen.is_empty() {
        let http = TcpListener::bind(&cfg.http_listen)
            .await
            .map_err(|e| RunError::Listen { addr: cfg.http_listen.clone(), reason: e.to_string() })?;
        let health = crate::http::Health {
            registry: registry.clone(),
            persister: persister.clone(),
            store: store.clone(),
            metrics: metrics.clone(),
            ca: ca.clone(),
            cluster: cluster.clone(),
        };
        tokio::spawn(crate::http::serve(Arc::new(health), http, shutdown_rx.clone()));
    }
    // The handlers go in before "ready": a SIGTERM that follows the ready
    // notice at once must be a clean shutdown, not the default kill.
    let signals = Signals::install();
    info!(
        listen = %bound,
        store = store.backend(),
        nodes = registry.len(),
        ca_cert_hash = %ca_hash,
        "piccolo-master ready"
    );
    notify(&[sd_notify::NotifyState::Ready, sd_notify::NotifyState::Status("serving")]);

    let acceptor = TlsAcceptor::from(Arc::new(tls));
    let serve = tokio::spawn(async move { server::serve(&cfg, serve_parts, listener, acceptor, grace).await });
    signals.wait().await;
    info!("shutting down");
    notify(&[sd_notify::NotifyState::Stopping]);
    let _ = shutdown_tx.send(true);
    let served = tokio::time::timeout(grace + Duration::from_secs(1), serve).await;
    let _ = tokio::time::timeout(grace, persist_task).await;
    #[cfg(feature = "etcd")]
    if let Some(e) = election {
        let _ = tokio::time::timeout(Duration::from_secs(2), e).await;
    }
    if !persister.flush().await {
        warn!(pending = persister.backlog(), "some state could not be written to the store before exit");
    }
    match served {
        Ok(Ok(Err(e))) => Err(RunError::Serve(e.to_string())),
        _ => Ok(()),
    }
}

/// SIGTERM and SIGINT handlers, installed once the master is about to say
/// it is ready (before that, the default action stops a stuck start-up).
struct Signals {
    term: Option<tokio::signal::unix::Signal>,
    int: Option<tokio::signal::unix::Signal>,
}

impl Signals {
    fn install() -> Self {
        use tokio::signal::unix::{SignalKind, signal};
        Signals { term: signal(SignalKind::terminate()).ok(), int: signal(SignalKind::interrupt()).ok() }
    }

    async fn wait(mut self) {
        async fn recv(s: Option<&mut tokio::signal::unix::Signal>) {
            match s {
                Some(s) => {
                    s.recv().await;
                }
                None => std::future::pending().await,
            }
        }
        tokio::select! {
            _ = recv(self.term.as_mut()) => {}
            _ = recv(self.int.as_mut()) => {}
        }
    }
}

async fn tick_loop(registry: Arc<Registry>, mut shutdown: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(crate::registry::TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => registry.tick(),
            _ = crate::stopped(&mut shutdown) => break,
        }
    }
}

/// The token sweep and (among several masters) the stored events' pruning,
/// singleton duties: only the leader runs them.
async fn sweep_loop(
    tokens: Tokens,
    registry: Arc<Registry>,
    cluster: crate::cluster::Cluster,
    every: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = crate::stopped(&mut shutdown) => break,
        }
        if !cluster.is_leader() {
            continue;
        }
        match tokens.sweep().await {
            Ok(0) => {}
            Ok(n) => info!(removed = n, "swept expired bootstrap tokens"),
            Err(e) => warn!(error = %e, "token sweep failed; will retry"),
        }
        if cluster.is_shared() {
            match registry.prune_stored_events().await {
                Ok(0) => {}
                Ok(n) => info!(removed = n, "pruned stored events beyond max_events"),
                Err(e) => warn!(error = %e, "event pruning failed; will retry"),
            }
        }
    }
}

/// Pings systemd's watchdog at half its interval while the process is
/// responsive; reports a degraded store in STATUS.
async fn watchdog_loop(persister: Arc<Persister>, mut shutdown: watch::Receiver<bool>) {
    let Some(interval) = piccolo_common::systemd::watchdog_interval() else { return };
    let every = interval / 2;
    let mut was_healthy = true;
    loop {
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = crate::stopped(&mut shutdown) => break,
        }
        let healthy = persister.healthy();
        if healthy != was_healthy {
            let status = if healthy { "serving" } else { "degraded: store unavailable, serving from memory" };
            notify(&[sd_notify::NotifyState::Status(status)]);
            was_healthy = healthy;
        }
        notify(&[sd_notify::NotifyState::Watchdog]);
    }
}
