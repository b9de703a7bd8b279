//! Master logging: files in `log_dir` (daily, kept 7 days), the log filter
//! changed at runtime with `piccoloctl log-level` and by SIGHUP re-reading the
//! config, and native journald records when `JOURNAL_STREAM` says systemd
//! started it (against a journald stand-in socket in a private mount namespace).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use piccolo_tests::proc::Proc;
use piccolo_tests::{Master, MasterOptions, bins, wait_until};
use tokio::io::AsyncWriteExt;

fn set_key(cfg: &Path, key: &str, value: &str) {
    let text = std::fs::read_to_string(cfg).unwrap();
    let mut lines: Vec<String> =
        text.lines().filter(|l| !l.starts_with(&format!("{key} ="))).map(String::from).collect();
    // Top-level keys go before any [[hooks]] table.
    lines.insert(0, format!("{key} = \"{value}\""));
    std::fs::write(cfg, lines.join("\n") + "\n").unwrap();
}

fn read_logs(dir: &Path) -> String {
    let mut out = String::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        out.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
    }
    out
}

/// Datagrams as the stand-in stored them (u64 LE length + datagram), each
/// decoded from journald's native protocol: `KEY=VALUE\n`, or `KEY\n` + u64
/// LE length + value + `\n` for values that may hold newlines.
fn journal_records(mut bytes: &[u8]) -> Vec<Vec<(String, String)>> {
    let u64le = |b: &[u8]| u64::from_le_bytes(b[..8].try_into().unwrap()) as usize;
    let mut out = Vec::new();
    while bytes.len() >= 8 {
        let n = u64le(bytes);
        let mut d = &bytes[8..8 + n];
        bytes = &bytes[8 + n..];
        let mut fields = Vec::new();
        while let Some(nl) = d.iter().position(|b| *b == b'\n') {
            let line = String::from_utf8_lossy(&d[..nl]).into_owned();
            if let Some((k, v)) = line.split_once('=').filter(|(k, _)| !k.is_empty()) {
                fields.push((k.to_string(), v.to_string()));
                d = &d[nl + 1..];
            } else {
                let len = u64le(&d[nl + 1..]);
                let v = String::from_utf8_lossy(&d[nl + 9..nl + 9 + len]).into_owned();
                fields.push((line, v));
                d = &d[nl + 9 + len + 1..];
            }
        }
        out.push(fields);
    }
    out
}

async fn tls_garbage(port: u16) {
    if let Ok(mut s) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await {
        let _ = s.write_all(b"GET / HTTP/1.0\r\n\r\n").await;
        let _ = s.shutdown().await;
    }
}

#[tokio::test]
async fn log_files_and_runtime_log_level() {
    let mut m = Master::configure(MasterOptions::default());
    let logs = m.root.path().join("logs");
    set_key(m.config_path(), "log", "info");
    set_key(m.config_path(), "log_dir", logs.to_str().unwrap());
    m.launch().await;
    let file = wait_until("a daily log file", Duration::from_secs(20), || async {
        let names: Vec<String> = std::fs::read_dir(&logs)
            .map_err(|e| e.to_string())?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names
            .into_iter()
            .find(|n| n.starts_with("piccolo-master.") && n.ends_with(".log"))
            .ok_or("none yet".to_string())
    })
    .await;
    // piccolo-master.YYYY-MM-DD.log
    assert_eq!(file.len(), "piccolo-master.2026-01-01.log".len(), "{file}");
    wait_until("the ready line in the file", Duration::from_secs(20), || async {
        let t = read_logs(&logs);
        if t.contains("piccolo-master ready") { Ok(()) } else { Err(t) }
    })
    .await;
    assert!(!m.log().contains("piccolo-master ready"), "with log_dir, records go to the file, not stderr");

    // At info, a failed TLS handshake (a debug record) is not logged.
    tls_garbage(m.port).await;
    wait_until("the failed handshake to be counted", Duration::from_secs(20), || async {
        let (_, metrics) = m.http_get("/metrics").await;
        if metrics.contains("piccolo_tls_handshake_failures_total 1") { Ok(()) } else { Err(metrics) }
    })
    .await;
    let out = m.ctl(&["log-level", "debug"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "master log filter: debug (was info)");
    assert!(!read_logs(&logs).contains("TLS handshake failed"), "debug record logged at info");
    tls_garbage(m.port).await;
    wait_until("the debug record after log-level debug", Duration::from_secs(20), || async {
        let t = read_logs(&logs);
        if t.contains("TLS handshake failed") { Ok(()) } else { Err(t) }
    })
    .await;

    // A bad filter is refused and changes nothing.
    let out = m.ctl(&["log-level", "piccolo_master=loud"]).await;
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not a valid log filter"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // SIGHUP re-reads `log` from the config file.
    set_key(m.config_path(), "log", "info,piccolo_master::logging=info");
    kill(Pid::from_raw(m.pid().unwrap() as i32), Signal::SIGHUP).unwrap();
    wait_until("SIGHUP to apply the config's filter", Duration::from_secs(20), || async {
        let t = read_logs(&logs);
        if t.contains("SIGHUP: log filter re-read") && t.contains("current=info,piccolo_master::logging=info") {
            Ok(())
        } else {
            Err(t)
        }
    })
    .await;
    let out = m.ctl(&["log-level", "info"]).await;
    assert!(String::from_utf8_lossy(&out.stdout).contains("(was info,piccolo_master::logging=info)"));
    assert_eq!(m.stop(), Some(0), "the master still stops cleanly");
}

const JOURNALD_STAND_IN: &str = r#"import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind('/run/systemd/journal/socket')
s.settimeout(0.2)
parent = os.getppid()
open(sys.argv[1] + '.bound', 'w').close()
# Ends when the program (its parent after exec) is gone.
while os.getppid() == parent:
    try:
        d = s.recv(1 << 20)
    except socket.timeout:
        continue
    with open(sys.argv[1], 'ab') as f:
        f.write(len(d).to_bytes(8, 'little') + d)
"#;

/// Runs `program` (a shell command line) with `JOURNAL_STREAM` set in a
/// private mount namespace whose /run/systemd/journal/socket is a stand-in
/// that stores every datagram in `root/journal.out`.
fn under_journald(root: &Path, name: &str, program: &str) -> Proc {
    std::fs::write(root.join("journald.py"), JOURNALD_STAND_IN).unwrap();
    let out = root.join("journal.out");
    let script = format!(
        "mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/journal && \
         python3 {py} {out} & \
         while [ ! -e {out}.bound ]; do sleep 0.05; done; \
         JOURNAL_STREAM=8:12345 exec {program}",
        py = root.join("journald.py").display(),
        out = out.display(),
    );
    let mut cmd = Command::new("unshare");
    cmd.args(["-m", "--propagation", "private", "sh", "-c", &script]);
    Proc::spawn(name, cmd, &root.join("stderr.log"))
}

/// Waits for a journal record from `ident` whose MESSAGE is `message`.
async fn journal_record(root: &Path, ident: &str, message: &str) -> Vec<(String, String)> {
    wait_until(&format!("{message:?} from {ident} in the journal"), Duration::from_secs(30), || async {
        let records = journal_records(&std::fs::read(root.join("journal.out")).unwrap_or_default());
        records
            .into_iter()
            .find(|r| {
                r.iter().any(|(k, v)| k == "MESSAGE" && v == message)
                    && r.iter().any(|(k, v)| k == "SYSLOG_IDENTIFIER" && v == ident)
            })
            .ok_or_else(|| format!("stderr: {}", std::fs::read_to_string(root.join("stderr.log")).unwrap_or_default()))
    })
    .await
}

/// Native journald records (MESSAGE, PRIORITY, SYSLOG_IDENTIFIER, fields)
/// from the master when `JOURNAL_STREAM` is set, and nothing on stderr.
#[tokio::test]
async fn master_logs_to_journald_under_systemd() {
    let m = Master::configure(MasterOptions::default());
    let root = m.root.path();
    let program = format!("{} run --config {}", bins::path("piccolo-master").display(), m.config_path().display());
    let mut master = under_journald(root, "master under journald", &program);
    let ready = journal_record(root, "piccolo-master", "piccolo-master ready").await;
    let field = |k: &str| ready.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    assert_eq!(field("PRIORITY"), Some("6"), "info records carry priority 6: {ready:?}");
    assert!(field("F_STORE").is_some(), "structured fields are kept: {ready:?}");
    let stderr = std::fs::read_to_string(root.join("stderr.log")).unwrap_or_default();
    assert!(!stderr.contains("piccolo-master ready"), "records went to stderr too: {stderr}");
    assert_eq!(master.terminate(Duration::from_secs(10)), Some(0));
}

/// The agent too: its enrolment shows up as a journald record.
#[tokio::test]
async fn agent_logs_to_journald_under_systemd() {
    let m = Master::start(MasterOptions::default()).await;
    let token = m.token(1).await;
    let dir = tempfile::tempdir().unwrap();
    let program = format!(
        "{} run --data-dir {} --master {} --name jn-1 --token {token} --ca-file {}",
        bins::path("piccolo-agent").display(),
        dir.path().join("agent").display(),
        m.addr(),
        m.ca_file().display()
    );
    let mut agent = under_journald(dir.path(), "agent under journald", &program);
    let rec = journal_record(dir.path(), "piccolo-agent", "enrolled").await;
    assert!(rec.iter().any(|(k, v)| k == "F_NODE" && v == "jn-1"), "{rec:?}");
    m.wait_state("jn-1", piccolo_proto::NodeState::Ready, Duration::from_secs(30)).await;
    assert_eq!(agent.terminate(Duration::from_secs(10)), Some(0));
}
