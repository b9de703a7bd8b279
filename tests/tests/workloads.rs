//! Workloads end to end (issue 14): real master, real agent, real Podman
//! with the local busybox image. Apply places and runs them; a killed
//! container comes back with its restart count; a clash with a container
//! the agent does not own is reported and the foreign one left alone; a
//! selector without a match is Pending with that reason; delete removes;
//! a device "reboot" while the master is down runs the workloads again from
//! the persisted set, and the reconnect keeps the same container IDs; bad
//! files are refused before anything is stored.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use piccolo_proto::{GetWorkloadsRequest, ListEventsRequest, NodeState, WorkloadInfo, WorkloadNodeStatus};
use piccolo_tests::agent::Trust;
use piccolo_tests::podman::PodmanService;
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

async fn workloads(master: &Master) -> Result<Vec<WorkloadInfo>, String> {
    let r = master.admin().await.get_workloads(GetWorkloadsRequest::default()).await.map_err(|e| e.to_string())?;
    Ok(r.into_inner().workloads)
}

/// The state of `name` on `node` once it satisfies `ok`.
async fn wait_node_state(
    master: &Master,
    name: &str,
    node: &str,
    what: &str,
    timeout: Duration,
    ok: impl Fn(&WorkloadNodeStatus) -> bool,
) -> WorkloadNodeStatus {
    wait_until(what, timeout, || async {
        let all = workloads(master).await?;
        let w = all.iter().find(|w| w.name == name).ok_or_else(|| format!("no workload {name}"))?;
        let n = w.nodes.iter().find(|n| n.node == node).ok_or_else(|| format!("{name} not placed on {node}: {w:?}"))?;
        if ok(n) { Ok(n.clone()) } else { Err(format!("{n:?}")) }
    })
    .await
}

fn write(dir: &std::path::Path, file: &str, text: &str) -> String {
    let p = dir.join(file);
    std::fs::write(&p, text).expect("write workload file");
    p.display().to_string()
}

async fn start_node(master: &Master, podman: &PodmanService, name: &str) -> Agent {
    let token = master.token(0).await;
    let env = vec![("PICCOLO_PODMAN_SOCKET".to_string(), podman.socket().display().to_string())];
    let agent = Agent::start_with(master.addr(), name, &token, Trust::CaFile(master.ca_file()), env);
    master.wait_state(name, NodeState::Ready, Duration::from_secs(20)).await;
    agent
}

const SLEEPER: &str = r#"
[[workload]]
name = "sleeper"
image = "localhost/busybox:latest"
command = ["/bin/sleep", "600"]
nodes = ["w1"]
"#;

#[tokio::test]
async fn apply_runs_restarts_reports_clashes_and_deletes() {
    let podman = PodmanService::start().await;
    let foreign = podman.run_container("taken").await;
    let master = Master::start(MasterOptions::default()).await;
    let _agent = start_node(&master, &podman, "w1").await;
    let dir = tempfile::tempdir().unwrap();
    let extra = r#"
[[workload]]
name = "taken"
image = "localhost/busybox:latest"
command = ["/bin/sleep", "600"]
nodes = ["w1"]

[[workload]]
name = "nowhere"
image = "localhost/busybox:latest"
selector = "zone=mars"
"#;
    let file = write(dir.path(), "app.toml", &format!("{SLEEPER}{extra}"));
    let applied_at = Instant::now();
    let out = master.ctl(&["apply", "-f", &file]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains("workload sleeper revision 1 created; on w1"), "{text}");
    assert!(text.contains("Pending: selector \"zone=mars\" matches no node"), "{text}");

    let running =
        wait_node_state(&master, "sleeper", "w1", "sleeper running", Duration::from_secs(30), |n| n.state == "Running")
            .await;
    println!("apply -> Running at the master: {} ms", applied_at.elapsed().as_millis());
    assert_eq!(podman.inspect("sleeper", "{{.State.Status}}").await, "running");
    assert_eq!(podman.inspect("sleeper", "{{index .Config.Labels \"piccolo.workload\"}}").await, "sleeper");
    assert!(running.container_id.starts_with(&podman.inspect("sleeper", "{{.Id}}").await[..12]));

    // A name clash with a container the agent does not own: reported, untouched.
    let clash =
        wait_node_state(&master, "taken", "w1", "taken clash", Duration::from_secs(20), |n| n.state == "Failed").await;
    assert!(clash.reason.contains("NameClash"), "{clash:?}");
    assert_eq!(podman.inspect("taken", "{{.Id}}").await, foreign);
    assert_eq!(podman.inspect("taken", "{{.State.Status}}").await, "running");

    // Kill it: restarted with backoff, restart count visible, same container.
    let killed_at = Instant::now();
    podman.kill("sleeper").await;
    let back = wait_node_state(&master, "sleeper", "w1", "sleeper restarted", Duration::from_secs(20), |n| {
        n.state == "Running" && n.restarts == 1
    })
    .await;
    println!("kill -> Running again at the master: {} ms", killed_at.elapsed().as_millis());
    assert_eq!(back.container_id, running.container_id);
    assert!(killed_at.elapsed() >= Duration::from_millis(900), "restarted before the 1 s backoff");

    // The JSON contract of `get workloads -o json`.
    let out = master.ctl(&["get", "workloads", "-o", "json"]).await;
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let s = v.as_array().unwrap().iter().find(|w| w["name"] == "sleeper").expect("sleeper in json").clone();
    assert_eq!(s["revision"], 1);
    assert_eq!(s["desired"], 1);
    assert_eq!(s["ready"], 1);
    assert_eq!(s["nodes"][0]["node"], "w1");
    assert_eq!(s["nodes"][0]["state"], "Running");
    assert_eq!(s["nodes"][0]["restarts"], 1);
    let nowhere = v.as_array().unwrap().iter().find(|w| w["name"] == "nowhere").expect("nowhere").clone();
    assert_eq!(nowhere["pending_reason"], "selector \"zone=mars\" matches no node");
    let out = master.ctl(&["describe", "workload", "sleeper"]).await;
    assert!(String::from_utf8_lossy(&out.stdout).contains("Running"), "{}", String::from_utf8_lossy(&out.stdout));
    // describe -o json is the workload's entry of `get workloads -o json`.
    let out = master.ctl(&["describe", "workload", "sleeper", "-o", "json"]).await;
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).expect("describe json");
    assert_eq!(
        (d["name"].clone(), d["revision"].clone(), d["nodes"][0]["node"].clone()),
        (s["name"].clone(), s["revision"].clone(), s["nodes"][0]["node"].clone())
    );

    // Delete: the container goes, the foreign one stays.
    let out = master.ctl(&["delete", "workload", "sleeper"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    wait_until("sleeper container removed", Duration::from_secs(20), || async {
        match podman.try_podman(&["container", "exists", "sleeper"]).await {
            Err(_) => Ok(()),
            Ok(_) => Err("still there".to_string()),
        }
    })
    .await;
    assert_eq!(podman.inspect("taken", "{{.State.Status}}").await, "running");
    let out = master.ctl(&["delete", "workload", "sleeper"]).await;
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no workload named \"sleeper\""));

    let events = master
        .admin()
        .await
        .list_events(ListEventsRequest { node: "w1".into(), limit: 200, ..Default::default() })
        .await
        .unwrap()
        .into_inner()
        .events;
    for kind in ["WorkloadPlaced", "WorkloadStarted", "WorkloadRestarted", "WorkloadFailed", "WorkloadRemoved"] {
        assert!(
            events.iter().any(|e| e.kind == kind),
            "no {kind} event in {:?}",
            events.iter().map(|e| &e.kind).collect::<Vec<_>>()
        );
    }
}

#[tokio::test]
async fn offline_reboot_runs_workloads_again_and_reconnect_keeps_container_ids() {
    let podman = PodmanService::start().await;
    let mut master = Master::start(MasterOptions::default()).await;
    let mut agent = start_node(&master, &podman, "w1").await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "s.toml", SLEEPER);
    let out = master.ctl(&["apply", "-f", &file, "--wait", "--wait-timeout", "60s"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let id = podman.inspect("sleeper", "{{.Id}}").await;

    // "Reboot" without the master: master down, agent down, containers stopped.
    master.stop();
    agent.stop();
    podman.stop("sleeper").await;
    assert_eq!(podman.inspect("sleeper", "{{.State.Status}}").await, "exited");
    let started = Instant::now();
    agent.restart();
    wait_until("sleeper running again offline", Duration::from_secs(20), || async {
        match podman.inspect("sleeper", "{{.State.Status}}").await.as_str() {
            "running" => Ok(()),
            s => Err(s.to_string()),
        }
    })
    .await;
    println!("agent start (offline) -> workload running: {} ms", started.elapsed().as_millis());
    assert_eq!(podman.inspect("sleeper", "{{.Id}}").await, id, "the same container is started again");

    // The master returns: desired state intact, nothing replaced.
    master.launch().await;
    master.wait_state("w1", NodeState::Ready, Duration::from_secs(30)).await;
    let n =
        wait_node_state(&master, "sleeper", "w1", "sleeper reported after reconnect", Duration::from_secs(30), |n| {
            n.state == "Running"
        })
        .await;
    assert!(id.starts_with(&n.container_id[..12.min(n.container_id.len())]), "{n:?} vs {id}");
    // Let a few reconcile passes and pushes happen: still the same container.
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(3) {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(podman.inspect("sleeper", "{{.Id}}").await, id);
    assert!(agent.log().contains("workloads loaded from disk"), "{}", agent.log());
}

#[tokio::test]
async fn bad_workload_files_are_refused_and_change_nothing() {
    let master = Master::start(MasterOptions::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("unknown.toml", "[[workload]]\nname = \"a\"\nimage = \"i\"\nimgae = \"x\"\n", "line 4, column 1"),
        ("name.toml", "[[workload]]\nname = \"Bad_Name\"\nimage = \"i\"\n", "invalid name"),
        (
            "cycle.toml",
            "[[workload]]\nname = \"a\"\nimage = \"i\"\nafter = [\"b\"]\n[[workload]]\nname = \"b\"\nimage = \"i\"\nafter = [\"a:healthy\"]\n",
            "dependency cycle between workloads: a -> b -> a",
        ),
        (
            "after.toml",
            "[[workload]]\nname = \"a\"\nimage = \"i\"\nafter = [\"ghost\"]\n",
            "unknown workload \"ghost\"",
        ),
        (
            "mem.toml",
            "[[workload]]\nname = \"a\"\nimage = \"i\"\n[workload.resources]\nmemory = \"9000GiB\"\n",
            "between 6MiB and 1TiB",
        ),
        ("cpu.toml", "[[workload]]\nname = \"a\"\nimage = \"i\"\n[workload.resources]\ncpus = -2.0\n", "above 0"),
    ];
    for (file, text, needle) in cases {
        let p = write(dir.path(), file, text);
        let out = master.ctl(&["apply", "-f", &p]).await;
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "{file} was accepted");
        assert!(err.contains(needle), "{file}: {err}");
    }
    assert!(workloads(&master).await.unwrap().is_empty(), "nothing may be stored");
    // The master checks again (a client that skipped validation).
    let spec = piccolo_proto::WorkloadSpec {
        name: "x".into(),
        image: "i".into(),
        restart: "sometimes".into(),
        ..Default::default()
    };
    let e = master
        .admin()
        .await
        .apply_workloads(piccolo_proto::ApplyWorkloadsRequest { workloads: vec![spec], dry_run: false })
        .await
        .unwrap_err();
    assert_eq!(e.code(), tonic::Code::InvalidArgument);
    assert!(e.message().contains("restart \"sometimes\""), "{}", e.message());
    assert!(workloads(&master).await.unwrap().is_empty());
}

const TALKER: &str = r#"
[[workload]]
name = "talker"
image = "localhost/busybox:latest"
command = ["/bin/sh", "-c", "i=0; while true; do echo line$i; i=$((i+1)); sleep 1; done"]
nodes = ["w1"]

[[workload]]
name = "late"
image = "localhost/busybox:latest"
command = ["/bin/sleep", "600"]
nodes = ["w1"]
after = ["talker:healthy"]

[[workload]]
name = "sick"
image = "localhost/busybox:latest"
command = ["/bin/sleep", "600"]
nodes = ["w1"]
[workload.liveness]
exec = ["/bin/sh", "-c", "exit 1"]
period = "500ms"
failure_threshold = 2
"#;

#[tokio::test]
async fn logs_liveness_and_start_order() {
    let podman = PodmanService::start().await;
    let master = Master::start(MasterOptions::default()).await;
    let _agent = start_node(&master, &podman, "w1").await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "t.toml", TALKER);
    let out = master.ctl(&["apply", "-f", &file]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // `after`: late starts only once talker runs (talker has no liveness: running is healthy).
    wait_node_state(&master, "late", "w1", "late running", Duration::from_secs(30), |n| n.state == "Running").await;
    let t_started = podman.inspect("talker", "{{.State.StartedAt}}").await;
    let l_started = podman.inspect("late", "{{.State.StartedAt}}").await;
    assert!(l_started >= t_started, "late started {l_started}, talker {t_started}");

    // Liveness failing twice in a row: Unhealthy, restarted, count visible.
    let sick =
        wait_node_state(&master, "sick", "w1", "sick restarted", Duration::from_secs(40), |n| n.restarts >= 1).await;
    assert!(sick.restarts >= 1);

    // Logs: --tail, then --follow sees new lines.
    wait_until("three lines of output", Duration::from_secs(20), || async {
        let out = master.ctl(&["logs", "w1/talker", "--tail", "2"]).await;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if out.status.success() && text.lines().count() == 2 && !text.contains("line0") {
            Ok(text)
        } else {
            Err(format!("{text:?} {}", String::from_utf8_lossy(&out.stderr)))
        }
    })
    .await;
    let out = master.ctl(&["logs", "w1/talker", "--tail", "2"]).await;
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    let out = master.ctl(&["logs", "w1/nosuch"]).await;
    assert!(!out.status.success());
    let mut follow = tokio::process::Command::new(piccolo_tests::bins::path("piccoloctl"))
        .arg("--admin-config")
        .arg(master.admin_conf())
        .args(["logs", "w1/talker", "--tail", "1", "--follow"])
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut stdout = follow.stdout.take().unwrap();
    let mut seen = String::new();
    let deadline = Instant::now() + Duration::from_secs(15);
    while seen.lines().count() < 3 {
        use tokio::io::AsyncReadExt;
        let mut buf = [0u8; 256];
        let n = tokio::time::timeout(deadline.saturating_duration_since(Instant::now()), stdout.read(&mut buf))
            .await
            .expect("follow printed new lines in time")
            .unwrap();
        assert!(n > 0, "follow ended early: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    let _ = follow.kill().await;

    let events = master
        .admin()
        .await
        .list_events(ListEventsRequest { node: "w1".into(), limit: 500, ..Default::default() })
        .await
        .unwrap()
        .into_inner()
        .events;
    assert!(events.iter().any(|e| e.kind == "WorkloadUnhealthy" && e.reason == "sick unhealthy"));
}

#[tokio::test]
async fn count_one_moves_after_reschedule_after_and_is_not_doubled_when_the_node_returns() {
    let p1 = PodmanService::start().await;
    let p2 = PodmanService::start().await;
    let opts = MasterOptions { extra: "reschedule_after = \"3s\"\n".into(), ..Default::default() };
    let master = Master::start(opts).await;
    let mut a1 = start_node(&master, &p1, "n1").await;
    let _a2 = start_node(&master, &p2, "n2").await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "one.toml",
        "[[workload]]\nname = \"one\"\nimage = \"localhost/busybox:latest\"\ncommand = [\"/bin/sleep\", \"600\"]\ncount = 1\n",
    );
    let out = master.ctl(&["apply", "-f", &file, "--wait", "--wait-timeout", "60s"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let first = workloads(&master).await.unwrap()[0].nodes[0].node.clone();
    assert_eq!(first, "n1", "fewest workloads first, then by name");

    // n1 dies (its container keeps running on the device): moved after 3 s.
    a1.kill9();
    master.wait_state("n1", NodeState::NotReady, Duration::from_secs(20)).await;
    wait_node_state(&master, "one", "n2", "one moved to n2", Duration::from_secs(30), |n| n.state == "Running").await;
    assert_eq!(p2.inspect("one", "{{.State.Status}}").await, "running");
    assert_eq!(p1.inspect("one", "{{.State.Status}}").await, "running", "n1 cannot be told while it is away");

    // n1 comes back: its replica is removed, the one on n2 stays.
    a1.restart();
    master.wait_state("n1", NodeState::Ready, Duration::from_secs(30)).await;
    wait_until("the old replica removed from n1", Duration::from_secs(20), || async {
        match p1.try_podman(&["container", "exists", "one"]).await {
            Err(_) => Ok(()),
            Ok(_) => Err("still there".to_string()),
        }
    })
    .await;
    assert_eq!(p2.inspect("one", "{{.State.Status}}").await, "running");
    let w = workloads(&master).await.unwrap();
    assert_eq!(w[0].nodes.len(), 1);
    assert_eq!(w[0].nodes[0].node, "n2");
    let events = master
        .admin()
        .await
        .list_events(ListEventsRequest { node: "n2".into(), limit: 200, ..Default::default() })
        .await
        .unwrap()
        .into_inner()
        .events;
    assert!(events.iter().any(|e| e.kind == "WorkloadMoved"), "{events:?}");
}

#[tokio::test]
async fn a_changed_spec_replaces_the_container_and_a_missing_image_is_reported() {
    let podman = PodmanService::start().await;
    let master = Master::start(MasterOptions::default()).await;
    let _agent = start_node(&master, &podman, "w1").await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "s.toml", SLEEPER);
    let out = master.ctl(&["apply", "-f", &file, "--wait", "--wait-timeout", "60s"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let old = podman.inspect("sleeper", "{{.Id}}").await;
    // Same spec again: unchanged, same container.
    let out = master.ctl(&["apply", "-f", &file]).await;
    assert!(String::from_utf8_lossy(&out.stdout).contains("revision 1 unchanged"));
    // A new spec is a new revision: the container is replaced.
    let file = write(dir.path(), "s.toml", &SLEEPER.replace("\"600\"", "\"700\""));
    let out = master.ctl(&["apply", "-f", &file, "--wait", "--wait-timeout", "60s"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("revision 2 updated"));
    let new = podman.inspect("sleeper", "{{.Id}}").await;
    assert_ne!(new, old);
    assert_eq!(podman.inspect("sleeper", "{{index .Config.Labels \"piccolo.revision\"}}").await, "2");

    // An image the node does not have and cannot pull: BackOff with Podman's message; --wait names it.
    let bad = "[[workload]]\nname = \"ghost\"\nimage = \"localhost/nosuch:1\"\nnodes = [\"w1\"]\n";
    let file = write(dir.path(), "g.toml", bad);
    let out = master.ctl(&["apply", "-f", &file, "--wait", "--wait-timeout", "60s"]).await;
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains("workload ghost on node w1") && err.contains("ImagePullFailed"), "{err}");
    let out = master.ctl(&["delete", "workload", "ghost"]).await;
    assert!(out.status.success());

    // rollout undo: back to the previous spec, as revision 3.
    let out = master.ctl(&["rollout", "undo", "workload", "sleeper"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("revision 3"));
    wait_node_state(&master, "sleeper", "w1", "revision 3 running", Duration::from_secs(30), |n| {
        n.revision == 3 && n.state == "Running"
    })
    .await;
    assert_eq!(podman.inspect("sleeper", "{{index .Config.Cmd 1}}").await, "600");
    let out = master.ctl(&["rollout", "status", "workload", "sleeper"]).await;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains("revision 3: 1 of 1 node(s) on it, 1 ready"), "{text}");

    // drain: cordon, and the workload is stopped; uncordon lets it back.
    let out = master.ctl(&["node", "drain", "w1", "--timeout", "30s"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    wait_until("container removed by the drain", Duration::from_secs(20), || async {
        match podman.try_podman(&["container", "exists", "sleeper"]).await {
            Err(_) => Ok(()),
            Ok(_) => Err("still there".to_string()),
        }
    })
    .await;
    let out = master.ctl(&["node", "uncordon", "w1"]).await;
    assert!(out.status.success());
    wait_node_state(&master, "sleeper", "w1", "back after uncordon", Duration::from_secs(30), |n| n.state == "Running")
        .await;
}
