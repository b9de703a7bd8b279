//! Events and alert hooks end to end: `piccoloctl events --watch` with node and
//! type filters, and hooks (a webhook on a local HTTP listener that fails the
//! first attempt, a command, and a webhook that never answers) firing when an
//! agent is killed and its node goes NotReady; the stuck hook delays nobody.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use piccolo_proto::NodeState;
use piccolo_tests::proc::Proc;
use piccolo_tests::{Agent, Master, MasterOptions, bins, wait_until};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::mpsc;

/// An HTTP listener on 127.0.0.1 that answers 500 to the first request and
/// 200 after, and hands over each request body.
async fn webhook_listener() -> (u16, mpsc::Receiver<String>, Arc<AtomicUsize>) {
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = l.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel(16);
    let hits = Arc::new(AtomicUsize::new(0));
    let h = hits.clone();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = l.accept().await {
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            // Headers, then the body by Content-Length.
            let body = loop {
                let n = s.read(&mut chunk).await.unwrap_or(0);
                if n == 0 {
                    break None;
                }
                buf.extend_from_slice(&chunk[..n]);
                let text = String::from_utf8_lossy(&buf).into_owned();
                if let Some((head, body)) = text.split_once("\r\n\r\n") {
                    let len = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_string())
                        })
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(0);
                    if body.len() >= len {
                        assert!(head.starts_with("POST /alert "), "{head}");
                        break Some(body.to_string());
                    }
                }
            };
            let Some(body) = body else { continue };
            let n = h.fetch_add(1, Ordering::SeqCst);
            let status = if n == 0 { "500 Internal Server Error" } else { "200 OK" };
            let _ = s
                .write_all(format!("HTTP/1.1 {status}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").as_bytes())
                .await;
            if n > 0 {
                let _ = tx.send(body).await;
            }
        }
    });
    (port, rx, hits)
}

#[tokio::test]
async fn agent_killed_fires_hooks_and_watchers() {
    let (port, mut bodies, hits) = webhook_listener().await;
    // Accepts and never answers: only its own worker waits.
    let stuck = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let stuck_port = stuck.local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("hook.out");
    let extra = format!(
        r#"
[[hooks]]
name = "stuck"
url = "http://127.0.0.1:{stuck_port}/alert"
timeout = "30s"
retries = 0

[[hooks]]
name = "pager"
events = ["NotReady"]
url = "http://127.0.0.1:{port}/alert"
retries = 3
backoff = "100ms"

[[hooks]]
name = "script"
events = ["notready"]
command = "echo \"$PICCOLO_EVENT_NODE $PICCOLO_EVENT_TO\" >> {out}; cat >> {out}"
"#,
        out = out_file.display()
    );
    let master = Master::start(MasterOptions { extra, ..Default::default() }).await;

    // Watchers: one for NotReady events only, one for another node only.
    let watch = |name: &str, args: &[&str]| {
        let mut cmd = Command::new(bins::path("piccoloctl"));
        cmd.arg("--admin-config")
            .arg(master.admin_conf())
            .args(["events", "--watch", "--limit", "0", "-o", "json"])
            .args(args);
        Proc::spawn(name, cmd, &dir.path().join(format!("{name}.log")))
    };
    let w_notready = watch("watch-notready", &["--type", "NotReady"]);
    let w_other = watch("watch-other", &["--node", "hk-other"]);
    let read = |p: &Proc| std::fs::read_to_string(&p.log).unwrap_or_default();

    let token = master.token(0).await;
    let mut agent = Agent::start(&master, "hk-1", &token);
    let other = Agent::start(&master, "hk-other", &token);
    master.wait_state("hk-1", NodeState::Ready, Duration::from_secs(30)).await;
    master.wait_state("hk-other", NodeState::Ready, Duration::from_secs(30)).await;
    agent.kill9();
    master.wait_state("hk-1", NodeState::NotReady, Duration::from_secs(30)).await;

    // Webhook: the first attempt got a 500, the retry delivered the event.
    let body = tokio::time::timeout(Duration::from_secs(30), bodies.recv()).await.expect("webhook in time").unwrap();
    let v: serde_json::Value = serde_json::from_str(&body).expect("webhook body is JSON");
    assert_eq!(
        (v["hook"].as_str(), v["node"].as_str(), v["to"].as_str()),
        (Some("pager"), Some("hk-1"), Some("NotReady")),
        "{v}"
    );
    assert_eq!(v["kind"], "StateChanged");
    assert!(hits.load(Ordering::SeqCst) >= 2);
    // Command: environment and the JSON on stdin.
    let out = wait_until("the command hook", Duration::from_secs(30), || async {
        let t = std::fs::read_to_string(&out_file).unwrap_or_default();
        if t.contains("\"node\":\"hk-1\"") { Ok(t) } else { Err(t) }
    })
    .await;
    assert!(out.starts_with("hk-1 NotReady\n"), "{out}");
    // The NotReady watcher saw exactly that transition and nothing else.
    let seen = wait_until("the NotReady watcher", Duration::from_secs(30), || async {
        let t = read(&w_notready);
        if t.contains("\"node\":\"hk-1\"") { Ok(t) } else { Err(t) }
    })
    .await;
    for line in seen.lines().filter(|l| l.starts_with('{')) {
        let e: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(e["to"], "NotReady", "{line}");
    }
    // The per-node watcher saw only hk-other's events.
    let other_seen = wait_until("the hk-other watcher", Duration::from_secs(30), || async {
        let t = read(&w_other);
        if t.contains("\"node\":\"hk-other\"") { Ok(t) } else { Err(t) }
    })
    .await;
    assert!(!other_seen.contains("\"node\":\"hk-1\""), "{other_seen}");
    // Listing with filters.
    let out = master.ctl(&["events", "--type", "Enrolled", "-o", "json"]).await;
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = list.as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, vec!["Enrolled", "Enrolled"]);
    // Metrics count the retry and the delivery; the master stayed responsive
    // with a hook stuck on a listener that never answers.
    wait_until("hook metrics", Duration::from_secs(30), || async {
        let (_, metrics) = master.http_get("/metrics").await;
        if metrics.contains("piccolo_hook_deliveries_total{hook=\"pager\",result=\"retried\"} 1")
            && metrics.contains("piccolo_hook_deliveries_total{hook=\"pager\",result=\"ok\"} 1")
        {
            Ok(())
        } else {
            Err(metrics)
        }
    })
    .await;
    drop(other);
    drop(stuck);
}

#[tokio::test]
async fn bad_hook_config_is_refused_with_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("m.toml");
    std::fs::write(
        &cfg,
        format!(
            "data_dir = \"{}\"\n[[hooks]]\nname = \"x\"\nurl = \"https://127.0.0.1:1/\"\n",
            dir.path().join("d").display()
        ),
    )
    .unwrap();
    let out = Command::new(bins::path("piccolo-master")).arg("run").arg("--config").arg(&cfg).output().unwrap();
    assert_eq!(out.status.code(), Some(64));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("hooks[0]") && err.contains("http://"), "{err}");
}
