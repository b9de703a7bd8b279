//! `piccolo-measure compare` (`make compare`): Piccolo beside a peer whose
//! binaries the user built (e.g. `ANKAIOS_BIN=DIR` holding `ank-server` and
//! `ank-agent`), measured with one method in one run: the peer's server and
//! agent run on loopback with mutual TLS (certificates made here), the
//! agent reaching the server through the same byte-counting relay as ours;
//! RSS and PSS of agent and server sampled every second, agent CPU with
//! children, bytes both ways, binary sizes; then ratios (Piccolo / peer).
//!
//! Nothing of the peer is fetched or built here. Its command lines are
//! templates, overridable for other versions or peers:
//! `PEER_SERVER_CMD` (default `{bin}/ank-server --address {addr} --ca_pem
//! {ca} --crt_pem {server_crt} --key_pem {server_key}`) and
//! `PEER_AGENT_CMD` (default `{bin}/ank-agent --name agent_A --server-url
//! https://{relay} --ca_pem {ca} --crt_pem {agent_crt} --key_pem
//! {agent_key}`); `PEER_BINS` names the binaries whose size is compared
//! (default `ank-agent,ank-server`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use piccolo_tests::proc::Proc;
use piccolo_tests::procstat::{cpu_ticks_with_children, pss_kb, rss_kb};
use piccolo_tests::proxy::CountingProxy;

use super::footprint::{Figures, Mem, TICKS};

const SERVER_CMD: &str =
    "{bin}/ank-server --address {addr} --ca_pem {ca} --crt_pem {server_crt} --key_pem {server_key}";
const AGENT_CMD: &str = "{bin}/ank-agent --name agent_A --server-url https://{relay} --ca_pem {ca} \
                         --crt_pem {agent_crt} --key_pem {agent_key}";

pub async fn run(secs: u64) {
    let Some(bin) = std::env::var_os("ANKAIOS_BIN").or_else(|| std::env::var_os("PEER_BIN")).map(PathBuf::from) else {
        eprintln!(
            "piccolo-measure compare: set ANKAIOS_BIN (or PEER_BIN) to the directory of the peer's binaries, \
             e.g. ANKAIOS_BIN=$HOME/ankaios/target/release make compare"
        );
        std::process::exit(64);
    };
    println!("measuring Piccolo for {secs} s (0 containers, default settings) ...");
    let ours = super::footprint::one(secs, 0, 0, false).await;
    println!("measuring the peer in {} for {secs} s ...", bin.display());
    let peer = match peer(&bin, secs).await {
        Ok(f) => f,
        Err(e) => {
            eprintln!("piccolo-measure compare: {e}");
            std::process::exit(1);
        }
    };
    let bins: Vec<String> = std::env::var("PEER_BINS")
        .unwrap_or_else(|_| "ank-agent,ank-server".into())
        .split(',')
        .map(str::to_string)
        .collect();
    let peer_size =
        |i: usize| bins.get(i).and_then(|b| std::fs::metadata(bin.join(b)).ok()).map(|m| m.len() as f64).unwrap_or(0.0);
    println!();
    println!("| figure (idle, 0 workloads, {secs} s) | Piccolo | peer | ratio |");
    println!("| --- | --- | --- | --- |");
    let row = |name: &str, a: f64, b: f64, unit: &str| {
        let ratio = if b > 0.0 { format!("{:.2}", a / b) } else { "-".into() };
        println!("| {name} | {a:.1} {unit} | {b:.1} {unit} | {ratio} |");
    };
    row("agent RSS avg", ours.agent_rss_kb, peer.agent_rss_kb, "KiB");
    row("agent PSS avg", ours.agent_pss_kb, peer.agent_pss_kb, "KiB");
    row("agent CPU with children", ours.agent_cpu_pct, peer.agent_cpu_pct, "%");
    row("processes kept for the agent (RSS avg)", ours.svc_rss_kb, peer.svc_rss_kb, "KiB");
    row("server RSS", ours.master_rss_kb, peer.master_rss_kb, "KiB");
    row("server PSS", ours.master_pss_kb, peer.master_pss_kb, "KiB");
    row("bytes on the wire, both ways", ours.bytes_per_s, peer.bytes_per_s, "B/s");
    row("agent binary", ours.agent_bin as f64 / 1024.0, peer_size(0) / 1024.0, "KiB");
    row("server binary", ours.master_bin as f64 / 1024.0, peer_size(1) / 1024.0, "KiB");
}

/// Fills a command template and splits it into words.
fn command(template: &str, vars: &[(&str, String)]) -> Result<Command, String> {
    let mut line = template.to_string();
    for (k, v) in vars {
        line = line.replace(&format!("{{{k}}}"), v);
    }
    let mut words = line.split_whitespace();
    let prog = words.next().ok_or_else(|| format!("empty command template {template:?}"))?;
    let mut cmd = Command::new(prog);
    cmd.args(words);
    Ok(cmd)
}

/// A CA, a server certificate for 127.0.0.1/localhost and an agent
/// certificate, as PEM files in `dir`.
fn certificates(dir: &Path) -> Result<Vec<(&'static str, String)>, String> {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
    let err = |e: rcgen::Error| e.to_string();
    let ca_key = KeyPair::generate().map_err(err)?;
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).map_err(err)?;
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = ca_params.self_signed(&ca_key).map_err(err)?;
    let issuer = rcgen::Issuer::new(ca_params, &ca_key);
    let mut files = vec![("ca", ca.pem())];
    let mut out = Vec::new();
    for (who, names) in
        [("server", vec!["127.0.0.1".to_string(), "localhost".into()]), ("agent", vec!["agent_A".into()])]
    {
        let key = KeyPair::generate().map_err(err)?;
        let cert = CertificateParams::new(names).map_err(err)?.signed_by(&key, &issuer).map_err(err)?;
        files.push((if who == "server" { "server_crt" } else { "agent_crt" }, cert.pem()));
        files.push((if who == "server" { "server_key" } else { "agent_key" }, key.serialize_pem()));
    }
    for (name, pem) in files {
        let path = dir.join(format!("{name}.pem"));
        std::fs::write(&path, pem).map_err(|e| format!("write {}: {e}", path.display()))?;
        out.push((name, path.display().to_string()));
    }
    Ok(out)
}

async fn peer(bin: &Path, secs: u64) -> Result<Figures, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let port =
        std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_err(|e| e.to_string())?.port();
    let addr = format!("127.0.0.1:{port}");
    let proxy = CountingProxy::start(addr.clone()).await;
    let mut vars: Vec<(&str, String)> = certificates(dir.path())?;
    vars.push(("bin", bin.display().to_string()));
    vars.push(("addr", addr.clone()));
    vars.push(("relay", proxy.addr()));
    let run = dir.path().join("run");
    std::fs::create_dir_all(&run).map_err(|e| e.to_string())?;
    vars.push(("run", run.display().to_string()));
    let server_t = std::env::var("PEER_SERVER_CMD").unwrap_or_else(|_| SERVER_CMD.into());
    let agent_t = std::env::var("PEER_AGENT_CMD").unwrap_or_else(|_| AGENT_CMD.into());
    let server = Proc::spawn("peer server", command(&server_t, &vars)?, &dir.path().join("server.log"));
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(&addr).is_err() {
        if Instant::now() > deadline {
            return Err(format!("the peer's server did not listen on {addr} in 20 s: {}", server.output()));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let agent = Proc::spawn("peer agent", command(&agent_t, &vars)?, &dir.path().join("agent.log"));
    // Let it connect and settle as ours does.
    let deadline = Instant::now() + Duration::from_secs(20);
    while proxy.bytes().1 == 0 {
        if Instant::now() > deadline {
            return Err(format!("the peer's agent sent nothing in 20 s: {}", agent.output()));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(10)).await;
    let (apid, spid) = (agent.pid().unwrap_or(0), server.pid().unwrap_or(0));
    let (up0, down0) = proxy.bytes();
    let cpu0 = cpu_ticks_with_children(apid);
    let mut mem = Mem::default();
    let t0 = Instant::now();
    while t0.elapsed() < Duration::from_secs(secs) {
        mem.add(&[apid]);
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    let el = t0.elapsed().as_secs_f64();
    let (up1, down1) = proxy.bytes();
    let n = mem.samples.max(1) as f64;
    Ok(Figures {
        agent_rss_kb: mem.rss as f64 / n,
        agent_pss_kb: mem.pss as f64 / n,
        agent_cpu_pct: 100.0 * (cpu_ticks_with_children(apid) - cpu0) as f64 / TICKS / el,
        svc_rss_kb: 0.0,
        master_rss_kb: rss_kb(spid) as f64,
        master_pss_kb: pss_kb(spid) as f64,
        bytes_per_s: ((up1 - up0) + (down1 - down0)) as f64 / el,
        agent_bin: 0,
        master_bin: 0,
    })
}
