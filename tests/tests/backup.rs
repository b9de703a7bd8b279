//! Backup and restore with a real cluster: agents enrolled on master A, a
//! backup with `piccoloctl backup`, a restore onto a new master B (embedded
//! store, and etcd, which is also the embedded -> etcd move), and the same
//! agents pointed at B reconnect with their existing certificates and are
//! Ready, with nodes, tokens, events, topology and config intact. Bad files
//! (foreign, truncated, corrupt) and occupied targets are refused.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use piccolo_proto::{
    ClusterTopology, GetTopologyRequest, ListTokensRequest, NodeState, TopologyType, UpdateTopologyRequest,
};
use piccolo_tests::{Agent, Etcd, Master, MasterOptions};

const READY: Duration = Duration::from_secs(30);

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(out.status.success(), "piccoloctl failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("json")
}

/// A cluster on master A with two Ready agents, a topology, a config change and
/// a spare token; returns A, its agents and the backup file path.
async fn cluster_and_backup(dir: &Path, a_opts: MasterOptions) -> (Master, Vec<Agent>, std::path::PathBuf) {
    let a = Master::start(a_opts).await;
    let token = a.token(0).await;
    let agents: Vec<Agent> = (0..2).map(|i| Agent::start(&a, &format!("bk-{i}"), &token)).collect();
    for ag in &agents {
        a.wait_state(&ag.name, NodeState::Ready, READY).await;
    }
    a.admin()
        .await
        .update_topology(UpdateTopologyRequest {
            topology: Some(ClusterTopology {
                name: "plant".into(),
                r#type: TopologyType::Embedded as i32,
                master_nodes: vec!["bk-0".into()],
                sub_nodes: vec!["bk-1".into()],
                ..Default::default()
            }),
            dry_run: false,
        })
        .await
        .expect("topology");
    let out = a.ctl(&["config", "set", "--min-disk-bytes", "12345"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Quiet before the backup: both agents acked (their ConfigApplied events are in).
    piccolo_tests::wait_until("agents to ack the config", READY, || async {
        let s = json(&a.ctl(&["config", "status", "-o", "json"]).await);
        // The topology and the config change each make a version; wait for the last.
        let done = s
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["acked_version"] == n["desired_version"] && n["acked_version"].as_u64().unwrap_or(0) >= 1);
        if done { Ok(()) } else { Err(s.to_string()) }
    })
    .await;
    a.token(1).await;
    let file = dir.join("cluster.backup");
    let out = a.ctl(&["backup", "-o", file.to_str().unwrap()]).await;
    assert!(out.status.success(), "backup failed: {}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("2 nodes") && said.contains("2 tokens"), "{said}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("secret"), "the user is told the file is secret");
    let mode = std::fs::metadata(&file).expect("backup file").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "backup file mode");
    (a, agents, file)
}

async fn restore_onto(a_opts: MasterOptions, b_opts: MasterOptions) {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut agents, file) = cluster_and_backup(dir.path(), a_opts).await;
    let before = a.nodes().await;
    let a_events = json(&a.ctl(&["events", "-o", "json"]).await);
    let a_tokens = a.admin().await.list_tokens(ListTokensRequest {}).await.unwrap().into_inner().tokens;
    a.stop();

    let b = Master::start_restored(b_opts, &file).await;
    // Same agents, same data dirs (same certificates), now pointed at B.
    let mut moved = Vec::new();
    for ag in &mut agents {
        ag.stop();
        moved.push(Agent::start_with_dir(b.addr(), &ag.name, &ag.data_dir, Vec::new()));
    }
    for ag in &moved {
        b.wait_state(&ag.name, NodeState::Ready, READY).await;
        assert!(!ag.log().contains("enrolled node="), "{} enrolled again instead of reconnecting", ag.name);
    }
    let after = b.nodes().await;
    assert_eq!(after.len(), before.len());
    for (x, y) in before.iter().zip(after.iter()) {
        assert_eq!((&x.name, &x.cert_serial, x.created_at_ms), (&y.name, &y.cert_serial, y.created_at_ms));
    }
    // History: every event A had is on B, in order, and B goes on after it.
    let b_events = json(&b.ctl(&["events", "--limit", "1000", "-o", "json"]).await);
    let seqs = |v: &serde_json::Value| {
        v.as_array().unwrap().iter().map(|e| (e["seq"].as_u64().unwrap(), e["kind"].to_string())).collect::<Vec<_>>()
    };
    let (sa, sb) = (seqs(&a_events), seqs(&b_events));
    assert!(sb.starts_with(&sa), "B's events {sb:?} do not start with A's {sa:?}");
    let restored = &b_events.as_array().unwrap()[sa.len()];
    assert_eq!(
        (restored["kind"].as_str(), restored["seq"].as_u64()),
        (Some("Restored"), Some(sa[sa.len() - 1].0 + 1)),
        "A: {a_events}\nB: {b_events}"
    );
    // A cluster-wide event: shown as such, with no made-up state change.
    let out = b.ctl(&["events", "--type", "Restored"]).await;
    let table = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(table.contains("(cluster)") && table.contains("Restored"), "{table}");
    assert!(!table.contains("Unknown"), "{table}");
    let b_tokens = b.admin().await.list_tokens(ListTokensRequest {}).await.unwrap().into_inner().tokens;
    let ids = |t: &[piccolo_proto::TokenInfo]| t.iter().map(|t| (t.id.clone(), t.used)).collect::<Vec<_>>();
    assert_eq!(ids(&b_tokens), ids(&a_tokens));
    let topo = b.admin().await.get_topology(GetTopologyRequest {}).await.unwrap().into_inner().topology.unwrap();
    assert_eq!((topo.name.as_str(), topo.sub_nodes.clone()), ("plant", vec!["bk-1".to_string()]));
    let status = json(&b.ctl(&["config", "status", "-o", "json"]).await);
    assert!(
        status.as_array().unwrap().iter().all(|n| n["desired_version"] == 2),
        "config versions carried over: {status}"
    );
    // New devices enrol on B as usual.
    let t = b.token(1).await;
    let newcomer = Agent::start(&b, "bk-new", &t);
    b.wait_state(&newcomer.name, NodeState::Ready, READY).await;
}

#[tokio::test]
async fn restore_onto_a_new_embedded_master() {
    restore_onto(MasterOptions::default(), MasterOptions::default()).await;
}

#[tokio::test]
async fn restore_moves_an_embedded_cluster_to_etcd() {
    let etcd = Etcd::start().await;
    restore_onto(MasterOptions::default(), MasterOptions { etcd: Some(etcd.endpoint()), ..Default::default() }).await;
}

#[tokio::test]
async fn restore_moves_an_etcd_cluster_to_the_embedded_store() {
    let etcd = Etcd::start().await;
    restore_onto(MasterOptions { etcd: Some(etcd.endpoint()), ..Default::default() }, MasterOptions::default()).await;
}

#[tokio::test]
async fn only_admins_take_backups() {
    let a = Master::start(MasterOptions::default()).await;
    let viewer = a.root.path().join("viewer.conf");
    let out = std::process::Command::new(piccolo_tests::bins::path("piccolo-master"))
        .args(["credential", "--data-dir"])
        .arg(&a.data_dir)
        .args(["--name", "watcher", "--viewer", "--endpoint", &a.addr(), "-o"])
        .arg(&viewer)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = a.root.path().join("v.backup");
    let out = tokio::process::Command::new(piccolo_tests::bins::path("piccoloctl"))
        .arg("--admin-config")
        .arg(&viewer)
        .args(["backup", "-o"])
        .arg(&file)
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("admin certificate"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!file.exists(), "nothing written for a refused backup");
}

#[tokio::test]
async fn bad_files_and_occupied_targets_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = Master::start(MasterOptions::default()).await;
    a.token(0).await;
    let file = dir.path().join("ok.backup");
    let out = a.ctl(&["backup", "-o", file.to_str().unwrap()]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let good = std::fs::read(&file).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x55;
    let cases = [
        (write("foreign", b"{\"nodes\": []}\n"), "not a Piccolo backup"),
        (write("truncated", &good[..good.len() - 100]), "truncated"),
        (write("corrupt", &flipped), "corrupt"),
        (write("empty", b""), "not a Piccolo backup"),
    ];
    for (path, expect) in &cases {
        let b = Master::configure(MasterOptions::default());
        let out = b.restore(path);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{} was accepted", path.display());
        assert!(err.contains(expect), "{}: expected {expect:?} in {err}", path.display());
        assert!(!b.data_dir.join("ca.key").exists(), "nothing restored from a bad file");
    }
    // A data dir that already has a CA (an existing master) is never overwritten.
    let out = Master::configure(MasterOptions::default()).restore(&file);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut existing = Master::configure(MasterOptions::default());
    existing.data_dir = a.data_dir.clone();
    let cfg = existing.root.path().join("master.toml");
    let text = std::fs::read_to_string(&cfg).unwrap();
    let text =
        text.lines()
            .map(|l| {
                if l.starts_with("data_dir") {
                    format!("data_dir = \"{}\"", a.data_dir.display())
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
    std::fs::write(&cfg, text).unwrap();
    let out = existing.restore(&file);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("already holds a cluster CA"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // An etcd that already holds a cluster is refused too.
    let etcd = Etcd::start().await;
    let opts = MasterOptions { etcd: Some(etcd.endpoint()), ..Default::default() };
    let first = Master::configure(opts.clone());
    assert!(first.restore(&file).status.success());
    let second = Master::configure(opts);
    let out = second.restore(&file);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty store"), "{}", String::from_utf8_lossy(&out.stderr));
}
