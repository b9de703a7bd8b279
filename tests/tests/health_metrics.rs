//! `/health` and `/ready` (leader and degraded flags) and the Prometheus rules
//! file: promtool checks and unit-tests `deploy/prometheus/piccolo-rules.yml`,
//! and every metric the rules name exists on a running master. With etcd gone,
//! the master says degraded on `/ready` (503) and in `piccolo_degraded`.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use piccolo_proto::NodeState;
use piccolo_tests::{Agent, Etcd, Master, MasterOptions, wait_until};

fn rules_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../deploy/prometheus")
}

fn promtool(args: &[&str]) -> String {
    let out = Command::new("promtool").args(args).current_dir(rules_dir()).output().unwrap_or_else(|e| {
        panic!("promtool is not installed ({e}): run `make test-deps` (Debian package prometheus)")
    });
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "promtool {args:?} failed:\n{text}");
    text
}

/// `piccolo_*` metric names the rules use.
fn rule_metrics() -> BTreeSet<String> {
    let text = std::fs::read_to_string(rules_dir().join("piccolo-rules.yml")).unwrap();
    let mut names = BTreeSet::new();
    for line in text.lines().filter(|l| l.trim_start().starts_with("expr:")) {
        let mut rest = line;
        while let Some(i) = rest.find("piccolo_") {
            let name: String =
                rest[i..].chars().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_').collect();
            rest = &rest[i + name.len()..];
            names.insert(name);
        }
    }
    names
}

#[tokio::test]
async fn rules_pass_promtool_and_name_metrics_the_master_exports() {
    assert!(promtool(&["check", "rules", "piccolo-rules.yml"]).contains("SUCCESS"));
    assert!(promtool(&["test", "rules", "piccolo-rules.test.yml"]).contains("SUCCESS"));
    let names = rule_metrics();
    assert!(names.len() >= 7, "{names:?}");

    let extra = "[[hooks]]\nname = \"never\"\nevents = [\"NoSuchEvent\"]\ncommand = \"true\"\n".to_string();
    let master = Master::start(MasterOptions { extra, ..Default::default() }).await;
    let token = master.token(1).await;
    let agent = Agent::start(&master, "met-1", &token);
    master.wait_state(&agent.name, NodeState::Ready, Duration::from_secs(30)).await;
    // A bad token, counted as an enrolment failure.
    let out = tokio::process::Command::new(piccolo_tests::bins::path("piccolo-agent"))
        .args(["run", "--data-dir"])
        .arg(master.root.path().join("bad-agent"))
        .args(["--master", &master.addr(), "--token", "abcdef.0123456789abcdef", "--ca-file"])
        .arg(master.ca_file())
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());

    let (status, metrics) = master.http_get("/metrics").await;
    assert_eq!(status, 200);
    let samples: BTreeSet<&str> = metrics
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split(['{', ' ']).next().unwrap_or(""))
        .collect();
    for n in &names {
        assert!(samples.contains(n.as_str()), "the rules use {n}, which the master does not export:\n{metrics}");
    }
    assert!(metrics.contains("piccolo_enrolments_total{result=\"bad_token\"} 1"), "{metrics}");
    assert!(metrics.contains("piccolo_node_cert_expiry_timestamp_seconds{node=\"met-1\"}"), "{metrics}");
    assert!(metrics.contains("piccolo_nodes{state=\"NotReady\"} 0"), "{metrics}");
    assert!(metrics.contains("piccolo_leader 1"), "{metrics}");

    for path in ["/health", "/ready"] {
        let (status, body) = master.http_get(path).await;
        assert_eq!(status, 200, "{path}: {body}");
        let v: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!((v["leader"].as_bool(), v["degraded"].as_bool()), (Some(true), Some(false)), "{path}: {v}");
        assert_eq!(v["nodes"]["ready"], 1, "{v}");
    }
}

#[tokio::test]
async fn ready_says_degraded_while_etcd_is_gone() {
    let mut etcd = Etcd::start().await;
    let master = Master::start(MasterOptions { etcd: Some(etcd.endpoint()), ..Default::default() }).await;
    let token = master.token(0).await;
    let mut agent = Agent::start(&master, "deg-1", &token);
    master.wait_state(&agent.name, NodeState::Ready, Duration::from_secs(30)).await;
    etcd.kill9();
    // A state change the master must write: it cannot, so it is degraded.
    agent.kill9();
    // ... and, its etcd lease unrenewed for 2/3 of its TTL, it leads no more.
    let body = wait_until("/ready to say degraded, not leading", Duration::from_secs(30), || async {
        let (status, body) = master.http_get("/ready").await;
        if status == 503 && body.contains("\"leader\":false") { Ok(body) } else { Err(format!("{status} {body}")) }
    })
    .await;
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (v["degraded"].as_bool(), v["leader"].as_bool(), v["ready"].as_bool()),
        // No etcd, no leader (issue 15: a lost store elects no leader).
        (Some(true), Some(false), Some(false))
    );
    let (status, health) = master.http_get("/health").await;
    assert_eq!(status, 200, "/health answers while degraded: {health}");
    let (_, metrics) = master.http_get("/metrics").await;
    assert!(metrics.contains("piccolo_degraded 1"), "{metrics}");
    etcd.restart().await;
    wait_until("/ready to recover", Duration::from_secs(30), || async {
        let (status, body) = master.http_get("/ready").await;
        if status == 200 { Ok(()) } else { Err(format!("{status} {body}")) }
    })
    .await;
}
