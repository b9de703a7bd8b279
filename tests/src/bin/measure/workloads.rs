//! `piccolo-measure workloads`: the figures of issue 14, from a real master,
//! a real agent and real Podman (and simulated agents for the fleet run):
//!
//! - apply -> container running (as the master reports it) and apply -> the
//!   workload's HTTP port answers 200 (busybox httpd behind a published
//!   port), median and p95 over `PICCOLO_MEASURE_RUNS` runs (default 20);
//! - a killed container -> running again (the restart policy's first backoff
//!   is 1 s, included);
//! - a device restart offline (master stopped, agent stopped, containers
//!   stopped) -> all 20 workloads running, from the agent's start;
//! - agent RSS and idle CPU with 20 managed workloads (the footprint run);
//! - a master with 1,000 simulated agents (piccolo-loadgen) and 5 workloads
//!   placed on every node in one apply -> all 5,000 replicas reported running.
//!
//! Published ports use Podman's bridge network; the whole run re-executes
//! itself in a private network namespace (`unshare -n`), so the bridge, its
//! forwarding rules and all the traffic stay there (loopback only).

use std::process::Stdio;
use std::time::{Duration, Instant};

use piccolo_proto::{
    ApplyWorkloadsRequest, DeleteWorkloadRequest, GetWorkloadsRequest, NodeState, WorkloadInfo, WorkloadSpec,
};
use piccolo_tests::agent::Trust;
use piccolo_tests::master::AdminClient;
use piccolo_tests::podman::PodmanService;
use piccolo_tests::{Agent, Master, MasterOptions, bins, free_port, wait_until};

const INSIDE: &str = "PICCOLO_MEASURE_IN_NETNS";
const IMAGE: &str = "localhost/busybox:latest";

pub async fn run(secs: u64) {
    if std::env::var_os(INSIDE).is_none() {
        let exe = std::env::current_exe().unwrap_or_else(|e| panic!("current_exe: {e}"));
        let status = std::process::Command::new("unshare")
            .args(["-n", "-m", "--propagation", "private"])
            .arg(exe)
            .args(std::env::args().skip(1))
            .env(INSIDE, "1")
            .status()
            .unwrap_or_else(|e| panic!("unshare (needs root and util-linux): {e}"));
        std::process::exit(status.code().unwrap_or(1));
    }
    piccolo_tests::netns::sh("ip link set lo up");
    let runs = std::env::var("PICCOLO_MEASURE_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(20usize);
    println!("machine: {}", machine());
    // PICCOLO_MEASURE_ONLY=fleet runs the fleet part alone.
    if std::env::var("PICCOLO_MEASURE_ONLY").as_deref() != Ok("fleet") {
        device(runs).await;
        super::footprint::one(secs, 0, 20, false).await;
    }
    let agents = std::env::var("PICCOLO_MEASURE_FLEET").ok().and_then(|s| s.parse().ok()).unwrap_or(1000usize);
    fleet(agents, 5).await;
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    format!("{cpu}, {cores} cores; debug/release binaries from {}", bins::dir().display())
}

fn spec(name: &str, node: &str, command: &[&str], ports: Vec<String>) -> WorkloadSpec {
    WorkloadSpec {
        name: name.into(),
        image: IMAGE.into(),
        command: command.iter().map(|s| s.to_string()).collect(),
        restart: "always".into(),
        nodes: vec![node.into()],
        ports,
        ..Default::default()
    }
}

fn sleeper(name: &str, node: &str) -> WorkloadSpec {
    spec(name, node, &["/bin/sleep", "3600"], Vec::new())
}

async fn apply(admin: &mut AdminClient, workloads: Vec<WorkloadSpec>) {
    let r = admin.apply_workloads(ApplyWorkloadsRequest { workloads, ..Default::default() }).await;
    if let Err(e) = r {
        panic!("apply: {e}");
    }
}

async fn one(admin: &mut AdminClient, name: &str) -> Option<WorkloadInfo> {
    let r = admin.get_workloads(GetWorkloadsRequest { name: name.into() }).await.ok()?;
    r.into_inner().workloads.into_iter().next()
}

/// Whether `GET /` on 127.0.0.1:port answers 200.
async fn http_ok(port: u16) -> bool {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let attempt = async {
        let mut s = tokio::net::TcpStream::connect(("127.0.0.1", port)).await.ok()?;
        s.write_all(b"GET / HTTP/1.0\r\n\r\n").await.ok()?;
        let mut buf = [0u8; 16];
        let n = s.read(&mut buf).await.ok()?;
        Some(buf[..n].starts_with(b"HTTP/1.0 200") || buf[..n].starts_with(b"HTTP/1.1 200"))
    };
    tokio::time::timeout(Duration::from_millis(300), attempt).await.ok().flatten().unwrap_or(false)
}

/// How many containers run, from the Podman API (`containers/json` lists
/// running ones only); 0 when the service does not answer.
async fn running_count(socket: &std::path::Path) -> usize {
    container_count(socket, false).await
}

/// How many containers exist (`all`) or run, from the Podman API; 0 when
/// the service does not answer.
async fn container_count(socket: &std::path::Path, all: bool) -> usize {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let attempt = async {
        let mut s = tokio::net::UnixStream::connect(socket).await.ok()?;
        let query = if all { "?all=true" } else { "" };
        let req = format!("GET /v4.0.0/libpod/containers/json{query} HTTP/1.0\r\nHost: d\r\n\r\n");
        s.write_all(req.as_bytes()).await.ok()?;
        let mut body = Vec::new();
        s.read_to_end(&mut body).await.ok()?;
        Some(String::from_utf8_lossy(&body).matches("\"Id\":").count())
    };
    tokio::time::timeout(Duration::from_secs(5), attempt).await.ok().flatten().unwrap_or(0)
}

fn pct(v: &mut [u128], p: f64) -> u128 {
    v.sort_unstable();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v.get(i).copied().unwrap_or(0)
}

fn summary(mut v: Vec<u128>) -> String {
    format!(
        "median {} ms, p95 {} ms, min {} ms, max {} ms (n={})",
        pct(&mut v, 0.5),
        pct(&mut v, 0.95),
        v[0],
        v[v.len() - 1],
        v.len()
    )
}

/// Latencies on one device: apply, kill, offline restart.
async fn device(runs: usize) {
    let podman = PodmanService::start().await;
    let mut master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let mut env = podman.agent_env();
    env.push(("PICCOLO_LOG".into(), "info".into()));
    let mut agent = Agent::start_with(master.addr(), "dev", &token, Trust::CaFile(master.ca_file()), env);
    master.wait_state("dev", NodeState::Ready, Duration::from_secs(30)).await;
    let mut admin = master.admin().await;
    let httpd = "/bin/busybox mkdir -p /www && echo ok > /www/index.html && exec /bin/busybox httpd -f -p 8080 -h /www";

    let (mut running, mut answers) = (Vec::new(), Vec::new());
    for i in 0..runs {
        let name = format!("web-{i}");
        let port = free_port();
        let w = spec(&name, "dev", &["/bin/sh", "-c", httpd], vec![format!("{port}:8080")]);
        let t0 = Instant::now();
        apply(&mut admin, vec![w]).await;
        let (mut t_run, mut t_http) = (None, None);
        while t_run.is_none() || t_http.is_none() {
            if t0.elapsed() > Duration::from_secs(60) {
                panic!("{name}: not running and answering within 60 s: {:?}", one(&mut admin, &name).await);
            }
            if t_run.is_none()
                && one(&mut admin, &name).await.is_some_and(|w| w.nodes.iter().any(|n| n.state == "Running"))
            {
                t_run = Some(t0.elapsed());
            }
            if t_http.is_none() && http_ok(port).await {
                t_http = Some(t0.elapsed());
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        running.push(t_run.unwrap_or_default().as_millis());
        answers.push(t_http.unwrap_or_default().as_millis());
        let _ = admin.delete_workload(DeleteWorkloadRequest { name }).await;
        // Each run starts on an idle device: the deleted container (httpd as
        // PID 1 ignores SIGTERM, so Podman waits the 2 s stop timeout) is
        // removed, network torn down, before the next apply, which would
        // otherwise queue behind that removal.
        let gone = Instant::now();
        while container_count(podman.socket(), true).await > 0 {
            if gone.elapsed() > Duration::from_secs(30) {
                panic!("the deleted workload still runs after 30 s");
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    println!("apply -> container running (master's view), {runs} runs: {}", summary(running));
    println!("apply -> HTTP 200 from the workload's published port, {runs} runs: {}", summary(answers));

    // 20 sleepers for the kill and offline-restart figures.
    let names: Vec<String> = (0..20).map(|i| format!("s-{i}")).collect();
    apply(&mut admin, names.iter().map(|n| sleeper(n, "dev")).collect()).await;
    wait_until("20 sleepers running", Duration::from_secs(120), || async {
        let mut a = master.admin().await;
        let all = a.get_workloads(GetWorkloadsRequest::default()).await.map_err(|e| e.to_string())?.into_inner();
        let n = all.workloads.iter().filter(|w| w.nodes.iter().any(|n| n.state == "Running")).count();
        if n >= 20 { Ok(()) } else { Err(format!("{n} running")) }
    })
    .await;
    let mut kills = Vec::new();
    for n in names.iter().take(5) {
        let t0 = Instant::now();
        podman.kill(n).await;
        wait_until(&format!("{n} running again"), Duration::from_secs(30), || async {
            let w = one(&mut master.admin().await, n).await.ok_or("gone")?;
            if w.nodes.iter().any(|x| x.state == "Running" && x.restarts == 1) {
                Ok(())
            } else {
                Err(format!("{:?}", w.nodes))
            }
        })
        .await;
        kills.push(t0.elapsed().as_millis());
    }
    println!("container killed -> Running again at the master (1 s first backoff included): {}", summary(kills));

    // A device restart while the master is unreachable.
    master.stop();
    agent.stop();
    let _ = podman.podman(&["stop", "-a", "-t", "0"]).await;
    let t0 = Instant::now();
    agent.restart();
    loop {
        // Asked of the Podman service, not the CLI: a `podman ps` per poll
        // costs a process start and storage locks, competing with the starts.
        let n = running_count(podman.socket()).await;
        if n >= 20 {
            break;
        }
        if t0.elapsed() > Duration::from_secs(60) {
            panic!("only {n} of 20 running again after 60 s");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    println!(
        "device restart offline (master down) -> all 20 workloads running: {} ms after the agent started",
        t0.elapsed().as_millis()
    );
    master.launch().await;
    agent.stop();
    let _ = podman.podman(&["rm", "-a", "-f", "-t", "0"]).await;
}

/// A master with `agents` simulated agents; `per_node` workloads that run on
/// every node, applied at once; until every replica is reported running.
async fn fleet(agents: usize, per_node: usize) {
    let master =
        Master::start(MasterOptions { heartbeat_interval: "10s", heartbeat_timeout: "30s", ..Default::default() })
            .await;
    let log = master.root.path().join("loadgen.log");
    let mut loadgen = tokio::process::Command::new(bins::path("piccolo-loadgen"))
        .args(["--master", &master.addr(), "--admin-config"])
        .arg(master.admin_conf())
        .args(["--agents", &agents.to_string(), "--scenario", "steady", "--duration", "600s", "--watchers", "0"])
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).map(Stdio::from).unwrap_or_else(|_| Stdio::null()))
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("piccolo-loadgen: {e}"));
    wait_until(&format!("{agents} simulated agents Ready"), Duration::from_secs(600), || async {
        // GetNodes itself, so a failing call says why (the kit's `nodes()` hides errors).
        let r = master.admin().await.get_nodes(piccolo_proto::GetNodesRequest {}).await;
        let nodes = r.map_err(|e| format!("GetNodes: {e}"))?.into_inner().nodes;
        let n = nodes.iter().filter(|n| n.state() == NodeState::Ready).count();
        if n >= agents {
            return Ok(());
        }
        let said = std::fs::read_to_string(&log).unwrap_or_default();
        let tail: String = said.lines().rev().take(3).collect::<Vec<_>>().join(" | ");
        Err(format!("{n} Ready; loadgen: {tail}"))
    })
    .await;
    let mut admin = master.admin().await;
    let specs: Vec<WorkloadSpec> = (0..per_node)
        .map(|i| WorkloadSpec {
            name: format!("fleet-{i}"),
            image: IMAGE.into(),
            restart: "always".into(),
            ..Default::default()
        })
        .collect();
    let t0 = Instant::now();
    apply(&mut admin, specs).await;
    let applied = t0.elapsed();
    let want = (agents * per_node) as u64;
    loop {
        let all = admin
            .get_workloads(GetWorkloadsRequest::default())
            .await
            .map(|r| r.into_inner().workloads)
            .unwrap_or_default();
        let ready: u64 = all.iter().map(|w| u64::from(w.ready)).sum();
        if ready >= want {
            break;
        }
        if t0.elapsed() > Duration::from_secs(600) {
            panic!("{ready} of {want} replicas running after 600 s");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    println!(
        "master with {agents} simulated agents: {per_node} workloads on every node ({want} replicas) in one apply -> all reported running: {} ms (the apply call itself {} ms); master RSS {} KiB",
        t0.elapsed().as_millis(),
        applied.as_millis(),
        master.pid().map(piccolo_tests::procstat::rss_kb).unwrap_or(0)
    );
    // Where the apply call's time went, as the master logs it.
    for line in master.log().lines().filter(|l| l.contains("workloads applied")) {
        println!("  master: {}", line.trim());
    }
    let _ = loadgen.kill().await;
}
