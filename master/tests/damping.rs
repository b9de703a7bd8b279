//! `state_damping` and the heartbeat timeout on the real registry (embedded
//! store) with tokio's clock paused and advanced by the test, so nothing
//! sleeps: one blip after a long Ready period comes back at once; a node that
//! drops again soon after becoming Ready is held NotReady for the damping,
//! then promoted by the tick while its heartbeats continue; a silent node goes
//! NotReady at the heartbeat timeout and not before.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use tokio::time::{Instant, advance};

use piccolo_master::metrics::Metrics;
use piccolo_master::persister::Persister;
use piccolo_master::registry::{Registry, Settings};
use piccolo_master::store::{EmbeddedStore, SharedStore};
use piccolo_proto::{Node, NodeState};

const DAMPING: Duration = Duration::from_secs(30);
const TIMEOUT: Duration = Duration::from_secs(30);

async fn registry(dir: &std::path::Path) -> Arc<Registry> {
    let store: SharedStore = Arc::new(EmbeddedStore::open(&dir.join("store.redb")).unwrap());
    let metrics = Arc::new(Metrics::new());
    let persister = Persister::new(store.clone(), metrics.clone());
    let settings = Settings {
        heartbeat_timeout: TIMEOUT,
        persist_interval: Duration::from_secs(60),
        max_events: 1000,
        state_damping: DAMPING,
    };
    Registry::load(store, persister, settings, metrics).await.unwrap()
}

/// Opens a session; the receiver must live as long as the session.
type Rx = tokio::sync::mpsc::Receiver<Result<piccolo_proto::MasterMessage, tonic::Status>>;
fn connect(r: &Registry, name: &str, keep: &mut Vec<Rx>) -> u64 {
    let (tx, rx) = tokio::sync::mpsc::channel(16);
    keep.push(rx);
    r.open_session(name, None, String::new(), tx).unwrap()
}

#[tokio::test(start_paused = true)]
async fn a_blip_recovers_at_once_and_a_flap_is_held() {
    let dir = tempfile::tempdir().unwrap();
    let r = registry(dir.path()).await;
    let mut keep = Vec::new();
    let node = Node { name: "n".into(), state: NodeState::Initializing as i32, approved: true, ..Default::default() };
    r.enroll(node, "127.0.0.1").await.unwrap();
    let s = connect(&r, "n", &mut keep);
    // Readiness needs a report first: a heartbeat alone proves liveness only.
    assert_eq!(r.heartbeat("n", s), Some(NodeState::Initializing));
    r.status("n", piccolo_proto::StatusReport::default());
    assert_eq!(r.heartbeat("n", s), Some(NodeState::Ready));
    // Ready for longer than the damping: one blip comes straight back.
    advance(DAMPING + Duration::from_millis(50)).await;
    r.close_session("n", s);
    assert_eq!(r.get("n").unwrap().state(), NodeState::NotReady);
    let s = connect(&r, "n", &mut keep);
    assert_eq!(r.heartbeat("n", s), Some(NodeState::Ready), "a single blip is not damped");
    // Down again at once: a flap. Held NotReady despite heartbeats...
    r.close_session("n", s);
    let down = Instant::now();
    let s = connect(&r, "n", &mut keep);
    assert_eq!(r.heartbeat("n", s), Some(NodeState::NotReady), "held by damping");
    // ...until the damping has passed, when the tick promotes it.
    loop {
        r.tick();
        if r.get("n").unwrap().state() == NodeState::Ready {
            break;
        }
        assert!(down.elapsed() < DAMPING * 5, "never promoted");
        assert_eq!(r.heartbeat("n", s), Some(NodeState::NotReady));
        advance(Duration::from_millis(250)).await;
    }
    assert!(down.elapsed() >= DAMPING, "promoted after {:?}", down.elapsed());
    assert!(down.elapsed() < DAMPING + Duration::from_secs(1), "promoted late, after {:?}", down.elapsed());
}

#[tokio::test(start_paused = true)]
async fn a_silent_node_times_out_at_the_heartbeat_timeout_not_before() {
    let dir = tempfile::tempdir().unwrap();
    let r = registry(dir.path()).await;
    let mut keep = Vec::new();
    let node = Node { name: "q".into(), state: NodeState::Initializing as i32, approved: true, ..Default::default() };
    r.enroll(node, "127.0.0.1").await.unwrap();
    let s = connect(&r, "q", &mut keep);
    r.status("q", piccolo_proto::StatusReport::default());
    assert_eq!(r.heartbeat("q", s), Some(NodeState::Ready));
    // Silent (session open, no heartbeat) for just under the timeout: still Ready.
    advance(TIMEOUT - Duration::from_secs(1)).await;
    r.tick();
    assert_eq!(r.get("q").unwrap().state(), NodeState::Ready);
    // Past it: NotReady, for that reason.
    advance(Duration::from_secs(2)).await;
    r.tick();
    let n = r.get("q").unwrap();
    assert_eq!((n.state(), n.reason.as_str()), (NodeState::NotReady, "HeartbeatTimeout"));
}
