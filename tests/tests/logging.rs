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

/// Native journald records (MESSAGE=, PRIORITY=, SYSLOG_IDENTIFIER=) when
/// `JOURNAL_STREAM` is set: the master runs in a private mount namespace
/// where a stand-in journald socket collects the datagrams.
#[tokio::test]
async fn journald_under_systemd() {
    let m = Master::configure(MasterOptions::default());
    let root = m.root.path();
    let out = root.join("journal.out");
    let listener = r#"import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind('/run/systemd/journal/socket')
s.settimeout(0.2)
parent = os.getppid()
open(sys.argv[1] + '.bound', 'w').close()
# Ends when the master (its parent after exec) is gone.
while os.getppid() == parent:
    try:
        d = s.recv(1 << 20)
    except socket.timeout:
        continue
    with open(sys.argv[1], 'ab') as f:
        f.write(len(d).to_bytes(8, 'little') + d)
"#;
    std::fs::write(root.join("journald.py"), listener).unwrap();
    let script = format!(
        "mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/journal && \
         python3 {py} {out} & \
         while [ ! -e {out}.bound ]; do sleep 0.05; done; \
         JOURNAL_STREAM=8:12345 exec {bin} run --config {cfg}",
        py = root.join("journald.py").display(),
        out = out.display(),
        bin = bins::path("piccolo-master").display(),
        cfg = m.config_path().display(),
    );
    let mut cmd = Command::new("unshare");
    cmd.args(["-m", "--propagation", "private", "sh", "-c", &script]);
    let mut master = Proc::spawn("master under journald", cmd, &root.join("stderr.log"));
    let ready = wait_until("the ready record in the journal", Duration::from_secs(30), || async {
        let records = journal_records(&std::fs::read(&out).unwrap_or_default());
        records
            .into_iter()
            .find(|r| r.iter().any(|(k, v)| k == "MESSAGE" && v == "piccolo-master ready"))
            .ok_or_else(|| format!("stderr: {}", std::fs::read_to_string(root.join("stderr.log")).unwrap_or_default()))
    })
    .await;
    let field = |k: &str| ready.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    assert_eq!(field("SYSLOG_IDENTIFIER"), Some("piccolo-master"), "{ready:?}");
    assert_eq!(field("PRIORITY"), Some("6"), "info records carry priority 6: {ready:?}");
    assert!(field("F_STORE").is_some(), "structured fields are kept: {ready:?}");
    let stderr = std::fs::read_to_string(root.join("stderr.log")).unwrap_or_default();
    assert!(!stderr.contains("piccolo-master ready"), "records went to stderr too: {stderr}");
    assert_eq!(master.terminate(Duration::from_secs(10)), Some(0));
}
