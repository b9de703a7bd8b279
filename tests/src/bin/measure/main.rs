//! `make measure`: prints Piccolo's figures from real processes on loopback.
//!
//! - `piccolo-measure core`: enrolment time (agent start to Ready), crash and
//!   silent-loss detection at default settings, agent binary size and RSS after
//!   a minute, master RSS with 10 agents.
//! - `piccolo-measure footprint`: the whole cost on the device, see
//!   [`footprint`].
//! - `piccolo-measure compare`: Piccolo beside a peer's binaries, see
//!   [`compare`].
//! - `piccolo-measure workloads`: apply/kill/offline-restart latencies, RSS
//!   with 20 managed workloads, a 1,000-node fleet apply, see [`workloads`].
//!
//! Set PICCOLO_BIN_DIR to the release binaries (the make targets do);
//! PICCOLO_MEASURE_SECS changes the settle/measure time.

mod compare;
mod footprint;
mod workloads;

use std::time::{Duration, Instant};

use piccolo_common::time::now_ms;
use piccolo_proto::NodeState;
use piccolo_tests::procstat::rss_kb;
use piccolo_tests::{Agent, Master, MasterOptions, bins};

fn stats(mut v: Vec<i64>) -> String {
    v.sort_unstable();
    let n = v.len().max(1);
    let avg = v.iter().sum::<i64>() / n as i64;
    format!("min {} ms, avg {} ms, max {} ms (n={})", v.first().unwrap_or(&0), avg, v.last().unwrap_or(&0), v.len())
}

#[tokio::main]
async fn main() {
    let settle = std::env::var("PICCOLO_MEASURE_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(60u64);
    match std::env::args().nth(1).as_deref() {
        None | Some("core") => core(settle).await,
        Some("footprint") => footprint::run(settle).await,
        Some("compare") => compare::run(settle).await,
        Some("workloads") => workloads::run(settle).await,
        Some(other) => {
            eprintln!("piccolo-measure: unknown mode {other:?}; use core, footprint, compare or workloads");
            std::process::exit(64);
        }
    }
}

async fn core(settle: u64) {
    let defaults = MasterOptions { heartbeat_interval: "10s", heartbeat_timeout: "30s", ..Default::default() };
    let master = Master::start(defaults).await;
    let token = master.token(0).await;

    // Enrolment: process start to Ready, 10 agents one after another.
    let mut enrol = Vec::new();
    let mut agents = Vec::new();
    for i in 0..10 {
        let name = format!("m-{i}");
        let start = now_ms();
        let a = Agent::start(&master, &name, &token);
        let n = master.wait_state(&name, NodeState::Ready, Duration::from_secs(30)).await;
        enrol.push(n.state_changed_at_ms - start);
        agents.push(a);
    }
    println!("enrolment (agent start -> Ready): {}", stats(enrol));

    // Let the fleet settle, then sample RSS.
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(settle) {
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let agent_rss: Vec<u64> = agents.iter().filter_map(|a| a.pid()).map(rss_kb).collect();
    let master_rss = master.pid().map(rss_kb).unwrap_or(0);
    println!(
        "agent RSS after {settle}s: max {} KiB, avg {} KiB",
        agent_rss.iter().max().unwrap_or(&0),
        agent_rss.iter().sum::<u64>() / agent_rss.len().max(1) as u64
    );
    println!("master RSS with {} agents: {} KiB", agents.len(), master_rss);

    // Crash detection: kill -9 to NotReady, as recorded by the master.
    let mut crash = Vec::new();
    for a in agents.iter_mut().take(3) {
        let at = now_ms();
        a.kill9();
        let n = master.wait_state(&a.name, NodeState::NotReady, Duration::from_secs(10)).await;
        crash.push(n.state_changed_at_ms - at);
    }
    println!("crash detection (kill -9 -> NotReady): {}", stats(crash));

    // Silent loss: SIGSTOP (socket open, nothing answers) to NotReady.
    let mut silent = Vec::new();
    for a in agents.iter().skip(3).take(3) {
        let at = now_ms();
        a.freeze();
        let n = master.wait_state(&a.name, NodeState::NotReady, Duration::from_secs(15)).await;
        silent.push(n.state_changed_at_ms - at);
        a.thaw();
    }
    println!("silent-loss detection (SIGSTOP -> NotReady): {}", stats(silent));

    let agent_bin = bins::path("piccolo-agent");
    let size = std::fs::metadata(&agent_bin).map(|m| m.len()).unwrap_or(0);
    println!("agent binary {}: {} bytes ({:.2} MiB)", agent_bin.display(), size, size as f64 / 1048576.0);
    let master_bin = bins::path("piccolo-master");
    let msize = std::fs::metadata(&master_bin).map(|m| m.len()).unwrap_or(0);
    println!("master binary: {:.2} MiB", msize as f64 / 1048576.0);
}
