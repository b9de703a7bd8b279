//! Bytes on the wire per heartbeat, TLS records and HTTP/2 frames included
//! (TCP/IP headers not), measured through the test kit's counting relay
//! between one simulated agent and a real master:
//! 1. per heartbeat: heartbeats every 100 ms, the master's keepalive PINGs
//!    pushed out to an hour, so the bytes are the heartbeats and their acks;
//! 2. all-in at the defaults (heartbeat 10 s, master PING every 1 s): bytes per
//!    second and per heartbeat interval, plus what enrolment and the session
//!    start cost once.
//!
//! Needs release binaries (`make bench` builds them first). Under
//! `cargo test --benches` (no `--bench` argument: `make test`'s smoke run) the
//! windows are short and the figures rough; the code path is the same.

use std::sync::Arc;
use std::time::{Duration, Instant};

use piccolo_benches::sim::{self, Control, Fleet};
use piccolo_benches::stats::Stats;
use piccolo_tests::proxy::CountingProxy;
use piccolo_tests::{Master, MasterOptions};
use tokio::sync::{Semaphore, watch};

struct Agent {
    proxy: CountingProxy,
    stats: Arc<Stats>,
    stop: watch::Sender<Control>,
    task: tokio::task::JoinHandle<()>,
}

async fn agent(master: &Master) -> Agent {
    let proxy = CountingProxy::start(master.addr()).await;
    let stats = Arc::new(Stats::default());
    let (stop, control) = watch::channel(Control::default());
    let fleet = Arc::new(Fleet {
        masters: vec![proxy.addr()],
        ca_pin: master.ca_hash().await,
        default_heartbeat: Duration::from_secs(10),
        reconnect_cap: Duration::from_secs(30),
        stats: stats.clone(),
        control,
        enrol_gate: Arc::new(Semaphore::new(1)),
    });
    let token = master.token(1).await;
    let task = tokio::spawn(sim::run(fleet, "bytes-0".into(), token, 0));
    let deadline = Instant::now() + Duration::from_secs(20);
    while stats.tick().ready < 1 {
        assert!(Instant::now() < deadline, "the simulated agent was not Ready within 20 s");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Agent { proxy, stats, stop, task }
}

impl Agent {
    async fn window(&self, d: Duration) -> (u64, u64, u64) {
        let (u0, d0) = self.proxy.bytes();
        let h0 = self.stats.tick().hb_acked;
        tokio::time::sleep(d).await;
        let (u1, d1) = self.proxy.bytes();
        (u1 - u0, d1 - d0, self.stats.tick().hb_acked - h0)
    }

    async fn stop(self) {
        self.stop.send_modify(|c| c.stop = true);
        let _ = tokio::time::timeout(Duration::from_secs(5), self.task).await;
    }
}

async fn measure(quick: bool) {
    let (first, second) = if quick { (2, 3) } else { (10, 30) };
    let fast = Master::start(MasterOptions {
        heartbeat_interval: "100ms",
        heartbeat_timeout: "3s",
        extra: "keepalive_interval = \"1h\"\nkeepalive_timeout = \"20s\"\n".into(),
        ..Default::default()
    })
    .await;
    let a = agent(&fast).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (up, down, n) = a.window(Duration::from_secs(first)).await;
    assert!(n > 0, "no heartbeat was acknowledged through the relay in {first} s");
    println!(
        "per heartbeat (heartbeat + ack, TLS 1.3 + HTTP/2 + gRPC framing): {} bytes up, {} bytes down, {} bytes total (n={n})",
        up / n,
        down / n,
        (up + down) / n
    );
    a.stop().await;
    drop(fast);

    let defaults =
        Master::start(MasterOptions { heartbeat_interval: "10s", heartbeat_timeout: "30s", ..Default::default() })
            .await;
    let a = agent(&defaults).await;
    let (su, sd) = a.proxy.bytes();
    println!(
        "enrolment + session start (two TLS handshakes, CSR, certificate, Hello, full status): {su} bytes up, {sd} bytes down"
    );
    let secs = second;
    let (up, down, n) = a.window(Duration::from_secs(secs)).await;
    println!(
        "all-in at the defaults (heartbeat 10 s, master keepalive PING 1.5 s): {:.0} bytes/s up, {:.0} bytes/s down, {} bytes per heartbeat interval ({n} heartbeats in {secs} s)",
        up as f64 / secs as f64,
        down as f64 / secs as f64,
        (up + down) * 10 / secs
    );
    a.stop().await;
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt.block_on(measure(!std::env::args().any(|a| a == "--bench"))),
        Err(e) => eprintln!("no runtime: {e}"),
    }
}
