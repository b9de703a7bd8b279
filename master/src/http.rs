//! Plain-HTTP health and metrics: `/healthz` (process up; JSON with the store's
//! state), `/readyz` (503 while the store is degraded), `/health` and `/ready`
//! (JSON with the `leader` and `degraded` flags; `/ready` is 503 while
//! degraded), `/metrics` (Prometheus).
//! It serves no cluster data, so it needs no authentication; bind it to a
//! private address.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tracing::debug;

use crate::ca::ClusterCa;
use crate::metrics::Metrics;
use crate::persister::Persister;
use crate::registry::Registry;
use crate::store::SharedStore;

/// What the health and metrics endpoints read.
pub struct Health {
    pub registry: Arc<Registry>,
    pub persister: Arc<Persister>,
    pub store: SharedStore,
    pub metrics: Arc<Metrics>,
    pub ca: Arc<ClusterCa>,
    /// This master among the cluster's masters (leader flag, lease).
    pub cluster: crate::cluster::Cluster,
}

fn reply(status: StatusCode, ctype: &str, body: String) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from(body)));
    *r.status_mut() = status;
    if let Ok(v) = ctype.parse() {
        r.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
    }
    r
}

fn handle(state: &Health, req: &Request<Incoming>) -> Response<Full<Bytes>> {
    let healthy = state.persister.healthy() && state.cluster.lease_ok();
    let leader = state.cluster.is_leader();
    match req.uri().path() {
        "/health" | "/ready" => {
            let counts = state.registry.counts();
            let count = |s| counts.get(&s).copied().unwrap_or(0);
            let body = serde_json::json!({
                "status": if healthy { "ok" } else { "degraded" },
                "ready": healthy,
                "leader": leader,
                "name": state.cluster.name,
                "degraded": !healthy,
                "store": state.store.backend(),
                "pending_writes": state.persister.backlog(),
                "version": env!("CARGO_PKG_VERSION"),
                "nodes": {
                    "total": counts.values().sum::<usize>(),
                    "ready": count(piccolo_proto::NodeState::Ready),
                    "not_ready": count(piccolo_proto::NodeState::NotReady),
                },
            });
            let code =
                if req.uri().path() == "/ready" && !healthy { StatusCode::SERVICE_UNAVAILABLE } else { StatusCode::OK };
            reply(code, "application/json", format!("{body}\n"))
        }
        "/healthz" => {
            let counts = state.registry.counts();
            let ready = counts.get(&piccolo_proto::NodeState::Ready).copied().unwrap_or(0);
            let body = format!(
                "{{\"status\":\"{}\",\"store\":\"{}\",\"degraded\":{},\"pending_writes\":{},\"leader\":{},\"nodes\":{},\"ready\":{}}}\n",
                if healthy { "ok" } else { "degraded" },
                state.store.backend(),
                !healthy,
                state.persister.backlog(),
                leader,
                state.registry.len(),
                ready
            );
            reply(StatusCode::OK, "application/json", body)
        }
        "/readyz" => {
            if healthy {
                reply(StatusCode::OK, "text/plain", "ready\n".into())
            } else {
                reply(StatusCode::SERVICE_UNAVAILABLE, "text/plain", "degraded: store unavailable\n".into())
            }
        }
        "/metrics" => {
            let m = &state.metrics;
            m.degraded.set(i64::from(!healthy));
            m.leader.set(i64::from(leader));
            m.set_node_counts(&state.registry.counts());
            let certs: Vec<(String, i64)> =
                state.registry.list_all().into_iter().map(|n| (n.name.clone(), n.cert_expires_at_ms)).collect();
            m.node_certs(&certs);
            m.ca_cert_expiry.set(state.ca.not_after_unix());
            // OpenMetrics when the scraper asks for it, else Prometheus text.
            let wants_om = req
                .headers()
                .get(hyper::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|a| a.contains("application/openmetrics-text"));
            if wants_om {
                reply(StatusCode::OK, crate::metrics::OPENMETRICS_CONTENT_TYPE, m.render())
            } else {
                reply(StatusCode::OK, crate::metrics::PROMETHEUS_CONTENT_TYPE, m.render_prometheus())
            }
        }
        _ => reply(
            StatusCode::NOT_FOUND,
            "text/plain",
            "not found: try /health, /ready, /healthz, /readyz or /metrics\n".into(),
        ),
    }
}

/// Serves until shutdown.
pub async fn serve(state: Arc<Health>, listener: TcpListener, mut shutdown: watch::Receiver<bool>) {
    loop {
        let (tcp, remote): (_, SocketAddr) = tokio::select! {
            r = listener.accept() => match r { Ok(a) => a, Err(_) => continue },
            _ = crate::stopped(&mut shutdown) => break,
        };
        let state = state.clone();
        tokio::spawn(async move {
            let svc = hyper::service::service_fn(move |req| {
                let state = state.clone();
                async move { Ok::<_, Infallible>(handle(&state, &req)) }
            });
            if let Err(e) = http1::Builder::new().serve_connection(TokioIo::new(tcp), svc).await {
                debug!(%remote, error = %e, "health connection failed");
            }
        });
    }
}
