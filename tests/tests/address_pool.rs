//! Stable per-node cluster addresses from the master's pool: kept across
//! reconnects and master restarts, the longest-unused binding reclaimed when
//! the pool is full, released on removal, shown in `get nodes -o wide`.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::NodeState;
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

const READY: Duration = Duration::from_secs(20);

async fn address(master: &Master, node: &str) -> String {
    wait_until(&format!("{node} to have a cluster address"), READY, || async {
        match master.node(node).await {
            Some(n) if !n.cluster_address.is_empty() => Ok(n.cluster_address),
            n => Err(format!("{n:?}")),
        }
    })
    .await
}

async fn disconnected(master: &Master, node: &str) {
    wait_until(&format!("{node} to disconnect"), READY, || async {
        match master.node(node).await {
            Some(n) if !n.connected => Ok(()),
            n => Err(format!("{n:?}")),
        }
    })
    .await;
}

#[tokio::test]
async fn addresses_are_stable_reclaimed_when_full_and_released_on_removal() {
    // Two usable addresses: 10.99.0.1 and 10.99.0.2 (bookkeeping only).
    let opts = MasterOptions { extra: "address_pool = \"10.99.0.0/30\"\n".into(), ..Default::default() };
    let mut master = Master::start(opts).await;
    let token = master.token(0).await;
    let mut a = Agent::start(&master, "pool-a", &token);
    master.wait_state("pool-a", NodeState::Ready, READY).await;
    let mut b = Agent::start(&master, "pool-b", &token);
    master.wait_state("pool-b", NodeState::Ready, READY).await;
    let addr_a = address(&master, "pool-a").await;
    let addr_b = address(&master, "pool-b").await;
    assert_eq!(addr_a, "10.99.0.1");
    assert_eq!(addr_b, "10.99.0.2");

    // A reconnect keeps the address.
    a.restart();
    master.wait_state("pool-a", NodeState::Ready, READY).await;
    assert_eq!(address(&master, "pool-a").await, addr_a);

    // Pool full: b has been unused longest (it is the one disconnected), so c takes its address.
    b.stop();
    disconnected(&master, "pool-b").await;
    let _c = Agent::start(&master, "pool-c", &token);
    master.wait_state("pool-c", NodeState::Ready, READY).await;
    assert_eq!(address(&master, "pool-c").await, addr_b);
    assert_eq!(master.node("pool-b").await.unwrap().cluster_address, "", "b's binding was reclaimed");
    let wide = String::from_utf8_lossy(&master.ctl(&["get", "nodes", "-o", "wide"]).await.stdout).into_owned();
    assert!(wide.contains("ADDRESS") && wide.contains("10.99.0.2"), "{wide}");

    // Bindings survive a master restart.
    master.restart().await;
    master.wait_state("pool-a", NodeState::Ready, READY).await;
    assert_eq!(address(&master, "pool-a").await, addr_a);
    assert_eq!(address(&master, "pool-c").await, addr_b);

    // Removal releases: the next node gets a's address.
    let out = master.ctl(&["node", "remove", "pool-a"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let _d = Agent::start(&master, "pool-d", &token);
    master.wait_state("pool-d", NodeState::Ready, READY).await;
    assert_eq!(address(&master, "pool-d").await, addr_a);
}

#[tokio::test]
async fn a_bad_pool_is_refused_at_start_with_the_key() {
    let out = tokio::process::Command::new(piccolo_tests::bins::path("piccolo-master"))
        .args(["run", "--config", "/dev/null"])
        .env("PICCOLO_ADDRESS_POOL", "10.99.0.0/40")
        .env("PICCOLO_DATA_DIR", tempfile::tempdir().unwrap().path())
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(64));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("address_pool"), "{err}");
}
