//! Containers end to end: real Podman, real agent, real master. A killed
//! container shows in the master within 1 s, piccoloctl can restart it, and a
//! Podman that goes away is reported without stopping the agent.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_common::time::now_ms;
use piccolo_proto::{GetContainersRequest, ListEventsRequest, NodeState};
use piccolo_tests::agent::Trust;
use piccolo_tests::podman::PodmanService;
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

async fn container_state(master: &Master, node: &str, name: &str) -> Result<String, String> {
    let r = master
        .admin()
        .await
        .get_containers(GetContainersRequest { node: node.into() })
        .await
        .map_err(|e| e.to_string())?;
    let n = r.into_inner().nodes.into_iter().next().ok_or("no node")?;
    n.containers
        .iter()
        .find(|c| c.name == name)
        .map(|c| c.state.clone())
        .ok_or_else(|| format!("no {name} in {:?}", n.containers.iter().map(|c| &c.name).collect::<Vec<_>>()))
}

#[tokio::test]
async fn a_killed_container_shows_within_a_second_and_can_be_restarted() {
    let podman = PodmanService::start().await;
    podman.run_container("web").await;
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let env = podman.agent_env();
    let _agent = Agent::start_with(master.addr(), "box", &token, Trust::CaFile(master.ca_file()), env);
    master.wait_state("box", NodeState::Ready, Duration::from_secs(15)).await;
    wait_until("web running at the master", Duration::from_secs(10), || async {
        match container_state(&master, "box", "web").await? {
            s if s == "running" => Ok(()),
            s => Err(s),
        }
    })
    .await;

    let killed_at = now_ms();
    podman.kill("web").await;
    let ev = wait_until("the died event at the master", Duration::from_secs(5), || async {
        let events = master
            .admin()
            .await
            .list_events(ListEventsRequest { node: "box".into(), limit: 50, ..Default::default() })
            .await
            .map_err(|e| e.to_string())?
            .into_inner()
            .events;
        events
            .into_iter()
            .find(|e| e.kind == "Container" && e.reason == "web died")
            .ok_or_else(|| "not yet".to_string())
    })
    .await;
    // The event's time is Podman's; the master recorded it as it arrived.
    wait_until("web exited at the master", Duration::from_secs(5), || async {
        match container_state(&master, "box", "web").await? {
            s if s == "exited" => Ok(()),
            s => Err(s),
        }
    })
    .await;
    let seen = now_ms() - killed_at;
    println!("container death at the master after <= {seen} ms (event time {} ms after kill)", ev.time_ms - killed_at);
    assert!(ev.time_ms - killed_at <= 1000, "event was stamped {} ms after the kill", ev.time_ms - killed_at);

    // Restart through piccoloctl: carried over the session to the agent.
    let out = master.ctl(&["container", "restart", "box/web"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    wait_until("web running again", Duration::from_secs(10), || async {
        match container_state(&master, "box", "web").await? {
            s if s == "running" => Ok(()),
            s => Err(s),
        }
    })
    .await;
    let out = master.ctl(&["get", "containers", "--node", "box"]).await;
    let table = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(table.contains("web") && table.contains("running"), "{table}");
    // Stop, then start; an unknown container is a clear error.
    let out = master.ctl(&["container", "stop", "box/web"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = master.ctl(&["container", "start", "box/web"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = master.ctl(&["container", "restart", "box/nosuch"]).await;
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains("nosuch"), "{err}");
}

#[tokio::test]
async fn podman_going_away_is_reported_and_picked_up_again() {
    let mut podman = PodmanService::start().await;
    podman.run_container("app").await;
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let env = podman.agent_env();
    let _agent = Agent::start_with(master.addr(), "pm", &token, Trust::CaFile(master.ca_file()), env);
    master.wait_state("pm", NodeState::Ready, Duration::from_secs(15)).await;
    wait_until("podman available", Duration::from_secs(10), || async {
        match master.node("pm").await {
            Some(n) if n.podman_available && !n.containers.is_empty() => Ok(()),
            Some(n) => Err(format!("{} {}", n.podman_available, n.podman_error)),
            None => Err("no node".into()),
        }
    })
    .await;
    podman.kill_service();
    // Following Podman's event log, the agent uses the API only in bursts:
    // the next one (the list after this death) finds the service gone.
    podman.kill("app").await;
    wait_until("podman reported unavailable", Duration::from_secs(10), || async {
        match master.node("pm").await {
            Some(n) if !n.podman_available && !n.podman_error.is_empty() => Ok(()),
            Some(n) => Err(format!("available={}", n.podman_available)),
            None => Err("no node".into()),
        }
    })
    .await;
    // The node stays Ready: Podman is not a required check by default.
    assert_eq!(master.node("pm").await.unwrap().state(), NodeState::Ready);
    podman.start_service().await;
    wait_until("podman back", Duration::from_secs(15), || async {
        match master.node("pm").await {
            Some(n) if n.podman_available && n.containers.iter().any(|c| c.name == "app") => Ok(()),
            Some(n) => Err(format!("available={} {}", n.podman_available, n.podman_error)),
            None => Err("no node".into()),
        }
    })
    .await;
}

#[tokio::test]
async fn a_pushed_podman_socket_applies_without_a_restart() {
    let podman = PodmanService::start().await;
    podman.run_container("late").await;
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let missing = podman.dir().join("not-yet.sock");
    let env = vec![
        ("PICCOLO_PODMAN_SOCKET".to_string(), missing.display().to_string()),
        ("PICCOLO_PODMAN_EVENTS_FILE".to_string(), podman.events_file().display().to_string()),
    ];
    let agent = Agent::start_with(master.addr(), "moved", &token, Trust::CaFile(master.ca_file()), env);
    master.wait_state("moved", NodeState::Ready, Duration::from_secs(15)).await;
    wait_until("Podman reported missing", Duration::from_secs(10), || async {
        match master.node("moved").await {
            Some(n) if !n.podman_available && !n.podman_error.is_empty() => Ok(()),
            other => Err(format!("{:?}", other.map(|n| (n.podman_available, n.podman_error)))),
        }
    })
    .await;
    let pid = agent.pid();

    let socket = podman.socket().display().to_string();
    let out = master.ctl(&["config", "set", "--node", "moved", "--podman-socket", &socket]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    wait_until("the container seen through the new socket", Duration::from_secs(15), || async {
        container_state(&master, "moved", "late").await
    })
    .await;
    assert_eq!(agent.pid(), pid, "same process: applied without a restart");
    assert!(master.node("moved").await.unwrap().podman_available);
}
