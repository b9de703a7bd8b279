//! A batched config rollout's batch timeout on tokio's clock: with time
//! paused (tokio advances it while every task waits), a batch that never
//! acks fails at its timeout and the rollout rolls back, without the test
//! waiting the minute of real time the timeout names.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use piccolo_master::configs::Configs;
use piccolo_master::metrics::Metrics;
use piccolo_master::persister::Persister;
use piccolo_master::registry::{Registry, Settings};
use piccolo_master::rollout::{self, Ask, Rollout};
use piccolo_master::store::{EmbeddedStore, SharedStore};
use piccolo_proto::{AgentConfig, Node, NodeState};
use tokio::time::Instant;

#[tokio::test(start_paused = true)]
async fn a_batch_that_never_acks_fails_at_its_timeout_on_tokio_time() {
    let dir = tempfile::tempdir().unwrap();
    let store: SharedStore = Arc::new(EmbeddedStore::open(&dir.path().join("store.redb")).unwrap());
    let metrics = Arc::new(Metrics::new());
    let persister = Persister::new(store.clone(), metrics.clone());
    let settings = Settings {
        heartbeat_timeout: Duration::from_secs(3600),
        persist_interval: Duration::from_secs(60),
        max_events: 1000,
        state_damping: Duration::ZERO,
    };
    let registry = Registry::load(store.clone(), persister, settings, metrics).await.unwrap();
    let n = Node { name: "n".into(), state: NodeState::Initializing as i32, approved: true, ..Default::default() };
    registry.enroll(n, "127.0.0.1").await.unwrap();
    let (tx, _rx) = tokio::sync::mpsc::channel(64);
    registry.open_session("n", None, String::new(), tx).unwrap();
    let defaults = AgentConfig { heartbeat_interval_ms: 5000, ..Default::default() };
    let state = Rollout {
        registry: registry.clone(),
        configs: Arc::new(Configs::load(store, defaults).await.unwrap()),
        config_lock: Default::default(),
        rollouts: Default::default(),
        min_heartbeat_ms: 100,
        shared: false,
        master: "m".into(),
    };
    let ask = Ask {
        config: AgentConfig { heartbeat_interval_ms: 7000, ..Default::default() },
        batch_timeout_ms: 60_000,
        ..Default::default()
    };
    let (plan, status) = rollout::begin(&state, ask, "test").await.unwrap();
    assert_eq!(status.state, "running");
    let (started, real) = (Instant::now(), std::time::Instant::now());
    rollout::run(state.clone(), plan).await;
    let s = state.rollouts.status();
    assert_eq!(s.state, "failed", "{s:?}");
    assert!(s.message.contains("not acked and Ready within 60s"), "{}", s.message);
    assert_eq!(s.batches[0].state, "rolled-back");
    // The batch wait and the wait for the restore's ack: two timeouts on
    // tokio's clock, in far less real time.
    assert!(started.elapsed() >= Duration::from_secs(120), "{:?}", started.elapsed());
    assert!(real.elapsed() < Duration::from_secs(20), "{:?}", real.elapsed());
}
