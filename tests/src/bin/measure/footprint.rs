//! `piccolo-measure footprint` (`make footprint`): the whole cost of Piccolo
//! on a device, measured from /proc while a real release agent runs at
//! default settings against a real master, through a byte-counting relay:
//!
//! - the agent: RSS and PSS (`smaps_rollup`) sampled every second (average
//!   and peak), CPU including children;
//! - every process kept alive on its behalf: the Podman API service, behind
//!   `systemd-socket-activate` as `podman.socket` runs it (or, with
//!   `PICCOLO_MEASURE_PODMAN=permanent`, a service that never exits and the
//!   agent holding the API's event stream, as before issue 18): the share of
//!   the window it ran, its RSS and PSS averaged over the window (0 while
//!   not running), its CPU including the services that ended;
//! - conmon per container, Podman's own, printed apart;
//! - bytes on the wire both ways, agent disk writes and log bytes, the
//!   master's RSS, PSS and disk writes with this one agent, binary sizes.
//!
//! `PICCOLO_MEASURE_CONTAINERS` lists the container counts to run
//! (default `0,20`), `PICCOLO_MEASURE_SECS` the window (default 60; `make
//! footprint` 180). `PICCOLO_MEASURE_WORKLOADS=N` adds N managed workloads
//! (sleepers pinned to the node, applied through the master; [`start_workloads`]).

use std::time::{Duration, Instant};

use piccolo_proto::NodeState;
use piccolo_tests::agent::Trust;
use piccolo_tests::podman::PodmanService;
use piccolo_tests::procstat::{cpu_ticks, cpu_ticks_with_children, pss_kb, rss_kb, write_bytes};
use piccolo_tests::proxy::CountingProxy;
use piccolo_tests::{Agent, Master, MasterOptions, bins};

/// USER_HZ on Linux.
pub const TICKS: f64 = 100.0;

/// What one run measured (averages over the window), for `compare`.
pub struct Figures {
    pub agent_rss_kb: f64,
    pub agent_pss_kb: f64,
    pub agent_cpu_pct: f64,
    /// Processes kept alive for the agent (the Podman API service).
    pub svc_rss_kb: f64,
    pub master_rss_kb: f64,
    pub master_pss_kb: f64,
    pub bytes_per_s: f64,
    pub agent_bin: u64,
    pub master_bin: u64,
}

pub async fn run(secs: u64) {
    let counts: Vec<usize> = std::env::var("PICCOLO_MEASURE_CONTAINERS")
        .unwrap_or_else(|_| "0,20".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let permanent = std::env::var("PICCOLO_MEASURE_PODMAN").is_ok_and(|m| m == "permanent");
    let workloads: usize = std::env::var("PICCOLO_MEASURE_WORKLOADS").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    for (i, &n) in counts.iter().enumerate() {
        if i > 0 {
            println!();
        }
        one(secs, n, workloads, permanent).await;
    }
}

/// Running sums of a set of processes' memory, sampled.
#[derive(Default)]
pub struct Mem {
    pub samples: u64,
    pub rss: u64,
    pub pss: u64,
    rss_max: u64,
    pss_max: u64,
}

impl Mem {
    pub fn add(&mut self, pids: &[u32]) {
        let rss: u64 = pids.iter().map(|&p| rss_kb(p)).sum();
        let pss: u64 = pids.iter().map(|&p| pss_kb(p)).sum();
        self.samples += 1;
        self.rss += rss;
        self.pss += pss;
        self.rss_max = self.rss_max.max(rss);
        self.pss_max = self.pss_max.max(pss);
    }

    fn line(&self) -> String {
        let n = self.samples.max(1);
        format!(
            "RSS {} KiB avg / {} KiB peak, PSS {} KiB avg / {} KiB peak",
            self.rss / n,
            self.rss_max,
            self.pss / n,
            self.pss_max
        )
    }
}

/// CPU ticks of the Podman API service so far: the long-lived process with
/// its reaped children, plus the services running now.
fn service_ticks(podman: &PodmanService) -> u64 {
    let base = podman.service_pid().map(cpu_ticks_with_children).unwrap_or(0);
    let own = podman.service_pid();
    base + podman.api_processes().into_iter().filter(|p| Some(*p) != own).map(cpu_ticks).sum::<u64>()
}

/// Managed workloads (issue 14): `n` sleepers pinned to `node`, applied
/// through the master; returns once the master reports them all running.
async fn start_workloads(master: &Master, node: &str, n: usize) -> Result<(), String> {
    let workloads = (0..n)
        .map(|i| piccolo_proto::WorkloadSpec {
            name: format!("managed-{i}"),
            image: "localhost/busybox:latest".into(),
            command: vec!["/bin/sleep".into(), "86400".into()],
            restart: "always".into(),
            nodes: vec![node.into()],
            ..Default::default()
        })
        .collect();
    let req = piccolo_proto::ApplyWorkloadsRequest { workloads, ..Default::default() };
    master.admin().await.apply_workloads(req).await.map_err(|e| format!("apply: {e}"))?;
    piccolo_tests::wait_until(&format!("{n} managed workloads running"), Duration::from_secs(180), || async {
        let r = master.admin().await.get_workloads(piccolo_proto::GetWorkloadsRequest::default()).await;
        let all = r.map_err(|e| e.to_string())?.into_inner().workloads;
        let running = all.iter().filter(|w| w.nodes.iter().any(|x| x.state == "Running")).count();
        if running >= n { Ok(()) } else { Err(format!("{running} of {n} running")) }
    })
    .await;
    Ok(())
}

pub async fn one(secs: u64, containers: usize, workloads: usize, permanent: bool) -> Figures {
    // The master at its defaults too, at the shipped log level: its log lines
    // would count as disk writes.
    let master = Master::start(MasterOptions {
        heartbeat_interval: "10s",
        heartbeat_timeout: "30s",
        extra: "log = \"info\"\n".into(),
        ..Default::default()
    })
    .await;
    let proxy = CountingProxy::start(master.addr()).await;
    let token = master.token(0).await;
    // The agent's defaults (the test kit shortens them).
    let mut env: Vec<(String, String)> = vec![
        ("PICCOLO_KEEPALIVE_INTERVAL".into(), "10s".into()),
        ("PICCOLO_KEEPALIVE_TIMEOUT".into(), "5s".into()),
        ("PICCOLO_RECONNECT_MAX_BACKOFF".into(), "30s".into()),
        // The shipped level: debug lines would land in a file here (journald
        // on a device) and count as disk writes.
        ("PICCOLO_LOG".into(), "info".into()),
    ];
    let podman = if permanent { PodmanService::start().await } else { PodmanService::start_socket_activated(5).await };
    for i in 0..containers {
        podman.run_container(&format!("load-{i}")).await;
    }
    env.extend(podman.agent_env());
    if permanent {
        env.push(("PICCOLO_PODMAN_EVENTS_FILE".into(), String::new()));
    }
    let agent = Agent::start_with(proxy.addr(), "footprint", &token, Trust::CaFile(master.ca_file()), env);
    master.wait_state("footprint", NodeState::Ready, Duration::from_secs(30)).await;
    piccolo_tests::poll::wait_until("the master to list every container", Duration::from_secs(60), || async {
        let seen = master.node("footprint").await.map(|n| n.containers.len()).unwrap_or(0);
        if seen >= containers { Ok(()) } else { Err(format!("{seen} of {containers} containers listed")) }
    })
    .await;
    let workloads_note = if workloads > 0 {
        match start_workloads(&master, "footprint", workloads).await {
            Ok(()) => format!("{workloads} managed workloads"),
            Err(e) => e,
        }
    } else {
        "none".into()
    };
    let pid = agent.pid().unwrap_or(0);
    let mpid = master.pid().unwrap_or(0);
    // Let start-up traffic (enrolment, first reports, the first API burst) pass.
    tokio::time::sleep(Duration::from_secs(10)).await;
    let (up0, down0) = proxy.bytes();
    let cpu0 = cpu_ticks_with_children(pid);
    let svc0 = service_ticks(&podman);
    let wr0 = write_bytes(pid);
    let mwr0 = write_bytes(mpid);
    let log0 = agent.log().len();
    let (mut agent_mem, mut svc_mem, mut conmon_mem) = (Mem::default(), Mem::default(), Mem::default());
    let (mut svc_alive, mut samples) = (0u64, 0u64);
    let t0 = Instant::now();
    while t0.elapsed() < Duration::from_secs(secs) {
        agent_mem.add(&[pid]);
        let api = podman.api_processes();
        svc_alive += u64::from(!api.is_empty());
        samples += 1;
        svc_mem.add(&api);
        conmon_mem.add(&podman.conmon_processes());
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    let el = t0.elapsed().as_secs_f64();
    let (up1, down1) = proxy.bytes();
    let cpu = (cpu_ticks_with_children(pid) - cpu0) as f64 / TICKS;
    let svc_cpu = service_ticks(&podman).saturating_sub(svc0) as f64 / TICKS;
    let written = write_bytes(pid).saturating_sub(wr0) as f64;
    let mwritten = write_bytes(mpid).saturating_sub(mwr0) as f64;
    let logged = agent.log().len().saturating_sub(log0) as f64;
    let size = |b: &str| std::fs::metadata(bins::path(b)).map(|m| m.len()).unwrap_or(0);
    let mode = if permanent {
        "permanent service (--time 0), agent holds the API event stream"
    } else {
        "socket-activated service (systemd-socket-activate + --time 5), agent follows the event log"
    };
    println!("footprint over {el:.0} s, {containers} containers, default settings; Podman: {mode}");
    println!("  managed workloads: {workloads_note}");
    println!("  agent: {}", agent_mem.line());
    println!("  agent CPU (with children): {:.3} % of one core", 100.0 * cpu / el);
    println!(
        "  Podman API service for the agent: alive {:.0} % of the window; {}; CPU {:.3} % of one core",
        100.0 * svc_alive as f64 / samples.max(1) as f64,
        svc_mem.line(),
        100.0 * svc_cpu / el
    );
    let n = agent_mem.samples.max(1);
    let sn = svc_mem.samples.max(1);
    println!(
        "  whole cost (agent + API service): RSS {} KiB avg, PSS {} KiB avg, CPU {:.3} % of one core",
        agent_mem.rss / n + svc_mem.rss / sn,
        agent_mem.pss / n + svc_mem.pss / sn,
        100.0 * (cpu + svc_cpu) / el
    );
    println!("  conmon (one per container, Podman's own): {}", conmon_mem.line());
    println!(
        "  network: {:.1} bytes/s ({:.1} up, {:.1} down; TLS + HTTP/2 included)",
        ((up1 - up0) + (down1 - down0)) as f64 / el,
        (up1 - up0) as f64 / el,
        (down1 - down0) as f64 / el
    );
    println!("  agent disk writes: {:.0} bytes/hour (/proc/PID/io write_bytes)", written * 3600.0 / el);
    println!("  agent log output: {:.0} bytes/hour at level info (journald on a device)", logged * 3600.0 / el);
    println!(
        "  master with 1 agent: RSS {} KiB, PSS {} KiB, disk writes {:.0} bytes/hour",
        rss_kb(mpid),
        pss_kb(mpid),
        mwritten * 3600.0 / el
    );
    println!(
        "  binaries: agent {} bytes, master {} bytes (x86_64, stripped)",
        size("piccolo-agent"),
        size("piccolo-master")
    );
    Figures {
        agent_rss_kb: (agent_mem.rss / n) as f64,
        agent_pss_kb: (agent_mem.pss / n) as f64,
        agent_cpu_pct: 100.0 * cpu / el,
        svc_rss_kb: (svc_mem.rss / sn) as f64,
        master_rss_kb: rss_kb(mpid) as f64,
        master_pss_kb: pss_kb(mpid) as f64,
        bytes_per_s: ((up1 - up0) + (down1 - down0)) as f64 / el,
        agent_bin: size("piccolo-agent"),
        master_bin: size("piccolo-master"),
    }
}
