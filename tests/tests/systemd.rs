//! The agent as systemd sees it, over a NOTIFY_SOCKET this test binds: READY=1
//! once connected (or once offline after a first failed attempt), STATUS=,
//! WATCHDOG=1 at half of WATCHDOG_USEC only while the main loop makes progress,
//! STOPPING=1 and exit within 2 s on SIGTERM.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use piccolo_proto::NodeState;
use piccolo_tests::agent::Trust;
use piccolo_tests::{Agent, Master, MasterOptions};
use tokio::net::UnixDatagram;

struct Systemd {
    sock: UnixDatagram,
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

impl Systemd {
    fn bind() -> Self {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("notify.sock");
        let sock = UnixDatagram::bind(&path).expect("bind");
        Self { sock, _dir: dir, path }
    }

    fn env(&self, watchdog: Option<Duration>) -> Vec<(String, String)> {
        let mut v = vec![("NOTIFY_SOCKET".to_string(), self.path.display().to_string())];
        if let Some(w) = watchdog {
            v.push(("WATCHDOG_USEC".into(), w.as_micros().to_string()));
        }
        v
    }

    /// Next datagram within `timeout`.
    async fn recv(&self, timeout: Duration) -> Option<String> {
        let mut buf = vec![0u8; 4096];
        match tokio::time::timeout(timeout, self.sock.recv(&mut buf)).await {
            Ok(Ok(n)) => Some(String::from_utf8_lossy(&buf[..n]).into_owned()),
            _ => None,
        }
    }

    /// Waits for a datagram containing `needle`; returns it.
    async fn expect(&self, needle: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.recv(left).await {
                Some(m) if m.contains(needle) => return m,
                Some(m) => seen.push(m),
                None => break,
            }
        }
        panic!("no {needle:?} within {timeout:?}; saw {seen:?}");
    }
}

#[tokio::test]
async fn ready_status_and_watchdog_while_healthy_then_pings_stop_when_the_loop_stalls() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let systemd = Systemd::bind();
    let stall = tempfile::tempdir().expect("tmp");
    let stall_file = stall.path().join("stall");
    let mut env = systemd.env(Some(Duration::from_secs(2)));
    env.push(("PICCOLO_DEBUG_STALL_FILE".into(), stall_file.display().to_string()));
    let agent = Agent::start_with(master.addr(), "sd", &token, Trust::CaFile(master.ca_file()), env);
    let ready = systemd.expect("READY=1", Duration::from_secs(15)).await;
    assert!(ready.contains("STATUS=connected to"), "{ready}");
    master.wait_state("sd", NodeState::Ready, Duration::from_secs(15)).await;
    // Pings at half the 2 s watchdog interval: several within 3 s.
    let start = Instant::now();
    let mut pings = 0;
    while start.elapsed() < Duration::from_secs(3) {
        if let Some(m) = systemd.recv(Duration::from_millis(500)).await
            && m.contains("WATCHDOG=1")
        {
            pings += 1;
        }
    }
    assert!(pings >= 2, "only {pings} watchdog pings in 3 s");

    // Stall the main loop: the pings must stop while the process lives on.
    std::fs::write(&stall_file, b"stall").expect("stall");
    // Drain what was already sent, then expect silence for 3 watchdog periods.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    while systemd.recv(Duration::from_millis(10)).await.is_some() {}
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        if let Some(m) = systemd.recv(Duration::from_millis(500)).await {
            assert!(!m.contains("WATCHDOG=1"), "watchdog ping despite a stalled loop: {m}");
        }
    }
    assert!(agent.pid().is_some());
    assert!(agent.log().contains("main loop stalled"), "{}", agent.log());
}

#[tokio::test]
async fn sigterm_sends_stopping_and_exits_within_two_seconds() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let systemd = Systemd::bind();
    let mut agent =
        Agent::start_with(master.addr(), "term", &token, Trust::CaFile(master.ca_file()), systemd.env(None));
    systemd.expect("READY=1", Duration::from_secs(15)).await;
    let start = Instant::now();
    let code = agent.stop();
    let took = start.elapsed();
    assert_eq!(code, Some(0), "{}", agent.log());
    assert!(took <= Duration::from_secs(2), "shutdown took {took:?}");
    systemd.expect("STOPPING=1", Duration::from_secs(1)).await;
}

#[tokio::test]
async fn without_a_master_the_agent_still_reports_ready_in_offline_mode() {
    let mut master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let mut agent = Agent::start(&master, "boot-offline", &token);
    master.wait_state("boot-offline", NodeState::Ready, Duration::from_secs(15)).await;
    agent.stop();
    master.kill9();
    // A device that boots with no network must not be restarted forever.
    let systemd = Systemd::bind();
    let copy = Agent::start_with_dir(master.addr(), "boot-offline", &agent.data_dir, systemd.env(None));
    let ready = systemd.expect("READY=1", Duration::from_secs(10)).await;
    assert!(ready.contains("STATUS=offline"), "{ready}");
    drop(copy);
}
