//! The standard gRPC services next to ours, so generic tools work without our
//! .proto: `grpc.health.v1.Health` (load balancers, `grpc_health_probe`,
//! grpcurl), following the store's health the way `/ready` does, and server
//! reflection (`grpc.reflection.v1` and `v1alpha`) describing every service.
//! Who may call them is in [`super::authz`]'s table like every other RPC.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tonic_health::ServingStatus;
use tonic_health::pb::health_server::HealthServer;
use tonic_health::server::HealthReporter;
use tracing::warn;

use crate::persister::Persister;

/// Service names the health service reports on ("" is the whole server).
const NAMES: &[&str] = &["", "piccolo.v1.ApiServerService", "piccolo.v1.NodeAgentService"];

/// How often the health status follows the store's health.
const FOLLOW_EVERY: Duration = Duration::from_millis(500);

/// The health service; its status follows the store (NOT_SERVING while the
/// store is unreachable, like `/ready`) until shutdown.
pub fn health(
    persister: Arc<Persister>,
    shutdown: watch::Receiver<bool>,
) -> HealthServer<impl tonic_health::pb::health_server::Health> {
    let (reporter, service) = tonic_health::server::health_reporter();
    tokio::spawn(follow(reporter, persister, shutdown));
    service
}

async fn follow(reporter: HealthReporter, persister: Arc<Persister>, mut shutdown: watch::Receiver<bool>) {
    let mut last = None;
    loop {
        let status = if persister.healthy() { ServingStatus::Serving } else { ServingStatus::NotServing };
        if last != Some(status) {
            for name in NAMES {
                reporter.set_service_status(*name, status).await;
            }
            last = Some(status);
        }
        tokio::select! {
            _ = tokio::time::sleep(FOLLOW_EVERY) => {}
            _ = crate::stopped(&mut shutdown) => break,
        }
    }
    for name in NAMES {
        reporter.set_service_status(*name, ServingStatus::NotServing).await;
    }
}

fn builder() -> tonic_reflection::server::Builder<'static> {
    tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(piccolo_proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
}

/// Server reflection, v1. `None` (logged) if the descriptors do not load,
/// which the proto crate's generated-code test rules out.
pub fn reflection_v1()
-> Option<tonic_reflection::server::v1::ServerReflectionServer<impl tonic_reflection::server::v1::ServerReflection>> {
    builder().build_v1().map_err(|e| warn!(error = %e, "gRPC reflection (v1) is off")).ok()
}

/// Server reflection, v1alpha (grpcurl falls back to it).
pub fn reflection_v1alpha() -> Option<
    tonic_reflection::server::v1alpha::ServerReflectionServer<impl tonic_reflection::server::v1alpha::ServerReflection>,
> {
    builder().build_v1alpha().map_err(|e| warn!(error = %e, "gRPC reflection (v1alpha) is off")).ok()
}
