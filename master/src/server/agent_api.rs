//! `NodeAgentService`: what devices call. Enrolment is the only call without a
//! client certificate; everything else acts on the node named by the caller's
//! certificate.

use std::sync::Arc;

use piccolo_common::time::now_ms;
use piccolo_proto::node_agent_service_server::NodeAgentService;
use piccolo_proto::{
    AgentMessage, ConfigRequest, ConfigResponse, HeartbeatAck, HeartbeatRequest, HeartbeatResponse, MasterMessage,
    NodeRegistrationRequest, NodeRegistrationResponse, RenewCertificateRequest, RenewCertificateResponse, StatusAck,
    StatusReport, agent_message, master_message,
};
use tokio::sync::mpsc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};
use tracing::{debug, info, warn};

use super::auth;
use crate::ca::ClusterCa;
use crate::children::Children;
use crate::cluster::Cluster;
use crate::configs::Configs;
use crate::enrolment::Enrolment;
use crate::persister::Persister;
use crate::registry::Registry;
use crate::topology::pool::AddressPool;
use crate::workloads::Workloads;

/// The agent-facing service: enrolment, certificate renewal, and the handles
/// a node's session touches.
pub struct AgentApi {
    /// `RegisterNode` (shared with the admin service's).
    pub enrolment: Arc<Enrolment>,
    /// Signs renewed node certificates.
    pub ca: Arc<ClusterCa>,
    pub node_cert_ttl: std::time::Duration,
    pub session: Arc<SessionHandles>,
}

/// What a node's session reads and writes, and nothing else.
pub struct SessionHandles {
    pub registry: Arc<Registry>,
    /// The config a node should run.
    pub configs: Arc<Configs>,
    /// Replay acks wait for its durability tickets.
    pub persister: Arc<Persister>,
    /// Stable cluster addresses follow connections.
    pub addresses: Arc<AddressPool>,
    /// A child master's reports.
    pub children: Arc<Children>,
    /// Desired sets out, acks, reports and logs in.
    pub workloads: Arc<Workloads>,
    /// Several masters: the list a device is told.
    pub cluster: Cluster,
    pub shutdown: tokio::sync::watch::Receiver<bool>,
}

type SessionStream = ReceiverStream<Result<MasterMessage, Status>>;

/// One node's open session: what the master does with each message.
struct Link {
    handles: Arc<SessionHandles>,
    name: String,
    session: u64,
    remote_ip: String,
    tx: mpsc::Sender<Result<MasterMessage, Status>>,
}

impl Link {
    /// Reads the agent's messages until it goes, the master stops or the session is cut.
    async fn run(self, mut inbound: Streaming<AgentMessage>) {
        let mut shutdown = self.handles.shutdown.clone();
        loop {
            let msg = tokio::select! {
                m = inbound.next() => m,
                _ = crate::stopped(&mut shutdown) => break,
                _ = self.tx.closed() => break,
            };
            match msg {
                Some(Ok(m)) => self.on_message(m).await,
                Some(Err(e)) => {
                    debug!(node = %self.name, error = %e, "session stream failed");
                    break;
                }
                None => break,
            }
        }
        let registry = &self.handles.registry;
        registry.close_session(&self.name, self.session);
        if !registry.get(&self.name).is_some_and(|n| n.connected) {
            self.handles.addresses.disconnected(&self.name).await;
        }
        debug!(node = %self.name, session = self.session, "session closed");
    }

    async fn on_message(&self, msg: AgentMessage) {
        let (registry, name) = (&self.handles.registry, self.name.as_str());
        match msg.msg {
            Some(agent_message::Msg::Heartbeat(hb)) => {
                if let Some(state) = registry.heartbeat(name, self.session) {
                    let ack = HeartbeatAck { seq: hb.seq, state: state as i32 };
                    let _ = self.tx.try_send(Ok(MasterMessage { msg: Some(master_message::Msg::HeartbeatAck(ack)) }));
                }
            }
            Some(agent_message::Msg::Status(report)) => {
                registry.status(name, report);
            }
            Some(agent_message::Msg::Hello(hello)) => {
                registry.open_session_facts(name, self.session, hello.facts, &self.remote_ip);
            }
            Some(agent_message::Msg::ConfigAck(ack)) => {
                debug!(node = %name, version = ack.version, ok = ack.ok, "config ack");
                registry.config_ack(name, &ack);
                if ack.ok
                    && let Err(e) = self.handles.configs.note_ack(name, ack.version).await
                {
                    warn!(node = %name, error = %e, "cannot mark the acknowledged config version in the history");
                }
            }
            Some(agent_message::Msg::ContainerEvent(ev)) => registry.container_event(name, ev),
            Some(agent_message::Msg::CommandResult(r)) => registry.command_result(name, r),
            Some(agent_message::Msg::Replay(r)) => {
                if let Some((through, ticket)) = registry.offline_replay(name, r) {
                    ack_when_durable(&self.handles.persister, self.tx.clone(), through, ticket);
                }
            }
            Some(agent_message::Msg::ClusterReport(r)) => {
                // A child master: a cluster here, not a device.
                self.handles.registry.mark_cluster(name);
                self.handles.children.report(name, r).await
            }
            Some(agent_message::Msg::WorkloadAck(a)) => self.handles.workloads.ack(name, &a),
            Some(agent_message::Msg::WorkloadReport(r)) => self.handles.workloads.report(name, r),
            Some(agent_message::Msg::LogChunk(c)) => self.handles.workloads.log_chunk(name, c),
            None => {}
        }
    }
}

/// Tells the agent its replayed entries through `through` are kept, once the
/// store has them (`ticket`); a session that ends first gets no ack, so the
/// agent keeps its buffer and replays it next time.
fn ack_when_durable(
    persister: &Arc<Persister>,
    tx: mpsc::Sender<Result<MasterMessage, Status>>,
    through: u64,
    ticket: u64,
) {
    let persister = persister.clone();
    tokio::spawn(async move {
        tokio::select! {
            _ = persister.durable(ticket) => {
                let ack = piccolo_proto::ReplayAck { through_seq: through };
                let _ = tx.send(Ok(MasterMessage { msg: Some(master_message::Msg::ReplayAck(ack)) })).await;
            }
            _ = tx.closed() => {}
        }
    });
}

#[tonic::async_trait]
impl NodeAgentService for AgentApi {
    async fn register_node(
        &self,
        request: Request<NodeRegistrationRequest>,
    ) -> Result<Response<NodeRegistrationResponse>, Status> {
        let (meta, ext, body) = request.into_parts();
        let req = Request::from_parts(meta, ext, ());
        crate::enrolment::enroll(&self.enrolment, req, body).await.map(Response::new)
    }

    type SessionStream = SessionStream;

    async fn session(
        &self,
        request: Request<Streaming<AgentMessage>>,
    ) -> Result<Response<Self::SessionStream>, Status> {
        let caller = auth::node(&request, &self.session.registry)?;
        let name = caller.name.clone();
        let remote_ip = caller.remote.map(|r| r.ip().to_string()).unwrap_or_default();
        let inbound = request.into_inner();
        let (tx, rx) = mpsc::channel(16);
        let registry = self.session.registry.clone();
        let session = registry
            .open_session(&name, None, String::new(), tx.clone())
            .ok_or_else(|| Status::permission_denied(format!("node {name:?} was removed from the cluster")))?;
        // The node may have been given a config before; send the current one.
        registry.offer_config(&name, self.session.configs.effective(&name));
        self.session.workloads.session_opened(&name);
        self.session.addresses.connected(&name).await;
        if self.session.cluster.is_shared() {
            // Several masters: the device learns where else to go (from
            // memory: no store read per session start).
            let addresses = self.session.cluster.known_addresses().await;
            let list = piccolo_proto::MasterList { addresses };
            registry.push(&name, MasterMessage { msg: Some(piccolo_proto::master_message::Msg::Masters(list)) });
        }
        debug!(node = %name, session, "session opened");
        let link = Link { handles: self.session.clone(), name, session, remote_ip, tx };
        tokio::spawn(link.run(inbound));
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn heartbeat(&self, request: Request<HeartbeatRequest>) -> Result<Response<HeartbeatResponse>, Status> {
        let caller = auth::node(&request, &self.session.registry)?;
        let state = self.session.registry.touch(&caller.name).ok_or_else(|| Status::not_found("node is gone"))?;
        Ok(Response::new(HeartbeatResponse { state: state as i32 }))
    }

    async fn report_status(&self, request: Request<StatusReport>) -> Result<Response<StatusAck>, Status> {
        let caller = auth::node(&request, &self.session.registry)?;
        let state = self
            .session
            .registry
            .status(&caller.name, request.into_inner())
            .ok_or_else(|| Status::not_found("node is gone"))?;
        Ok(Response::new(StatusAck { state: state as i32 }))
    }

    async fn receive_config(&self, request: Request<ConfigRequest>) -> Result<Response<ConfigResponse>, Status> {
        let caller = auth::node(&request, &self.session.registry)?;
        Ok(Response::new(ConfigResponse { config: Some(self.session.configs.effective(&caller.name)) }))
    }

    async fn renew_certificate(
        &self,
        request: Request<RenewCertificateRequest>,
    ) -> Result<Response<RenewCertificateResponse>, Status> {
        let caller = auth::node(&request, &self.session.registry)?;
        let csr = request.into_inner().csr_pem;
        if caller.expires_at_ms < now_ms() {
            // Past expiry (inside the grace, or the guard had refused): the
            // renewal is bound to the key the expired certificate holds.
            let key = crate::ca::csr_public_key(&csr).map_err(|e| Status::invalid_argument(e.to_string()))?;
            if key != caller.public_key {
                return Err(Status::permission_denied(
                    "renewal with an expired certificate must keep its key; re-enrol with a token to change keys",
                ));
            }
            info!(node = %caller.name, "renewing an expired node certificate inside the grace window (same key)");
        }
        let issued = self
            .ca
            .sign_csr(&csr, &caller.name, self.node_cert_ttl)
            .map_err(|e| Status::invalid_argument(e.to_string()))?;
        self.session.registry.renew_cert(&caller.name, issued.serial_hex, issued.not_after_ms).await?;
        info!(node = %caller.name, "node certificate renewed");
        Ok(Response::new(RenewCertificateResponse {
            certificate_pem: issued.cert_pem,
            ca_certificate_pem: self.ca.trust_pem().to_string(),
            certificate_expires_at_ms: issued.not_after_ms,
        }))
    }
}
