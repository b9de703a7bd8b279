//! The operator's day with the real binaries: output into closed pipes, the
//! kubectl habits (`get node NAME`, `-o yaml|name`, `version`, `completion`,
//! default credential path), help texts, and the refusals an operator meets.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::process::{Command, Output, Stdio};
use std::time::Duration;

use piccolo_proto::NodeState;
use piccolo_tests::{Agent, Master, MasterOptions, bins};

const READY: Duration = Duration::from_secs(20);

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// Runs a binary with stdout a pipe whose reader is already closed, the way
/// `... | head -1` leaves it once head has its line.
fn into_closed_pipe(bin: &str, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let mut cmd = Command::new(bins::path(bin));
    cmd.args(args).stdout(Stdio::from(writer)).stderr(Stdio::piped());
    let child = cmd.spawn().expect("spawn");
    drop(cmd);
    child.wait_with_output().expect("wait")
}

fn assert_quiet_pipe_exit(what: &str, o: &Output) {
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{what}: stderr: {stderr}");
    assert_eq!(o.status.code(), Some(141), "{what}: a closed pipe ends it like SIGPIPE (141); stderr: {stderr}");
}

async fn one_node_cluster() -> (Master, Agent) {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let agent = Agent::start(&master, "pipe-node", &token);
    master.wait_state("pipe-node", NodeState::Ready, READY).await;
    (master, agent)
}

#[tokio::test]
async fn every_binary_stops_quietly_when_its_reader_goes_away() {
    let (master, _agent) = one_node_cluster().await;
    let conf = master.admin_conf().to_str().unwrap().to_string();
    for args in [
        vec!["get", "nodes", "-o", "json"],
        vec!["get", "topology", "-o", "json"],
        vec!["get", "nodes"],
        vec!["watch", "nodes"],
        vec!["events", "--watch"],
    ] {
        let mut all: Vec<String> = vec!["--admin-config".into(), conf.clone()];
        all.extend(args.iter().map(|a| a.to_string()));
        let o = tokio::task::spawn_blocking(move || {
            into_closed_pipe("piccoloctl", &all.iter().map(String::as_str).collect::<Vec<_>>())
        })
        .await
        .unwrap();
        assert_quiet_pipe_exit(&format!("piccoloctl {}", args.join(" ")), &o);
    }
    // Through a real shell pipe too: head takes one line and leaves.
    let script =
        format!("set -o pipefail; {} --admin-config {conf} watch nodes | head -1", bins::path("piccoloctl").display());
    let o = tokio::time::timeout(READY, tokio::process::Command::new("bash").args(["-c", &script]).output())
        .await
        .expect("watch nodes | head -1 ends once head has gone")
        .expect("bash");
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1, "{}", text(&o));
    assert!(!text(&o).contains("panicked"), "{}", text(&o));

    let data_dir = master.data_dir.to_str().unwrap().to_string();
    let cred = master.root.path().join("pipe.conf");
    let cred = cred.to_str().unwrap().to_string();
    let addr = master.addr();
    let o = into_closed_pipe(
        "piccolo-master",
        &["credential", "--data-dir", &data_dir, "--name", "pipe", "--endpoint", &addr, "-o", &cred],
    );
    assert_quiet_pipe_exit("piccolo-master credential", &o);
    let check_dir = master.root.path().join("check");
    let o = into_closed_pipe("piccolo-agent", &["check", "--data-dir", check_dir.to_str().unwrap(), "-o", "json"]);
    assert_quiet_pipe_exit("piccolo-agent check", &o);
}

fn ok(o: &Output, what: &str) -> String {
    assert!(o.status.success(), "{what}: {}", text(o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn yaml_to_json(yaml: &str) -> serde_json::Value {
    let mut child = Command::new("python3")
        .args(["-c", "import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 with PyYAML (installed by scripts/test-deps.sh)");
    use std::io::Write as _;
    child.stdin.take().unwrap().write_all(yaml.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "yaml did not parse:\n{yaml}");
    serde_json::from_slice(&o.stdout).unwrap()
}

#[tokio::test]
async fn kubectl_habits_work_on_a_real_cluster() {
    let (master, _agent) = one_node_cluster().await;
    // get node NAME: the object itself in JSON; an unknown name is an error.
    let one: serde_json::Value =
        serde_json::from_str(&ok(&master.ctl(&["get", "node", "pipe-node", "-o", "json"]).await, "get node")).unwrap();
    assert_eq!(one["name"], "pipe-node");
    let o = master.ctl(&["get", "nodes", "nope"]).await;
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("no node named \"nope\""), "{}", text(&o));
    // -o yaml is the same document as -o json; -o name is KIND/NAME.
    for args in [vec!["get", "nodes"], vec!["token", "list"], vec!["events"], vec!["config", "status"]] {
        let mut j = args.clone();
        j.extend(["-o", "json"]);
        let mut y = args.clone();
        y.extend(["-o", "yaml"]);
        let as_json: serde_json::Value = serde_json::from_str(&ok(&master.ctl(&j).await, &j.join(" "))).unwrap();
        let as_yaml = yaml_to_json(&ok(&master.ctl(&y).await, &y.join(" ")));
        // Ages and heartbeats move between the two calls; compare what identifies each item.
        let ids = |v: &serde_json::Value| {
            v.as_array()
                .unwrap()
                .iter()
                .map(|i| format!("{}{}{}{}", i["name"], i["id"], i["seq"], i["node"]))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&as_json), ids(&as_yaml), "{}", y.join(" "));
    }
    assert_eq!(ok(&master.ctl(&["get", "nodes", "-o", "name"]).await, "-o name"), "node/pipe-node\n");
    // `get events` and `get tokens` are the same lists as `events` and `token list`.
    let same = |a: &str, b: &str| {
        let ids = |t: &str| {
            let v: serde_json::Value = serde_json::from_str(t).unwrap();
            v.as_array().unwrap().iter().map(|i| format!("{}{}", i["id"], i["seq"])).collect::<Vec<_>>()
        };
        assert_eq!(ids(a), ids(b));
    };
    same(
        &ok(&master.ctl(&["get", "events", "-o", "json"]).await, "get events"),
        &ok(&master.ctl(&["events", "-o", "json"]).await, "events"),
    );
    same(
        &ok(&master.ctl(&["get", "tokens", "-o", "json"]).await, "get tokens"),
        &ok(&master.ctl(&["token", "list", "-o", "json"]).await, "token list"),
    );
    // version: client and master.
    let v = ok(&master.ctl(&["version"]).await, "version");
    assert!(v.contains("client: piccoloctl ") && v.contains("master: piccolo-master "), "{v}");
    // completion scripts for three shells, without a credential.
    for shell in ["bash", "zsh", "fish"] {
        let o = Command::new(bins::path("piccoloctl"))
            .args(["completion", shell])
            .env_remove("PICCOLO_ADMIN_CONFIG")
            .output()
            .unwrap();
        assert!(ok(&o, shell).contains("piccoloctl"), "{shell}");
    }
    // The default credential path: ~/.config/piccolo/admin.conf.
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join(".config/piccolo")).unwrap();
    std::fs::copy(master.admin_conf(), home.path().join(".config/piccolo/admin.conf")).unwrap();
    let o = Command::new(bins::path("piccoloctl"))
        .args(["get", "nodes", "-o", "name"])
        .env_remove("PICCOLO_ADMIN_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(ok(&o, "default credential"), "node/pipe-node\n");
    let empty = tempfile::tempdir().unwrap();
    let o = Command::new(bins::path("piccoloctl"))
        .args(["get", "nodes"])
        .env_remove("PICCOLO_ADMIN_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", empty.path())
        .output()
        .unwrap();
    if !std::path::Path::new("/var/lib/piccolo-master/admin.conf").exists() {
        assert_eq!(o.status.code(), Some(2), "{}", text(&o));
        assert!(text(&o).contains(".config/piccolo/admin.conf"), "names where it looked: {}", text(&o));
    }
    // describe node -o json carries the config layers.
    let d: serde_json::Value =
        serde_json::from_str(&ok(&master.ctl(&["describe", "node", "pipe-node", "-o", "json"]).await, "describe"))
            .unwrap();
    assert!(d["config"]["effective"]["heartbeat_interval_ms"].as_u64().unwrap() > 0, "{d}");
    let table = ok(&master.ctl(&["describe", "node", "pipe-node"]).await, "describe");
    assert!(table.contains("Effective:") && table.contains("Defaults:"), "{table}");
}

#[tokio::test]
async fn refusals_name_what_is_wrong_and_the_way_out() {
    let (master, _agent) = one_node_cluster().await;
    // events --type: reasons are not types; unknown ones are refused with the list.
    for bad in ["Cordoned", "Bogus"] {
        let o = master.ctl(&["events", "--type", bad]).await;
        assert_eq!(o.status.code(), Some(2), "{}", text(&o));
        assert!(text(&o).contains("ConfigApplied") && text(&o).contains("NotReady"), "lists valid types: {}", text(&o));
    }
    ok(&master.ctl(&["events", "--type", "configapplied"]).await, "a real kind, any case");
    // The master refuses them too (gRPC and so REST), whatever the client.
    let err = master
        .admin()
        .await
        .list_events(piccolo_proto::ListEventsRequest { types: vec!["Cordoned".into()], ..Default::default() })
        .await
        .expect_err("a reason is not a type");
    assert_eq!(err.code(), tonic::Code::InvalidArgument, "{err}");
    assert!(err.message().contains("OfflineInterval"), "{err}");
    // backup -o - writes the file to stdout, the summary to stderr.
    let o = master.ctl(&["backup", "-o", "-"]).await;
    let bytes = ok(&o, "backup -o -");
    assert!(bytes.len() > 100, "backup on stdout");
    assert!(String::from_utf8_lossy(&o.stderr).contains("to stdout"), "{}", text(&o));
    assert!(!std::path::Path::new("-").exists(), "no file named -");
    // log-level without a filter shows the current one and changes nothing.
    let l = ok(&master.ctl(&["log-level"]).await, "log-level");
    assert!(l.starts_with("master log filter: ") && !l.contains("(was"), "{l}");
    // Help texts that were missing.
    for (bin, args, needle) in [
        ("piccolo-master", vec!["run", "--help"], "Directory for the CA"),
        ("piccolo-agent", vec!["run", "--help"], "Directory for the node key"),
        ("piccoloctl", vec!["describe", "node", "--help"], "effective agent config"),
        ("piccoloctl", vec!["config", "set", "--help"], "absolute"),
        ("piccoloctl", vec!["backup", "--help"], "writes it to stdout"),
        ("piccoloctl", vec!["credential", "export", "--help"], "Directory to write"),
    ] {
        let o = Command::new(bins::path(bin)).args(&args).output().unwrap();
        assert!(ok(&o, bin).contains(needle), "{bin} {}: no {needle:?}", args.join(" "));
    }
    // revoke-cert says what happened and what the device needs.
    let o = master.ctl(&["node", "revoke-cert", "pipe-node"]).await;
    let said = ok(&o, "revoke-cert");
    assert!(said.contains("certificate revoked") && said.contains("re-enrol"), "{said}");
}

#[tokio::test]
async fn metrics_pass_promtool_and_openmetrics_is_served_when_asked() {
    let (master, _agent) = one_node_cluster().await;
    let (status, body) = master.http_get("/metrics").await;
    assert_eq!(status, 200);
    assert!(!body.contains("# EOF"), "Prometheus text has no EOF marker");
    let mut child = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("promtool (installed by scripts/test-deps.sh)");
    use std::io::Write as _;
    child.stdin.take().unwrap().write_all(body.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "promtool check metrics: {}\n{body}", text(&o));
    // OpenMetrics on request, with its content type and EOF.
    let o = tokio::process::Command::new("curl")
        .args(["-sS", "-i", "-H", "Accept: application/openmetrics-text; version=1.0.0"])
        .arg(format!("http://127.0.0.1:{}/metrics", master.http_port))
        .output()
        .await
        .unwrap();
    let om = String::from_utf8_lossy(&o.stdout);
    assert!(om.to_ascii_lowercase().contains("content-type: application/openmetrics-text"), "{om}");
    assert!(om.trim_end().ends_with("# EOF"), "{om}");
}

/// Waits until the watcher's output has a line with every one of `words`.
async fn watch_shows(watcher: &piccolo_tests::proc::Proc, words: &[&str], what: &str) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while !watcher.output().lines().any(|l| words.iter().all(|w| l.contains(w))) {
        assert!(tokio::time::Instant::now() < deadline, "{what}: {}", watcher.output());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn watch_nodes_reports_a_node_removed_while_the_master_restarted() {
    let mut master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let _keep = Agent::start(&master, "w-keep", &token);
    let mut gone = Agent::start(&master, "w-gone", &token);
    master.wait_state("w-keep", NodeState::Ready, READY).await;
    master.wait_state("w-gone", NodeState::Ready, READY).await;
    let mut cmd = Command::new(bins::path("piccoloctl"));
    cmd.arg("--admin-config").arg(master.admin_conf()).args(["watch", "nodes"]);
    let log = master.root.path().join("watch.log");
    let mut watcher = piccolo_tests::proc::Proc::spawn("watch", cmd, &log);
    watch_shows(&watcher, &["w-gone", "Ready"], "the watch lists the node").await;
    gone.kill9();
    // The master restarts; the node is removed before the watcher is back.
    master.kill9();
    master.restart().await;
    let out = master.ctl(&["node", "remove", "w-gone"]).await;
    assert!(out.status.success(), "{}", text(&out));
    watch_shows(&watcher, &["DELETED", "w-gone"], "the removal shows after the reconnect").await;
    // Once, and the watcher goes on.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let deleted = watcher.output().lines().filter(|l| l.contains("DELETED") && l.contains("w-gone")).count();
    assert_eq!(deleted, 1, "{}", watcher.output());
    assert!(watcher.exited().is_none(), "the watch kept running: {}", watcher.output());
}

#[tokio::test]
async fn the_small_ones_an_operator_meets() {
    let master = Master::start(MasterOptions::default()).await;
    // A used-up token stays listed as such (it can show what enrolled).
    let one = master.token(1).await;
    let agent = Agent::start(&master, "small-1", &one);
    master.wait_state(&agent.name, NodeState::Ready, READY).await;
    let id = one.split('.').next().unwrap();
    let list = ok(&master.ctl(&["token", "list"]).await, "token list");
    let row = list.lines().find(|l| l.starts_with(id)).unwrap_or_else(|| panic!("{id} not listed: {list}"));
    assert!(row.contains("used-up") && row.contains("1/1"), "{row}");
    // Event times always carry milliseconds (no dropped trailing zeros).
    let events = ok(&master.ctl(&["events", "--node", "small-1"]).await, "events");
    for line in events.lines().skip(1) {
        let time = line.split_whitespace().next().unwrap();
        assert!(time.len() == "2026-01-01T00:00:00.000Z".len() && time.ends_with('Z'), "{line}");
    }
    // https://MASTER/ leads to the console.
    let pems = master.root.path().join("pems");
    let curl = piccolo_tests::rest::Curl::with_credential(&master.addr(), &master.admin_conf(), &pems);
    let (code, _) = curl.call("GET", "/", None).await;
    assert!(matches!(code, 301 | 302 | 303 | 307 | 308), "GET / answered {code}");
    let mut follow = curl.as_client(curl.client.clone(), None);
    follow.extra = vec!["-L".into()];
    let (code, page) = follow.call("GET", "/", None).await;
    assert_eq!(code, 200);
    assert!(page.contains("<html") || page.contains("<!doctype") || page.contains("<!DOCTYPE"), "{page}");
    // A node that is away is blamed, not the master.
    let mut agent = agent;
    agent.kill9();
    master.wait_state("small-1", NodeState::NotReady, READY).await;
    let o = master.ctl(&["container", "restart", "small-1/web"]).await;
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("not connected") && !text(&o).contains("unreachable"), "{}", text(&o));
    // The shipped units point at documentation that exists on the device.
    for unit in ["piccolo-agent.service", "piccolo-master.service"] {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let text = std::fs::read_to_string(root.join("systemd").join(unit)).unwrap();
        let doc = text.lines().find(|l| l.starts_with("Documentation=")).unwrap_or_else(|| panic!("{unit}"));
        let shipped =
            doc.strip_prefix("Documentation=file:///usr/share/doc/piccolo/").unwrap_or_else(|| panic!("{doc}"));
        assert!(root.join("docs").join(shipped).exists(), "{doc} names a document the repository has");
    }
}
