//! The gRPC server: both services on one TLS port, with HTTP/2 keepalive tuned
//! so a silent device is noticed within seconds (and a lax one for everyone
//! else), explicit message size limits, and bounded shutdown.

pub mod admin_api;
mod admin_clusters;
mod admin_masters;
mod admin_rollout;
mod admin_topology;
mod admin_workloads;
pub mod agent_api;
pub mod auth;
pub mod authz;
pub mod authz_matrix;
pub mod conns;
pub mod enrol_limit;
pub mod expiry;
mod node_watch;
mod ops_api;
pub mod refusal_log;
mod standard;
pub mod tls;
pub mod view;

use std::sync::Arc;
use std::time::Duration;

use piccolo_proto::AgentConfig;
use piccolo_proto::api_server_service_server::ApiServerServiceServer;
use piccolo_proto::limits::{MAX_ADMIN_REQUEST_BYTES, MAX_AGENT_MESSAGE_BYTES, MAX_MASTER_MESSAGE_BYTES};
use piccolo_proto::node_agent_service_server::NodeAgentServiceServer;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_rustls::TlsAcceptor;
use tonic::{Code, Status};

use crate::config::MasterConfig;
use crate::metrics::Metrics;
use crate::persister::Persister;
use crate::registry::{Registry, RegistryError};
use crate::store::StoreError;
use crate::tokens::TokenError;

/// The agent settings that follow from the master's own config (version 0).
pub fn default_agent_config(cfg: &MasterConfig) -> AgentConfig {
    AgentConfig {
        version: 0,
        heartbeat_interval_ms: u32::try_from(cfg.heartbeat_interval.as_millis()).unwrap_or(u32::MAX),
        status_interval_ms: u32::try_from((cfg.heartbeat_interval * 6).as_millis()).unwrap_or(u32::MAX),
        ..Default::default()
    }
}

/// The shortest heartbeat pushed configs may ask for.
pub fn min_heartbeat_ms(allow_short_intervals: bool) -> u32 {
    if allow_short_intervals { piccolo_common::agent_config::MIN_HEARTBEAT_MS_ANY } else { 5000 }
}

/// What the server itself needs besides the two services: the front door's
/// handles, the TLS limits' counters, the health service's probe. Start-up
/// (`run`) builds it once; no handler sees it.
pub struct Serve {
    /// The device-facing service.
    pub agent: agent_api::AgentApi,
    /// The admin-facing service (gRPC and, through `rest`, REST).
    pub admin: admin_api::AdminApi,
    /// The front door's audit log.
    pub audit: Arc<crate::audit::AuditLog>,
    /// The front door checks node serials against it.
    pub registry: Arc<Registry>,
    /// The health service's store probe.
    pub persister: Arc<Persister>,
    pub metrics: Arc<Metrics>,
    /// Live node connections, counted by the TLS front door.
    pub conns: Arc<conns::Conns>,
    pub shutdown: watch::Receiver<bool>,
}

impl From<RegistryError> for Status {
    fn from(e: RegistryError) -> Self {
        let code = match &e {
            RegistryError::NotFound(_) => Code::NotFound,
            RegistryError::Exists(_) => Code::AlreadyExists,
            RegistryError::NotPending(_) => Code::FailedPrecondition,
            RegistryError::Removed(_) | RegistryError::StaleCertificate(_) | RegistryError::Revoked(_) => {
                Code::PermissionDenied
            }
            RegistryError::Store(_) | RegistryError::Offline(_) => Code::Unavailable,
        };
        Status::new(code, e.to_string())
    }
}

impl From<TokenError> for Status {
    fn from(e: TokenError) -> Self {
        let code = match &e {
            TokenError::Malformed => Code::InvalidArgument,
            TokenError::NotFound(_) => Code::NotFound,
            TokenError::Store(_) => Code::Unavailable,
            _ => Code::Unauthenticated,
        };
        Status::new(code, e.to_string())
    }
}

impl From<crate::config_change::ChangeError> for Status {
    fn from(e: crate::config_change::ChangeError) -> Self {
        use crate::config_change::ChangeError;
        match e {
            ChangeError::NoNode(_) => Status::not_found(e.to_string()),
            ChangeError::Store(e) => store_status(e),
            ChangeError::Registry(e) => e.into(),
            e => Status::invalid_argument(e.to_string()),
        }
    }
}

impl From<crate::nodes::NodeError> for Status {
    fn from(e: crate::nodes::NodeError) -> Self {
        match e {
            crate::nodes::NodeError::Registry(e) => e.into(),
            crate::nodes::NodeError::Store(e) => store_status(e),
        }
    }
}

/// Maps a store error for a caller.
pub fn store_status(e: StoreError) -> Status {
    Status::unavailable(e.to_string())
}

/// Serves until `shutdown` flips, then drains for at most `grace`.
pub async fn serve(
    cfg: &MasterConfig,
    state: Serve,
    listener: TcpListener,
    acceptor: TlsAcceptor,
    grace: Duration,
) -> Result<(), tonic::transport::Error> {
    let agent = NodeAgentServiceServer::new(state.agent)
        .max_decoding_message_size(MAX_AGENT_MESSAGE_BYTES)
        .max_encoding_message_size(MAX_MASTER_MESSAGE_BYTES);
    let admin = ApiServerServiceServer::new(state.admin.clone())
        .max_decoding_message_size(MAX_ADMIN_REQUEST_BYTES)
        .max_encoding_message_size(MAX_MASTER_MESSAGE_BYTES);
    let health = standard::health(state.persister.clone(), state.shutdown.clone());
    let (reflection, reflection_alpha) = (standard::reflection_v1(), standard::reflection_v1alpha());
    let incoming = tls::incoming(
        listener,
        acceptor,
        tls::Limits {
            handshake_timeout: cfg.tls_handshake_timeout,
            first_request_timeout: cfg.first_request_timeout,
            max_handshakes: 512,
            max_per_source: cfg.max_connections_per_source,
        },
        state.metrics.clone(),
        state.conns.clone(),
        state.shutdown.clone(),
    );
    let console = match crate::rest::token::ConsoleTokens::load_or_create(&cfg.data_dir) {
        Ok(t) => Some(t),
        Err(e) => {
            tracing::warn!(error = %e, "console tokens are disabled");
            None
        }
    };
    let front = Arc::new(crate::front::FrontDoor::new(
        state.audit.clone(),
        cfg.node_cert_grace,
        state.registry.clone(),
        console,
    ));
    let rest = Arc::new(crate::rest::Rest { api: state.admin });
    // The one way in: every request, gRPC or REST, passes the front door.
    let front = crate::front::layer::FrontLayer::new(front, rest);
    // One server per kind of connection, same services: node connections get
    // the tight keepalive that notices a silent device in seconds, the rest a
    // lax one (a watch stream with megabytes queued ahead of a PING ack on a
    // busy master must not be cut for it).
    let serve_on = |incoming, interval, timeout| {
        let mut shutdown = state.shutdown.clone();
        tonic::transport::Server::builder()
            .http2_keepalive_interval(Some(interval))
            .http2_keepalive_timeout(Some(timeout))
            .max_concurrent_streams(Some(128))
            // REST/JSON and the console share the port (crate::rest, behind
            // the same front door); HTTP/1.1 is for REST clients that do not
            // speak HTTP/2.
            .accept_http1(true)
            .layer(front.clone())
            .add_service(agent.clone())
            .add_service(admin.clone())
            .add_service(health.clone())
            .add_optional_service(reflection.clone())
            .add_optional_service(reflection_alpha.clone())
            .serve_with_incoming_shutdown(incoming, async move {
                let _ = crate::stopped(&mut shutdown).await;
            })
    };
    let nodes = serve_on(incoming.nodes, cfg.keepalive_interval, cfg.keepalive_timeout);
    let others = serve_on(incoming.others, cfg.admin_keepalive_interval, cfg.admin_keepalive_timeout);
    let server = async move { tokio::try_join!(nodes, others).map(|_| ()) };
    tokio::pin!(server);
    let mut shutdown = state.shutdown.clone();
    tokio::select! {
        r = &mut server => r,
        _ = crate::stopped(&mut shutdown) => {
            // Long-lived agent sessions would hold a graceful drain forever:
            // give them `grace`, then stop regardless.
            match tokio::time::timeout(grace, server).await {
                Ok(r) => r,
                Err(_) => Ok(()),
            }
        }
    }
}
