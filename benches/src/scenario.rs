//! A load-generator run from start to summary: the master (given or started
//! here), tokens, worker processes, watchers, the scenario's phases, the
//! figures, and a last line `summary ... errors=N`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use piccolo_proto::{CreateTokenRequest, GetClusterInfoRequest};

use crate::cli::{Args, Scenario};
use crate::coord::{Sampler, Workers, etcd_writes, pending_writes, store_writes};
use crate::hist::Histogram;
use crate::launch;
use crate::procinfo::{RunQueueWait, Sample, listener_pid, nofile_of, raise_nofile};
use crate::stats::Report;
use crate::watchers::Watchers;
use crate::worker::WorkerSpec;

/// One master of the run.
#[derive(Debug, Clone)]
struct MasterRef {
    /// Its place in the agents' list of masters.
    index: usize,
    addr: String,
    pid: u32,
    http_port: Option<u16>,
    admin_conf: PathBuf,
}

/// Where the master is and how to watch it. With several masters `addr`,
/// `pid`, `http_port` and `admin_conf` are those of one that runs (a
/// survivor once the leader was killed) and `masters` lists the live ones.
struct Target {
    addr: String,
    admin_conf: PathBuf,
    pid: u32,
    http_port: Option<u16>,
    etcd_port: Option<u16>,
    /// etcd's processes (one, or the three members).
    etcd_pids: Vec<u32>,
    store: String,
    masters: Vec<MasterRef>,
    /// Every master address the agents are given (dead ones too).
    all_addrs: Vec<String>,
    _launched: Option<launch::Launched>,
    cluster: Option<launch::Cluster>,
}

/// Everything the phases share.
struct Run {
    args: Args,
    target: Target,
    workers: Workers,
    watchers: Watchers,
    sampler: Sampler,
    /// Errors and retries of the whole run.
    totals: Report,
    summary: Vec<(String, String)>,
    /// Targets missed (only fail the run with --strict).
    missed: Vec<String>,
    /// Agents started so far.
    grown: usize,
    /// Master RSS before any agent.
    base_rss_kb: u64,
}

/// One measurement window.
struct Window {
    hb: Histogram,
    master_cores: f64,
    others_cores: f64,
    master_rss_kb: u64,
    store_writes_per_s: Option<f64>,
    etcd_writes_per_s: Option<f64>,
    hb_per_s: f64,
    errors: u64,
    /// ms per second the master's threads waited for a CPU.
    master_wait: f64,
    /// Several masters: each one's CPU (cores), RSS (KiB) and sessions.
    per_master: Vec<(usize, f64, u64, i64)>,
    /// etcd's CPU (cores) and RSS (KiB), all members.
    etcd: (f64, u64),
    /// etcd's database size (bytes) and keys at the end.
    etcd_size: Option<(u64, u64)>,
}

/// The 1-minute load average: the machine is shared, so every figure says how busy it was.
fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_default()
}

fn say(line: &str) {
    println!("{line}");
}

fn secs(d: Duration) -> String {
    format!("{:.1}s", d.as_secs_f64())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| s.lines().next().and_then(|l| l.split_whitespace().nth(1)).and_then(|v| v.parse::<u64>().ok()))
        .unwrap_or(0);
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!("{cores} cores ({cpu}), {} GiB RAM, Linux {}", mem >> 20, kernel.trim())
}

async fn target(args: &Args) -> Result<Target, String> {
    if args.masters > 1 {
        return cluster_target(args).await;
    }
    if let Some(addr) = &args.master {
        let admin_conf = args.admin_config.clone().ok_or("--master needs --admin-config")?;
        let port = addr.rsplit_once(':').and_then(|(_, p)| p.parse::<u16>().ok()).ok_or("--master HOST:PORT")?;
        let pid = args
            .master_pid
            .or_else(|| listener_pid(port))
            .ok_or("cannot find the master's process (not on this machine?); pass --master-pid for its CPU and RSS")?;
        let http_port = args.master_http.as_deref().and_then(|h| h.rsplit_once(':')).and_then(|(_, p)| p.parse().ok());
        let one = MasterRef { index: 0, addr: addr.clone(), pid, http_port, admin_conf: admin_conf.clone() };
        return Ok(Target {
            addr: addr.clone(),
            admin_conf,
            pid,
            http_port,
            etcd_port: None,
            etcd_pids: Vec::new(),
            store: "external".into(),
            all_addrs: vec![addr.clone()],
            masters: vec![one],
            _launched: None,
            cluster: None,
        });
    }
    let l = launch::start(&args.store, args.heartbeat, &args.master_set).await?;
    let pid = l.pid().ok_or("the master exited")?;
    let etcd_port = l.etcd.as_ref().map(|e| e.client_port);
    let one = MasterRef {
        index: 0,
        addr: l.addr.clone(),
        pid,
        http_port: Some(l.http_port),
        admin_conf: l.admin_conf.clone(),
    };
    Ok(Target {
        addr: l.addr.clone(),
        admin_conf: l.admin_conf.clone(),
        pid,
        http_port: Some(l.http_port),
        etcd_port,
        etcd_pids: etcd_port.and_then(listener_pid).into_iter().collect(),
        store: args.store.clone(),
        all_addrs: vec![l.addr.clone()],
        masters: vec![one],
        _launched: Some(l),
        cluster: None,
    })
}

/// `--masters N`: a 3-member etcd and N master processes started here.
async fn cluster_target(args: &Args) -> Result<Target, String> {
    if args.master.is_some() {
        return Err("--masters starts its own masters and etcd cluster; leave out --master".into());
    }
    let c = launch::start_cluster(args.masters, args.heartbeat, &args.master_set).await?;
    let mut masters = Vec::new();
    for (index, l) in c.masters.iter().enumerate() {
        let pid = l.pid().ok_or_else(|| format!("master m{index} exited"))?;
        masters.push(MasterRef {
            index,
            addr: l.addr.clone(),
            pid,
            http_port: Some(l.http_port),
            admin_conf: l.admin_conf.clone(),
        });
    }
    let ports = c.etcd.client_ports();
    let first = masters[0].clone();
    Ok(Target {
        addr: first.addr,
        admin_conf: first.admin_conf,
        pid: first.pid,
        http_port: first.http_port,
        etcd_port: ports.first().copied(),
        etcd_pids: ports.iter().filter_map(|p| listener_pid(*p)).collect(),
        store: format!("etcd-3-members-{}-masters", masters.len()),
        all_addrs: masters.iter().map(|m| m.addr.clone()).collect(),
        masters,
        _launched: None,
        cluster: Some(c),
    })
}

async fn ca_pin(args: &Args, admin_conf: &std::path::Path) -> Result<(String, String), String> {
    let mut admin = piccolo_tests::master::admin_client(admin_conf).await?;
    let info =
        admin.get_cluster_info(GetClusterInfoRequest {}).await.map_err(|s| s.message().to_string())?.into_inner();
    let pin = match &args.ca_file {
        Some(f) => {
            let pem = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
            let certs = piccolo_common::pem::certs(&pem).map_err(|e| e.to_string())?;
            piccolo_common::pem::fingerprint(certs.first().ok_or("no certificate in --ca-file")?)
        }
        None => info.ca_cert_hash,
    };
    Ok((pin, info.store))
}

/// Creates one token per `per` agents, 16 requests in flight.
async fn tokens(admin_conf: &std::path::Path, agents: usize, per: usize) -> Result<Vec<String>, String> {
    let per = per.max(1);
    let n = agents.div_ceil(per);
    let admin = piccolo_tests::master::admin_client(admin_conf).await?;
    let mut out = Vec::with_capacity(agents);
    let mut made = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        let batch = (n - i).min(16);
        let mut set = tokio::task::JoinSet::new();
        for _ in 0..batch {
            let mut c = admin.clone();
            set.spawn(async move {
                c.create_token(CreateTokenRequest {
                    ttl_seconds: 4 * 3600,
                    uses: u32::try_from(per).unwrap_or(u32::MAX),
                    description: "piccolo-loadgen".into(),
                    ..Default::default()
                })
                .await
                .map(|r| r.into_inner().token)
                .map_err(|s| format!("create token: {}", s.message()))
            });
        }
        while let Some(r) = set.join_next().await {
            made.push(r.map_err(|e| e.to_string())??);
        }
        i += batch;
    }
    for t in &made {
        for _ in 0..per {
            if out.len() < agents {
                out.push(t.clone());
            }
        }
    }
    Ok(out)
}

fn run_id() -> String {
    const A: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..4).map(|_| A[rand::random::<u64>() as usize % A.len()] as char).collect()
}

/// Runs the load generator; returns the exit code. SIGINT or SIGTERM end the
/// run early and still stop everything it started (master, etcd, workers).
pub async fn run(args: Args) -> Result<i32, String> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate()).map_err(|e| e.to_string())?;
    tokio::select! {
        r = run_inner(args) => r,
        _ = term.recv() => Err("terminated (SIGTERM)".into()),
        _ = tokio::signal::ctrl_c() => Err("interrupted (SIGINT)".into()),
    }
}

/// Descriptors the master needs besides one per agent (listeners, store,
/// logs, watchers, etcd client).
const MASTER_FILES_RESERVE: u64 = 512;

/// Checks the fleet fits the master's open-files limit: a ramp stops where it
/// no longer fits (saying so), any other run is refused with what to do.
fn fit_open_files(args: &mut Args, master_files: Option<u64>) -> Result<(), String> {
    let Some(files) = master_files else { return Ok(()) };
    // Agents spread evenly over the masters; a killed one's move to the others.
    let masters = args.masters.max(1);
    let share = if args.scenario == Scenario::Failover { masters.saturating_sub(1).max(1) } else { masters };
    let room = usize::try_from(files.saturating_sub(MASTER_FILES_RESERVE)).unwrap_or(usize::MAX).saturating_mul(share);
    if args.agents <= room {
        return Ok(());
    }
    if args.scenario == Scenario::Ramp && room >= args.step.max(1) {
        let cap = room / args.step.max(1) * args.step.max(1);
        say(&format!(
            "# the master's open-files limit ({files}) leaves room for {room} agents: the ramp stops at {cap} \
             (raise the hard limit, `ulimit -Hn`, to go further)"
        ));
        args.agents = cap;
        return Ok(());
    }
    Err(format!(
        "{} agents need about {} open files in the master, and its limit is {files}: raise the hard limit \
         (`ulimit -Hn`, or LimitNOFILE= for a systemd unit) or run fewer agents",
        args.agents,
        args.agents as u64 + MASTER_FILES_RESERVE
    ))
}

async fn run_inner(mut args: Args) -> Result<i32, String> {
    let nofile = raise_nofile();
    let target = target(&args).await?;
    let (pin, backend) = ca_pin(&args, &target.admin_conf).await?;
    let p = args.processes();
    say(&format!("# machine: {}", machine()));
    say(&format!(
        "# master {} (pid {}, store {backend}, open-files limit {}), loadgen: {p} worker process(es), open-files limit {nofile}",
        target.addr,
        target.pid,
        nofile_of(target.pid).unwrap_or(0)
    ));
    if target.masters.len() > 1 {
        let list: Vec<String> =
            target.masters.iter().map(|m| format!("m{} {} (pid {})", m.index, m.addr, m.pid)).collect();
        say(&format!("# {} masters ({}), store {}", list.len(), list.join(", "), target.store));
    }
    fit_open_files(&mut args, nofile_of(target.pid))?;
    let base = Sample::of(target.pid);
    let id = run_id();
    let t = Instant::now();
    let toks = tokens(&target.admin_conf, args.agents, args.agents_per_token).await?;
    say(&format!(
        "# {} bootstrap token(s) ({} agent(s) each) made in {}",
        args.agents.div_ceil(args.agents_per_token.max(1)),
        args.agents_per_token.max(1),
        secs(t.elapsed())
    ));
    let conc = if args.scenario == Scenario::Storm { usize::MAX >> 4 } else { args.enrol_concurrency.div_ceil(p) };
    let specs = (0..p)
        .map(|w| {
            let idx: Vec<usize> = (w..args.agents).step_by(p).collect();
            WorkerSpec {
                index: w,
                masters: target.all_addrs.clone(),
                stride: p,
                ca_pin: pin.clone(),
                names: idx.iter().map(|i| format!("sim-{id}-{i:05}")).collect(),
                tokens: idx.iter().map(|&i| toks[i].clone()).collect(),
                default_heartbeat_ms: u64::try_from(args.heartbeat.as_millis()).unwrap_or(10_000),
                reconnect_cap_ms: u64::try_from(args.reconnect_cap.as_millis()).unwrap_or(30_000),
                enrol_concurrency: conc,
            }
        })
        .collect();
    let workers = Workers::spawn(specs).await?;
    let watchers = Watchers::start(args.watchers, &target.admin_conf).await?;
    let mut others = workers.pids();
    others.push(std::process::id());
    others.extend(target.etcd_pids.iter().copied());
    others.extend(target.masters.iter().skip(1).map(|m| m.pid));
    let sampler = Sampler::start(target.pid, others, workers.tick_source());
    let mut run = Run {
        args: args.clone(),
        target,
        workers,
        watchers,
        sampler,
        totals: Report::default(),
        summary: Vec::new(),
        missed: Vec::new(),
        grown: 0,
        base_rss_kb: base.rss_kb,
    };
    run.note("scenario", format!("{:?}", args.scenario).to_lowercase());
    run.note("store", run.target.store.clone());
    run.note("agents", args.agents.to_string());
    run.note("heartbeat", piccolo_common::config::format_duration(args.heartbeat));
    run.note("loadavg_start", loadavg());
    let outcome = match args.scenario {
        Scenario::Steady => run.steady().await,
        Scenario::Storm => run.storm().await,
        Scenario::Reconnect => run.reconnect().await,
        Scenario::Ramp => run.ramp().await,
        Scenario::Failover => run.failover().await,
    };
    if let Err(e) = &outcome {
        run.totals.errors.insert(format!("run aborted: {e}"), 1);
    }
    let log = run.target._launched.as_ref().map(|l| l.log_path());
    let code = run.finish().await;
    if let (Some(from), Some(to)) = (log, &args.master_log) {
        let _ = std::fs::copy(from, to);
    }
    // Several masters: each one's log as FILE.m0, FILE.m1, ...
    if let (Some(c), Some(to)) = (&run.target.cluster, &args.master_log) {
        for (i, l) in c.masters.iter().enumerate() {
            let _ = std::fs::copy(l.log_path(), format!("{}.m{i}", to.display()));
        }
    }
    code
}

impl Run {
    /// Sets a summary field (a later value replaces an earlier one).
    fn note(&mut self, k: &str, v: String) {
        match self.summary.iter_mut().find(|(key, _)| key == k) {
            Some(entry) => entry.1 = v,
            None => self.summary.push((k.to_string(), v)),
        }
    }

    /// Adds a window's errors, retries and enrolments to the run's totals.
    fn absorb(&mut self, r: &Report) {
        let hb = std::mem::take(&mut self.totals.heartbeat);
        self.totals.merge(r);
        self.totals.heartbeat = hb;
    }

    /// Grows the fleet to `n` and waits until `n` are Ready; returns how long it took.
    async fn grow_ready(&mut self, n: usize, limit: Duration) -> Result<Duration, String> {
        let t0 = Instant::now();
        self.workers.grow(n).await?;
        self.grown = n;
        self.wait_ready(n, t0, limit).await
    }

    async fn wait_ready(&mut self, n: usize, t0: Instant, limit: Duration) -> Result<Duration, String> {
        let mut last_print = Instant::now();
        loop {
            let t = self.workers.tick();
            if t.ready >= n as i64 {
                return Ok(t0.elapsed());
            }
            if t0.elapsed() > limit {
                return Err(format!("only {} of {n} agents Ready after {}", t.ready, secs(limit)));
            }
            if last_print.elapsed() >= Duration::from_secs(5) {
                last_print = Instant::now();
                say(&format!(
                    "#   t={:>5} enrolled={} connected={} ready={} retries={} errors={} master rss={} MiB",
                    secs(t0.elapsed()),
                    t.enrolled,
                    t.connected,
                    t.ready,
                    t.retries,
                    t.errors,
                    Sample::of(self.target.pid).rss_kb >> 10
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Measures heartbeats, CPU, RSS and store writes for `dur`.
    async fn window(&mut self, dur: Duration, label: &str) -> Result<Window, String> {
        let pre = self.workers.report().await?;
        self.absorb(&pre);
        let m0 = Sample::of(self.target.pid);
        let wait = RunQueueWait::start(self.target.pid);
        let o0 = self.others();
        let pm0: Vec<Sample> = self.target.masters.iter().map(|m| Sample::of(m.pid)).collect();
        let etcd0 = Sample::of_all(&self.target.etcd_pids);
        let w0 = self.store_writes().await;
        let backlog0 = pending_writes(self.target.http_port).await;
        let e0 = etcd_writes(self.target.etcd_port).await;
        let t0 = self.workers.tick();
        let start = Instant::now();
        let mut rss_max = m0.rss_kb;
        while start.elapsed() < dur {
            let step = (dur - start.elapsed()).min(Duration::from_secs(10));
            tokio::time::sleep(step).await;
            let m = Sample::of(self.target.pid);
            rss_max = rss_max.max(m.rss_kb);
            let t = self.workers.tick();
            say(&format!(
                "#   {label} t={:>5} connected={} ready={} heartbeats={} acked={} errors={} master cpu={:.2} cores rss={} MiB",
                secs(start.elapsed()),
                t.connected,
                t.ready,
                t.hb_sent - t0.hb_sent,
                t.hb_acked - t0.hb_acked,
                t.errors,
                m.cores_since(&m0),
                m.rss_kb >> 10
            ));
        }
        let rep = self.workers.report().await?;
        self.absorb(&rep);
        if let (Some(a), Some(b)) = (backlog0, pending_writes(self.target.http_port).await) {
            say(&format!("#   {label}: master write-behind backlog {a} writes at the start, {b} at the end"));
        }
        let m1 = Sample::of(self.target.pid);
        let o1 = self.others();
        let etcd1 = Sample::of_all(&self.target.etcd_pids);
        let on = t_on(&self.workers.tick());
        let per_master = if self.target.masters.len() > 1 || self.args.masters > 1 {
            self.target
                .masters
                .iter()
                .zip(&pm0)
                .map(|(m, s0)| {
                    let s1 = Sample::of(m.pid);
                    (m.index, s1.cores_since(s0), s1.rss_kb, on.get(m.index).copied().unwrap_or(0))
                })
                .collect()
        } else {
            Vec::new()
        };
        let el = start.elapsed().as_secs_f64();
        let per_s = |a: Option<u64>, b: Option<u64>| Some(b?.saturating_sub(a?) as f64 / el);
        let t1 = self.workers.tick();
        let mut errors: u64 = rep.errors.values().sum();
        let expected = self.grown;
        if t1.ready < expected as i64 {
            let missing = expected as u64 - t1.ready.max(0) as u64;
            self.totals.errors.insert(format!("{label}: {missing} agents not Ready at the end of the window"), missing);
            errors += missing;
        }
        Ok(Window {
            hb: rep.heartbeat,
            master_cores: m1.cores_since(&m0),
            others_cores: o1.cores_since(&o0),
            master_rss_kb: rss_max.max(m1.rss_kb),
            store_writes_per_s: per_s(w0, self.store_writes().await),
            etcd_writes_per_s: per_s(e0, etcd_writes(self.target.etcd_port).await),
            hb_per_s: (t1.hb_acked - t0.hb_acked) as f64 / el,
            errors,
            master_wait: wait.ms_per_s(),
            per_master,
            etcd: (etcd1.cores_since(&etcd0), etcd1.rss_kb),
            etcd_size: crate::coord::etcd_size(self.target.etcd_port).await,
        })
    }

    /// Store writes of every live master (each counts its own).
    async fn store_writes(&self) -> Option<u64> {
        let mut sum = None;
        for m in &self.target.masters {
            if let Some(w) = store_writes(m.http_port).await {
                sum = Some(sum.unwrap_or(0) + w);
            }
        }
        sum
    }

    fn others(&self) -> Sample {
        let mut pids = self.workers.pids();
        pids.push(std::process::id());
        pids.extend(self.target.etcd_pids.iter().copied());
        pids.extend(self.target.masters.iter().filter(|m| m.pid != self.target.pid).map(|m| m.pid));
        Sample::of_all(&pids)
    }

    fn print_window(&mut self, w: &Window, label: &str) {
        let n = self.grown.max(1);
        say(&format!(
            "{label}: heartbeat ack latency {} ({:.0} acks/s; machine load average {} at the end; master threads waited {:.0} ms/s for a CPU)",
            w.hb.summary(),
            w.hb_per_s,
            loadavg(),
            w.master_wait
        ));
        say(&format!(
            "{label}: master cpu {:.2} cores ({:.0} % of one), loadgen+helpers {:.2} cores; master rss {} MiB ({} KiB per agent over a base of {} MiB)",
            w.master_cores,
            w.master_cores * 100.0,
            w.others_cores,
            w.master_rss_kb >> 10,
            w.master_rss_kb.saturating_sub(self.base_rss_kb) / n as u64,
            self.base_rss_kb >> 10
        ));
        for (i, cores, rss, sessions) in &w.per_master {
            say(&format!(
                "{label}: master m{i} cpu {cores:.2} cores, rss {} MiB, {sessions} agent sessions",
                rss >> 10
            ));
        }
        if !self.target.etcd_pids.is_empty() {
            say(&format!(
                "{label}: etcd ({} process(es)) cpu {:.2} cores, rss {} MiB",
                self.target.etcd_pids.len(),
                w.etcd.0,
                w.etcd.1 >> 10
            ));
        }
        if let Some(s) = w.store_writes_per_s {
            let e = w.etcd_writes_per_s.map(|e| format!(", etcd mvcc writes {e:.1}/s")).unwrap_or_default();
            say(&format!("{label}: store writes {s:.1}/s{e}"));
        }
        if let Some((bytes, keys)) = w.etcd_size {
            say(&format!("{label}: etcd database {:.1} MiB, {keys} keys", bytes as f64 / 1048576.0));
        }
    }
}

/// Sessions per master from a tick (empty with one master).
fn t_on(t: &crate::stats::Tick) -> Vec<i64> {
    t.on.clone()
}

mod failover;
mod phases;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use clap::Parser;

    use super::*;
    use crate::cli::Cli;

    fn args(line: &str) -> Args {
        Cli::try_parse_from(std::iter::once("piccolo-loadgen").chain(line.split_whitespace())).unwrap().args
    }

    #[test]
    fn a_ramp_stops_where_the_masters_open_files_run_out_and_other_runs_are_refused() {
        let mut a = args("--agents 20000 --step 2000 --scenario ramp");
        fit_open_files(&mut a, Some(20_000)).unwrap();
        assert_eq!(a.agents, 18_000);

        let mut a = args("--agents 10000 --scenario steady");
        fit_open_files(&mut a, Some(20_000)).unwrap();
        assert_eq!(a.agents, 10_000, "fits: unchanged");

        let mut a = args("--agents 20000 --scenario steady");
        let e = fit_open_files(&mut a, Some(20_000)).unwrap_err();
        assert!(e.contains("ulimit -Hn") && e.contains("20000"), "{e}");
    }
}
