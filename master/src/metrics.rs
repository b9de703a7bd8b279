//! Prometheus metrics of the master, registered once and shared. Served as
//! text at `/metrics` by [`crate::http`].

use std::time::Duration;

use piccolo_proto::NodeState;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

type Labels = Vec<(&'static str, &'static str)>;
type NamedLabels = Vec<(&'static str, String)>;

/// Every metric the master exports.
pub struct Metrics {
    registry: Registry,
    pub nodes: Family<Labels, Gauge>,
    pub heartbeats: Counter,
    pub enrolments: Family<Labels, Counter>,
    pub transitions: Family<Labels, Counter>,
    pub sessions: Gauge,
    pub watchers: Gauge,
    /// Node updates a lagging watcher skipped for a newer one of the same node.
    pub watch_coalesced: Counter,
    /// Watchers resynchronised with a snapshot after falling too far behind.
    pub watch_resyncs: Counter,
    pub store_healthy: Gauge,
    pub store_pending_writes: Gauge,
    pub store_latency: Family<Labels, Histogram>,
    pub tls_handshake_failures: Counter,
    /// Alert hook deliveries by hook and result (ok, retried, failed, dropped).
    pub hook_deliveries: Family<NamedLabels, Counter>,
    /// Unix time each node certificate expires (refreshed at scrape).
    pub node_cert_expiry: Family<NamedLabels, Gauge>,
    pub ca_cert_expiry: Gauge,
    /// 1 when the master serves from memory because the store is away.
    pub degraded: Gauge,
    /// 1 on the master that leads (a single master always does).
    pub leader: Gauge,
    pub connections_refused_per_source: Counter,
    /// Connections closed because no request followed the TLS handshake in time.
    pub idle_connections_closed: Counter,
}

fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.0001, 2.0, 18))
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("piccolo");
        let nodes = Family::<Labels, Gauge>::default();
        let heartbeats = Counter::default();
        let enrolments = Family::<Labels, Counter>::default();
        let transitions = Family::<Labels, Counter>::default();
        let sessions = Gauge::default();
        let watchers = Gauge::default();
        let watch_coalesced = Counter::default();
        let watch_resyncs = Counter::default();
        let store_healthy = Gauge::default();
        let store_pending_writes = Gauge::default();
        let store_latency = Family::<Labels, Histogram>::new_with_constructor(latency_histogram as fn() -> Histogram);
        let tls_handshake_failures = Counter::default();
        let hook_deliveries = Family::<NamedLabels, Counter>::default();
        let node_cert_expiry = Family::<NamedLabels, Gauge>::default();
        let ca_cert_expiry = Gauge::default();
        let degraded = Gauge::default();
        let leader = Gauge::default();
        registry.register("hook_deliveries", "Alert hook deliveries by hook and result", hook_deliveries.clone());
        registry.register(
            "node_cert_expiry_timestamp_seconds",
            "Unix time each node's current certificate expires",
            node_cert_expiry.clone(),
        );
        registry.register(
            "ca_cert_expiry_timestamp_seconds",
            "Unix time the cluster CA expires",
            ca_cert_expiry.clone(),
        );
        registry.register(
            "degraded",
            "1 while the store is unreachable and the master serves from memory",
            degraded.clone(),
        );
        registry.register("leader", "1 when this master leads the cluster", leader.clone());
        leader.set(1);
        let connections_refused_per_source = Counter::default();
        let idle_connections_closed = Counter::default();
        registry.register(
            "idle_connections_closed",
            "Connections closed because they sent no request within first_request_timeout after TLS",
            idle_connections_closed.clone(),
        );
        registry.register("nodes", "Nodes by state", nodes.clone());
        registry.register("heartbeats", "Heartbeats received", heartbeats.clone());
        registry.register("enrolments", "Enrolment attempts by result", enrolments.clone());
        registry.register("node_transitions", "Node state transitions by target state", transitions.clone());
        registry.register("agent_sessions", "Open agent sessions", sessions.clone());
        registry.register("watchers", "Open watch streams", watchers.clone());
        registry.register(
            "watch_coalesced",
            "Node updates a lagging watcher skipped because a newer one of the same node was queued",
            watch_coalesced.clone(),
        );
        registry.register(
            "watch_resyncs",
            "Watchers sent a snapshot of every node after falling too many changes behind",
            watch_resyncs.clone(),
        );
        registry.register("store_healthy", "1 when the store answers, 0 when degraded", store_healthy.clone());
        registry.register("store_pending_writes", "Writes waiting for the store", store_pending_writes.clone());
        registry.register("store_operation_seconds", "Store operation latency", store_latency.clone());
        registry.register(
            "tls_handshake_failures",
            "Failed TLS handshakes on the API port",
            tls_handshake_failures.clone(),
        );
        registry.register(
            "connections_refused_per_source",
            "Connections dropped because their source IP held max_connections_per_source",
            connections_refused_per_source.clone(),
        );
        for s in NodeState::ALL {
            nodes.get_or_create(&vec![("state", s.label())]).set(0);
        }
        store_healthy.set(1);
        for r in ["ok", "bad_token", "bad_request", "exists", "error"] {
            let _ = enrolments.get_or_create(&vec![("result", r)]);
        }
        Self {
            registry,
            nodes,
            heartbeats,
            enrolments,
            transitions,
            sessions,
            watchers,
            watch_coalesced,
            watch_resyncs,
            store_healthy,
            store_pending_writes,
            store_latency,
            tls_handshake_failures,
            connections_refused_per_source,
            idle_connections_closed,
            hook_deliveries,
            node_cert_expiry,
            ca_cert_expiry,
            degraded,
            leader,
        }
    }

    /// Counts alert hook deliveries.
    pub fn hook(&self, hook: &str, result: &'static str, n: u64) {
        self.hook_deliveries.get_or_create(&vec![("hook", hook.to_string()), ("result", result.to_string())]).inc_by(n);
    }

    /// Sets the per-node certificate expiry gauges to exactly these nodes.
    pub fn node_certs(&self, nodes: &[(String, i64)]) {
        self.node_cert_expiry.clear();
        for (name, expires_ms) in nodes {
            self.node_cert_expiry.get_or_create(&vec![("node", name.clone())]).set(expires_ms / 1000);
        }
    }

    /// Moves one node from one state's gauge to another's.
    pub fn node_moved(&self, from: Option<NodeState>, to: Option<NodeState>) {
        if let Some(f) = from {
            self.nodes.get_or_create(&vec![("state", f.label())]).dec();
        }
        if let Some(t) = to {
            self.nodes.get_or_create(&vec![("state", t.label())]).inc();
            self.transitions.get_or_create(&vec![("to", t.label())]).inc();
        }
    }

    /// Sets `piccolo_nodes{state}` from the registry's device counts (at
    /// scrape: child masters enrolled here are clusters, not nodes).
    pub fn set_node_counts(&self, counts: &std::collections::HashMap<NodeState, usize>) {
        for s in NodeState::ALL {
            let n = counts.get(&s).copied().unwrap_or(0);
            self.nodes.get_or_create(&vec![("state", s.label())]).set(i64::try_from(n).unwrap_or(i64::MAX));
        }
    }

    /// Counts an enrolment by result (`ok`, `bad_token`, `bad_request`, `exists`, `error`).
    pub fn enrolment(&self, result: &'static str) {
        self.enrolments.get_or_create(&vec![("result", result)]).inc();
    }

    /// Records a store operation's latency.
    pub fn store_op(&self, op: &'static str, d: Duration) {
        self.store_latency.get_or_create(&vec![("op", op)]).observe(d.as_secs_f64());
    }

    /// The OpenMetrics text format (what the encoder writes).
    pub fn render(&self) -> String {
        let mut out = String::new();
        if encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }

    /// The Prometheus text format 0.0.4, for scrapers that do not ask for
    /// OpenMetrics (and `promtool check metrics`).
    pub fn render_prometheus(&self) -> String {
        to_prometheus_text(&self.render())
    }
}

/// Content type of [`Metrics::render`].
pub const OPENMETRICS_CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";
/// Content type of [`Metrics::render_prometheus`].
pub const PROMETHEUS_CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// OpenMetrics text as Prometheus text: a counter family `x` has samples
/// `x_total`, so its HELP and TYPE lines name `x_total`; `# UNIT` and `# EOF`
/// do not exist there.
pub fn to_prometheus_text(om: &str) -> String {
    let counters: std::collections::HashSet<&str> =
        om.lines().filter_map(|l| l.strip_prefix("# TYPE ")).filter_map(|l| l.strip_suffix(" counter")).collect();
    let mut out = String::with_capacity(om.len());
    for line in om.lines() {
        if line == "# EOF" || line.starts_with("# UNIT ") {
            continue;
        }
        let meta = ["# HELP ", "# TYPE "].iter().find_map(|p| line.strip_prefix(p).map(|rest| (*p, rest)));
        match meta {
            Some((prefix, rest)) => {
                let (name, tail) = rest.split_once(' ').unwrap_or((rest, ""));
                if counters.contains(name) {
                    out.push_str(&format!("{prefix}{name}_total {tail}"));
                } else {
                    out.push_str(line);
                }
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod text_tests {
    #[test]
    fn counters_are_named_by_their_samples_and_eof_goes() {
        let om = "# HELP piccolo_heartbeats Heartbeats received.\n# TYPE piccolo_heartbeats counter\npiccolo_heartbeats_total 3\n# HELP piccolo_leader 1 when leading.\n# TYPE piccolo_leader gauge\npiccolo_leader 1\n# EOF\n";
        assert_eq!(
            super::to_prometheus_text(om),
            "# HELP piccolo_heartbeats_total Heartbeats received.\n# TYPE piccolo_heartbeats_total counter\npiccolo_heartbeats_total 3\n# HELP piccolo_leader 1 when leading.\n# TYPE piccolo_leader gauge\npiccolo_leader 1\n"
        );
    }
}
