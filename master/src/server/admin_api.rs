//! `ApiServerService`: what administrators (piccoloctl) call. Mutations need an
//! admin certificate; reads accept a viewer certificate too.

use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use piccolo_common::names::{BootstrapToken, validate_node_name};
use piccolo_proto::api_server_service_server::ApiServerService;
use piccolo_proto::*;

use tokio_stream::Stream;

use tonic::{Request, Response, Status};
use tracing::info;

use super::{auth, ops_api};
use crate::ca::ClusterCa;
use crate::children::Children;
use crate::cluster::Cluster;
use crate::config_change::Change;
use crate::configs::Configs;
use crate::enrolment::Enrolment;
use crate::metrics::Metrics;
use crate::node_record::NodeRecord;
use crate::persister::Persister;
use crate::registry::Registry;
use crate::rollout::Rollouts;
use crate::store::SharedStore;
use crate::tokens::Tokens;
use crate::topology::pool::AddressPool;
use crate::workloads::Workloads;

/// The admin-facing service (gRPC, and REST through `crate::rest`).
#[derive(Clone)]
pub struct AdminApi {
    state: Arc<AdminHandles>,
}

impl AdminApi {
    pub fn new(handles: AdminHandles) -> Self {
        Self { state: Arc::new(handles) }
    }

    /// What a rollout acts on (for a new leader resuming one).
    pub fn rollout(&self) -> crate::rollout::Rollout {
        self.state.rollout()
    }
}

/// What the admin calls act on: the domain modules' handles. Built once at
/// start-up; the agent service and the background tasks have their own.
pub struct AdminHandles {
    pub registry: Arc<Registry>,
    pub tokens: Tokens,
    /// `RegisterNode` (shared with the agent service's).
    pub enrolment: Arc<Enrolment>,
    /// `GetClusterInfo` shows the trust bundle; backups carry the CA.
    pub ca: Arc<ClusterCa>,
    pub ca_hash: String,
    /// Topology and config history reads; backups.
    pub store: SharedStore,
    /// Backups wait for the write-behind; `GetMasters` shows store health.
    pub persister: Arc<Persister>,
    pub metrics: Arc<Metrics>,
    pub shutdown: tokio::sync::watch::Receiver<bool>,
    /// Serialises topology updates (read-modify-write on one key).
    pub topology_lock: tokio::sync::Mutex<Option<ClusterTopology>>,
    /// Versioned agent config.
    pub configs: Arc<Configs>,
    /// Serialises config changes (shared with running rollouts).
    pub config_lock: Arc<tokio::sync::Mutex<()>>,
    /// Live node connections, cut on removal or revocation.
    pub conns: Arc<super::conns::Conns>,
    /// The current or last batched rollout.
    pub rollouts: Arc<Rollouts>,
    /// Stable per-node cluster addresses (no-op without `address_pool`).
    pub addresses: Arc<AddressPool>,
    /// Child masters' last reports.
    pub children: Arc<Children>,
    pub workloads: Arc<Workloads>,
    /// This master among the cluster's masters.
    pub cluster: Cluster,
    /// The `allow_short_intervals` setting: how short a pushed heartbeat may be.
    pub allow_short_intervals: bool,
}

impl AdminHandles {
    /// The config a node should run.
    pub fn agent_config(&self, node: &str) -> AgentConfig {
        self.configs.effective(node)
    }

    /// The handles a rollout needs (owned: it runs in its own task).
    pub fn rollout(&self) -> crate::rollout::Rollout {
        crate::rollout::Rollout {
            registry: self.registry.clone(),
            configs: self.configs.clone(),
            config_lock: self.config_lock.clone(),
            rollouts: self.rollouts.clone(),
            min_heartbeat_ms: self.min_heartbeat_ms(),
            shared: self.cluster.is_shared(),
            master: self.cluster.name.clone(),
        }
    }

    /// The handles membership changes need.
    pub fn nodes(&self) -> crate::nodes::Nodes<'_> {
        crate::nodes::Nodes {
            registry: &self.registry,
            configs: &self.configs,
            addresses: &self.addresses,
            conns: &self.conns,
        }
    }

    /// The handles a config change needs.
    pub fn config_changes(&self) -> crate::config_change::ConfigChanges<'_> {
        crate::config_change::ConfigChanges {
            configs: &self.configs,
            lock: &self.config_lock,
            registry: &self.registry,
            min_heartbeat_ms: self.min_heartbeat_ms(),
        }
    }

    /// The handles a backup reads.
    pub fn backup_source(&self) -> crate::backup::Source {
        crate::backup::Source {
            store: self.store.clone(),
            persister: self.persister.clone(),
            ca: self.ca.clone(),
            ca_hash: self.ca_hash.clone(),
        }
    }

    /// The shortest heartbeat pushed configs may ask for.
    pub fn min_heartbeat_ms(&self) -> u32 {
        super::min_heartbeat_ms(self.allow_short_intervals)
    }
}

fn node_name(req: &NodeNameRequest) -> Result<&str, Status> {
    validate_node_name(&req.name).map_err(|e| Status::invalid_argument(e.to_string()))?;
    Ok(&req.name)
}

#[tonic::async_trait]
impl ApiServerService for AdminApi {
    async fn get_nodes(&self, request: Request<GetNodesRequest>) -> Result<Response<GetNodesResponse>, Status> {
        auth::reader(&request)?;
        let nodes = self.state.registry.list();
        let nodes = nodes.into_iter().map(|n| super::admin_topology::with_config_labels(&self.state, n)).collect();
        Ok(Response::new(GetNodesResponse { nodes }))
    }

    async fn get_node(&self, request: Request<GetNodeRequest>) -> Result<Response<GetNodeResponse>, Status> {
        auth::reader(&request)?;
        let name = &request.get_ref().name;
        let node = self.state.registry.get(name).ok_or_else(|| Status::not_found(format!("no node named {name:?}")))?;
        let events = self.state.registry.events(name, 20);
        let node = super::admin_topology::with_config_labels(&self.state, node);
        Ok(Response::new(GetNodeResponse { node: Some(node), events }))
    }

    type WatchNodesStream = Pin<Box<dyn Stream<Item = Result<NodeWatchEvent, Status>> + Send>>;

    async fn watch_nodes(
        &self,
        request: Request<WatchNodesRequest>,
    ) -> Result<Response<Self::WatchNodesStream>, Status> {
        auth::reader(&request)?;
        let s = &self.state;
        let stream = super::node_watch::start(
            s.registry.clone(),
            request.get_ref().initial,
            s.metrics.clone(),
            s.shutdown.clone(),
        );
        Ok(Response::new(Box::pin(stream)))
    }

    async fn register_node(
        &self,
        request: Request<NodeRegistrationRequest>,
    ) -> Result<Response<NodeRegistrationResponse>, Status> {
        auth::admin(&request)?;
        let (meta, ext, body) = request.into_parts();
        crate::enrolment::enroll(&self.state.enrolment, Request::from_parts(meta, ext, ()), body)
            .await
            .map(Response::new)
    }

    async fn approve_node(&self, request: Request<NodeNameRequest>) -> Result<Response<NodeActionResponse>, Status> {
        let who = auth::admin(&request)?;
        let node = self.state.registry.approve(node_name(request.get_ref())?)?;
        info!(admin = %who.name, node = %node.name, "node approved");
        Ok(Response::new(NodeActionResponse { node: Some(super::view::node(node)) }))
    }

    async fn cordon_node(&self, request: Request<NodeNameRequest>) -> Result<Response<NodeActionResponse>, Status> {
        let who = auth::admin(&request)?;
        let node = self.state.registry.cordon(node_name(request.get_ref())?)?;
        info!(admin = %who.name, node = %node.name, "node cordoned");
        Ok(Response::new(NodeActionResponse { node: Some(super::view::node(node)) }))
    }

    async fn uncordon_node(&self, request: Request<NodeNameRequest>) -> Result<Response<NodeActionResponse>, Status> {
        let who = auth::admin(&request)?;
        let node = self.state.registry.uncordon(node_name(request.get_ref())?)?;
        info!(admin = %who.name, node = %node.name, "node uncordoned");
        Ok(Response::new(NodeActionResponse { node: Some(super::view::node(node)) }))
    }

    async fn remove_node(&self, request: Request<NodeNameRequest>) -> Result<Response<NodeActionResponse>, Status> {
        let who = auth::admin(&request)?;
        let (node, cut) = self.state.nodes().remove(node_name(request.get_ref())?).await?;
        info!(admin = %who.name, node = %node.name, connections_cut = cut, "node removed");
        Ok(Response::new(NodeActionResponse { node: Some(super::view::node(node)) }))
    }

    async fn revoke_node_certificate(
        &self,
        request: Request<NodeNameRequest>,
    ) -> Result<Response<NodeActionResponse>, Status> {
        let who = auth::admin(&request)?;
        let node = self.state.nodes().revoke_certificate(node_name(request.get_ref())?).await?;
        info!(admin = %who.name, node = %node.name, "node certificate revoked");
        Ok(Response::new(NodeActionResponse { node: Some(super::view::node(node)) }))
    }

    async fn create_token(
        &self,
        request: Request<CreateTokenRequest>,
    ) -> Result<Response<CreateTokenResponse>, Status> {
        let who = auth::admin(&request)?;
        let r = request.into_inner();
        let ttl = (r.ttl_seconds > 0).then(|| Duration::from_secs(r.ttl_seconds));
        let (token, info) = self.state.tokens.create(ttl, r.uses, r.labels, r.description).await?;
        info!(admin = %who.name, token = %info.id, "bootstrap token created");
        Ok(Response::new(CreateTokenResponse { token, info: Some(info) }))
    }

    async fn list_tokens(&self, request: Request<ListTokensRequest>) -> Result<Response<ListTokensResponse>, Status> {
        auth::admin(&request)?;
        Ok(Response::new(ListTokensResponse { tokens: self.state.tokens.list().await? }))
    }

    async fn revoke_token(
        &self,
        request: Request<RevokeTokenRequest>,
    ) -> Result<Response<RevokeTokenResponse>, Status> {
        let who = auth::admin(&request)?;
        let id = request.get_ref().id.split('.').next().unwrap_or_default().to_string();
        if !BootstrapToken::is_valid_id(&id) {
            return Err(Status::invalid_argument(format!("{id:?} is not a token id (6 characters of [a-z0-9])")));
        }
        let info = self.state.tokens.revoke(&id).await?;
        info!(admin = %who.name, token = %id, "bootstrap token revoked");
        Ok(Response::new(RevokeTokenResponse { info: Some(info) }))
    }

    async fn list_events(&self, request: Request<ListEventsRequest>) -> Result<Response<ListEventsResponse>, Status> {
        auth::reader(&request)?;
        let r = request.get_ref();
        let limit = if r.limit == 0 { 100 } else { r.limit as usize };
        crate::events::check_types(&r.types).map_err(Status::invalid_argument)?;
        let filter = crate::events::EventFilter::new(&r.node, &r.types);
        let mut events = self.state.registry.events(&r.node, if filter.types.is_empty() { limit } else { usize::MAX });
        events.retain(|e| filter.matches(e));
        events.drain(..events.len().saturating_sub(limit));
        Ok(Response::new(ListEventsResponse { events }))
    }

    async fn get_topology(
        &self,
        request: Request<GetTopologyRequest>,
    ) -> Result<Response<GetTopologyResponse>, Status> {
        super::admin_topology::get(&self.state, request).await
    }

    async fn update_topology(
        &self,
        request: Request<UpdateTopologyRequest>,
    ) -> Result<Response<UpdateTopologyResponse>, Status> {
        super::admin_topology::update(&self.state, request).await
    }

    async fn get_cluster_info(
        &self,
        request: Request<GetClusterInfoRequest>,
    ) -> Result<Response<GetClusterInfoResponse>, Status> {
        auth::reader(&request)?;
        Ok(Response::new(GetClusterInfoResponse {
            version: env!("CARGO_PKG_VERSION").into(),
            store: self.state.store.backend().into(),
            ca_cert_hash: self.state.ca_hash.clone(),
            ca_certificate_pem: self.state.ca.trust_pem().to_string(),
            nodes: u32::try_from(self.state.registry.len()).unwrap_or(u32::MAX),
        }))
    }

    async fn get_containers(
        &self,
        request: Request<GetContainersRequest>,
    ) -> Result<Response<GetContainersResponse>, Status> {
        auth::reader(&request)?;
        let only = &request.get_ref().node;
        if !only.is_empty() && self.state.registry.get(only).is_none() {
            return Err(Status::not_found(format!("no node named {only:?}")));
        }
        let nodes = self
            .state
            .registry
            .list()
            .into_iter()
            .filter(|n| only.is_empty() || &n.name == only)
            .map(NodeRecord::view)
            .map(|n| NodeContainers {
                node: n.name,
                podman_available: n.podman_available,
                podman_error: n.podman_error,
                containers: n.containers,
            })
            .collect();
        Ok(Response::new(GetContainersResponse { nodes }))
    }

    async fn container_action(
        &self,
        request: Request<ContainerActionRequest>,
    ) -> Result<Response<ContainerActionResponse>, Status> {
        let who = auth::admin(&request)?;
        let r = request.into_inner();
        if !matches!(r.action.as_str(), "start" | "stop" | "restart") {
            return Err(Status::invalid_argument(format!("unknown action {:?}: use start, stop or restart", r.action)));
        }
        if r.container.is_empty() {
            return Err(Status::invalid_argument("container name is empty (use NODE/NAME)"));
        }
        let cmd = Command {
            id: 0,
            command: Some(command::Command::ContainerAction(piccolo_proto::ContainerAction {
                container: r.container.clone(),
                action: r.action.clone(),
            })),
        };
        let rx = self.state.registry.send_command(&r.node, cmd)?;
        info!(admin = %who.name, node = %r.node, container = %r.container, action = %r.action, "container action sent");
        match tokio::time::timeout(Duration::from_secs(60), rx).await {
            Ok(Ok(res)) if res.ok => Ok(Response::new(ContainerActionResponse {
                ok: true,
                message: format!("{} {} on {}", r.action, r.container, r.node),
            })),
            Ok(Ok(res)) => Err(Status::failed_precondition(format!(
                "{} {} on {} failed: {}",
                r.action, r.container, r.node, res.error
            ))),
            Ok(Err(_)) => Err(Status::unavailable(format!("node {} disconnected before answering", r.node))),
            Err(_) => Err(Status::deadline_exceeded(format!("node {} did not answer within 60s", r.node))),
        }
    }

    async fn set_config(&self, request: Request<SetConfigRequest>) -> Result<Response<SetConfigResponse>, Status> {
        let who = auth::admin(&request)?;
        let r = request.into_inner();
        let change = Change {
            node: r.node,
            config: r.config.unwrap_or_default(),
            unset: r.unset,
            clear_override: r.clear_override,
        };
        let node = change.node.clone();
        let (stored, pushed_to) = self.state.config_changes().apply(change, &who.name).await?;
        info!(admin = %who.name, %node, version = stored.version, pushed = pushed_to.len(), "agent config set");
        Ok(Response::new(SetConfigResponse { config: Some(stored), pushed_to }))
    }

    async fn get_config_status(
        &self,
        request: Request<GetConfigStatusRequest>,
    ) -> Result<Response<GetConfigStatusResponse>, Status> {
        auth::reader(&request)?;
        let nodes = self
            .state
            .registry
            .list()
            .into_iter()
            .map(NodeRecord::view)
            .map(|n| NodeConfigStatus {
                has_override: self.state.configs.has_override(&n.name),
                desired_version: self.state.agent_config(&n.name).version,
                acked_version: n.config_acked_version,
                error: n.config_error,
                connected: n.connected,
                node: n.name,
            })
            .collect();
        Ok(Response::new(GetConfigStatusResponse { cluster: Some(self.state.configs.cluster()), nodes }))
    }

    type BackupStream = ops_api::BackupStream;

    async fn backup(&self, request: Request<BackupRequest>) -> Result<Response<Self::BackupStream>, Status> {
        ops_api::backup(&self.state.backup_source(), request).await
    }

    type WatchEventsStream = ops_api::EventStream;

    async fn watch_events(
        &self,
        request: Request<WatchEventsRequest>,
    ) -> Result<Response<Self::WatchEventsStream>, Status> {
        ops_api::watch_events(&self.state.registry, &self.state.metrics, self.state.shutdown.clone(), request)
    }

    async fn set_log_level(
        &self,
        request: Request<SetLogLevelRequest>,
    ) -> Result<Response<SetLogLevelResponse>, Status> {
        ops_api::set_log_level(request)
    }

    async fn start_rollout(&self, request: Request<StartRolloutRequest>) -> Result<Response<RolloutStatus>, Status> {
        super::admin_rollout::start(&self.state, request).await
    }

    async fn get_rollout(&self, request: Request<GetRolloutRequest>) -> Result<Response<RolloutStatus>, Status> {
        super::admin_rollout::get(&self.state, request)
    }

    async fn get_node_config(
        &self,
        request: Request<GetNodeConfigRequest>,
    ) -> Result<Response<GetNodeConfigResponse>, Status> {
        super::admin_rollout::node_config(&self.state, request)
    }

    async fn list_config_history(
        &self,
        request: Request<ListConfigHistoryRequest>,
    ) -> Result<Response<ListConfigHistoryResponse>, Status> {
        super::admin_rollout::history(&self.state, request).await
    }

    async fn get_clusters(
        &self,
        request: Request<GetClustersRequest>,
    ) -> Result<Response<GetClustersResponse>, Status> {
        super::admin_clusters::get(&self.state.children, &self.state.registry, request)
    }

    async fn get_masters(
        &self,
        request: Request<piccolo_proto::GetMastersRequest>,
    ) -> Result<Response<piccolo_proto::GetMastersResponse>, Status> {
        super::admin_masters::get(&self.state, request).await
    }

    async fn apply_workloads(
        &self,
        request: Request<piccolo_proto::ApplyWorkloadsRequest>,
    ) -> Result<Response<piccolo_proto::ApplyWorkloadsResponse>, Status> {
        super::admin_workloads::apply(&self.state.workloads, request).await
    }

    async fn get_workloads(
        &self,
        request: Request<piccolo_proto::GetWorkloadsRequest>,
    ) -> Result<Response<piccolo_proto::GetWorkloadsResponse>, Status> {
        super::admin_workloads::get(&self.state.workloads, request)
    }

    type WorkloadLogsStream = super::admin_workloads::LogStream;

    async fn workload_logs(
        &self,
        request: Request<piccolo_proto::WorkloadLogsRequest>,
    ) -> Result<Response<Self::WorkloadLogsStream>, Status> {
        super::admin_workloads::logs(&self.state.workloads, request)
    }

    async fn undo_workload(
        &self,
        request: Request<piccolo_proto::UndoWorkloadRequest>,
    ) -> Result<Response<piccolo_proto::ApplyWorkloadsResponse>, Status> {
        super::admin_workloads::undo(&self.state.workloads, request).await
    }

    async fn delete_workload(
        &self,
        request: Request<piccolo_proto::DeleteWorkloadRequest>,
    ) -> Result<Response<piccolo_proto::DeleteWorkloadResponse>, Status> {
        super::admin_workloads::delete(&self.state.workloads, request).await
    }
}
