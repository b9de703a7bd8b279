//! The one loss rule for event consumers (`event_feed`), on the real registry:
//! a consumer that falls behind the change broadcast still gets every
//! lifecycle event, in order, once, from the event history; one that falls
//! behind the history gets an explicit gap, then the events after it.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use piccolo_master::event_feed::{EventFeed, Next};
use piccolo_master::metrics::Metrics;
use piccolo_master::persister::Persister;
use piccolo_master::registry::{Registry, Settings};
use piccolo_master::store::{EmbeddedStore, SharedStore};
use piccolo_proto::{Node, NodeState, StatusReport};

async fn registry(dir: &std::path::Path) -> Arc<Registry> {
    let store: SharedStore = Arc::new(EmbeddedStore::open(&dir.join("store.redb")).unwrap());
    let metrics = Arc::new(Metrics::new());
    let persister = Persister::new(store.clone(), metrics.clone());
    let settings = Settings {
        heartbeat_timeout: Duration::from_secs(30),
        persist_interval: Duration::from_secs(60),
        max_events: 100_000,
        state_damping: Duration::ZERO,
    };
    Registry::load(store, persister, settings, metrics).await.unwrap()
}

async fn node(r: &Registry, name: &str) {
    let n = Node { name: name.into(), state: NodeState::Initializing as i32, approved: true, ..Default::default() };
    r.enroll(n, "127.0.0.1").await.unwrap();
}

async fn drain(feed: &mut EventFeed) -> Vec<Next> {
    let mut out = Vec::new();
    while let Ok(n) = tokio::time::timeout(Duration::from_millis(200), feed.next()).await {
        out.push(n);
    }
    out
}

#[tokio::test]
async fn a_consumer_behind_the_broadcast_still_gets_every_event_once() {
    let dir = tempfile::tempdir().unwrap();
    let r = registry(dir.path()).await;
    node(&r, "n").await;
    let mut feed = EventFeed::new(r.clone());
    let start = feed.last_seq();
    // 10 events among 6,000 changes without one (status reports): far more
    // than the broadcast holds, so the feed lags behind it.
    for i in 0..6000 {
        if i % 600 == 0 {
            r.record_event("n", "WorkloadStarted", "Test", &format!("event {i}"));
        }
        r.status("n", StatusReport::default());
    }
    let got = drain(&mut feed).await;
    let seqs: Vec<u64> = got
        .iter()
        .map(|n| match n {
            Next::Event(e) => e.seq,
            other => panic!("expected only events, got {other:?}"),
        })
        .collect();
    // Every event recorded after the start (the ten, plus the lifecycle
    // events the first report caused), in order, once.
    let recorded: Vec<u64> = r.events("", usize::MAX).iter().map(|e| e.seq).filter(|s| *s > start).collect();
    assert!(recorded.len() >= 10, "{recorded:?}");
    assert_eq!(seqs, recorded);
}

#[tokio::test]
async fn a_consumer_behind_the_history_is_told_how_many_it_missed() {
    let dir = tempfile::tempdir().unwrap();
    let r = registry(dir.path()).await;
    node(&r, "n").await;
    let mut feed = EventFeed::new(r.clone());
    let start = feed.last_seq();
    // More events than the broadcast and the in-memory history hold.
    let total = 5000;
    for i in 0..total {
        r.record_event("n", "WorkloadStarted", "Test", &format!("event {i}"));
    }
    let got = drain(&mut feed).await;
    let Some(Next::Gap(missed)) = got.first() else { panic!("first is not a gap: {:?}", got.first()) };
    let events: Vec<u64> = got[1..]
        .iter()
        .map(|n| match n {
            Next::Event(e) => e.seq,
            other => panic!("a second gap: {other:?}"),
        })
        .collect();
    // Every event is either counted as missed or delivered, in order, once.
    assert_eq!(*missed + events.len() as u64, total);
    assert_eq!(events.first().copied(), Some(start + missed + 1));
    assert!(events.windows(2).all(|w| w[1] == w[0] + 1), "not consecutive");
    assert_eq!(events.last().copied(), Some(start + total));
}

fn replayed(seq: u64, name: &str) -> piccolo_proto::BufferedEntry {
    piccolo_proto::BufferedEntry {
        seq,
        time_ms: 1_000 + i64::try_from(seq).unwrap(),
        entry: Some(piccolo_proto::buffered_entry::Entry::ContainerEvent(piccolo_proto::ContainerEvent {
            name: name.into(),
            action: "died".into(),
            exit_code: 1,
            ..Default::default()
        })),
    }
}

/// An agent's offline replay is published like any event: a live event
/// stream (and so the hooks) and a node watcher hear of each replayed entry
/// when it arrives, not only from the history at the next event.
#[tokio::test]
async fn replayed_offline_events_reach_live_consumers() {
    let dir = tempfile::tempdir().unwrap();
    let r = registry(dir.path()).await;
    node(&r, "n").await;
    let mut feed = EventFeed::new(r.clone());
    let watcher = r.watch(false);
    let replay = piccolo_proto::OfflineReplay {
        entries: vec![replayed(1, "web"), replayed(2, "db")],
        offline_since_ms: 1_000,
        offline_until_ms: 2_000,
        ..Default::default()
    };
    r.offline_replay("n", replay).unwrap();
    let got: Vec<String> = drain(&mut feed)
        .await
        .into_iter()
        .map(|n| match n {
            Next::Event(e) => e.reason,
            other => panic!("expected only events, got {other:?}"),
        })
        .collect();
    assert_eq!(got, ["web died", "db died"]);
    let mut seen = Vec::new();
    while let Ok(ch) = tokio::time::timeout(Duration::from_millis(200), watcher.next(|_| {})).await {
        seen.extend(ch.event.as_ref().map(|e| e.reason.clone()));
    }
    assert_eq!(seen, ["web died", "db died"]);
    // A second delivery of the same entries (an interrupted replay) publishes nothing again.
    let again = piccolo_proto::OfflineReplay { entries: vec![replayed(2, "db")], ..Default::default() };
    r.offline_replay("n", again).unwrap();
    assert!(drain(&mut feed).await.is_empty());
}

/// A node that turns out to be a child master leaves the device list through
/// the one commit path: node watchers get its deletion, the record is
/// queued for the store with the new role.
#[tokio::test]
async fn a_child_master_leaves_the_watchers_device_list() {
    let dir = tempfile::tempdir().unwrap();
    let r = registry(dir.path()).await;
    node(&r, "child").await;
    let watcher = r.watch(false);
    assert!(r.mark_cluster("child"));
    assert!(!r.mark_cluster("child"), "only once");
    let ch = tokio::time::timeout(Duration::from_secs(2), watcher.next(|_| {})).await.unwrap();
    assert_eq!(ch.kind(), piccolo_proto::node_watch_event::Kind::Deleted);
    assert_eq!(ch.node.as_ref().unwrap().role(), piccolo_proto::NodeRole::Master);
    assert!(r.list().iter().all(|n| n.name != "child"), "not listed as a device");
}
