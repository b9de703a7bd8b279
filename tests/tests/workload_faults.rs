//! Workloads through faults (issue 14), with a real master, real agents and
//! real Podman:
//! - a port already taken on the node: the workload backs off with a
//!   `PortInUse` reason naming the port; the process holding the port and the
//!   node's other workload are untouched;
//! - a partition (every packet between agent and master dropped, in a private
//!   network namespace): the agent keeps its workloads running (and restarts
//!   one killed meanwhile) and after the heal every container has the same ID.
//!   `make test` cuts for 20 s, `make faults` for the 60 s: once the
//!   agent has noticed (within 5 s) it runs offline, and nothing it does
//!   depends on how long that lasts (pinned workloads are never moved, and
//!   the desired set is the one on disk); the same code path runs either way;
//! - a master restart keeps the desired state (spec, revision, history,
//!   placement, rollout) on both stores, and the agent's containers stay.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::{GetWorkloadsRequest, NodeState, WorkloadInfo};
use piccolo_tests::agent::Trust;
use piccolo_tests::faults::{self, RECOVERY};
use piccolo_tests::netns::{self, Filter, agent_addr};
use piccolo_tests::podman::PodmanService;
use piccolo_tests::{Agent, Etcd, Master, MasterOptions, free_port, wait_until};

async fn workloads(master: &Master) -> Vec<WorkloadInfo> {
    master.admin().await.get_workloads(GetWorkloadsRequest::default()).await.unwrap().into_inner().workloads
}

/// (workload, state, restarts, container id) on `node`, sorted.
async fn states(master: &Master, node: &str) -> Vec<(String, String, u32, String)> {
    let mut out: Vec<_> = workloads(master)
        .await
        .into_iter()
        .flat_map(|w| {
            let name = w.name.clone();
            w.nodes
                .into_iter()
                .filter(|n| n.node == node)
                .map(move |n| (name.clone(), n.state, n.restarts, n.container_id))
                .collect::<Vec<_>>()
        })
        .collect();
    out.sort();
    out
}

async fn wait_all(master: &Master, node: &str, want: usize, ok: &str) -> Vec<(String, String, u32, String)> {
    wait_until(&format!("{want} workloads {ok} on {node}"), Duration::from_secs(60), || async {
        let s = states(master, node).await;
        if s.len() == want && s.iter().all(|(_, st, ..)| st == ok) { Ok(s) } else { Err(format!("{s:?}")) }
    })
    .await
}

async fn apply(master: &Master, text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("w.toml");
    std::fs::write(&file, text).unwrap();
    let out = master.ctl(&["apply", "-f", &file.display().to_string()]).await;
    assert!(out.status.success(), "apply: {}", String::from_utf8_lossy(&out.stderr));
}

fn sleeper(name: &str, node: &str, extra: &str) -> String {
    format!(
        "[[workload]]\nname = \"{name}\"\nimage = \"localhost/busybox:latest\"\n\
         command = [\"/bin/sleep\", \"600\"]\nnodes = [\"{node}\"]\n{extra}\n"
    )
}

#[tokio::test]
async fn a_port_taken_on_the_node_is_port_in_use_and_nothing_else_is_touched() {
    // Published ports use Podman's bridge network: its interface and
    // forwarding rules stay inside this test's own network namespace.
    if netns::enter("a_port_taken_on_the_node_is_port_in_use_and_nothing_else_is_touched") {
        port_in_use().await;
    }
}

async fn port_in_use() {
    let podman = PodmanService::start().await;
    let master = Master::start(MasterOptions { listen_ip: "[::]", ..Default::default() }).await;
    let token = master.token(0).await;
    let _agent =
        Agent::start_with(agent_addr(master.port), "p1", &token, Trust::CaFile(master.ca_file()), podman.agent_env());
    master.wait_state("p1", NodeState::Ready, Duration::from_secs(20)).await;
    apply(&master, &sleeper("bystander", "p1", "")).await;
    let before = wait_all(&master, "p1", 1, "Running").await;

    // Someone else on the device holds the port.
    let port = free_port();
    let holder = std::net::TcpListener::bind(("0.0.0.0", port)).expect("hold the port");
    let web = sleeper("web", "p1", &format!("ports = [\"{port}:8080\"]"));
    apply(&master, &format!("{}{web}", sleeper("bystander", "p1", ""))).await;
    let w = wait_until("web backing off with PortInUse", Duration::from_secs(30), || async {
        let s = states(&master, "p1").await;
        match s.iter().find(|(n, ..)| n == "web") {
            Some(w) if w.1 == "BackOff" && w.0 == "web" => Ok(w.clone()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    let reason = workloads(&master).await.into_iter().find(|x| x.name == "web").unwrap().nodes[0].reason.clone();
    assert!(reason.starts_with("PortInUse: ") && reason.contains(&port.to_string()), "{w:?}: {reason}");
    assert!(reason.contains("retrying in"), "{reason}");
    // The holder still has its port, the bystander its container.
    let c = std::net::TcpStream::connect(("127.0.0.1", port)).expect("the holder still listens");
    drop(c);
    holder.accept().expect("the holder still accepts");
    let s = states(&master, "p1").await;
    let by = s.iter().find(|(n, ..)| n == "bystander").unwrap();
    assert_eq!((by.1.as_str(), by.3.as_str()), ("Running", before[0].3.as_str()), "bystander touched");
    assert_eq!(podman.inspect("bystander", "{{.State.Status}}").await, "running");

    // Once the port is free, the next retry starts it.
    drop(holder);
    wait_until("web running once the port is free", Duration::from_secs(60), || async {
        let s = states(&master, "p1").await;
        match s.iter().find(|(n, ..)| n == "web") {
            Some(w) if w.1 == "Running" => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
}

async fn partition(cut: Duration) {
    let podman = PodmanService::start().await;
    let master = Master::start(MasterOptions { listen_ip: "[::]", ..Default::default() }).await;
    let filter = Filter::new(master.port);
    let token = master.token(0).await;
    let mut env = podman.agent_env();
    env.push(("PICCOLO_BUFFER_FLUSH_INTERVAL".into(), "1s".into()));
    let agent = Agent::start_with(agent_addr(master.port), "cut", &token, Trust::CaFile(master.ca_file()), env);
    master.wait_state("cut", NodeState::Ready, RECOVERY).await;
    let live = "[workload.liveness]\nexec = [\"/bin/sh\", \"-c\", \"true\"]\nperiod = \"1s\"\n";
    apply(&master, &format!("{}{}{}", sleeper("a", "cut", ""), sleeper("b", "cut", ""), sleeper("c", "cut", live)))
        .await;
    wait_until("a, b running and c healthy", Duration::from_secs(60), || async {
        let s = states(&master, "cut").await;
        let want = ["Running", "Running", "Healthy"];
        if s.len() == 3 && s.iter().zip(want).all(|(x, w)| x.1 == w) { Ok(()) } else { Err(format!("{s:?}")) }
    })
    .await;
    let ids_before: Vec<String> = states(&master, "cut").await.into_iter().map(|s| s.3).collect();

    filter.silence();
    master.wait_state("cut", NodeState::NotReady, Duration::from_secs(10)).await;
    wait_until("the agent to go offline", Duration::from_secs(30), || async {
        if agent.log().contains("running offline") { Ok(()) } else { Err("still online".into()) }
    })
    .await;
    // Killed while cut off: the agent restarts it on its own.
    podman.kill("b").await;
    wait_until("b running again while cut off", Duration::from_secs(20), || async {
        let s = podman.inspect("b", "{{.State.Status}}").await;
        if s == "running" { Ok(()) } else { Err(s) }
    })
    .await;
    // The partition lasts `cut`: this wait is the fault itself.
    tokio::time::sleep(cut).await;
    filter.heal();
    master.wait_state("cut", NodeState::Ready, RECOVERY).await;
    let after = wait_until("the states after the heal", RECOVERY, || async {
        let s = states(&master, "cut").await;
        let restarts: Vec<u32> = s.iter().map(|x| x.2).collect();
        if restarts == [0, 1, 0] && s[2].1 == "Healthy" { Ok(s) } else { Err(format!("{s:?}")) }
    })
    .await;
    let ids_after: Vec<String> = after.iter().map(|s| s.3.clone()).collect();
    assert_eq!(ids_after, ids_before, "container IDs changed across the partition");
    for (name, id) in ["a", "b", "c"].iter().zip(&ids_before) {
        assert!(id.starts_with(&podman.inspect(name, "{{.Id}}").await[..12]), "{name} replaced");
    }
    faults::figure(
        &format!("workloads through a {cut:?} partition"),
        "same container IDs, killed one restarted offline",
    );
}

#[tokio::test]
async fn a_partition_keeps_the_same_containers() {
    if netns::enter("a_partition_keeps_the_same_containers") {
        partition(faults::pick(Duration::from_secs(20), Duration::from_secs(60))).await;
    }
}

async fn restart_keeps_desired_state(opts: MasterOptions) {
    let podman = PodmanService::start().await;
    let mut master = Master::start(opts).await;
    let token = master.token(0).await;
    let mut env = podman.agent_env();
    env.push(("PICCOLO_LOG".into(), "info".into()));
    let agent = Agent::start_with(master.addr(), "m1", &token, Trust::CaFile(master.ca_file()), env);
    master.wait_state("m1", NodeState::Ready, Duration::from_secs(20)).await;
    apply(&master, &sleeper("keep", "m1", "env = { V = \"1\" }")).await;
    wait_all(&master, "m1", 1, "Running").await;
    // Revision 2: history and a finished rollout to keep too.
    apply(&master, &sleeper("keep", "m1", "env = { V = \"2\" }")).await;
    wait_until("revision 2 rolled out", Duration::from_secs(60), || async {
        let w = workloads(&master).await;
        let done = w[0].rollout.as_ref().is_some_and(|r| r.state == "succeeded");
        if done && w[0].nodes[0].revision == 2 && w[0].nodes[0].state == "Running" {
            Ok(())
        } else {
            Err(format!("{w:?}"))
        }
    })
    .await;
    let before = workloads(&master).await;
    master.restart().await;
    master.wait_state("m1", NodeState::Ready, Duration::from_secs(30)).await;
    let after = wait_until("the node's state reported again", Duration::from_secs(30), || async {
        let w = workloads(&master).await;
        if w.len() == 1 && w[0].nodes.first().is_some_and(|n| n.state == "Running") {
            Ok(w)
        } else {
            Err(format!("{w:?}"))
        }
    })
    .await;
    assert_eq!(after[0].spec, before[0].spec, "spec changed");
    assert_eq!(after[0].revision, 2);
    assert_eq!(after[0].rollout, before[0].rollout, "rollout record changed");
    assert_eq!(after[0].nodes, before[0].nodes, "placement or container changed");
    assert_eq!(agent.log().matches("spec changed: replacing").count(), 1, "replaced after the restart");
    // The history survived: undo goes back to revision 1's spec.
    let out = master.ctl(&["rollout", "undo", "workload", "keep"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    wait_until("revision 3 (= 1's spec) running", Duration::from_secs(60), || async {
        let w = workloads(&master).await;
        let env = w[0].spec.as_ref().map(|s| s.env.get("V").cloned()).unwrap_or_default();
        if w[0].revision == 3
            && env.as_deref() == Some("1")
            && w[0].nodes[0].revision == 3
            && w[0].nodes[0].state == "Running"
        {
            Ok(())
        } else {
            Err(format!("{w:?}"))
        }
    })
    .await;
}

#[tokio::test]
async fn master_restart_keeps_the_desired_state_on_the_embedded_store() {
    restart_keeps_desired_state(MasterOptions::default()).await;
}

#[tokio::test]
async fn master_restart_keeps_the_desired_state_on_etcd() {
    let etcd = Etcd::start().await;
    restart_keeps_desired_state(MasterOptions { etcd: Some(etcd.endpoint()), ..Default::default() }).await;
}

#[tokio::test]
async fn a_damaged_desired_state_file_is_set_aside_reported_and_fetched_again() {
    let podman = PodmanService::start().await;
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let mut agent = Agent::start_with(master.addr(), "d1", &token, Trust::CaFile(master.ca_file()), podman.agent_env());
    master.wait_state("d1", NodeState::Ready, Duration::from_secs(20)).await;
    apply(&master, &sleeper("kept", "d1", "")).await;
    let before = wait_all(&master, "d1", 1, "Running").await;
    let file = agent.data_dir.join("workloads.pb");
    assert!(file.exists(), "the desired set is persisted");

    agent.stop();
    std::fs::write(&file, b"\x00\x01not a workload set").unwrap();
    agent.restart();
    master.wait_state("d1", NodeState::Ready, Duration::from_secs(30)).await;
    // Reported as an event, set aside, fetched again; the container untouched.
    wait_until("the damage reported", Duration::from_secs(30), || async {
        let ev = faults::events(&master, "d1").await;
        let hit = ev.iter().find(|e| format!("{} {}", e.reason, e.message).contains("was damaged"));
        hit.map(|_| ()).ok_or_else(|| format!("{} events, none about the damage", ev.len()))
    })
    .await;
    assert!(agent.data_dir.join("workloads.pb.corrupt").exists(), "set aside");
    let after = wait_all(&master, "d1", 1, "Running").await;
    assert_eq!(after, before, "the workload changed");
    wait_until("the set persisted again", Duration::from_secs(20), || async {
        let b = std::fs::read(&file).map_err(|e| e.to_string())?;
        if b.starts_with(b"\x00\x01not") { Err("still the damaged bytes".into()) } else { Ok(()) }
    })
    .await;
    assert_eq!(podman.inspect("kept", "{{.Id}}").await[..12], before[0].3[..12]);
}
