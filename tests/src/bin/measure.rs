//! `make measure`: prints Piccolo's figures from real processes on loopback.
//!
//! - `piccolo-measure core`: enrolment time (agent start to Ready), crash and
//!   silent-loss detection at default settings, agent binary size and RSS after
//!   a minute, master RSS with 10 agents.
//! - `piccolo-measure footprint`: one agent at default settings for a fixed
//!   period (`--secs`, default 60): RSS, CPU % of one core, bytes on the wire per
//!   second through a counting relay (TLS and HTTP/2 included), bytes written to
//!   disk per hour, binary size.
//!
//! Set PICCOLO_BIN_DIR to the release binaries (the make targets do);
//! PICCOLO_MEASURE_SECS changes the settle/measure time.

use std::time::{Duration, Instant};

use piccolo_common::time::now_ms;
use piccolo_proto::NodeState;
use piccolo_tests::agent::Trust;
use piccolo_tests::procstat::{cpu_ticks, rss_kb, write_bytes};
use piccolo_tests::proxy::CountingProxy;
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
        Some("footprint") => footprint(settle).await,
        Some(other) => {
            eprintln!("piccolo-measure: unknown mode {other:?}; use core or footprint");
            std::process::exit(64);
        }
    }
}

async fn footprint(secs: u64) {
    let master =
        Master::start(MasterOptions { heartbeat_interval: "10s", heartbeat_timeout: "30s", ..Default::default() })
            .await;
    let proxy = CountingProxy::start(master.addr()).await;
    let token = master.token(0).await;
    let mut env = vec![
        ("PICCOLO_KEEPALIVE_INTERVAL".to_string(), "10s".to_string()),
        ("PICCOLO_KEEPALIVE_TIMEOUT".to_string(), "5s".to_string()),
    ];
    env.push(("PICCOLO_RECONNECT_MAX_BACKOFF".into(), "30s".into()));
    // The shipped log level: the test kit's debug lines would land in a file
    // here (journald on a device) and count as disk writes.
    env.push(("PICCOLO_LOG".into(), "info".into()));
    // Issue target: RSS <= 8 MB with 20 containers monitored.
    let containers: usize = std::env::var("PICCOLO_MEASURE_CONTAINERS").ok().and_then(|s| s.parse().ok()).unwrap_or(20);
    let podman = if containers > 0 { Some(piccolo_tests::podman::PodmanService::start().await) } else { None };
    if let Some(p) = &podman {
        for i in 0..containers {
            p.run_container(&format!("load-{i}")).await;
        }
        env.extend(p.agent_env());
    }
    let agent = Agent::start_with(proxy.addr(), "footprint", &token, Trust::CaFile(master.ca_file()), env);
    master.wait_state("footprint", NodeState::Ready, Duration::from_secs(30)).await;
    // Measure only once the master sees every container the agent monitors.
    piccolo_tests::poll::wait_until("the master to list every container", Duration::from_secs(60), || async {
        let seen = master.node("footprint").await.map(|n| n.containers.len()).unwrap_or(0);
        if seen >= containers { Ok(()) } else { Err(format!("{seen} of {containers} containers listed")) }
    })
    .await;
    let pid = agent.pid().unwrap_or(0);
    // Let start-up traffic (enrolment, first reports) pass.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let (up0, down0) = proxy.bytes();
    let cpu0 = cpu_ticks(pid);
    let wr0 = write_bytes(pid);
    let log0 = agent.log().len();
    let t0 = Instant::now();
    while t0.elapsed() < Duration::from_secs(secs) {
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let el = t0.elapsed().as_secs_f64();
    let (up1, down1) = proxy.bytes();
    let cpu = (cpu_ticks(pid) - cpu0) as f64 / 100.0;
    let written = write_bytes(pid).saturating_sub(wr0) as f64;
    let logged = agent.log().len().saturating_sub(log0) as f64;
    let size = std::fs::metadata(bins::path("piccolo-agent")).map(|m| m.len()).unwrap_or(0);
    println!(
        "agent footprint over {el:.0} s at default settings (heartbeat 10 s, keepalive 10 s from the agent, 1 s from the master):"
    );
    println!("  containers monitored: {containers}");
    println!("  RSS: {} KiB", rss_kb(pid));
    println!("  CPU: {:.3} % of one core", 100.0 * cpu / el);
    println!(
        "  network: {:.1} bytes/s ({:.1} up, {:.1} down; TLS + HTTP/2 included)",
        ((up1 - up0) + (down1 - down0)) as f64 / el,
        (up1 - up0) as f64 / el,
        (down1 - down0) as f64 / el
    );
    println!("  disk writes: {:.0} bytes/hour (from /proc/PID/io write_bytes)", written * 3600.0 / el);
    println!("  log output: {:.0} bytes/hour at level info (stderr; journald on a device)", logged * 3600.0 / el);
    println!("  binary: {} bytes ({:.2} MiB)", size, size as f64 / 1048576.0);
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
