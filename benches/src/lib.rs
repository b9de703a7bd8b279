//! Benchmarks of Piccolo's hot paths (`benches/`, criterion) and
//! `piccolo-loadgen`, a simulated fleet of real mutual-TLS agents against one
//! real master, or several on one etcd cluster (`--masters`).
//!
//! # Layout
//! - [`cli`]: the load generator's flags and scenarios.
//! - [`scenario`]: a run from start to its `summary ... errors=N` line.
//! - [`coord`]: worker processes, the /proc sampler, the master's metrics.
//! - [`worker`]: one worker process and its JSON line protocol.
//! - [`sim`]: one simulated agent (enrolment, session, heartbeats, reconnect).
//! - [`backoff`]: the agent's reconnect backoff.
//! - [`masters`]: which master an agent dials, and failing over (several masters).
//! - [`stats`]: counters and histograms a worker keeps.
//! - [`watchers`]: `WatchNodes` streams and their verification.
//! - [`launch`]: starting a master (and etcd) for a run.
//! - [`procinfo`]: rlimits, finding a listener's pid, CPU and RSS samples.
//! - [`hist`]: a mergeable latency histogram.
//! - [`workloads`]: simulated answers to pushed workload sets.
#![forbid(unsafe_code)]

pub mod backoff;
pub mod cli;
pub mod coord;
pub mod hist;
pub mod launch;
pub mod masters;
pub mod procinfo;
pub mod scenario;
pub mod sim;
pub mod stats;
pub mod watchers;
pub mod worker;
pub mod workloads;

use piccolo_proto::{AgentMessage, Heartbeat, Resources, StatusReport, agent_message};

/// A heartbeat as it travels in a session.
pub fn heartbeat(seq: u64) -> AgentMessage {
    AgentMessage { msg: Some(agent_message::Msg::Heartbeat(Heartbeat { seq })) }
}

/// A typical full status report.
pub fn status() -> AgentMessage {
    let resources = Resources {
        cpu_percent: 3.5,
        memory_used_bytes: 180 << 20,
        memory_total_bytes: 512 << 20,
        disk_used_bytes: 2 << 30,
        disk_total_bytes: 8 << 30,
        load1: 0.2,
        load5: 0.15,
        load15: 0.1,
        uptime_seconds: 86_400,
        sampled_at_ms: 1_790_000_000_000,
    };
    AgentMessage {
        msg: Some(agent_message::Msg::Status(StatusReport {
            time_ms: 1_790_000_000_000,
            resources: Some(resources),
            checks: Vec::new(),
            full: true,
            ..Default::default()
        })),
    }
}

#[cfg(test)]
mod tests {
    use prost::Message;

    #[test]
    fn a_heartbeat_is_a_few_bytes() {
        let len = super::heartbeat(123_456).encoded_len();
        assert!(len <= 8, "heartbeat payload is {len} bytes");
    }
}
